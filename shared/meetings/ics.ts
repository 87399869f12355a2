// A meeting as an iCalendar file (RFC 5545) that Outlook, Thunderbird, Apple Calendar and the
// Chinese OA calendars import. Times are written in the agency's zone with its VTIMEZONE
// (Asia/Shanghai has had no daylight saving since 1991), lines end in CRLF and are folded at
// 75 octets without splitting a UTF-8 character, and text is escaped as §3.3.11 requires.
import type { Meeting } from '../domain/meeting';

export const ICS_TZID = 'Asia/Shanghai';
const OFFSET_MS = 8 * 60 * 60 * 1000;

// eslint-disable-next-line no-control-regex -- the control characters are what is matched
const NOT_TEXT = /[\u0000-\u0008\u000b-\u001f\u007f]/g;

/**
 * TEXT escaping: backslash, semicolon, comma, and new lines as \n. Other control characters
 * (pasted from a word processor: vertical tab, form feed) are not allowed in TEXT at all and are
 * dropped; a tab stays.
 */
export function escapeText(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n')
    .replace(NOT_TEXT, '');
}

/** Octets of one character in UTF-8. */
function utf8Length(ch: string): number {
  const cp = ch.codePointAt(0) ?? 0;
  return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
}

/** Folds one content line to 75 octets per physical line (continuations start with a space). */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const size = utf8Length(ch);
    // The first line holds 75 octets; continuation lines 74 plus the leading space.
    if (octets + size > (parts.length === 0 ? 75 : 74)) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += ch;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** 20261125T090000 in agency time. */
function localDateTime(iso: string): string {
  const d = new Date(Date.parse(iso) + OFFSET_MS);
  return `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}T${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}`;
}

/** 20261125T010000Z. */
function utcDateTime(iso: string): string {
  const d = new Date(Date.parse(iso));
  return `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}T${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}Z`;
}

export interface IcsOptions {
  /** The DESCRIPTION: agenda and whatever the caller adds (organizer, reply deadline), already translated. */
  description: string;
  /** Minutes before the start for the calendar program's own reminder; null for none. */
  alarmMinutes: number | null;
  alarmText: string;
  /** Host part of the UID, so UIDs from two agencies never collide. */
  uidDomain: string;
}

/** The whole file, CRLF line endings included. */
export function meetingToIcs(meeting: Pick<Meeting, 'id' | 'title' | 'startAt' | 'endAt' | 'location' | 'status' | 'changes' | 'updatedAt'>, options: IcsOptions): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Bureau//Meeting notices//ZH',
    'CALSCALE:GREGORIAN',
    // PUBLISH: a file to import, not a scheduling message (there is no mail server to reply to);
    // a cancelled meeting is still published, with STATUS:CANCELLED.
    'METHOD:PUBLISH',
    'BEGIN:VTIMEZONE',
    `TZID:${ICS_TZID}`,
    'BEGIN:STANDARD',
    'DTSTART:19700101T000000',
    'TZOFFSETFROM:+0800',
    'TZOFFSETTO:+0800',
    'TZNAME:CST',
    'END:STANDARD',
    'END:VTIMEZONE',
    'BEGIN:VEVENT',
    `UID:${meeting.id}@${options.uidDomain}`,
    `DTSTAMP:${utcDateTime(meeting.updatedAt)}`,
    `DTSTART;TZID=${ICS_TZID}:${localDateTime(meeting.startAt)}`,
    `DTEND;TZID=${ICS_TZID}:${localDateTime(meeting.endAt)}`,
    // Each recorded change is a new revision for calendar programs: an import replaces the older copy.
    `SEQUENCE:${meeting.changes.length}`,
    `SUMMARY:${escapeText(meeting.title)}`,
    ...(meeting.location ? [`LOCATION:${escapeText(meeting.location)}`] : []),
    ...(options.description ? [`DESCRIPTION:${escapeText(options.description)}`] : []),
    `STATUS:${meeting.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED'}`,
    'TRANSP:OPAQUE',
    ...(options.alarmMinutes !== null && meeting.status !== 'cancelled'
      ? ['BEGIN:VALARM', 'ACTION:DISPLAY', `DESCRIPTION:${escapeText(options.alarmText)}`, `TRIGGER:-PT${Math.max(0, Math.round(options.alarmMinutes))}M`, 'END:VALARM']
      : []),
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return lines.map(foldLine).join('\r\n') + '\r\n';
}

/** A file name for the export: the title without characters file systems refuse. */
export function icsFileName(title: string): string {
  // Windows also refuses a name ending in a dot or a space.
  // eslint-disable-next-line no-control-regex -- control characters are refused in file names
  const cleaned = title.replace(/[\\/:*?"<>|\u0000-\u001f\s]+/g, ' ').slice(0, 80).replace(/^[\s.]+|[\s.]+$/g, '');
  return `${cleaned || 'meeting'}.ics`;
}
