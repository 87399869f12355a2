// The approver's view of one waiting request: which step, whether they decide as the approver
// or as an acting approver (for whom, and from when if the delegation is not yet in force), and
// the requester's balance where the type draws on one. Who may decide is asked of actingFor, the
// function approval.decide itself uses.
import { delegationCurrentOrFuture } from '../../../shared/domain/delegation';
import type { ApprovalStep, LeaveRequest } from '../../../shared/domain/leave';
import type { LeaveTypeDef } from '../../../shared/domain/leaveTypes';
import { actingFor, undecided } from '../../../shared/leave/policy';
import { balanceFor } from '../../../shared/mutators/common';
import type { DocTx } from '../../../shared/mutators/types';
import { currentStep, type Phase } from '../leave/timeline';

type Tx = Pick<DocTx, 'get' | 'find'>;

export type RequesterBalance =
  /** Available before this request (other pending requests already taken off), and after it. */
  | { kind: 'known'; available: number; after: number; allowNegative: boolean }
  /** The type draws on a balance this user cannot read (only the requester and HR read ledgers). */
  | { kind: 'unknown' };

export interface InboxItem {
  request: LeaveRequest;
  phase: Phase;
  step: ApprovalStep;
  /** 0-based position of the step, and the number of steps. */
  index: number;
  total: number;
  /** The approvers the user stands in for (empty when they decide as themselves). */
  principals: string[];
  /** Set when the user acts under a delegation that starts later: deciding waits until then. */
  startsOn: string | null;
  canDecide: boolean;
  type: LeaveTypeDef | undefined;
  /** For types that draw on a balance, when deciding the request itself (not a cancellation). */
  balance: RequesterBalance | null;
}

export async function inboxItem(tx: Tx, request: LeaveRequest, userId: string, today: string): Promise<InboxItem | null> {
  const current = currentStep(request);
  if (!current) return null;
  const { step } = current;
  const open = undecided(step);
  const forIds = await actingFor(tx, step, userId, today);
  const own = open.includes(userId);
  // Routing entries of delegations that ended (or were ended) linger on the request until it
  // moves on; they are not work for this user any more.
  const mine: typeof step.delegates = [];
  for (const d of step.delegates) {
    if (d.toId !== userId || !open.includes(d.forId)) continue;
    const delegation = await tx.get('delegations', d.delegationId);
    if (delegation && delegationCurrentOrFuture(delegation, today)) mine.push(d);
  }
  if (!own && mine.length === 0) return null;

  let startsOn: string | null = null;
  if (forIds.length === 0) {
    for (const d of mine) {
      const delegation = await tx.get('delegations', d.delegationId);
      const start = delegation?.active ? delegation.startDate : null;
      if (start !== null && start > today && (startsOn === null || start < startsOn)) startsOn = start;
    }
  }
  const principals = own ? [] : forIds.length > 0 ? forIds : [...new Set(mine.map((d) => d.forId))];

  const type = await tx.get('leaveTypes', request.type);
  let balance: RequesterBalance | null = null;
  if (type?.tracksBalance && current.phase === 'request') {
    const entries = (await tx.find('leaveLedger', 'userId', request.requesterId)).filter((e) => e.typeId === type.id);
    if (entries.length === 0) balance = { kind: 'unknown' };
    else {
      const { available } = await balanceFor(tx, request.requesterId, type.id, request.startDate, request.id);
      balance = { kind: 'known', available, after: available - request.days, allowNegative: type.allowNegative };
    }
  }
  return { request, phase: current.phase, step, index: current.index, total: current.total, principals, startsOn, canDecide: forIds.length > 0, type, balance };
}

/** Everything waiting for `userId` (as approver or acting approver), oldest first. */
export async function loadInbox(tx: Tx, userId: string, today: string): Promise<InboxItem[]> {
  const requests = (await tx.find('leaveRequests', 'pendingApproverIds', userId)).sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
  const items: InboxItem[] = [];
  for (const request of requests) {
    const item = await inboxItem(tx, request, userId, today);
    if (item) items.push(item);
  }
  return items;
}
