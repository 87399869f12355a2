// How the notices list and an attendee's view of a notice are put together: which tab a
// notice belongs in and in what order, what the user's reply still means after a reschedule,
// which time change to announce, and what the reply form would have refused.
import type { User } from '../../../shared/domain/directory';
import type { Attendee, Meeting, MeetingChange, MeetingReply, ReplyResponse } from '../../../shared/domain/meeting';
import type { ReasonCode } from '../../../shared/i18n/reasons';
import { replyState, type ReceiptState } from '../../../shared/meetings/receipts';

export const MEETING_TABS = ['toAnswer', 'organized', 'past'] as const;
export type MeetingTab = (typeof MEETING_TABS)[number];

export interface MeetingListItem {
  meeting: Meeting;
  /** The user's place on the list; null when they only organize it. */
  attendee: Attendee | null;
  myReply: MeetingReply | null;
  /** What the user's reply amounts to now; null when they are not on the list. */
  myState: ReceiptState | null;
  /** Not replied yet, or an "attending" given for a time that has changed. */
  needsAnswer: boolean;
  organizer: boolean;
  ended: boolean;
  cancelled: boolean;
}

export function isEnded(meeting: Pick<Meeting, 'endAt'>, now: string): boolean {
  return Date.parse(meeting.endAt) <= Date.parse(now);
}

export function listItem(meeting: Meeting, userId: string, myReply: MeetingReply | null, now: string): MeetingListItem {
  const attendee = meeting.attendees.find((a) => a.userId === userId) ?? null;
  const myState = attendee ? replyState(meeting, myReply) : null;
  const ended = isEnded(meeting, now);
  const cancelled = meeting.status === 'cancelled';
  return {
    meeting,
    attendee,
    myReply,
    myState,
    needsAnswer: !ended && !cancelled && (myState === 'no_reply' || myState === 'needs_reconfirm'),
    organizer: meeting.organizerId === userId,
    ended,
    cancelled,
  };
}

export type GroupedMeetings = Record<MeetingTab, MeetingListItem[]>;

/**
 * Invitations still to come (those waiting for the user's answer first, then by start), notices
 * the user organizes that are still to come (by start), and the rest: over or cancelled, the
 * latest first.
 */
export function groupMeetings(meetings: readonly Meeting[], myReplies: ReadonlyMap<string, MeetingReply>, userId: string, now: string): GroupedMeetings {
  const groups: GroupedMeetings = { toAnswer: [], organized: [], past: [] };
  for (const meeting of meetings) {
    const item = listItem(meeting, userId, myReplies.get(meeting.id) ?? null, now);
    if (item.ended || item.cancelled) groups.past.push(item);
    else {
      if (item.attendee) groups.toAnswer.push(item);
      if (item.organizer) groups.organized.push(item);
    }
  }
  const byStart = (a: MeetingListItem, b: MeetingListItem) => a.meeting.startAt.localeCompare(b.meeting.startAt) || a.meeting.id.localeCompare(b.meeting.id);
  groups.toAnswer.sort((a, b) => Number(b.needsAnswer) - Number(a.needsAnswer) || byStart(a, b));
  groups.organized.sort(byStart);
  groups.past.sort((a, b) => -byStart(a, b));
  return groups;
}

/** The tab to open first: the invitations when there are any to answer or nothing is organized. */
export function defaultTab(groups: GroupedMeetings): MeetingTab {
  if (groups.toAnswer.some((i) => i.needsAnswer)) return 'toAnswer';
  if (groups.toAnswer.length === 0 && groups.organized.length > 0) return 'organized';
  return 'toAnswer';
}

export interface TimeChange {
  change: MeetingChange;
  fromStartAt: string;
  fromEndAt: string;
}

/**
 * The time change to announce to someone who last saw the notice at `revision` (their reply's
 * scheduleRevision; 0 when they never replied): from the time they answered for to the time now.
 * null when the time has not changed since (or never did).
 */
export function timeChangeSince(meeting: Pick<Meeting, 'changes' | 'scheduleRevision'>, revision: number): TimeChange | null {
  const reschedules = meeting.changes.filter((c) => c.kind === 'rescheduled' && c.previousStartAt !== null && c.previousEndAt !== null);
  const last = reschedules[reschedules.length - 1];
  if (!last) return null;
  if (revision >= meeting.scheduleRevision) return null;
  // Revision r's time is what the r-th reschedule moved away from (revision 1 = as issued).
  const behind = meeting.scheduleRevision - Math.max(1, revision);
  const first = reschedules[Math.max(0, reschedules.length - behind)] ?? last;
  return { change: last, fromStartAt: first.previousStartAt ?? last.previousStartAt ?? '', fromEndAt: first.previousEndAt ?? last.previousEndAt ?? '' };
}

/**
 * The schedule revision a person on the list last knew the notice at: the one their reply
 * answered, or the one in force when they were put on the list, whichever is later. A substitute
 * named after a reschedule never had the earlier time, so is not told it moved from there.
 */
export function revisionSeen(meeting: Pick<Meeting, 'changes' | 'scheduleRevision'>, attendee: Pick<Attendee, 'addedAt'>, reply: Pick<MeetingReply, 'scheduleRevision'> | null): number {
  const added = Date.parse(attendee.addedAt);
  const movedSince = meeting.changes.filter((c) => c.kind === 'rescheduled' && Date.parse(c.at) > added).length;
  return Math.max(reply?.scheduleRevision ?? 0, meeting.scheduleRevision - movedSince);
}

/** The latest change of place the person has not seen: made after they were put on the list and after they last answered. */
export function relocationToAnnounce(meeting: Pick<Meeting, 'changes'>, attendee: Pick<Attendee, 'addedAt'> | null, reply: Pick<MeetingReply, 'actedAt'> | null): MeetingChange | null {
  const relocation = lastRelocation(meeting);
  if (!relocation || relocation.previousLocation === null) return null;
  const at = Date.parse(relocation.at);
  if (attendee && Date.parse(attendee.addedAt) >= at) return null;
  if (reply && Date.parse(reply.actedAt) > at) return null;
  return relocation;
}

/** The latest reschedule, whatever the user replied (for "the time was changed on …"). */
export function lastTimeChange(meeting: Pick<Meeting, 'changes'>): MeetingChange | null {
  return [...meeting.changes].reverse().find((c) => c.kind === 'rescheduled') ?? null;
}

/** The latest change of place, if the notice was moved. */
export function lastRelocation(meeting: Pick<Meeting, 'changes'>): MeetingChange | null {
  return [...meeting.changes].reverse().find((c) => c.kind === 'relocated' || (c.kind === 'rescheduled' && c.previousLocation !== null)) ?? null;
}

export interface ReplyDraft {
  response?: ReplyResponse;
  reason?: string;
  substituteId?: string | null;
}

/**
 * Colleagues the user may send in their place: active staff (not the separated administrators'
 * accounts), not the organizer, not already on the list (their current substitute aside).
 */
export function substituteCandidates(meeting: Pick<Meeting, 'attendees' | 'organizerId'>, users: Iterable<User>, userId: string): User[] {
  const onList = new Set(meeting.attendees.filter((a) => !(a.via === 'substitute' && a.substituteFor === userId)).map((a) => a.userId));
  return [...users]
    .filter((u) => u.active && u.roles.includes('staff') && u.id !== userId && u.id !== meeting.organizerId && !onList.has(u.id))
    .sort((a, b) => a.displayName.localeCompare(b.displayName, 'zh-CN'));
}

/** Whether the user may name a substitute at all: the notice allows it and they are not one themselves. */
export function maySendSubstitute(meeting: Pick<Meeting, 'substituteAllowed'>, attendee: Attendee | null): boolean {
  return meeting.substituteAllowed && attendee !== null && attendee.via !== 'substitute';
}

/** What meeting.reply would refuse in this answer (same codes), or null. */
export function replyProblem(meeting: Meeting, userId: string, users: ReadonlyMap<string, User>, draft: ReplyDraft, now: string): ReasonCode | null {
  const attendee = meeting.attendees.find((a) => a.userId === userId) ?? null;
  if (!attendee) return 'meeting.not_invited';
  if (meeting.status === 'cancelled') return 'meeting.cancelled';
  if (isEnded(meeting, now)) return 'meeting.ended';
  if (!draft.response) return 'validation.invalid';
  if (draft.response === 'absent' && (draft.reason ?? '').trim() === '') return 'meeting.reason_required';
  if (draft.response === 'substitute') {
    if (!maySendSubstitute(meeting, attendee)) return 'meeting.substitute_not_allowed';
    const ok = substituteCandidates(meeting, users.values(), userId).some((u) => u.id === draft.substituteId);
    if (!ok) return 'meeting.invalid_substitute';
  }
  return null;
}
