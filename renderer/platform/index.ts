// The one place in the renderer that knows about `window.bureau`. Everything else calls
// `platform.*`, which works the same on the desktop (through the preload bridge) and in a
// plain browser (through browser.ts).
import type { BureauDesktopApi, SavedSession } from '../../shared/protocol/ipc';
import { desktopFiles } from './files';
import {
  createBrowserPlatform,
  createBrowserSessionPersistence,
  type BrowserPlatformApi,
  type PlatformInfo,
  type SessionPersistence,
  type StorageLike,
} from './browser';

export { ipcErrorCodeOf, type IpcErrorCode, type SavedSession } from '../../shared/protocol/ipc';
export type { NotificationPermissionState, PlatformInfo, SessionPersistence } from './browser';
export type { PdfOptions, SaveFileRequest, SaveOutcome } from './files';

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

/**
 * The desktop session lives in the main process, encrypted with safeStorage. Versions before
 * that kept it, token in clear, in this origin's localStorage like the browser does: the first
 * load takes it out of there for good, and moves it into the vault if the vault has none (so an
 * update does not sign anyone out).
 */
function desktopSession(desktop: BureauDesktopApi, legacyStorage: () => StorageLike | undefined): SessionPersistence {
  const legacy = createBrowserSessionPersistence(legacyStorage);
  return {
    async load(): Promise<SavedSession | null> {
      const old = await legacy.load();
      await legacy.clear();
      const saved = await desktop.session.load();
      if (saved !== null || old === null) return saved;
      // Without OS encryption the vault keeps nothing: the old session still opens this time.
      await desktop.session.save(old).catch(() => undefined);
      return old;
    },
    save: (session) => desktop.session.save(session),
    clear: () => desktop.session.clear(),
  };
}

function storageOf(scope: object): () => StorageLike | undefined {
  return () => {
    // Touching localStorage throws in some locked-down profiles; treat that as "none".
    try {
      return (scope as { localStorage?: StorageLike }).localStorage;
    } catch {
      return undefined;
    }
  };
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
      notify: {
        show: (request) => desktop.notify.show(request),
        // The operating system, not the app, decides whether desktop notifications appear;
        // Electron needs no permission to ask for one.
        permission: () => 'granted',
        requestPermission: () => Promise.resolve('granted'),
        setBadge: (count) => desktop.notify.setBadge(count),
      },
      session: desktopSession(desktop, storageOf(scope)),
      ...desktopFiles(desktop),
    };
  }
  return { isDesktop: false, ...createBrowserPlatform() };
}

export const platform: Platform = detectPlatform();
