// Browser implementations of the desktop API, for the same renderer running in plain
// Chromium (served by the intranet server, or under end-to-end tests). They keep the
// desktop contract: same validation, same error codes, same shapes.
import {
  DEFAULT_SETTINGS,
  invalidArgumentMessage,
  ipcContract,
  notificationSchema,
  parseStoredSession,
  parseStoredSettings,
  serverUrlSchema,
  settingsPatchSchema,
  settingsSchema,
  type NotificationRequest,
  type SavedSession,
  type Settings,
  type SettingsPatch,
} from '../../shared/protocol/ipc';

export const SETTINGS_STORAGE_KEY = 'bureau.settings';
/** Also where the desktop app kept the session before it moved to safeStorage. */
export const SESSION_STORAGE_KEY = 'bureau.session';

export interface PlatformInfo {
  version: string;
  platform: string;
  electron: boolean;
}

export interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export interface WebNotificationApi {
  readonly permission: NotificationPermission;
  requestPermission(): Promise<NotificationPermission>;
  new (title: string, options?: { body?: string }): unknown;
}

/** Where the browser fallback finds its globals; tests pass fakes. */
export interface BrowserEnvironment {
  storage: () => StorageLike | undefined;
  notifications: () => WebNotificationApi | undefined;
  /** The page's own origin: in a browser the intranet server serves the app itself. */
  pageOrigin: () => string | undefined;
  version: string;
}

export interface BrowserPlatformApi {
  app: { getInfo(): Promise<PlatformInfo> };
  settings: {
    get(): Promise<Settings>;
    set(patch: SettingsPatch): Promise<Settings>;
  };
  notify: { show(request: NotificationRequest): Promise<void> };
  session: SessionPersistence;
}

/** The signed-in session kept across restarts (the desktop app encrypts it; see below). */
export interface SessionPersistence {
  /** The saved session, or `null` when there is none or it does not validate. */
  load(): Promise<SavedSession | null>;
  save(session: SavedSession): Promise<void>;
  clear(): Promise<void>;
}

// Set by the web build (`define` or a VITE_ variable); a constant otherwise.
const FALLBACK_VERSION = '0.0.0-web';

function globalEnvironment(): BrowserEnvironment {
  const scope = globalThis as {
    localStorage?: StorageLike;
    Notification?: WebNotificationApi;
    location?: { origin?: string };
  };
  const version: unknown = import.meta.env['VITE_APP_VERSION'];
  return {
    // Touching localStorage throws in some locked-down profiles; treat that as "none".
    storage: () => {
      try {
        return scope.localStorage;
      } catch {
        return undefined;
      }
    },
    notifications: () => scope.Notification,
    pageOrigin: () => scope.location?.origin,
    version: typeof version === 'string' && version !== '' ? version : FALLBACK_VERSION,
  };
}

function defaultSettings(env: BrowserEnvironment): Settings {
  const origin = env.pageOrigin();
  const fromPage = origin === undefined ? null : serverUrlSchema.safeParse(origin);
  return fromPage?.success
    ? { ...DEFAULT_SETTINGS, serverUrl: fromPage.data }
    : { ...DEFAULT_SETTINGS };
}

function readSettings(env: BrowserEnvironment): Settings {
  let text: string | null = null;
  try {
    text = env.storage()?.getItem(SETTINGS_STORAGE_KEY) ?? null;
  } catch {
    text = null;
  }
  if (text === null) return defaultSettings(env);
  try {
    return parseStoredSettings(JSON.parse(text)) ?? defaultSettings(env);
  } catch {
    return defaultSettings(env);
  }
}

/**
 * The session in localStorage. A web page has nothing better: no OS keychain, and any
 * encryption key would sit beside the data it protects, readable by the same scripts. So in a
 * browser the token is as safe as the browser profile; the desktop app keeps it encrypted with
 * safeStorage instead (electron/main/sessionVault.ts).
 */
export function createBrowserSessionPersistence(
  storage: () => StorageLike | undefined,
): SessionPersistence {
  return {
    async load() {
      let text: string | null;
      try {
        text = storage()?.getItem(SESSION_STORAGE_KEY) ?? null;
      } catch {
        return null;
      }
      if (text === null) return null;
      try {
        return parseStoredSession(JSON.parse(text));
      } catch {
        return null;
      }
    },
    async save(session) {
      // The desktop channel's own schema, so both hosts accept and refuse the same sessions.
      const parsed = ipcContract['session:save'].arg.safeParse(session);
      if (!parsed.success) {
        throw new Error(invalidArgumentMessage('session:save', parsed.error));
      }
      const target = storage();
      if (!target) throw new Error('ipc.internal_error: session:save: no storage');
      target.setItem(SESSION_STORAGE_KEY, JSON.stringify(parsed.data));
    },
    async clear() {
      try {
        storage()?.removeItem(SESSION_STORAGE_KEY);
      } catch {
        // Nothing more to do: a session that cannot be read is not restored either.
      }
    },
  };
}

export function createBrowserPlatform(
  env: BrowserEnvironment = globalEnvironment(),
): BrowserPlatformApi {
  return {
    app: {
      getInfo: async () => ({ version: env.version, platform: 'browser', electron: false }),
    },
    settings: {
      get: async () => readSettings(env),
      async set(patch) {
        const parsed = settingsPatchSchema.safeParse(patch);
        if (!parsed.success) {
          throw new Error(invalidArgumentMessage('settings:set', parsed.error));
        }
        const changes = Object.fromEntries(
          Object.entries(parsed.data).filter(([, value]) => value !== undefined),
        );
        const next = settingsSchema.parse({ ...readSettings(env), ...changes });
        const storage = env.storage();
        if (!storage) throw new Error('ipc.internal_error: settings:set: no storage');
        storage.setItem(SETTINGS_STORAGE_KEY, JSON.stringify(next));
        return next;
      },
    },
    notify: {
      async show(request) {
        const parsed = notificationSchema.safeParse(request);
        if (!parsed.success) {
          throw new Error(invalidArgumentMessage('notify:show', parsed.error));
        }
        const WebNotification = env.notifications();
        if (!WebNotification) return;
        // Ask only when a notification is first wanted, never at start-up; a refusal is
        // final and notifications then silently do nothing.
        let permission = WebNotification.permission;
        if (permission === 'default') {
          try {
            permission = await WebNotification.requestPermission();
          } catch {
            return;
          }
        }
        if (permission !== 'granted') return;
        new WebNotification(parsed.data.title, { body: parsed.data.body });
      },
    },
    session: createBrowserSessionPersistence(env.storage),
  };
}
