// Who is signed in, to which server, until when. The token itself is not kept here: it lives
// in the saved session and in the sync engine, and nothing in the UI needs to read it.
import { createSlice, type PayloadAction } from '@reduxjs/toolkit';
import type { User } from '../../shared/domain/directory';

export interface SessionInfo {
  serverUrl: string;
  user: User;
  /** ISO instant when the server stops accepting the token. */
  expiresAt: string;
}

export interface SessionState {
  current: SessionInfo | null;
}

const initialState: SessionState = { current: null };

export const sessionSlice = createSlice({
  name: 'session',
  initialState,
  reducers: {
    /** The user signed in on the sign-in page. */
    signedIn(state, action: PayloadAction<SessionInfo>) {
      state.current = action.payload;
    },
    /** A saved session was found at start-up: the user works on, online or not. */
    restored(state, action: PayloadAction<SessionInfo>) {
      state.current = action.payload;
    },
    /** The user entered their password again after the session expired. */
    renewed(state, action: PayloadAction<{ user: User; expiresAt: string }>) {
      if (!state.current) return;
      state.current.user = action.payload.user;
      state.current.expiresAt = action.payload.expiresAt;
    },
    signedOut(state) {
      state.current = null;
    },
  },
  selectors: {
    selectSession: (state) => state.current,
    selectIsSignedIn: (state) => state.current !== null,
    selectSignedInUser: (state) => state.current?.user ?? null,
    selectServerUrl: (state) => state.current?.serverUrl ?? null,
    selectSessionExpiresAt: (state) => state.current?.expiresAt ?? null,
  },
});

export const { signedIn, restored, renewed, signedOut } = sessionSlice.actions;
export const { selectSession, selectIsSignedIn, selectSignedInUser, selectServerUrl, selectSessionExpiresAt } = sessionSlice.selectors;

/** Whether the token has passed its expiry at `now` (false when nobody is signed in). */
export function selectIsSessionExpired(state: { session: SessionState }, now: number): boolean {
  const expiresAt = state.session.current?.expiresAt;
  return expiresAt !== undefined && Date.parse(expiresAt) <= now;
}
