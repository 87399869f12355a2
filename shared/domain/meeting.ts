// Meeting notices (会议通知) and their replies (回执). The notice names people and whole
// departments; departments are expanded to their members when the notice is issued or edited,
// so the receipt table lists people. Each attendee's reply is its own document (the organizer,
// the replier and a named substitute read it), so colleagues do not read each other's reasons.
import { z } from 'zod';
import { isoDateSchema } from '../calendar/dates';
import { attachmentSchema } from './attachment';
import { idSchema, isoInstantSchema } from './ids';
import { halfDaySchema } from './leave';

export const MAX_MEETING_ATTENDEES = 500;
export const MEETING_TEXT_MAX = 4000;

export const attendeeSchema = z.object({
  userId: idSchema,
  /** Why this person is on the list. */
  via: z.enum(['person', 'department', 'substitute']),
  /** The department through which they were invited (via 'department'). */
  departmentId: idSchema.nullable(),
  /** The invitee this person attends for (via 'substitute'). */
  substituteFor: idSchema.nullable(),
  /** When they were put on the list: a reply of theirs from before (removed, then invited again) no longer counts. */
  addedAt: isoInstantSchema,
});
export type Attendee = z.infer<typeof attendeeSchema>;

export const meetingChangeSchema = z.object({
  at: isoInstantSchema,
  kind: z.enum(['rescheduled', 'relocated', 'cancelled', 'updated']),
  /** What it was before, for "moved from … to …". */
  previousStartAt: isoInstantSchema.nullable(),
  previousEndAt: isoInstantSchema.nullable(),
  previousLocation: z.string().max(200).nullable(),
  note: z.string().max(1000).nullable(),
});
export type MeetingChange = z.infer<typeof meetingChangeSchema>;

export const meetingReminderSchema = z.object({ at: isoInstantSchema, userIds: z.array(idSchema).max(MAX_MEETING_ATTENDEES) });

export const meetingSchema = z.object({
  id: idSchema,
  organizerId: idSchema,
  title: z.string().trim().min(1).max(200),
  startAt: isoInstantSchema,
  endAt: isoInstantSchema,
  location: z.string().trim().max(200),
  agenda: z.string().max(MEETING_TEXT_MAX),
  attachments: z.array(attachmentSchema).max(20),
  invitedUserIds: z.array(idSchema).max(MAX_MEETING_ATTENDEES),
  invitedDepartmentIds: z.array(idSchema).max(100),
  attendees: z.array(attendeeSchema).max(MAX_MEETING_ATTENDEES),
  /** Everyone on `attendees`: indexed, and the notice's readers. */
  attendeeIds: z.array(idSchema).max(MAX_MEETING_ATTENDEES),
  replyDeadline: isoInstantSchema.nullable(),
  substituteAllowed: z.boolean(),
  status: z.enum(['scheduled', 'cancelled']),
  /** Goes up whenever the time changes: replies given for an earlier time must be confirmed again. */
  scheduleRevision: z.number().int().min(1),
  changes: z.array(meetingChangeSchema).max(100),
  reminders: z.array(meetingReminderSchema).max(50),
  cancelReason: z.string().max(1000).nullable(),
  createdAt: isoInstantSchema,
  updatedAt: isoInstantSchema,
});
export type Meeting = z.infer<typeof meetingSchema>;

export const REPLY_RESPONSES = ['attending', 'absent', 'substitute'] as const;
export const replyResponseSchema = z.enum(REPLY_RESPONSES);
export type ReplyResponse = z.infer<typeof replyResponseSchema>;

/** A reply's id: one per meeting and person, so replies from two devices land on one document. */
export const meetingReplyIdSchema = z.string().max(160).regex(/^mr-\d+-[A-Za-z0-9_-]+$/, { message: 'validation.id' });
/** 'mr-<length of the meeting id>-<meeting id>-<person>': the length keeps two pairs from ever spelling the same id. */
export const meetingReplyId = (meetingId: string, userId: string): string => `mr-${meetingId.length}-${meetingId}-${userId}`;

export const meetingReplySchema = z.object({
  id: meetingReplyIdSchema,
  meetingId: idSchema,
  userId: idSchema,
  organizerId: idSchema,
  response: replyResponseSchema,
  reason: z.string().max(1000),
  substituteId: idSchema.nullable(),
  /** For a substitute's reply: the invitee they attend for, who reads it too. */
  substituteFor: idSchema.nullable(),
  /** The meeting's scheduleRevision this reply answers. */
  scheduleRevision: z.number().int().min(1),
  /** Given after the reply deadline (still recorded: the organizer wants to know). */
  late: z.boolean(),
  /** When the server recorded it. */
  repliedAt: isoInstantSchema,
  /** When the person answered, on their device (offline replies arrive later). */
  actedAt: isoInstantSchema,
  history: z
    .array(z.object({ at: isoInstantSchema, response: replyResponseSchema, substituteId: idSchema.nullable(), scheduleRevision: z.number().int().min(1) }))
    .max(50),
});
export type MeetingReply = z.infer<typeof meetingReplySchema>;

/**
 * Who is away on approved leave, and when: dates and half days only, never the leave type or
 * reason (like the free/busy of a calendar program). Written by the leave mutators when leave is
 * approved, cancelled or reported back; every colleague may read it, so an organizer sees the
 * conflict offline.
 */
export const absenceSchema = z.object({
  id: idSchema,
  userId: idSchema,
  leaveRequestId: idSchema,
  startDate: isoDateSchema,
  startHalf: halfDaySchema,
  endDate: isoDateSchema,
  endHalf: halfDaySchema,
  active: z.boolean(),
  updatedAt: isoInstantSchema,
});
export type Absence = z.infer<typeof absenceSchema>;
export const absenceId = (leaveRequestId: string): string => `ab-${leaveRequestId}`.slice(0, 64);
