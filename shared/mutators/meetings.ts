// Meeting notices: issue, edit (a new time needs every attendee's confirmation again), cancel,
// remind those who have not replied, and reply (attending, absent with a reason, or a named
// substitute who then receives the notice and replies in turn).
import { z } from 'zod';
import type { User } from '../domain/directory';
import { idSchema } from '../domain/ids';
import { MAX_MEETING_ATTENDEES, meetingReplyId, meetingSchema, replyResponseSchema, type Attendee, type Meeting, type MeetingChange, type MeetingReply } from '../domain/meeting';
import { awaitingReply } from '../meetings/receipts';
import { loadActor, requireBlobs, requireRole } from './common';
import { defineMutator, MutationRejected, type MutationContext } from './types';

// The notice's own fields, as the document states them; the title is checked by the mutator
// (its own reason rather than a schema error).
const fields = {
  ...meetingSchema.pick({ startAt: true, endAt: true, location: true, agenda: true, attachments: true, invitedUserIds: true, invitedDepartmentIds: true, replyDeadline: true, substituteAllowed: true }).shape,
  title: z.string().trim().max(200),
};

export const meetingIssueArgs = z.object({ id: idSchema, ...fields, attachments: fields.attachments.default([]) });
export type MeetingIssueArgs = z.input<typeof meetingIssueArgs>;

const ms = (iso: string) => Date.parse(iso);
/** One spelling per instant (UTC, milliseconds): '09:30+08:00' and '01:30Z' compare and sort as the same time. */
const utc = (iso: string) => new Date(ms(iso)).toISOString();

/** The organizer's fields with every instant in one spelling. */
function normalized<F extends NoticeFields>(f: F): F {
  return { ...f, startAt: utc(f.startAt), endAt: utc(f.endAt), replyDeadline: f.replyDeadline === null ? null : utc(f.replyDeadline) };
}

/** `previousDeadline`: an edit may keep a deadline that has passed meanwhile, not set a new one in the past. */
async function checkFields(ctx: MutationContext, f: NoticeFields, previousDeadline: string | null = null): Promise<void> {
  if (f.title === '') throw new MutationRejected('meeting.title_required');
  if (ms(f.endAt) <= ms(f.startAt)) throw new MutationRejected('meeting.invalid_time');
  if (ms(f.endAt) <= ms(ctx.now)) throw new MutationRejected('meeting.ended');
  if (f.replyDeadline !== null && ms(f.replyDeadline) > ms(f.startAt)) throw new MutationRejected('meeting.deadline_after_start');
  if (f.replyDeadline !== null && f.replyDeadline !== previousDeadline && ms(f.replyDeadline) <= ms(ctx.now)) throw new MutationRejected('meeting.deadline_passed');
  await requireBlobs(ctx, f.attachments);
}

/** Departments and everything under them. */
async function departmentTree(ctx: MutationContext, rootId: string): Promise<string[]> {
  const out: string[] = [];
  const queue = [rootId];
  while (queue.length > 0 && out.length < 1000) {
    const id = queue.shift()!;
    if (out.includes(id)) continue;
    out.push(id);
    for (const child of await ctx.tx.find('departments', 'parentId', id)) queue.push(child.id);
  }
  return out;
}

/**
 * The people a notice goes to: those named, then the active staff of the departments named
 * (with their sub-departments), without the organizer, and the substitutes already named by
 * people still invited.
 */
async function resolveAttendees(ctx: MutationContext, organizerId: string, userIds: readonly string[], departmentIds: readonly string[], previous: readonly Attendee[]): Promise<Attendee[]> {
  const attendees = new Map<string, Attendee>();
  // Someone already on the list keeps the time they were added: their reply still counts.
  const since = new Map(previous.map((p) => [p.userId, p.addedAt]));
  const addedAt = (id: string) => since.get(id) ?? ctx.now;
  for (const id of userIds) {
    const user = await ctx.tx.get('users', id);
    if (!user || !user.active) throw new MutationRejected('meeting.unknown_attendee');
    if (id !== organizerId) attendees.set(id, { userId: id, via: 'person', departmentId: null, substituteFor: null, addedAt: addedAt(id) });
  }
  for (const deptId of departmentIds) {
    if (!(await ctx.tx.get('departments', deptId))) throw new MutationRejected('meeting.unknown_attendee');
    for (const id of await departmentTree(ctx, deptId)) {
      const members: User[] = await ctx.tx.find('users', 'departmentId', id);
      for (const m of members.sort((a, b) => a.id.localeCompare(b.id))) {
        // Staff only: the accounts of the separated administrators (system, security, audit)
        // sit in a department too, but a notice to the whole department is not for them.
        if (m.active && m.roles.includes('staff') && m.id !== organizerId && !attendees.has(m.id)) attendees.set(m.id, { userId: m.id, via: 'department', departmentId: deptId, substituteFor: null, addedAt: addedAt(m.id) });
      }
    }
  }
  for (const p of previous) {
    if (p.via === 'substitute' && p.substituteFor && attendees.has(p.substituteFor) && !attendees.has(p.userId)) attendees.set(p.userId, p);
  }
  if (attendees.size === 0) throw new MutationRejected('meeting.no_attendees');
  if (attendees.size > MAX_MEETING_ATTENDEES) throw new MutationRejected('validation.invalid', { field: 'attendees' });
  return [...attendees.values()];
}

type NoticeFields = Omit<z.infer<typeof meetingIssueArgs>, 'id'>;

/** What the organizer wrote, with the people it resolves to. */
function noticeFields(f: NoticeFields, attendees: Attendee[]) {
  return {
    title: f.title,
    startAt: f.startAt,
    endAt: f.endAt,
    location: f.location,
    agenda: f.agenda,
    attachments: f.attachments,
    invitedUserIds: [...new Set(f.invitedUserIds)],
    invitedDepartmentIds: [...new Set(f.invitedDepartmentIds)],
    attendees,
    attendeeIds: attendees.map((a) => a.userId),
    replyDeadline: f.replyDeadline,
    substituteAllowed: f.substituteAllowed,
  } satisfies Partial<Meeting>;
}

export const meetingIssue = defineMutator({
  args: meetingIssueArgs,
  async run(ctx, sent) {
    const organizer = await requireRole(ctx, 'meeting_organizer');
    const args = normalized(sent);
    if (await ctx.tx.get('meetings', args.id)) throw new MutationRejected('leave.already_exists');
    await checkFields(ctx, args);
    const attendees = await resolveAttendees(ctx, organizer.id, args.invitedUserIds, args.invitedDepartmentIds, []);
    const meeting: Meeting = {
      id: args.id,
      organizerId: organizer.id,
      ...noticeFields(args, attendees),
      status: 'scheduled',
      scheduleRevision: 1,
      changes: [],
      reminders: [],
      cancelReason: null,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    };
    await ctx.tx.put('meetings', meeting);
  },
});

async function organizedMeeting(ctx: MutationContext, id: string): Promise<Meeting> {
  const meeting = await ctx.tx.get('meetings', id);
  if (!meeting) throw new MutationRejected('meeting.not_found');
  if (meeting.organizerId !== ctx.actorId) throw new MutationRejected('meeting.not_organizer');
  if (meeting.status === 'cancelled') throw new MutationRejected('meeting.cancelled');
  return meeting;
}

export const meetingUpdateArgs = z.object({ id: idSchema, ...fields, note: z.string().max(1000).default('') });
export type MeetingUpdateArgs = z.input<typeof meetingUpdateArgs>;

/**
 * Edits a notice. A new start or end is a reschedule: it is recorded with the old time, shown
 * prominently to every attendee, and replies of "attending" given for the old time must be
 * confirmed again. A new place is recorded too.
 */
export const meetingUpdate = defineMutator({
  args: meetingUpdateArgs,
  async run(ctx, sent) {
    const meeting = await organizedMeeting(ctx, sent.id);
    const args = normalized(sent);
    await checkFields(ctx, args, meeting.replyDeadline);
    const attendees = await resolveAttendees(ctx, meeting.organizerId, args.invitedUserIds, args.invitedDepartmentIds, meeting.attendees);
    const timeChanged = ms(args.startAt) !== ms(meeting.startAt) || ms(args.endAt) !== ms(meeting.endAt);
    const placeChanged = args.location !== meeting.location;
    const next: Meeting = {
      ...meeting,
      ...noticeFields(args, attendees),
      scheduleRevision: meeting.scheduleRevision + (timeChanged ? 1 : 0),
    };
    const comparable = (m: Meeting) => JSON.stringify({ ...m, updatedAt: '', changes: [] });
    if (comparable(next) === comparable(meeting)) throw new MutationRejected('change.nothing');
    const change: MeetingChange = {
      at: ctx.now,
      kind: timeChanged ? 'rescheduled' : placeChanged ? 'relocated' : 'updated',
      previousStartAt: timeChanged ? meeting.startAt : null,
      previousEndAt: timeChanged ? meeting.endAt : null,
      previousLocation: placeChanged ? meeting.location : null,
      note: args.note.trim() || null,
    };
    await ctx.tx.put('meetings', { ...next, changes: [...meeting.changes, change].slice(-100), updatedAt: ctx.now });
  },
});

export const meetingCancel = defineMutator({
  args: z.object({ id: idSchema, reason: z.string().max(1000) }),
  async run(ctx, args) {
    const meeting = await organizedMeeting(ctx, args.id);
    const reason = args.reason.trim() || null;
    const change: MeetingChange = { at: ctx.now, kind: 'cancelled', previousStartAt: null, previousEndAt: null, previousLocation: null, note: reason };
    await ctx.tx.put('meetings', { ...meeting, status: 'cancelled', cancelReason: reason, changes: [...meeting.changes, change].slice(-100), updatedAt: ctx.now });
  },
});

/**
 * Reminds everyone who has not replied (or whose "attending" predates a reschedule). On the
 * server the replies are all there; on the organizer's machine too (they read every reply).
 */
export const meetingRemind = defineMutator({
  args: z.object({ id: idSchema }),
  async run(ctx, args) {
    const meeting = await organizedMeeting(ctx, args.id);
    if (ms(meeting.endAt) <= ms(ctx.now)) throw new MutationRejected('meeting.ended');
    // A reminder is a desktop notification on every machine of those reminded: not more than one every ten minutes.
    const last = meeting.reminders[meeting.reminders.length - 1];
    if (last && ms(ctx.now) - ms(last.at) < REMIND_INTERVAL_MS) throw new MutationRejected('meeting.reminded_recently', { minutes: Math.ceil((REMIND_INTERVAL_MS - (ms(ctx.now) - ms(last.at))) / 60_000) });
    const replies = await ctx.tx.find('meetingReplies', 'meetingId', meeting.id);
    const userIds = awaitingReply(meeting, replies);
    if (userIds.length === 0) throw new MutationRejected('change.nothing');
    await ctx.tx.put('meetings', { ...meeting, reminders: [...meeting.reminders, { at: ctx.now, userIds }].slice(-50), updatedAt: ctx.now });
  },
});

const REMIND_INTERVAL_MS = 10 * 60_000;

export const meetingReplyArgs = z.object({
  meetingId: idSchema,
  response: replyResponseSchema,
  /**
   * The schedule the person saw when answering. An "attending" given offline for a time the
   * organizer has changed since then stays to be confirmed again. Absent: the current one.
   */
  scheduleRevision: z.number().int().min(1).optional(),
  reason: z.string().max(1000).default(''),
  substituteId: idSchema.nullable().default(null),
});
export type MeetingReplyArgs = z.input<typeof meetingReplyArgs>;

/** An attendee replies, or changes their reply; late replies are kept and marked late. */
export const meetingReply = defineMutator({
  args: meetingReplyArgs,
  async run(ctx, args) {
    const actor = await loadActor(ctx);
    const meeting = await ctx.tx.get('meetings', args.meetingId);
    if (!meeting) throw new MutationRejected('meeting.not_found');
    const me = meeting.attendees.find((a) => a.userId === actor.id);
    if (!me) throw new MutationRejected('meeting.not_invited');
    if (meeting.status === 'cancelled') throw new MutationRejected('meeting.cancelled');
    // Judged by when the person answered: a reply given offline during the meeting's run-up
    // and pushed after it is still their answer (actedAt is at most a week old, never future).
    const acted = ctx.actedAt ?? ctx.now;
    if (ms(meeting.endAt) <= ms(acted)) throw new MutationRejected('meeting.ended');
    const reason = args.reason.trim();
    if (args.response === 'absent' && reason === '') throw new MutationRejected('meeting.reason_required');

    const id = meetingReplyId(meeting.id, actor.id);
    const previous = await ctx.tx.get('meetingReplies', id);
    let attendees = meeting.attendees;
    // A substitute named before and not any more leaves the list.
    const oldSub = previous?.response === 'substitute' ? previous.substituteId : null;
    const newSub = args.response === 'substitute' ? args.substituteId : null;
    if (args.response === 'substitute') {
      if (!meeting.substituteAllowed || me.via === 'substitute') throw new MutationRejected('meeting.substitute_not_allowed');
      const sub = newSub ? await ctx.tx.get('users', newSub) : undefined;
      const taken = attendees.some((a) => a.userId === newSub && !(a.via === 'substitute' && a.substituteFor === actor.id));
      // A colleague: the separated administrators' accounts do not attend meetings for anyone.
      if (!sub || !sub.active || !sub.roles.includes('staff') || sub.id === actor.id || sub.id === meeting.organizerId || taken) throw new MutationRejected('meeting.invalid_substitute');
    }
    if (oldSub && oldSub !== newSub) attendees = attendees.filter((a) => !(a.userId === oldSub && a.via === 'substitute' && a.substituteFor === actor.id));
    if (newSub && !attendees.some((a) => a.userId === newSub)) {
      if (attendees.length >= MAX_MEETING_ATTENDEES) throw new MutationRejected('validation.invalid', { field: 'attendees' });
      attendees = [...attendees, { userId: newSub, via: 'substitute', departmentId: null, substituteFor: actor.id, addedAt: ctx.now }];
    }
    if (attendees !== meeting.attendees) {
      await ctx.tx.put('meetings', { ...meeting, attendees, attendeeIds: attendees.map((a) => a.userId), updatedAt: ctx.now });
    }

    // Never newer than the schedule the person saw.
    const scheduleRevision = Math.min(args.scheduleRevision ?? meeting.scheduleRevision, meeting.scheduleRevision);
    const reply: MeetingReply = {
      id,
      meetingId: meeting.id,
      userId: actor.id,
      organizerId: meeting.organizerId,
      response: args.response,
      reason: args.response === 'attending' ? '' : reason,
      substituteId: newSub,
      substituteFor: me.via === 'substitute' ? me.substituteFor : null,
      scheduleRevision,
      late: meeting.replyDeadline !== null && ms(acted) > ms(meeting.replyDeadline),
      repliedAt: ctx.now,
      actedAt: acted,
      history: [...(previous?.history ?? []), { at: ctx.now, response: args.response, substituteId: newSub, scheduleRevision }].slice(-50),
    };
    await ctx.tx.put('meetingReplies', reply);
  },
});
