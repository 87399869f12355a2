// Plain stand-ins for the Electron objects the main-process modules receive. They record
// what was registered so a test can fire events the way Electron would.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { EventEmitter } from 'node:events';
import path from 'node:path';
import type {
  HardenableContents,
  HardenableSession,
  HeadersReceivedDetails,
  HeadersReceivedResponse,
  NavigationEvent,
  PreventableEvent,
} from '../../../electron/main/security';
import type { IpcInvokeEvent, IpcMainLike, SenderFrame, TrustedWindow } from '../../../electron/main/ipc';
import {
  createFileSaver,
  type FileSaver,
  type PdfOptions,
  type PrintableContents,
  type SaveDialogHost,
  type SaveDialogOptionsLike,
} from '../../../electron/main/printing';
import type { SafeStorageLike, VaultFileSystem } from '../../../electron/main/sessionVault';
import type { SettingsFileSystem } from '../../../electron/main/settings';
import type { SavedSession } from '../../../shared/protocol/ipc';
import { demoUser } from '../renderer/fixtures';

export function fakeEvent(url = ''): NavigationEvent & { defaultPrevented: boolean } {
  return {
    url,
    defaultPrevented: false,
    preventDefault() {
      this.defaultPrevented = true;
    },
  };
}

export class FakeWebContents extends EventEmitter implements HardenableContents {
  windowOpenHandler: ((details: { url: string }) => { action: 'deny' }) | undefined;

  override on(event: 'will-navigate' | 'will-redirect', listener: (event: NavigationEvent) => void): this;
  override on(event: 'will-attach-webview', listener: (event: PreventableEvent) => void): this;
  override on(event: string, listener: (event: NavigationEvent) => void): this {
    return super.on(event, listener);
  }

  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void {
    this.windowOpenHandler = handler;
  }
}

type PermissionRequestHandler = Parameters<HardenableSession['setPermissionRequestHandler']>[0];
type PermissionCheckHandler = Parameters<HardenableSession['setPermissionCheckHandler']>[0];
type DevicePermissionHandler = Parameters<HardenableSession['setDevicePermissionHandler']>[0];
type HeadersListener = (
  details: HeadersReceivedDetails,
  callback: (response: HeadersReceivedResponse) => void,
) => void;

export class FakeSession implements HardenableSession {
  permissionRequestHandler: PermissionRequestHandler | undefined;
  permissionCheckHandler: PermissionCheckHandler | undefined;
  devicePermissionHandler: DevicePermissionHandler | undefined;
  headersListener: HeadersListener | undefined;

  readonly webRequest = {
    onHeadersReceived: (listener: HeadersListener): void => {
      this.headersListener = listener;
    },
  };

  setPermissionRequestHandler(handler: PermissionRequestHandler): void {
    this.permissionRequestHandler = handler;
  }
  setPermissionCheckHandler(handler: PermissionCheckHandler): void {
    this.permissionCheckHandler = handler;
  }
  setDevicePermissionHandler(handler: DevicePermissionHandler): void {
    this.devicePermissionHandler = handler;
  }

  /** Runs a response through the registered listener, as Electron would. */
  respond(responseHeaders: Record<string, string[]>): HeadersReceivedResponse {
    let result: HeadersReceivedResponse | undefined;
    this.headersListener?.({ responseHeaders }, (response) => {
      result = response;
    });
    if (!result) throw new Error('onHeadersReceived listener did not call back');
    return result;
  }
}

type InvokeListener = Parameters<IpcMainLike['handle']>[1];

export class FakeIpcMain implements IpcMainLike {
  readonly handlers = new Map<string, InvokeListener>();

  handle(channel: string, listener: InvokeListener): void {
    if (this.handlers.has(channel)) throw new Error(`second handler for ${channel}`);
    this.handlers.set(channel, listener);
  }

  invoke(channel: string, event: IpcInvokeEvent, ...args: unknown[]): Promise<unknown> {
    const listener = this.handlers.get(channel);
    if (!listener) throw new Error(`no handler for ${channel}`);
    return listener(event, ...args);
  }
}

export function fakeFrame(url: string, overrides: Partial<SenderFrame> = {}): SenderFrame {
  return { url, processId: 4, frameToken: 'main-frame-token', parent: null, ...overrides };
}

export function fakeWindow<C extends { readonly mainFrame: SenderFrame }>(
  mainFrame: SenderFrame,
  webContents?: C,
): TrustedWindow & { destroyed: boolean; readonly webContents: C } {
  return {
    destroyed: false,
    isDestroyed() {
      return this.destroyed;
    },
    webContents: webContents ?? ({ mainFrame } as C),
  };
}

/** A window's web contents that can print itself: records each printToPDF call. */
export class FakePrintableContents implements PrintableContents {
  readonly printed: PdfOptions[] = [];
  /** What printToPDF gives back; a real one starts with "%PDF". */
  pdf: Uint8Array = Buffer.from('%PDF-1.7\n% 差旅费报销单\n%%EOF\n');
  failure: Error | null = null;

  constructor(readonly mainFrame: SenderFrame) {}

  printToPDF(options: PdfOptions): Promise<Uint8Array> {
    this.printed.push(options);
    return this.failure ? Promise.reject(this.failure) : Promise.resolve(this.pdf);
  }
}

/** Electron's dialog: answers every save dialog with `answer`, and records what it was shown. */
export class FakeSaveDialog<W> implements SaveDialogHost<W> {
  answer: { canceled: boolean; filePath?: string } = { canceled: true, filePath: '' };
  readonly shown: Array<{ window: W; options: SaveDialogOptionsLike }> = [];

  showSaveDialog(window: W, options: SaveDialogOptionsLike): Promise<{ canceled: boolean; filePath?: string }> {
    this.shown.push({ window, options });
    return Promise.resolve(this.answer);
  }
}

/** A file saver for tests about other channels: every dialog is cancelled, nothing is written. */
export function idleFileSaver(): FileSaver {
  return createFileSaver({ dialog: new FakeSaveDialog<null>(), fs: new MemoryVaultFileSystem(), windowOf: () => null });
}

/** An in-memory `fs/promises` subset with the error codes the store looks at. */
export class MemoryFileSystem implements SettingsFileSystem {
  readonly files = new Map<string, string>();
  failWrites = false;

  readFile(file: string): Promise<string> {
    const text = this.files.get(path.resolve(file));
    if (text === undefined) {
      return Promise.reject(Object.assign(new Error(`ENOENT: ${file}`), { code: 'ENOENT' }));
    }
    return Promise.resolve(text);
  }
  writeFile(file: string, data: string): Promise<void> {
    if (this.failWrites) {
      return Promise.reject(Object.assign(new Error('ENOSPC: disk full'), { code: 'ENOSPC' }));
    }
    this.files.set(path.resolve(file), data);
    return Promise.resolve();
  }
  rename(from: string, to: string): Promise<void> {
    const text = this.files.get(path.resolve(from));
    if (text === undefined) return Promise.reject(new Error(`ENOENT: ${from}`));
    this.files.delete(path.resolve(from));
    this.files.set(path.resolve(to), text);
    return Promise.resolve();
  }
  mkdir(): Promise<undefined> {
    return Promise.resolve(undefined);
  }
}

/**
 * Stands in for Electron's safeStorage: a real cipher (AES-256-GCM with a per-instance key,
 * as the OS key would be per user), so a test can check that nothing readable reaches the
 * disk and that another key cannot decrypt the file.
 */
export class FakeSafeStorage implements SafeStorageLike {
  available = true;
  backend: string | undefined = undefined;
  readonly key = randomBytes(32);

  isEncryptionAvailable(): boolean {
    return this.available;
  }
  encryptString(plainText: string): Buffer {
    if (!this.available) throw new Error('Encryption is not available.');
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const body = Buffer.concat([cipher.update(plainText, 'utf8'), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), body]);
  }
  decryptString(encrypted: Buffer): string {
    if (!this.available) throw new Error('Decryption is not available.');
    if (encrypted.length < 28) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
    const decipher = createDecipheriv('aes-256-gcm', this.key, encrypted.subarray(0, 12));
    decipher.setAuthTag(encrypted.subarray(12, 28));
    return Buffer.concat([decipher.update(encrypted.subarray(28)), decipher.final()]).toString('utf8');
  }
  getSelectedStorageBackend(): string {
    return this.backend ?? 'gnome_libsecret';
  }
}

/** An in-memory binary `fs/promises` subset that records every write, rename and removal. */
export class MemoryVaultFileSystem implements VaultFileSystem {
  readonly files = new Map<string, Buffer>();
  readonly modes = new Map<string, number>();
  readonly operations: string[] = [];
  failWrites = false;

  readFile(file: string): Promise<Buffer> {
    const data = this.files.get(path.resolve(file));
    if (data === undefined) {
      return Promise.reject(Object.assign(new Error(`ENOENT: ${file}`), { code: 'ENOENT' }));
    }
    return Promise.resolve(Buffer.from(data));
  }
  writeFile(file: string, data: Uint8Array, options?: { mode: number }): Promise<void> {
    this.operations.push(`write ${file}`);
    if (this.failWrites) {
      // Like Node's, the message names the file.
      return Promise.reject(Object.assign(new Error(`ENOSPC: no space left on device, open '${file}'`), { code: 'ENOSPC' }));
    }
    this.files.set(path.resolve(file), Buffer.from(data));
    if (options) this.modes.set(path.resolve(file), options.mode);
    return Promise.resolve();
  }
  rename(from: string, to: string): Promise<void> {
    this.operations.push(`rename ${from} ${to}`);
    const data = this.files.get(path.resolve(from));
    if (data === undefined) return Promise.reject(new Error(`ENOENT: ${from}`));
    this.files.delete(path.resolve(from));
    this.files.set(path.resolve(to), data);
    const mode = this.modes.get(path.resolve(from));
    if (mode !== undefined) this.modes.set(path.resolve(to), mode);
    return Promise.resolve();
  }
  mkdir(): Promise<undefined> {
    return Promise.resolve(undefined);
  }
  rm(file: string): Promise<void> {
    this.operations.push(`rm ${file}`);
    this.files.delete(path.resolve(file));
    return Promise.resolve();
  }
}

/** A valid saved session; the token is long and distinctive so a test can search for it. */
export function sampleSession(patch: Partial<SavedSession> = {}): SavedSession {
  return {
    serverUrl: 'http://10.1.2.3:8470',
    token: 'Zk9mR2x0cUJ3eXNsT0xBdmJ6aHZ1bFdqU1FYdE1sZ0E',
    expiresAt: '2026-03-01T12:00:00.000Z',
    user: demoUser,
    ...patch,
  };
}
