// The HTTP side: sign-in and sign-out, server info, attachments' bytes (blobs), and the built
// client as static files. Every body is size-limited and validated; every answer carries
// security headers.
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { loginRequestSchema, type ApiError, type LoginResponse, type ServerInfo } from '../../shared/protocol/http';
import { SCHEMA_VERSION } from '../../shared/protocol/sync';
import type { User } from '../../shared/domain/directory';
import { principalsOf, type Principal } from '../../shared/sync/access';
import { appendAudit } from '../audit/log';
import { login, logout } from '../auth/login';
import { findSession } from '../auth/sessions';
import { MAX_BLOB_BYTES, checkBlobHeader, getBlob, getBlobInfo, isSha256Hex, mayReadBlob, normalizeMediaType, putBlob, type BlobError, type BlobInfo } from '../blobs/store';
import type { Logger } from '../log';
import type { Database } from '../store/database';

export interface ApiOptions {
  db: Database;
  log: Logger;
  version: string;
  sessionTtlMs: number;
  staticDir: string | null;
  /** Origins (besides our own) allowed to call the API: the desktop app's app://bureau. */
  allowedOrigins: readonly string[];
  onLogout(tokenHash: string): void;
}

const MAX_BODY = 16 * 1024;

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  // antd's CSS-in-JS writes <style> elements at run time.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ');

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers });
  res.end(text);
}

function sendError(res: ServerResponse, status: number, error: ApiError['error'], extra: Partial<ApiError> = {}): void {
  send(res, status, { error, ...extra } satisfies ApiError, extra.retryAfterSeconds ? { 'retry-after': String(extra.retryAfterSeconds) } : {});
}

class BodyTooLarge extends Error {}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY) throw new BodyTooLarge();
    chunks.push(chunk);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
}

function bearer(req: IncomingMessage): string | null {
  const h = req.headers.authorization;
  return h?.startsWith('Bearer ') ? h.slice(7).trim() || null : null;
}

export function createApiHandler(options: ApiOptions) {
  const { db, log } = options;
  return async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    res.setHeader('x-content-type-options', 'nosniff');
    res.setHeader('referrer-policy', 'no-referrer');
    res.setHeader('x-frame-options', 'DENY');
    const url = new URL(req.url ?? '/', 'http://localhost');
    const origin = req.headers.origin;
    if (origin && options.allowedOrigins.includes(origin)) {
      res.setHeader('access-control-allow-origin', origin);
      res.setHeader('access-control-allow-headers', 'content-type, authorization');
      res.setHeader('access-control-allow-methods', 'GET, HEAD, POST, PUT');
      res.setHeader('vary', 'origin');
    }
    try {
      if (url.pathname.startsWith('/api/')) {
        if (req.method === 'OPTIONS') {
          res.writeHead(204).end();
          return;
        }
        if (url.pathname === '/api/info' && req.method === 'GET') {
          send(res, 200, { name: 'bureau', version: options.version, schemaVersion: SCHEMA_VERSION } satisfies ServerInfo);
          return;
        }
        if (url.pathname === '/api/login' && req.method === 'POST') {
          const parsed = loginRequestSchema.safeParse(await readJson(req));
          if (!parsed.success) return sendError(res, 400, 'validation.invalid');
          const address = req.socket.remoteAddress ?? 'unknown';
          const outcome = await login(db, parsed.data.username, parsed.data.password, address, { sessionTtlMs: options.sessionTtlMs });
          if (!outcome.ok) {
            const status = outcome.error === 'auth.too_many_attempts' ? 429 : outcome.error === 'auth.account_disabled' ? 403 : 401;
            return sendError(res, status, outcome.error, outcome.retryAfterSeconds ? { retryAfterSeconds: outcome.retryAfterSeconds } : {});
          }
          log.info('login', { userId: outcome.user.id });
          send(res, 200, { token: outcome.token, expiresAt: outcome.expiresAt.toISOString(), user: outcome.user } satisfies LoginResponse);
          return;
        }
        if (url.pathname === '/api/logout' && req.method === 'POST') {
          const token = bearer(req);
          const revoked = token ? await logout(db, token) : null;
          if (revoked) options.onLogout(revoked);
          res.writeHead(204).end();
          return;
        }
        const blob = BLOB_PATH.exec(url.pathname);
        if (blob) return await handleBlob(options, req, res, blob[1] ?? '');
        return sendError(res, 404, 'validation.invalid');
      }
      if (req.method === 'GET' || req.method === 'HEAD') return await serveStatic(options.staticDir, url.pathname, res);
      res.writeHead(405).end();
    } catch (err) {
      if (err instanceof BodyTooLarge) return sendError(res, 413, 'validation.invalid');
      log.error('request failed', { path: url.pathname, error: err instanceof Error ? err.message : String(err) });
      if (!res.headersSent) sendError(res, 503, 'sync.unavailable');
      else res.end();
    }
  };
}

// --- Blobs -----------------------------------------------------------------------------------
// PUT /api/blobs/<sha256> stores an attachment's bytes (Content-Type = its media type); GET and
// HEAD give them back to whoever may read them. Signed in by the session token, like the socket.

const BLOB_PATH = /^\/api\/blobs\/([^/]+)$/;

interface Caller {
  userId: string;
  principals: Principal[];
}

/** The signed-in user behind the request's bearer token, or null. */
async function caller(db: Database, req: IncomingMessage): Promise<Caller | null> {
  const token = bearer(req);
  const session = token && token.length <= 200 ? await findSession(db, token) : null;
  if (!session) return null;
  const user = (await db.query<{ data: User }>("SELECT data FROM documents WHERE collection = 'users' AND id = $1 AND NOT deleted", [session.userId])).rows[0]?.data;
  return user ? { userId: session.userId, principals: principalsOf(user) } : null;
}

/**
 * Answers an upload before its body is read (or in the middle of it), and drops the connection
 * once the answer is out: the unread rest of a refused 20 MiB body is not worth receiving, and
 * a connection with unread bytes on it cannot carry another request.
 */
function refuseUpload(req: IncomingMessage, res: ServerResponse, status: number, error: ApiError['error']): void {
  res.setHeader('connection', 'close');
  res.once('finish', () => req.destroy());
  sendError(res, status, error);
}

/** The body, hashed as it arrives; stops reading at the limit (a Content-Length may lie or be absent). */
async function readBlobBody(req: IncomingMessage): Promise<{ data: Uint8Array; sha256: string } | 'too_large'> {
  const hash = createHash('sha256');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BLOB_BYTES) return 'too_large';
    hash.update(chunk);
    chunks.push(chunk);
  }
  return { data: Buffer.concat(chunks, size), sha256: hash.digest('hex') };
}

function blobHeaders(info: BlobInfo): Record<string, string> {
  return {
    'content-type': info.mediaType,
    'content-length': String(info.size),
    // Never shown inline by a browser that opens the address: it is someone's upload.
    'content-disposition': 'attachment',
    'content-security-policy': "default-src 'none'; sandbox",
    // The address is the content's hash: what it names never changes. Private: it is per user.
    'cache-control': 'private, max-age=31536000, immutable',
    etag: `"${info.sha256}"`,
  };
}

async function handleBlob(options: ApiOptions, req: IncomingMessage, res: ServerResponse, sha256: string): Promise<void> {
  const { db } = options;
  const method = req.method ?? '';
  if (method !== 'PUT' && method !== 'GET' && method !== 'HEAD') {
    res.setHeader('allow', 'GET, HEAD, PUT');
    return method === 'PUT' || method === 'POST' ? refuseUpload(req, res, 405, 'validation.invalid') : sendError(res, 405, 'validation.invalid');
  }
  const who = await caller(db, req);
  if (!who) {
    await db
      .transaction((tx) => appendAudit(tx, { actorId: null, kind: 'access.denied', detail: { channel: 'blob', method, address: req.socket.remoteAddress ?? 'unknown' } }))
      .catch(() => {});
    if (method === 'PUT') return refuseUpload(req, res, 401, 'auth.session_expired');
    return sendError(res, 401, 'auth.session_expired');
  }
  if (method === 'PUT') return uploadBlob(options, req, res, who, sha256);

  // Missing and not readable get the same 404: a hash must not tell whether someone has the file.
  const notFound = (): void => {
    if (method === 'HEAD') res.writeHead(404, { 'cache-control': 'no-store' }).end();
    else sendError(res, 404, 'blob.missing');
  };
  if (!isSha256Hex(sha256)) return notFound();
  if (!(await mayReadBlob(db, sha256, who.principals, who.userId))) {
    // HEAD is how clients ask "do you have it?" before uploading: not worth an audit row.
    if (method === 'GET' && (await getBlobInfo(db, sha256))) {
      await db.transaction((tx) => appendAudit(tx, { actorId: who.userId, kind: 'access.denied', detail: { channel: 'blob', sha256 } })).catch(() => {});
    }
    return notFound();
  }
  if (method === 'HEAD') {
    const info = await getBlobInfo(db, sha256);
    if (!info) return notFound();
    res.writeHead(200, blobHeaders(info)).end();
    return;
  }
  const stored = await getBlob(db, sha256);
  if (!stored) return notFound();
  res.writeHead(200, blobHeaders(stored));
  res.end(stored.data);
}

async function uploadBlob(options: ApiOptions, req: IncomingMessage, res: ServerResponse, who: Caller, sha256: string): Promise<void> {
  const mediaType = normalizeMediaType(req.headers['content-type']);
  const declared = req.headers['content-length'] === undefined ? undefined : Number(req.headers['content-length']);
  // Refused from the headers when possible, before a single byte of the body is read.
  const early = checkBlobHeader(sha256, mediaType, declared);
  if (early) return refuseUpload(req, res, 400, early);
  const body = await readBlobBody(req);
  if (body === 'too_large') return refuseUpload(req, res, 400, 'blob.too_large');
  if (body.sha256 !== sha256) return sendError(res, 400, 'blob.hash_mismatch');
  const outcome = await options.db.transaction(async (tx) => {
    const put = await putBlob(tx, { sha256, mediaType, data: body.data, userId: who.userId });
    // Recorded when the bytes arrive, or when someone else proves they hold the same file; a
    // client re-sending its own upload after a lost answer changes nothing worth recording.
    if (put.ok && (put.created || put.uploadedBy !== who.userId)) {
      await appendAudit(tx, { actorId: who.userId, kind: 'blob.uploaded', detail: { sha256, size: body.data.byteLength, mediaType, stored: put.created } });
    }
    return put;
  });
  if (!outcome.ok) return sendError(res, 400, outcome.error satisfies BlobError);
  options.log.info('blob uploaded', { userId: who.userId, sha256, size: body.data.byteLength });
  // 204 only to the uploader re-sending: to anyone else an existing blob looks newly created,
  // so an upload cannot be used to learn that a colleague holds the same file.
  res.writeHead(outcome.created || outcome.uploadedBy !== who.userId ? 201 : 204, { 'cache-control': 'no-store' }).end();
}

async function serveStatic(staticDir: string | null, pathname: string, res: ServerResponse): Promise<void> {
  if (!staticDir) {
    res.writeHead(404, { 'content-type': 'text/plain' }).end('Bureau server: no client is served here (started with --no-client).');
    return;
  }
  const root = resolve(staticDir);
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname === '/' ? '/index.html' : pathname);
  } catch {
    res.writeHead(400).end();
    return;
  }
  const rel = normalize(decoded).replace(/^([/\\])+/, '');
  const file = join(root, rel);
  if (rel.startsWith('..') || !(file === root || file.startsWith(root + sep))) {
    res.writeHead(403).end();
    return;
  }
  const info = await stat(file).catch(() => null);
  if (!info?.isFile()) {
    res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
    return;
  }
  const isHtml = extname(file) === '.html';
  const hashed = rel.startsWith(`assets${sep}`);
  res.writeHead(200, {
    'content-type': MIME[extname(file)] ?? 'application/octet-stream',
    // Hashed asset names may be cached forever; index.html and sw.js must always be fresh.
    'cache-control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
    ...(isHtml ? { 'content-security-policy': CONTENT_SECURITY_POLICY } : {}),
  });
  res.end(await readFile(file));
}
