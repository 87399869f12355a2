// The requester's side of leave: submit, withdraw while pending, ask to cancel approved leave,
// and report back (销假) with the actual return date.
import { z } from 'zod';
import { addDays, agencyDate, daysBetween, isoDateSchema } from '../calendar/dates';
import { countWorkingDays, isValidSpan, spansOverlap, type LeaveSpan } from '../calendar/workingDays';
import { attachmentSchema } from '../domain/attachment';
import { idSchema } from '../domain/ids';
import { halfDaySchema, MAX_ATTACHMENTS, REASON_MAX, type LeaveRequest } from '../domain/leave';
import { leaveTypeIdSchema } from '../domain/leaveTypes';
import { loadCalendar } from '../leave/calendar';
import { chooseRule, FALLBACK_STEPS, pendingApprovers, planSteps } from '../leave/policy';
import { balanceFor, effectiveSpan, holdsDays, loadActor, loadLeaveType, requireBlobs, spanDays } from './common';
import { endOnLeaveDelegations, ledgerRestore, recordAbsence } from './effects';
import { defineMutator, MutationRejected, type MutationContext } from './types';

/** A single request may not span more than a year of calendar days. */
export const MAX_REQUEST_CALENDAR_DAYS = 366;
export const COMMENT_MAX = 500;

export const leaveSubmitArgs = z.object({
  id: idSchema,
  type: leaveTypeIdSchema,
  startDate: isoDateSchema,
  startHalf: halfDaySchema,
  endDate: isoDateSchema,
  endHalf: halfDaySchema,
  reason: z.string().max(REASON_MAX),
  attachments: z.array(attachmentSchema).max(MAX_ATTACHMENTS).default([]),
});
export type LeaveSubmitArgs = z.input<typeof leaveSubmitArgs>;

async function ownRequest(ctx: MutationContext, id: string): Promise<LeaveRequest> {
  const request = await ctx.tx.get('leaveRequests', id);
  if (!request) throw new MutationRejected('leave.not_found');
  if (request.requesterId !== ctx.actorId) throw new MutationRejected('leave.not_yours');
  return request;
}

export const leaveSubmit = defineMutator({
  args: leaveSubmitArgs,
  async run(ctx, args) {
    const requester = await loadActor(ctx);
    const type = await loadLeaveType(ctx.tx, args.type);
    if (!isValidSpan(args)) throw new MutationRejected('leave.invalid_span');
    if (daysBetween(args.startDate, args.endDate) >= MAX_REQUEST_CALENDAR_DAYS) {
      throw new MutationRejected('leave.too_long', { max: MAX_REQUEST_CALENDAR_DAYS });
    }
    if (type.unit === 'day' && (args.startHalf !== 'am' || args.endHalf !== 'pm')) throw new MutationRejected('leave.whole_days_only');
    const reason = args.reason.trim();
    if (reason === '') throw new MutationRejected('leave.reason_required');
    const days = await spanDays(ctx.tx, args, type);
    if (days <= 0) throw new MutationRejected('leave.no_working_days');
    if (type.maxDaysPerRequest !== null && days > type.maxDaysPerRequest) throw new MutationRejected('leave.over_max', { max: type.maxDaysPerRequest });
    if (type.attachmentOverDays !== null && days > type.attachmentOverDays && args.attachments.length === 0) {
      throw new MutationRejected('leave.attachment_required', { days: type.attachmentOverDays });
    }
    await requireBlobs(ctx, args.attachments);
    if (await ctx.tx.get('leaveRequests', args.id)) throw new MutationRejected('leave.already_exists');

    const mine = await ctx.tx.find('leaveRequests', 'requesterId', requester.id);
    for (const other of mine) {
      const span = holdsDays(other) ? effectiveSpan(other) : null;
      if (span && spansOverlap(span, args)) throw new MutationRejected('leave.overlap', { start: other.startDate, end: other.endDate });
    }
    if (type.tracksBalance && !type.allowNegative) {
      const balance = await balanceFor(ctx.tx, requester.id, type.id, args.startDate);
      if (balance.available < days) throw new MutationRejected('leave.insufficient_balance', { available: Math.max(0, balance.available), days });
    }

    const today = agencyDate(ctx.now);
    const rule = await chooseRule(ctx.tx, { scope: 'leave', requester, typeId: type.id, quantity: days });
    const steps = await planSteps(ctx.tx, requester, rule?.steps ?? FALLBACK_STEPS, today);
    if (steps.length === 0) throw new MutationRejected('leave.no_approver');

    await ctx.tx.put('leaveRequests', {
      id: args.id,
      requesterId: requester.id,
      departmentId: requester.departmentId,
      type: type.id,
      startDate: args.startDate,
      startHalf: args.startHalf,
      endDate: args.endDate,
      endHalf: args.endHalf,
      days,
      counting: type.counting,
      reason,
      attachments: args.attachments,
      status: 'pending',
      ruleId: rule?.id ?? null,
      steps,
      pendingApproverIds: pendingApprovers(steps),
      cancellation: null,
      reportBack: null,
      revision: 1,
      history: [{ at: ctx.now, actorId: requester.id, action: 'submitted', comment: null }],
      createdAt: ctx.now,
      updatedAt: ctx.now,
    });
  },
});

export const leaveWithdraw = defineMutator({
  args: z.object({ id: idSchema }),
  async run(ctx, args) {
    const request = await ownRequest(ctx, args.id);
    if (request.status !== 'pending') throw new MutationRejected('leave.not_withdrawable', { status: request.status });
    await ctx.tx.put('leaveRequests', {
      ...request,
      status: 'withdrawn',
      pendingApproverIds: [],
      steps: request.steps.map((s) => (s.status === 'pending' || s.status === 'waiting' ? { ...s, status: 'skipped' } : s)),
      revision: request.revision + 1,
      history: [...request.history, { at: ctx.now, actorId: ctx.actorId, action: 'withdrawn', comment: null }],
      updatedAt: ctx.now,
    });
  },
});

export const leaveCancelArgs = z.object({ id: idSchema, reason: z.string().max(REASON_MAX) });

/** Approved leave that has not started can be cancelled; the cancellation is approved like the request was. */
export const leaveCancel = defineMutator({
  args: leaveCancelArgs,
  async run(ctx, args) {
    const request = await ownRequest(ctx, args.id);
    const requester = await loadActor(ctx);
    if (request.status !== 'approved') throw new MutationRejected('leave.not_cancellable', { status: request.status });
    if (request.cancellation?.status === 'pending') throw new MutationRejected('leave.cancellation_pending');
    const today = agencyDate(ctx.now);
    if (request.startDate <= today) throw new MutationRejected('leave.cancel_started');
    const reason = args.reason.trim();
    if (reason === '') throw new MutationRejected('leave.reason_required');
    const rule = request.ruleId ? await ctx.tx.get('approvalRules', request.ruleId) : undefined;
    const steps = await planSteps(ctx.tx, requester, rule?.active ? rule.steps : FALLBACK_STEPS, today);
    if (steps.length === 0) throw new MutationRejected('leave.no_approver');
    await ctx.tx.put('leaveRequests', {
      ...request,
      cancellation: { reason, requestedAt: ctx.now, status: 'pending', steps },
      pendingApproverIds: pendingApprovers(steps),
      revision: request.revision + 1,
      history: [...request.history, { at: ctx.now, actorId: ctx.actorId, action: 'cancel_requested', comment: reason }],
      updatedAt: ctx.now,
    });
  },
});

export const leaveReportBackArgs = z.object({
  id: idSchema,
  returnDate: isoDateSchema,
  returnHalf: halfDaySchema,
  comment: z.string().max(REASON_MAX),
});

/**
 * Report-back (销假): the requester says when they were back at work. Days not taken go back
 * to the balance; returning later than approved needs a new request, not a report.
 */
export const leaveReportBack = defineMutator({
  args: leaveReportBackArgs,
  async run(ctx, args) {
    const request = await ownRequest(ctx, args.id);
    if (request.status !== 'approved' || request.reportBack) throw new MutationRejected('leave.report_back_not_allowed', { status: request.status });
    if (request.cancellation?.status === 'pending') throw new MutationRejected('leave.cancellation_pending');
    const today = agencyDate(ctx.now);
    if (args.returnDate > today) throw new MutationRejected('leave.report_back_future');
    const returnKey = `${args.returnDate}${args.returnHalf === 'am' ? 0 : 1}`;
    const startKey = `${request.startDate}${request.startHalf === 'am' ? 0 : 1}`;
    if (returnKey < startKey) throw new MutationRejected('leave.invalid_span');
    // The first half day after the approved span: returning then or earlier is fine. Later is
    // late only if a working half day was missed in between: leave that ends on a Friday (or
    // before a holiday) is followed by a return on the next working day.
    const afterEnd: Pick<LeaveSpan, 'startDate' | 'startHalf'> = request.endHalf === 'am' ? { startDate: request.endDate, startHalf: 'pm' } : { startDate: addDays(request.endDate, 1), startHalf: 'am' };
    if (returnKey > `${afterEnd.startDate}${afterEnd.startHalf === 'am' ? 0 : 1}`) {
      const missed: LeaveSpan = { ...afterEnd, ...(args.returnHalf === 'pm' ? { endDate: args.returnDate, endHalf: 'am' } : { endDate: addDays(args.returnDate, -1), endHalf: 'pm' }) };
      if (countWorkingDays(missed, await loadCalendar(ctx.tx, missed.startDate, missed.endDate)) > 0) throw new MutationRejected('leave.report_back_late');
    }

    const type = await ctx.tx.get('leaveTypes', request.type);
    const withReport: LeaveRequest = { ...request, reportBack: { returnDate: args.returnDate, returnHalf: args.returnHalf, actualDays: 0, at: ctx.now, comment: args.comment.trim() || null } };
    const span = effectiveSpan(withReport);
    const actualDays = span ? Math.min(request.days, await spanDays(ctx.tx, span, { counting: request.counting })) : 0;
    const report = { ...withReport.reportBack!, actualDays };
    if (type?.tracksBalance && actualDays < request.days) {
      await ledgerRestore(ctx, request, request.days - actualDays, 'report_back');
    }
    await endOnLeaveDelegations(ctx, request, span ? span.endDate : null);
    await recordAbsence(ctx, request, span);
    await ctx.tx.put('leaveRequests', {
      ...request,
      reportBack: report,
      revision: request.revision + 1,
      history: [...request.history, { at: ctx.now, actorId: ctx.actorId, action: 'reported_back', comment: report.comment }],
      updatedAt: ctx.now,
    });
  },
});
