// Meeting and form notifications in words: who did what to which notice, with its time and place
// in the agency's time (UTC+8), whatever zone the computer is set to.
import type { TFunction } from 'i18next';
import { AGENCY_UTC_OFFSET_MINUTES } from '../../../shared/calendar/dates';
import { formatSpan } from '../leave/format';
import type { MeetingSubject, NotificationItem } from './derive';
import type { DescribeContext, NotificationText } from './describe';

const OFFSET_MS = AGENCY_UTC_OFFSET_MINUTES * 60_000;
/** A reason in a headline stays one line; the page shows it in full. */
const REASON_MAX = 60;

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

const agencyYear = (instant: string) => new Date(Date.parse(instant) + OFFSET_MS).getUTCFullYear();

/**
 * "12月2日 09:30" in the agency's time and the user's language; with the year when it is not
 * the year of `reference` (when the item happened).
 */
export function formatMeetingTime(instant: string, language: string, reference: string = instant): string {
  const shifted = new Date(Date.parse(instant) + OFFSET_MS);
  const options: Intl.DateTimeFormatOptions = { timeZone: 'UTC', hourCycle: 'h23', month: 'long', day: 'numeric', hour: '2-digit', minute: '2-digit' };
  if (agencyYear(instant) !== agencyYear(reference)) options.year = 'numeric';
  return new Intl.DateTimeFormat(language, options).format(shifted);
}

/** "09:30" in the agency's time. */
export function formatClock(instant: string): string {
  return new Date(Date.parse(instant) + OFFSET_MS).toISOString().slice(11, 16);
}

function place(t: TFunction, location: string): string {
  return location.trim() || t('notifications.meeting.noLocation');
}

/** The headline of an item asking for a reply, with the deadline when there is one. */
function withDeadline(t: TFunction, text: string, m: MeetingSubject, when: (instant: string) => string): string {
  return m.replyDeadline ? t('notifications.meeting.deadline', { text, deadline: when(m.replyDeadline) }) : text;
}

function meetingHeadline(t: TFunction, item: NotificationItem, m: MeetingSubject, ctx: DescribeContext): string {
  const when = (instant: string) => formatMeetingTime(instant, ctx.language, item.at);
  const name = ctx.nameOf(item.actorId);
  const title = m.title;
  switch (item.kind) {
    case 'meeting_invited':
    case 'meeting_substitute': {
      const details = m.location.trim() ? t('notifications.meeting.details', { when: when(m.startAt), location: m.location.trim() }) : when(m.startAt);
      return withDeadline(t, t(`notifications.kind.${item.kind}`, { name, title, details }), m, when);
    }
    case 'meeting_rescheduled': {
      const text =
        m.previousLocation !== null
          ? t('notifications.kind.meeting_rescheduled.moved', { title, when: when(m.startAt), location: place(t, m.location) })
          : t('notifications.kind.meeting_rescheduled', { title, when: when(m.startAt) });
      if (!m.awaitingReply) return text;
      return m.needsReconfirm ? t('notifications.meeting.reconfirm', { text }) : t('notifications.meeting.replyPlease', { text });
    }
    case 'meeting_relocated':
      return t('notifications.kind.meeting_relocated', { title, location: place(t, m.location) });
    case 'meeting_cancelled':
      return t('notifications.kind.meeting_cancelled', { name, title, when: when(m.startAt) });
    case 'meeting_reminded':
      return t(m.needsReconfirm ? 'notifications.kind.meeting_reminded.reconfirm' : 'notifications.kind.meeting_reminded', { name, title, when: when(m.startAt) });
    case 'meeting_reply': {
      const replier = item.onBehalfOfId ? t('notifications.onBehalf', { name, principal: ctx.nameOf(item.onBehalfOfId) }) : name;
      if (m.response === 'substitute') return t('notifications.kind.meeting_reply.substitute', { name: replier, substitute: m.substituteId ? ctx.nameOf(m.substituteId) : '—' });
      if (m.response === 'absent') {
        const reason = item.comment?.trim();
        return reason ? t('notifications.kind.meeting_reply.absentReason', { name: replier, reason: clip(reason, REASON_MAX) }) : t('notifications.kind.meeting_reply.absent', { name: replier });
      }
      return t('notifications.kind.meeting_reply.attending', { name: replier });
    }
    case 'meeting_leave_conflict':
      return t('notifications.kind.meeting_leave_conflict', { name });
    default:
      return title;
  }
}

function meetingSubjectText(t: TFunction, item: NotificationItem, m: MeetingSubject, ctx: DescribeContext): string | null {
  const when = (instant: string) => formatMeetingTime(instant, ctx.language, item.at);
  switch (item.kind) {
    case 'meeting_rescheduled': {
      const before = m.previousStartAt ? when(m.previousStartAt) : '';
      return m.previousLocation !== null ? t('notifications.meeting.wasAtIn', { when: before, location: place(t, m.previousLocation) }) : t('notifications.meeting.wasAt', { when: before });
    }
    case 'meeting_relocated':
      return t('notifications.meeting.wasIn', { location: place(t, m.previousLocation ?? '') });
    case 'meeting_reminded':
      return m.replyDeadline ? t('notifications.meeting.replyBy', { deadline: when(m.replyDeadline) }) : null;
    case 'meeting_reply':
    case 'meeting_leave_conflict':
      return t('notifications.meeting.about', { title: m.title, when: when(m.startAt) });
    default:
      return null;
  }
}

function meetingRemark(t: TFunction, item: NotificationItem, m: MeetingSubject): string | null {
  if (item.kind === 'meeting_leave_conflict' && m.absence) return t('notifications.remark.leave', { span: formatSpan(t, m.absence) });
  const text = item.comment?.trim();
  if (!text) return null;
  switch (item.kind) {
    case 'meeting_cancelled':
      return t('notifications.remark.meetingCancelReason', { text });
    case 'meeting_rescheduled':
    case 'meeting_relocated':
      return t('notifications.remark.changeNote', { text });
    case 'meeting_reply':
      // An absence's reason is in the headline; the rest is said in full here.
      return m.response === 'absent' && text.length <= REASON_MAX ? null : t('notifications.remark.replyNote', { text });
    default:
      return null;
  }
}

/** The words of a meeting or form item; null for any other. */
export function describeNotice(t: TFunction, item: NotificationItem, ctx: DescribeContext): NotificationText | null {
  if (item.form) {
    const f = item.form;
    const note = f.note.trim();
    return {
      headline: t('notifications.kind.form_new_version', { title: f.title, version: f.version, date: f.effectiveOn }),
      subject: null,
      remark: note ? t('notifications.remark.formNote', { text: note }) : null,
    };
  }
  const m = item.meeting;
  if (!m) return null;
  return { headline: meetingHeadline(t, item, m, ctx), subject: meetingSubjectText(t, item, m, ctx), remark: meetingRemark(t, item, m) };
}
