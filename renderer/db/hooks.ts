// Live queries for pages: documents are read from Dexie, never copied into Redux. Each hook
// re-renders its component when the underlying tables change (a local action or a pull).
import { createContext, useContext } from 'react';
import { Dexie } from 'dexie';
import { useLiveQuery } from 'dexie-react-hooks';
import type { Department, User } from '../../shared/domain/directory';
import type { LeaveRequest } from '../../shared/domain/leave';
import type { LocalStore } from './localStore';
import type { OutboxEntry, RejectionNotice } from './database';
import { readQuerier, type ReadTx } from './readTx';

export type { ReadTx } from './readTx';
export type { LocalBlob } from './database';
export { ATTACHMENT_ACCEPT, MAX_ATTACHMENT_BYTES, attachmentRefusal, discardAttachment, keepDownloadedBlob, storeAttachment, useLocalBlobs } from './blobs';
export type { AttachmentRefusal, PickedFile, StoreAttachmentResult } from './blobs';

export const StoreContext = createContext<LocalStore | null>(null);

export function useStore(): LocalStore {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useStore outside <StoreContext.Provider>');
  return store;
}

/** The signed-in user's own requests, newest first. */
export function useMyLeaveRequests(): LeaveRequest[] | undefined {
  const store = useStore();
  return useLiveQuery(
    () =>
      store.db.leaveRequests
        .where('[requesterId+createdAt]')
        .between([store.userId, Dexie.minKey], [store.userId, Dexie.maxKey])
        .reverse()
        .toArray(),
    [store],
  );
}

/**
 * Requests waiting for the signed-in user's decision (as approver, or as acting approver for
 * someone who delegated), oldest first.
 */
export function useApprovalInbox(): LeaveRequest[] | undefined {
  const store = useStore();
  return useLiveQuery(
    async () => (await store.db.leaveRequests.where('pendingApproverIds').equals(store.userId).toArray()).sort((a, b) => a.createdAt.localeCompare(b.createdAt)),
    [store],
  );
}

/**
 * Runs a read-only query over the local documents (usually a shared rule: a route, a day
 * count, a balance) and runs it again whenever a table it read changes. `deps` are the inputs
 * the query closes over. The query must not throw for expected states: return them instead.
 */
export function useDocQuery<T>(query: (tx: ReadTx, userId: string) => Promise<T>, deps: readonly unknown[]): T | undefined {
  const store = useStore();
  return useLiveQuery(readQuerier(store.db, store.userId, query), [store, ...deps]);
}

export function useLeaveRequest(id: string | undefined): LeaveRequest | undefined {
  const store = useStore();
  return useLiveQuery(async () => (id ? store.db.leaveRequests.get(id) : undefined), [store, id]);
}

/** The directory, keyed by id, for names of requesters and approvers. */
export function useDirectory(): { users: Map<string, User>; departments: Map<string, Department> } | undefined {
  const store = useStore();
  return useLiveQuery(async () => {
    const [users, departments] = await Promise.all([store.db.users.toArray(), store.db.departments.toArray()]);
    return { users: new Map(users.map((u) => [u.id, u])), departments: new Map(departments.map((d) => [d.id, d])) };
  }, [store]);
}

export function useCurrentUser(): User | undefined {
  const store = useStore();
  return useLiveQuery(() => store.db.users.get(store.userId), [store]);
}

/** Mutations not yet confirmed by the server, in order. */
export function usePendingMutations(): OutboxEntry[] | undefined {
  const store = useStore();
  return useLiveQuery(() => store.db.outbox.orderBy('id').toArray(), [store]);
}

/** Ids of documents that still have unsynced local changes. */
export function usePendingDocIds(): Set<string> {
  const pending = usePendingMutations();
  const ids = new Set<string>();
  for (const m of pending ?? []) {
    const args = m.args as { id?: unknown; requestId?: unknown };
    if (typeof args.id === 'string') ids.add(args.id);
    if (typeof args.requestId === 'string') ids.add(args.requestId);
  }
  return ids;
}

export function useUnseenRejections(): RejectionNotice[] | undefined {
  const store = useStore();
  return useLiveQuery(() => store.db.rejections.where('seen').equals(0).toArray(), [store]);
}
