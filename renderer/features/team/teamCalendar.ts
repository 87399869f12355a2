// The team calendar's model: one month of days (working, weekend, holiday, adjusted working
// day), the people a manager looks after, and each person's leave as bars over the days.
// Computed for the shown month only, so a long history never slows the page.
import { addDays, dayOfWeek, daysBetween } from '../../../shared/calendar/dates';
import { SHIPPED_YEARS } from '../../../shared/calendar/agencyCalendar';
import type { HalfDay } from '../../../shared/calendar/workingDays';
import type { CalendarYearDoc } from '../../../shared/domain/calendarYear';
import type { Department, User } from '../../../shared/domain/directory';
import type { LeaveRequest } from '../../../shared/domain/leave';
import { effectiveSpan } from '../../../shared/mutators/common';

/** 'YYYY-MM' → first and last day. */
export function monthRange(month: string): { from: string; to: string } {
  const from = `${month}-01`;
  const next = Number(month.slice(5, 7)) === 12 ? `${Number(month.slice(0, 4)) + 1}-01` : `${month.slice(0, 4)}-${String(Number(month.slice(5, 7)) + 1).padStart(2, '0')}`;
  return { from, to: addDays(`${next}-01`, -1) };
}

/** The month before or after `month` ('YYYY-MM'). */
export function shiftMonth(month: string, by: number): string {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + by;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

export type DayKind = 'workday' | 'weekend' | 'holiday' | 'adjusted';

export interface DayInfo {
  date: string;
  /** 1..31 */
  day: number;
  /** 0 = Sunday ... 6 = Saturday */
  weekday: number;
  kind: DayKind;
  /** The holiday a day off or an adjusted working day belongs to ('spring_festival' or a name HR typed). */
  holiday: string | null;
}

type YearDays = Pick<CalendarYearDoc, 'year' | 'holidays' | 'workdays'>;

/**
 * The days of a month as the official calendar has them: a year's synced document where there
 * is one, else the calendar Bureau ships for that year (as the mutators count), else the
 * ordinary Monday-to-Friday week.
 */
export function monthDays(month: string, years: readonly YearDays[]): DayInfo[] {
  const { from, to } = monthRange(month);
  const year = Number(month.slice(0, 4));
  const source = years.find((y) => y.year === year) ?? SHIPPED_YEARS.find((y) => y.year === year);
  const off = new Map((source?.holidays ?? []).map((d) => [d.date, d.holiday]));
  const on = new Map((source?.workdays ?? []).map((d) => [d.date, d.holiday]));
  const days: DayInfo[] = [];
  for (let date = from; date <= to; date = addDays(date, 1)) {
    const weekday = dayOfWeek(date);
    const weekend = weekday === 0 || weekday === 6;
    const adjusted = on.get(date);
    const holiday = off.get(date);
    const kind: DayKind = adjusted !== undefined ? 'adjusted' : holiday !== undefined ? 'holiday' : weekend ? 'weekend' : 'workday';
    days.push({ date, day: Number(date.slice(8, 10)), weekday, kind, holiday: adjusted ?? holiday ?? null });
  }
  return days;
}

/** Whether `userId` approves `request` at some step: named, acting for someone, or having decided. */
function approves(request: LeaveRequest, userId: string): boolean {
  return [...request.steps, ...(request.cancellation?.steps ?? [])].some(
    (s) => s.approverIds.includes(userId) || s.delegates.some((d) => d.toId === userId) || s.decisions.some((d) => d.byId === userId),
  );
}

/** Departments headed by `userId` and every department below them. */
function departmentsHeadedBy(userId: string, departments: Iterable<Department>): Set<string> {
  const all = [...departments];
  const result = new Set(all.filter((d) => d.headId === userId).map((d) => d.id));
  // The tree is small (tens of departments): widen until nothing is added.
  for (let grew = true; grew; ) {
    grew = false;
    for (const d of all) {
      if (d.parentId !== null && result.has(d.parentId) && !result.has(d.id)) {
        result.add(d.id);
        grew = true;
      }
    }
  }
  return result;
}

/**
 * The people on a manager's team calendar: their direct reports, everyone in the departments
 * they head (and below), and anyone whose request they approve or approved (a role step, an
 * acting approver). Not everyone whose request the client happens to hold: an HR officer
 * reads every request, but their team calendar is still their team. The manager comes first.
 */
export function teamMembers(meId: string, users: Iterable<User>, departments: Iterable<Department>, requests: readonly LeaveRequest[]): User[] {
  const headed = departmentsHeadedBy(meId, departments);
  const approvedFor = new Set(requests.filter((r) => r.requesterId !== meId && approves(r, meId)).map((r) => r.requesterId));
  const members: User[] = [];
  let me: User | undefined;
  for (const user of users) {
    if (user.id === meId) me = user;
    else if (user.managerId === meId || headed.has(user.departmentId) || approvedFor.has(user.id)) {
      // A former colleague still shows when they have leave in the month.
      if (user.active || approvedFor.has(user.id)) members.push(user);
    }
  }
  members.sort((a, b) => a.departmentId.localeCompare(b.departmentId) || b.rank - a.rank || a.displayName.localeCompare(b.displayName, 'zh-CN'));
  return me ? [me, ...members] : members;
}

export type BarStatus = 'approved' | 'pending';

export interface LeaveBar {
  requestId: string;
  typeId: string;
  status: BarStatus;
  /** Whether an approved leave has a cancellation waiting for approval. */
  cancelling: boolean;
  /** Index of the first and last day in the month (inclusive). */
  first: number;
  last: number;
  /** The bar starts at noon of its first day / ends at noon of its last day. */
  startsAtNoon: boolean;
  endsAtNoon: boolean;
  /** The leave goes on before / after the month shown. */
  continuesBefore: boolean;
  continuesAfter: boolean;
  startDate: string;
  startHalf: HalfDay;
  endDate: string;
  endHalf: HalfDay;
  days: number;
}

/**
 * Each person's leave in the month, as bars. Approved leave shows the span it really covers (a
 * report-back shortens it); pending leave shows what was asked. Refused, withdrawn and
 * cancelled leave is not absence.
 */
export function leaveBars(requests: readonly LeaveRequest[], month: string): Map<string, LeaveBar[]> {
  const { from, to } = monthRange(month);
  const bars = new Map<string, LeaveBar[]>();
  for (const r of requests) {
    if (r.status !== 'approved' && r.status !== 'pending') continue;
    const span = r.status === 'approved' ? effectiveSpan(r) : r;
    if (!span || span.endDate < from || span.startDate > to) continue;
    const continuesBefore = span.startDate < from;
    const continuesAfter = span.endDate > to;
    const bar: LeaveBar = {
      requestId: r.id,
      typeId: r.type,
      status: r.status,
      cancelling: r.status === 'approved' && r.cancellation?.status === 'pending',
      first: continuesBefore ? 0 : daysBetween(from, span.startDate),
      last: continuesAfter ? daysBetween(from, to) : daysBetween(from, span.endDate),
      startsAtNoon: !continuesBefore && span.startHalf === 'pm',
      endsAtNoon: !continuesAfter && span.endHalf === 'am',
      continuesBefore,
      continuesAfter,
      startDate: span.startDate,
      startHalf: span.startHalf,
      endDate: span.endDate,
      endHalf: span.endHalf,
      days: r.reportBack?.actualDays ?? r.days,
    };
    const list = bars.get(r.requesterId) ?? [];
    list.push(bar);
    bars.set(r.requesterId, list);
  }
  for (const list of bars.values()) list.sort((a, b) => a.first - b.first || a.requestId.localeCompare(b.requestId));
  return bars;
}

/** How many of `memberIds` are away (approved or pending) on each day of the month. */
export function awayCounts(bars: ReadonlyMap<string, readonly LeaveBar[]>, memberIds: readonly string[], dayCount: number): { approved: number[]; pending: number[] } {
  const approved = new Array<number>(dayCount).fill(0);
  const pending = new Array<number>(dayCount).fill(0);
  for (const id of memberIds) {
    const seenApproved = new Set<number>();
    const seenPending = new Set<number>();
    for (const bar of bars.get(id) ?? []) {
      for (let i = bar.first; i <= bar.last && i < dayCount; i++) (bar.status === 'approved' ? seenApproved : seenPending).add(i);
    }
    for (const i of seenApproved) approved[i] = (approved[i] ?? 0) + 1;
    // Someone already away on approved leave is not counted again as pending.
    for (const i of seenPending) if (!seenApproved.has(i)) pending[i] = (pending[i] ?? 0) + 1;
  }
  return { approved, pending };
}
