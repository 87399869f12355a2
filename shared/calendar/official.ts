// The official working calendar: statutory holidays and adjusted working days (调休上班日)
// as published each year by the State Council, on top of the ordinary Monday-to-Friday week.
// A year's calendar is data (shipped for 2026, imported by administrators for later years),
// validated by this schema wherever it is received.
import { z } from 'zod';
import { dayOfWeek, isoDateSchema } from './dates';
import type { WorkCalendar } from './workingDays';

export const calendarDaySchema = z.object({
  date: isoDateSchema,
  /** The holiday it belongs to (元旦, 春节, ...): a key into the holiday names. */
  holiday: z.string().min(1).max(40),
});

export const officialYearSchema = z
  .object({
    year: z.number().int().min(2000).max(2100),
    /** Where the dates come from, e.g. the notice's title and date. */
    source: z.string().max(200),
    /** Days off: statutory holidays and the rest days moved next to them. */
    holidays: z.array(calendarDaySchema).max(60),
    /** Weekend days that are working days (调休上班). */
    workdays: z.array(calendarDaySchema).max(20),
  })
  .superRefine((y, ctx) => checkOfficialYear(y, ctx));
export type OfficialYear = z.infer<typeof officialYearSchema>;

type YearDays = Pick<OfficialYear, 'year' | 'holidays' | 'workdays'>;

/** The rules of a year's list: every day in that year, none twice, adjusted working days on weekends. */
export function checkOfficialYear(y: YearDays, ctx: z.RefinementCtx): void {
    const seen = new Set<string>();
    for (const [list, name] of [
      [y.holidays, 'holidays'],
      [y.workdays, 'workdays'],
    ] as const) {
      list.forEach((d, i) => {
        if (!d.date.startsWith(`${y.year}-`)) ctx.addIssue({ code: 'custom', path: [name, i, 'date'], message: 'calendar.wrong_year' });
        if (seen.has(d.date)) ctx.addIssue({ code: 'custom', path: [name, i, 'date'], message: 'calendar.duplicate_day' });
        seen.add(d.date);
        const weekend = [0, 6].includes(dayOfWeek(d.date));
        if (name === 'workdays' && !weekend) ctx.addIssue({ code: 'custom', path: [name, i, 'date'], message: 'calendar.workday_not_weekend' });
      });
    }
  }


/** A calendar from official years; years not given fall back to the ordinary week. */
export function officialCalendar(years: ReadonlyArray<Pick<OfficialYear, "holidays" | "workdays">>): WorkCalendar {
  const off = new Set<string>();
  const on = new Set<string>();
  for (const y of years) {
    for (const d of y.holidays) off.add(d.date);
    for (const d of y.workdays) on.add(d.date);
  }
  return {
    isWorkingDay(date) {
      if (on.has(date)) return true;
      if (off.has(date)) return false;
      const d = dayOfWeek(date);
      return d !== 0 && d !== 6;
    },
  };
}
