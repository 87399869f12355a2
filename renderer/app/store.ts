// The Redux store: session, sync status and UI state only. Documents are read from Dexie with
// the live-query hooks of renderer/db and are never copied here.
import { combineSlices, configureStore, createListenerMiddleware } from '@reduxjs/toolkit';
import type { Language } from '../../shared/protocol/ipc';
import { sessionSlice } from './sessionSlice';
import { syncSlice } from './syncSlice';
import { languageChanged, uiSlice } from './uiSlice';

const rootReducer = combineSlices(sessionSlice, syncSlice, uiSlice);

export type RootState = ReturnType<typeof rootReducer>;

export interface StoreEffects {
  /** Runs after the language changed in the store (switch i18next, dayjs, save the setting). */
  languageChanged?: (language: Language) => void;
}

export function makeStore(options: { preloadedState?: Partial<RootState>; effects?: StoreEffects } = {}) {
  const listener = createListenerMiddleware();
  const { effects = {} } = options;
  listener.startListening({
    actionCreator: languageChanged,
    effect: (action) => effects.languageChanged?.(action.payload),
  });
  return configureStore({
    reducer: rootReducer,
    preloadedState: options.preloadedState,
    middleware: (getDefault) => getDefault().prepend(listener.middleware),
  });
}

export type AppStore = ReturnType<typeof makeStore>;
export type AppDispatch = AppStore['dispatch'];
