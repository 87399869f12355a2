// Meeting notices for tests that drive the meeting mutators, in memory or through a server.
import type { Meeting } from '../../shared/domain/meeting';
import type { MeetingUpdateArgs } from '../../shared/mutators/meetings';

/** An instant in agency time (UTC+8), e.g. at('2026-03-05', '14:00'). */
export const at = (date: string, time: string) => new Date(`${date}T${time}:00+08:00`).toISOString();

/** meeting.update's arguments that change nothing, as the edit page would send them, with `overrides`. */
export function updateArgsOf(m: Meeting, overrides: Partial<MeetingUpdateArgs> = {}): MeetingUpdateArgs {
  const { id, title, startAt, endAt, location, agenda, attachments, invitedUserIds, invitedDepartmentIds, replyDeadline, substituteAllowed } = m;
  return { id, title, startAt, endAt, location, agenda, attachments, invitedUserIds, invitedDepartmentIds, replyDeadline, substituteAllowed, ...overrides };
}
