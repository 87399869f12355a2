// The built renderer is served from `app://bureau/` rather than file://, so the page has a
// real origin of its own: CSP 'self', same-origin navigation checks and IPC sender checks can
// all key on it, and the renderer cannot read arbitrary files through relative URLs.
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export const APP_SCHEME = 'app';
export const APP_HOST = 'bureau';
export const APP_ORIGIN_URL = `${APP_SCHEME}://${APP_HOST}/`;
export const APP_ENTRY_URL = `${APP_ORIGIN_URL}index.html`;

/** For `protocol.registerSchemesAsPrivileged`, which must run before the app is ready. */
export const APP_SCHEME_PRIVILEGES = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
} as const;

/**
 * Maps an `app://bureau/...` URL to a file under `rendererRoot`, or returns null when the URL
 * is foreign or tries to leave the root (`..`, encoded `%2e%2e%2f`, backslashes, NUL).
 * Extension-less paths are client-side routes and get the SPA entry page.
 */
export function resolveAppFile(rendererRoot: string, requestUrl: string): string | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host.toLowerCase() !== APP_HOST) return null;

  let relative: string;
  try {
    relative = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (relative.includes('\0') || relative.includes('\\')) return null;
  if (relative.split('/').some((segment) => segment === '..')) return null;

  if (relative === '' || relative === '/' || path.posix.extname(relative) === '') {
    relative = '/index.html';
  }
  const root = path.resolve(rendererRoot);
  const file = path.resolve(root, `.${relative}`);
  const fromRoot = path.relative(root, file);
  if (fromRoot === '' || fromRoot.startsWith('..') || path.isAbsolute(fromRoot)) return null;
  return file;
}

export interface AppProtocolOptions {
  rendererRoot: string;
  /** `net.fetch` in production: reads file URLs, including inside app.asar. */
  fetchFile: (fileUrl: string) => Promise<Response>;
  getContentSecurityPolicy: () => string;
}

function plainResponse(status: number, text: string): Response {
  return new Response(text, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
}

/**
 * The handler for `protocol.handle('app', ...)`. It sets the CSP itself because responses
 * from a custom protocol do not pass through `webRequest.onHeadersReceived`.
 */
export function createAppProtocolHandler(
  options: AppProtocolOptions,
): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return plainResponse(405, 'Method Not Allowed');
    }
    const file = resolveAppFile(options.rendererRoot, request.url);
    if (file === null) return plainResponse(404, 'Not Found');

    let upstream: Response;
    try {
      upstream = await options.fetchFile(pathToFileURL(file).toString());
    } catch {
      return plainResponse(404, 'Not Found');
    }
    if (!upstream.ok) return plainResponse(404, 'Not Found');

    const headers = new Headers(upstream.headers);
    headers.set('Content-Security-Policy', options.getContentSecurityPolicy());
    headers.set('X-Content-Type-Options', 'nosniff');
    return new Response(request.method === 'HEAD' ? null : upstream.body, {
      status: upstream.status,
      headers,
    });
  };
}
