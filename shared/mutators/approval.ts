// An approver's decision on a leave request or on the cancellation of approved leave. The
// approver may be the one named in the step or an acting approver under a delegation in force;
// the record then says on whose behalf. A decision taken on an older version of the request
// (made offline while the requester changed it, or after someone else decided) is refused with
// a reason that says what happened.
import { z } from 'zod';
import { agencyDate } from '../calendar/dates';
import { idSchema } from '../domain/ids';
import type { ApprovalStep, LeaveRequest } from '../domain/leave';
import { actingFor, pendingApprovers, undecided } from '../leave/policy';
import { balanceFor, loadActor } from './common';
import { advanceSteps } from './workflow';
import { endOnLeaveDelegations, ledgerRestore, ledgerUse, recordAbsence, startOnLeaveDelegations } from './effects';
import { COMMENT_MAX } from './leave';
import { defineMutator, MutationRejected, type MutationContext } from './types';

export const approvalDecideArgs = z.object({
  requestId: idSchema,
  decision: z.enum(['approve', 'reject']),
  comment: z.string().max(COMMENT_MAX),
  /** The request's revision the approver saw; omitted by clients older than revisions. */
  revision: z.number().int().min(1).optional(),
});
export type ApprovalDecideArgs = z.infer<typeof approvalDecideArgs>;

async function nameOf(ctx: MutationContext, id: string | undefined): Promise<string> {
  if (!id) return '';
  return (await ctx.tx.get('users', id))?.displayName ?? id;
}

/** Why `actor` cannot decide now, in terms the approver understands. */
async function refuse(ctx: MutationContext, request: LeaveRequest, steps: readonly ApprovalStep[], inCancellation: boolean): Promise<never> {
  const actor = ctx.actorId;
  const pending = steps.find((s) => s.status === 'pending');
  const open = pending ? undecided(pending) : [];
  // Still named on the pending step (as an acting approver whose delegation is not in force
  // yet): nobody took the decision away, it is simply not theirs to take today.
  const stillOpen = open.includes(actor) || (pending?.delegates ?? []).some((g) => g.toId === actor && open.includes(g.forId));
  if (!stillOpen && actor !== request.requesterId) {
    // Someone (the approver, or an acting approver) already decided this approver's part.
    for (const step of steps) {
      const mine = step.decisions.find((d) => d.approverId === actor || d.byId === actor || step.delegates.some((g) => g.toId === actor && g.forId === d.approverId));
      if (mine) throw new MutationRejected('approval.step_changed', { by: await nameOf(ctx, mine.byId) });
    }
    // An any-of step this approver shared was completed by a colleague (the other HR officer).
    for (const step of steps) {
      const involved = step.approverIds.includes(actor) || step.delegates.some((g) => g.toId === actor);
      const first = step.decisions[0];
      if (involved && step.mode === 'any' && step.status !== 'pending' && first) throw new MutationRejected('approval.step_changed', { by: await nameOf(ctx, first.byId) });
    }
  }
  if (!inCancellation && request.status !== 'pending') throw new MutationRejected('approval.already_decided', { status: request.status });
  throw new MutationRejected('approval.not_your_turn');
}

export const approvalDecide = defineMutator({
  args: approvalDecideArgs,
  async run(ctx, args) {
    const request = await ctx.tx.get('leaveRequests', args.requestId);
    if (!request) throw new MutationRejected('approval.not_found');
    if (request.status === 'withdrawn') throw new MutationRejected('approval.withdrawn');
    if (args.revision !== undefined && args.revision !== request.revision) {
      const last = request.history[request.history.length - 1];
      throw new MutationRejected('approval.request_changed', { change: last?.action ?? 'submitted' });
    }
    const inCancellation = request.status === 'approved' && request.cancellation?.status === 'pending';
    if (request.status !== 'pending' && !inCancellation) {
      if (request.status === 'approved' || request.status === 'rejected') {
        const last = [...request.history].reverse().find((h) => h.action === 'approved' || h.action === 'rejected');
        throw new MutationRejected('approval.step_changed', { by: await nameOf(ctx, last?.actorId) });
      }
      throw new MutationRejected('approval.already_decided', { status: request.status });
    }
    const steps = inCancellation && request.cancellation ? request.cancellation.steps : request.steps;
    const index = steps.findIndex((s) => s.status === 'pending');
    const step = steps[index];
    const today = agencyDate(ctx.now);
    // Nobody approves their own request, whatever a delegation says.
    const forIds = step && ctx.actorId !== request.requesterId ? await actingFor(ctx.tx, step, ctx.actorId, today) : [];
    if (!step || forIds.length === 0) return refuse(ctx, request, steps, inCancellation);
    const actor = await loadActor(ctx);
    const comment = args.comment.trim();
    const approve = args.decision === 'approve';
    if (!approve && comment === '') throw new MutationRejected('approval.comment_required');

    const { steps: nextSteps, final, onBehalfOfId } = await advanceSteps(ctx, steps, index, forIds, approve, comment, request.requesterId);
    const history = [...request.history];
    const action = inCancellation ? (final ? (approve ? 'cancel_approved' : 'cancel_rejected') : 'approved') : approve ? 'approved' : 'rejected';
    history.push({ at: ctx.now, actorId: ctx.actorId, action, comment: comment || null, ...(onBehalfOfId ? { onBehalfOfId } : {}) });

    let next: LeaveRequest;
    if (inCancellation && request.cancellation) {
      const cancellation = { ...request.cancellation, steps: nextSteps, status: final ? (approve ? ('approved' as const) : ('rejected' as const)) : ('pending' as const) };
      next = { ...request, cancellation, status: final && approve ? 'cancelled' : 'approved', pendingApproverIds: final ? [] : pendingApprovers(nextSteps), history, updatedAt: ctx.now };
      if (final && approve) {
        await ledgerRestore(ctx, request, request.days, 'cancelled');
        await endOnLeaveDelegations(ctx, request, null);
        await recordAbsence(ctx, request, null);
      }
    } else {
      next = { ...request, steps: nextSteps, status: final ? (approve ? 'approved' : 'rejected') : 'pending', pendingApproverIds: final ? [] : pendingApprovers(nextSteps), history, updatedAt: ctx.now };
      if (final && approve) {
        const type = await ctx.tx.get('leaveTypes', request.type);
        if (type?.tracksBalance) {
          // The server holds every balance; an approver's machine holds the requester's ledger
          // only when the approver is in HR (shared/sync/access.ts). A manager approving offline
          // cannot check it: the server does, and a refusal rolls the approval back.
          if (!type.allowNegative && (ctx.local !== true || actor.roles.includes('hr_officer'))) {
            const balance = await balanceFor(ctx.tx, request.requesterId, request.type, request.startDate, request.id);
            if (balance.available < request.days) throw new MutationRejected('leave.insufficient_balance', { available: Math.max(0, balance.available), days: request.days });
          }
          await ledgerUse(ctx, request);
        }
      }
    }
    await ctx.tx.put('leaveRequests', next);
    if (!inCancellation && final && approve) {
      await startOnLeaveDelegations(ctx, next);
      await recordAbsence(ctx, next, next);
    }
  },
});
