// Live queries for the delegation page.
import { useLiveQuery } from 'dexie-react-hooks';
import type { Delegation } from '../../../shared/domain/delegation';
import { useStore } from '../hooks';

/** Every delegation the signed-in user gave or was given (any kind, active or not). */
export function useMyDelegations(): Delegation[] | undefined {
  const store = useStore();
  return useLiveQuery(async () => {
    const [from, to] = await Promise.all([store.db.delegations.where('fromUserId').equals(store.userId).toArray(), store.db.delegations.where('toUserId').equals(store.userId).toArray()]);
    const byId = new Map([...from, ...to].map((d) => [d.id, d]));
    return [...byId.values()];
  }, [store]);
}
