// What the sync indicator shows. The engine reports its whole status; the slice keeps the
// latest one and derives the indicator's state from it.
import { createSlice, type PayloadAction } from '@reduxjs/toolkit';
import { initialSyncStatus, type SyncStatus } from '../sync';
import { signedOut } from './sessionSlice';

export type SyncState = SyncStatus;

/** The indicator's states, also exposed to end-to-end tests as data-state. */
export type IndicatorState = 'online' | 'offline' | 'connecting' | 'problem';

export const syncSlice = createSlice({
  name: 'sync',
  initialState: initialSyncStatus as SyncState,
  reducers: {
    statusChanged(_state, action: PayloadAction<SyncStatus>) {
      return action.payload;
    },
  },
  extraReducers: (builder) => {
    builder.addCase(signedOut, () => initialSyncStatus);
  },
  selectors: {
    selectSyncStatus: (state) => state,
    selectPendingCount: (state) => state.pending,
    selectSyncProblem: (state) => state.problem,
    selectLastSyncedAt: (state) => state.lastSyncedAt,
    /** A problem needs the user, so it wins over the connection state. */
    selectIndicatorState: (state): IndicatorState => (state.problem ? 'problem' : state.connection),
  },
});

export const { statusChanged } = syncSlice.actions;
export const { selectSyncStatus, selectPendingCount, selectSyncProblem, selectLastSyncedAt, selectIndicatorState } = syncSlice.selectors;
