// What the notice editor knows before it sends: the instants the fields spell, the people the
// notice will reach (departments expanded the way meeting.issue expands them), and the same
// refusals as the mutator, with the same reason codes, each tied to the field to correct.
import type { Attachment } from '../../../shared/domain/attachment';
import type { Department, User } from '../../../shared/domain/directory';
import type { Attendee, Meeting } from '../../../shared/domain/meeting';
import { MAX_MEETING_ATTENDEES } from '../../../shared/domain/meeting';
import type { ReasonCode } from '../../../shared/i18n/reasons';
import type { MeetingIssueArgs, MeetingUpdateArgs } from '../../../shared/mutators/meetings';
import { agencyInstant, agencyParts, sameInstant } from './time';

export interface Directory {
  users: ReadonlyMap<string, User>;
  departments: ReadonlyMap<string, Department>;
}

/** The editor's fields as typed: dates 'YYYY-MM-DD' and times 'HH:mm' in agency time. */
export interface MeetingDraft {
  title: string;
  startDate?: string;
  startTime?: string;
  endDate?: string;
  endTime?: string;
  location: string;
  agenda: string;
  attachments: Attachment[];
  invitedUserIds: string[];
  invitedDepartmentIds: string[];
  deadlineDate?: string;
  deadlineTime?: string;
  substituteAllowed: boolean;
  /** What changed, for the attendees (editing only). */
  note: string;
}

export type DraftField = 'title' | 'start' | 'end' | 'deadline' | 'attendees';

export interface DraftProblem {
  field: DraftField;
  code: ReasonCode;
}

export const EMPTY_DRAFT: MeetingDraft = {
  title: '',
  location: '',
  agenda: '',
  attachments: [],
  invitedUserIds: [],
  invitedDepartmentIds: [],
  substituteAllowed: true,
  note: '',
};

/** A draft holding a notice's current values, for editing it. */
export function draftFromMeeting(meeting: Meeting): MeetingDraft {
  const start = agencyParts(meeting.startAt);
  const end = agencyParts(meeting.endAt);
  const deadline = meeting.replyDeadline ? agencyParts(meeting.replyDeadline) : null;
  return {
    title: meeting.title,
    startDate: start.date,
    startTime: start.time,
    endDate: end.date,
    endTime: end.time,
    location: meeting.location,
    agenda: meeting.agenda,
    attachments: [...meeting.attachments],
    invitedUserIds: [...meeting.invitedUserIds],
    invitedDepartmentIds: [...meeting.invitedDepartmentIds],
    ...(deadline ? { deadlineDate: deadline.date, deadlineTime: deadline.time } : {}),
    substituteAllowed: meeting.substituteAllowed,
    note: '',
  };
}

export interface DraftInstants {
  startAt: string | null;
  endAt: string | null;
  /** null: no deadline; 'incomplete': a date without a time or the other way round. */
  replyDeadline: string | null | 'incomplete';
}

export function draftInstants(draft: MeetingDraft): DraftInstants {
  const hasDeadline = Boolean(draft.deadlineDate) || Boolean(draft.deadlineTime);
  const deadline = agencyInstant(draft.deadlineDate, draft.deadlineTime);
  return {
    startAt: agencyInstant(draft.startDate, draft.startTime),
    endAt: agencyInstant(draft.endDate, draft.endTime),
    replyDeadline: hasDeadline ? (deadline ?? 'incomplete') : null,
  };
}

/** Departments and everything under them, as meeting.issue walks them. */
function departmentTree(departments: ReadonlyMap<string, Department>, rootId: string): string[] {
  const out: string[] = [];
  const queue = [rootId];
  while (queue.length > 0 && out.length < 1000) {
    const id = queue.shift() ?? '';
    if (out.includes(id)) continue;
    out.push(id);
    for (const d of departments.values()) if (d.parentId === id) queue.push(d.id);
  }
  return out;
}

export type ResolvedAttendees = { ok: true; attendees: Attendee[] } | { ok: false; code: 'meeting.unknown_attendee' | 'meeting.no_attendees' | 'validation.invalid' };

/**
 * The people the notice goes to, as meeting.issue / meeting.update will list them: those named,
 * the active staff of the departments named (with their sub-departments; not the separated
 * administrators' accounts), never the organizer, and the substitutes already named by people
 * still on the list.
 */
export function resolveAttendees(
  directory: Directory,
  organizerId: string,
  userIds: readonly string[],
  departmentIds: readonly string[],
  previous: readonly Attendee[] = [],
  now: string = new Date().toISOString(),
): ResolvedAttendees {
  const attendees = new Map<string, Attendee>();
  // Someone already on the list keeps the time they were added, as the mutators keep it.
  const since = new Map(previous.map((p) => [p.userId, p.addedAt]));
  const addedAt = (id: string) => since.get(id) ?? now;
  for (const id of userIds) {
    const user = directory.users.get(id);
    if (!user || !user.active) return { ok: false, code: 'meeting.unknown_attendee' };
    if (id !== organizerId) attendees.set(id, { userId: id, via: 'person', departmentId: null, substituteFor: null, addedAt: addedAt(id) });
  }
  const users = [...directory.users.values()].sort((a, b) => a.id.localeCompare(b.id));
  for (const deptId of departmentIds) {
    if (!directory.departments.has(deptId)) return { ok: false, code: 'meeting.unknown_attendee' };
    for (const id of departmentTree(directory.departments, deptId)) {
      for (const m of users) {
        if (m.departmentId === id && m.active && m.roles.includes('staff') && m.id !== organizerId && !attendees.has(m.id)) attendees.set(m.id, { userId: m.id, via: 'department', departmentId: deptId, substituteFor: null, addedAt: addedAt(m.id) });
      }
    }
  }
  for (const p of previous) {
    if (p.via === 'substitute' && p.substituteFor && attendees.has(p.substituteFor) && !attendees.has(p.userId)) attendees.set(p.userId, p);
  }
  if (attendees.size === 0) return { ok: false, code: 'meeting.no_attendees' };
  if (attendees.size > MAX_MEETING_ATTENDEES) return { ok: false, code: 'validation.invalid' };
  return { ok: true, attendees: [...attendees.values()] };
}

/**
 * Everything meeting.issue / meeting.update would refuse in this draft, in the order of the
 * form; empty when it can be sent. Blank required fields the form reports itself are skipped
 * here, except the title (the mutator's own refusal). `resolved`: the draft's attendees when
 * the caller has them already (resolveAttendees walks the whole directory).
 */
export function draftProblems(draft: MeetingDraft, directory: Directory, organizerId: string, now: string, previous: readonly Attendee[] = [], resolved?: ResolvedAttendees): DraftProblem[] {
  const problems: DraftProblem[] = [];
  const { startAt, endAt, replyDeadline } = draftInstants(draft);
  if (draft.title.trim() === '') problems.push({ field: 'title', code: 'meeting.title_required' });
  if (startAt && endAt) {
    if (Date.parse(endAt) <= Date.parse(startAt)) problems.push({ field: 'end', code: 'meeting.invalid_time' });
    else if (Date.parse(endAt) <= Date.parse(now)) problems.push({ field: 'end', code: 'meeting.ended' });
  }
  if (startAt && typeof replyDeadline === 'string' && replyDeadline !== 'incomplete' && Date.parse(replyDeadline) > Date.parse(startAt)) {
    problems.push({ field: 'deadline', code: 'meeting.deadline_after_start' });
  }
  const attendees = resolved ?? resolveAttendees(directory, organizerId, draft.invitedUserIds, draft.invitedDepartmentIds, previous, now);
  if (!attendees.ok) problems.push({ field: 'attendees', code: attendees.code });
  return problems;
}

/**
 * The mutator's arguments, or null while a time is missing. When editing, an instant the user
 * left alone is sent exactly as stored, so an unchanged time never reads as a reschedule.
 */
export function draftArgs(draft: MeetingDraft, id: string, existing: Meeting | null): (MeetingIssueArgs & MeetingUpdateArgs) | null {
  const instants = draftInstants(draft);
  if (!instants.startAt || !instants.endAt || instants.replyDeadline === 'incomplete') return null;
  const keep = (typed: string, stored: string | null | undefined) => (stored && sameInstant(typed, stored) ? stored : typed);
  const deadline = instants.replyDeadline === null ? null : keep(instants.replyDeadline, existing?.replyDeadline);
  return {
    id,
    title: draft.title.trim(),
    startAt: keep(instants.startAt, existing?.startAt),
    endAt: keep(instants.endAt, existing?.endAt),
    location: draft.location.trim(),
    agenda: draft.agenda,
    attachments: draft.attachments,
    invitedUserIds: [...new Set(draft.invitedUserIds)],
    invitedDepartmentIds: [...new Set(draft.invitedDepartmentIds)],
    replyDeadline: deadline,
    substituteAllowed: draft.substituteAllowed,
    note: draft.note.trim(),
  };
}
