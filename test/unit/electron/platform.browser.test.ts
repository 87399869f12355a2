import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createBrowserPlatform, SETTINGS_STORAGE_KEY, type WebNotificationApi } from '../../../renderer/platform/browser';
import { detectPlatform } from '../../../renderer/platform/index';
import { DEFAULT_SETTINGS, ipcErrorCodeOf } from '../../../shared/protocol/ipc';

class FakeLocalStorage {
  readonly items = new Map<string, string>();
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.items.set(key, String(value));
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

describe('platform on the desktop', () => {
  it('delegates to window.bureau', async () => {
    const bureau = {
      app: { getInfo: vi.fn(() => Promise.resolve({ version: '1.0.0', platform: 'win32', electron: true as const })) },
      settings: { get: vi.fn(() => Promise.resolve(DEFAULT_SETTINGS)), set: vi.fn(() => Promise.resolve(DEFAULT_SETTINGS)) },
      notify: { show: vi.fn(() => Promise.resolve()) },
    };
    const platform = detectPlatform({ bureau });
    expect(platform.isDesktop).toBe(true);
    expect(await platform.app.getInfo()).toEqual({ version: '1.0.0', platform: 'win32', electron: true });
    await platform.settings.set({ language: 'en' });
    expect(bureau.settings.set).toHaveBeenCalledWith({ language: 'en' });
    expect(storage.items.size).toBe(0);
  });
});
