// Annual leave entitlement under the Regulations on Paid Annual Leave for Employees (State
// Council Decree 514, 职工带薪年休假条例) and its implementing measures (企业职工带薪年休假实施办法).
//
// - Art. 3 of the Regulations: total working time (累计工作时间, across all employers) of at least
//   1 and under 10 years gives 5 days a year; 10 to under 20 gives 10; 20 or more gives 15; under
//   1 year gives none.
// - Art. 5 of the measures: someone who joins mid-year gets the remaining calendar days' share
//   of the year's days, and "the part below one whole day is not granted": we round down.
//
// We pro-rate day by day: every calendar day of the year that the employee is with the agency
// earns the rate for the working years completed on that day, so a mid-year join and a mid-year
// 1/10/20-year anniversary are handled by the same rule. The sum is divided by the length of the
// year (366 in a leap year, so that a whole leap year gives exactly the statutory days; the
// measures' own example divides by 365) and rounded down once, at the end.
//
// All arithmetic is on integers (rate × days), so no floating point can tip a floor.
import { addDays, daysBetween, isIsoDate } from '../calendar/dates';

/** The statutory yearly days of Decree 514 art. 3. */
export type StatutoryDays = 0 | 5 | 10 | 15;

export interface EntitlementProfile {
  /** First day of the employee's first job anywhere (start of the total working time); null: unknown. */
  firstEmployedOn: string | null;
  /** First day with this agency; null: unknown, taken as "with the agency the whole year". */
  joinedOn: string | null;
}

/** Consecutive days of the year that earn the same rate. */
export interface RateSegment {
  from: string;
  to: string;
  /** Statutory days a year for the working years completed on these days. */
  rate: StatutoryDays;
}

export interface AnnualEntitlement {
  /** Whole days granted for the year. */
  days: number;
  /** What a whole year at the rate of 31 December would give (0 when the working time is unknown). */
  fullYearDays: StatutoryDays;
  /** The counted days, split where the rate changes; empty when no day counts. */
  segments: RateSegment[];
}

interface CalendarDay {
  year: number;
  month: number;
  day: number;
}

function parseIsoDate(date: string): CalendarDay {
  if (!isIsoDate(date)) throw new RangeError(`not an ISO date: ${date}`);
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return { year, month, day };
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInYear(year: number): number {
  return isLeapYear(year) ? 366 : 365;
}

/**
 * The month and day of `start`'s anniversary in `year`. A 29 February start has its anniversary
 * on 28 February in common years: the Civil Code (art. 201) ends a period counted in years on
 * the last day of the month when the corresponding day does not exist, so the year is complete
 * by the end of February rather than on 1 March.
 */
function anniversaryIn(start: CalendarDay, year: number): { month: number; day: number } {
  if (start.month === 2 && start.day === 29 && !isLeapYear(year)) return { month: 2, day: 28 };
  return { month: start.month, day: start.day };
}

/**
 * Whole years of total working time completed on `on`, counting from `firstEmployedOn`. The
 * anniversary itself completes the year (employed 2016-07-01: 10 years on 2026-07-01). Before
 * the first day of employment: 0.
 */
export function completedWorkingYears(firstEmployedOn: string, on: string): number {
  const start = parseIsoDate(firstEmployedOn);
  const day = parseIsoDate(on);
  const anniversary = anniversaryIn(start, day.year);
  const reachedThisYear = day.month > anniversary.month || (day.month === anniversary.month && day.day >= anniversary.day);
  return Math.max(0, day.year - start.year - (reachedThisYear ? 0 : 1));
}

/** Decree 514 art. 3: days a year for `years` of completed total working time. */
export function statutoryAnnualDays(years: number): StatutoryDays {
  if (years < 1) return 0;
  if (years < 10) return 5;
  if (years < 20) return 10;
  return 15;
}

/** Splits from..to (both included) into runs of days with the same rate. */
function rateSegments(firstEmployedOn: string, from: string, to: string): RateSegment[] {
  const segments: RateSegment[] = [];
  // At most 366 days: walking them one by one is the definition itself, with nothing to get wrong.
  for (let day = from; day <= to; day = addDays(day, 1)) {
    const rate = statutoryAnnualDays(completedWorkingYears(firstEmployedOn, day));
    const last = segments.at(-1);
    if (last && last.rate === rate) last.to = day;
    else segments.push({ from: day, to: day, rate });
  }
  return segments;
}

/**
 * The annual leave granted for calendar `year`: every day from max(1 January, joinedOn) to 31
 * December earns its day's statutory rate; the sum over the year's length, rounded down.
 */
export function annualEntitlement(profile: EntitlementProfile, year: number): AnnualEntitlement {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) throw new RangeError(`not a calendar year: ${year}`);
  const yearStart = `${year}-01-01`;
  const yearEnd = `${year}-12-31`;
  const { firstEmployedOn, joinedOn } = profile;
  // Without a known start of working time no year can be shown to be completed (art. 3 needs one).
  if (firstEmployedOn === null) return { days: 0, fullYearDays: 0, segments: [] };

  const fullYearDays = statutoryAnnualDays(completedWorkingYears(firstEmployedOn, yearEnd));
  if (joinedOn !== null) parseIsoDate(joinedOn);
  const from = joinedOn !== null && joinedOn > yearStart ? joinedOn : yearStart;
  if (from > yearEnd || firstEmployedOn > yearEnd) return { days: 0, fullYearDays, segments: [] };

  const segments = rateSegments(firstEmployedOn, from, yearEnd);
  const earned = segments.reduce((sum, s) => sum + s.rate * (daysBetween(s.from, s.to) + 1), 0);
  return { days: Math.floor(earned / daysInYear(year)), fullYearDays, segments };
}
