// Helpers the mutators share: who is acting, what a leave type counts, what a balance allows.
import { addDays } from '../calendar/dates';
import { countDays, type LeaveSpan } from '../calendar/workingDays';
import type { Role, User } from '../domain/directory';
import type { LeaveRequest } from '../domain/leave';
import type { LeaveTypeDef } from '../domain/leaveTypes';
import { loadCalendar } from '../leave/calendar';
import { computeBalance, type Balance } from '../leave/ledger';
import { MutationRejected, type DocTx, type MutationContext } from './types';

export async function loadActor(ctx: MutationContext): Promise<User> {
  const actor = await ctx.tx.get('users', ctx.actorId);
  if (!actor || !actor.active) throw new MutationRejected('auth.forbidden');
  return actor;
}

/** The acting user, who must hold one of `roles`. */
export async function requireRole(ctx: MutationContext, ...roles: Role[]): Promise<User> {
  const actor = await loadActor(ctx);
  if (!roles.some((r) => actor.roles.includes(r))) throw new MutationRejected('auth.forbidden');
  return actor;
}

/**
 * Every file a document names must already be stored (on the server; on a client, on this
 * device) before the document is accepted: otherwise readers would get a reference to nothing.
 */
export async function requireBlobs(ctx: MutationContext, files: Iterable<{ sha256: string; name: string }>): Promise<void> {
  for (const f of files) if (!(await ctx.tx.hasBlob(f.sha256))) throw new MutationRejected('blob.missing', { name: f.name });
}

export async function loadLeaveType(tx: Pick<DocTx, 'get'>, id: string): Promise<LeaveTypeDef> {
  const type = await tx.get('leaveTypes', id);
  if (!type || !type.active) throw new MutationRejected('leave.unknown_type', { type: id });
  return type;
}

/** Days a span takes as `type` counts them, on the calendar in force for those years. */
export async function spanDays(tx: Pick<DocTx, 'get'>, span: LeaveSpan, type: Pick<LeaveTypeDef, 'counting'>): Promise<number> {
  return countDays(span, type.counting, await loadCalendar(tx, span.startDate, span.endDate));
}

/** Requests that hold days: pending (reserved) and approved (used), except cancelled ones. */
export function holdsDays(r: LeaveRequest): boolean {
  return r.status === 'pending' || r.status === 'approved';
}

/**
 * The span a request really covers: an approved request that was reported back ends on return
 * (never later than approved: back on the Monday after leave ending on Friday is not leave
 * over the weekend).
 */
export function effectiveSpan(r: LeaveRequest): LeaveSpan | null {
  if (!r.reportBack) return r;
  const { returnDate, returnHalf } = r.reportBack;
  const endKey = (date: string, half: 'am' | 'pm') => `${date}${half === 'am' ? 0 : 1}`;
  const upTo = (endDate: string, endHalf: 'am' | 'pm'): LeaveSpan =>
    endKey(endDate, endHalf) > endKey(r.endDate, r.endHalf) ? r : { ...r, endDate, endHalf };
  // Back in the afternoon: the morning was still leave. Back in the morning: leave ended the day before.
  if (returnHalf === 'pm') return returnDate < r.startDate || (returnDate === r.startDate && r.startHalf === 'pm') ? null : upTo(returnDate, 'am');
  const end = addDays(returnDate, -1);
  return end < r.startDate ? null : upTo(end, 'pm');
}

/**
 * The balance of one type for one person, as it stands for a leave starting `asOf`: the
 * ledger, minus the days pending requests hold. `except` leaves one request out (the one
 * being decided, whose own days are checked against the rest).
 */
export async function balanceFor(tx: Pick<DocTx, 'find'>, userId: string, typeId: string, asOf: string, except?: string): Promise<Balance> {
  const entries = (await tx.find('leaveLedger', 'userId', userId)).filter((e) => e.typeId === typeId);
  const reservations = (await tx.find('leaveRequests', 'requesterId', userId))
    .filter((r) => r.status === 'pending' && r.type === typeId && r.id !== except)
    .map((r) => ({ requestId: r.id, days: r.days, effectiveOn: r.startDate }));
  return computeBalance(entries, { asOf, reservations });
}

export function trimmed(text: string): string {
  return text.trim();
}
