// Live queries for the travel pages: the standards in force, the user's trips (own and as a
// companion) and what waits for the user's decision on trips and claims.
import { useLiveQuery } from 'dexie-react-hooks';
import type { Claim } from '../../../shared/domain/claim';
import type { TravelRequest } from '../../../shared/domain/travel';
import type { TravelStandards } from '../../../shared/domain/travelStandards';
import { STANDARDS_ID } from '../../../shared/mutators/travel';
import { useStore } from '../hooks';

/** The standards in force; null when none has arrived yet (undefined while loading). */
export function useTravelStandards(): TravelStandards | null | undefined {
  const store = useStore();
  return useLiveQuery(async () => (await store.db.travelStandards.get(STANDARDS_ID)) ?? null, [store]);
}

/** Trips the user requested or travels on as a companion, newest first. */
export function useMyTrips(): TravelRequest[] | undefined {
  const store = useStore();
  return useLiveQuery(async () => {
    const [own, joined] = await Promise.all([
      store.db.travelRequests.where('requesterId').equals(store.userId).toArray(),
      store.db.travelRequests.where('companionIds').equals(store.userId).toArray(),
    ]);
    const byId = new Map([...own, ...joined].map((trip) => [trip.id, trip]));
    return [...byId.values()].sort((a, b) => b.createdAt.localeCompare(a.createdAt) || a.id.localeCompare(b.id));
  }, [store]);
}

export interface RoutedTravel {
  trips: TravelRequest[];
  claims: Claim[];
}

/** Trips and claims waiting for the user's decision (as approver or acting approver), oldest first. */
export function useRoutedTravel(): RoutedTravel | undefined {
  const store = useStore();
  return useLiveQuery(async () => {
    const [trips, claims] = await Promise.all([
      store.db.travelRequests.where('pendingApproverIds').equals(store.userId).toArray(),
      store.db.expenseClaims.where('pendingApproverIds').equals(store.userId).toArray(),
    ]);
    const oldestFirst = (a: { createdAt: string }, b: { createdAt: string }) => a.createdAt.localeCompare(b.createdAt);
    return { trips: trips.filter((x) => x.status === 'pending').sort(oldestFirst), claims: claims.filter((x) => x.status === 'pending').sort(oldestFirst) };
  }, [store]);
}
