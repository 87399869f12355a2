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
import { loadSession, saveSession } from '../../../renderer/features/auth/savedSession';
import { demoUser, memoryStorage } from './fixtures';

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

function setup(storage = memoryStorage()) {
  const store = makeStore();
  const engines: FakeEngine[] = [];
  const fetchFn = vi.fn(async () => new Response(null, { status: 204 }));
  const dbName = `test-session-${++dbCounter}`;
  const controller = new SessionController({
    dispatch: store.dispatch,
    storage,
    fetch: fetchFn,
    openStore: (s) => LocalStore.open(dbName, s.user.id),
    createEngine: (options) => {
      const engine = new FakeEngine(options);
      engines.push(engine);
      return engine;
    },
  });
  return { store, controller, engines, storage, fetchFn, dbName };
}

describe('SessionController', () => {
  it('with no saved session, stays signed out', () => {
    const { controller, store } = setup();
    expect(controller.restore()).toBe(false);
    expect(controller.getRuntime()).toBeNull();
    expect(selectIsSignedIn(store.getState())).toBe(false);
  });

  it('restores a saved session without any server and starts syncing', () => {
    const storage = memoryStorage();
    saveSession(storage, { serverUrl: 'http://10.1.2.3:8470', ...login });
    const { controller, store, engines } = setup(storage);
    expect(controller.restore()).toBe(true);
    expect(selectIsSignedIn(store.getState())).toBe(true);
    expect(controller.getRuntime()?.userId).toBe(demoUser.id);
    expect(engines).toHaveLength(1);
    expect(engines[0]?.options.serverUrl).toBe('http://10.1.2.3:8470');
    expect(engines[0]?.options.token).toBe(TOKEN);
    expect(selectIndicatorState(store.getState())).toBe('connecting');
  });

  it('signs in, saves the session and notifies subscribers', () => {
    const { controller, store, storage, engines } = setup();
    const listener = vi.fn();
    controller.subscribe(listener);
    controller.signIn('http://s:1', login);
    expect(listener).toHaveBeenCalled();
    expect(loadSession(storage)?.token).toBe(TOKEN);
    expect(selectIsSignedIn(store.getState())).toBe(true);
    expect(engines[0]?.started).toBe(1);
  });

  it('renews the token for the same user and refuses another user', () => {
    const { controller, store, storage, engines } = setup();
    controller.signIn('http://s:1', login);
    const fresh = { ...login, token: 'n'.repeat(43), expiresAt: '2026-03-02T12:00:00.000Z' };
    controller.renew(fresh);
    expect(engines[0]?.tokens).toEqual([fresh.token]);
    expect(loadSession(storage)?.token).toBe(fresh.token);
    expect(selectSessionExpiresAt(store.getState())).toBe(fresh.expiresAt);
    expect(() => controller.renew({ ...fresh, user: { ...demoUser, id: 'someone-else' } })).toThrow();
    expect(engines).toHaveLength(1);
  });

  it('signs out: stops the engine, forgets the session, revokes the token, keeps the outbox', async () => {
    const { controller, store, storage, engines, fetchFn, dbName } = setup();
    controller.signIn('http://s:1', login);
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
    expect(loadSession(storage)).toBeNull();
    expect(selectIsSignedIn(store.getState())).toBe(false);
    expect(selectPendingCount(store.getState())).toBe(0);
    expect(fetchFn).toHaveBeenCalledWith('http://s:1/api/logout', expect.objectContaining({ method: 'POST' }));

    const reopened = LocalStore.open(dbName, demoUser.id);
    expect(await reopened.pendingCount()).toBe(1);
    reopened.close();
  });
});
