// The platform's notification surface: in a browser the unread count goes to the tab title and
// the app badge, and permission is only ever asked for on request; on the desktop everything
// goes through the preload bridge.
import { describe, expect, it, vi } from 'vitest';
import { createBrowserPlatform, titleWithCount, type AppBadgeApi, type TitleHolder, type WebNotificationApi } from '../../../../renderer/platform/browser';
import { detectPlatform } from '../../../../renderer/platform/index';
import { DEFAULT_SETTINGS, ipcErrorCodeOf } from '../../../../shared/protocol/ipc';
import { memoryStorage } from '../fixtures';

function browser(options: { badge?: AppBadgeApi; title?: TitleHolder; notifications?: WebNotificationApi } = {}) {
  return createBrowserPlatform({
    storage: () => memoryStorage(),
    notifications: () => options.notifications,
    pageOrigin: () => undefined,
    version: 'test',
    badge: () => options.badge,
    titleHolder: () => options.title,
  });
}

function fakeNotifications(permission: NotificationPermission, answer: NotificationPermission = permission) {
  const requestPermission = vi.fn(() => Promise.resolve(answer));
  const Api = class {
    static permission = permission;
    static requestPermission = requestPermission;
  } satisfies WebNotificationApi;
  return { Api, requestPermission };
}

describe('the unread count in a browser', () => {
  it('puts the count in front of the tab title, and takes it away at zero', async () => {
    const title = { title: 'Bureau' };
    const platform = browser({ title });
    await platform.notify.setBadge(3);
    expect(title.title).toBe('(3) Bureau');
    await platform.notify.setBadge(12);
    expect(title.title).toBe('(12) Bureau');
    await platform.notify.setBadge(0);
    expect(title.title).toBe('Bureau');
  });

  it('caps the title at 99+', () => {
    expect(titleWithCount('Bureau', 250)).toBe('(99+) Bureau');
    expect(titleWithCount('(99+) Bureau', 4)).toBe('(4) Bureau');
  });

  it('sets and clears the app badge where the browser has one', async () => {
    const badge = { setAppBadge: vi.fn(() => Promise.resolve()), clearAppBadge: vi.fn(() => Promise.resolve()) };
    const platform = browser({ badge, title: { title: 'Bureau' } });
    await platform.notify.setBadge(5);
    expect(badge.setAppBadge).toHaveBeenCalledWith(5);
    await platform.notify.setBadge(0);
    expect(badge.clearAppBadge).toHaveBeenCalledOnce();
  });

  it('keeps the title when the app badge fails (a tab that is not an installed app)', async () => {
    const title = { title: 'Bureau' };
    const platform = browser({ badge: { setAppBadge: () => Promise.reject(new Error('NotAllowedError')) }, title });
    await expect(platform.notify.setBadge(2)).resolves.toBeUndefined();
    expect(title.title).toBe('(2) Bureau');
  });

  it('works with neither a badge nor a title', async () => {
    await expect(browser().notify.setBadge(1)).resolves.toBeUndefined();
  });

  it.each([-1, 1.5, Number.NaN, 100_000])('refuses %s with the desktop error code', async (count) => {
    const title = { title: 'Bureau' };
    const call = browser({ title }).notify.setBadge(count);
    await expect(call).rejects.toThrow('ipc.invalid_argument');
    await call.catch((error: unknown) => expect(ipcErrorCodeOf(error)).toBe('ipc.invalid_argument'));
    expect(title.title).toBe('Bureau');
  });
});

describe('notification permission in a browser', () => {
  it('reports the permission without asking', () => {
    const { Api, requestPermission } = fakeNotifications('default', 'granted');
    expect(browser({ notifications: Api }).notify.permission()).toBe('default');
    expect(requestPermission).not.toHaveBeenCalled();
  });

  it('asks only when requested, and reports the answer', async () => {
    const { Api, requestPermission } = fakeNotifications('default', 'granted');
    await expect(browser({ notifications: Api }).notify.requestPermission()).resolves.toBe('granted');
    expect(requestPermission).toHaveBeenCalledOnce();
  });

  it('does not ask again once the user has answered', async () => {
    const { Api, requestPermission } = fakeNotifications('denied', 'granted');
    await expect(browser({ notifications: Api }).notify.requestPermission()).resolves.toBe('denied');
    expect(requestPermission).not.toHaveBeenCalled();
  });

  it('says "unsupported" where the browser has no notifications', async () => {
    const platform = browser();
    expect(platform.notify.permission()).toBe('unsupported');
    await expect(platform.notify.requestPermission()).resolves.toBe('unsupported');
  });
});

describe('notifications on the desktop', () => {
  function fakeBureau() {
    return {
      app: { getInfo: vi.fn(() => Promise.resolve({ version: '1.0.0', platform: 'win32', electron: true as const })) },
      settings: { get: vi.fn(() => Promise.resolve(DEFAULT_SETTINGS)), set: vi.fn(() => Promise.resolve(DEFAULT_SETTINGS)) },
      notify: { show: vi.fn(() => Promise.resolve()), setBadge: vi.fn((_count: number) => Promise.resolve()) },
      session: { load: vi.fn(() => Promise.resolve(null)), save: vi.fn(() => Promise.resolve()), clear: vi.fn(() => Promise.resolve()) },
    };
  }

  it('sends the badge count to the main process and needs no permission', async () => {
    const bureau = fakeBureau();
    const title = { title: 'Bureau' };
    const platform = detectPlatform({ bureau, document: title });
    await platform.notify.setBadge(4);
    expect(bureau.notify.setBadge).toHaveBeenCalledWith(4);
    // The desktop shows the count on the app icon, not in the window title.
    expect(title.title).toBe('Bureau');
    expect(platform.notify.permission()).toBe('granted');
    await expect(platform.notify.requestPermission()).resolves.toBe('granted');
  });
});
