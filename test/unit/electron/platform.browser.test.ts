import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  createBrowserPlatform,
  SESSION_STORAGE_KEY,
  SETTINGS_STORAGE_KEY,
  type WebNotificationApi,
} from '../../../renderer/platform/browser';
import { detectPlatform } from '../../../renderer/platform/index';
import { DEFAULT_SETTINGS, ipcErrorCodeOf, type SavedSession } from '../../../shared/protocol/ipc';
import { sampleSession } from './fakes';

class FakeLocalStorage {
  readonly items = new Map<string, string>();
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.items.set(key, String(value));
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
}

let storage: FakeLocalStorage;

beforeEach(() => {
  storage = new FakeLocalStorage();
  vi.stubGlobal('localStorage', storage);
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('platform in a plain browser', () => {
  it('is chosen when window.bureau is absent', async () => {
    const platform = detectPlatform({});
    expect(platform.isDesktop).toBe(false);
    expect(await platform.app.getInfo()).toMatchObject({ platform: 'browser', electron: false });
  });

  it('round-trips settings through localStorage', async () => {
    const platform = detectPlatform({});
    expect(await platform.settings.get()).toEqual(DEFAULT_SETTINGS);

    const saved = await platform.settings.set({ serverUrl: 'https://oa.agency.gov.cn', language: 'es' });
    expect(saved).toEqual({ serverUrl: 'https://oa.agency.gov.cn', language: 'es' });
    expect(JSON.parse(storage.getItem(SETTINGS_STORAGE_KEY) ?? 'null')).toEqual(saved);

    // A second instance (a page reload) reads the same values back.
    expect(await detectPlatform({}).settings.get()).toEqual(saved);
  });

  it.each([
    ['not JSON', '{oops'],
    ['an invalid server URL', JSON.stringify({ serverUrl: 'javascript:alert(1)', language: 'en' })],
    ['an unknown language', JSON.stringify({ serverUrl: 'http://10.0.0.1', language: 'fr' })],
    ['a JSON string', JSON.stringify('hello')],
  ])('ignores stored settings that are %s', async (_name, stored) => {
    storage.setItem(SETTINGS_STORAGE_KEY, stored);
    expect(await detectPlatform({}).settings.get()).toEqual(DEFAULT_SETTINGS);
  });

  it('rejects an invalid change with the desktop error code and stores nothing', async () => {
    const platform = detectPlatform({});
    const call = platform.settings.set({ serverUrl: 'ftp://files.example' });
    await expect(call).rejects.toThrow('ipc.invalid_argument');
    await call.catch((error: unknown) => expect(ipcErrorCodeOf(error)).toBe('ipc.invalid_argument'));
    expect(storage.items.size).toBe(0);
  });

  it('defaults the server to the page origin when the server serves the app', async () => {
    const platform = createBrowserPlatform({
      storage: () => storage,
      notifications: () => undefined,
      pageOrigin: () => 'http://10.20.30.40:3000',
      version: '9.9.9',
    });
    expect((await platform.settings.get()).serverUrl).toBe('http://10.20.30.40:3000');
    expect((await platform.app.getInfo()).version).toBe('9.9.9');
  });
});

describe('browser notifications', () => {
  function fakeNotificationApi(permission: NotificationPermission, answer: NotificationPermission) {
    const shown: Array<{ title: string; body?: string }> = [];
    const requestPermission = vi.fn(() => Promise.resolve(answer));
    const Api = class {
      static permission = permission;
      static requestPermission = requestPermission;
      constructor(title: string, options?: { body?: string }) {
        shown.push({ title, body: options?.body });
      }
    } satisfies WebNotificationApi;
    const platform = createBrowserPlatform({
      storage: () => storage,
      notifications: () => Api,
      pageOrigin: () => undefined,
      version: 'test',
    });
    return { platform, shown, requestPermission };
  }

  it('asks for permission on first use and shows when granted', async () => {
    const { platform, shown, requestPermission } = fakeNotificationApi('default', 'granted');
    await platform.notify.show({ title: 'Leave approved', body: '2 days' });
    expect(requestPermission).toHaveBeenCalledOnce();
    expect(shown).toEqual([{ title: 'Leave approved', body: '2 days' }]);
  });

  it('does nothing, silently, when permission is denied', async () => {
    const { platform, shown } = fakeNotificationApi('default', 'denied');
    await expect(platform.notify.show({ title: 't', body: 'b' })).resolves.toBeUndefined();
    expect(shown).toEqual([]);
  });

  it('does not ask again once denied', async () => {
    const { platform, requestPermission } = fakeNotificationApi('denied', 'granted');
    await platform.notify.show({ title: 't', body: 'b' });
    expect(requestPermission).not.toHaveBeenCalled();
  });
});

describe('session in a plain browser', () => {
  it('round-trips through localStorage, where the token is as safe as the browser profile', async () => {
    const platform = detectPlatform({});
    await expect(platform.session.load()).resolves.toBeNull();
    await platform.session.save(sampleSession());
    expect(JSON.parse(storage.getItem(SESSION_STORAGE_KEY) ?? 'null')).toEqual(sampleSession());
    // A page reload reads it back.
    await expect(detectPlatform({}).session.load()).resolves.toEqual(sampleSession());
    await platform.session.clear();
    expect(storage.items.has(SESSION_STORAGE_KEY)).toBe(false);
    await expect(platform.session.load()).resolves.toBeNull();
  });

  it.each([
    ['not JSON', 'not json'],
    ['an empty object', '{}'],
    ['a user without fields', JSON.stringify({ ...sampleSession(), user: { id: 'x' } })],
    ['a file: server', JSON.stringify({ ...sampleSession(), serverUrl: 'file:///etc' })],
    ['a short token', JSON.stringify({ ...sampleSession(), token: 'short' })],
  ])('ignores a stored session that is %s', async (_name, stored) => {
    storage.setItem(SESSION_STORAGE_KEY, stored);
    await expect(detectPlatform({}).session.load()).resolves.toBeNull();
  });

  it('refuses an invalid session with the desktop error code and stores nothing', async () => {
    const call = detectPlatform({}).session.save({ ...sampleSession(), serverUrl: 'ftp://files.example' });
    await expect(call).rejects.toThrow('ipc.invalid_argument');
    await call.catch((error: unknown) => expect(ipcErrorCodeOf(error)).toBe('ipc.invalid_argument'));
    expect(storage.items.size).toBe(0);
  });

  it('has nothing to restore where storage is unavailable', async () => {
    const platform = createBrowserPlatform({
      storage: () => undefined,
      notifications: () => undefined,
      pageOrigin: () => undefined,
      version: 'test',
    });
    await expect(platform.session.load()).resolves.toBeNull();
    await expect(platform.session.clear()).resolves.toBeUndefined();
    await expect(platform.session.save(sampleSession())).rejects.toThrow('ipc.internal_error');
  });
});

function fakeBureau(vault: { saved: SavedSession | null } = { saved: null }) {
  return {
    vault,
    app: { getInfo: vi.fn(() => Promise.resolve({ version: '1.0.0', platform: 'win32', electron: true as const })) },
    settings: { get: vi.fn(() => Promise.resolve(DEFAULT_SETTINGS)), set: vi.fn(() => Promise.resolve(DEFAULT_SETTINGS)) },
    notify: { show: vi.fn(() => Promise.resolve()) },
    session: {
      load: vi.fn(() => Promise.resolve(vault.saved)),
      save: vi.fn((session: SavedSession) => {
        vault.saved = session;
        return Promise.resolve();
      }),
      clear: vi.fn(() => {
        vault.saved = null;
        return Promise.resolve();
      }),
    },
  };
}

describe('platform on the desktop', () => {
  it('delegates to window.bureau', async () => {
    const bureau = fakeBureau();
    const platform = detectPlatform({ bureau });
    expect(platform.isDesktop).toBe(true);
    expect(await platform.app.getInfo()).toEqual({ version: '1.0.0', platform: 'win32', electron: true });
    await platform.settings.set({ language: 'en' });
    expect(bureau.settings.set).toHaveBeenCalledWith({ language: 'en' });
    expect(storage.items.size).toBe(0);
  });

  it('keeps the session in the main process (safeStorage), never in localStorage', async () => {
    const bureau = fakeBureau();
    const platform = detectPlatform({ bureau, localStorage: storage });
    await platform.session.save(sampleSession());
    expect(bureau.session.save).toHaveBeenCalledWith(sampleSession());
    await expect(platform.session.load()).resolves.toEqual(sampleSession());
    await platform.session.clear();
    expect(bureau.session.clear).toHaveBeenCalledOnce();
    expect(storage.items.size).toBe(0);
  });

  it('moves a session an older version left in localStorage into the vault, and erases it there', async () => {
    storage.setItem(SESSION_STORAGE_KEY, JSON.stringify(sampleSession()));
    const bureau = fakeBureau();
    await expect(detectPlatform({ bureau, localStorage: storage }).session.load()).resolves.toEqual(sampleSession());
    expect(bureau.session.save).toHaveBeenCalledWith(sampleSession());
    expect(storage.items.has(SESSION_STORAGE_KEY)).toBe(false);
  });

  it('prefers the vault to a leftover in localStorage, and still erases the leftover', async () => {
    const current = sampleSession({ token: 'n'.repeat(43) });
    storage.setItem(SESSION_STORAGE_KEY, JSON.stringify(sampleSession()));
    const bureau = fakeBureau({ saved: current });
    await expect(detectPlatform({ bureau, localStorage: storage }).session.load()).resolves.toEqual(current);
    expect(bureau.session.save).not.toHaveBeenCalled();
    expect(storage.items.has(SESSION_STORAGE_KEY)).toBe(false);
  });

  it('erases an invalid leftover too', async () => {
    storage.setItem(SESSION_STORAGE_KEY, '{"token": "half a session');
    const bureau = fakeBureau();
    await expect(detectPlatform({ bureau, localStorage: storage }).session.load()).resolves.toBeNull();
    expect(bureau.session.save).not.toHaveBeenCalled();
    expect(storage.items.has(SESSION_STORAGE_KEY)).toBe(false);
  });
});
