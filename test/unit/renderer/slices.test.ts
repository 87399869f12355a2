// Reducers and selectors against a real store.
import { describe, expect, it, vi } from 'vitest';
import { makeStore } from '../../../renderer/app/store';
import {
  renewed,
  restored,
  selectIsSessionExpired,
  selectIsSignedIn,
  selectServerUrl,
  selectSession,
  selectSessionExpiresAt,
  selectSignedInUser,
  signedIn,
  signedOut,
} from '../../../renderer/app/sessionSlice';
import { selectIndicatorState, selectLastSyncedAt, selectPendingCount, selectSyncProblem, selectSyncStatus, statusChanged } from '../../../renderer/app/syncSlice';
import { languageChanged, reloginDismissed, reloginRequested, selectLanguage, selectReloginOpen } from '../../../renderer/app/uiSlice';
import { initialSyncStatus } from '../../../renderer/sync';
import { demoUser } from './fixtures';

const session = { serverUrl: 'http://10.0.0.5:8470', user: demoUser, expiresAt: '2026-03-01T12:00:00.000Z' };

describe('session slice', () => {
  it('starts signed out', () => {
    const store = makeStore();
    expect(selectSession(store.getState())).toBeNull();
    expect(selectIsSignedIn(store.getState())).toBe(false);
    expect(selectSignedInUser(store.getState())).toBeNull();
    expect(selectIsSessionExpired(store.getState(), Date.now())).toBe(false);
  });

  it('signedIn and restored both make a session; the token never enters the store', () => {
    for (const action of [signedIn(session), restored(session)]) {
      const store = makeStore();
      store.dispatch(action);
      expect(selectIsSignedIn(store.getState())).toBe(true);
      expect(selectServerUrl(store.getState())).toBe('http://10.0.0.5:8470');
      expect(selectSignedInUser(store.getState())?.username).toBe('wangqiang');
      expect(JSON.stringify(store.getState())).not.toMatch(/token/i);
    }
    expect(signedIn(session).type).toBe('session/signedIn');
    expect(signedOut().type).toBe('session/signedOut');
  });

  it('renewed moves the expiry; the expiry decides whether the session has expired', () => {
    const store = makeStore();
    store.dispatch(signedIn(session));
    expect(selectIsSessionExpired(store.getState(), Date.parse('2026-03-01T11:59:59Z'))).toBe(false);
    expect(selectIsSessionExpired(store.getState(), Date.parse('2026-03-01T12:00:00Z'))).toBe(true);
    store.dispatch(renewed({ user: { ...demoUser, displayName: '王强（新）' }, expiresAt: '2026-03-02T12:00:00.000Z' }));
    expect(selectSessionExpiresAt(store.getState())).toBe('2026-03-02T12:00:00.000Z');
    expect(selectSignedInUser(store.getState())?.displayName).toBe('王强（新）');
  });

  it('renewed without a session changes nothing', () => {
    const store = makeStore();
    store.dispatch(renewed({ user: demoUser, expiresAt: '2026-03-02T12:00:00.000Z' }));
    expect(selectSession(store.getState())).toBeNull();
  });
});

describe('sync slice', () => {
  it('keeps the latest status and derives the indicator state', () => {
    const store = makeStore();
    expect(selectSyncStatus(store.getState())).toEqual(initialSyncStatus);
    expect(selectIndicatorState(store.getState())).toBe('offline');
    store.dispatch(statusChanged({ connection: 'connecting', problem: null, pending: 2, lastSyncedAt: null }));
    expect(selectIndicatorState(store.getState())).toBe('connecting');
    expect(selectPendingCount(store.getState())).toBe(2);
    store.dispatch(statusChanged({ connection: 'online', problem: null, pending: 0, lastSyncedAt: '2026-03-01T08:00:00.000Z' }));
    expect(selectIndicatorState(store.getState())).toBe('online');
    expect(selectLastSyncedAt(store.getState())).toBe('2026-03-01T08:00:00.000Z');
    expect(statusChanged(initialSyncStatus).type).toBe('sync/statusChanged');
  });

  it('a problem wins over the connection', () => {
    const store = makeStore();
    store.dispatch(statusChanged({ connection: 'online', problem: 'upgrade_required', pending: 3, lastSyncedAt: null }));
    expect(selectIndicatorState(store.getState())).toBe('problem');
    expect(selectSyncProblem(store.getState())).toBe('upgrade_required');
    store.dispatch(statusChanged({ connection: 'offline', problem: 'auth_expired', pending: 3, lastSyncedAt: null }));
    expect(selectIndicatorState(store.getState())).toBe('problem');
  });

  it('signing out resets the status', () => {
    const store = makeStore();
    store.dispatch(signedIn(session));
    store.dispatch(statusChanged({ connection: 'online', problem: null, pending: 4, lastSyncedAt: null }));
    store.dispatch(signedOut());
    expect(selectSyncStatus(store.getState())).toEqual(initialSyncStatus);
    expect(selectSession(store.getState())).toBeNull();
  });
});

describe('ui slice', () => {
  it('changes the language and runs the language effect', () => {
    const effect = vi.fn();
    const store = makeStore({ effects: { languageChanged: effect } });
    expect(selectLanguage(store.getState())).toBe('zh-CN');
    store.dispatch(languageChanged('es'));
    expect(selectLanguage(store.getState())).toBe('es');
    expect(effect).toHaveBeenCalledWith('es');
  });

  it('starts from a preloaded language', () => {
    const store = makeStore({ preloadedState: { ui: { language: 'en', reloginOpen: false } } });
    expect(selectLanguage(store.getState())).toBe('en');
  });

  it('the re-login dialog closes when the session is renewed or ends', () => {
    const store = makeStore();
    store.dispatch(signedIn(session));
    store.dispatch(reloginRequested());
    expect(selectReloginOpen(store.getState())).toBe(true);
    store.dispatch(renewed({ user: demoUser, expiresAt: '2026-03-02T12:00:00.000Z' }));
    expect(selectReloginOpen(store.getState())).toBe(false);
    store.dispatch(reloginRequested());
    store.dispatch(signedOut());
    expect(selectReloginOpen(store.getState())).toBe(false);
    store.dispatch(reloginRequested());
    store.dispatch(reloginDismissed());
    expect(selectReloginOpen(store.getState())).toBe(false);
  });
});
