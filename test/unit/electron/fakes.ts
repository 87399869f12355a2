// Plain stand-ins for the Electron objects the main-process modules receive. They record
// what was registered so a test can fire events the way Electron would.
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
import type { SettingsFileSystem } from '../../../electron/main/settings';

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

export function fakeWindow(mainFrame: SenderFrame): TrustedWindow & { destroyed: boolean } {
  return {
    destroyed: false,
    isDestroyed() {
      return this.destroyed;
    },
    webContents: { mainFrame },
  };
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
