import type { BrowserWindowConstructorOptions } from 'electron';
import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { createMainWindow, type MainWindowLike } from '../../../electron/main/window';

class FakeBrowserWindow extends EventEmitter implements MainWindowLike {
  static created: FakeBrowserWindow[] = [];
  readonly show = vi.fn();
  readonly loadURL = vi.fn<(url: string) => Promise<void>>(() => Promise.resolve());

  constructor(readonly options: BrowserWindowConstructorOptions) {
    super();
    FakeBrowserWindow.created.push(this);
  }
}

function create(url = 'app://bureau/index.html') {
  FakeBrowserWindow.created = [];
  const window = createMainWindow(FakeBrowserWindow, { preloadPath: '/app/out/electron/preload/index.cjs', url });
  return window;
}

describe('main window', () => {
  it('is created sandboxed and isolated, without Node', () => {
    const prefs = create().options.webPreferences;
    expect(prefs?.sandbox).toBe(true);
    expect(prefs?.contextIsolation).toBe(true);
    expect(prefs?.nodeIntegration).toBe(false);
    expect(prefs?.nodeIntegrationInWorker).toBe(false);
    expect(prefs?.nodeIntegrationInSubFrames).toBe(false);
    expect(prefs?.webSecurity).toBe(true);
    expect(prefs?.allowRunningInsecureContent).toBe(false);
    expect(prefs?.webviewTag).toBe(false);
    expect(prefs?.preload).toBe('/app/out/electron/preload/index.cjs');
  });

  it('loads the app URL and appears only when ready to show', () => {
    const window = create();
    expect(FakeBrowserWindow.created).toHaveLength(1);
    expect(window.loadURL).toHaveBeenCalledWith('app://bureau/index.html');
    expect(window.options.show).toBe(false);
    expect(window.show).not.toHaveBeenCalled();
    window.emit('ready-to-show');
    expect(window.show).toHaveBeenCalledOnce();
  });

  it('reports a failed load instead of leaving an unhandled rejection', async () => {
    FakeBrowserWindow.created = [];
    const onLoadError = vi.fn();
    class FailingWindow extends FakeBrowserWindow {
      override readonly loadURL = vi.fn(() => Promise.reject(new Error('ERR_FILE_NOT_FOUND')));
    }
    createMainWindow(FailingWindow, { preloadPath: '/p.cjs', url: 'app://bureau/', onLoadError });
    await vi.waitFor(() => expect(onLoadError).toHaveBeenCalledOnce());
  });
});
