import { z } from 'zod';
import { isoDateSchema, daysBetween } from '../calendar/dates';
import { agencyCalendar } from '../calendar/agencyCalendar';
import { countWorkingDays, isValidSpan } from '../calendar/workingDays';
import { idSchema } from '../domain/ids';
import { halfDaySchema, leaveTypeSchema, REASON_MAX, type LeaveRequest } from '../domain/leave';
import { initialSteps, planApprovalChain } from '../workflow/approvalChain';
import { defineMutator, MutationRejected, type MutationContext } from './types';

/** A single request may not span more than a year of calendar days. */
export const MAX_REQUEST_CALENDAR_DAYS = 366;
export const COMMENT_MAX = 500;

export const leaveSubmitArgs = z.object({
  id: idSchema,
  type: leaveTypeSchema,
  startDate: isoDateSchema,
  startHalf: halfDaySchema,
  endDate: isoDateSchema,
  endHalf: halfDaySchema,
  reason: z.string().max(REASON_MAX),
});
export type LeaveSubmitArgs = z.infer<typeof leaveSubmitArgs>;

async function loadActor(ctx: MutationContext) {
  const actor = await ctx.tx.get('users', ctx.actorId);
  if (!actor || !actor.active) throw new MutationRejected('auth.forbidden');
  return actor;
}

export const leaveSubmit = defineMutator({
  args: leaveSubmitArgs,
  async run(ctx, args) {
    const requester = await loadActor(ctx);
    if (!isValidSpan(args)) throw new MutationRejected('leave.invalid_span');
    if (daysBetween(args.startDate, args.endDate) >= MAX_REQUEST_CALENDAR_DAYS) {
      throw new MutationRejected('leave.too_long', { max: MAX_REQUEST_CALENDAR_DAYS });
    }
    const reason = args.reason.trim();
    if (reason === '') throw new MutationRejected('leave.reason_required');
    const days = countWorkingDays(args, agencyCalendar);
    if (days <= 0) throw new MutationRejected('leave.no_working_days');
    if (await ctx.tx.get('leaveRequests', args.id)) throw new MutationRejected('leave.already_exists');

    const plan = await planApprovalChain(ctx.tx, requester, days);
    const first = plan[0];
    if (!first) throw new MutationRejected('leave.no_approver');

    const request: LeaveRequest = {
      id: args.id,
      requesterId: requester.id,
      departmentId: requester.departmentId,
      type: args.type,
      startDate: args.startDate,
      startHalf: args.startHalf,
      endDate: args.endDate,
      endHalf: args.endHalf,
      days,
      reason,
      status: 'pending',
      steps: initialSteps(plan),
      pendingApproverId: first.approverId,
      history: [{ at: ctx.now, actorId: requester.id, action: 'submitted', comment: null }],
      createdAt: ctx.now,
      updatedAt: ctx.now,
    };
    await ctx.tx.put('leaveRequests', request);
  },
});

export const leaveWithdraw = defineMutator({
  args: z.object({ id: idSchema }),
  async run(ctx, args) {
    const request = await ctx.tx.get('leaveRequests', args.id);
    if (!request) throw new MutationRejected('leave.not_found');
    if (request.requesterId !== ctx.actorId) throw new MutationRejected('leave.not_yours');
    if (request.status !== 'pending') {
      throw new MutationRejected('leave.not_withdrawable', { status: request.status });
    }
    await ctx.tx.put('leaveRequests', {
      ...request,
      status: 'withdrawn',
      pendingApproverId: null,
      steps: request.steps.map((s) => (s.status === 'pending' || s.status === 'waiting' ? { ...s, status: 'skipped' } : s)),
      history: [...request.history, { at: ctx.now, actorId: ctx.actorId, action: 'withdrawn', comment: null }],
      updatedAt: ctx.now,
    });
  },
});

export const approvalDecideArgs = z.object({
  requestId: idSchema,
  decision: z.enum(['approve', 'reject']),
  comment: z.string().max(COMMENT_MAX),
});
export type ApprovalDecideArgs = z.infer<typeof approvalDecideArgs>;

export const approvalDecide = defineMutator({
  args: approvalDecideArgs,
  async run(ctx, args) {
    const request = await ctx.tx.get('leaveRequests', args.requestId);
    if (!request) throw new MutationRejected('approval.not_found');
    if (request.status !== 'pending') {
      throw new MutationRejected('approval.already_decided', { status: request.status });
    }
    const index = request.steps.findIndex((s) => s.status === 'pending');
    const step = request.steps[index];
    if (!step || step.approverId !== ctx.actorId) throw new MutationRejected('approval.not_your_turn');
    await loadActor(ctx);
    const comment = args.comment.trim();
    if (args.decision === 'reject' && comment === '') throw new MutationRejected('approval.comment_required');

    const approve = args.decision === 'approve';
    const steps = request.steps.map((s, i) => {
      if (i === index) return { ...s, status: approve ? ('approved' as const) : ('rejected' as const), decidedAt: ctx.now, comment: comment || null };
      if (i === index + 1 && approve) return { ...s, status: 'pending' as const };
      if (i > index && !approve) return { ...s, status: 'skipped' as const };
      return s;
    });
    const next = approve ? steps[index + 1] : undefined;
    await ctx.tx.put('leaveRequests', {
      ...request,
      steps,
      status: next ? 'pending' : approve ? 'approved' : 'rejected',
      pendingApproverId: next ? next.approverId : null,
      history: [...request.history, { at: ctx.now, actorId: ctx.actorId, action: approve ? 'approved' : 'rejected', comment: comment || null }],
      updatedAt: ctx.now,
    });
  },
});
