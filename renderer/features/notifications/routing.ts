// When a routed document (leave, a trip, a claim) became the user's to decide, and for whom:
// shared by every kind of "waits for your approval" notification.
import type { Delegation } from '../../../shared/domain/delegation';
import type { ApprovalStep } from '../../../shared/domain/leave';
import { undecided } from '../../../shared/leave/policy';

export function latest(values: ReadonlyArray<string | null | undefined>): string {
  return values.reduce<string>((a, b) => (typeof b === 'string' && b > a ? b : a), '');
}

/** When `steps[index]` became pending: its phase began, or the step before it was completed. */
export function stepStartedAt(steps: readonly ApprovalStep[], index: number, phaseStart: string): string {
  const previous = steps[index - 1];
  return latest([phaseStart, ...(previous?.decisions.map((d) => d.at) ?? [])]);
}

export interface WaitingOn {
  /** The pending step's position. */
  index: number;
  /** When it became the user's: the step began, or (acting approver) the delegation was made. */
  at: string;
  /** The approver the user stands in for; null when they decide as themselves. */
  onBehalfOfId: string | null;
}

/** Whether the pending step of `steps` waits for `userId`, as approver or as acting approver. */
export function waitingOn(userId: string, steps: readonly ApprovalStep[], phaseStart: string, delegations: ReadonlyMap<string, Delegation>): WaitingOn | null {
  const index = steps.findIndex((s) => s.status === 'pending');
  const step = steps[index];
  if (!step) return null;
  const at = stepStartedAt(steps, index, phaseStart);
  const open = undecided(step);
  if (open.includes(userId)) return { index, at, onBehalfOfId: null };
  // Here only as an acting approver: the item became theirs when the delegation was made,
  // which may be long after the step began.
  const routes = step.delegates.filter((g) => g.toId === userId && open.includes(g.forId));
  const first = routes[0];
  if (!first) return null;
  return { index, at: latest([at, ...routes.map((g) => delegations.get(g.delegationId)?.createdAt)]), onBehalfOfId: first.forId };
}
