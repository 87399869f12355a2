// A year of the working calendar as the admin page works with it: where it comes from (its
// document, the data Bureau ships, or nothing yet), how an imported file would change it, what
// an exported file holds, and how holiday names are shown and stored.
import type { TFunction } from 'i18next';
import { SHIPPED_YEARS } from '../../../shared/calendar/agencyCalendar';
import type { ImportResult } from '../../../shared/calendar/importCalendar';
import type { CalendarYearDoc } from '../../../shared/domain/calendarYear';
import { reasonText } from '../../i18n/reasons';
import { markedDays, type DayMark, type YearDays } from './calendarGrid';
import { messages } from './messages';

export type YearOrigin = 'document' | 'shipped' | 'none';

export interface ResolvedYear {
  days: YearDays & { source: string };
  origin: YearOrigin;
  doc: CalendarYearDoc | null;
}

/** The year as every day count sees it (shared/leave/calendar.ts loadYears): its document, else the shipped data, else the ordinary week. */
export function resolveYear(year: number, docs: readonly CalendarYearDoc[]): ResolvedYear {
  const doc = docs.find((d) => d.year === year) ?? null;
  if (doc) return { days: doc, origin: 'document', doc };
  const shipped = SHIPPED_YEARS.find((y) => y.year === year);
  if (shipped) return { days: shipped, origin: 'shipped', doc: null };
  return { days: { year, source: '', holidays: [], workdays: [] }, origin: 'none', doc: null };
}

export interface DayChange {
  date: string;
  before: DayMark | null;
  after: DayMark | null;
}

/** Every day an import would change, in date order (a day that becomes ordinary has `after` null). */
export function calendarChanges(before: YearDays | undefined, after: YearDays): DayChange[] {
  const old = markedDays(before && canonicalYear(before));
  const next = markedDays(canonicalYear(after));
  const dates = new Set([...old.keys(), ...next.keys()]);
  const changes: DayChange[] = [];
  for (const date of [...dates].sort()) {
    const b = old.get(date) ?? null;
    const a = next.get(date) ?? null;
    if (b?.kind !== a?.kind || b?.holiday !== a?.holiday) changes.push({ date, before: b, after: a });
  }
  return changes;
}

/**
 * The year as a JSON file another office can import (the shape importCalendar reads back):
 * only the official data, not who edited it when.
 */
export function exportYearJson(days: YearDays & { source: string }): string {
  const { year, source, holidays, workdays } = days;
  return `${JSON.stringify({ year, source, holidays, workdays }, null, 2)}\n`;
}

export const exportFileName = (year: number): string => `bureau-calendar-${year}.json`;

/**
 * Holiday names Bureau knows and translates: the shipped data's keys, and the names
 * calendar.setDay gives a day saved without one.
 */
export const KNOWN_HOLIDAYS = ['new_year', 'spring_festival', 'qingming', 'labour_day', 'dragon_boat', 'mid_autumn', 'national_day', 'holiday', 'adjusted'] as const;
export type KnownHoliday = (typeof KNOWN_HOLIDAYS)[number];

export function isKnownHoliday(name: string): name is KnownHoliday {
  return (KNOWN_HOLIDAYS as readonly string[]).includes(name);
}

/** The known holiday an official Chinese name stands for ('国庆节' → 'national_day'), if any. */
function knownByChineseName(name: string): KnownHoliday | undefined {
  const zh: Record<string, string> = messages.zhCN;
  return KNOWN_HOLIDAYS.find((key) => zh[`admin.holiday.${key}`] === name);
}

/** A known holiday's key for its key or its official Chinese name; any other name as it is. */
export function canonicalHoliday(name: string): string {
  return isKnownHoliday(name) ? name : (knownByChineseName(name.trim()) ?? name);
}

/**
 * A year with the official holidays named by their keys, as in the data Bureau ships: an
 * imported "国庆节" is then the same holiday as 'national_day' (no change to report) and is
 * shown in the reader's language.
 */
export function canonicalYear<Y extends YearDays>(year: Y): Y {
  const day = (d: { date: string; holiday: string }) => ({ date: d.date, holiday: canonicalHoliday(d.holiday) });
  return { ...year, holidays: year.holidays.map(day), workdays: year.workdays.map(day) };
}

/**
 * A holiday's name for the screen: a known key translated; an imported name as written, except
 * the official Chinese names of the known holidays (a CSV or .ics names them so), which are
 * translated too.
 */
export function holidayLabel(t: TFunction, name: string): string {
  const key = canonicalHoliday(name);
  return isKnownHoliday(key) ? t(`admin.holiday.${key}`) : name;
}

/** The official holidays (not the default names) an administrator can pick from when marking a day. */
export const HOLIDAY_CHOICES = KNOWN_HOLIDAYS.filter((h) => h !== 'holiday' && h !== 'adjusted');

/**
 * What to store for a name the administrator typed or picked: a known holiday's translated
 * name becomes its key again, so it keeps being shown in every language.
 */
export function holidayToStore(t: TFunction, text: string): string {
  const name = text.trim();
  const known = KNOWN_HOLIDAYS.find((key) => t(`admin.holiday.${key}`) === name);
  return known ?? name;
}

/** Why a file cannot be imported, with the file's name and, where known, the line. */
export function importErrorText(t: TFunction, fileName: string, result: Extract<ImportResult, { ok: false }>): string {
  const reason = reasonText(t, result.code, result.line === undefined ? {} : { line: result.line });
  // bad_line names its line in the reason itself.
  if (result.line !== undefined && result.code !== 'calendar.bad_line') return t('admin.calendar.importErrorAtLine', { file: fileName, line: result.line, reason });
  return t('admin.calendar.importError', { file: fileName, reason });
}
