// The two HTTP calls beside the socket: sign in and sign out (shared/protocol/http.ts).
import type { ReasonCode } from '../../../shared/i18n/reasons';
import { apiErrorSchema, loginRequestSchema, loginResponseSchema, type LoginRequest, type LoginResponse } from '../../../shared/protocol/http';

export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

export type LoginOutcome =
  | { ok: true; login: LoginResponse }
  /** No answer at all: wrong address, server down, no network, timeout. */
  | { ok: false; kind: 'unreachable' }
  /** An answer that is not Bureau's (a proxy's error page, another service). */
  | { ok: false; kind: 'bad_response' }
  | { ok: false; kind: 'refused'; code: ReasonCode; retryAfterSeconds?: number };

const LOGIN_TIMEOUT_MS = 15_000;

/**
 * What the user typed, as the origin the app talks to: "10.1.2.3:3000" becomes
 * "http://10.1.2.3:3000". Paths are dropped (socket.io would take one for a namespace), and
 * so are credentials in the URL. Null when it is not a usable http(s) address.
 */
export function normalizeServerUrl(input: string): string | null {
  const text = input.trim();
  if (text === '') return null;
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `http://${text}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (url.username !== '' || url.password !== '' || url.hostname === '') return null;
  return url.origin;
}

async function readJson(response: Response): Promise<unknown> {
  try {
    return await response.json();
  } catch {
    return undefined;
  }
}

export async function login(serverUrl: string, request: LoginRequest, fetchFn: FetchLike = fetch): Promise<LoginOutcome> {
  const body = loginRequestSchema.parse(request);
  let response: Response;
  try {
    response = await fetchFn(`${serverUrl}/api/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(LOGIN_TIMEOUT_MS),
    });
  } catch {
    return { ok: false, kind: 'unreachable' };
  }
  const json = await readJson(response);
  if (response.ok) {
    const parsed = loginResponseSchema.safeParse(json);
    return parsed.success ? { ok: true, login: parsed.data } : { ok: false, kind: 'bad_response' };
  }
  const error = apiErrorSchema.safeParse(json);
  if (!error.success) return { ok: false, kind: 'bad_response' };
  const { error: code, retryAfterSeconds } = error.data;
  return retryAfterSeconds === undefined ? { ok: false, kind: 'refused', code } : { ok: false, kind: 'refused', code, retryAfterSeconds };
}

/** Revokes the token on the server. Best effort: signing out works offline too. */
export async function logout(serverUrl: string, token: string, fetchFn: FetchLike = fetch): Promise<void> {
  try {
    await fetchFn(`${serverUrl}/api/logout`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      signal: AbortSignal.timeout(5_000),
    });
  } catch {
    // Offline or the server is down: the token expires on its own.
  }
}
