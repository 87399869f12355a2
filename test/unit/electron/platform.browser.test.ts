import { createHash } from 'node:crypto';
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

const bytes = new Uint8Array([37, 80, 68, 70, 45, 49, 46, 55, 0, 255]);
const sha256 = createHash('sha256').update(bytes).digest('hex');

describe('printing and saving files in a plain browser', () => {
  function browserWithDownloads(options: { print?: boolean } = {}) {
    const clicked: Array<{ url: string; fileName: string; revokedBeforeClick: boolean }> = [];
    const blobs = new Map<string, Blob>();
    const revoked: string[] = [];
    const pending: Array<() => void> = [];
    const print = vi.fn();
    const platform = createBrowserPlatform({
      storage: () => storage,
      notifications: () => undefined,
      pageOrigin: () => undefined,
      version: 'test',
      print: () => (options.print === false ? undefined : print),
      downloads: () => ({
        createObjectURL(blob) {
          const url = `blob:http://10.0.0.1/${blobs.size + 1}`;
          blobs.set(url, blob);
          return url;
        },
        revokeObjectURL: (url) => revoked.push(url),
        clickDownloadLink: (url, fileName) => clicked.push({ url, fileName, revokedBeforeClick: revoked.includes(url) }),
      }),
      later: (task) => pending.push(task),
    });
    const runLater = () => pending.splice(0).forEach((task) => task());
    return { platform, clicked, blobs, revoked, runLater, print };
  }

  it('saves a file as a download with its name and exactly its bytes, then frees the object URL', async () => {
    const b = browserWithDownloads();
    await expect(
      b.platform.file.save({ name: '出差审批单（2024版）.pdf', mediaType: 'application/pdf', bytes, sha256 }),
    ).resolves.toEqual({ status: 'downloaded', fileName: '出差审批单（2024版）.pdf' });
    expect(b.clicked).toEqual([{ url: 'blob:http://10.0.0.1/1', fileName: '出差审批单（2024版）.pdf', revokedBeforeClick: false }]);
    const blob = b.blobs.get('blob:http://10.0.0.1/1');
    expect(blob?.type).toBe('application/pdf');
    expect(new Uint8Array(await (blob ?? new Blob()).arrayBuffer())).toEqual(bytes);
    b.runLater();
    expect(b.revoked).toEqual(['blob:http://10.0.0.1/1']);
  });

  it.each([
    ['a name with a path', { name: '../x.pdf', mediaType: 'application/pdf', bytes }],
    ['a wrong extension', { name: 'x.exe', mediaType: 'application/pdf', bytes }],
    ['a type that may not be saved', { name: 'x.html', mediaType: 'text/html', bytes }],
    ['bytes that do not match their sha256', { name: 'x.pdf', mediaType: 'application/pdf', bytes: new Uint8Array(3), sha256 }],
  ])('refuses %s with the desktop error code and starts no download', async (_name, request) => {
    const b = browserWithDownloads();
    await expect(b.platform.file.save(request)).resolves.toEqual({ status: 'failed', error: 'ipc.invalid_argument' });
    expect(b.clicked).toEqual([]);
    expect(b.blobs.size).toBe(0);
  });

  it('prints through the browser dialog', async () => {
    const b = browserWithDownloads();
    await expect(b.platform.print.toPdf('差旅费报销单.pdf', { pageSize: 'A4' })).resolves.toEqual({ status: 'printDialog' });
    expect(b.print).toHaveBeenCalledOnce();
    expect(b.clicked).toEqual([]);
  });

  it('refuses a bad PDF name without opening the dialog', async () => {
    const b = browserWithDownloads();
    await expect(b.platform.print.toPdf('a/b.pdf')).resolves.toEqual({ status: 'failed', error: 'ipc.invalid_argument' });
    await expect(b.platform.print.toPdf('claim.docx')).resolves.toEqual({ status: 'failed', error: 'ipc.invalid_argument' });
    expect(b.print).not.toHaveBeenCalled();
  });

  it('says so where the page cannot print', async () => {
    const b = browserWithDownloads({ print: false });
    await expect(b.platform.print.toPdf('x.pdf')).resolves.toEqual({ status: 'failed', error: 'ipc.internal_error' });
  });
});

describe('printing and saving files on the desktop', () => {
  function desktopWith(results: { print?: () => Promise<unknown>; save?: () => Promise<unknown> }) {
    const bureau = {
      ...fakeBureau(),
      print: { toPdf: vi.fn(results.print ?? (() => Promise.resolve({ saved: false }))) },
      file: { save: vi.fn(results.save ?? (() => Promise.resolve({ saved: false }))) },
    };
    return { bureau, platform: detectPlatform({ bureau }) };
  }

  it('prints through the main process and gives back only the file name', async () => {
    const { bureau, platform } = desktopWith({ print: () => Promise.resolve({ saved: true, path: '/home/clerk/报销/差旅费报销单.pdf' }) });
    await expect(platform.print.toPdf('差旅费报销单.pdf', { pageSize: 'A4' })).resolves.toEqual({
      status: 'saved',
      fileName: '差旅费报销单.pdf',
    });
    expect(bureau.print.toPdf).toHaveBeenCalledWith({ name: '差旅费报销单.pdf', pageSize: 'A4' });
  });

  it('gives the file name of a Windows path too', async () => {
    const { platform } = desktopWith({ save: () => Promise.resolve({ saved: true, path: 'C:\\Users\\clerk\\Documents\\表格.docx' }) });
    const docx = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
    await expect(platform.file.save({ name: '表格.docx', mediaType: docx, bytes })).resolves.toEqual({ status: 'saved', fileName: '表格.docx' });
  });

  it('tells a cancelled dialog from a failure', async () => {
    await expect(desktopWith({}).platform.print.toPdf('x.pdf')).resolves.toEqual({ status: 'cancelled' });
    const failing = desktopWith({ save: () => Promise.resolve({ saved: false, error: 'ipc.internal_error' }) });
    await expect(failing.platform.file.save({ name: 'x.pdf', mediaType: 'application/pdf', bytes })).resolves.toEqual({
      status: 'failed',
      error: 'ipc.internal_error',
    });
  });

  it('turns a refusal by the main process into its code', async () => {
    const refusing = desktopWith({
      print: () => Promise.reject(new Error("Error invoking remote method 'print:toPdf': Error: ipc.invalid_argument: print:toPdf: name: must end in .pdf")),
    });
    await expect(refusing.platform.print.toPdf('x.pdf')).resolves.toEqual({ status: 'failed', error: 'ipc.invalid_argument' });
    const broken = desktopWith({ print: () => Promise.reject(new Error('channel closed')) });
    await expect(broken.platform.print.toPdf('x.pdf')).resolves.toEqual({ status: 'failed', error: 'ipc.internal_error' });
  });
});
