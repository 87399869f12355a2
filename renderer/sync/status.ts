/** What the sync indicator shows. Kept in Redux (sync slice); never contains documents. */
export type SyncConnection = 'offline' | 'connecting' | 'online';
/** A condition that needs the user: sign in again, or install a newer version. */
export type SyncProblem = 'auth_expired' | 'upgrade_required' | 'client_mismatch' | null;

export interface SyncStatus {
  connection: SyncConnection;
  problem: SyncProblem;
  /** Mutations waiting in the outbox. */
  pending: number;
  /** ISO instant of the last completed pull. */
  lastSyncedAt: string | null;
}

export const initialSyncStatus: SyncStatus = { connection: 'offline', problem: null, pending: 0, lastSyncedAt: null };
