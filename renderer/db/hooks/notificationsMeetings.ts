// The documents notifications about meeting notices and saved forms are derived from, next to
// the leave (./notifications.ts) and travel (./notificationsTravel.ts) ones, with a starting
// point of their own so that a device that had notifications before meetings existed is not
// flooded with every old notice. Also this device's meeting reminder: how long before a
// meeting starts to pop up a desktop notification, and which reminders it already showed.
import { useLiveQuery } from 'dexie-react-hooks';
import { addDays, AGENCY_UTC_OFFSET_MINUTES } from '../../../shared/calendar/dates';
import { meetingReplyId, type Absence, type Meeting, type MeetingReply } from '../../../shared/domain/meeting';
import type { BureauDb } from '../database';
import { useStore } from '../hooks';
import type { LocalStore } from '../localStore';
import { outdatedSavedForms, type OutdatedSavedForm } from './forms';
import { meetingsEndingAfter } from './meetings';
import { ANNOUNCED_KEY } from './notifications';

/** Meeting and form notifications count as unread only after this instant (set once per device). */
export const NOTICES_READ_FROM_KEY = 'notifications.noticesFrom';
/** Meeting id → the notice's updatedAt when this device first held it (when the user was invited). */
export const MEETINGS_SEEN_KEY = 'notifications.meetingsSeen';
/** Minutes before a meeting's start for the desktop reminder; null: none. Missing: the default. */
export const MEETING_REMINDER_MINUTES_KEY = 'notifications.meetingReminderMinutes';
/** Reminders already shown ("meeting:revision"), so a restart or a second tab does not repeat one. */
export const MEETING_REMINDERS_FIRED_KEY = 'notifications.meetingRemindersFired';

export const MEETING_REMINDER_CHOICES = [5, 10, 15, 30, 60] as const;
export const DEFAULT_MEETING_REMINDER_MINUTES = 15;
/** Seen notices kept at most (the newest); a notice long gone from the device needs no entry. */
const MAX_SEEN = 2000;
/** Notices that ended longer ago than this no longer give notifications (nor are read for them). */
export const NOTICE_NOTIFICATION_DAYS = 30;

/** The start (agency midnight) of the day `days` before `today`, as an instant. */
function daysBefore(today: string, days: number): string {
  return new Date(Date.parse(`${addDays(today, -days)}T00:00:00.000Z`) - AGENCY_UTC_OFFSET_MINUTES * 60_000).toISOString();
}

export interface NoticeNotificationSources {
  /** Notices listing the user as an attendee (ended in the last NOTICE_NOTIFICATION_DAYS days at most). */
  invited: Meeting[];
  /** Notices the user issued (the same window). */
  organized: Meeting[];
  /** The replies to those notices held here (the user's own, a nominator's, and all replies to what the user organizes). */
  replies: MeetingReply[];
  /** Approved leave of the people on the notices the user organizes. */
  absences: Absence[];
  seen: ReadonlyMap<string, string>;
  /** Saved copies of forms a newer version has replaced (renderer/db/hooks/forms.ts). */
  outdatedForms: OutdatedSavedForm[];
  /** null until this device has taken its starting point for meetings and forms. */
  readFrom: string | null;
}

function stringArray(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

function stringRecord(value: unknown): Record<string, string> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
  return Object.fromEntries(Object.entries(value).filter((e): e is [string, string] => typeof e[1] === 'string'));
}

/**
 * Reads the sources once (for tests, the starting point and the live query below). `today` is
 * the agency date. Only notices that ended at most NOTICE_NOTIFICATION_DAYS days ago are read
 * (through the `endAt` index), with the replies to them and the leave of their attendees: a
 * device holding years of notices reads a few weeks' worth.
 */
export async function loadNoticeNotificationSources(store: Pick<LocalStore, 'db' | 'userId'>, today: string): Promise<NoticeNotificationSources> {
  const { db, userId } = store;
  return db.transaction('r', [db.meetings, db.meetingReplies, db.absences, db.savedForms, db.formTemplates, db.meta], async () => {
    const [recent, seen, from] = await Promise.all([meetingsEndingAfter(db, userId, daysBefore(today, NOTICE_NOTIFICATION_DAYS)), db.meta.get(MEETINGS_SEEN_KEY), db.meta.get(NOTICES_READ_FROM_KEY)]);
    const invited = recent.filter((m) => m.attendeeIds.includes(userId));
    const organized = recent.filter((m) => m.organizerId === userId);
    const meetingIds = [...new Set([...invited, ...organized].map((m) => m.id))];
    const people = [...new Set(organized.flatMap((m) => m.attendeeIds))];
    const [replies, absences, outdatedForms] = await Promise.all([
      meetingIds.length === 0 ? [] : db.meetingReplies.where('meetingId').anyOf(meetingIds).toArray(),
      people.length === 0 ? [] : db.absences.where('userId').anyOf(people).toArray(),
      outdatedSavedForms(db, today),
    ]);
    return {
      invited,
      organized,
      replies,
      absences: absences.filter((a) => a.active),
      seen: new Map(Object.entries(stringRecord(seen?.value))),
      outdatedForms,
      readFrom: typeof from?.value === 'string' ? from.value : null,
    };
  });
}

/** The sources, kept current by Dexie; `today` (agency date) decides which form version is in force. */
export function useNoticeNotificationSources(today: string): NoticeNotificationSources | undefined {
  const store = useStore();
  return useLiveQuery(() => loadNoticeNotificationSources(store, today), [store, today]);
}

/**
 * Takes the starting point for meeting and form notifications: everything derived so far
 * (`ids`, the newest at `from`) counts as read and as already announced, and the notices held
 * now count as seen when they were issued. Does nothing when this device has one already
 * (another tab was first). Returns whether it was set.
 */
export async function startNoticeNotifications(store: Pick<LocalStore, 'db'>, from: string, ids: readonly string[], meetings: readonly Pick<Meeting, 'id' | 'createdAt'>[]): Promise<boolean> {
  const { db } = store;
  return db.transaction('rw', db.meta, async () => {
    if (typeof (await db.meta.get(NOTICES_READ_FROM_KEY))?.value === 'string') return false;
    const announced = stringArray((await db.meta.get(ANNOUNCED_KEY))?.value);
    const known = new Set(announced);
    const seen = stringRecord((await db.meta.get(MEETINGS_SEEN_KEY))?.value);
    for (const m of meetings) seen[m.id] ??= m.createdAt;
    await db.meta.bulkPut([
      { key: NOTICES_READ_FROM_KEY, value: from },
      { key: ANNOUNCED_KEY, value: [...announced, ...ids.filter((id) => !known.has(id))] },
      { key: MEETINGS_SEEN_KEY, value: seen },
    ]);
    return true;
  });
}

/**
 * Remembers when this device first held each notice the user is invited to (the notice's
 * `updatedAt` then), so that "invited" stays dated when it arrived while the notice changes
 * on. Entries of notices no longer held are dropped. Writes only when something changed.
 */
export async function recordMeetingsSeen(store: Pick<LocalStore, 'db'>, meetings: readonly Pick<Meeting, 'id' | 'updatedAt'>[]): Promise<void> {
  const { db } = store;
  await db.transaction('rw', db.meta, async () => {
    const seen = stringRecord((await db.meta.get(MEETINGS_SEEN_KEY))?.value);
    const held = new Set(meetings.map((m) => m.id));
    const next = Object.entries(seen).filter(([id]) => held.has(id));
    const added = meetings.filter((m) => !(m.id in seen)).map((m): [string, string] => [m.id, m.updatedAt]);
    if (added.length === 0 && next.length === Object.keys(seen).length) return;
    await db.meta.put({ key: MEETINGS_SEEN_KEY, value: Object.fromEntries([...next, ...added].slice(-MAX_SEEN)) });
  });
}

export function isMeetingReminderChoice(value: unknown): value is (typeof MEETING_REMINDER_CHOICES)[number] {
  return typeof value === 'number' && (MEETING_REMINDER_CHOICES as readonly number[]).includes(value);
}

/** This device's reminder: minutes before the start, or null for none. */
export async function readMeetingReminderMinutes(db: BureauDb): Promise<number | null> {
  const entry = await db.meta.get(MEETING_REMINDER_MINUTES_KEY);
  if (entry?.value === null) return null;
  return isMeetingReminderChoice(entry?.value) ? entry.value : DEFAULT_MEETING_REMINDER_MINUTES;
}

/** Sets this device's reminder (one of MEETING_REMINDER_CHOICES, or null for none); anything else changes nothing. */
export async function setMeetingReminderMinutes(store: Pick<LocalStore, 'db'>, minutes: number | null): Promise<void> {
  if (minutes !== null && !isMeetingReminderChoice(minutes)) throw new RangeError(`not a reminder choice: ${String(minutes)}`);
  await store.db.meta.put({ key: MEETING_REMINDER_MINUTES_KEY, value: minutes });
}

/** The reminder setting; undefined while it is being read. */
export function useMeetingReminderSetting(): number | null | undefined {
  const store = useStore();
  return useLiveQuery(() => readMeetingReminderMinutes(store.db), [store]);
}

/**
 * Minutes before a meeting for the reminder (the desktop pop-up here, and the alarm of an
 * exported .ics file), or null when the user turned reminders off. The default until read.
 */
export function useMeetingReminderMinutes(): number | null {
  const value = useMeetingReminderSetting();
  return value === undefined ? DEFAULT_MEETING_REMINDER_MINUTES : value;
}

export interface MeetingReminderSources {
  /** Notices the user organizes or is invited to that had not ended at the start of yesterday (agency time). */
  meetings: Meeting[];
  /** The user's own replies to them. */
  replies: MeetingReply[];
}

/**
 * The notices a reminder may still be due for, and the user's replies to them. From the start
 * of the day before `today` (agency date): a margin, so the query changes once a day only.
 */
export async function loadMeetingReminderSources(store: Pick<LocalStore, 'db' | 'userId'>, today: string): Promise<MeetingReminderSources> {
  const { db, userId } = store;
  return db.transaction('r', [db.meetings, db.meetingReplies], async () => {
    const meetings = await meetingsEndingAfter(db, userId, daysBefore(today, 1));
    const replies = await db.meetingReplies.bulkGet(meetings.map((m) => meetingReplyId(m.id, userId)));
    return { meetings, replies: replies.filter((r): r is MeetingReply => r !== undefined) };
  });
}

export function useMeetingReminderSources(today: string): MeetingReminderSources | undefined {
  const store = useStore();
  return useLiveQuery(() => loadMeetingReminderSources(store, today), [store, today]);
}

/**
 * Claims the right to show the reminders `due` (keys "meeting:revision"). Returns those not
 * shown before; in one transaction, so two tabs never both show one. The list kept is pruned
 * to `upcoming` (the keys of meetings not started yet): a started meeting is never due again.
 */
export async function claimMeetingReminders(store: Pick<LocalStore, 'db'>, due: readonly string[], upcoming: readonly string[]): Promise<string[]> {
  const { db } = store;
  return db.transaction('rw', db.meta, async () => {
    const fired = new Set(stringArray((await db.meta.get(MEETING_REMINDERS_FIRED_KEY))?.value));
    const fresh = [...new Set(due)].filter((key) => !fired.has(key));
    const alive = new Set([...upcoming, ...due]);
    const kept = [...fired].filter((key) => alive.has(key));
    if (fresh.length === 0 && kept.length === fired.size) return [];
    await db.meta.put({ key: MEETING_REMINDERS_FIRED_KEY, value: [...kept, ...fresh] });
    return fresh;
  });
}
