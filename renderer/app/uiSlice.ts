// UI state that outlives a page: the language, and whether the re-login dialog is open.
import { createSlice, type PayloadAction } from '@reduxjs/toolkit';
import type { Language } from '../../shared/protocol/ipc';
import { renewed, signedOut } from './sessionSlice';

export interface UiState {
  language: Language;
  reloginOpen: boolean;
}

const initialState: UiState = { language: 'zh-CN', reloginOpen: false };

export const uiSlice = createSlice({
  name: 'ui',
  initialState,
  reducers: {
    languageChanged(state, action: PayloadAction<Language>) {
      state.language = action.payload;
    },
    reloginRequested(state) {
      state.reloginOpen = true;
    },
    reloginDismissed(state) {
      state.reloginOpen = false;
    },
  },
  extraReducers: (builder) => {
    builder.addCase(renewed, (state) => {
      state.reloginOpen = false;
    });
    builder.addCase(signedOut, (state) => {
      state.reloginOpen = false;
    });
  },
  selectors: {
    selectLanguage: (state) => state.language,
    selectReloginOpen: (state) => state.reloginOpen,
  },
});

export const { languageChanged, reloginRequested, reloginDismissed } = uiSlice.actions;
export const { selectLanguage, selectReloginOpen } = uiSlice.selectors;
