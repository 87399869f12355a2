// Lifecycle wiring only: every decision lives in a small, unit-tested module next to this
// file. This is the one main-process file that touches the real Electron objects.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  net,
  Notification,
  protocol,
  safeStorage,
  session,
} from 'electron';
import {
  APP_ENTRY_URL,
  APP_SCHEME,
  APP_SCHEME_PRIVILEGES,
  createAppProtocolHandler,
} from './appProtocol';
import { createIpcHandlers, isTrustedSender, registerIpcHandlers } from './ipc';
import { createBadgeSetter, createNotifier } from './notifications';
import { createFileSaver } from './printing';
import {
  buildContentSecurityPolicy,
  createOriginMatcher,
  hardenSession,
  hardenWebContents,
} from './security';
import { createSessionVault } from './sessionVault';
import { loadSettingsStore } from './settings';
import { claimSingleInstance, focusWindow } from './singleInstance';
import { createMainWindow } from './window';

// Layout produced by electron.vite.config.ts: out/electron/{main,preload}, out/renderer.
const preloadPath = path.join(import.meta.dirname, '../preload/index.cjs');
const rendererRoot = path.join(import.meta.dirname, '../../renderer');

// `electron-vite dev` serves the renderer over HTTP; a packaged app never does.
const devServerUrl = app.isPackaged ? undefined : process.env['ELECTRON_RENDERER_URL'];
const entryUrl = devServerUrl ?? APP_ENTRY_URL;
const isAppUrl = createOriginMatcher(entryUrl);

let mainWindow: BrowserWindow | null = null;

function log(message: string, error?: unknown): void {
  console.error(`[bureau] ${message}`, ...(error === undefined ? [] : [error]));
}

async function start(): Promise<void> {
  const settings = await loadSettingsStore({
    fs,
    directory: app.getPath('userData'),
    log,
  });
  // `npm start` launches the app beside the server it just started: point it there.
  const launchedBy = process.env['BUREAU_SERVER_URL'];
  if (launchedBy && launchedBy !== settings.get().serverUrl) {
    await settings.update({ serverUrl: launchedBy }).catch((error: unknown) => log('ignoring BUREAU_SERVER_URL', error));
  }
  const contentSecurityPolicy = (): string =>
    buildContentSecurityPolicy({
      serverUrl: settings.get().serverUrl,
      allowInlineScripts: devServerUrl !== undefined,
    });

  hardenSession(session.defaultSession, contentSecurityPolicy);
  protocol.handle(
    APP_SCHEME,
    createAppProtocolHandler({
      rendererRoot,
      fetchFile: (fileUrl) => net.fetch(fileUrl),
      getContentSecurityPolicy: contentSecurityPolicy,
    }),
  );

  registerIpcHandlers(
    ipcMain,
    createIpcHandlers({
      appInfo: () => ({ version: app.getVersion(), platform: process.platform, electron: true }),
      settings,
      notify: createNotifier({ Notification, onClick: () => focusWindow(mainWindow) }),
      setBadge: createBadgeSetter({ app, log }),
      // After `ready`, as safeStorage requires on Windows and Linux.
      session: createSessionVault({
        safeStorage,
        fs,
        directory: app.getPath('userData'),
        platform: process.platform,
        log,
      }),
      files: createFileSaver({
        dialog,
        fs,
        windowOf: (sender) => BrowserWindow.getAllWindows().find((window) => window.webContents === sender) ?? null,
        defaultDirectory: () => app.getPath('documents'),
        log,
      }),
    }),
    { isTrustedSender: (event) => isTrustedSender(event, mainWindow, isAppUrl), log },
  );

  openMainWindow();
}

function openMainWindow(): void {
  const window = createMainWindow(BrowserWindow, {
    preloadPath,
    url: entryUrl,
    onLoadError: (error) => log(`cannot load ${entryUrl}`, error),
  });
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null;
  });
  mainWindow = window;
}

if (claimSingleInstance(app, () => mainWindow)) {
  // Before `ready`: the scheme must be privileged to get an origin, fetch and CSP 'self'.
  protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
  app.enableSandbox();
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, isAppUrl));
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (mainWindow === null && app.isReady()) openMainWindow();
  });
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      log('startup failed', error);
      app.exit(1);
    });
}
