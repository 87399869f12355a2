// Talking to a test server directly, as a client that skips the sync engine would: a socket of
// its own, mutations pushed straight over the protocol, files uploaded and fetched over HTTP.
// And files as a client machine keeps them before they are uploaded.
import { createHash } from 'node:crypto';
import { io, type Socket } from 'socket.io-client';
import type { Attachment } from '../../shared/domain/attachment';
import { SCHEMA_VERSION, type PushResponse } from '../../shared/protocol/sync';
import { BlobUploader } from '../../renderer/sync/blobUploader';
import { login, type TestClient } from './harness';

/** A connected socket signed in with `token`; rejects (and closes it) when the server refuses. */
export function openSocket(url: string, token: string): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = io(url, { auth: { token }, transports: ['websocket'], reconnection: false, forceNew: true });
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (err) => {
      socket.close();
      reject(err);
    });
  });
}

/** Pushes one mutation (client time now) for client `clientId` and returns the server's answer. */
export function pushMutation(socket: Socket, clientId: string, id: number, name: string, args: unknown): Promise<PushResponse> {
  return socket.timeout(10_000).emitWithAck('sync:push', {
    schemaVersion: SCHEMA_VERSION,
    clientId,
    mutations: [{ id, name, args, clientTime: new Date().toISOString() }],
  }) as Promise<PushResponse>;
}

/** Uploads a file by hand (PUT /api/blobs/<sha256>) and returns the HTTP status. */
export async function putBlob(url: string, token: string, sha256: string, mediaType: string, bytes: Uint8Array<ArrayBuffer>): Promise<number> {
  const res = await fetch(`${url}/api/blobs/${sha256}`, { method: 'PUT', headers: { 'content-type': mediaType, authorization: `Bearer ${token}` }, body: bytes });
  return res.status;
}

/** What `username` gets when fetching the file by its hash: its bytes, or why not ('missing' when not allowed). */
export async function downloadAs(url: string, username: string, sha256: string): Promise<Uint8Array | string> {
  const { token } = await login(url, username);
  const got = await new BlobUploader({ serverUrl: url, getToken: () => token }).download(sha256);
  return got.ok ? new Uint8Array(await got.data.arrayBuffer()) : got.why;
}

export const sha256Hex = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** Keeps a file on the machine of `c`, not yet uploaded (as a picked attachment is), and returns its reference. */
export async function keepLocal(c: TestClient, name: string, mediaType: string, bytes: Uint8Array): Promise<Attachment> {
  const file = { sha256: sha256Hex(bytes), name, mediaType, size: bytes.byteLength };
  await c.store.db.blobs.put({ ...file, data: new Blob([bytes.slice()], { type: mediaType }), uploaded: 0, createdAt: new Date().toISOString() });
  return file;
}
