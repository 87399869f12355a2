// The working calendar a mutator counts with: the years' calendar documents (imported or edited
// by administrators) where they exist, else the official data Bureau ships, else the ordinary
// Monday-to-Friday week.
import { calendarYearId } from '../domain/calendarYear';
import { SHIPPED_YEARS } from '../calendar/agencyCalendar';
import { officialCalendar, type OfficialYear } from '../calendar/official';
import type { WorkCalendar } from '../calendar/workingDays';
import type { DocTx } from '../mutators/types';

type Days = Pick<OfficialYear, 'year' | 'holidays' | 'workdays'>;

export function yearsOf(from: string, to: string): number[] {
  const first = Number(from.slice(0, 4));
  const last = Number(to.slice(0, 4));
  const years: number[] = [];
  for (let y = first; y <= last && years.length < 5; y++) years.push(y);
  return years;
}

/** The calendar years that cover `from`..`to`, each from its document or the shipped data. */
export async function loadYears(tx: Pick<DocTx, 'get'>, from: string, to: string): Promise<Days[]> {
  const found: Days[] = [];
  for (const year of yearsOf(from, to)) {
    const doc = await tx.get('calendars', calendarYearId(year));
    const shipped = SHIPPED_YEARS.find((y) => y.year === year);
    if (doc) found.push(doc);
    else if (shipped) found.push(shipped);
  }
  return found;
}

export async function loadCalendar(tx: Pick<DocTx, 'get'>, from: string, to: string): Promise<WorkCalendar> {
  return officialCalendar(await loadYears(tx, from, to));
}
