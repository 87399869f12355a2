import { createContext, useContext, useSyncExternalStore } from 'react';
import type { Runtime, SessionController, SyncEngineLike } from './sessionController';

export const SessionContext = createContext<SessionController | null>(null);

export function useSessionController(): SessionController {
  const controller = useContext(SessionContext);
  if (!controller) throw new Error('useSessionController outside <SessionContext.Provider>');
  return controller;
}

/** The signed-in user's database and sync engine; null on the sign-in page. */
export function useRuntime(): Runtime | null {
  const controller = useSessionController();
  return useSyncExternalStore(controller.subscribe, controller.getRuntime);
}

export function useEngine(): SyncEngineLike {
  const runtime = useRuntime();
  if (!runtime) throw new Error('useEngine while signed out');
  return runtime.engine;
}
