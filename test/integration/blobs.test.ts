// Attachments' bytes over HTTP: stored once under their SHA-256, refused when the hash, the type
// or the size is wrong, and read back only by their uploader or by readers of a document that
// references them; to anyone else a blob that exists looks exactly like one that does not.
import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LoginResponse } from '../../shared/protocol/http';
import { MAX_BLOB_BYTES, recordBlobRefs } from '../../server/blobs/store';
import { BACKENDS } from '../support/backends';
import { login, startTestServer, type TestServer } from '../support/harness';

const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const pdf = (label: string) => new Uint8Array(Buffer.concat([Buffer.from(`%PDF-1.7 ${label} `), randomBytes(2000)]));

describe.each(BACKENDS)('attachment blobs over HTTP (%s)', (backend) => {
  let server: TestServer;
  let wangqiang: LoginResponse;
  let zhaomin: LoginResponse;
  let chenjing: LoginResponse;

  beforeAll(async () => {
    server = await startTestServer(backend);
    [wangqiang, zhaomin, chenjing] = await Promise.all([login(server.url, 'wangqiang'), login(server.url, 'zhaomin'), login(server.url, 'chenjing')]);
  });
  afterAll(async () => {
    await server.close();
  });

  const url = (hash: string) => `${server.url}/api/blobs/${hash}`;
  const put = (token: string | null, hash: string, body: BodyInit, mediaType = 'application/pdf', extra: RequestInit = {}) =>
    fetch(url(hash), { method: 'PUT', headers: { 'content-type': mediaType, ...(token ? { authorization: `Bearer ${token}` } : {}) }, body, ...extra });
  const get = (token: string | null, hash: string, method: 'GET' | 'HEAD' = 'GET') =>
    fetch(url(hash), { method, headers: token ? { authorization: `Bearer ${token}` } : {} });
  const count = async (sql: string, params: unknown[] = []) => Number((await server.db.query<{ n: unknown }>(sql, params)).rows[0]?.n);
  const stored = (hash: string) => count('SELECT count(*) AS n FROM blobs WHERE sha256 = $1', [hash]);
  const uploadAudits = (hash: string) => count("SELECT count(*) AS n FROM audit_log WHERE kind = 'blob.uploaded' AND detail->>'sha256' = $1", [hash]);

  it('stores an upload once, records it without its content, and gives it back to its uploader', async () => {
    const bytes = pdf('certificate');
    const hash = sha(bytes);
    const first = await put(wangqiang.token, hash, bytes, 'application/pdf; charset=binary');
    expect(first.status).toBe(201);
    // Sent again (the answer was lost): accepted, still one row, nothing new to audit.
    expect((await put(wangqiang.token, hash, bytes)).status).toBe(204);
    expect(await stored(hash)).toBe(1);
    expect(await uploadAudits(hash)).toBe(1);
    const audit = (await server.db.query<{ actor_id: string; detail: Record<string, unknown> }>("SELECT actor_id, detail FROM audit_log WHERE kind = 'blob.uploaded' AND detail->>'sha256' = $1", [hash])).rows[0];
    expect(audit).toEqual({ actor_id: wangqiang.user.id, detail: { sha256: hash, size: bytes.length, mediaType: 'application/pdf', stored: true } });

    const res = await get(wangqiang.token, hash);
    expect(res.status).toBe(200);
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(bytes);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-length')).toBe(String(bytes.length));
    expect(res.headers.get('content-disposition')).toBe('attachment');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('cache-control')).toBe('private, max-age=31536000, immutable');

    const head = await get(wangqiang.token, hash, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.headers.get('content-length')).toBe(String(bytes.length));
    expect(head.headers.get('content-type')).toBe('application/pdf');
    expect((await head.arrayBuffer()).byteLength).toBe(0);
  });

  it('refuses a wrong hash, a type not on the list and a file over the limit, storing nothing', async () => {
    const bytes = pdf('refused');
    const hash = sha(bytes);
    const other = sha(pdf('other'));
    expect(await (await put(wangqiang.token, other, bytes)).json()).toEqual({ error: 'blob.hash_mismatch' });
    expect((await put(wangqiang.token, 'not-a-hash', bytes)).status).toBe(400);
    expect((await put(wangqiang.token, hash.toUpperCase(), bytes)).status).toBe(400);
    for (const type of ['text/html', 'image/svg+xml', 'application/octet-stream', '']) {
      const res = await put(wangqiang.token, hash, bytes, type);
      expect(res.status).toBe(400);
      expect(await res.json()).toEqual({ error: 'blob.bad_type' });
    }

    const big = new Uint8Array(MAX_BLOB_BYTES + 1);
    const bigHash = sha(big);
    const declared = await put(wangqiang.token, bigHash, big);
    expect(declared.status).toBe(400);
    expect(await declared.json()).toEqual({ error: 'blob.too_large' });
    // Streamed without a Content-Length: cut off at the limit while reading.
    const chunk = new Uint8Array(1024 * 1024);
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 21; i++) controller.enqueue(chunk);
        controller.close();
      },
    });
    const streamed = await put(wangqiang.token, sha(new Uint8Array(21 * 1024 * 1024)), stream, 'application/pdf', { duplex: 'half' } as RequestInit);
    expect(streamed.status).toBe(400);
    expect(await streamed.json()).toEqual({ error: 'blob.too_large' });

    expect(await count('SELECT count(*) AS n FROM blobs WHERE sha256 = ANY($1::text[])', [[hash, other, bigHash]])).toBe(0);
    // The limit itself is allowed.
    const atLimit = new Uint8Array(MAX_BLOB_BYTES);
    atLimit[0] = 0x25;
    expect((await put(wangqiang.token, sha(atLimit), atLimit, 'image/png')).status).toBe(201);
  });

  it('answers 401 without a valid session, before reading the upload', async () => {
    const bytes = pdf('anonymous');
    const hash = sha(bytes);
    const before = await count("SELECT count(*) AS n FROM audit_log WHERE kind = 'access.denied' AND detail->>'channel' = 'blob'");
    for (const token of [null, 'x'.repeat(43)]) {
      const res = await put(token, hash, bytes);
      expect(res.status).toBe(401);
      expect(await res.json()).toEqual({ error: 'auth.session_expired' });
      expect((await get(token, hash)).status).toBe(401);
    }
    expect(await stored(hash)).toBe(0);
    expect(await count("SELECT count(*) AS n FROM audit_log WHERE kind = 'access.denied' AND detail->>'channel' = 'blob'")).toBe(before + 4);
  });

  it('hides a blob from a colleague with no referencing document, exactly like a missing one', async () => {
    const bytes = pdf('private');
    const hash = sha(bytes);
    expect((await put(wangqiang.token, hash, bytes)).status).toBe(201);
    const hidden = await get(zhaomin.token, hash);
    const missing = await get(zhaomin.token, sha(pdf('never uploaded')));
    expect([hidden.status, missing.status]).toEqual([404, 404]);
    expect(await hidden.json()).toEqual(await missing.json());
    expect((await get(zhaomin.token, hash, 'HEAD')).status).toBe(404);
    expect((await get(zhaomin.token, 'nonsense')).status).toBe(404);

    // Uploading the same bytes proves nothing about someone else having them: 201, not 204.
    expect((await put(zhaomin.token, hash, bytes)).status).toBe(201);
    expect(await stored(hash)).toBe(1);
    expect(await uploadAudits(hash)).toBe(2);
    expect((await get(zhaomin.token, hash)).status).toBe(404);
  });

  it('lets the readers of a document that references a blob read it, for as long as it does', async () => {
    const bytes = pdf('referenced');
    const hash = sha(bytes);
    expect((await put(wangqiang.token, hash, bytes, 'image/jpeg')).status).toBe(201);
    const docId = `doc-${hash.slice(0, 8)}`;
    await server.db.query("INSERT INTO documents (collection, id, data, deleted, seq, readers) VALUES ('blobTests', $1, '{}', false, 0, $2)", [
      docId,
      [`user:${zhaomin.user.id}`],
    ]);
    await server.db.transaction((tx) => recordBlobRefs(tx, 'blobTests', docId, [hash, hash]));
    expect(await count('SELECT count(*) AS n FROM blob_refs WHERE collection = $1 AND id = $2', ['blobTests', docId])).toBe(1);

    const res = await get(zhaomin.token, hash);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/jpeg');
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(bytes);
    expect((await get(chenjing.token, hash)).status).toBe(404);

    // Readers by department: chenjing's whole department may read now, zhaomin no longer.
    await server.db.query("UPDATE documents SET readers = $2 WHERE collection = 'blobTests' AND id = $1", [docId, [`dept:${chenjing.user.departmentId}`]]);
    expect((await get(chenjing.token, hash)).status).toBe(200);
    expect((await get(zhaomin.token, hash)).status).toBe(404);

    // A deleted document grants nothing; neither does a reference that was replaced.
    await server.db.query("UPDATE documents SET deleted = true WHERE collection = 'blobTests' AND id = $1", [docId]);
    expect((await get(chenjing.token, hash)).status).toBe(404);
    await server.db.query("UPDATE documents SET deleted = false WHERE collection = 'blobTests' AND id = $1", [docId]);
    await server.db.transaction((tx) => recordBlobRefs(tx, 'blobTests', docId, []));
    expect((await get(chenjing.token, hash)).status).toBe(404);
    // The uploader always can.
    expect((await get(wangqiang.token, hash)).status).toBe(200);
  });

  it('lets the desktop app (app://bureau) upload across origins', async () => {
    const res = await fetch(url(sha(pdf('cors'))), { method: 'OPTIONS', headers: { origin: 'app://bureau', 'access-control-request-method': 'PUT' } });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-methods')).toContain('PUT');
    expect(res.headers.get('access-control-allow-headers')).toContain('authorization');
  });
});
