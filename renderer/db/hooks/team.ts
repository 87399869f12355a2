// Live queries for the team calendar.
import type { LeaveRequest } from '../../../shared/domain/leave';
import { useRequestsInPeriod } from './hr';

/** Every readable request whose days overlap `from`..`to` (inclusive): a month of the calendar. */
export function useRequestsOverlapping(from: string, to: string): LeaveRequest[] | undefined {
  return useRequestsInPeriod({ from, to });
}
