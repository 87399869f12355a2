// What the balance pages show, computed from the ledger and the requests exactly as the
// mutators compute it (shared/leave/ledger.ts), so the numbers on screen are the numbers a
// submission is checked against.
import { daysBetween } from '../../../shared/calendar/dates';
import type { User } from '../../../shared/domain/directory';
import type { LeaveRequest } from '../../../shared/domain/leave';
import type { LeaveTypeDef } from '../../../shared/domain/leaveTypes';
import type { LedgerEntry } from '../../../shared/domain/ledger';
import { annualEntitlement, completedWorkingYears, type RateSegment, type StatutoryDays } from '../../../shared/leave/entitlement';
import { computeBalance, type Balance, type Reservation } from '../../../shared/leave/ledger';

/** Days held by pending requests of one type: they are not in the ledger until approved. */
export function reservationsOf(requests: readonly LeaveRequest[], typeId: string): Reservation[] {
  return requests.filter((r) => r.status === 'pending' && r.type === typeId).map((r) => ({ requestId: r.id, days: r.days, effectiveOn: r.startDate, typeId }));
}

/** Types that keep a balance: active ones, and retired ones the person still has entries for. */
export function balanceTypes(types: readonly LeaveTypeDef[], entries: readonly LedgerEntry[]): LeaveTypeDef[] {
  const withEntries = new Set(entries.map((e) => e.typeId));
  return types.filter((t) => t.tracksBalance && (t.active || withEntries.has(t.id)));
}

export interface TypeBalance {
  type: LeaveTypeDef;
  balance: Balance;
}

/** One person's balance of every balance-tracked type, as of `asOf`. */
export function balancesOf(types: readonly LeaveTypeDef[], entries: readonly LedgerEntry[], requests: readonly LeaveRequest[], asOf: string): TypeBalance[] {
  return balanceTypes(types, entries).map((type) => ({
    type,
    balance: computeBalance(
      entries.filter((e) => e.typeId === type.id),
      { asOf, reservations: reservationsOf(requests, type.id) },
    ),
  }));
}

export interface EntitlementSegment extends RateSegment {
  /** Calendar days in the segment. */
  days: number;
  /** rate × days: what the segment contributes before dividing by the year's length. */
  earned: number;
}

export interface EntitlementExplanation {
  year: number;
  /** Null when the first day of employment is not on file: no entitlement can be computed. */
  firstEmployedOn: string | null;
  joinedOn: string | null;
  /** Whole working years completed by 31 December of the year. */
  workingYears: number | null;
  /** The statutory days for those years (Decree 514 art. 3). */
  statutoryDays: StatutoryDays;
  segments: EntitlementSegment[];
  /** Σ rate × days. */
  earned: number;
  /** 365 or 366. */
  yearLength: number;
  /** Whole days granted: earned / yearLength, rounded down. */
  days: number;
  /** Whether the year counts in full at one rate (no pro-rating to explain). */
  wholeYear: boolean;
}

/** How the year's annual leave follows from the person's dates, step by step. */
export function explainEntitlement(user: Pick<User, 'firstEmployedOn' | 'joinedOn'>, year: number): EntitlementExplanation {
  const firstEmployedOn = user.firstEmployedOn ?? null;
  const joinedOn = user.joinedOn ?? null;
  const result = annualEntitlement({ firstEmployedOn, joinedOn }, year);
  const yearEnd = `${year}-12-31`;
  const yearLength = daysBetween(`${year}-01-01`, yearEnd) + 1;
  const segments = result.segments.map((s) => {
    const days = daysBetween(s.from, s.to) + 1;
    return { ...s, days, earned: s.rate * days };
  });
  const only = segments.length === 1 ? segments[0] : undefined;
  return {
    year,
    firstEmployedOn,
    joinedOn,
    workingYears: firstEmployedOn === null ? null : completedWorkingYears(firstEmployedOn, yearEnd),
    statutoryDays: result.fullYearDays,
    segments,
    earned: segments.reduce((sum, s) => sum + s.earned, 0),
    yearLength,
    days: result.days,
    wholeYear: only !== undefined && only.days === yearLength,
  };
}
