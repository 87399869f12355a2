// A decision on any routed document (a trip, a claim): the same rules as leave approvals. The
// approver named in the pending step, or an acting approver under a delegation in force, decides;
// a decision taken on an older revision, after a withdrawal or after someone else decided is
// refused with what happened.
import { z } from 'zod';
import { agencyDate } from '../calendar/dates';
import { idSchema } from '../domain/ids';
import type { ApprovalStep, TimelineEvent } from '../domain/leave';
import { actingFor, delegatesFor, pendingApprovers, stepApproved } from '../leave/policy';
import { loadActor } from './common';
import { MutationRejected, type MutationContext } from './types';

export const decideArgs = z.object({
  id: idSchema,
  decision: z.enum(['approve', 'reject']),
  comment: z.string().max(500),
  revision: z.number().int().min(1).optional(),
});
export type DecideArgs = z.infer<typeof decideArgs>;

export interface Routed {
  requesterId: string;
  status: string;
  steps: ApprovalStep[];
  pendingApproverIds: string[];
  history: TimelineEvent[];
  revision: number;
  updatedAt: string;
}

async function nameOf(ctx: MutationContext, id: string | undefined): Promise<string> {
  if (!id) return '';
  return (await ctx.tx.get('users', id))?.displayName ?? id;
}

/**
 * Records the decision of `actorId` (for `forIds`) on the pending step `index` and moves the
 * route on: one approval completes an any-of step, a countersign step needs everyone; a
 * rejection skips what follows; the next step becomes pending with its acting approvers. Leave
 * (request and cancellation), trips and claims all decide through it.
 */
export async function advanceSteps(
  ctx: MutationContext,
  steps: readonly ApprovalStep[],
  index: number,
  forIds: readonly string[],
  approve: boolean,
  comment: string,
  requesterId: string,
): Promise<{ steps: ApprovalStep[]; final: boolean; onBehalfOfId: string | null }> {
  const step = steps[index];
  if (!step) throw new MutationRejected('approval.not_your_turn');
  const decided: ApprovalStep = {
    ...step,
    decisions: [...step.decisions, ...forIds.map((approverId) => ({ approverId, byId: ctx.actorId, decision: approve ? ('approved' as const) : ('rejected' as const), at: ctx.now, comment: comment || null }))],
  };
  const done = !approve || stepApproved(decided);
  let next = steps.map((s, i) => (i === index ? (done ? { ...decided, status: approve ? ('approved' as const) : ('rejected' as const) } : decided) : !approve && i > index ? { ...s, status: 'skipped' as const } : s));
  let nextIndex = -1;
  if (approve && done) {
    nextIndex = next.findIndex((s, i) => i > index && s.status === 'waiting');
    const following = next[nextIndex];
    if (following) {
      const delegates = await delegatesFor(ctx.tx, following.approverIds, agencyDate(ctx.now), requesterId);
      next = next.map((s, i) => (i === nextIndex ? { ...s, status: 'pending' as const, delegates } : s));
    }
  }
  const onBehalfOfId = forIds[0] !== undefined && forIds[0] !== ctx.actorId ? forIds[0] : null;
  return { steps: next, final: !approve || (done && nextIndex === -1), onBehalfOfId };
}

/** Applies the actor's decision to the pending step; `final` says whether the document is decided. */
export async function decideRouted<D extends Routed>(ctx: MutationContext, doc: D, args: DecideArgs): Promise<{ next: D; final: boolean; approved: boolean }> {
  if (doc.status === 'withdrawn') throw new MutationRejected('approval.withdrawn');
  if (args.revision !== undefined && args.revision !== doc.revision) {
    throw new MutationRejected('approval.request_changed', { change: doc.history[doc.history.length - 1]?.action ?? 'submitted' });
  }
  if (doc.status !== 'pending') {
    const last = [...doc.history].reverse().find((h) => h.action === 'approved' || h.action === 'rejected');
    throw new MutationRejected('approval.step_changed', { by: await nameOf(ctx, last?.actorId) });
  }
  const index = doc.steps.findIndex((s) => s.status === 'pending');
  const step = doc.steps[index];
  const today = agencyDate(ctx.now);
  const forIds = step && ctx.actorId !== doc.requesterId ? await actingFor(ctx.tx, step, ctx.actorId, today) : [];
  if (!step || forIds.length === 0) {
    // The actor's part was already decided on any step (a second click queued offline, or the
    // step has moved on since): say by whom, as leave approvals do.
    for (const s of doc.steps) {
      const earlier = s.decisions.find((d) => d.byId === ctx.actorId || d.approverId === ctx.actorId);
      if (earlier) throw new MutationRejected('approval.step_changed', { by: await nameOf(ctx, earlier.byId) });
    }
    // An any-of step the actor shared was completed by a colleague.
    for (const s of doc.steps) {
      const involved = s.approverIds.includes(ctx.actorId) || s.delegates.some((g) => g.toId === ctx.actorId);
      const first = s.decisions[0];
      if (involved && s.mode === 'any' && s.status !== 'pending' && first) throw new MutationRejected('approval.step_changed', { by: await nameOf(ctx, first.byId) });
    }
    throw new MutationRejected('approval.not_your_turn');
  }
  await loadActor(ctx);
  const comment = args.comment.trim();
  const approve = args.decision === 'approve';
  if (!approve && comment === '') throw new MutationRejected('approval.comment_required');

  const { steps, final, onBehalfOfId } = await advanceSteps(ctx, doc.steps, index, forIds, approve, comment, doc.requesterId);
  const event: TimelineEvent = { at: ctx.now, actorId: ctx.actorId, action: approve ? 'approved' : 'rejected', comment: comment || null, ...(onBehalfOfId ? { onBehalfOfId } : {}) };
  const next: D = {
    ...doc,
    steps,
    status: final ? (approve ? 'approved' : 'rejected') : 'pending',
    pendingApproverIds: final ? [] : pendingApprovers(steps),
    history: [...doc.history, event],
    updatedAt: ctx.now,
  };
  return { next, final, approved: final && approve };
}

/** Withdraws a pending document of the requester's. */
export function withdrawn<D extends Routed>(ctx: MutationContext, doc: D): D {
  return {
    ...doc,
    status: 'withdrawn',
    pendingApproverIds: [],
    steps: doc.steps.map((s) => (s.status === 'pending' || s.status === 'waiting' ? { ...s, status: 'skipped' as const } : s)),
    revision: doc.revision + 1,
    history: [...doc.history, { at: ctx.now, actorId: ctx.actorId, action: 'withdrawn' as const, comment: null }],
    updatedAt: ctx.now,
  };
}
