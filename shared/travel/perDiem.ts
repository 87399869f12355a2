// Per-diem allowances (伙食补助费 and 市内交通费) for a trip. The central rules (财行〔2013〕531号
// and the standards modelled on it) pay both per calendar day (自然日) away, weekends and public
// holidays included, at the rate of the region where the traveller is that day. A day spent
// travelling counts for the place travelled to, and the day of return for the last destination,
// so every day from setting off to coming back is paid exactly once.
//
// Working days (tripWorkingDays) are for other questions, such as how much leave a trip
// overlaps: they use the official calendar loaded as for leave (shared/leave/calendar.ts
// loadCalendar).
import { addDays, compareDates, daysBetween } from '../calendar/dates';
import { countWorkingDays, MAX_SPAN_DAYS, weekendCalendar, type WorkCalendar } from '../calendar/workingDays';
import { sumFen } from '../money/money';
import { regionOfCity, type StandardsData } from './standards';

/**
 * One stay of a trip. `arriveDate` is the first day counted for it: the day the traveller sets
 * off for it (travelling counts for the destination). `leaveDate` is the day they move on or
 * come home; it counts for the next stay when that one starts the same day, else for this one.
 */
export interface TripLeg {
  toCity: string;
  arriveDate: string;
  leaveDate: string;
}

export type AllowanceKind = 'meals' | 'local_transport';

export interface PerDiemLine {
  kind: AllowanceKind;
  regionId: string;
  days: number;
  rateFen: number;
  amountFen: number;
}

export interface PerDiemResult {
  /** Meals lines first, then local transport; regions in the order the trip reaches them. */
  lines: PerDiemLine[];
  /** Calendar days of the trip, from the first leg's arriveDate to the last leg's leaveDate. */
  days: number;
  mealsFen: number;
  localTransportFen: number;
  totalFen: number;
}

/** Calendar days from start to end, both counted (a day trip is 1); 0 when end is before start. */
export function tripDays(start: string, end: string): number {
  return Math.max(0, daysBetween(start, end) + 1);
}

/** Working days from start to end, both included, by a working calendar (the official one). */
export function tripWorkingDays(start: string, end: string, calendar: WorkCalendar = weekendCalendar): number {
  return countWorkingDays({ startDate: start, startHalf: 'am', endDate: end, endHalf: 'pm' }, calendar);
}

/** Legs that can be paid: at least one, each in order, none before the previous one ends. */
export function legsAreValid(legs: readonly TripLeg[]): boolean {
  const first = legs[0];
  const last = legs[legs.length - 1];
  if (!first || !last || tripDays(first.arriveDate, last.leaveDate) > MAX_SPAN_DAYS) return false;
  return legs.every((leg, i) => {
    const previous = legs[i - 1];
    return compareDates(leg.arriveDate, leg.leaveDate) <= 0 && (!previous || compareDates(previous.leaveDate, leg.arriveDate) <= 0);
  });
}

/** The leg a day is paid for: the last leg set off for that day, else the first not yet left. */
function legOfDay(legs: readonly TripLeg[], day: string): TripLeg | undefined {
  for (let i = legs.length - 1; i >= 0; i--) if (legs[i]?.arriveDate === day) return legs[i];
  // A gap between legs (several days on a train) is travel towards the next leg.
  return legs.find((leg) => compareDates(leg.leaveDate, day) >= 0);
}

/**
 * Meal and local-transport allowances for a trip, per calendar day, grouped by region and kind.
 * `rank` is taken because standards may one day set allowances per rank band; the present
 * standards (and the document shape) set them per region only. RangeError for legs that
 * legsAreValid refuses, or when a city's region cannot be found (see regionOfCity).
 */
export function perDiem(std: StandardsData, legs: readonly TripLeg[], _rank: number): PerDiemResult {
  if (!legsAreValid(legs)) throw new RangeError('trip legs out of order');
  const start = legs[0]?.arriveDate ?? '';
  const end = legs[legs.length - 1]?.leaveDate ?? '';
  const days = tripDays(start, end);
  const daysByRegion = new Map<string, { meals: number; local: number; days: number }>();
  for (let i = 0; i < days; i++) {
    const leg = legOfDay(legs, addDays(start, i));
    const region = leg ? regionOfCity(std, leg.toCity) : null;
    if (!region) throw new RangeError('no region for a destination');
    const entry = daysByRegion.get(region.id) ?? { meals: region.mealFenPerDay, local: region.localTransportFenPerDay, days: 0 };
    entry.days += 1;
    daysByRegion.set(region.id, entry);
  }
  const entries = [...daysByRegion.entries()];
  const line = (kind: AllowanceKind, regionId: string, rateFen: number, n: number): PerDiemLine => ({
    kind,
    regionId,
    days: n,
    rateFen,
    amountFen: rateFen * n,
  });
  const meals = entries.map(([id, e]) => line('meals', id, e.meals, e.days));
  const local = entries.map(([id, e]) => line('local_transport', id, e.local, e.days));
  const mealsFen = sumFen(meals.map((l) => l.amountFen));
  const localTransportFen = sumFen(local.map((l) => l.amountFen));
  return { lines: [...meals, ...local], days, mealsFen, localTransportFen, totalFen: sumFen([mealsFen, localTransportFen]) };
}
