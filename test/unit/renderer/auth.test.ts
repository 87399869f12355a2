// Signing in over HTTP, and the saved session that lets the app open offline.
import { describe, expect, it, vi } from 'vitest';
import { login, logout, normalizeServerUrl, type FetchLike } from '../../../renderer/features/auth/authApi';
import { loginErrorMessage } from '../../../renderer/features/auth/loginMessage';
import { clearSession, loadSession, saveSession, type SessionPersistence } from '../../../renderer/features/auth/savedSession';
import { SESSION_STORAGE_KEY } from '../../../renderer/platform/browser';
import { createI18n } from '../../../renderer/i18n/createI18n';
import { demoUser, memorySessions } from './fixtures';

const TOKEN = 'x'.repeat(43);
const okBody = { token: TOKEN, expiresAt: '2026-03-01T12:00:00.000Z', user: demoUser };

function fakeFetch(status: number, body: unknown): FetchLike & ReturnType<typeof vi.fn> {
  return vi.fn(async () => new Response(typeof body === 'string' ? body : JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } }));
}

describe('normalizeServerUrl', () => {
  it.each([
    ['http://10.1.2.3:8470', 'http://10.1.2.3:8470'],
    ['  http://10.1.2.3:8470/  ', 'http://10.1.2.3:8470'],
    ['10.1.2.3:8470', 'http://10.1.2.3:8470'],
    ['https://oa.example.gov.cn/some/path', 'https://oa.example.gov.cn'],
    ['HTTP://Server.Local', 'http://server.local'],
  ])('%s -> %s', (input, expected) => {
    expect(normalizeServerUrl(input)).toBe(expected);
  });

  it.each(['', 'ftp://x', 'http://user:pw@host', 'javascript:alert(1)', 'http://'])('refuses %j', (input) => {
    expect(normalizeServerUrl(input)).toBeNull();
  });
});

describe('login', () => {
  it('posts the credentials and returns the validated session', async () => {
    const fetchFn = fakeFetch(200, okBody);
    const outcome = await login('http://s:1', { username: ' wangqiang ', password: 'pw' }, fetchFn);
    expect(outcome).toEqual({ ok: true, login: okBody });
    const [url, init] = fetchFn.mock.calls[0] as [string, RequestInit];
    expect(url).toBe('http://s:1/api/login');
    expect(init.method).toBe('POST');
    expect(JSON.parse(String(init.body))).toEqual({ username: 'wangqiang', password: 'pw' });
  });

  it('maps the server refusals', async () => {
    expect(await login('http://s', { username: 'a', password: 'b' }, fakeFetch(401, { error: 'auth.invalid_credentials' }))).toEqual({ ok: false, kind: 'refused', code: 'auth.invalid_credentials' });
    expect(await login('http://s', { username: 'a', password: 'b' }, fakeFetch(403, { error: 'auth.account_disabled' }))).toEqual({ ok: false, kind: 'refused', code: 'auth.account_disabled' });
    expect(await login('http://s', { username: 'a', password: 'b' }, fakeFetch(429, { error: 'auth.too_many_attempts', retryAfterSeconds: 30 }))).toEqual({
      ok: false,
      kind: 'refused',
      code: 'auth.too_many_attempts',
      retryAfterSeconds: 30,
    });
  });

  it('tells an unreachable server from one that answers nonsense', async () => {
    const down: FetchLike = async () => {
      throw new TypeError('Failed to fetch');
    };
    expect(await login('http://s', { username: 'a', password: 'b' }, down)).toEqual({ ok: false, kind: 'unreachable' });
    expect(await login('http://s', { username: 'a', password: 'b' }, fakeFetch(502, '<html>Bad gateway</html>'))).toEqual({ ok: false, kind: 'bad_response' });
    expect(await login('http://s', { username: 'a', password: 'b' }, fakeFetch(200, { token: 'short' }))).toEqual({ ok: false, kind: 'bad_response' });
  });

  it('has a translated message for every failure', () => {
    const t = createI18n('zh-CN').t;
    expect(loginErrorMessage(t, { ok: false, kind: 'unreachable' })).toBe('无法连接服务器，请检查服务器地址和网络连接。');
    expect(loginErrorMessage(t, { ok: false, kind: 'refused', code: 'auth.invalid_credentials' })).toBe('用户名或密码错误');
    expect(loginErrorMessage(t, { ok: false, kind: 'refused', code: 'auth.too_many_attempts', retryAfterSeconds: 30 })).toBe('登录尝试次数过多，请在 30 秒后重试。');
    expect(loginErrorMessage(createI18n('en').t, { ok: false, kind: 'refused', code: 'auth.account_disabled' })).toBe('This account is disabled; please contact your administrator');
  });

  it('logout sends the bearer token and never throws', async () => {
    const fetchFn = fakeFetch(204, '');
    await logout('http://s', TOKEN, fetchFn);
    const [url, init] = fetchFn.mock.calls[0] as [string, RequestInit];
    expect(url).toBe('http://s/api/logout');
    expect((init.headers as Record<string, string>)['authorization']).toBe(`Bearer ${TOKEN}`);
    await expect(logout('http://s', TOKEN, async () => Promise.reject(new TypeError('offline')))).resolves.toBeUndefined();
  });
});

describe('saved session', () => {
  const saved = { serverUrl: 'http://10.1.2.3:8470', ...okBody };

  it('round-trips through the platform', async () => {
    const sessions = memorySessions();
    await saveSession(sessions, saved);
    await expect(loadSession(sessions)).resolves.toEqual(saved);
    await clearSession(sessions);
    await expect(loadSession(sessions)).resolves.toBeNull();
  });

  it('ignores anything that does not validate', async () => {
    const sessions = memorySessions();
    for (const text of ['not json', '{}', JSON.stringify({ ...saved, user: { id: 'x' } }), JSON.stringify({ ...saved, serverUrl: 'file:///etc' })]) {
      sessions.storage.data.set(SESSION_STORAGE_KEY, text);
      await expect(loadSession(sessions)).resolves.toBeNull();
    }
  });

  it('reads a platform that fails as no session, and clearing never throws', async () => {
    const broken: SessionPersistence = {
      load: () => Promise.reject(new Error('ipc.internal_error: session:load')),
      save: () => Promise.reject(new Error('ipc.internal_error: session:save')),
      clear: () => Promise.reject(new Error('ipc.internal_error: session:clear')),
    };
    await expect(loadSession(broken)).resolves.toBeNull();
    await expect(clearSession(broken)).resolves.toBeUndefined();
    await expect(saveSession(broken, saved)).rejects.toThrow('ipc.internal_error');
  });
});
