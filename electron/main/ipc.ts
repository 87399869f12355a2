// IPC handlers for every channel of shared/protocol/ipc.ts. The renderer is treated as
// untrusted: each call is checked for who sent it, then for what it sent, before any handler
// runs.
import {
  invalidArgumentMessage,
  ipcContract,
  IPC_CHANNELS,
  type AppInfo,
  type IpcChannel,
  type IpcErrorCode,
  type IpcParsedArgs,
  type IpcResult,
  type NotificationRequest,
} from '../../shared/protocol/ipc';
import type { FileSaver } from './printing';
import type { SessionVault } from './sessionVault';
import type { SettingsStore } from './settings';

export interface SenderFrame {
  readonly url: string;
  readonly processId: number;
  readonly frameToken: string;
  readonly parent: SenderFrame | null;
}

export interface IpcInvokeEvent {
  readonly sender: unknown;
  readonly senderFrame: SenderFrame | null;
}

export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcInvokeEvent, ...args: unknown[]) => Promise<unknown>): void;
}

export interface TrustedWindow {
  isDestroyed(): boolean;
  readonly webContents: { readonly mainFrame: SenderFrame };
}

/** Who made the call, for the handlers that act on the caller's own page (printing it). */
export interface IpcCall {
  /** The sender's web contents, already checked to be our window's. */
  readonly sender: unknown;
}

export type IpcHandlers = {
  [K in IpcChannel]: (arg: IpcParsedArgs<K>, call: IpcCall) => Promise<IpcResult<K>> | IpcResult<K>;
};

export class IpcError extends Error {
  constructor(
    readonly code: IpcErrorCode,
    detail?: string,
  ) {
    super(detail ?? code);
    this.name = 'IpcError';
  }
}

/**
 * Only the top frame of our own window, showing our own origin, may call the main process:
 * not an iframe, not another window, not a page that somehow navigated elsewhere.
 */
export function isTrustedSender(
  event: IpcInvokeEvent,
  window: TrustedWindow | null,
  isAppUrl: (url: string) => boolean,
): boolean {
  if (!window || window.isDestroyed()) return false;
  if (event.sender !== window.webContents) return false;
  const frame = event.senderFrame;
  if (!frame || frame.parent !== null) return false;
  const mainFrame = window.webContents.mainFrame;
  if (frame.processId !== mainFrame.processId || frame.frameToken !== mainFrame.frameToken) {
    return false;
  }
  return isAppUrl(frame.url);
}

export interface RegisterIpcOptions {
  isTrustedSender: (event: IpcInvokeEvent) => boolean;
  log?: (message: string, error?: unknown) => void;
}

async function dispatch<K extends IpcChannel>(
  channel: K,
  handler: IpcHandlers[K],
  event: IpcInvokeEvent,
  args: unknown[],
  options: RegisterIpcOptions,
): Promise<IpcResult<K>> {
  if (!options.isTrustedSender(event)) {
    options.log?.(`ipc: refused ${channel} from ${event.senderFrame?.url ?? 'an unknown frame'}`);
    throw new IpcError('ipc.forbidden_sender', `ipc.forbidden_sender: ${channel}`);
  }
  if (args.length > 1) {
    throw new IpcError('ipc.invalid_argument', `ipc.invalid_argument: ${channel}: expected at most one argument`);
  }
  const parsed = ipcContract[channel].arg.safeParse(args[0]);
  if (!parsed.success) {
    throw new IpcError('ipc.invalid_argument', invalidArgumentMessage(channel, parsed.error));
  }
  try {
    // The map is indexed by the generic K, which TypeScript widens to the union of all
    // argument types; the schema just parsed is exactly IpcContract[K]['arg'].
    return await handler(parsed.data as IpcParsedArgs<K>, { sender: event.sender });
  } catch (error) {
    if (error instanceof IpcError) throw error;
    // Internal details (paths, stack) stay in the main-process log, not in the renderer.
    options.log?.(`ipc: ${channel} failed`, error);
    throw new IpcError('ipc.internal_error', `ipc.internal_error: ${channel}`);
  }
}

export function registerIpcHandlers(
  ipcMain: IpcMainLike,
  handlers: IpcHandlers,
  options: RegisterIpcOptions,
): void {
  for (const channel of IPC_CHANNELS) {
    ipcMain.handle(channel, (event, ...args) =>
      dispatch(channel, handlers[channel], event, args, options),
    );
  }
}

export interface DesktopServices {
  appInfo: () => AppInfo;
  settings: SettingsStore;
  notify: (request: NotificationRequest) => void;
  /** The unread count on the app's icon; absent where the host has no badge. */
  setBadge?: (count: number) => void;
  session: SessionVault;
  /** Printing to PDF and saving files through the save dialog. */
  files: FileSaver;
}

export function createIpcHandlers(services: DesktopServices): IpcHandlers {
  return {
    'app:getInfo': () => services.appInfo(),
    'settings:get': () => services.settings.get(),
    'settings:set': (patch) => services.settings.update(patch),
    'notify:show': (request) => services.notify(request),
    'notify:setBadge': (count) => services.setBadge?.(count),
    'session:load': () => services.session.load(),
    'session:save': (session) => services.session.save(session),
    'session:clear': () => services.session.clear(),
    'print:toPdf': (args, call) => services.files.printToPdf(call.sender, args),
    'file:save': (args, call) => services.files.save(call.sender, args),
  };
}
