// Reading an official calendar from a file an administrator brings on a USB stick (no
// internet): JSON (one year or a list, in the shape of officialYearSchema), CSV with one day
// per line: `date,kind,holiday` where kind is `holiday`/`休` or `workday`/`班`, or an
// iCalendar feed (.ics, RFC 5545) of one year's holiday events, as calendar apps publish them.
// Bad input gives a translatable reason with the line it is on, and nothing is imported.
import type { ReasonCode } from '../i18n/reasons';
import { addDays, daysBetween, isIsoDate } from './dates';
import { officialYearSchema, type OfficialYear } from './official';

export type CalendarFormat = 'json' | 'csv' | 'ics';

export type ImportResult = { ok: true; years: OfficialYear[] } | { ok: false; code: ReasonCode; line?: number; detail?: string };

const MAX_BYTES = 1_000_000;
const HOLIDAY = new Set(['holiday', 'off', '休', '假']);
const WORKDAY = new Set(['workday', 'work', '班', '上班']);

function validate(years: unknown[]): ImportResult {
  const out: OfficialYear[] = [];
  for (const y of years) {
    const parsed = officialYearSchema.safeParse(y);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const code = issue?.message.startsWith('calendar.') ? (issue.message as ReasonCode) : 'calendar.bad_file';
      return { ok: false, code, detail: issue?.path.join('.') ?? '' };
    }
    if (out.some((o) => o.year === parsed.data.year)) return { ok: false, code: 'calendar.duplicate_day', detail: String(parsed.data.year) };
    out.push(parsed.data);
  }
  return out.length > 0 ? { ok: true, years: out } : { ok: false, code: 'calendar.bad_file' };
}

function fromCsv(text: string, source: string): ImportResult {
  const byYear = new Map<number, OfficialYear>();
  const lines = text.split(/\r?\n/);
  for (const [i, raw] of lines.entries()) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || (i === 0 && /^date\s*,/i.test(line))) continue;
    const [date = '', kind = '', holiday = ''] = line.split(',').map((c) => c.trim());
    const lower = kind.toLowerCase();
    if (!isIsoDate(date) || (!HOLIDAY.has(lower) && !WORKDAY.has(lower)) || holiday === '') return { ok: false, code: 'calendar.bad_line', line: i + 1 };
    const year = Number(date.slice(0, 4));
    const entry = byYear.get(year) ?? { year, source, holidays: [], workdays: [] };
    (HOLIDAY.has(lower) ? entry.holidays : entry.workdays).push({ date, holiday });
    byYear.set(year, entry);
  }
  return validate([...byYear.values()].sort((a, b) => a.year - b.year));
}

// --- iCalendar (RFC 5545) ------------------------------------------------------------------
// Written by hand: only the small part a holiday feed uses is needed (all-day VEVENTs with a
// SUMMARY), and a parser library would be a dependency for a few dozen lines.

interface Property {
  /** Upper case: names are case-insensitive. */
  name: string;
  /** Parameter names in upper case; values as written (quotes removed). */
  params: Map<string, string>;
  value: string;
  /** The physical line it starts on (before unfolding), for messages. */
  line: number;
}

/**
 * Unfolds content lines (3.1: a line break followed by one space or tab continues the previous
 * line) and remembers where each starts. Bare LF is accepted as well as CRLF: files that went
 * through an editor or a mail client lose their CRs.
 */
function unfold(text: string): Array<{ text: string; line: number }> {
  const out: Array<{ text: string; line: number }> = [];
  text.split(/\r\n|\n|\r/).forEach((raw, i) => {
    const last = out[out.length - 1];
    if ((raw.startsWith(' ') || raw.startsWith('\t')) && last) last.text += raw.slice(1);
    else if (raw.trim() !== '') out.push({ text: raw, line: i + 1 });
  });
  return out;
}

/** `NAME;PARAM=a;PARAM="b:c":value`; null when malformed. A quoted parameter may hold ; and :. */
function parseProperty(text: string, line: number): Property | null {
  const nameMatch = /^[A-Za-z0-9-]+/.exec(text);
  if (!nameMatch) return null;
  const params = new Map<string, string>();
  let i = nameMatch[0].length;
  while (text[i] === ';') {
    const paramMatch = /^([A-Za-z0-9-]+)=/.exec(text.slice(i + 1));
    if (!paramMatch?.[1]) return null;
    i += 1 + paramMatch[0].length;
    const values: string[] = [];
    for (;;) {
      if (text[i] === '"') {
        const close = text.indexOf('"', i + 1);
        if (close < 0) return null;
        values.push(text.slice(i + 1, close));
        i = close + 1;
      } else {
        const end = /^[^";:,]*/.exec(text.slice(i))?.[0] ?? '';
        values.push(end);
        i += end.length;
      }
      if (text[i] !== ',') break;
      i++;
    }
    params.set(paramMatch[1].toUpperCase(), values.join(','));
  }
  if (text[i] !== ':') return null;
  return { name: nameMatch[0].toUpperCase(), params, value: text.slice(i + 1), line };
}

/** A TEXT value split on unescaped commas (CATEGORIES), each unescaped (3.3.11: \\ \; \, \n). */
function textList(value: string): string[] {
  const items: string[] = [];
  let current = '';
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (c === '\\' && i + 1 < value.length) {
      const next = value[++i] ?? '';
      current += next === 'n' || next === 'N' ? '\n' : next;
    } else if (c === ',') {
      items.push(current);
      current = '';
    } else current += c;
  }
  items.push(current);
  return items;
}

/** One TEXT value (SUMMARY): commas are literal here, escaped or not. */
const textValue = (value: string): string => textList(value).join(',');

/**
 * A DATE (20270101) or DATE-TIME (20270101T090000, ...Z, with or without TZID). A date-time is
 * taken on the date it is written with: holiday feeds are all-day events, and the office
 * calendar has no time zone (shared/calendar/dates.ts).
 */
function parseIcsDate(prop: Property): { date: string; timed: boolean; midnight: boolean } | null {
  const m = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})Z?)?$/.exec(prop.value.trim());
  if (!m) return null;
  const type = prop.params.get('VALUE')?.toUpperCase();
  const timed = m[4] !== undefined;
  if ((type === 'DATE' && timed) || (type !== undefined && type !== 'DATE' && type !== 'DATE-TIME')) return null;
  const date = `${m[1]}-${m[2]}-${m[3]}`;
  if (!isIsoDate(date) || (timed && (Number(m[4]) > 23 || Number(m[5]) > 59 || Number(m[6]) > 60))) return null;
  return { date, timed, midnight: !timed || `${m[4]}${m[5]}${m[6]}` === '000000' };
}

/** Adjusted working days say so: 班/上班/补班, "work", "workday", or the WORKDAY category. */
const WORKDAY_MARK = /班|\bwork(?:ing)?(?:\s*days?)?\b/i;

/** Markers around a holiday's name: "春节（休）", "元旦 (班)", "【休】国庆节", "Labour Day (holiday)". */
const MARKER_WORDS = '调休|补班|上班|放假|休假|休息|假期|休|班|假|work(?:ing)?(?:\\s*days?)?|holidays?|days?\\s*off|off';
const BRACKETED_MARKER = new RegExp(`[(（\\[【]\\s*(?:${MARKER_WORDS})\\s*[)）\\]】]`, 'gi');
/** A trailing marker after a separator ("春节 补班", "New Year - holiday"). */
const SEPARATED_MARKER = new RegExp(`[\\s\\-–—:：·,，]+(?:${MARKER_WORDS})$`, 'i');
/** A trailing Chinese marker with no separator ("春节放假", "国庆节调休上班"): no holiday's name ends so. */
const CJK_SUFFIX_MARKER = /(?:调休|补班|上班|放假|休假|休息|假期|休|班|假)+$/;

function holidayName(summary: string): string {
  let name = summary.replace(/\s+/g, ' ').replace(BRACKETED_MARKER, ' ').trim();
  let previous = '';
  while (name !== previous) {
    previous = name;
    name = name.replace(SEPARATED_MARKER, '').replace(CJK_SUFFIX_MARKER, '').trim();
  }
  name = name.replace(/^[\s\-–—:：·,，]+|[\s\-–—:：·,，]+$/g, '');
  // A summary that is nothing but a marker ("补班") still names the day rather than failing.
  return name === '' ? summary.replace(/\s+/g, ' ').trim() : name;
}

interface IcsDay {
  date: string;
  workday: boolean;
  holiday: string;
  /** The line of the event's DTSTART, for messages. */
  line: number;
}

type EventDraft = { line: number } & Partial<Record<'DTSTART' | 'DTEND' | 'DURATION' | 'SUMMARY' | 'CATEGORIES' | 'STATUS', Property>>;

const bad = (code: ReasonCode, line?: number, detail?: string): ImportResult => ({
  ok: false,
  code,
  ...(line === undefined ? {} : { line }),
  ...(detail === undefined ? {} : { detail }),
});

/** Every day an event covers; an ImportResult when it cannot be read. */
function eventDays(event: EventDraft): IcsDay[] | ImportResult {
  const startProp = event.DTSTART;
  if (!startProp) return bad('calendar.bad_line', event.line);
  const start = parseIcsDate(startProp);
  if (!start) return bad('calendar.bad_line', startProp.line);
  // DTEND is exclusive (3.6.1): an all-day event on 1 May has DTEND 2 May. A timed end counts
  // its own date unless it is exactly midnight. No DTEND and no DURATION: one day.
  let days = 1;
  if (event.DTEND) {
    const end = parseIcsDate(event.DTEND);
    if (!end || end.date < start.date) return bad('calendar.bad_line', event.DTEND.line);
    days = Math.max(1, daysBetween(start.date, end.midnight ? end.date : addDays(end.date, 1)));
  } else if (event.DURATION) {
    const m = /^\+?P(?:(\d+)W|(\d+)D)$/i.exec(event.DURATION.value.trim());
    if (!m) return bad('calendar.bad_line', event.DURATION.line);
    days = Math.max(1, m[1] ? Number(m[1]) * 7 : Number(m[2]));
  }
  // No holiday lasts a year: a longer span is a broken feed, and would only waste memory.
  if (days > 366) return bad('calendar.bad_line', (event.DTEND ?? event.DURATION ?? startProp).line);
  const summary = event.SUMMARY ? textValue(event.SUMMARY.value).trim() : '';
  const categories = event.CATEGORIES ? textList(event.CATEGORIES.value).map((c) => c.trim().toUpperCase()) : [];
  const workday = WORKDAY_MARK.test(summary) || categories.includes('WORKDAY');
  const holiday = holidayName(summary);
  if (holiday === '') return bad('calendar.bad_line', event.SUMMARY?.line ?? event.line);
  return Array.from({ length: days }, (_, i) => ({ date: addDays(start.date, i), workday, holiday, line: startProp.line }));
}

function fromIcs(text: string, fileName: string): ImportResult {
  const stack: string[] = [];
  let calendarName = '';
  let event: EventDraft | null = null;
  const days: IcsDay[] = [];
  const lines = unfold(text);
  // Anything else (a vCard, a web page saved by mistake) is not a calendar at all.
  if (!/^BEGIN:VCALENDAR\s*$/i.test(lines[0]?.text ?? '')) return bad('calendar.bad_file');
  for (const { text: raw, line } of lines) {
    const prop = parseProperty(raw, line);
    if (!prop) return bad('calendar.bad_line', line);
    if (prop.name === 'BEGIN' || prop.name === 'END') {
      const component = prop.value.trim().toUpperCase();
      if (prop.name === 'BEGIN') {
        if (stack.length === 0 && component !== 'VCALENDAR') return bad('calendar.bad_file');
        if (component === 'VEVENT') event = { line };
        stack.push(component);
        continue;
      }
      if (stack.pop() !== component) return bad('calendar.bad_line', line);
      if (component === 'VEVENT' && event) {
        // A cancelled event is no longer on the calendar (3.8.1.11).
        if (event.STATUS?.value.trim().toUpperCase() !== 'CANCELLED') {
          const covered = eventDays(event);
          if (!Array.isArray(covered)) return covered;
          days.push(...covered);
        }
        event = null;
      }
      continue;
    }
    const inside = stack[stack.length - 1];
    if (inside === undefined) return bad('calendar.bad_line', line);
    if (inside === 'VCALENDAR' && prop.name === 'X-WR-CALNAME') calendarName = textValue(prop.value).trim();
    // Properties of VALARM, VTIMEZONE (which has DTSTARTs of its own) etc. are not the event's.
    if (inside !== 'VEVENT' || !event) continue;
    switch (prop.name) {
      case 'DTSTART':
      case 'DTEND':
      case 'DURATION':
      case 'SUMMARY':
      case 'CATEGORIES':
      case 'STATUS':
        if (event[prop.name]) return bad('calendar.bad_line', line);
        event[prop.name] = prop;
        break;
      case 'RRULE':
      case 'RDATE':
        // Recurrence is not expanded: taking only the first date would import a wrong calendar
        // without a word. Official feeds list every holiday as its own event.
        return bad('calendar.bad_line', line);
    }
  }
  if (stack.length > 0) return bad('calendar.bad_file', undefined, 'unterminated');
  if (days.length === 0) return bad('calendar.bad_file');

  // One file, one year: the year most of its days are in. A stray event of another year is
  // refused by name rather than silently dropped, as the JSON and CSV imports do.
  const perYear = new Map<number, number>();
  for (const d of days) perYear.set(Number(d.date.slice(0, 4)), (perYear.get(Number(d.date.slice(0, 4))) ?? 0) + 1);
  const year = [...perYear.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0] ?? 0;
  const seen = new Map<string, IcsDay>();
  for (const d of days) {
    if (!d.date.startsWith(`${year}-`)) return bad('calendar.wrong_year', d.line, d.date);
    const earlier = seen.get(d.date);
    // Feeds overlap events of one kind (中秋节 inside a 国庆节 week): the first name stays. A
    // day that is both off and on is a contradiction.
    if (earlier && earlier.workday !== d.workday) return bad('calendar.duplicate_day', d.line, d.date);
    if (!earlier) seen.set(d.date, d);
  }
  const sorted = [...seen.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const entry = (d: IcsDay) => ({ date: d.date, holiday: d.holiday });
  return validate([
    {
      year,
      source: (calendarName || fileName).slice(0, 200),
      holidays: sorted.filter((d) => !d.workday).map(entry),
      workdays: sorted.filter((d) => d.workday).map(entry),
    },
  ]);
}

/**
 * The format: the caller's word if given, else an iCalendar body (whatever the file is called:
 * feeds are often saved as .txt or with no extension), else the file name's extension.
 */
function detectFormat(fileName: string, body: string, format: CalendarFormat | undefined): CalendarFormat | null {
  if (format) return format;
  if (/^\s*BEGIN:VCALENDAR\b/i.test(body)) return 'ics';
  if (/\.json$/i.test(fileName)) return 'json';
  if (/\.csv$/i.test(fileName)) return 'csv';
  if (/\.(ics|ical|ifb|icalendar)$/i.test(fileName)) return 'ics';
  return null;
}

export function importCalendar(fileName: string, text: string, format?: CalendarFormat): ImportResult {
  if (text.length > MAX_BYTES) return { ok: false, code: 'calendar.bad_file', detail: 'too large' };
  const body = text.replace(/^\uFEFF/, ''); // Excel writes a BOM
  const kind = detectFormat(fileName, body, format);
  if (kind === 'json') {
    let data: unknown;
    try {
      data = JSON.parse(body);
    } catch {
      return { ok: false, code: 'calendar.bad_file' };
    }
    return validate(Array.isArray(data) ? data : [data]);
  }
  if (kind === 'csv') return fromCsv(body, fileName);
  if (kind === 'ics') return fromIcs(body, fileName);
  return { ok: false, code: 'calendar.unsupported_format' };
}
