// Notifications are derived, not stored: each one is a fact already in a synced document the
// user may read (a request waiting for them, a decision in their request's history, a
// delegation naming them). Deriving keeps them right offline and after any rebase, and needs
// no server state; only "what I have read" is local (renderer/db/hooks/notifications.ts).
// Trips and claims follow the same rules (./deriveTravel.ts), and so do meeting notices and
// new versions of saved forms (./deriveNotices.ts).
import type { Claim } from '../../../shared/domain/claim';
import type { Delegation } from '../../../shared/domain/delegation';
import type { FormTemplate, FormVersion } from '../../../shared/domain/forms';
import type { LeaveRequest, TimelineEvent } from '../../../shared/domain/leave';
import type { Absence, Meeting, MeetingReply, ReplyResponse } from '../../../shared/domain/meeting';
import type { TravelRequest } from '../../../shared/domain/travel';
import { noticeDrafts } from './deriveNotices';
import { travelDrafts } from './deriveTravel';
import { latest, waitingOn } from './routing';

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
  // Business trips: to the approver, to the requester, to a companion once approved.
  'trip_approval_requested',
  'trip_approved',
  'trip_approved_step',
  'trip_rejected',
  'trip_companion',
  // Expense claims: to the approver (finance included), to the requester, and the payment.
  'claim_approval_requested',
  'claim_approved',
  'claim_approved_step',
  'claim_rejected',
  'claim_paid',
  // Meeting notices: to an attendee (a notice, a substitute's nomination, a new time or place,
  // a cancellation, the organizer's reminder), and to the organizer (replies, leave conflicts).
  'meeting_invited',
  'meeting_substitute',
  'meeting_rescheduled',
  'meeting_relocated',
  'meeting_cancelled',
  'meeting_reminded',
  'meeting_reply',
  'meeting_leave_conflict',
  // Forms library: a newer version of a form the user saved a copy of.
  'form_new_version',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** Kinds that ask the user to act, as opposed to telling them what happened. */
export const TO_DO_KINDS: ReadonlySet<NotificationKind> = new Set(['approval_requested', 'cancellation_requested', 'trip_approval_requested', 'claim_approval_requested']);

const TRIP_KINDS: ReadonlySet<NotificationKind> = new Set(['trip_approval_requested', 'trip_approved', 'trip_approved_step', 'trip_rejected', 'trip_companion']);
const CLAIM_KINDS: ReadonlySet<NotificationKind> = new Set(['claim_approval_requested', 'claim_approved', 'claim_approved_step', 'claim_rejected', 'claim_paid']);

/** What a notification is about: leave (or a delegation), a trip, a claim, a meeting notice or a form. */
export function documentOf(kind: NotificationKind): 'leave' | 'trip' | 'claim' | 'meeting' | 'form' {
  if (kind.startsWith('meeting_')) return 'meeting';
  if (kind === 'form_new_version') return 'form';
  return TRIP_KINDS.has(kind) ? 'trip' : CLAIM_KINDS.has(kind) ? 'claim' : 'leave';
}

/** Meeting items that ask for the user's reply, while it is still owed (see MeetingSubject.awaitingReply). */
const REPLY_KINDS: ReadonlySet<NotificationKind> = new Set(['meeting_invited', 'meeting_substitute', 'meeting_rescheduled', 'meeting_reminded']);

/** Whether the item still waits for the user's reply to a meeting notice, as of `now`. */
export function awaitsReply(item: Pick<NotificationItem, 'kind' | 'meeting'>, now: string): boolean {
  const m = item.meeting;
  return REPLY_KINDS.has(item.kind) && m !== null && m.awaitingReply && Date.parse(now) < Date.parse(m.endAt);
}

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

export interface TripSubject {
  purpose: string;
  /** Where it goes, in travel order, without the way home. */
  destinations: string[];
  startDate: string;
  endDate: string;
}

export interface ClaimSubject {
  title: string;
  totalFen: number;
  /** What finance pays (negative: what the requester gives back). */
  payableFen: number;
  /** The payment's bank or voucher reference (claim_paid only). */
  paymentReference: string | null;
}

export interface MeetingSubject {
  title: string;
  /** The time and place the item tells of: for a change, those it set (later changes aside). */
  startAt: string;
  endAt: string;
  location: string;
  replyDeadline: string | null;
  /** What a change replaced (meeting_rescheduled, meeting_relocated); null when it did not change. */
  previousStartAt: string | null;
  previousLocation: string | null;
  /** The reply reported to the organizer (meeting_reply), and whom it sends instead. */
  response: ReplyResponse | null;
  substituteId: string | null;
  /** The leave of an attendee during the meeting (meeting_leave_conflict). */
  absence: Pick<Absence, 'startDate' | 'startHalf' | 'endDate' | 'endHalf'> | null;
  /** The user still owes a reply to this notice (none yet, or "attending" given for an earlier time). */
  awaitingReply: boolean;
  /** What is owed is a re-confirmation: the user said "attending" before the time changed. */
  needsReconfirm: boolean;
}

export interface FormSubject {
  title: string;
  version: string;
  effectiveOn: string;
  /** What changed, as the publisher wrote it. */
  note: string;
}

export interface NotificationItem {
  /** Stable across re-derivations, so read state sticks: the same fact always has the same id. */
  id: string;
  kind: NotificationKind;
  /** When it happened (server time for synced facts); the list is newest first. */
  at: string;
  /** The leave request, trip, claim, meeting or form it is about. */
  requestId: string | null;
  delegationId: string | null;
  /** Who caused it: the requester (to-do), the decider, or the delegator. */
  actorId: string;
  /** Whose authority the actor used: the principal of an acting approver. */
  onBehalfOfId: string | null;
  comment: string | null;
  leave: LeaveSubject | null;
  delegation: DelegationSubject | null;
  trip: TripSubject | null;
  claim: ClaimSubject | null;
  meeting: MeetingSubject | null;
  form: FormSubject | null;
  unread: boolean;
}

/** The trips and claims notifications are derived from (renderer/db/hooks/notificationsTravel.ts). */
export interface TravelDeriveInput {
  myTrips: readonly TravelRequest[];
  myClaims: readonly Claim[];
  tripsOnMe: readonly TravelRequest[];
  claimsOnMe: readonly Claim[];
  companionTrips: readonly TravelRequest[];
  /**
   * Trip and claim items count as unread only after this too: the device's starting point for
   * them, which may be later than the one for leave. null: not taken yet, nothing is unread.
   */
  readFrom: string | null;
}

/** A saved copy of a form that a newer version replaced (renderer/db/hooks/forms.ts outdatedSavedForms). */
export interface OutdatedForm {
  template: Pick<FormTemplate, 'id' | 'title'>;
  saved: { savedAt: string };
  newer: FormVersion;
}

/** Meeting notices and saved forms (renderer/db/hooks/notificationsMeetings.ts). */
export interface NoticesDeriveInput {
  /** Notices listing the user as an attendee. */
  invited: readonly Meeting[];
  /** Notices the user issued. */
  organized: readonly Meeting[];
  /** The replies to those notices this device holds: the user's own, those naming them substitute, and every reply to what they organize. */
  replies: readonly MeetingReply[];
  /** Approved leave of the attendees of what the user organizes. */
  absences: readonly Absence[];
  /**
   * When this device first held each notice it was invited to, as the notice's `updatedAt`
   * then: the moment it was invited, even when that was by an edit long after the notice was
   * issued. A notice not in the map is being seen for the first time.
   */
  seen: ReadonlyMap<string, string>;
  outdatedForms: readonly OutdatedForm[];
  /** This device's starting point for these items; null: not taken yet, nothing is unread. */
  readFrom: string | null;
}

export interface DeriveInput {
  userId: string;
  myRequests: readonly LeaveRequest[];
  pendingOnMe: readonly LeaveRequest[];
  delegations: readonly Delegation[];
  /** Trips and claims; without them, leave and delegations only. */
  travel?: TravelDeriveInput;
  /** Meeting notices and saved forms; without them, none of those. */
  notices?: NoticesDeriveInput;
  /**
   * Everything at or before this instant is read. null: no starting point yet (the first sync
   * on this device is still running), and nothing counts as unread until there is one.
   */
  readUpTo: string | null;
  readIds: ReadonlySet<string>;
}

export type Draft = Omit<NotificationItem, 'unread'>;

/** The fields a leave or delegation item leaves empty. */
const NO_TRAVEL = { trip: null, claim: null, meeting: null, form: null } as const;

function subjectOf(r: LeaveRequest): LeaveSubject {
  return { typeId: r.type, startDate: r.startDate, startHalf: r.startHalf, endDate: r.endDate, endHalf: r.endHalf, days: r.days };
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
      ...NO_TRAVEL,
    });
  });
  return out;
}

function pendingItem(userId: string, request: LeaveRequest, delegations: ReadonlyMap<string, Delegation>): Draft | null {
  if (request.requesterId === userId || !request.pendingApproverIds.includes(userId)) return null;
  const cancellation = request.cancellation?.status === 'pending' ? request.cancellation : null;
  const steps = cancellation ? cancellation.steps : request.steps;
  const phaseStart = cancellation ? cancellation.requestedAt : (request.history[0]?.at ?? request.createdAt);
  const waiting = waitingOn(userId, steps, phaseStart, delegations);
  if (!waiting) return null;
  const { index, at, onBehalfOfId } = waiting;
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
    ...NO_TRAVEL,
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
    ...NO_TRAVEL,
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
  const travel = input.travel ? travelDrafts(userId, input.travel, byId) : [];
  const notices = input.notices ? noticeDrafts(userId, input.notices) : [];
  // Trips and claims, and notices and forms, have starting points of their own, and nothing
  // before both that one and the leave one is new.
  const startOf = (from: string | null | undefined) => (input.readUpTo === null || from === null || from === undefined ? null : latest([input.readUpTo, from]));
  const travelReadUpTo = startOf(input.travel?.readFrom);
  const noticesReadUpTo = startOf(input.notices?.readFrom);
  const seen = new Set<string>();
  const unique = (d: Draft) => (seen.has(d.id) ? false : (seen.add(d.id), true));
  return [
    ...drafts.filter(unique).map((d) => ({ ...d, unread: isUnread(d, input.readUpTo, input.readIds) })),
    ...travel.filter(unique).map((d) => ({ ...d, unread: isUnread(d, travelReadUpTo, input.readIds) })),
    ...notices.filter(unique).map((d) => ({ ...d, unread: isUnread(d, noticesReadUpTo, input.readIds) })),
  ].sort((a, b) => (a.at === b.at ? a.id.localeCompare(b.id) : a.at < b.at ? 1 : -1));
}

/** The newest instant among `items`: where "mark all read" moves the watermark. */
export function newestAt(items: readonly Pick<NotificationItem, 'at'>[], fallback: string): string {
  return latest([fallback, ...items.map((i) => i.at)]);
}

/**
 * Where a notification leads: the approval inbox (leave, or trips and claims), the user's own
 * request, trip or claim, the delegation page, the meeting notice or the form.
 */
export function linkOf(item: Pick<NotificationItem, 'kind' | 'requestId'>): string {
  const doc = documentOf(item.kind);
  if (doc === 'meeting' || doc === 'form') {
    const list = doc === 'meeting' ? '/meetings' : '/forms';
    return item.requestId ? `${list}/${item.requestId}` : list;
  }
  if (TO_DO_KINDS.has(item.kind)) return doc === 'leave' ? '/approvals' : '/approvals/travel';
  if (item.kind === 'delegation_received') return '/delegation';
  const list = doc === 'trip' ? '/trips' : doc === 'claim' ? '/claims' : '/requests';
  return item.requestId ? `${list}/${item.requestId}` : list;
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
