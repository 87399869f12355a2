// Hardening applied to every session and web contents. Each function takes the few Electron
// members it touches (structural interfaces below), so tests drive it with plain fakes and the
// real `session` / `webContents` objects satisfy the same shapes in index.ts.

export interface PreventableEvent {
  preventDefault(): void;
}

export interface NavigationEvent extends PreventableEvent {
  readonly url: string;
}

export interface WindowOpenDecision {
  action: 'deny';
}

export interface HardenableContents {
  on(event: 'will-navigate', listener: (event: NavigationEvent) => void): unknown;
  on(event: 'will-redirect', listener: (event: NavigationEvent) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: PreventableEvent) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => WindowOpenDecision): void;
}

export interface HeadersReceivedDetails {
  readonly responseHeaders?: Record<string, string[]>;
}

export interface HeadersReceivedResponse {
  responseHeaders?: Record<string, string | string[]>;
}

export interface HardenableSession {
  readonly webRequest: {
    onHeadersReceived(
      listener: (
        details: HeadersReceivedDetails,
        callback: (response: HeadersReceivedResponse) => void,
      ) => void,
    ): void;
  };
  setPermissionRequestHandler(
    handler: (
      webContents: unknown,
      permission: string,
      callback: (granted: boolean) => void,
    ) => void,
  ): void;
  setPermissionCheckHandler(handler: (webContents: unknown, permission: string) => boolean): void;
  setDevicePermissionHandler(handler: (details: unknown) => boolean): void;
}

/** Parses a URL, or returns null instead of throwing on untrusted input. */
function tryParseUrl(value: string): URL | null {
  try {
    return new URL(value);
  } catch {
    return null;
  }
}

/**
 * Returns a predicate telling whether a URL belongs to the app's own origin.
 * Node's URL gives `origin === "null"` for custom schemes such as `app://bureau`, so compare
 * scheme and host (with port) instead of `origin`.
 */
export function createOriginMatcher(appUrl: string): (url: string) => boolean {
  const app = tryParseUrl(appUrl);
  if (!app) throw new Error(`Invalid app URL: ${appUrl}`);
  const protocol = app.protocol.toLowerCase();
  const host = app.host.toLowerCase();
  return (url) => {
    const candidate = tryParseUrl(url);
    return (
      candidate !== null &&
      candidate.protocol.toLowerCase() === protocol &&
      candidate.host.toLowerCase() === host &&
      candidate.username === '' &&
      candidate.password === ''
    );
  };
}

/**
 * The server origin and its WebSocket twin, for `connect-src`: socket.io upgrades from
 * http(s) to ws(s) on the same host and port. An unusable URL contributes nothing, which
 * leaves only 'self' and so fails closed.
 */
export function serverConnectSources(serverUrl: string): string[] {
  const url = tryParseUrl(serverUrl);
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) return [];
  const socketScheme = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return [url.origin, `${socketScheme}//${url.host}`];
}

export interface ContentSecurityPolicyOptions {
  serverUrl: string;
  /**
   * Only for the unpackaged dev server: Vite's React refresh preamble is an inline script.
   * Never set for the built app.
   */
  allowInlineScripts?: boolean;
}

export function buildContentSecurityPolicy(options: ContentSecurityPolicyOptions): string {
  const scriptSources = ["'self'", ...(options.allowInlineScripts ? ["'unsafe-inline'"] : [])];
  const directives: Array<[string, string[]]> = [
    ['default-src', ["'self'"]],
    ['script-src', scriptSources],
    // antd's CSS-in-JS injects <style> elements at run time.
    ['style-src', ["'self'", "'unsafe-inline'"]],
    ['img-src', ["'self'", 'data:', 'blob:']],
    ['connect-src', ["'self'", ...serverConnectSources(options.serverUrl)]],
    ['object-src', ["'none'"]],
    ['base-uri', ["'none'"]],
    ['frame-ancestors', ["'none'"]],
    ['form-action', ["'none'"]],
  ];
  return directives.map(([name, sources]) => `${name} ${sources.join(' ')}`).join('; ');
}

/**
 * Sets our CSP on every response, replacing any policy the response brought (a stray meta
 * or a dev server header must not loosen it). The policy is read per response so a changed
 * server URL applies from the next page load.
 */
export function installContentSecurityPolicy(
  session: Pick<HardenableSession, 'webRequest'>,
  getPolicy: () => string,
): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    const responseHeaders: Record<string, string | string[]> = {};
    for (const [name, value] of Object.entries(details.responseHeaders ?? {})) {
      if (name.toLowerCase() !== 'content-security-policy') responseHeaders[name] = value;
    }
    responseHeaders['Content-Security-Policy'] = [getPolicy()];
    callback({ responseHeaders });
  });
}

/**
 * The renderer gets its capabilities through the preload API, never through web
 * permissions; notifications, for one, are shown by the main process.
 */
export function denyAllPermissions(
  session: Omit<HardenableSession, 'webRequest'>,
): void {
  session.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}

export function hardenSession(session: HardenableSession, getPolicy: () => string): void {
  installContentSecurityPolicy(session, getPolicy);
  denyAllPermissions(session);
}

/**
 * Keeps every web contents on the app's own origin: a link or redirect to anywhere else is
 * refused, no new window is ever opened, and no <webview> can be attached.
 */
export function hardenWebContents(
  contents: HardenableContents,
  isAppUrl: (url: string) => boolean,
): void {
  const stayOnAppOrigin = (event: NavigationEvent): void => {
    if (!isAppUrl(event.url)) event.preventDefault();
  };
  contents.on('will-navigate', stayOnAppOrigin);
  contents.on('will-redirect', stayOnAppOrigin);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}
