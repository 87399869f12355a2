// Notifications about meeting notices and saved forms, by the same rules as leave and trips:
// derived from synced documents, never what the user did themselves.
// - An attendee hears of the notice (or of being named someone's substitute), of a new time or
//   place, of a cancellation, and of the organizer's reminder while their reply is still owed.
// - The organizer hears of every reply, and of an attendee's leave approved after the time was set.
// - Whoever saved a copy of a form hears of the newer version that replaced it.
import { AGENCY_UTC_OFFSET_MINUTES } from '../../../shared/calendar/dates';
import type { Meeting, MeetingChange, MeetingReply } from '../../../shared/domain/meeting';
import { overlapsMeeting } from '../../../shared/meetings/conflicts';
import { replyState } from '../../../shared/meetings/receipts';
import type { Draft, MeetingSubject, NoticesDeriveInput, OutdatedForm } from './derive';
import { latest } from './routing';

const NONE = { leave: null, delegation: null, trip: null, claim: null } as const;

function meetingSubject(meeting: Meeting, patch: Partial<MeetingSubject> = {}): MeetingSubject {
  return {
    title: meeting.title,
    startAt: meeting.startAt,
    endAt: meeting.endAt,
    location: meeting.location,
    replyDeadline: meeting.replyDeadline,
    previousStartAt: null,
    previousLocation: null,
    response: null,
    substituteId: null,
    absence: null,
    awaitingReply: false,
    needsReconfirm: false,
    ...patch,
  };
}

function meetingDraft(meeting: Meeting, fields: Pick<Draft, 'id' | 'kind' | 'at' | 'actorId'> & Partial<Pick<Draft, 'onBehalfOfId' | 'comment'>>, subject: MeetingSubject): Draft {
  return { requestId: meeting.id, delegationId: null, onBehalfOfId: null, comment: null, ...fields, ...NONE, meeting: subject, form: null };
}

/** When the user was invited: named as a substitute, or when this device first held the notice. */
function invitation(userId: string, meeting: Meeting, replies: readonly MeetingReply[], seen: ReadonlyMap<string, string>): Pick<Draft, 'id' | 'kind' | 'at' | 'actorId'> | null {
  const me = meeting.attendees.find((a) => a.userId === userId);
  if (!me) return null;
  // Not yet recorded as seen: it arrives now, and its last edit is when the user was added.
  const arrived = seen.get(meeting.id) ?? meeting.updatedAt;
  if (me.via === 'substitute' && me.substituteFor) {
    const nominator = replies.find((r) => r.userId === me.substituteFor);
    const named = nominator?.history.filter((h) => h.response === 'substitute' && h.substituteId === userId).at(-1);
    return { id: `meeting:${meeting.id}:substitute:${me.substituteFor}`, kind: 'meeting_substitute', at: named?.at ?? arrived, actorId: me.substituteFor };
  }
  return { id: `meeting:${meeting.id}:invited`, kind: 'meeting_invited', at: arrived, actorId: meeting.organizerId };
}

/** The time and place a change set: what the next change of each replaced, or what holds now. */
function setBy(meeting: Meeting, index: number): Pick<MeetingSubject, 'startAt' | 'endAt' | 'location'> {
  const later = meeting.changes.slice(index + 1);
  const nextTime = later.find((c) => c.previousStartAt !== null && c.previousEndAt !== null);
  const nextPlace = later.find((c) => c.previousLocation !== null);
  return {
    startAt: nextTime?.previousStartAt ?? meeting.startAt,
    endAt: nextTime?.previousEndAt ?? meeting.endAt,
    location: nextPlace?.previousLocation ?? meeting.location,
  };
}

function changeDraft(meeting: Meeting, change: MeetingChange, index: number): Draft | null {
  const id = `meeting:${meeting.id}:change:${change.at}`;
  const common = { id, at: change.at, actorId: meeting.organizerId, comment: change.note };
  if (change.kind === 'cancelled') return meetingDraft(meeting, { ...common, kind: 'meeting_cancelled' }, meetingSubject(meeting));
  const subject = meetingSubject(meeting, { ...setBy(meeting, index), previousStartAt: change.previousStartAt, previousLocation: change.previousLocation });
  if (change.previousStartAt !== null) return meetingDraft(meeting, { ...common, kind: 'meeting_rescheduled' }, subject);
  if (change.previousLocation !== null) return meetingDraft(meeting, { ...common, kind: 'meeting_relocated' }, subject);
  // Other edits (the agenda, the list of people) are on the notice's page, not news of their own.
  return null;
}

function attendeeDrafts(userId: string, meeting: Meeting, replies: readonly MeetingReply[], seen: ReadonlyMap<string, string>): Draft[] {
  if (meeting.organizerId === userId) return [];
  const invited = invitation(userId, meeting, replies, seen);
  if (!invited) return [];
  const mine = replies.find((r) => r.userId === userId) ?? null;
  const state = replyState(meeting, mine);
  const owing = meeting.status === 'scheduled' && (state === 'no_reply' || state === 'needs_reconfirm');

  const out: Draft[] = [meetingDraft(meeting, invited, meetingSubject(meeting))];
  // What happened before the user was invited is in the notice they received.
  meeting.changes.forEach((change, index) => {
    if (change.at <= invited.at) return;
    const draft = changeDraft(meeting, change, index);
    if (draft) out.push(draft);
  });
  if (owing) {
    // A reminder answered since (or given before a reply that a new time then undid) is past.
    const after = latest([invited.at, mine?.repliedAt]);
    for (const reminder of meeting.reminders) {
      if (reminder.at <= after || !reminder.userIds.includes(userId)) continue;
      out.push(meetingDraft(meeting, { id: `meeting:${meeting.id}:reminded:${reminder.at}`, kind: 'meeting_reminded', at: reminder.at, actorId: meeting.organizerId }, meetingSubject(meeting)));
    }
    // The newest item that asks for the reply carries the to-do, once per notice.
    const asking = out.filter((d) => d.kind !== 'meeting_relocated' && d.kind !== 'meeting_cancelled').reduce<Draft | null>((a, b) => (a === null || b.at >= a.at ? b : a), null);
    if (asking?.meeting) asking.meeting = { ...asking.meeting, awaitingReply: true, needsReconfirm: state === 'needs_reconfirm' };
  }
  return out;
}

function organizerDrafts(userId: string, meeting: Meeting, replies: readonly MeetingReply[], absences: NoticesDeriveInput['absences']): Draft[] {
  if (meeting.organizerId !== userId) return [];
  const out: Draft[] = [];
  const byUser = new Map(replies.map((r) => [r.userId, r]));
  for (const reply of replies) {
    if (reply.userId === userId) continue;
    const attendee = meeting.attendees.find((a) => a.userId === reply.userId);
    const onBehalfOfId = attendee?.via === 'substitute' ? attendee.substituteFor : null;
    reply.history.forEach((entry, index) => {
      // Only the reply as it stands has its reason; earlier ones are kept as what they answered.
      const current = index === reply.history.length - 1;
      const reason = current && entry.response !== 'attending' ? reply.reason.trim() : '';
      out.push(
        meetingDraft(
          meeting,
          { id: `meeting:${meeting.id}:reply:${reply.userId}:${entry.at}`, kind: 'meeting_reply', at: entry.at, actorId: reply.userId, onBehalfOfId, comment: reason === '' ? null : reason },
          meetingSubject(meeting, { response: entry.response, substituteId: entry.substituteId }),
        ),
      );
    });
  }
  if (meeting.status !== 'scheduled') return out;
  // The organizer saw the leave already known when setting the time (the editor warns of it).
  const timeSet = latest([meeting.createdAt, ...meeting.changes.filter((c) => c.previousStartAt !== null).map((c) => c.at)]);
  const attending = new Set(meeting.attendeeIds);
  for (const absence of absences) {
    // (The meeting's times may carry an offset: compared as instants, not as text.)
    if (!attending.has(absence.userId) || absence.updatedAt <= timeSet || Date.parse(absence.updatedAt) >= Date.parse(meeting.endAt)) continue;
    if (!overlapsMeeting(absence, meeting)) continue;
    // Someone who already sent word that they will not come needs no warning.
    const state = replyState(meeting, byUser.get(absence.userId));
    if (state === 'absent' || state === 'substitute') continue;
    const { startDate, startHalf, endDate, endHalf } = absence;
    out.push(
      meetingDraft(
        meeting,
        { id: `meeting:${meeting.id}:leave:${absence.id}`, kind: 'meeting_leave_conflict', at: absence.updatedAt, actorId: absence.userId },
        meetingSubject(meeting, { absence: { startDate, startHalf, endDate, endHalf } }),
      ),
    );
  }
  return out;
}

/** Midnight at the start of an agency date, as an instant. */
function agencyMidnight(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00.000Z`) - AGENCY_UTC_OFFSET_MINUTES * 60_000).toISOString();
}

function formDraft(outdated: OutdatedForm): Draft {
  const { template, saved, newer } = outdated;
  return {
    id: `form:${template.id}:${newer.file.sha256}`,
    kind: 'form_new_version',
    // News from when the version is in force (it is then the one to use) and the copy was saved.
    at: latest([newer.publishedAt, agencyMidnight(newer.effectiveOn), saved.savedAt]),
    requestId: template.id,
    delegationId: null,
    actorId: newer.publishedBy,
    onBehalfOfId: null,
    comment: newer.note.trim() || null,
    ...NONE,
    meeting: null,
    form: { title: template.title, version: newer.version, effectiveOn: newer.effectiveOn, note: newer.note },
  };
}

/** Every meeting and form notification for `userId`, unordered, without read state. */
export function noticeDrafts(userId: string, input: NoticesDeriveInput): Draft[] {
  const replies = new Map<string, MeetingReply[]>();
  for (const r of input.replies) replies.set(r.meetingId, [...(replies.get(r.meetingId) ?? []), r]);
  const meetings = new Map([...input.invited, ...input.organized].map((m) => [m.id, m]));
  const drafts: Draft[] = [];
  for (const meeting of meetings.values()) {
    const own = replies.get(meeting.id) ?? [];
    drafts.push(...attendeeDrafts(userId, meeting, own, input.seen), ...organizerDrafts(userId, meeting, own, input.absences));
  }
  for (const outdated of input.outdatedForms) drafts.push(formDraft(outdated));
  return drafts;
}
