// The session kept across restarts, so that someone who signed in once can open Bureau with no
// server and keep working offline. Where it is kept is the platform's business
// (`platform.session`): encrypted with safeStorage by the desktop app, in localStorage in a
// browser. Both validate what they read back; the schema is shared with the IPC map.
import type { SavedSession, SessionPersistence } from '../../platform';

export { savedSessionSchema, type SavedSession } from '../../../shared/protocol/ipc';
export type { SessionPersistence } from '../../platform';

/** The saved session, or `null` when there is none or it cannot be read: never throws. */
export async function loadSession(persistence: SessionPersistence): Promise<SavedSession | null> {
  try {
    return await persistence.load();
  } catch {
    return null;
  }
}

/** Rejects when the session could not be kept; the caller decides what that means. */
export function saveSession(persistence: SessionPersistence, session: SavedSession): Promise<void> {
  return persistence.save(session);
}

/** Forgets the saved session; never throws (a session that cannot be read is not restored). */
export async function clearSession(persistence: SessionPersistence): Promise<void> {
  try {
    await persistence.clear();
  } catch {
    // Nothing more to do.
  }
}
