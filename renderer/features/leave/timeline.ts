// The story of a request, oldest first: what happened (history), then who still has to act
// (the pending step and the steps waiting behind it, for the request or for its cancellation).
import type { Role } from '../../../shared/domain/directory';
import type { ApprovalStep, LeaveRequest, TimelineEvent } from '../../../shared/domain/leave';
import type { StepKind } from '../../../shared/domain/policy';

/** Whether an entry belongs to the request's own approval or to the approval of its cancellation. */
export type Phase = 'request' | 'cancellation';

export type TimelineItem =
  | {
      kind: 'event';
      key: string;
      action: TimelineEvent['action'];
      phase: Phase;
      at: string;
      actorId: string;
      /** The approver on whose behalf an acting approver decided. */
      onBehalfOfId: string | null;
      /** The step the decision was taken in, when it is one. */
      stepKind: StepKind | null;
      role: Role | null;
      comment: string | null;
    }
  | { kind: 'step'; key: string; phase: Phase; status: 'pending' | 'waiting'; step: ApprovalStep };

/** The step in which `event` was decided: the one holding a decision by its actor at its time. */
function stepOf(steps: readonly ApprovalStep[], event: TimelineEvent): ApprovalStep | undefined {
  return steps.find((s) => s.decisions.some((d) => d.byId === event.actorId && d.at === event.at));
}

export function timelineOf(request: LeaveRequest): TimelineItem[] {
  const items: TimelineItem[] = [];
  // History does not say which approval an 'approved' belongs to: after a cancel_requested,
  // approvals are of the cancellation until it is decided.
  let inCancellation = false;
  request.history.forEach((event, i) => {
    if (event.action === 'cancel_requested') inCancellation = true;
    const phase: Phase = inCancellation || event.action === 'cancel_approved' || event.action === 'cancel_rejected' ? 'cancellation' : 'request';
    if (event.action === 'cancel_approved' || event.action === 'cancel_rejected') inCancellation = false;
    const decided = event.action !== 'submitted' && event.action !== 'withdrawn' && event.action !== 'cancel_requested' && event.action !== 'reported_back';
    const step = decided ? stepOf(phase === 'cancellation' ? (request.cancellation?.steps ?? []) : request.steps, event) : undefined;
    items.push({
      kind: 'event',
      key: `e${i}`,
      action: event.action,
      phase,
      at: event.at,
      actorId: event.actorId,
      onBehalfOfId: event.onBehalfOfId ?? null,
      stepKind: step?.kind ?? null,
      role: step?.role ?? null,
      comment: event.comment,
    });
  });
  const open = (phase: Phase, steps: readonly ApprovalStep[]) =>
    steps.forEach((step, i) => {
      if (step.status === 'pending' || step.status === 'waiting') items.push({ kind: 'step', key: `${phase[0]}${i}`, phase, status: step.status, step });
    });
  if (request.status === 'pending') open('request', request.steps);
  if (request.status === 'approved' && request.cancellation?.status === 'pending') open('cancellation', request.cancellation.steps);
  return items;
}

/** The step waiting for a decision now (of the cancellation while one is pending), with its phase. */
export function currentStep(request: LeaveRequest): { phase: Phase; step: ApprovalStep; index: number; total: number } | null {
  const inCancellation = request.status === 'approved' && request.cancellation?.status === 'pending';
  if (!inCancellation && request.status !== 'pending') return null;
  const steps = inCancellation && request.cancellation ? request.cancellation.steps : request.steps;
  const index = steps.findIndex((s) => s.status === 'pending');
  const step = steps[index];
  return step ? { phase: inCancellation ? 'cancellation' : 'request', step, index, total: steps.length } : null;
}
