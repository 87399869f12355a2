// A valid leave request document for tests that need one as data (not made by a mutator).
import type { ApprovalStep, LeaveRequest } from '../../shared/domain/leave';
import { pendingApprovers } from '../../shared/leave/policy';

export const FIXTURE_NOW = '2026-03-02T01:00:00.000Z';

/**
 * One entry per step: a person (a one-approver step) or several people (an any-of step; pass
 * `mode: 'all'` in a step override for countersign).
 */
export type FixtureApprovers = ReadonlyArray<string | readonly string[]>;

/** The steps of a fresh request: the first pending, later ones waiting, nothing decided. */
export function fixtureSteps(approvers: FixtureApprovers): ApprovalStep[] {
  return approvers.map((who, i) => ({
    kind: i === 0 ? 'manager' : 'department_head',
    role: null,
    mode: 'any',
    approverIds: typeof who === 'string' ? [who] : [...who],
    delegates: [],
    status: i === 0 ? 'pending' : 'waiting',
    decisions: [],
  }));
}

/**
 * Pending on the first approver; later approvers wait. Override any field; when `steps` is
 * overridden and `pendingApproverIds` is not, the latter follows the steps.
 */
export function makeLeave(requesterId: string, approvers: FixtureApprovers, overrides: Partial<LeaveRequest> = {}): LeaveRequest {
  const steps = overrides.steps ?? fixtureSteps(approvers);
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
    counting: 'working',
    reason: 'Family visit',
    attachments: [],
    status: 'pending',
    ruleId: null,
    steps,
    pendingApproverIds: pendingApprovers(steps),
    cancellation: null,
    reportBack: null,
    revision: 1,
    history: [{ at: FIXTURE_NOW, actorId: requesterId, action: 'submitted', comment: null }],
    createdAt: FIXTURE_NOW,
    updatedAt: FIXTURE_NOW,
    ...overrides,
  };
}
