// Live queries for the finance pages. Finance officers read every claim.
import { useLiveQuery } from 'dexie-react-hooks';
import type { Claim } from '../../../shared/domain/claim';
import { useStore } from '../hooks';

/** Every claim readable on this device, newest first. */
export function useAllClaims(): Claim[] | undefined {
  const store = useStore();
  return useLiveQuery(async () => (await store.db.expenseClaims.toArray()).sort((a, b) => b.createdAt.localeCompare(a.createdAt)), [store]);
}
