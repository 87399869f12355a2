// Live queries of the meeting notices: the notices the user organizes or is invited to, one
// notice with its replies, the user's own replies, the approved leave of colleagues (for the
// leave-conflict warnings) and which notices still have a change waiting to be sent.
import { useLiveQuery } from 'dexie-react-hooks';
import type { Absence, Meeting, MeetingReply } from '../../../shared/domain/meeting';
import { useStore } from '../hooks';

const byStart = (a: Meeting, b: Meeting) => a.startAt.localeCompare(b.startAt) || a.id.localeCompare(b.id);

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

/** Approved leave still in force (everyone's: dates and half days only). */
export function useAbsences(): Absence[] | undefined {
  const store = useStore();
  return useLiveQuery(async () => (await store.db.absences.toArray()).filter((a) => a.active), [store]);
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
