// The blobs a document references decide who may read them on the server: every attachment is
// found, on the document and on its direct sub-objects, and nothing that is not a SHA-256.
import { describe, expect, it } from 'vitest';
import { blobRefsOf } from '../../../../shared/sync/blobRefs';

const sha = (c: string) => c.repeat(64);
const file = (s: string) => ({ sha256: s, name: 'x.pdf', mediaType: 'application/pdf', size: 1 });

describe('blobRefsOf', () => {
  it('collects attachments on the document and inside cancellation and report-back, sorted, once each', () => {
    const doc = {
      id: 'r1',
      attachments: [file(sha('b')), file(sha('a'))],
      cancellation: { reason: 'x', attachments: [file(sha('c')), file(sha('a'))] },
      reportBack: { attachments: [file(sha('d'))] },
      cancelledBy: null,
    };
    expect(blobRefsOf('leaveRequests', doc)).toEqual([sha('a'), sha('b'), sha('c'), sha('d')]);
  });

  it('finds nothing where there is nothing, and ignores what is not a SHA-256', () => {
    expect(blobRefsOf('leaveRequests', { id: 'r1', attachments: [], cancellation: null, reportBack: null })).toEqual([]);
    expect(blobRefsOf('users', { id: 'u1', roles: ['staff'] })).toEqual([]);
    for (const doc of [null, undefined, 'x', 3, [file(sha('a'))]]) expect(blobRefsOf('x', doc)).toEqual([]);
    const odd = {
      attachments: [file(sha('A')), file('abc'), { sha256: 7 }, null, 'x', file(sha('e'))],
      notes: { attachments: 'not a list' },
      list: [{ attachments: [file(sha('f'))] }],
      deep: { inner: { attachments: [file(sha('f'))] } },
    };
    expect(blobRefsOf('x', odd)).toEqual([sha('e')]);
  });
});
