// Live queries of the meeting notices: the notices the user organizes or is invited to, one
// notice with its replies, the user's own replies, the approved leave of colleagues (for the
// leave-conflict warnings) and which notices still have a change waiting to be sent.
import { useLiveQuery } from 'dexie-react-hooks';
import { meetingReplyId, type Absence, type Meeting, type MeetingReply } from '../../../shared/domain/meeting';
import type { BureauDb } from '../database';
import { useStore } from '../hooks';
import type { LocalStore } from '../localStore';

const byStart = (a: Meeting, b: Meeting) => a.startAt.localeCompare(b.startAt) || a.id.localeCompare(b.id);

/**
 * The index orders `endAt` as text. Instants are stored in UTC ('…Z'), but a notice written
 * before they were normalized may carry an offset ('…+08:00') and sort up to 14 hours away from
 * its real place: the index is asked with that margin, and the exact comparison made on the rows.
 */
const OFFSET_MARGIN_MS = 14 * 60 * 60_000;

/** Notices held here that end after `instant` (the user's: the device holds no others), by start. */
export async function meetingsEndingAfter(db: BureauDb, userId: string, instant: string): Promise<Meeting[]> {
  const cutoff = Date.parse(instant);
  const rows = await db.meetings
    .where('endAt')
    .above(new Date(cutoff - OFFSET_MARGIN_MS).toISOString())
    .toArray();
  return rows.filter((m) => Date.parse(m.endAt) > cutoff && (m.organizerId === userId || m.attendeeIds.includes(userId))).sort(byStart);
}

export interface UpcomingMeetings {
  /** Notices the user organizes or is invited to that have not ended at `now`. */
  meetings: Meeting[];
  /** The user's own replies to them, by meeting id. */
  myReplies: Map<string, MeetingReply>;
}

/** The notices not over yet and the user's replies to them: a handful, however many years the device holds. */
export async function loadUpcomingMeetings(store: Pick<LocalStore, 'db' | 'userId'>, now: string): Promise<UpcomingMeetings> {
  const { db, userId } = store;
  return db.transaction('r', [db.meetings, db.meetingReplies], async () => {
    const meetings = await meetingsEndingAfter(db, userId, now);
    const replies = await db.meetingReplies.bulkGet(meetings.map((m) => meetingReplyId(m.id, userId)));
    return { meetings, myReplies: new Map(replies.filter((r): r is MeetingReply => r !== undefined).map((r) => [r.meetingId, r])) };
  });
}

/** The notices not over at `now` (pass a ticking clock) and the user's replies to them. */
export function useUpcomingMeetings(now: string): UpcomingMeetings | undefined {
  const store = useStore();
  return useLiveQuery(() => loadUpcomingMeetings(store, now), [store, now]);
}

/** Notices the user organizes or is on the list of, by start time. */
export function useMyMeetings(): Meeting[] | undefined {
  const store = useStore();
  return useLiveQuery(async () => {
    const [organized, invited] = await Promise.all([
      store.db.meetings.where('organizerId').equals(store.userId).toArray(),
      store.db.meetings.where('attendeeIds').equals(store.userId).toArray(),
    ]);
    const byId = new Map([...organized, ...invited].map((m) => [m.id, m]));
    return [...byId.values()].sort(byStart);
  }, [store]);
}

/** Rooms of the notices the user organized, the latest used first (suggestions in the editor). */
export function useMyMeetingLocations(): string[] | undefined {
  const store = useStore();
  return useLiveQuery(async () => {
    const latest = new Map<string, string>();
    await store.db.meetings
      .where('organizerId')
      .equals(store.userId)
      .each((m) => {
        const room = m.location.trim();
        if (room !== '' && (latest.get(room) ?? '') < m.startAt) latest.set(room, m.startAt);
      });
    return [...latest].sort((a, b) => b[1].localeCompare(a[1]) || a[0].localeCompare(b[0], 'zh-CN')).map(([room]) => room);
  }, [store]);
}

/** One notice; null when this device does not have it (never issued, or no longer readable). */
export function useMeeting(id: string | undefined): Meeting | null | undefined {
  const store = useStore();
  return useLiveQuery(async () => (id ? ((await store.db.meetings.get(id)) ?? null) : null), [store, id]);
}

/**
 * The replies to a notice this device holds: all of them for its organizer, the user's own
 * (and the one of whoever named them as substitute) for an attendee.
 */
export function useMeetingReplies(id: string | undefined): MeetingReply[] | undefined {
  const store = useStore();
  return useLiveQuery(async () => (id ? store.db.meetingReplies.where('meetingId').equals(id).toArray() : []), [store, id]);
}

/** The replies this device holds to several notices (the organizer's: all of them), by meeting id. */
export function useRepliesFor(meetingIds: readonly string[]): Map<string, MeetingReply[]> | undefined {
  const store = useStore();
  const key = [...meetingIds].sort().join(',');
  // Keyed by the joined ids, so a new array with the same notices does not query again.
  return useLiveQuery(async () => {
    const replies = key === '' ? [] : await store.db.meetingReplies.where('meetingId').anyOf(key.split(',')).toArray();
    const out = new Map<string, MeetingReply[]>();
    for (const r of replies) out.set(r.meetingId, [...(out.get(r.meetingId) ?? []), r]);
    return out;
  }, [store, key]);
}

/** The user's own replies, by meeting id. */
export function useMyMeetingReplies(): Map<string, MeetingReply> | undefined {
  const store = useStore();
  return useLiveQuery(async () => {
    const replies = await store.db.meetingReplies.where('userId').equals(store.userId).toArray();
    return new Map(replies.map((r) => [r.meetingId, r]));
  }, [store]);
}

/**
 * Approved leave still in force of these people (dates and half days only; held for the notices
 * the user organizes, and their own). Keyed by the ids, so a new array of the same people does
 * not query again.
 */
export function useAbsencesOf(userIds: readonly string[]): Absence[] | undefined {
  const store = useStore();
  const key = [...new Set(userIds)].sort().join(',');
  return useLiveQuery(async () => (key === '' ? [] : (await store.db.absences.where('userId').anyOf(key.split(',')).toArray()).filter((a) => a.active)), [store, key]);
}

/** Ids of the notices with a queued change (an issue, an edit, a reply…) the server has not confirmed yet. */
export function usePendingMeetingIds(): Set<string> {
  const store = useStore();
  const ids = useLiveQuery(async () => {
    const entries = await store.db.outbox.toArray();
    const out = new Set<string>();
    for (const entry of entries) {
      if (!entry.name.startsWith('meeting.')) continue;
      const args = entry.args as { id?: unknown; meetingId?: unknown };
      if (typeof args.id === 'string') out.add(args.id);
      if (typeof args.meetingId === 'string') out.add(args.meetingId);
    }
    return out;
  }, [store]);
  return ids ?? EMPTY;
}

const EMPTY: Set<string> = new Set();
