import type { BrowserWindowConstructorOptions } from 'electron';

export interface MainWindowLike {
  once(event: 'ready-to-show', listener: () => void): unknown;
  show(): void;
  loadURL(url: string): Promise<void>;
}

export type BrowserWindowConstructor<W extends MainWindowLike> = new (
  options: BrowserWindowConstructorOptions,
) => W;

export interface MainWindowOptions {
  preloadPath: string;
  url: string;
  onLoadError?: (error: unknown) => void;
}

export function mainWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    title: 'Bureau',
    width: 1280,
    height: 800,
    minWidth: 960,
    minHeight: 600,
    // Shown on 'ready-to-show' so the user never sees a blank white frame.
    show: false,
    backgroundColor: '#ffffff',
    autoHideMenuBar: true,
    webPreferences: {
      preload: preloadPath,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
    },
  };
}

export function createMainWindow<W extends MainWindowLike>(
  BrowserWindow: BrowserWindowConstructor<W>,
  options: MainWindowOptions,
): W {
  const window = new BrowserWindow(mainWindowOptions(options.preloadPath));
  window.once('ready-to-show', () => window.show());
  window.loadURL(options.url).catch((error: unknown) => options.onLoadError?.(error));
  return window;
}
