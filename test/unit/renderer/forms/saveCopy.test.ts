// "Save a copy": bytes from this device when it has them, otherwise downloaded and checked
// against their SHA-256 (the sync engine's download code), kept for offline use, then handed to
// the platform to write; the saved version is remembered for the new-version notice.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { copyFileName, saveFormCopy, type SaveCopyDeps } from '../../../../renderer/features/forms/saveCopy';
import type { BureauDb } from '../../../../renderer/db';
import type { SaveFileRequest, SaveOutcome } from '../../../../renderer/platform';
import { BlobUploader } from '../../../../renderer/sync/blobUploader';
import { sha256HexOf } from '../../../../shared/crypto/sha256';
import type { FormTemplate, FormVersion } from '../../../../shared/domain/forms';
import { openDb, PDF, template, TODAY } from './fixtures';

const SERVER = 'http://bureau.test';
const pdfBytes = new TextEncoder().encode('%PDF-1.4\n% 因公出国（境）审批表 v1\n%%EOF\n');

function realVersion(label: string, bytes: Uint8Array, effectiveOn = '2026-01-01'): FormVersion {
  return {
    version: label,
    effectiveOn,
    file: { sha256: sha256HexOf(bytes), name: 'shenpibiao.pdf', mediaType: PDF, size: bytes.byteLength },
    note: '',
    publishedAt: `${effectiveOn}T01:00:00.000Z`,
    publishedBy: 'u-lina',
  };
}

/** The server's blob route, answering with these bytes for every hash (right or wrong). */
function serverWith(bytes: Uint8Array | null, online = true) {
  const calls: string[] = [];
  const fetch = vi.fn(async (input: RequestInfo | URL) => {
    calls.push(String(input));
    if (!online) throw new TypeError('Failed to fetch');
    return bytes ? new Response(new Blob([bytes.slice()]), { status: 200, headers: { 'content-type': PDF } }) : new Response(null, { status: 404 });
  });
  const uploader = new BlobUploader({ serverUrl: SERVER, getToken: () => 'token', fetch: fetch as unknown as typeof globalThis.fetch });
  return { download: (sha: string) => uploader.download(sha), calls };
}

function platformSaving(outcome: (request: SaveFileRequest) => SaveOutcome = (r) => ({ status: 'downloaded', fileName: r.name })) {
  const requests: SaveFileRequest[] = [];
  return {
    requests,
    saveFile: async (request: SaveFileRequest) => {
      requests.push(request);
      return outcome(request);
    },
  };
}

let db: BureauDb;
afterEach(() => db?.close());

describe('saving a copy of a form', () => {
  const v1 = realVersion('v1', pdfBytes);
  const form: FormTemplate = template('abroad', [v1], { title: '因公出国（境）审批表', category: '出国（境）管理' });

  it('downloads a file this device lacks, checks it, keeps it offline, writes it and remembers the version', async () => {
    db = openDb();
    const server = serverWith(pdfBytes);
    const platform = platformSaving();
    const deps: SaveCopyDeps = { db, download: server.download, saveFile: platform.saveFile, today: TODAY, now: () => '2026-06-15T02:00:00.000Z' };

    const outcome = await saveFormCopy(deps, form, v1);
    expect(outcome).toEqual({ status: 'downloaded', fileName: '因公出国（境）审批表（v1）.pdf', source: 'server' });
    expect(platform.requests).toHaveLength(1);
    expect(platform.requests[0]).toMatchObject({ name: '因公出国（境）审批表（v1）.pdf', mediaType: PDF, sha256: v1.file.sha256 });
    expect(sha256HexOf(platform.requests[0]!.bytes)).toBe(v1.file.sha256);
    expect(await db.formFiles.get(v1.file.sha256)).toMatchObject({ templateId: 'abroad', version: 'v1', size: pdfBytes.byteLength });
    expect(await db.savedForms.get('abroad')).toEqual({ templateId: 'abroad', version: 'v1', sha256: v1.file.sha256, savedAt: '2026-06-15T02:00:00.000Z', acknowledgedSha256: null });

    // The second copy comes from this device: the server is not asked again.
    const again = await saveFormCopy({ ...deps, download: null }, form, v1);
    expect(again).toMatchObject({ status: 'downloaded', source: 'cache' });
    expect(server.calls).toHaveLength(1);
  });

  it('offline with no copy on this device: says so, writes nothing and remembers nothing', async () => {
    db = openDb();
    const platform = platformSaving();
    const offline = serverWith(pdfBytes, false);
    expect(await saveFormCopy({ db, download: offline.download, saveFile: platform.saveFile, today: TODAY }, form, v1)).toEqual({ status: 'unavailable', why: 'offline' });
    expect(await saveFormCopy({ db, download: null, saveFile: platform.saveFile, today: TODAY }, form, v1)).toEqual({ status: 'unavailable', why: 'offline' });
    expect(platform.requests).toEqual([]);
    expect(await db.savedForms.count()).toBe(0);
    expect(await db.formFiles.count()).toBe(0);
  });

  it('refuses bytes that do not match the published hash: nothing kept, nothing written', async () => {
    db = openDb();
    const platform = platformSaving();
    const tampered = serverWith(new TextEncoder().encode('%PDF-1.4\n% something else\n'));
    expect(await saveFormCopy({ db, download: tampered.download, saveFile: platform.saveFile, today: TODAY }, form, v1)).toEqual({ status: 'unavailable', why: 'corrupt' });
    expect(platform.requests).toEqual([]);
    expect(await db.formFiles.count()).toBe(0);
    expect(await db.savedForms.count()).toBe(0);
  });

  it('a damaged offline copy is dropped and the file downloaded again; offline, it is not offered', async () => {
    db = openDb();
    const damaged = new TextEncoder().encode('%PDF-1.4\n% 因公出国（境）审批表 v1\n%%EO');
    const putDamaged = () =>
      db.formFiles.put({ sha256: v1.file.sha256, templateId: 'abroad', version: 'v1', name: v1.file.name, mediaType: PDF, size: damaged.byteLength, data: new Blob([damaged.slice()], { type: PDF }), category: form.category, fetchedAt: '2026-06-01T01:00:00.000Z', lastUsedAt: '2026-06-01T01:00:00.000Z' });

    await putDamaged();
    const server = serverWith(pdfBytes);
    const platform = platformSaving();
    expect(await saveFormCopy({ db, download: server.download, saveFile: platform.saveFile, today: TODAY }, form, v1)).toMatchObject({ status: 'downloaded', source: 'server' });
    expect(server.calls).toHaveLength(1);
    expect(sha256HexOf(platform.requests[0]!.bytes)).toBe(v1.file.sha256);
    // The copy kept now is the good one: the next save needs no server.
    const kept = await db.formFiles.get(v1.file.sha256);
    expect(sha256HexOf(new Uint8Array(await kept!.data.arrayBuffer()))).toBe(v1.file.sha256);
    expect(await saveFormCopy({ db, download: null, saveFile: platform.saveFile, today: TODAY }, form, v1)).toMatchObject({ status: 'downloaded', source: 'cache' });

    // Offline, the damaged bytes are never handed out as the form: the copy is gone, and the user told.
    await db.savedForms.clear();
    await putDamaged();
    const offline = platformSaving();
    expect(await saveFormCopy({ db, download: null, saveFile: offline.saveFile, today: TODAY }, form, v1)).toEqual({ status: 'unavailable', why: 'offline' });
    expect(offline.requests).toEqual([]);
    expect(await db.formFiles.get(v1.file.sha256)).toBeUndefined();
    expect(await db.savedForms.count()).toBe(0);
  });

  it('uses the file the publisher picked on this device, before it is even uploaded', async () => {
    db = openDb();
    await db.blobs.put({ sha256: v1.file.sha256, name: v1.file.name, mediaType: PDF, size: pdfBytes.byteLength, data: new Blob([pdfBytes.slice()], { type: PDF }), uploaded: 0, createdAt: '2026-06-15T01:00:00.000Z' });
    const platform = platformSaving((r) => ({ status: 'saved', fileName: r.name }));
    expect(await saveFormCopy({ db, download: null, saveFile: platform.saveFile, today: TODAY }, form, v1)).toMatchObject({ status: 'saved', source: 'local' });
    expect(sha256HexOf(platform.requests[0]!.bytes)).toBe(v1.file.sha256);
  });

  it('a closed save dialog or a refused write remembers nothing', async () => {
    db = openDb();
    const server = serverWith(pdfBytes);
    const cancelled = platformSaving(() => ({ status: 'cancelled' }));
    expect(await saveFormCopy({ db, download: server.download, saveFile: cancelled.saveFile, today: TODAY }, form, v1)).toEqual({ status: 'cancelled' });
    const refused = platformSaving(() => ({ status: 'failed', error: 'ipc.invalid_argument' }));
    expect(await saveFormCopy({ db, download: server.download, saveFile: refused.saveFile, today: TODAY }, form, v1)).toEqual({ status: 'failed', error: 'ipc.invalid_argument' });
    expect(await db.savedForms.count()).toBe(0);
  });

  it('names the copy after the form and version, with an extension its type allows', () => {
    const docx = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
    expect(copyFileName({ title: '请假/销假 审批表' }, { version: '2025版', file: { sha256: '0'.repeat(64), name: 'x.bin', mediaType: docx, size: 1 } })).toBe('请假_销假 审批表（2025版）.docx');
    expect(copyFileName({ title: '现场照片' }, { version: 'v1', file: { sha256: '0'.repeat(64), name: 'scan.JPEG', mediaType: 'image/jpeg', size: 1 } })).toBe('现场照片（v1）.jpeg');
  });
});
