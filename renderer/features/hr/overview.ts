// HR's overview of leave: which requests match the filters, how many days they take within the
// chosen period, the totals by type, and the rows of the export.
import type { TFunction } from 'i18next';
import { AGENCY_UTC_OFFSET_MINUTES } from '../../../shared/calendar/dates';
import { SHIPPED_YEARS } from '../../../shared/calendar/agencyCalendar';
import { officialCalendar } from '../../../shared/calendar/official';
import { countDays, type WorkCalendar } from '../../../shared/calendar/workingDays';
import type { CalendarYearDoc } from '../../../shared/domain/calendarYear';
import type { Department, User } from '../../../shared/domain/directory';
import type { LeaveRequest, LeaveStatus } from '../../../shared/domain/leave';
import { leaveTypeName, type LeaveTypeDef } from '../../../shared/domain/leaveTypes';
import { effectiveSpan } from '../../../shared/mutators/common';
import type { ExportTable } from './export';

export interface Period {
  from: string;
  to: string;
}

export interface OverviewFilters {
  /** Requests whose dates overlap it; null: any time. */
  period: Period | null;
  /** The requester's department at the time of the request, or one below it; null: all. */
  departmentId: string | null;
  /** Empty: every type. */
  typeIds: readonly string[];
  /** Empty: every status. */
  statuses: readonly LeaveStatus[];
  /** Part of the requester's name or user name. */
  search: string;
}

export const NO_FILTERS: OverviewFilters = { period: null, departmentId: null, typeIds: [], statuses: [], search: '' };

export interface Directory {
  users: ReadonlyMap<string, User>;
  departments: ReadonlyMap<string, Department>;
}

/** The working calendar from the synced year documents, falling back to the years Bureau ships (as the mutators do). */
export function workCalendarOf(docs: ReadonlyArray<Pick<CalendarYearDoc, 'year' | 'holidays' | 'workdays'>>): WorkCalendar {
  return officialCalendar([...docs, ...SHIPPED_YEARS.filter((shipped) => !docs.some((d) => d.year === shipped.year))]);
}

/** `id` and every department below it. */
export function departmentAndBelow(id: string, departments: ReadonlyMap<string, Department>): Set<string> {
  const result = new Set([id]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const d of departments.values()) {
      if (d.parentId !== null && result.has(d.parentId) && !result.has(d.id)) {
        result.add(d.id);
        grew = true;
      }
    }
  }
  return result;
}

export function filterRequests(requests: readonly LeaveRequest[], filters: OverviewFilters, directory: Directory): LeaveRequest[] {
  const departments = filters.departmentId === null ? null : departmentAndBelow(filters.departmentId, directory.departments);
  const types = filters.typeIds.length > 0 ? new Set(filters.typeIds) : null;
  const statuses = filters.statuses.length > 0 ? new Set(filters.statuses) : null;
  const needle = filters.search.trim().toLocaleLowerCase();
  return requests
    .filter((r) => {
      if (filters.period && (r.endDate < filters.period.from || r.startDate > filters.period.to)) return false;
      if (departments && !departments.has(r.departmentId)) return false;
      if (types && !types.has(r.type)) return false;
      if (statuses && !statuses.has(r.status)) return false;
      if (needle !== '') {
        const user = directory.users.get(r.requesterId);
        const haystack = `${user?.displayName ?? ''} ${user?.username ?? ''}`.toLocaleLowerCase();
        if (!haystack.includes(needle)) return false;
      }
      return true;
    })
    .sort((a, b) => b.startDate.localeCompare(a.startDate) || b.createdAt.localeCompare(a.createdAt));
}

/**
 * Days a request takes within `period`, counted as its type counts them. Approved leave that
 * was reported back counts only up to the return. Leave entirely inside the period counts the
 * days recorded on the request, so the figure matches the ledger; a request cut by the period
 * is recounted for the part inside it on the current calendar.
 */
export function daysInPeriod(request: LeaveRequest, period: Period | null, calendar: WorkCalendar): number {
  const span = request.status === 'approved' ? effectiveSpan(request) : request;
  if (span === null) return 0;
  const whole = request.status === 'approved' && request.reportBack ? request.reportBack.actualDays : request.days;
  if (period === null || (span.startDate >= period.from && span.endDate <= period.to)) return whole;
  if (span.endDate < period.from || span.startDate > period.to) return 0;
  const clipped = {
    startDate: span.startDate < period.from ? period.from : span.startDate,
    startHalf: span.startDate < period.from ? ('am' as const) : span.startHalf,
    endDate: span.endDate > period.to ? period.to : span.endDate,
    endHalf: span.endDate > period.to ? ('pm' as const) : span.endHalf,
  };
  return countDays(clipped, request.counting, calendar);
}

export interface TypeTotal {
  typeId: string;
  requests: number;
  approvedDays: number;
  pendingDays: number;
}

export interface OverviewSummary {
  requests: number;
  people: number;
  approvedDays: number;
  pendingDays: number;
  /** Types with at least one request, in HR's order of types. */
  byType: TypeTotal[];
}

/** Totals of the filtered requests; days are those within the period, of approved and pending leave only. */
export function summarize(requests: readonly LeaveRequest[], period: Period | null, calendar: WorkCalendar, types: readonly Pick<LeaveTypeDef, 'id'>[]): OverviewSummary {
  const byType = new Map<string, TypeTotal>();
  let approvedDays = 0;
  let pendingDays = 0;
  for (const r of requests) {
    const total = byType.get(r.type) ?? { typeId: r.type, requests: 0, approvedDays: 0, pendingDays: 0 };
    total.requests += 1;
    if (r.status === 'approved' || r.status === 'pending') {
      const days = daysInPeriod(r, period, calendar);
      if (r.status === 'approved') {
        total.approvedDays += days;
        approvedDays += days;
      } else {
        total.pendingDays += days;
        pendingDays += days;
      }
    }
    byType.set(r.type, total);
  }
  const order = new Map(types.map((t, i) => [t.id, i]));
  const rank = (id: string) => order.get(id) ?? Number.MAX_SAFE_INTEGER;
  return {
    requests: requests.length,
    people: new Set(requests.map((r) => r.requesterId)).size,
    approvedDays,
    pendingDays,
    byType: [...byType.values()].sort((a, b) => rank(a.typeId) - rank(b.typeId) || a.typeId.localeCompare(b.typeId)),
  };
}

export function statusLabel(t: TFunction, status: LeaveStatus): string {
  return t(`status.${status}`);
}

/** 'YYYY-MM-DD HH:mm' in the agency's zone, whatever the machine's zone. */
export function agencyDateTime(instant: string): string {
  return new Date(Date.parse(instant) + AGENCY_UTC_OFFSET_MINUTES * 60_000).toISOString().slice(0, 16).replace('T', ' ');
}

/** Who decided, in order, naming the approver an acting approver decided for. */
export function decidersOf(t: TFunction, request: LeaveRequest, nameOf: (id: string) => string): string {
  return request.steps
    .flatMap((s) => s.decisions)
    .map((d) => {
      const verdict = d.decision === 'approved' ? t('hr.decision.approved') : t('hr.decision.rejected');
      const who = d.byId === d.approverId ? nameOf(d.byId) : t('hr.onBehalf', { name: nameOf(d.byId), for: nameOf(d.approverId) });
      return t('hr.decisionBy', { name: who, decision: verdict });
    })
    .reduce((list, next) => (list === '' ? next : t('hr.listJoin', { first: list, next })), '');
}

function halfText(t: TFunction, date: string, half: 'am' | 'pm', whole: 'am' | 'pm'): string {
  return half === whole ? date : `${date} ${t(half === 'am' ? 'hr.half.am' : 'hr.half.pm')}`;
}

export interface ExportContext {
  t: TFunction;
  language: string;
  directory: Directory;
  types: readonly LeaveTypeDef[];
  period: Period | null;
  calendar: WorkCalendar;
}

/** The filtered requests as a table of plain cells, in the user's language. */
export function overviewTable(requests: readonly LeaveRequest[], ctx: ExportContext): ExportTable {
  const { t, directory, period } = ctx;
  const typeById = new Map(ctx.types.map((type) => [type.id, type]));
  const nameOf = (id: string) => directory.users.get(id)?.displayName ?? t('common.unknownUser');
  const columns = [
    t('hr.col.requester'),
    t('hr.col.username'),
    t('hr.col.department'),
    t('hr.col.type'),
    t('hr.col.start'),
    t('hr.col.end'),
    t('hr.col.days'),
    ...(period ? [t('hr.col.daysInPeriod')] : []),
    t('hr.col.status'),
    t('hr.col.reportBack'),
    t('hr.col.reason'),
    t('hr.col.submittedAt'),
    t('hr.col.decisions'),
  ];
  const rows = requests.map((r) => [
    nameOf(r.requesterId),
    directory.users.get(r.requesterId)?.username ?? r.requesterId,
    directory.departments.get(r.departmentId)?.name ?? r.departmentId,
    leaveTypeName(typeById.get(r.type), ctx.language, r.type),
    halfText(t, r.startDate, r.startHalf, 'am'),
    halfText(t, r.endDate, r.endHalf, 'pm'),
    r.days,
    ...(period ? [r.status === 'approved' || r.status === 'pending' ? daysInPeriod(r, period, ctx.calendar) : null] : []),
    statusLabel(t, r.status),
    r.reportBack ? t('hr.reportedBack', { date: r.reportBack.returnDate, days: r.reportBack.actualDays }) : null,
    r.reason,
    agencyDateTime(r.createdAt),
    decidersOf(t, r, nameOf) || null,
  ]);
  return { columns, rows };
}

/** 'hr-overview_2026-01-01_2026-12-31' (the prefix translated); file names avoid / and :. */
export function exportFileName(prefix: string, period: Period | null, today: string): string {
  const base = period ? `${prefix}_${period.from}_${period.to}` : `${prefix}_${today}`;
  return base.replace(/[\\/:*?"<>|]/g, '-');
}
