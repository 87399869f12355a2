// The session kept across restarts, so that someone who signed in once can open Bureau with no
// server and keep working offline. Read back through zod: the storage is not trusted.
import { z } from 'zod';
import { userSchema } from '../../../shared/domain/directory';
import { isoInstantSchema } from '../../../shared/domain/ids';

export const SESSION_STORAGE_KEY = 'bureau.session';

export const savedSessionSchema = z.object({
  serverUrl: z.url({ protocol: /^https?$/ }),
  token: z.string().min(20),
  expiresAt: isoInstantSchema,
  user: userSchema,
});
export type SavedSession = z.infer<typeof savedSessionSchema>;

export interface SessionStorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** The browser's localStorage, or undefined where touching it throws (locked-down profiles). */
export function defaultSessionStorage(): SessionStorageLike | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
}

export function loadSession(storage: SessionStorageLike | undefined): SavedSession | null {
  let text: string | null = null;
  try {
    text = storage?.getItem(SESSION_STORAGE_KEY) ?? null;
  } catch {
    return null;
  }
  if (text === null) return null;
  try {
    const parsed = savedSessionSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function saveSession(storage: SessionStorageLike | undefined, session: SavedSession): void {
  storage?.setItem(SESSION_STORAGE_KEY, JSON.stringify(savedSessionSchema.parse(session)));
}

export function clearSession(storage: SessionStorageLike | undefined): void {
  try {
    storage?.removeItem(SESSION_STORAGE_KEY);
  } catch {
    // Nothing more to do: a session that cannot be read is not restored either.
  }
}
