// Meeting times are instants, shown and entered in the agency's time (UTC+8, no daylight
// saving) whatever zone the computer is set to: a notice for 09:30 means 09:30 in the office.
import { AGENCY_UTC_OFFSET_MINUTES, isIsoDate } from '../../../shared/calendar/dates';

const OFFSET_MS = AGENCY_UTC_OFFSET_MINUTES * 60_000;
const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** '2026-11-25' + '09:30' (agency time) as an ISO instant in UTC; null when either is not a valid value. */
export function agencyInstant(date: string | undefined, time: string | undefined): string | null {
  if (!date || !time || !isIsoDate(date)) return null;
  const m = TIME.exec(time);
  if (!m) return null;
  const [y, mo, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, mo - 1, d, Number(m[1]), Number(m[2])) - OFFSET_MS).toISOString();
}

/** The agency date ('YYYY-MM-DD') and time ('HH:mm') of an instant. */
export function agencyParts(instant: string): { date: string; time: string } {
  const shifted = new Date(Date.parse(instant) + OFFSET_MS).toISOString();
  return { date: shifted.slice(0, 10), time: shifted.slice(11, 16) };
}

/** Two spellings of one instant ('…T01:30:00Z', '…T09:30:00+08:00') are the same time. */
export function sameInstant(a: string | null, b: string | null): boolean {
  if (a === null || b === null) return a === b;
  return Date.parse(a) === Date.parse(b);
}

// Intl is asked for UTC fields of a shifted date: the agency's wall-clock time with no time
// zone database needed.
function formatter(language: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat(language, { timeZone: 'UTC', hourCycle: 'h23', ...options });
}

const DATE_TIME: Intl.DateTimeFormatOptions = { year: 'numeric', month: 'long', day: 'numeric', weekday: 'long', hour: '2-digit', minute: '2-digit' };

/** 2026年11月25日星期三 09:30 (in the user's language). */
export function formatWhen(instant: string, language: string): string {
  return formatter(language, DATE_TIME).format(new Date(Date.parse(instant) + OFFSET_MS));
}

/** 2026年11月25日星期三 09:30–11:00, with the date once when both ends fall on the same day. */
export function formatSpan(startAt: string, endAt: string, language: string): string {
  const f = formatter(language, DATE_TIME);
  const start = new Date(Date.parse(startAt) + OFFSET_MS);
  const end = new Date(Date.parse(endAt) + OFFSET_MS);
  try {
    return f.formatRange(start, end);
  } catch {
    return `${f.format(start)} – ${f.format(end)}`;
  }
}

/** 2026-11-25 09:30: compact, for tables and files. */
export function formatCompact(instant: string): string {
  const { date, time } = agencyParts(instant);
  return `${date} ${time}`;
}
