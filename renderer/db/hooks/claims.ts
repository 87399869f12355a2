// Live queries for the claims pages: the signed-in user's claims, the approved trips they may
// claim for, the standards in force, and the invoice registry (to warn about a duplicate
// invoice before submitting).
import { useLiveQuery } from 'dexie-react-hooks';
import type { Claim, InvoiceClaim } from '../../../shared/domain/claim';
import type { TravelRequest } from '../../../shared/domain/travel';
import type { TravelStandards } from '../../../shared/domain/travelStandards';
import { STANDARDS_ID } from '../../../shared/mutators/travel';
import { useStore } from '../hooks';

/** The signed-in user's claims, newest first. */
export function useMyClaims(): Claim[] | undefined {
  const store = useStore();
  return useLiveQuery(async () => (await store.db.expenseClaims.where('requesterId').equals(store.userId).toArray()).sort((a, b) => b.createdAt.localeCompare(a.createdAt)), [store]);
}

/** One claim (null when it is not on this device). */
export function useClaim(id: string | undefined): Claim | null | undefined {
  const store = useStore();
  return useLiveQuery(async () => (id ? ((await store.db.expenseClaims.get(id)) ?? null) : null), [store, id]);
}

/** One trip (null when it is not on this device). */
export function useTrip(id: string | null | undefined): TravelRequest | null | undefined {
  const store = useStore();
  return useLiveQuery(async () => (id ? ((await store.db.travelRequests.get(id)) ?? null) : null), [store, id]);
}

/** Approved trips the user went on (as requester or companion), newest first. */
export function useMyApprovedTrips(): TravelRequest[] | undefined {
  const store = useStore();
  return useLiveQuery(async () => {
    const [own, joined] = await Promise.all([store.db.travelRequests.where('requesterId').equals(store.userId).toArray(), store.db.travelRequests.where('companionIds').equals(store.userId).toArray()]);
    const byId = new Map([...own, ...joined].map((t) => [t.id, t]));
    return [...byId.values()].filter((t) => t.status === 'approved').sort((a, b) => b.startDate.localeCompare(a.startDate));
  }, [store]);
}

/** The travel standards in force (null when none are loaded). */
export function useTravelStandardsInForce(): TravelStandards | null | undefined {
  const store = useStore();
  return useLiveQuery(async () => (await store.db.travelStandards.get(STANDARDS_ID)) ?? null, [store]);
}

/** Registry entries for the given registry ids (see invoiceRegistryId), keyed by id. */
export function useInvoiceEntries(ids: readonly string[]): Map<string, InvoiceClaim> | undefined {
  const store = useStore();
  const key = ids.join('|');
  return useLiveQuery(async () => {
    const found = await store.db.invoices.bulkGet([...new Set(ids)]);
    return new Map(found.filter((e): e is InvoiceClaim => e !== undefined).map((e) => [e.id, e]));
  }, [store, key]); // `key` stands for `ids`: an array literal would change every render
}
