// Notifications about business trips and expense claims, by the same rules as leave: what waits
// for the user (as approver or acting approver, finance's review included), what others decided
// on the user's own trips and claims, the payment of a claim, and a trip the user goes on as a
// companion once it is approved. Never what the user did themselves.
import type { Claim } from '../../../shared/domain/claim';
import type { Delegation } from '../../../shared/domain/delegation';
import type { TimelineEvent } from '../../../shared/domain/leave';
import type { TravelRequest } from '../../../shared/domain/travel';
import { destinationsOf } from '../travel/format';
import type { ClaimSubject, Draft, NotificationKind, TravelDeriveInput, TripSubject } from './derive';
import { waitingOn } from './routing';

type Routed = { kind: 'trip'; doc: TravelRequest } | { kind: 'claim'; doc: Claim };

function tripSubject(trip: TravelRequest): TripSubject {
  return { purpose: trip.purpose, destinations: destinationsOf(trip.legs), startDate: trip.startDate, endDate: trip.endDate };
}

function claimSubject(claim: Claim, paymentReference: string | null = null): ClaimSubject {
  return { title: claim.title, totalFen: claim.totalFen, payableFen: claim.payableFen, paymentReference };
}

function subjects(item: Routed, paymentReference: string | null = null): Pick<Draft, 'leave' | 'delegation' | 'trip' | 'claim' | 'meeting' | 'form'> {
  const none = { leave: null, delegation: null, meeting: null, form: null };
  return item.kind === 'trip' ? { ...none, trip: tripSubject(item.doc), claim: null } : { ...none, trip: null, claim: claimSubject(item.doc, paymentReference) };
}

/** The last approval of a document that ended approved (or paid): the one that decided it. */
function finalApprovalIndex(doc: TravelRequest | Claim): number {
  if (doc.status !== 'approved' && doc.status !== 'paid') return -1;
  for (let i = doc.history.length - 1; i >= 0; i--) if (doc.history[i]?.action === 'approved') return i;
  return -1;
}

function decisionKind(item: Routed, event: TimelineEvent, index: number, finalApproval: number): NotificationKind | null {
  switch (event.action) {
    case 'approved':
      if (item.kind === 'trip') return index === finalApproval ? 'trip_approved' : 'trip_approved_step';
      return index === finalApproval ? 'claim_approved' : 'claim_approved_step';
    case 'rejected':
      return item.kind === 'trip' ? 'trip_rejected' : 'claim_rejected';
    case 'paid':
      return item.kind === 'claim' ? 'claim_paid' : null;
    default:
      return null;
  }
}

/** What others did on the requester's own trip or claim, one item per step decision and payment. */
function fromHistory(userId: string, item: Routed): Draft[] {
  const { doc } = item;
  if (doc.requesterId !== userId) return [];
  const finalApproval = finalApprovalIndex(doc);
  const out: Draft[] = [];
  doc.history.forEach((event, index) => {
    const kind = decisionKind(item, event, index, finalApproval);
    // What the user did themselves is never news to them.
    if (!kind || event.actorId === userId) return;
    const paid = kind === 'claim_paid';
    // A payment's comment is its reference, not a remark.
    const reference = paid ? (event.comment ?? (item.kind === 'claim' ? (item.doc.payment?.reference ?? null) : null)) : null;
    out.push({
      id: `${item.kind}:${doc.id}:h${index}`,
      kind,
      at: event.at,
      requestId: doc.id,
      delegationId: null,
      actorId: event.actorId,
      onBehalfOfId: event.onBehalfOfId ?? null,
      comment: paid ? null : event.comment,
      ...subjects(item, reference),
    });
  });
  return out;
}

function pendingItem(userId: string, item: Routed, delegations: ReadonlyMap<string, Delegation>): Draft | null {
  const { doc } = item;
  if (doc.status !== 'pending' || doc.requesterId === userId || !doc.pendingApproverIds.includes(userId)) return null;
  const waiting = waitingOn(userId, doc.steps, doc.history[0]?.at ?? doc.createdAt, delegations);
  if (!waiting) return null;
  return {
    id: `${item.kind}:${doc.id}:r${doc.revision}:s${waiting.index}:${waiting.onBehalfOfId ?? 'self'}`,
    kind: item.kind === 'trip' ? 'trip_approval_requested' : 'claim_approval_requested',
    at: waiting.at,
    requestId: doc.id,
    delegationId: null,
    actorId: doc.requesterId,
    onBehalfOfId: waiting.onBehalfOfId,
    comment: null,
    ...subjects(item),
  };
}

/** A companion hears of the trip once it is approved: dated by the approval that decided it. */
function companionItem(userId: string, trip: TravelRequest): Draft | null {
  if (trip.requesterId === userId || !trip.companionIds.includes(userId)) return null;
  const approval = trip.history[finalApprovalIndex(trip)];
  if (!approval) return null;
  return {
    id: `trip:${trip.id}:companion`,
    kind: 'trip_companion',
    at: approval.at,
    requestId: trip.id,
    delegationId: null,
    actorId: trip.requesterId,
    onBehalfOfId: null,
    comment: null,
    ...subjects({ kind: 'trip', doc: trip }),
  };
}

/** Every trip and claim notification for `userId`, unordered, without read state. */
export function travelDrafts(userId: string, input: TravelDeriveInput, delegations: ReadonlyMap<string, Delegation>): Draft[] {
  const trips = (docs: readonly TravelRequest[]) => docs.map((doc): Routed => ({ kind: 'trip', doc }));
  const claims = (docs: readonly Claim[]) => docs.map((doc): Routed => ({ kind: 'claim', doc }));
  const drafts: Draft[] = [];
  for (const item of [...trips(input.myTrips), ...claims(input.myClaims)]) drafts.push(...fromHistory(userId, item));
  for (const item of [...trips(input.tripsOnMe), ...claims(input.claimsOnMe)]) {
    const draft = pendingItem(userId, item, delegations);
    if (draft) drafts.push(draft);
  }
  for (const trip of input.companionTrips) {
    const draft = companionItem(userId, trip);
    if (draft) drafts.push(draft);
  }
  return drafts;
}
