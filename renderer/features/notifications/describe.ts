// A notification in words, for the list and for the desktop. Composed here, in the renderer's
// language, so the operating system's notification says the same as the bell does.
import type { TFunction } from 'i18next';
import { formatYuan } from '../../../shared/money/money';
import type { NotificationRequest } from '../../../shared/protocol/ipc';
import { formatSpan } from '../leave/format';
import { awaitsReply, TO_DO_KINDS, type ClaimSubject, type NotificationItem, type TripSubject } from './derive';
import { describeNotice } from './describeNotices';

export interface DescribeContext {
  nameOf(userId: string): string;
  /** The leave type's display name in the current language. */
  typeName(typeId: string): string;
  /** The current language, for dates and times written out (meeting notices). */
  language: string;
}

export interface NotificationText {
  /** One sentence: who did what. */
  headline: string;
  /** What it is about: the leave (type, dates, days), the trip (purpose, where, when), the claim (title, total) or the meeting. */
  subject: string | null;
  /** The approver's comment, the reason for a cancellation, the delegation's note, a reply's reason or what a new form version changed. */
  remark: string | null;
}

function actor(t: TFunction, item: NotificationItem, ctx: DescribeContext): string {
  const name = ctx.nameOf(item.actorId);
  return item.onBehalfOfId ? t('notifications.onBehalf', { name, principal: ctx.nameOf(item.onBehalfOfId) }) : name;
}

function headline(t: TFunction, item: NotificationItem, ctx: DescribeContext): string {
  switch (item.kind) {
    case 'approval_requested':
    case 'cancellation_requested':
    case 'trip_approval_requested':
    case 'claim_approval_requested': {
      const name = ctx.nameOf(item.actorId);
      if (item.onBehalfOfId) return t(`notifications.kind.${item.kind}.acting`, { name, principal: ctx.nameOf(item.onBehalfOfId) });
      return t(`notifications.kind.${item.kind}`, { name });
    }
    case 'delegation_received': {
      const name = ctx.nameOf(item.actorId);
      const d = item.delegation;
      if (!d || d.kind === 'standing' || d.startDate === null || d.endDate === null) return t('notifications.kind.delegation_received.standing', { name });
      const key = d.kind === 'on_leave' ? 'notifications.kind.delegation_received.on_leave' : 'notifications.kind.delegation_received.manual';
      return t(key, { name, start: d.startDate, end: d.endDate });
    }
    case 'trip_companion':
      return t('notifications.kind.trip_companion', { name: ctx.nameOf(item.actorId) });
    case 'claim_paid': {
      const payable = item.claim?.payableFen ?? 0;
      // A claim smaller than its advance is settled by the requester paying the rest back.
      if (payable < 0) return t('notifications.kind.claim_paid.refund', { actor: actor(t, item, ctx), amount: formatYuan(-payable) });
      return t('notifications.kind.claim_paid', { actor: actor(t, item, ctx), amount: formatYuan(payable) });
    }
    case 'meeting_invited':
    case 'meeting_substitute':
    case 'meeting_rescheduled':
    case 'meeting_relocated':
    case 'meeting_cancelled':
    case 'meeting_reminded':
    case 'meeting_reply':
    case 'meeting_leave_conflict':
    case 'form_new_version':
      // Worded by ./describeNotices.ts, from the meeting or form the item carries.
      return describeNotice(t, item, ctx)?.headline ?? '';
    default:
      return t(`notifications.kind.${item.kind}`, { actor: actor(t, item, ctx) });
  }
}

/** Long purposes are cut: the subject is one line under the headline. */
const PURPOSE_MAX = 60;

function tripSubject(t: TFunction, trip: TripSubject): string {
  const range = trip.startDate === trip.endDate ? trip.startDate : t('notifications.range', { start: trip.startDate, end: trip.endDate });
  const purpose = clip(trip.purpose.trim(), PURPOSE_MAX);
  const places = trip.destinations.reduce((list, next) => (list === '' ? next : t('notifications.placesMore', { list, next })), '');
  return t('notifications.subject.trip', { purpose, places, range });
}

function claimSubject(t: TFunction, claim: ClaimSubject): string {
  const title = claim.title.trim() || t('notifications.untitledClaim');
  if (claim.paymentReference) return t('notifications.subject.claimPaid', { title, reference: claim.paymentReference });
  return t('notifications.subject.claim', { title, amount: formatYuan(claim.totalFen) });
}

function subject(t: TFunction, item: NotificationItem, ctx: DescribeContext): string | null {
  if (item.trip) return tripSubject(t, item.trip);
  if (item.claim) return claimSubject(t, item.claim);
  const leave = item.leave;
  if (!leave) return null;
  return t('notifications.subject', { type: ctx.typeName(leave.typeId), span: formatSpan(t, leave), days: t('notifications.days', { count: leave.days }) });
}

function remark(t: TFunction, item: NotificationItem): string | null {
  const text = item.comment?.trim();
  if (!text) return null;
  if (item.kind === 'cancellation_requested') return t('notifications.remark.cancelReason', { text });
  if (item.kind === 'delegation_received') return t('notifications.remark.note', { text });
  return t('notifications.remark.comment', { text });
}

export function describeNotification(t: TFunction, item: NotificationItem, ctx: DescribeContext): NotificationText {
  const notice = describeNotice(t, item, ctx);
  if (notice) return notice;
  return { headline: headline(t, item, ctx), subject: subject(t, item, ctx), remark: remark(t, item) };
}

/** Limits of the desktop channel (shared/protocol/ipc.ts notificationSchema). */
const TITLE_MAX = 200;
const BODY_MAX = 1000;
/** More new notifications than this at once (back from a day offline) become one summary. */
export const DESKTOP_SUMMARY_OVER = 3;

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/**
 * The desktop notifications for newly arrived items: one each, or a single summary when many
 * arrive together, so that coming back online does not bury the screen in pop-ups.
 */
export function desktopNotificationsFor(t: TFunction, fresh: readonly NotificationItem[], ctx: DescribeContext, now: string = new Date().toISOString()): NotificationRequest[] {
  if (fresh.length === 0) return [];
  if (fresh.length > DESKTOP_SUMMARY_OVER) {
    const toDo = fresh.filter((i) => TO_DO_KINDS.has(i.kind)).length;
    const toReply = fresh.filter((i) => awaitsReply(i, now)).length;
    const approvals = toDo > 0 ? t('notifications.desktop.summaryToDo', { count: toDo }) : null;
    const replies = toReply > 0 ? t('notifications.desktop.summaryReply', { count: toReply }) : null;
    const body = approvals && replies ? t('notifications.desktop.summaryTwo', { first: approvals, second: replies }) : (approvals ?? replies ?? t('notifications.desktop.summaryBody'));
    return [{ title: clip(t('notifications.desktop.summary', { count: fresh.length }), TITLE_MAX), body: clip(body, BODY_MAX) }];
  }
  return fresh.map((item) => {
    const text = describeNotification(t, item, ctx);
    return { title: clip(text.headline, TITLE_MAX), body: clip([text.subject, text.remark].filter((s): s is string => s !== null).join('\n'), BODY_MAX) };
  });
}
