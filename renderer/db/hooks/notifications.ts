// Live queries and read state for notifications. Notifications are not documents: they are
// derived on the client from documents already synced (renderer/features/notifications/
// derive.ts). What is local is only what this user has seen, kept in the `meta` table of their
// own database, so it survives a restart and never reaches the server.
import { useLiveQuery } from 'dexie-react-hooks';
import type { Delegation } from '../../../shared/domain/delegation';
import type { LeaveRequest } from '../../../shared/domain/leave';
import type { BureauDb } from '../database';
import { useStore } from '../hooks';
import type { LocalStore } from '../localStore';

/** Everything at or before this instant counts as read ("mark all read", the first sync). */
export const READ_UP_TO_KEY = 'notifications.readUpTo';
/** Ids read one by one after the watermark. */
export const READ_IDS_KEY = 'notifications.read';
/** Ids already shown as desktop notifications, so a restart or a second tab does not repeat them. */
export const ANNOUNCED_KEY = 'notifications.announced';

/** Individually read ids kept at most; the oldest go first (they are long past the watermark's reach anyway). */
const MAX_READ_IDS = 1000;

export interface NotificationReadState {
  /** null until the first sync on this device has been taken as the starting point. */
  readUpTo: string | null;
  readIds: ReadonlySet<string>;
}

/** The documents notifications are derived from, read in one consistent snapshot. */
export interface NotificationSources {
  userId: string;
  /** The user's own requests: decisions others took on them. */
  myRequests: LeaveRequest[];
  /** Requests (or cancellations) waiting for the user, as approver or acting approver. */
  pendingOnMe: LeaveRequest[];
  /** Delegations naming the user as acting approver (active or not). */
  delegations: Delegation[];
  read: NotificationReadState;
}

function stringArray(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

async function readState(db: BureauDb): Promise<NotificationReadState> {
  const [upTo, ids] = await Promise.all([db.meta.get(READ_UP_TO_KEY), db.meta.get(READ_IDS_KEY)]);
  return { readUpTo: typeof upTo?.value === 'string' ? upTo.value : null, readIds: new Set(stringArray(ids?.value)) };
}

/** Reads the sources once (for tests and for the live query below). */
export async function loadNotificationSources(store: Pick<LocalStore, 'db' | 'userId'>): Promise<NotificationSources> {
  const { db, userId } = store;
  return db.transaction('r', [db.leaveRequests, db.delegations, db.meta], async () => {
    const [myRequests, pendingOnMe, delegations, read] = await Promise.all([
      db.leaveRequests.where('requesterId').equals(userId).toArray(),
      db.leaveRequests.where('pendingApproverIds').equals(userId).toArray(),
      // Also what dates a pending item routed to an acting approver: the delegation that did it.
      db.delegations.where('toUserId').equals(userId).toArray(),
      readState(db),
    ]);
    return { userId, myRequests, pendingOnMe, delegations, read };
  });
}

/** The sources, kept current by Dexie: any synced or local change re-derives the list. */
export function useNotificationSources(): NotificationSources | undefined {
  const store = useStore();
  return useLiveQuery(() => loadNotificationSources(store), [store]);
}

/** Marks these notifications read (a click on one, or a visit to the page it points to). */
export async function markNotificationsRead(store: Pick<LocalStore, 'db'>, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  const { db } = store;
  await db.transaction('rw', db.meta, async () => {
    const current = stringArray((await db.meta.get(READ_IDS_KEY))?.value);
    const fresh = ids.filter((id) => !current.includes(id));
    if (fresh.length === 0) return;
    await db.meta.put({ key: READ_IDS_KEY, value: [...current, ...fresh].slice(-MAX_READ_IDS) });
  });
}

/**
 * "Mark all read": the watermark moves to the newest notification shown, and the ids read
 * one by one are no longer needed. The watermark never moves back (another tab may have
 * moved it further meanwhile).
 */
export async function markAllNotificationsRead(store: Pick<LocalStore, 'db'>, upTo: string): Promise<void> {
  const { db } = store;
  await db.transaction('rw', db.meta, async () => {
    const current = (await db.meta.get(READ_UP_TO_KEY))?.value;
    const next = typeof current === 'string' && current > upTo ? current : upTo;
    await db.meta.bulkPut([
      { key: READ_UP_TO_KEY, value: next },
      { key: READ_IDS_KEY, value: [] },
    ]);
  });
}

/**
 * On the first sync on this device (a new computer, or the first version with notifications),
 * everything already there counts as read and as announced, so nobody is flooded with a
 * year's worth of old decisions. Does nothing when a starting point exists already.
 */
export async function startNotificationWatermark(store: Pick<LocalStore, 'db'>, upTo: string, ids: readonly string[]): Promise<boolean> {
  const { db } = store;
  return db.transaction('rw', db.meta, async () => {
    if (typeof (await db.meta.get(READ_UP_TO_KEY))?.value === 'string') return false;
    await db.meta.bulkPut([
      { key: READ_UP_TO_KEY, value: upTo },
      { key: READ_IDS_KEY, value: [] },
      { key: ANNOUNCED_KEY, value: [...ids] },
    ]);
    return true;
  });
}

/**
 * Claims the right to announce `candidates` (unread notifications) on the desktop. Returns
 * those not announced before, in the order given; in one transaction, so two tabs of the same
 * user never both pop up the same one. The list kept is pruned to `current` (every
 * notification that still exists), so it cannot grow without end.
 */
export async function claimAnnouncements(store: Pick<LocalStore, 'db'>, candidates: readonly string[], current: readonly string[]): Promise<string[]> {
  const { db } = store;
  return db.transaction('rw', db.meta, async () => {
    const announced = new Set(stringArray((await db.meta.get(ANNOUNCED_KEY))?.value));
    const fresh = candidates.filter((id) => !announced.has(id));
    const alive = new Set(current);
    const kept = [...announced].filter((id) => alive.has(id));
    if (fresh.length === 0 && kept.length === announced.size) return [];
    await db.meta.put({ key: ANNOUNCED_KEY, value: [...kept, ...fresh] });
    return fresh;
  });
}
