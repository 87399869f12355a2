// The attachment uploader: what is pending in the local blobs table reaches the server exactly
// once, a cut connection resumes where it stopped, and a file the server refuses is marked with
// the reason instead of being sent again at every push.
import { createHash, randomBytes } from 'node:crypto';
import { Dexie, type Table } from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import type { LocalStore } from '../../../renderer/db';
import { BlobUploader, sha256Fallback, sha256Hex, type BlobStoreLike, type LocalBlobRow } from '../../../renderer/sync/blobUploader';

// Compile-time: the LocalStore is what the sync engine will hand over.
const _localStoreFits = (s: LocalStore): BlobStoreLike => s;

const TOKEN = 't'.repeat(43);
const SERVER = 'http://bureau.test:8470/';

const nodeSha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

let dbCounter = 0;
function openBlobs(): { store: BlobStoreLike; table: Table<LocalBlobRow, string>; close(): void } {
  const db = new Dexie(`blob-test-${++dbCounter}`, { indexedDB: new IDBFactory(), IDBKeyRange });
  db.version(1).stores({ blobs: 'sha256, uploaded' });
  return { store: { db }, table: db.table('blobs'), close: () => db.close() };
}

function row(text: string, mediaType = 'application/pdf'): { row: LocalBlobRow; bytes: Uint8Array } {
  const bytes = new TextEncoder().encode(text);
  return {
    bytes,
    row: { sha256: nodeSha(bytes), name: `${text}.pdf`, mediaType, size: bytes.length, data: new Blob([bytes], { type: mediaType }), uploaded: 0, createdAt: '2027-03-01T08:00:00.000Z' },
  };
}

type Answer = Response | 'network-error' | undefined;
type Handler = (method: string, sha: string, init: RequestInit) => Answer | Promise<Answer>;

interface FakeServer {
  stored: Map<string, { bytes: Uint8Array; type: string }>;
  calls: Array<{ method: string; sha: string; auth: string | null }>;
  /** Answers instead of the fake server when it returns something. */
  intercept: Handler | null;
  fetch: typeof fetch;
}

/** A fake server: stores what is PUT, answers HEAD, and lets a test interfere with `intercept`. */
function fakeServer(): FakeServer {
  const stored: FakeServer['stored'] = new Map();
  const calls: FakeServer['calls'] = [];
  const server: FakeServer = {
    stored,
    calls,
    intercept: null,
    fetch: (async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
      const url = new URL(String(input));
      const sha = url.pathname.replace('/api/blobs/', '');
      const method = init.method ?? 'GET';
      const headers = new Headers(init.headers);
      calls.push({ method, sha, auth: headers.get('authorization') });
      expect(url.origin + url.pathname).toBe(`http://bureau.test:8470/api/blobs/${sha}`);
      const intercepted = await server.intercept?.(method, sha, init);
      if (intercepted === 'network-error') throw new TypeError('fetch failed');
      if (intercepted) return intercepted;
      if (method === 'HEAD') return new Response(null, { status: stored.has(sha) ? 200 : 404 });
      if (method === 'PUT') {
        const bytes = new Uint8Array(await (init.body as Blob).arrayBuffer());
        if (nodeSha(bytes) !== sha) return Response.json({ error: 'blob.hash_mismatch' }, { status: 400 });
        const existed = stored.has(sha);
        stored.set(sha, { bytes, type: headers.get('content-type') ?? '' });
        return new Response(null, { status: existed ? 204 : 201 });
      }
      if (method === 'GET') {
        const blob = stored.get(sha);
        return blob ? new Response(new Blob([blob.bytes.slice()]), { status: 200, headers: { 'content-type': blob.type } }) : new Response(null, { status: 404 });
      }
      return new Response(null, { status: 405 });
    }) as typeof fetch,
  };
  return server;
}

describe('sha256Hex', () => {
  it('gives the same hex digest as node:crypto, with crypto.subtle and with the fallback', async () => {
    const inputs = [0, 1, 3, 55, 56, 63, 64, 65, 119, 120, 1000, 1 << 20].map((n) => new Uint8Array(randomBytes(n)));
    inputs.push(new TextEncoder().encode('abc'));
    for (const bytes of inputs) {
      const expected = nodeSha(bytes);
      expect(await sha256Hex(bytes.slice().buffer)).toBe(expected);
      expect(Buffer.from(sha256Fallback(bytes)).toString('hex')).toBe(expected);
    }
    expect(Buffer.from(sha256Fallback(new TextEncoder().encode('abc'))).toString('hex')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});

describe('BlobUploader', () => {
  it('sends each pending blob once, with the session token and its media type, skipping what the server has', async () => {
    const { store, table, close } = openBlobs();
    const server = fakeServer();
    const a = row('certificate');
    const b = row('photo', 'image/jpeg');
    const c = row('already there');
    const done = { ...row('done before').row, uploaded: 1 as const };
    await table.bulkAdd([a.row, b.row, c.row, done]);
    server.stored.set(c.row.sha256, { bytes: c.bytes, type: 'application/pdf' });

    const uploader = new BlobUploader({ serverUrl: SERVER, getToken: () => TOKEN, fetch: server.fetch });
    const report = await uploader.uploadPending(store);
    expect(report.stopped).toBeNull();
    expect(report.uploaded.sort()).toEqual([a.row.sha256, b.row.sha256].sort());
    expect(report.present).toEqual([c.row.sha256]);
    expect(report.failed).toEqual([]);
    expect(server.stored.get(b.row.sha256)).toEqual({ bytes: b.bytes, type: 'image/jpeg' });
    expect(server.calls.every((call) => call.auth === `Bearer ${TOKEN}`)).toBe(true);
    expect(server.calls.some((call) => call.sha === done.sha256)).toBe(false);
    expect(server.calls.filter((call) => call.method === 'PUT').map((call) => call.sha).sort()).toEqual([a.row.sha256, b.row.sha256].sort());
    expect((await table.toArray()).every((r) => r.uploaded === 1)).toBe(true);

    // Nothing left: the next push costs one index read and no request.
    const calls = server.calls.length;
    expect(await uploader.uploadPending(store)).toEqual({ uploaded: [], present: [], failed: [], stopped: null });
    expect(server.calls.length).toBe(calls);
    close();
  });

  it('resumes after a cut connection by sending only what is still missing', async () => {
    const { store, table, close } = openBlobs();
    const server = fakeServer();
    const rows = ['one', 'two', 'three'].map((t) => row(t));
    await table.bulkAdd(rows.map((r) => r.row));
    let puts = 0;
    server.intercept = (method) => (method === 'PUT' && ++puts === 2 ? 'network-error' : undefined);
    const uploader = new BlobUploader({ serverUrl: SERVER, getToken: () => TOKEN, fetch: server.fetch });

    const first = await uploader.uploadPending(store);
    expect(first.stopped).toBe('offline');
    expect(first.uploaded).toHaveLength(1);
    expect(await table.where('uploaded').equals(0).count()).toBe(2);

    server.intercept = null;
    const second = await uploader.uploadPending(store);
    expect(second.stopped).toBeNull();
    expect(second.uploaded).toHaveLength(2);
    expect(second.uploaded).not.toContain(first.uploaded[0]);
    expect(server.stored.size).toBe(3);
    // Every blob was PUT successfully exactly once.
    expect(new Set(server.calls.filter((c) => c.method === 'PUT').map((c) => c.sha)).size).toBe(3);
    close();
  });

  it('marks a refused blob with the reason and never sends it again', async () => {
    const { store, table, close } = openBlobs();
    const server = fakeServer();
    const big = row('too big');
    const odd = row('odd type', 'application/x-msdownload');
    const behindProxy = row('proxy limit');
    const fine = row('fine');
    await table.bulkAdd([big.row, odd.row, behindProxy.row, fine.row]);
    server.intercept = (method, sha) => {
      if (method !== 'PUT') return undefined;
      if (sha === big.row.sha256) return Response.json({ error: 'blob.too_large' }, { status: 400 });
      if (sha === odd.row.sha256) return Response.json({ error: 'blob.bad_type' }, { status: 400 });
      // nginx's client_max_body_size answers with an HTML page, not our JSON.
      if (sha === behindProxy.row.sha256) return new Response('<html>413 Request Entity Too Large</html>', { status: 413 });
      return undefined;
    };
    const uploader = new BlobUploader({ serverUrl: SERVER, getToken: () => TOKEN, fetch: server.fetch });
    const report = await uploader.uploadPending(store);
    expect(report.stopped).toBeNull();
    expect(report.uploaded).toEqual([fine.row.sha256]);
    expect(new Map(report.failed.map((f) => [f.sha256, f.error]))).toEqual(
      new Map([
        [big.row.sha256, 'blob.too_large'],
        [odd.row.sha256, 'blob.bad_type'],
        [behindProxy.row.sha256, 'blob.too_large'],
      ]),
    );
    expect(await table.get(odd.row.sha256)).toMatchObject({ uploaded: 0, error: 'blob.bad_type' });
    expect(server.calls.filter((c) => c.method === 'PUT' && c.sha === odd.row.sha256)).toHaveLength(1);

    const calls = server.calls.length;
    expect(await uploader.uploadPending(store)).toEqual({ uploaded: [], present: [], failed: [], stopped: null });
    expect(server.calls.length).toBe(calls);
    close();
  });

  it('sends a blob the server found damaged once more, then marks it', async () => {
    const { store, table, close } = openBlobs();
    const server = fakeServer();
    const flaky = row('damaged once');
    const rotten = row('damaged on disk');
    await table.bulkAdd([flaky.row, rotten.row]);
    let damagedOnce = false;
    server.intercept = (method, sha) => {
      if (method !== 'PUT') return undefined;
      if (sha === rotten.row.sha256 || (sha === flaky.row.sha256 && !damagedOnce)) {
        damagedOnce ||= sha === flaky.row.sha256;
        return Response.json({ error: 'blob.hash_mismatch' }, { status: 400 });
      }
      return undefined;
    };
    const uploader = new BlobUploader({ serverUrl: SERVER, getToken: () => TOKEN, fetch: server.fetch });
    const report = await uploader.uploadPending(store);
    expect(report.uploaded).toEqual([flaky.row.sha256]);
    expect(report.failed).toEqual([{ sha256: rotten.row.sha256, error: 'blob.hash_mismatch' }]);
    expect(server.calls.filter((c) => c.method === 'PUT' && c.sha === rotten.row.sha256)).toHaveLength(2);
    close();
  });

  it('stops without marking anything when signed out, the session ended or the server is busy', async () => {
    const { store, table, close } = openBlobs();
    const server = fakeServer();
    const a = row('a');
    await table.add(a.row);

    let token: string | null = null;
    const uploader = new BlobUploader({ serverUrl: SERVER, getToken: () => token, fetch: server.fetch });
    expect(await uploader.uploadPending(store)).toMatchObject({ stopped: 'unauthorized', uploaded: [] });
    expect(server.calls).toHaveLength(0);

    token = TOKEN;
    server.intercept = () => Response.json({ error: 'auth.session_expired' }, { status: 401 });
    expect(await uploader.uploadPending(store)).toMatchObject({ stopped: 'unauthorized', failed: [] });
    server.intercept = (method) => (method === 'PUT' ? Response.json({ error: 'auth.session_expired' }, { status: 401 }) : undefined);
    expect(await uploader.uploadPending(store)).toMatchObject({ stopped: 'unauthorized', failed: [] });
    for (const status of [503, 429]) {
      server.intercept = () => new Response(null, { status });
      expect(await uploader.uploadPending(store)).toMatchObject({ stopped: 'offline', failed: [] });
    }
    // A server without the blob routes yet is not a verdict on the file.
    server.intercept = (method) => (method === 'PUT' ? Response.json({ error: 'validation.invalid' }, { status: 404 }) : undefined);
    expect(await uploader.uploadPending(store)).toMatchObject({ stopped: 'offline', failed: [] });
    expect(await table.get(a.row.sha256)).toMatchObject({ uploaded: 0 });
    expect((await table.get(a.row.sha256))?.error).toBeUndefined();

    server.intercept = null;
    expect(await uploader.uploadPending(store)).toMatchObject({ stopped: null, uploaded: [a.row.sha256] });
    close();
  });

  it('covers a blob added while a run was under way in the run a later caller awaits', async () => {
    const { store, table, close } = openBlobs();
    const server = fakeServer();
    const first = row('first');
    const late = row('late');
    await table.add(first.row);
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    server.intercept = async (method, sha) => {
      if (method === 'PUT' && sha === first.row.sha256) await gate;
      return undefined;
    };
    const uploader = new BlobUploader({ serverUrl: SERVER, getToken: () => TOKEN, fetch: server.fetch });
    const running = uploader.uploadPending(store);
    await new Promise((r) => setTimeout(r, 20));
    await table.add(late.row);
    const afterAttach = uploader.uploadPending(store);
    const alsoAfterAttach = uploader.uploadPending(store);
    expect(alsoAfterAttach).toBe(afterAttach);
    release();
    expect((await running).uploaded).toEqual([first.row.sha256]);
    expect((await afterAttach).uploaded).toEqual([late.row.sha256]);
    expect(server.stored.has(late.row.sha256)).toBe(true);
    close();
  });
});

describe('BlobUploader.download', () => {
  it('fetches an attachment with the session token and hands it over only when its bytes match its name', async () => {
    const server = fakeServer();
    const uploader = new BlobUploader({ serverUrl: SERVER, getToken: () => TOKEN, fetch: server.fetch });
    const cert = row('medical certificate');
    server.stored.set(cert.row.sha256, { bytes: cert.bytes, type: 'application/pdf' });

    const got = await uploader.download(cert.row.sha256);
    expect(got.ok).toBe(true);
    if (got.ok) {
      expect(new Uint8Array(await got.data.arrayBuffer())).toEqual(cert.bytes);
      expect(got.data.type).toBe('application/pdf');
    }
    expect(server.calls.at(-1)).toEqual({ method: 'GET', sha: cert.row.sha256, auth: `Bearer ${TOKEN}` });

    // Substituted on the way (a proxy, a bad disk): never shown to the approver.
    const other = row('something else');
    server.intercept = (method) => (method === 'GET' ? new Response(new Blob([other.bytes.slice()]), { status: 200 }) : undefined);
    expect(await uploader.download(cert.row.sha256)).toEqual({ ok: false, why: 'corrupt' });

    server.intercept = null;
    expect(await uploader.download(row('never uploaded').row.sha256)).toEqual({ ok: false, why: 'missing' });
    server.intercept = () => 'network-error';
    expect(await uploader.download(cert.row.sha256)).toEqual({ ok: false, why: 'offline' });
    server.intercept = () => new Response(null, { status: 401 });
    expect(await uploader.download(cert.row.sha256)).toEqual({ ok: false, why: 'unauthorized' });
  });
});
