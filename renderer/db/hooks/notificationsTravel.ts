// The documents notifications about business trips and expense claims are derived from, next
// to the leave ones (./notifications.ts). They have their own starting point: a device that had
// leave notifications before trips and claims had any must not count a year of old trip
// decisions as new on the day it learns about them.
import { useLiveQuery } from 'dexie-react-hooks';
import type { Claim } from '../../../shared/domain/claim';
import type { TravelRequest } from '../../../shared/domain/travel';
import { useStore } from '../hooks';
import type { LocalStore } from '../localStore';
import { ANNOUNCED_KEY } from './notifications';

/** Trip and claim notifications count as unread only after this instant (set once per device). */
export const TRAVEL_READ_FROM_KEY = 'notifications.travelFrom';

export interface TravelNotificationSources {
  /** The user's own trips and claims: decisions others took on them, and payments. */
  myTrips: TravelRequest[];
  myClaims: Claim[];
  /** Trips and claims waiting for the user, as approver or acting approver. */
  tripsOnMe: TravelRequest[];
  claimsOnMe: Claim[];
  /** Trips naming the user as a companion. */
  companionTrips: TravelRequest[];
  /** null until this device has taken its starting point for trips and claims. */
  readFrom: string | null;
}

function stringArray(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** Reads the sources once (for tests, the starting point and the live query below). */
export async function loadTravelNotificationSources(store: Pick<LocalStore, 'db' | 'userId'>): Promise<TravelNotificationSources> {
  const { db, userId } = store;
  return db.transaction('r', [db.travelRequests, db.expenseClaims, db.meta], async () => {
    const [myTrips, myClaims, tripsOnMe, claimsOnMe, companionTrips, from] = await Promise.all([
      db.travelRequests.where('requesterId').equals(userId).toArray(),
      db.expenseClaims.where('requesterId').equals(userId).toArray(),
      db.travelRequests.where('pendingApproverIds').equals(userId).toArray(),
      db.expenseClaims.where('pendingApproverIds').equals(userId).toArray(),
      db.travelRequests.where('companionIds').equals(userId).toArray(),
      db.meta.get(TRAVEL_READ_FROM_KEY),
    ]);
    return { myTrips, myClaims, tripsOnMe, claimsOnMe, companionTrips, readFrom: typeof from?.value === 'string' ? from.value : null };
  });
}

/** The sources, kept current by Dexie. */
export function useTravelNotificationSources(): TravelNotificationSources | undefined {
  const store = useStore();
  return useLiveQuery(() => loadTravelNotificationSources(store), [store]);
}

/**
 * Takes the starting point for trip and claim notifications: everything derived so far (`ids`,
 * the newest at `from`) counts as read and as already announced. Does nothing when this device
 * has one already (another tab was first). Returns whether it was set.
 */
export async function startTravelNotifications(store: Pick<LocalStore, 'db'>, from: string, ids: readonly string[]): Promise<boolean> {
  const { db } = store;
  return db.transaction('rw', db.meta, async () => {
    if (typeof (await db.meta.get(TRAVEL_READ_FROM_KEY))?.value === 'string') return false;
    const announced = stringArray((await db.meta.get(ANNOUNCED_KEY))?.value);
    const known = new Set(announced);
    await db.meta.bulkPut([
      { key: TRAVEL_READ_FROM_KEY, value: from },
      { key: ANNOUNCED_KEY, value: [...announced, ...ids.filter((id) => !known.has(id))] },
    ]);
    return true;
  });
}
