// The working calendar as the administrator sees it: a year of month grids (Monday first, as
// Chinese wall calendars are printed), each day marked as a holiday (休), an adjusted working
// day (班), a weekend or an ordinary working day; and the year's holidays in words.
import { addDays, dayOfWeek } from '../../../shared/calendar/dates';
import type { OfficialYear } from '../../../shared/calendar/official';

export type YearDays = Pick<OfficialYear, 'year' | 'holidays' | 'workdays'>;

/** What a day is on the working calendar. */
export type DayKind = 'holiday' | 'workday' | 'weekend' | 'normal';

export interface DayMark {
  kind: 'holiday' | 'workday';
  /** The holiday it belongs to: a key of the shipped data ('national_day') or free text. */
  holiday: string;
}

export interface DayCell {
  date: string;
  /** Day of the month, 1-31. */
  day: number;
  kind: DayKind;
  holiday: string | null;
  /** Saturday or Sunday, whatever the calendar makes of it. */
  weekend: boolean;
}

/** Six weeks of seven days, Monday first; null where a cell belongs to another month. */
export type MonthGrid = Array<Array<DayCell | null>>;

const pad = (n: number) => String(n).padStart(2, '0');

export function isWeekend(date: string): boolean {
  const d = dayOfWeek(date);
  return d === 0 || d === 6;
}

/** The marked days of a year by date. */
export function markedDays(days: YearDays | undefined): Map<string, DayMark> {
  const marks = new Map<string, DayMark>();
  for (const d of days?.holidays ?? []) marks.set(d.date, { kind: 'holiday', holiday: d.holiday });
  for (const d of days?.workdays ?? []) marks.set(d.date, { kind: 'workday', holiday: d.holiday });
  return marks;
}

export function dayCell(date: string, marks: ReadonlyMap<string, DayMark>): DayCell {
  const mark = marks.get(date);
  const weekend = isWeekend(date);
  return { date, day: Number(date.slice(8, 10)), kind: mark ? mark.kind : weekend ? 'weekend' : 'normal', holiday: mark?.holiday ?? null, weekend };
}

/**
 * The month as six rows of a Monday-first week. Always six rows, even for a February that fits
 * in four, so the twelve months of a year line up in the page's grid.
 */
export function monthGrid(year: number, month: number, marks: ReadonlyMap<string, DayMark>): MonthGrid {
  const first = `${year}-${pad(month)}-01`;
  // dayOfWeek: 0 = Sunday; Monday-first puts Sunday last.
  const lead = (dayOfWeek(first) + 6) % 7;
  const weeks: MonthGrid = [];
  for (let w = 0; w < 6; w++) {
    const week: Array<DayCell | null> = [];
    for (let d = 0; d < 7; d++) {
      const date = addDays(first, w * 7 + d - lead);
      week.push(date.slice(0, 7) === first.slice(0, 7) ? dayCell(date, marks) : null);
    }
    weeks.push(week);
  }
  return weeks;
}

export interface HolidayRun {
  start: string;
  end: string;
  days: number;
}

export interface HolidaySummary {
  holiday: string;
  /** Consecutive days off, in date order. */
  off: HolidayRun[];
  /** The adjusted working days that go with it. */
  workdays: string[];
}

/**
 * The year's holidays in calendar order, each with its stretches of days off and its adjusted
 * working days: "春节 2月15日至23日，共9天；2月14日、28日上班".
 */
export function holidaySummaries(days: YearDays | undefined): HolidaySummary[] {
  const byName = new Map<string, HolidaySummary>();
  const entry = (holiday: string) => {
    let s = byName.get(holiday);
    if (!s) {
      s = { holiday, off: [], workdays: [] };
      byName.set(holiday, s);
    }
    return s;
  };
  const byDate = (a: { date: string }, b: { date: string }) => (a.date < b.date ? -1 : 1);
  for (const d of [...(days?.holidays ?? [])].sort(byDate)) {
    const s = entry(d.holiday);
    const last = s.off[s.off.length - 1];
    if (last && addDays(last.end, 1) === d.date) {
      last.end = d.date;
      last.days += 1;
    } else s.off.push({ start: d.date, end: d.date, days: 1 });
  }
  for (const d of [...(days?.workdays ?? [])].sort(byDate)) entry(d.holiday).workdays.push(d.date);
  // In the order of the days off: National Day's working Sunday in September does not put it
  // before the Mid-Autumn Festival.
  const first = (s: HolidaySummary) => s.off[0]?.start ?? s.workdays[0] ?? '';
  return [...byName.values()].sort((a, b) => (first(a) < first(b) ? -1 : first(a) > first(b) ? 1 : 0));
}

/**
 * The years the selector offers: every year with a document, the years Bureau ships, this year
 * and next, and the year after the last known one (to prepare it as soon as it is published).
 */
export function selectableYears(documentYears: readonly number[], shippedYears: readonly number[], currentYear: number): number[] {
  const years = new Set<number>([...documentYears, ...shippedYears, currentYear, currentYear + 1]);
  years.add(Math.max(...years) + 1);
  return [...years].filter((y) => y >= 2000 && y <= 2100).sort((a, b) => a - b);
}

/** Month names and Monday-first weekday initials in the user's language, from the platform's locale data. */
export function monthName(language: string, month: number): string {
  return new Intl.DateTimeFormat(language, { month: 'long', timeZone: 'UTC' }).format(Date.UTC(2001, month - 1, 1));
}

export function weekdayInitials(language: string): string[] {
  // 2001-01-01 was a Monday.
  const format = new Intl.DateTimeFormat(language, { weekday: 'narrow', timeZone: 'UTC' });
  return Array.from({ length: 7 }, (_, i) => format.format(Date.UTC(2001, 0, 1 + i)));
}

/** "10月1日" / "October 1" / "1 de octubre": a day of the year in words. */
export function monthDay(language: string, date: string): string {
  return new Intl.DateTimeFormat(language, { month: 'long', day: 'numeric', timeZone: 'UTC' }).format(Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))));
}

/** "2026年10月1日星期四" / "Thursday, October 1, 2026". */
export function fullDate(language: string, date: string): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'full', timeZone: 'UTC' }).format(Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))));
}
