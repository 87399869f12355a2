// The one place in the renderer that knows about `window.bureau`. Everything else calls
// `platform.*`, which works the same on the desktop (through the preload bridge) and in a
// plain browser (through browser.ts).
import type { BureauDesktopApi } from '../../shared/protocol/ipc';
import { createBrowserPlatform, type BrowserPlatformApi, type PlatformInfo } from './browser';

export { ipcErrorCodeOf, type IpcErrorCode } from '../../shared/protocol/ipc';
export type { PlatformInfo } from './browser';

export type Platform = BrowserPlatformApi & { readonly isDesktop: boolean };

function isDesktopApi(value: unknown): value is BureauDesktopApi {
  if (typeof value !== 'object' || value === null) return false;
  const api = value as Record<string, unknown>;
  return (
    typeof api['app'] === 'object' &&
    typeof api['settings'] === 'object' &&
    typeof api['notify'] === 'object'
  );
}

export function detectPlatform(scope: object = globalThis): Platform {
  const desktop: unknown = (scope as { bureau?: unknown }).bureau;
  if (isDesktopApi(desktop)) {
    // Spelled out rather than spread so that a change to the IPC map that the browser
    // fallback does not follow fails to compile here.
    return {
      isDesktop: true,
      app: { getInfo: (): Promise<PlatformInfo> => desktop.app.getInfo() },
      settings: {
        get: () => desktop.settings.get(),
        set: (patch) => desktop.settings.set(patch),
      },
      notify: { show: (request) => desktop.notify.show(request) },
    };
  }
  return { isDesktop: false, ...createBrowserPlatform() };
}

export const platform: Platform = detectPlatform();
