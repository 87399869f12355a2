// Browser implementations of the desktop API, for the same renderer running in plain
// Chromium (served by the intranet server, or under end-to-end tests). They keep the
// desktop contract: same validation, same error codes, same shapes.
import {
  badgeCountSchema,
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
import { browserFiles, documentDownloads, type BrowserFilesEnvironment, type FilesApi } from './files';

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

/** The Badging API on `navigator` (installed web apps in Chromium); absent elsewhere. */
export interface AppBadgeApi {
  setAppBadge?(count?: number): Promise<void>;
  clearAppBadge?(): Promise<void>;
}

/** Where the unread count goes in a tab: the page title, e.g. "(3) Bureau". */
export interface TitleHolder {
  title: string;
}

/** Whether desktop notifications can be shown; 'unsupported' where the browser has none. */
export type NotificationPermissionState = NotificationPermission | 'unsupported';

/** Where the browser fallback finds its globals; tests pass fakes. */
export interface BrowserEnvironment extends BrowserFilesEnvironment {
  storage: () => StorageLike | undefined;
  notifications: () => WebNotificationApi | undefined;
  /** The page's own origin: in a browser the intranet server serves the app itself. */
  pageOrigin: () => string | undefined;
  version: string;
  /** `navigator`, for the app badge; none: only the title shows the count. */
  badge?: () => AppBadgeApi | undefined;
  /** `document`, whose title carries the count. */
  titleHolder?: () => TitleHolder | undefined;
}

export interface BrowserPlatformApi extends FilesApi {
  app: { getInfo(): Promise<PlatformInfo> };
  settings: {
    get(): Promise<Settings>;
    set(patch: SettingsPatch): Promise<Settings>;
  };
  notify: {
    show(request: NotificationRequest): Promise<void>;
    /** Whether a notification would be shown now, without asking anybody. */
    permission(): NotificationPermissionState;
    /** Asks the user (a browser prompt); only ever call it from a click on a button that says so. */
    requestPermission(): Promise<NotificationPermissionState>;
    /** The unread count on the app icon (and, in a tab, in the title); 0 clears it. */
    setBadge(count: number): Promise<void>;
  };
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
    navigator?: AppBadgeApi;
    document?: Document;
    URL?: typeof URL;
    print?: () => void;
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
    badge: () => scope.navigator,
    titleHolder: () => scope.document,
    print: () => (typeof scope.print === 'function' ? () => scope.print?.() : undefined),
    downloads: () => documentDownloads(scope),
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

const TITLE_COUNT = /^\(\d+\+?\) /;
/** More than this shows as "99+", as the app icon and the bell do. */
const TITLE_COUNT_MAX = 99;

/** The page title with `count` in front ("(3) Bureau"), or without any count when 0. */
export function titleWithCount(title: string, count: number): string {
  const bare = title.replace(TITLE_COUNT, '');
  if (count <= 0) return bare;
  return `(${count > TITLE_COUNT_MAX ? `${TITLE_COUNT_MAX}+` : count}) ${bare}`;
}

async function setBrowserBadge(env: BrowserEnvironment, count: number): Promise<void> {
  // The desktop channel's own schema, so both hosts accept and refuse the same counts.
  const parsed = badgeCountSchema.safeParse(count);
  if (!parsed.success) throw new Error(invalidArgumentMessage('notify:setBadge', parsed.error));
  const holder = env.titleHolder?.();
  if (holder) holder.title = titleWithCount(holder.title, parsed.data);
  const badge = env.badge?.();
  try {
    // Only installed web apps show it; elsewhere the call fails or does nothing, and the title
    // already carries the count.
    if (parsed.data === 0 && badge?.clearAppBadge) await badge.clearAppBadge();
    else if (parsed.data > 0 && badge?.setAppBadge) await badge.setAppBadge(parsed.data);
  } catch {
    // See above: the title is enough.
  }
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
      permission: () => env.notifications()?.permission ?? 'unsupported',
      async requestPermission() {
        const WebNotification = env.notifications();
        if (!WebNotification) return 'unsupported';
        if (WebNotification.permission !== 'default') return WebNotification.permission;
        try {
          return await WebNotification.requestPermission();
        } catch {
          return WebNotification.permission;
        }
      },
      setBadge: (count) => setBrowserBadge(env, count),
    },
    session: createBrowserSessionPersistence(env.storage),
    ...browserFiles(env),
  };
}
