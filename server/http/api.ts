// The HTTP side: sign-in and sign-out, server info, and the built client as static files.
// Every body is size-limited and validated; every answer carries security headers.
import { readFile, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { loginRequestSchema, type ApiError, type LoginResponse, type ServerInfo } from '../../shared/protocol/http';
import { SCHEMA_VERSION } from '../../shared/protocol/sync';
import { login, logout } from '../auth/login';
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
      res.setHeader('access-control-allow-methods', 'GET, POST');
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
