import { describe, expect, it, vi } from 'vitest';
import { createIpcHandlers, isTrustedSender, registerIpcHandlers, type IpcInvokeEvent } from '../../../electron/main/ipc';
import { createOriginMatcher } from '../../../electron/main/security';
import { createSessionVault, SESSION_FILE_NAME } from '../../../electron/main/sessionVault';
import { loadSettingsStore, SETTINGS_FILE_NAME } from '../../../electron/main/settings';
import { DEFAULT_SETTINGS, IPC_CHANNELS, ipcErrorCodeOf, type NotificationRequest } from '../../../shared/protocol/ipc';
import {
  FakeIpcMain,
  FakeSafeStorage,
  MemoryFileSystem,
  MemoryVaultFileSystem,
  fakeFrame,
  fakeWindow,
  idleFileSaver,
  sampleSession,
} from './fakes';

const USER_DATA = '/home/clerk/.config/Bureau';
const APP_URL = 'app://bureau/index.html';
const isAppUrl = createOriginMatcher(APP_URL);

async function setup() {
  const fs = new MemoryFileSystem();
  const settings = await loadSettingsStore({ fs, directory: USER_DATA });
  const mainFrame = fakeFrame(APP_URL);
  const window = fakeWindow(mainFrame);
  const notified: NotificationRequest[] = [];
  const vaultFs = new MemoryVaultFileSystem();
  const safeStorage = new FakeSafeStorage();
  const handlers = createIpcHandlers({
    appInfo: () => ({ version: '1.2.3', platform: 'linux', electron: true }),
    settings,
    notify: (request) => notified.push(request),
    session: createSessionVault({ safeStorage, fs: vaultFs, directory: USER_DATA, platform: 'linux' }),
    files: idleFileSaver(),
  });
  const spies = {
    'settings:set': vi.spyOn(handlers, 'settings:set'),
    'notify:show': vi.spyOn(handlers, 'notify:show'),
    'session:load': vi.spyOn(handlers, 'session:load'),
    'session:save': vi.spyOn(handlers, 'session:save'),
  };
  const ipcMain = new FakeIpcMain();
  const log = vi.fn();
  registerIpcHandlers(ipcMain, handlers, {
    isTrustedSender: (event) => isTrustedSender(event, window, isAppUrl),
    log,
  });
  /** An event as sent by our window's main frame, optionally altered. */
  const ownEvent = (overrides: Partial<IpcInvokeEvent> = {}): IpcInvokeEvent => ({
    sender: window.webContents,
    senderFrame: mainFrame,
    ...overrides,
  });
  const settingsFile = () => fs.files.get(`${USER_DATA}/${SETTINGS_FILE_NAME}`);
  const sessionFile = () => vaultFs.files.get(`${USER_DATA}/${SESSION_FILE_NAME}`);
  return { fs, settings, window, notified, spies, ipcMain, ownEvent, settingsFile, log, vaultFs, safeStorage, sessionFile };
}

describe('IPC registration', () => {
  it('registers exactly the channels of the shared map', async () => {
    const { ipcMain } = await setup();
    expect([...ipcMain.handlers.keys()].sort()).toEqual([...IPC_CHANNELS].sort());
  });

  it('answers a trusted call', async () => {
    const { ipcMain, ownEvent } = await setup();
    await expect(ipcMain.invoke('app:getInfo', ownEvent())).resolves.toEqual({
      version: '1.2.3',
      platform: 'linux',
      electron: true,
    });
    await expect(ipcMain.invoke('settings:get', ownEvent())).resolves.toEqual(DEFAULT_SETTINGS);
  });
});

describe('IPC sender check', () => {
  const foreignSenders: Array<[string, (s: Awaited<ReturnType<typeof setup>>) => IpcInvokeEvent]> = [
    ['a frame showing another origin', (s) => s.ownEvent({ senderFrame: fakeFrame('https://evil.example/') })],
    ['a file:// page', (s) => s.ownEvent({ senderFrame: fakeFrame('file:///tmp/x.html') })],
    [
      'an iframe of our page',
      (s) => s.ownEvent({ senderFrame: fakeFrame(APP_URL, { parent: fakeFrame(APP_URL), frameToken: 'child' }) }),
    ],
    ['another frame that claims our URL', (s) => s.ownEvent({ senderFrame: fakeFrame(APP_URL, { frameToken: 'other' }) })],
    ['another web contents', (s) => s.ownEvent({ sender: { id: 99 } })],
    ['a frame that is gone', (s) => s.ownEvent({ senderFrame: null })],
  ];

  it.each(foreignSenders)('rejects a call from %s and does not run the handler', async (_name, makeEvent) => {
    const s = await setup();
    const before = s.settings.get();
    const call = s.ipcMain.invoke('settings:set', makeEvent(s), { language: 'en' });
    await expect(call).rejects.toThrow('ipc.forbidden_sender');
    await call.catch((error: unknown) => expect(ipcErrorCodeOf(error)).toBe('ipc.forbidden_sender'));
    expect(s.spies['settings:set']).not.toHaveBeenCalled();
    expect(s.settings.get()).toEqual(before);
    expect(s.settingsFile()).toBeUndefined();
  });

  it('rejects everything once the window is destroyed', async () => {
    const s = await setup();
    s.window.destroyed = true;
    await expect(s.ipcMain.invoke('app:getInfo', s.ownEvent())).rejects.toThrow('ipc.forbidden_sender');
  });
});

describe('IPC argument validation', () => {
  it.each([
    ['a non-URL server', { serverUrl: 'not a url' }],
    ['a file: server URL', { serverUrl: 'file:///etc/passwd' }],
    ['a server URL with credentials', { serverUrl: 'http://admin:secret@10.0.0.1/' }],
    ['an unknown language', { language: 'fr' }],
    ['an unknown key', { serverUrl: 'http://10.0.0.1:3000', theme: 'dark' }],
    ['a string', 'http://10.0.0.1:3000'],
    ['null', null],
  ])('rejects settings:set with %s and changes nothing', async (_name, argument) => {
    const s = await setup();
    const call = s.ipcMain.invoke('settings:set', s.ownEvent(), argument);
    await expect(call).rejects.toThrow('ipc.invalid_argument');
    expect(s.spies['settings:set']).not.toHaveBeenCalled();
    expect(s.settings.get()).toEqual(DEFAULT_SETTINGS);
    expect(s.settingsFile()).toBeUndefined();
  });

  it('names the failing field in the error', async () => {
    const s = await setup();
    await expect(s.ipcMain.invoke('settings:set', s.ownEvent(), { language: 'fr' })).rejects.toThrow(
      /ipc\.invalid_argument: settings:set: language/,
    );
  });

  it('rejects an argument on a no-argument channel and extra arguments', async () => {
    const s = await setup();
    await expect(s.ipcMain.invoke('settings:get', s.ownEvent(), { sneaky: true })).rejects.toThrow('ipc.invalid_argument');
    await expect(
      s.ipcMain.invoke('settings:set', s.ownEvent(), { language: 'en' }, { language: 'es' }),
    ).rejects.toThrow('ipc.invalid_argument');
    expect(s.settings.get()).toEqual(DEFAULT_SETTINGS);
  });

  it.each([
    ['an empty title', { title: '', body: 'x' }],
    ['a 201-character title', { title: 'x'.repeat(201), body: '' }],
    ['a 1001-character body', { title: 'x', body: 'y'.repeat(1001) }],
    ['a missing body', { title: 'x' }],
  ])('rejects notify:show with %s', async (_name, argument) => {
    const s = await setup();
    await expect(s.ipcMain.invoke('notify:show', s.ownEvent(), argument)).rejects.toThrow('ipc.invalid_argument');
    expect(s.notified).toEqual([]);
  });

  it('shows a valid notification', async () => {
    const s = await setup();
    await s.ipcMain.invoke('notify:show', s.ownEvent(), { title: '请假已批准', body: '3 days' });
    expect(s.notified).toEqual([{ title: '请假已批准', body: '3 days' }]);
  });
});

describe('settings:set', () => {
  it('persists a valid change to the settings file', async () => {
    const s = await setup();
    const result = await s.ipcMain.invoke('settings:set', s.ownEvent(), {
      serverUrl: 'https://oa.agency.gov.cn',
      language: 'es',
    });
    const expected = { serverUrl: 'https://oa.agency.gov.cn', language: 'es' };
    expect(result).toEqual(expected);
    expect(s.settings.get()).toEqual(expected);
    expect(JSON.parse(s.settingsFile() ?? 'null')).toEqual(expected);

    // A fresh start reads back what was written.
    const reloaded = await loadSettingsStore({ fs: s.fs, directory: USER_DATA });
    expect(reloaded.get()).toEqual(expected);
  });

  it('keeps unspecified fields', async () => {
    const s = await setup();
    await s.ipcMain.invoke('settings:set', s.ownEvent(), { language: 'en' });
    expect(s.settings.get()).toEqual({ ...DEFAULT_SETTINGS, language: 'en' });
  });

  it('reports a failed write as an internal error, without details, and changes nothing', async () => {
    const s = await setup();
    s.fs.failWrites = true;
    const call = s.ipcMain.invoke('settings:set', s.ownEvent(), { language: 'en' });
    await expect(call).rejects.toThrow('ipc.internal_error');
    await expect(call).rejects.not.toThrow('ENOSPC');
    expect(s.settings.get()).toEqual(DEFAULT_SETTINGS);
    expect(s.log).toHaveBeenCalled();
  });
});

describe('session channels', () => {
  it('saves a session encrypted, loads it back, and clears it', async () => {
    const s = await setup();
    await expect(s.ipcMain.invoke('session:load', s.ownEvent())).resolves.toBeNull();
    await expect(s.ipcMain.invoke('session:save', s.ownEvent(), sampleSession())).resolves.toBeUndefined();
    expect(s.sessionFile()?.toString('utf8')).not.toContain(sampleSession().token);
    await expect(s.ipcMain.invoke('session:load', s.ownEvent())).resolves.toEqual(sampleSession());
    await expect(s.ipcMain.invoke('session:clear', s.ownEvent())).resolves.toBeUndefined();
    expect(s.sessionFile()).toBeUndefined();
    await expect(s.ipcMain.invoke('session:load', s.ownEvent())).resolves.toBeNull();
  });

  it.each([
    ['a short token', { ...sampleSession(), token: 'short' }],
    ['a numeric token', { ...sampleSession(), token: 42 }],
    ['a file: server', { ...sampleSession(), serverUrl: 'file:///etc/passwd' }],
    ['a server URL with credentials', { ...sampleSession(), serverUrl: 'http://admin:secret@10.0.0.1' }],
    ['an expiry that is not an instant', { ...sampleSession(), expiresAt: 'tomorrow' }],
    ['no user', { ...sampleSession(), user: undefined }],
    ['a user without an id', { ...sampleSession(), user: { ...sampleSession().user, id: undefined } }],
    ['an unknown key', { ...sampleSession(), password: 'hunter2' }],
    ['a string', 'a session'],
    ['null', null],
    ['no argument at all', undefined],
  ])('refuses session:save with %s and writes nothing', async (_name, argument) => {
    const s = await setup();
    const call = s.ipcMain.invoke('session:save', s.ownEvent(), argument);
    await expect(call).rejects.toThrow('ipc.invalid_argument');
    await call.catch((error: unknown) => expect(ipcErrorCodeOf(error)).toBe('ipc.invalid_argument'));
    expect(s.spies['session:save']).not.toHaveBeenCalled();
    expect(s.vaultFs.operations).toEqual([]);
  });

  it('refuses an argument to session:load and session:clear', async () => {
    const s = await setup();
    await expect(s.ipcMain.invoke('session:load', s.ownEvent(), { all: true })).rejects.toThrow('ipc.invalid_argument');
    await expect(s.ipcMain.invoke('session:clear', s.ownEvent(), 'now')).rejects.toThrow('ipc.invalid_argument');
  });

  it('gives the token to our own window only', async () => {
    const s = await setup();
    await s.ipcMain.invoke('session:save', s.ownEvent(), sampleSession());
    const iframe = s.ownEvent({ senderFrame: fakeFrame(APP_URL, { parent: fakeFrame(APP_URL), frameToken: 'child' }) });
    await expect(s.ipcMain.invoke('session:load', iframe)).rejects.toThrow('ipc.forbidden_sender');
    await expect(s.ipcMain.invoke('session:load', s.ownEvent({ senderFrame: fakeFrame('https://evil.example/') }))).rejects.toThrow(
      'ipc.forbidden_sender',
    );
    await expect(s.ipcMain.invoke('session:clear', iframe)).rejects.toThrow('ipc.forbidden_sender');
    expect(s.spies['session:load']).not.toHaveBeenCalled();
    expect(s.sessionFile()).toBeDefined();
  });

  it('without OS encryption, accepts the session but keeps nothing', async () => {
    const s = await setup();
    s.safeStorage.available = false;
    await expect(s.ipcMain.invoke('session:save', s.ownEvent(), sampleSession())).resolves.toBeUndefined();
    expect(s.sessionFile()).toBeUndefined();
    await expect(s.ipcMain.invoke('session:load', s.ownEvent())).resolves.toBeNull();
  });

  it('reports a failed write as an internal error without details', async () => {
    const s = await setup();
    s.vaultFs.failWrites = true;
    const call = s.ipcMain.invoke('session:save', s.ownEvent(), sampleSession());
    await expect(call).rejects.toThrow('ipc.internal_error');
    await expect(call).rejects.not.toThrow('ENOSPC');
    expect(s.log).toHaveBeenCalled();
  });
});
