// A publisher's file: office formats and pictures up to 20 MiB are kept for upload; anything else
// is refused and nothing is stored.
import { afterEach, describe, expect, it } from 'vitest';
import { discardFormFile, formFileRefusal, formMediaTypeOf, MAX_FORM_FILE_BYTES, storeFormFile } from '../../../../renderer/features/forms/formFile';
import type { BureauDb, PickedFile } from '../../../../renderer/db';
import { sha256HexOf } from '../../../../shared/crypto/sha256';
import { openDb } from './fixtures';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const ODT = 'application/vnd.oasis.opendocument.text';

function picked(name: string, type: string, bytes: Uint8Array | number): PickedFile {
  const size = typeof bytes === 'number' ? bytes : bytes.byteLength;
  return {
    name,
    type,
    size,
    arrayBuffer: async () => (typeof bytes === 'number' ? new ArrayBuffer(bytes) : bytes.slice().buffer),
  };
}

let db: BureauDb;
afterEach(() => db?.close());

describe('form files picked for publishing', () => {
  it('takes the library formats, telling an unknown type by the extension', () => {
    expect(formMediaTypeOf({ name: '审批表.docx', type: DOCX })).toBe(DOCX);
    expect(formMediaTypeOf({ name: '审批表.odt', type: '' })).toBe(ODT);
    expect(formMediaTypeOf({ name: '审批表.XLSX', type: 'application/octet-stream' })).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(formMediaTypeOf({ name: '照片.jpeg', type: '' })).toBe('image/jpeg');
    // A type the browser knows and the library does not take is not overruled by a name.
    expect(formMediaTypeOf({ name: 'page.pdf', type: 'text/html' })).toBeNull();
    expect(formMediaTypeOf({ name: 'setup.exe', type: 'application/x-msdownload' })).toBeNull();
    expect(formMediaTypeOf({ name: 'notes.txt', type: '' })).toBeNull();
  });

  it('refuses other types, empty files and files over 20 MiB', () => {
    expect(formFileRefusal({ name: 'a.svg', type: 'image/svg+xml', size: 10 })).toBe('bad_type');
    expect(formFileRefusal({ name: 'a.pdf', type: 'application/pdf', size: 0 })).toBe('empty');
    expect(formFileRefusal({ name: 'a.pdf', type: 'application/pdf', size: MAX_FORM_FILE_BYTES + 1 })).toBe('too_large');
    expect(formFileRefusal({ name: 'a.pdf', type: 'application/pdf', size: MAX_FORM_FILE_BYTES })).toBeNull();
  });

  it('keeps an accepted file once, by its hash, waiting for upload; a refused one changes nothing', async () => {
    db = openDb();
    const bytes = new TextEncoder().encode('PK\u0003\u0004 word document');
    const first = await storeFormFile({ db }, picked('因公出国（境）审批表.docx', '', bytes), '2026-06-15T01:00:00.000Z');
    expect(first).toEqual({ ok: true, file: { sha256: sha256HexOf(bytes), name: '因公出国（境）审批表.docx', mediaType: DOCX, size: bytes.byteLength } });
    const again = await storeFormFile({ db }, picked('copy.docx', DOCX, bytes));
    expect(again.ok).toBe(true);
    const rows = await db.blobs.toArray();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ sha256: sha256HexOf(bytes), mediaType: DOCX, uploaded: 0 });

    expect(await storeFormFile({ db }, picked('big.pdf', 'application/pdf', MAX_FORM_FILE_BYTES + 1))).toEqual({ ok: false, why: 'too_large' });
    expect(await storeFormFile({ db }, picked('script.html', 'text/html', new TextEncoder().encode('<script>')))).toEqual({ ok: false, why: 'bad_type' });
    expect(await db.blobs.count()).toBe(1);
  });

  it('forgets a file whose publication was refused, unless a queued publication still needs it', async () => {
    db = openDb();
    const bytes = new TextEncoder().encode('%PDF-1.4 form');
    const stored = await storeFormFile({ db }, picked('a.pdf', 'application/pdf', bytes));
    if (!stored.ok) throw new Error('not stored');
    await db.outbox.put({ id: 1, name: 'form.publish', args: { file: stored.file }, clientTime: '2026-06-15T01:00:00.000Z' });
    await discardFormFile({ db }, stored.file.sha256);
    expect(await db.blobs.count()).toBe(1);

    await db.outbox.clear();
    await discardFormFile({ db }, stored.file.sha256);
    expect(await db.blobs.count()).toBe(0);
  });
});
