// The app-icon badge: the renderer sends the unread count over 'notify:setBadge', which is
// sender-checked and validated like every channel before it reaches Electron's app.setBadgeCount.
import { describe, expect, it, vi } from 'vitest';
import { createIpcHandlers, isTrustedSender, registerIpcHandlers, type IpcInvokeEvent } from '../../../electron/main/ipc';
import { createBadgeSetter } from '../../../electron/main/notifications';
import { createOriginMatcher } from '../../../electron/main/security';
import { createSessionVault } from '../../../electron/main/sessionVault';
import { loadSettingsStore } from '../../../electron/main/settings';
import { ipcErrorCodeOf } from '../../../shared/protocol/ipc';
import { FakeIpcMain, FakeSafeStorage, MemoryFileSystem, MemoryVaultFileSystem, fakeFrame, fakeWindow, idleFileSaver } from './fakes';

const USER_DATA = '/home/clerk/.config/Bureau';
const APP_URL = 'app://bureau/index.html';

/** Stands in for Electron's `app`: records every count it was given. */
function fakeApp(supported = true) {
  const counts: number[] = [];
  return {
    counts,
    setBadgeCount(count?: number): boolean {
      counts.push(count ?? 0);
      return supported;
    },
  };
}

async function setup(app = fakeApp()) {
  const settings = await loadSettingsStore({ fs: new MemoryFileSystem(), directory: USER_DATA });
  const mainFrame = fakeFrame(APP_URL);
  const window = fakeWindow(mainFrame);
  const ipcMain = new FakeIpcMain();
  const log = vi.fn();
  registerIpcHandlers(
    ipcMain,
    createIpcHandlers({
      appInfo: () => ({ version: '1.2.3', platform: 'linux', electron: true }),
      settings,
      notify: () => undefined,
      setBadge: createBadgeSetter({ app, log }),
      session: createSessionVault({ safeStorage: new FakeSafeStorage(), fs: new MemoryVaultFileSystem(), directory: USER_DATA, platform: 'linux' }),
      files: idleFileSaver(),
    }),
    { isTrustedSender: (event) => isTrustedSender(event, window, createOriginMatcher(APP_URL)), log },
  );
  const ownEvent = (overrides: Partial<IpcInvokeEvent> = {}): IpcInvokeEvent => ({ sender: window.webContents, senderFrame: mainFrame, ...overrides });
  return { app, ipcMain, ownEvent, log };
}

describe('notify:setBadge', () => {
  it('shows the unread count on the app icon, and clears it with 0', async () => {
    const s = await setup();
    await expect(s.ipcMain.invoke('notify:setBadge', s.ownEvent(), 3)).resolves.toBeUndefined();
    await s.ipcMain.invoke('notify:setBadge', s.ownEvent(), 0);
    expect(s.app.counts).toEqual([3, 0]);
  });

  it('does not touch the launcher again for the same count', async () => {
    const s = await setup();
    await s.ipcMain.invoke('notify:setBadge', s.ownEvent(), 2);
    await s.ipcMain.invoke('notify:setBadge', s.ownEvent(), 2);
    expect(s.app.counts).toEqual([2]);
  });

  it.each([
    ['a negative count', -1],
    ['a fraction', 2.5],
    ['a huge count', 1_000_000],
    ['a string', '3'],
    ['null', null],
    ['nothing', undefined],
    ['an object', { count: 3 }],
  ])('refuses %s and leaves the badge alone', async (_name, argument) => {
    const s = await setup();
    const call = s.ipcMain.invoke('notify:setBadge', s.ownEvent(), argument);
    await expect(call).rejects.toThrow('ipc.invalid_argument');
    await call.catch((error: unknown) => expect(ipcErrorCodeOf(error)).toBe('ipc.invalid_argument'));
    expect(s.app.counts).toEqual([]);
  });

  it('refuses a frame that is not our own window', async () => {
    const s = await setup();
    const iframe = s.ownEvent({ senderFrame: fakeFrame(APP_URL, { parent: fakeFrame(APP_URL), frameToken: 'child' }) });
    await expect(s.ipcMain.invoke('notify:setBadge', iframe, 9)).rejects.toThrow('ipc.forbidden_sender');
    await expect(s.ipcMain.invoke('notify:setBadge', s.ownEvent({ senderFrame: fakeFrame('https://evil.example/') }), 9)).rejects.toThrow('ipc.forbidden_sender');
    expect(s.app.counts).toEqual([]);
  });

  it('is quietly accepted where the desktop has no badge', async () => {
    const s = await setup(fakeApp(false));
    await expect(s.ipcMain.invoke('notify:setBadge', s.ownEvent(), 5)).resolves.toBeUndefined();
    expect(s.log).not.toHaveBeenCalled();
  });

  it('logs, and does not fail the renderer, when the launcher throws', () => {
    const log = vi.fn();
    const setBadge = createBadgeSetter({
      app: {
        setBadgeCount: () => {
          throw new Error('launcher gone');
        },
      },
      log,
    });
    expect(() => setBadge(1)).not.toThrow();
    expect(log).toHaveBeenCalledOnce();
  });

  it('is a no-op for hosts that do not provide a badge', async () => {
    const settings = await loadSettingsStore({ fs: new MemoryFileSystem(), directory: USER_DATA });
    const handlers = createIpcHandlers({
      appInfo: () => ({ version: '1', platform: 'linux', electron: true }),
      settings,
      notify: () => undefined,
      session: createSessionVault({ safeStorage: new FakeSafeStorage(), fs: new MemoryVaultFileSystem(), directory: USER_DATA, platform: 'linux' }),
      files: idleFileSaver(),
    });
    expect(await handlers['notify:setBadge'](3, { sender: null })).toBeUndefined();
  });
});
