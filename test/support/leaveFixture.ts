// A valid leave request document for tests that need one as data (not made by a mutator).
import type { LeaveRequest } from '../../shared/domain/leave';

export const FIXTURE_NOW = '2026-03-02T01:00:00.000Z';

/** Pending on the first approver; later approvers wait. Override any field. */
export function makeLeave(requesterId: string, approvers: readonly string[], overrides: Partial<LeaveRequest> = {}): LeaveRequest {
  return {
    id: 'leave-1',
    requesterId,
    departmentId: 'business',
    type: 'annual',
    startDate: '2026-03-09',
    startHalf: 'am',
    endDate: '2026-03-10',
    endHalf: 'pm',
    days: 2,
    reason: 'Family visit',
    status: 'pending',
    steps: approvers.map((approverId, i) => ({ approverId, role: i === 0 ? 'manager' : 'department_head', status: i === 0 ? 'pending' : 'waiting', decidedAt: null, comment: null })),
    pendingApproverId: approvers[0] ?? null,
    history: [{ at: FIXTURE_NOW, actorId: requesterId, action: 'submitted', comment: null }],
    createdAt: FIXTURE_NOW,
    updatedAt: FIXTURE_NOW,
    ...overrides,
  };
}
