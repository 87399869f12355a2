// Live queries for the HR pages. HR officers read every request and every ledger entry.
import { useLiveQuery } from 'dexie-react-hooks';
import { addDays } from '../../../shared/calendar/dates';
import type { LeaveRequest } from '../../../shared/domain/leave';
import { MAX_REQUEST_CALENDAR_DAYS } from '../../../shared/mutators/leave';
import { useStore } from '../hooks';

export interface DateRange {
  from: string;
  to: string;
}

/**
 * Requests overlapping `period` (inclusive), or every readable request when it is null. The
 * startDate index bounds the scan: no request spans more than MAX_REQUEST_CALENDAR_DAYS.
 */
export function useRequestsInPeriod(period: DateRange | null): LeaveRequest[] | undefined {
  const store = useStore();
  const from = period?.from ?? null;
  const to = period?.to ?? null;
  return useLiveQuery(async () => {
    if (from === null || to === null) return store.db.leaveRequests.toArray();
    const candidates = await store.db.leaveRequests
      .where('startDate')
      .between(addDays(from, -MAX_REQUEST_CALENDAR_DAYS), to, true, true)
      .toArray();
    return candidates.filter((r) => r.endDate >= from);
  }, [store, from, to]);
}

/** One person's requests (HR reads everyone's), for the dates behind their ledger entries. */
export function useRequestsOf(userId: string | null): LeaveRequest[] | undefined {
  const store = useStore();
  return useLiveQuery(async () => (userId === null ? [] : store.db.leaveRequests.where('requesterId').equals(userId).toArray()), [store, userId]);
}

/** Every pending request: the days they hold are reserved in balances. */
export function usePendingRequests(): LeaveRequest[] | undefined {
  const store = useStore();
  return useLiveQuery(() => store.db.leaveRequests.where('status').equals('pending').toArray(), [store]);
}
