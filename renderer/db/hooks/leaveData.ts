// Live queries over leave as data: types, calendars, balances, policy and delegation.
import { useLiveQuery } from 'dexie-react-hooks';
import type { CalendarYearDoc } from '../../../shared/domain/calendarYear';
import type { Delegation } from '../../../shared/domain/delegation';
import type { LeaveTypeDef } from '../../../shared/domain/leaveTypes';
import type { LedgerEntry } from '../../../shared/domain/ledger';
import type { ApprovalRule } from '../../../shared/domain/policy';
import { useStore } from '../hooks';

/** Every leave type (active or not), in display order. */
export function useLeaveTypes(): LeaveTypeDef[] | undefined {
  const store = useStore();
  return useLiveQuery(async () => (await store.db.leaveTypes.toArray()).sort((a, b) => a.order - b.order || a.id.localeCompare(b.id)), [store]);
}

/** Ledger entries of one person (the signed-in user by default), oldest first. */
export function useLedger(userId?: string): LedgerEntry[] | undefined {
  const store = useStore();
  const id = userId ?? store.userId;
  return useLiveQuery(async () => (await store.db.leaveLedger.where('userId').equals(id).toArray()).sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id)), [store, id]);
}

/** Every ledger entry this user may read (HR officers: everyone's). */
export function useAllLedger(): LedgerEntry[] | undefined {
  const store = useStore();
  return useLiveQuery(() => store.db.leaveLedger.toArray(), [store]);
}

export function useCalendarYears(): CalendarYearDoc[] | undefined {
  const store = useStore();
  return useLiveQuery(async () => (await store.db.calendars.toArray()).sort((a, b) => a.year - b.year), [store]);
}

export function useApprovalRules(): ApprovalRule[] | undefined {
  const store = useStore();
  return useLiveQuery(async () => (await store.db.approvalRules.toArray()).sort((a, b) => a.scope.localeCompare(b.scope) || a.order - b.order), [store]);
}

export function useDelegations(): Delegation[] | undefined {
  const store = useStore();
  return useLiveQuery(() => store.db.delegations.toArray(), [store]);
}
