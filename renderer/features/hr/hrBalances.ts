// HR's balance administration: every member of staff's balance of one type, and what a
// yearly allocation would do before HR runs it (the mutator ledger.allocateYear decides the
// same way: active staff, Decree 514 or fixed days, once per person and year).
import type { Department, User } from '../../../shared/domain/directory';
import type { LeaveRequest } from '../../../shared/domain/leave';
import type { LeaveTypeDef } from '../../../shared/domain/leaveTypes';
import type { LedgerEntry } from '../../../shared/domain/ledger';
import { annualEntitlement } from '../../../shared/leave/entitlement';
import { computeBalance, type Balance } from '../../../shared/leave/ledger';
import { reservationsOf } from '../balances/balanceModel';

/** Whole or half days only, as the ledger stores them. */
export function isHalfDayStep(days: number): boolean {
  return Number.isInteger(days * 2);
}

/** The id ledger.allocateYear gives a person's allocation, which makes it idempotent. */
export function allocationId(year: number, typeId: string, userId: string): string {
  return `al-${year}-${typeId}-${userId}`;
}

/** Whom a yearly allocation covers: active staff (ledger.allocateYear's rule). */
export function allocationStaff(users: Iterable<User>): User[] {
  return [...users].filter((u) => u.active && u.roles.includes('staff'));
}

/** The day balances are shown at for a year: today in the current year, else its first or last day. */
export function balanceDateFor(year: number, today: string): string {
  const current = Number(today.slice(0, 4));
  if (year === current) return today;
  return year < current ? `${year}-12-31` : `${year}-01-01`;
}

export interface StaffBalanceRow {
  user: User;
  departmentName: string;
  balance: Balance;
  /** This year's allocation of the type, if made. */
  allocation: LedgerEntry | undefined;
  entries: LedgerEntry[];
}

export interface StaffBalanceInput {
  users: Iterable<User>;
  departments: ReadonlyMap<string, Department>;
  entries: readonly LedgerEntry[];
  pending: readonly LeaveRequest[];
  typeId: string;
  year: number;
  asOf: string;
}

/** One row per member of staff (and per former one who still has entries of the type), by department then name. */
export function staffBalanceRows(input: StaffBalanceInput): StaffBalanceRow[] {
  const { typeId, year, asOf } = input;
  const entriesByUser = new Map<string, LedgerEntry[]>();
  for (const e of input.entries) {
    if (e.typeId !== typeId) continue;
    const list = entriesByUser.get(e.userId) ?? [];
    list.push(e);
    entriesByUser.set(e.userId, list);
  }
  const users = [...input.users];
  const staff = new Set(allocationStaff(users).map((u) => u.id));
  return users
    .filter((u) => staff.has(u.id) || entriesByUser.has(u.id))
    .map((user) => {
      const entries = entriesByUser.get(user.id) ?? [];
      const allocationKey = allocationId(year, typeId, user.id);
      return {
        user,
        departmentName: input.departments.get(user.departmentId)?.name ?? user.departmentId,
        balance: computeBalance(entries, {
          asOf,
          reservations: reservationsOf(
            input.pending.filter((r) => r.requesterId === user.id),
            typeId,
          ),
        }),
        allocation: entries.find((e) => e.id === allocationKey),
        entries,
      };
    })
    .sort((a, b) => a.departmentName.localeCompare(b.departmentName, 'zh-CN') || a.user.displayName.localeCompare(b.user.displayName, 'zh-CN'));
}

export interface AllocationPlan {
  /** Staff who would receive an allocation now, with their days. */
  toAllocate: Array<{ user: User; days: number }>;
  /** Staff who already have this year's allocation: skipped. */
  alreadyAllocated: number;
  totalDays: number;
}

/** What "Allocate for the year" would do now. */
export function allocationPlan(type: Pick<LeaveTypeDef, 'id' | 'allocation' | 'fixedDays'>, year: number, users: Iterable<User>, entries: readonly LedgerEntry[]): AllocationPlan {
  const existing = new Set(entries.filter((e) => e.kind === 'allocation').map((e) => e.id));
  const toAllocate: AllocationPlan['toAllocate'] = [];
  let alreadyAllocated = 0;
  for (const user of allocationStaff(users)) {
    if (existing.has(allocationId(year, type.id, user.id))) {
      alreadyAllocated += 1;
      continue;
    }
    const days =
      type.allocation === 'decree514' ? annualEntitlement({ firstEmployedOn: user.firstEmployedOn ?? null, joinedOn: user.joinedOn ?? null }, year).days : type.fixedDays;
    toAllocate.push({ user, days });
  }
  return { toAllocate, alreadyAllocated, totalDays: toAllocate.reduce((sum, a) => sum + a.days, 0) };
}
