// The story of a request, oldest first: what happened (history), then who still has to act
// (the pending step, and the steps waiting behind it).
import type { ApprovalRole, LeaveRequest, TimelineEvent } from '../../../shared/domain/leave';

export type TimelineItem =
  | { kind: 'event'; key: string; action: TimelineEvent['action']; at: string; actorId: string; role: ApprovalRole | null; comment: string | null }
  | { kind: 'step'; key: string; status: 'pending' | 'waiting'; approverId: string; role: ApprovalRole };

export function timelineOf(request: LeaveRequest): TimelineItem[] {
  const items: TimelineItem[] = request.history.map((event, i) => {
    const decided = event.action === 'approved' || event.action === 'rejected';
    const step = decided ? request.steps.find((s) => s.approverId === event.actorId && s.status === event.action) : undefined;
    return { kind: 'event', key: `e${i}`, action: event.action, at: event.at, actorId: event.actorId, role: step?.role ?? null, comment: event.comment };
  });
  if (request.status === 'pending') {
    request.steps.forEach((step, i) => {
      if (step.status === 'pending' || step.status === 'waiting') {
        items.push({ kind: 'step', key: `s${i}`, status: step.status, approverId: step.approverId, role: step.role });
      }
    });
  }
  return items;
}
