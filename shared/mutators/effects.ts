// What a decision sets off beyond the request itself: ledger entries when days are used or
// given back, and the acting approvers of someone on approved leave.
import { agencyDate } from '../calendar/dates';
import type { LeaveRequest } from '../domain/leave';
import { absenceId, type Absence } from '../domain/meeting';
import type { LedgerEntry } from '../domain/ledger';
import { netUsageOf } from '../leave/ledger';
import { pendingApprovers } from '../leave/policy';
import type { MutationContext } from './types';

/** The entry for the days an approved request uses; its id is the request's, so it is written once. */
export function usageEntry(request: LeaveRequest, actorId: string | null, now: string): LedgerEntry {
  return {
    id: `use-${request.id}`,
    userId: request.requesterId,
    typeId: request.type,
    kind: 'usage',
    days: -request.days,
    effectiveOn: request.startDate,
    expiresOn: null,
    requestId: request.id,
    year: null,
    reason: 'approved',
    actorId,
    createdAt: now,
  };
}

/** Records the days an approved request uses (once). */
export async function ledgerUse(ctx: MutationContext, request: LeaveRequest): Promise<void> {
  const entry = usageEntry(request, ctx.actorId, ctx.now);
  if (await ctx.tx.get('leaveLedger', entry.id)) return;
  await ctx.tx.put('leaveLedger', entry);
}

/** Gives back `days` of a request's use (cancellation, report-back), never more than it used. */
export async function ledgerRestore(ctx: MutationContext, request: LeaveRequest, days: number, why: 'cancelled' | 'report_back'): Promise<void> {
  const entries = await ctx.tx.find('leaveLedger', 'userId', request.requesterId);
  const used = netUsageOf(entries, request.id);
  const back = Math.min(days, used);
  if (back <= 0) return;
  await ctx.tx.put('leaveLedger', {
    id: `rs-${request.id}-${request.revision}`,
    userId: request.requesterId,
    typeId: request.type,
    kind: 'restoration',
    days: back,
    effectiveOn: request.startDate,
    expiresOn: null,
    requestId: request.id,
    year: null,
    reason: why,
    actorId: ctx.actorId,
    createdAt: ctx.now,
  });
}

/** Points the pending items of `fromUserId` at a new acting approver, or takes a delegation's routing away. */
export async function reroute(ctx: MutationContext, fromUserId: string, delegation: { id: string; toUserId: string } | null, removeId?: string): Promise<void> {
  const candidates = new Map<string, LeaveRequest>();
  for (const r of await ctx.tx.find('leaveRequests', 'pendingApproverIds', fromUserId)) candidates.set(r.id, r);
  if (removeId) {
    const old = await ctx.tx.get('delegations', removeId);
    if (old) for (const r of await ctx.tx.find('leaveRequests', 'pendingApproverIds', old.toUserId)) candidates.set(r.id, r);
  }
  for (const request of candidates.values()) {
    const update = (steps: LeaveRequest['steps']) =>
      steps.map((s) => {
        if (s.status !== 'pending') return s;
        let delegates = s.delegates.filter((d) => d.delegationId !== removeId && d.delegationId !== delegation?.id);
        // Never route a request to its own requester, even as someone's acting approver.
        if (delegation && s.approverIds.includes(fromUserId) && delegation.toUserId !== fromUserId && delegation.toUserId !== request.requesterId) {
          delegates = [...delegates, { forId: fromUserId, toId: delegation.toUserId, delegationId: delegation.id }];
        }
        return { ...s, delegates };
      });
    const inCancellation = request.cancellation?.status === 'pending';
    const steps = inCancellation ? request.steps : update(request.steps);
    const cancellation = inCancellation && request.cancellation ? { ...request.cancellation, steps: update(request.cancellation.steps) } : request.cancellation;
    const active = inCancellation && cancellation ? cancellation.steps : steps;
    const next = { ...request, steps, cancellation, pendingApproverIds: pendingApprovers(active) };
    if (JSON.stringify(next) !== JSON.stringify(request)) await ctx.tx.put('leaveRequests', { ...next, updatedAt: ctx.now });
  }
}

/**
 * The requester's leave is approved: a standing "while I am on leave" delegation becomes an
 * acting approver for exactly those dates, and pending items route to them.
 */
export async function startOnLeaveDelegations(ctx: MutationContext, request: LeaveRequest): Promise<void> {
  for (const standing of await ctx.tx.find('delegations', 'fromUserId', request.requesterId)) {
    if (standing.kind !== 'standing' || !standing.active) continue;
    const id = `ol-${request.id}`.slice(0, 64);
    const delegation = {
      id,
      kind: 'on_leave' as const,
      fromUserId: request.requesterId,
      toUserId: standing.toUserId,
      startDate: request.startDate,
      endDate: request.endDate,
      sourceRequestId: request.id,
      active: true,
      note: standing.note,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    };
    await ctx.tx.put('delegations', delegation);
    await reroute(ctx, request.requesterId, delegation);
    return;
  }
}

/** Leave cancelled (lastDay null) or cut short by a report-back: its acting approver stops then. */
export async function endOnLeaveDelegations(ctx: MutationContext, request: LeaveRequest, lastDay: string | null): Promise<void> {
  const delegation = await ctx.tx.get('delegations', `ol-${request.id}`.slice(0, 64));
  if (!delegation || !delegation.active) return;
  if (lastDay === null || lastDay < agencyDate(ctx.now)) {
    await ctx.tx.put('delegations', { ...delegation, active: false, updatedAt: ctx.now });
    await reroute(ctx, delegation.fromUserId, null, delegation.id);
  } else {
    await ctx.tx.put('delegations', { ...delegation, endDate: lastDay, updatedAt: ctx.now });
  }
}

/**
 * Who is away, for meeting organizers (shared/domain/meeting.ts absenceSchema): written when
 * leave is approved, shortened by a report-back, withdrawn by a cancellation. Dates only.
 */
export async function recordAbsence(ctx: MutationContext, request: LeaveRequest, span: Pick<LeaveRequest, 'startDate' | 'startHalf' | 'endDate' | 'endHalf'> | null): Promise<void> {
  const id = absenceId(request.id);
  const existing = await ctx.tx.get('absences', id);
  if (!existing && span === null) return;
  const absence: Absence = {
    id,
    userId: request.requesterId,
    leaveRequestId: request.id,
    startDate: span?.startDate ?? existing!.startDate,
    startHalf: span?.startHalf ?? existing!.startHalf,
    endDate: span?.endDate ?? existing!.endDate,
    endHalf: span?.endHalf ?? existing!.endHalf,
    active: span !== null,
    updatedAt: ctx.now,
  };
  await ctx.tx.put('absences', absence);
}
