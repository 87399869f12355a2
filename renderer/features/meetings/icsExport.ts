// A notice as an .ics file for Outlook and the other calendar programs: the description tells
// the agenda, who calls the meeting, where and until when to reply, in the user's language.
import type { TFunction } from 'i18next';
import type { Meeting } from '../../../shared/domain/meeting';
import { icsFileName, meetingToIcs } from '../../../shared/meetings/ics';
import { formatWhen } from './time';

/** Minutes before the start for the calendar program's reminder when none is given (the app's default reminder). */
export const DEFAULT_ALARM_MINUTES = 15;
export const ICS_MEDIA_TYPE = 'text/calendar';

export function icsDescription(t: TFunction, meeting: Meeting, organizerName: string, language: string): string {
  const lines = [t('meetings.ics.organizer', { name: organizerName })];
  if (meeting.location) lines.push(t('meetings.ics.location', { location: meeting.location }));
  if (meeting.replyDeadline) lines.push(t('meetings.ics.deadline', { when: formatWhen(meeting.replyDeadline, language) }));
  if (meeting.status === 'cancelled') lines.push(t('meetings.ics.cancelled', { reason: meeting.cancelReason ?? '—' }));
  if (meeting.agenda.trim()) lines.push('', t('meetings.ics.agenda'), meeting.agenda.trim());
  return lines.join('\n');
}

/** The host part of UIDs: the server's, so two agencies' notices never share one. */
export function uidDomain(serverUrl: string | null): string {
  try {
    return serverUrl ? new URL(serverUrl).hostname || 'bureau.local' : 'bureau.local';
  } catch {
    return 'bureau.local';
  }
}

export function meetingIcsFile(t: TFunction, meeting: Meeting, organizerName: string, language: string, serverUrl: string | null, alarmMinutes: number | null = DEFAULT_ALARM_MINUTES): { name: string; mediaType: string; bytes: Uint8Array } {
  const text = meetingToIcs(meeting, {
    description: icsDescription(t, meeting, organizerName, language),
    alarmMinutes,
    alarmText: t('meetings.ics.alarm', { title: meeting.title }),
    uidDomain: uidDomain(serverUrl),
  });
  return { name: icsFileName(meeting.title), mediaType: ICS_MEDIA_TYPE, bytes: new TextEncoder().encode(text) };
}
