// What the requester can still do with a request, and what cancelling or reporting back would
// do, asked of the mutators themselves (dryRun) so the dialogs say exactly what will happen.
import type { HalfDay } from '../../../shared/calendar/workingDays';
import type { ApprovalStep, LeaveRequest } from '../../../shared/domain/leave';
import type { ReasonCode, ReasonParams } from '../../../shared/i18n/reasons';
import type { DocTx } from '../../../shared/mutators/types';
import { dryRun } from './dryRun';

type ReadTx = Pick<DocTx, 'get' | 'find' | 'hasBlob'>;

export interface RequestActions {
  /** Pending: the approval can be stopped. */
  withdraw: boolean;
  /** Approved and not started: the requester may ask to cancel it (approved like the request). */
  cancel: boolean;
  /** Approved and started (or over): the requester reports when they were back (销假). */
  reportBack: boolean;
}

/** The same conditions the mutators check first; what they check beyond (dates) the dialogs show. */
export function actionsFor(request: LeaveRequest, today: string): RequestActions {
  const approved = request.status === 'approved';
  const cancellationPending = request.cancellation?.status === 'pending';
  const open = approved && !cancellationPending && request.reportBack === null;
  return {
    withdraw: request.status === 'pending',
    cancel: open && request.startDate > today,
    reportBack: open && request.startDate <= today,
  };
}

export type Refusal = { ok: false; code: ReasonCode; params: ReasonParams };

export type ReportBackPreview = { ok: true; actualDays: number; returnedDays: number } | Refusal;

/** What reporting back on `returnDate` would record: the days actually taken and the days given back. */
export async function previewReportBack(tx: ReadTx, request: LeaveRequest, ret: { returnDate: string; returnHalf: HalfDay }, actorId: string, now: string): Promise<ReportBackPreview> {
  const run = await dryRun(tx, 'leave.reportBack', { id: request.id, returnDate: ret.returnDate, returnHalf: ret.returnHalf, comment: '' }, actorId, now);
  if (!run.ok) return run;
  const actualDays = run.tx.peek('leaveRequests', request.id)?.reportBack?.actualDays ?? request.days;
  return { ok: true, actualDays, returnedDays: request.days - actualDays };
}

export type CancellationPreview = { ok: true; steps: ApprovalStep[] } | Refusal;

/** Who would approve the cancellation, or why it cannot be asked for. */
export async function previewCancellation(tx: ReadTx, request: LeaveRequest, actorId: string, now: string): Promise<CancellationPreview> {
  // The reason is the user's to write; any text stands in for it here.
  const run = await dryRun(tx, 'leave.cancel', { id: request.id, reason: '-' }, actorId, now);
  if (!run.ok) return run;
  return { ok: true, steps: run.tx.peek('leaveRequests', request.id)?.cancellation?.steps ?? [] };
}
