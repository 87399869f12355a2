// The desktop reminder before a meeting: which meetings are due a reminder at an instant, when
// the next one falls due, and the words of the pop-up. Pure, so "what is due at T" is tested
// without clocks; the timer is in ./useMeetingReminders.ts.
import type { TFunction } from 'i18next';
import type { Meeting, MeetingReply } from '../../../shared/domain/meeting';
import { replyState } from '../../../shared/meetings/receipts';
import type { NotificationRequest } from '../../../shared/protocol/ipc';
import { formatClock } from './describeNotices';

const MINUTE = 60_000;

/** One reminder per meeting and time: a new time is reminded of again, a new room is not. */
export function reminderKey(meeting: Pick<Meeting, 'id' | 'scheduleRevision'>): string {
  return `${meeting.id}:r${meeting.scheduleRevision}`;
}

/**
 * Whether the user goes to the meeting: its organizer, or an attendee who said they attend or
 * has not answered (a "yes" given before a new time still counts until they say otherwise).
 * Not someone who sent word they are absent or sent a substitute, nor to a cancelled meeting.
 */
export function attends(userId: string, meeting: Meeting, reply: MeetingReply | null | undefined): boolean {
  if (meeting.status !== 'scheduled') return false;
  if (meeting.organizerId === userId) return true;
  if (!meeting.attendeeIds.includes(userId)) return false;
  const state = replyState(meeting, reply);
  return state === 'attending' || state === 'no_reply' || state === 'needs_reconfirm';
}

export interface ReminderInput {
  userId: string;
  /** The meetings the user organizes or is invited to. */
  meetings: readonly Meeting[];
  /** The user's own replies. */
  replies: readonly MeetingReply[];
  /** Minutes before the start; null: reminders are off. */
  minutes: number | null;
  now: string;
  /** Keys of reminders already shown on this device. */
  fired: ReadonlySet<string>;
}

export interface DueReminder {
  key: string;
  meeting: Meeting;
}

function attended(input: ReminderInput): Meeting[] {
  const mine = new Map(input.replies.filter((r) => r.userId === input.userId).map((r) => [r.meetingId, r]));
  return input.meetings.filter((m) => attends(input.userId, m, mine.get(m.id)));
}

/**
 * The reminders due at `now`: meetings the user attends that start within `minutes` and have
 * not started yet, not reminded of before for their current time. Soonest first. A device that
 * was off when the reminder fell due shows it when it starts again, as long as the meeting has
 * not begun.
 */
export function meetingRemindersDue(input: ReminderInput): DueReminder[] {
  if (input.minutes === null) return [];
  const now = Date.parse(input.now);
  const lead = input.minutes * MINUTE;
  return attended(input)
    .filter((m) => {
      const start = Date.parse(m.startAt);
      return now >= start - lead && now < start && !input.fired.has(reminderKey(m));
    })
    .sort((a, b) => Date.parse(a.startAt) - Date.parse(b.startAt))
    .map((meeting) => ({ key: reminderKey(meeting), meeting }));
}

/** The keys of the meetings the user attends that have not started at `now`: the reminders still worth remembering. */
export function upcomingReminderKeys(input: Omit<ReminderInput, 'minutes' | 'fired'>): string[] {
  const now = Date.parse(input.now);
  return attended({ ...input, minutes: null, fired: new Set() })
    .filter((m) => Date.parse(m.startAt) > now)
    .map(reminderKey);
}

/** When the next reminder after `now` falls due (ms), or null when none will. */
export function nextReminderAt(input: ReminderInput): number | null {
  if (input.minutes === null) return null;
  const now = Date.parse(input.now);
  const lead = input.minutes * MINUTE;
  let next: number | null = null;
  for (const m of attended(input)) {
    const at = Date.parse(m.startAt) - lead;
    if (at > now && (next === null || at < next)) next = at;
  }
  return next;
}

/** The pop-up: the meeting's title, when it starts and how soon, and where. */
export function reminderNotification(t: TFunction, meeting: Meeting, now: string): NotificationRequest {
  const minutes = Math.round((Date.parse(meeting.startAt) - Date.parse(now)) / MINUTE);
  const time = formatClock(meeting.startAt);
  const when = minutes >= 1 ? t('notifications.meetingReminder.startsIn', { time, count: minutes }) : t('notifications.meetingReminder.startsNow', { time });
  const location = meeting.location.trim();
  const body = location ? `${when}\n${t('notifications.meetingReminder.where', { location })}` : when;
  const title = t('notifications.meetingReminder.desktopTitle', { title: meeting.title });
  return { title: title.length <= 200 ? title : `${title.slice(0, 199)}…`, body: body.slice(0, 1000) };
}
