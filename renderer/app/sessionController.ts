// Owns what exists only while someone is signed in: the user's local database and the sync
// engine. Kept outside React (they are not serialisable, so not in Redux either) and handed to
// the component tree through SessionContext; Redux hears about every change as an event.
import { databaseName, LocalStore } from '../db';
import { SyncEngine, type SyncEngineOptions } from '../sync';
import type { LoginResponse } from '../../shared/protocol/http';
import { logout, type FetchLike } from '../features/auth/authApi';
import { clearSession, loadSession, saveSession, type SavedSession, type SessionPersistence } from '../features/auth/savedSession';
import { renewed, restored, signedIn, signedOut, type SessionInfo } from './sessionSlice';
import { statusChanged } from './syncSlice';
import type { AppDispatch } from './store';

/** The parts of SyncEngine the app uses (tests pass a fake). */
/** What the app needs of the engine (fakes in tests may leave out fetching attachments). */
export type SyncEngineLike = Pick<SyncEngine, 'start' | 'stop' | 'setToken' | 'syncNow'> & Partial<Pick<SyncEngine, 'fetchAttachment'>>;

export interface Runtime {
  /** Changes with every sign-in, so the tree below remounts for a new user. */
  readonly key: string;
  readonly userId: string;
  readonly store: LocalStore;
  readonly engine: SyncEngineLike;
}

export interface SessionControllerOptions {
  dispatch: AppDispatch;
  /** Where the session is kept across restarts: `platform.session` in the app. */
  persistence: SessionPersistence;
  fetch?: FetchLike;
  openStore?: (session: SavedSession) => LocalStore;
  createEngine?: (options: SyncEngineOptions) => SyncEngineLike;
  /** The server refused queued changes; the notices area shows why. */
  onRejected?: () => void;
  /** The session could not be kept across restarts (it still works until the app quits). */
  onPersistFailed?: (error: unknown) => void;
}

function infoOf(session: SavedSession): SessionInfo {
  return { serverUrl: session.serverUrl, user: session.user, expiresAt: session.expiresAt };
}

export class SessionController {
  private runtime: Runtime | null = null;
  private saved: SavedSession | null = null;
  private readonly listeners = new Set<() => void>();
  private generation = 0;
  // Saves and clears reach the platform one after another, in call order: a sign-out right
  // after a sign-in must not be overtaken by the sign-in's save and bring the session back.
  private persisting: Promise<void> = Promise.resolve();

  constructor(private readonly options: SessionControllerOptions) {}

  /**
   * At start-up, before the first render: continue the saved session, online or not. True
   * when there was one.
   */
  async restore(): Promise<boolean> {
    const saved = await loadSession(this.options.persistence);
    // Someone signed in while the session was being read: theirs wins.
    if (!saved || this.runtime) return false;
    this.start(saved);
    this.options.dispatch(restored(infoOf(saved)));
    return true;
  }

  /**
   * Starts the session at once; the promise settles once it is kept for the next start. It
   * never rejects: a session that cannot be kept still works until the app quits.
   */
  signIn(serverUrl: string, login: LoginResponse): Promise<void> {
    const session: SavedSession = { serverUrl, token: login.token, expiresAt: login.expiresAt, user: login.user };
    this.start(session);
    this.options.dispatch(signedIn(infoOf(session)));
    return this.persist(() => saveSession(this.options.persistence, session));
  }

  /**
   * After the password was entered again: the same user, a new token; the outbox is kept.
   * Rejects for another user; otherwise settles like `signIn`.
   */
  async renew(login: LoginResponse): Promise<void> {
    const current = this.saved;
    if (!current || !this.runtime) return;
    if (login.user.id !== current.user.id) throw new Error('renew: a different user');
    const session: SavedSession = { ...current, token: login.token, expiresAt: login.expiresAt, user: login.user };
    this.saved = session;
    this.runtime.engine.setToken(login.token);
    this.options.dispatch(renewed({ user: login.user, expiresAt: login.expiresAt }));
    await this.persist(() => saveSession(this.options.persistence, session));
  }

  /**
   * Stops syncing and forgets the session. The local database stays, outbox included: the
   * next sign-in of the same user on this server picks it up and sends what is left.
   */
  async signOut(): Promise<void> {
    const saved = this.saved;
    this.stop();
    const cleared = this.persist(() => clearSession(this.options.persistence));
    this.options.dispatch(signedOut());
    await cleared;
    if (saved) await logout(saved.serverUrl, saved.token, this.options.fetch);
  }

  /** Changes still waiting for the server (0 when nobody is signed in). */
  async pendingCount(): Promise<number> {
    return this.runtime ? this.runtime.store.pendingCount() : 0;
  }

  getRuntime = (): Runtime | null => this.runtime;

  getSaved(): SavedSession | null {
    return this.saved;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private persist(task: () => Promise<void>): Promise<void> {
    const run = this.persisting.then(task).catch((error: unknown) => this.options.onPersistFailed?.(error));
    this.persisting = run;
    return run;
  }

  private start(session: SavedSession): void {
    this.stop();
    const { dispatch } = this.options;
    const store = this.options.openStore?.(session) ?? LocalStore.open(databaseName(session.serverUrl, session.user.id), session.user.id);
    const engineOptions: SyncEngineOptions = {
      store,
      serverUrl: session.serverUrl,
      token: session.token,
      onStatus: (status) => dispatch(statusChanged(status)),
    };
    const { onRejected } = this.options;
    if (onRejected) engineOptions.onRejected = onRejected;
    const engine = this.options.createEngine?.(engineOptions) ?? new SyncEngine(engineOptions);
    this.saved = session;
    this.generation++;
    this.runtime = { key: `${session.user.id}#${this.generation}`, userId: session.user.id, store, engine };
    engine.start();
    this.notify();
  }

  private stop(): void {
    const runtime = this.runtime;
    if (!runtime) return;
    this.runtime = null;
    this.saved = null;
    runtime.engine.stop();
    this.notify();
    // Let React unmount the pages first: a live query on a closed database would throw.
    setTimeout(() => runtime.store.close(), 0);
  }

  private notify(): void {
    for (const listener of this.listeners) listener();
  }
}
