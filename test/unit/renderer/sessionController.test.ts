// The session lifecycle: restore at start-up (offline), sign in, renew, sign out. The local
// database, outbox included, outlives a sign-out.
import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { LocalStore } from '../../../renderer/db';
import type { SyncEngineOptions } from '../../../renderer/sync';
import { SessionController, type SyncEngineLike } from '../../../renderer/app/sessionController';
import { makeStore } from '../../../renderer/app/store';
import { selectIsSignedIn, selectSessionExpiresAt } from '../../../renderer/app/sessionSlice';
import { selectIndicatorState, selectPendingCount } from '../../../renderer/app/syncSlice';
import { loadSession, saveSession, type SavedSession, type SessionPersistence } from '../../../renderer/features/auth/savedSession';
import { demoUser, memorySessions } from './fixtures';

const TOKEN = 't'.repeat(43);
const login = { token: TOKEN, expiresAt: '2026-03-01T12:00:00.000Z', user: demoUser };

class FakeEngine implements SyncEngineLike {
  started = 0;
  stopped = 0;
  tokens: string[] = [];
  constructor(readonly options: SyncEngineOptions) {}
  start(): void {
    this.started++;
    this.options.onStatus?.({ connection: 'connecting', problem: null, pending: 0, lastSyncedAt: null });
  }
  stop(): void {
    this.stopped++;
  }
  setToken(token: string): void {
    this.tokens.push(token);
  }
  syncNow(): void {}
}

let dbCounter = 0;

function setup(sessions: SessionPersistence = memorySessions()) {
  const store = makeStore();
  const engines: FakeEngine[] = [];
  const fetchFn = vi.fn(async () => new Response(null, { status: 204 }));
  const dbName = `test-session-${++dbCounter}`;
  const onPersistFailed = vi.fn();
  const controller = new SessionController({
    dispatch: store.dispatch,
    persistence: sessions,
    onPersistFailed,
    fetch: fetchFn,
    openStore: (s) => LocalStore.open(dbName, s.user.id),
    createEngine: (options) => {
      const engine = new FakeEngine(options);
      engines.push(engine);
      return engine;
    },
  });
  return { store, controller, engines, sessions, fetchFn, dbName, onPersistFailed };
}

describe('SessionController', () => {
  it('with no saved session, stays signed out', async () => {
    const { controller, store } = setup();
    await expect(controller.restore()).resolves.toBe(false);
    expect(controller.getRuntime()).toBeNull();
    expect(selectIsSignedIn(store.getState())).toBe(false);
  });

  it('restores a saved session without any server and starts syncing', async () => {
    const sessions = memorySessions();
    await saveSession(sessions, { serverUrl: 'http://10.1.2.3:8470', ...login });
    const { controller, store, engines } = setup(sessions);
    await expect(controller.restore()).resolves.toBe(true);
    expect(selectIsSignedIn(store.getState())).toBe(true);
    expect(controller.getRuntime()?.userId).toBe(demoUser.id);
    expect(engines).toHaveLength(1);
    expect(engines[0]?.options.serverUrl).toBe('http://10.1.2.3:8470');
    expect(engines[0]?.options.token).toBe(TOKEN);
    expect(selectIndicatorState(store.getState())).toBe('connecting');
  });

  it('signs in, saves the session and notifies subscribers', async () => {
    const { controller, store, sessions, engines } = setup();
    const listener = vi.fn();
    controller.subscribe(listener);
    const saved = controller.signIn('http://s:1', login);
    // The session starts at once; keeping it for the next start follows.
    expect(listener).toHaveBeenCalled();
    expect(selectIsSignedIn(store.getState())).toBe(true);
    await saved;
    expect((await loadSession(sessions))?.token).toBe(TOKEN);
    expect(selectIsSignedIn(store.getState())).toBe(true);
    expect(engines[0]?.started).toBe(1);
  });

  it('renews the token for the same user and refuses another user', async () => {
    const { controller, store, sessions, engines } = setup();
    await controller.signIn('http://s:1', login);
    const fresh = { ...login, token: 'n'.repeat(43), expiresAt: '2026-03-02T12:00:00.000Z' };
    await controller.renew(fresh);
    expect(engines[0]?.tokens).toEqual([fresh.token]);
    expect((await loadSession(sessions))?.token).toBe(fresh.token);
    expect(selectSessionExpiresAt(store.getState())).toBe(fresh.expiresAt);
    await expect(controller.renew({ ...fresh, user: { ...demoUser, id: 'someone-else' } })).rejects.toThrow();
    expect((await loadSession(sessions))?.token).toBe(fresh.token);
    expect(engines).toHaveLength(1);
  });

  it('signs out: stops the engine, forgets the session, revokes the token, keeps the outbox', async () => {
    const { controller, store, sessions, engines, fetchFn, dbName } = setup();
    await controller.signIn('http://s:1', login);
    const runtime = controller.getRuntime();
    if (!runtime) throw new Error('no runtime');
    await runtime.store.db.outbox.add({ id: 1, name: 'leave.withdraw', args: { id: 'r1' }, clientTime: '2026-03-01T00:00:00.000Z' });
    expect(await controller.pendingCount()).toBe(1);

    await controller.signOut();
    // The database closes on the next task, once React has unmounted the pages.
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(runtime.store.db.isOpen()).toBe(false);
    expect(engines[0]?.stopped).toBe(1);
    expect(controller.getRuntime()).toBeNull();
    await expect(loadSession(sessions)).resolves.toBeNull();
    expect(selectIsSignedIn(store.getState())).toBe(false);
    expect(selectPendingCount(store.getState())).toBe(0);
    expect(fetchFn).toHaveBeenCalledWith('http://s:1/api/logout', expect.objectContaining({ method: 'POST' }));

    const reopened = LocalStore.open(dbName, demoUser.id);
    expect(await reopened.pendingCount()).toBe(1);
    reopened.close();
  });

  it('signs out right after signing in without the sign-in save bringing the session back', async () => {
    let release = (): void => undefined;
    const inner = memorySessions();
    // A slow platform: the save completes only when released.
    const sessions: SessionPersistence = {
      load: () => inner.load(),
      save: (session: SavedSession) => new Promise<void>((resolve) => {
        release = () => void inner.save(session).then(resolve);
      }),
      clear: () => inner.clear(),
    };
    const { controller } = setup(sessions);
    const signedIn = controller.signIn('http://s:1', login);
    const signedOutPromise = controller.signOut();
    await Promise.resolve();
    release();
    await Promise.all([signedIn, signedOutPromise]);
    await expect(loadSession(inner)).resolves.toBeNull();
  });

  it('keeps working when the session cannot be kept, and says so', async () => {
    const failing: SessionPersistence = {
      load: () => Promise.resolve(null),
      save: () => Promise.reject(new Error('ipc.internal_error: session:save')),
      clear: () => Promise.resolve(),
    };
    const { controller, store, onPersistFailed } = setup(failing);
    await expect(controller.signIn('http://s:1', login)).resolves.toBeUndefined();
    expect(selectIsSignedIn(store.getState())).toBe(true);
    expect(controller.getRuntime()).not.toBeNull();
    expect(onPersistFailed).toHaveBeenCalledOnce();
  });

  it('starts signed out when the saved session cannot be read', async () => {
    const broken: SessionPersistence = {
      load: () => Promise.reject(new Error('ipc.internal_error: session:load')),
      save: () => Promise.resolve(),
      clear: () => Promise.resolve(),
    };
    const { controller, store } = setup(broken);
    await expect(controller.restore()).resolves.toBe(false);
    expect(selectIsSignedIn(store.getState())).toBe(false);
  });

  it('does not replace a sign-in that happened while the saved session was being read', async () => {
    const inner = memorySessions();
    await inner.save({ serverUrl: 'http://old:1', ...login });
    let finishLoad = (): void => undefined;
    const slow: SessionPersistence = {
      load: () => new Promise((resolve) => {
        finishLoad = () => void inner.load().then(resolve);
      }),
      save: (session) => inner.save(session),
      clear: () => inner.clear(),
    };
    const { controller, engines } = setup(slow);
    const restoring = controller.restore();
    await controller.signIn('http://new:1', login);
    finishLoad();
    await expect(restoring).resolves.toBe(false);
    expect(engines).toHaveLength(1);
    expect(controller.getSaved()?.serverUrl).toBe('http://new:1');
  });
});
