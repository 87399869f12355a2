// Notifications are derived, not stored: each one is a fact already in a synced document the
// user may read (a request waiting for them, a decision in their request's history, a
// delegation naming them). Deriving keeps them right offline and after any rebase, and needs
// no server state; only "what I have read" is local (renderer/db/hooks/notifications.ts).
import type { Delegation } from '../../../shared/domain/delegation';
import type { ApprovalStep, LeaveRequest, TimelineEvent } from '../../../shared/domain/leave';
import { undecided } from '../../../shared/leave/policy';

export const NOTIFICATION_KINDS = [
  // To the approver (or acting approver): something waits for their decision.
  'approval_requested',
  'cancellation_requested',
  // To the requester: someone else decided.
  'approved',
  'approved_step',
  'rejected',
  'cancel_approved',
  'cancel_approved_step',
  'cancel_rejected',
  // To the acting approver: someone named them.
  'delegation_received',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** Kinds that ask the user to act, as opposed to telling them what happened. */
export const TO_DO_KINDS: ReadonlySet<NotificationKind> = new Set(['approval_requested', 'cancellation_requested']);

export interface LeaveSubject {
  typeId: string;
  startDate: string;
  startHalf: 'am' | 'pm';
  endDate: string;
  endHalf: 'am' | 'pm';
  days: number;
}

export interface DelegationSubject {
  kind: Delegation['kind'];
  startDate: string | null;
  endDate: string | null;
}

export interface NotificationItem {
  /** Stable across re-derivations, so read state sticks: the same fact always has the same id. */
  id: string;
  kind: NotificationKind;
  /** When it happened (server time for synced facts); the list is newest first. */
  at: string;
  requestId: string | null;
  delegationId: string | null;
  /** Who caused it: the requester (to-do), the decider, or the delegator. */
  actorId: string;
  /** Whose authority the actor used: the principal of an acting approver. */
  onBehalfOfId: string | null;
  comment: string | null;
  leave: LeaveSubject | null;
  delegation: DelegationSubject | null;
  unread: boolean;
}

export interface DeriveInput {
  userId: string;
  myRequests: readonly LeaveRequest[];
  pendingOnMe: readonly LeaveRequest[];
  delegations: readonly Delegation[];
  /**
   * Everything at or before this instant is read. null: no starting point yet (the first sync
   * on this device is still running), and nothing counts as unread until there is one.
   */
  readUpTo: string | null;
  readIds: ReadonlySet<string>;
}

type Draft = Omit<NotificationItem, 'unread'>;

function subjectOf(r: LeaveRequest): LeaveSubject {
  return { typeId: r.type, startDate: r.startDate, startHalf: r.startHalf, endDate: r.endDate, endHalf: r.endHalf, days: r.days };
}

function latest(values: ReadonlyArray<string | undefined>): string {
  return values.reduce<string>((a, b) => (b !== undefined && b > a ? b : a), '');
}

/**
 * The decisions in a requester's history, named by what they meant to the requester. An
 * 'approved' event is only final if it is the last approval of the request phase of a request
 * that then was approved; during a cancellation, 'approved' means one step of several agreed.
 */
function decisionKinds(request: LeaveRequest): Array<NotificationKind | null> {
  const history = request.history;
  const cancelFrom = history.findIndex((h) => h.action === 'cancel_requested');
  const requestPhaseEnd = cancelFrom === -1 ? history.length : cancelFrom;
  const wasApproved = request.status === 'approved' || request.status === 'cancelled';
  let finalApproval = -1;
  if (wasApproved) {
    for (let i = requestPhaseEnd - 1; i >= 0; i--) {
      if (history[i]?.action === 'approved') {
        finalApproval = i;
        break;
      }
    }
  }
  return history.map((event, i): NotificationKind | null => {
    const inCancellation = cancelFrom !== -1 && i > cancelFrom;
    switch (event.action) {
      case 'approved':
        if (inCancellation) return 'cancel_approved_step';
        return i === finalApproval ? 'approved' : 'approved_step';
      case 'rejected':
        return 'rejected';
      case 'cancel_approved':
        return 'cancel_approved';
      case 'cancel_rejected':
        return 'cancel_rejected';
      default:
        return null;
    }
  });
}

function fromHistory(userId: string, request: LeaveRequest): Draft[] {
  const kinds = decisionKinds(request);
  const out: Draft[] = [];
  request.history.forEach((event: TimelineEvent, index) => {
    const kind = kinds[index];
    // What the user did themselves is never news to them.
    if (!kind || event.actorId === userId) return;
    out.push({
      id: `${request.id}:h${index}`,
      kind,
      at: event.at,
      requestId: request.id,
      delegationId: null,
      actorId: event.actorId,
      onBehalfOfId: event.onBehalfOfId ?? null,
      comment: event.comment,
      leave: subjectOf(request),
      delegation: null,
    });
  });
  return out;
}

/** When `steps[index]` became pending: its phase began, or the step before it was completed. */
function stepStartedAt(steps: readonly ApprovalStep[], index: number, phaseStart: string): string {
  const previous = steps[index - 1];
  return latest([phaseStart, ...(previous?.decisions.map((d) => d.at) ?? [])]);
}

function pendingItem(userId: string, request: LeaveRequest, delegations: ReadonlyMap<string, Delegation>): Draft | null {
  if (request.requesterId === userId || !request.pendingApproverIds.includes(userId)) return null;
  const cancellation = request.cancellation?.status === 'pending' ? request.cancellation : null;
  const steps = cancellation ? cancellation.steps : request.steps;
  const index = steps.findIndex((s) => s.status === 'pending');
  const step = steps[index];
  if (!step) return null;
  const phaseStart = cancellation ? cancellation.requestedAt : (request.history[0]?.at ?? request.createdAt);
  let at = stepStartedAt(steps, index, phaseStart);
  let onBehalfOfId: string | null = null;
  const open = undecided(step);
  if (!open.includes(userId)) {
    // Here only as an acting approver: the item became theirs when the delegation was made,
    // which may be long after the step began.
    const routes = step.delegates.filter((g) => g.toId === userId && open.includes(g.forId));
    const first = routes[0];
    if (!first) return null;
    onBehalfOfId = first.forId;
    at = latest([at, ...routes.map((g) => delegations.get(g.delegationId)?.createdAt)]);
  }
  const phase = cancellation ? `c${cancellation.requestedAt}` : 'r';
  return {
    id: `${request.id}:${phase}:s${index}:${onBehalfOfId ?? 'self'}`,
    kind: cancellation ? 'cancellation_requested' : 'approval_requested',
    at,
    requestId: request.id,
    delegationId: null,
    actorId: request.requesterId,
    onBehalfOfId,
    comment: cancellation ? cancellation.reason : null,
    leave: subjectOf(request),
    delegation: null,
  };
}

function delegationItem(userId: string, d: Delegation): Draft | null {
  if (d.toUserId !== userId || d.fromUserId === userId || !d.active) return null;
  return {
    id: `delegation:${d.id}`,
    kind: 'delegation_received',
    at: d.createdAt,
    requestId: d.sourceRequestId,
    delegationId: d.id,
    actorId: d.fromUserId,
    onBehalfOfId: null,
    comment: d.note === '' ? null : d.note,
    leave: null,
    delegation: { kind: d.kind, startDate: d.startDate, endDate: d.endDate },
  };
}

export function isUnread(item: Pick<NotificationItem, 'id' | 'at'>, readUpTo: string | null, readIds: ReadonlySet<string>): boolean {
  if (readUpTo === null || readIds.has(item.id)) return false;
  return item.at > readUpTo;
}

/** Every notification for `userId`, newest first. */
export function deriveNotifications(input: DeriveInput): NotificationItem[] {
  const { userId } = input;
  const byId = new Map(input.delegations.map((d) => [d.id, d]));
  const drafts: Draft[] = [];
  for (const request of input.myRequests) {
    if (request.requesterId === userId) drafts.push(...fromHistory(userId, request));
  }
  for (const request of input.pendingOnMe) {
    const item = pendingItem(userId, request, byId);
    if (item) drafts.push(item);
  }
  for (const d of byId.values()) {
    const item = delegationItem(userId, d);
    if (item) drafts.push(item);
  }
  const seen = new Set<string>();
  return drafts
    .filter((d) => (seen.has(d.id) ? false : (seen.add(d.id), true)))
    .map((d) => ({ ...d, unread: isUnread(d, input.readUpTo, input.readIds) }))
    .sort((a, b) => (a.at === b.at ? a.id.localeCompare(b.id) : a.at < b.at ? 1 : -1));
}

/** The newest instant among `items`: where "mark all read" moves the watermark. */
export function newestAt(items: readonly Pick<NotificationItem, 'at'>[], fallback: string): string {
  return latest([fallback, ...items.map((i) => i.at)]);
}

/** Where a notification leads: the requester's own request, the approval inbox, or the delegation page. */
export function linkOf(item: Pick<NotificationItem, 'kind' | 'requestId'>): string {
  if (TO_DO_KINDS.has(item.kind)) return '/approvals';
  if (item.kind === 'delegation_received') return '/delegation';
  return item.requestId ? `/requests/${item.requestId}` : '/requests';
}

/** Which unread items a page shows in full: visiting it counts as reading them. */
export function itemsSeenAt(pathname: string, items: readonly NotificationItem[]): string[] {
  const path = pathname.replace(/\/+$/, '');
  // The inbox lists every waiting request, a request's page shows its history, the delegation
  // page the delegations naming the user: exactly where each notification leads.
  return items
    .filter((i) => i.unread && linkOf(i) === path)
    .map((i) => i.id);
}
