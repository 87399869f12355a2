// Calendar dates as ISO strings (YYYY-MM-DD) with no time zone: a leave day is a day on the
// office calendar, not an instant. All arithmetic goes through UTC midnight so that daylight
// saving and the machine's zone can never shift a day.
import { z } from 'zod';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

export const isoDateSchema = z.string().refine(isIsoDate, { message: 'validation.date' });

function toUtc(date: string): number {
  const m = ISO_DATE.exec(date);
  if (!m) throw new RangeError(`not an ISO date: ${date}`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
}

function fromUtc(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

const DAY_MS = 86_400_000;

export function addDays(date: string, days: number): string {
  return fromUtc(toUtc(date) + days * DAY_MS);
}

/** 0 = Sunday ... 6 = Saturday, as Date#getUTCDay. */
export function dayOfWeek(date: string): number {
  return new Date(toUtc(date)).getUTCDay();
}

/** Whole days from a to b (b - a); negative when b is earlier. */
export function daysBetween(a: string, b: string): number {
  return Math.round((toUtc(b) - toUtc(a)) / DAY_MS);
}

export function compareDates(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The calendar date of an instant in a given UTC offset (minutes east of UTC). */
export function dateOfInstant(iso: string, offsetMinutes = 480): string {
  return fromUtc(Date.parse(iso) + offsetMinutes * 60_000).slice(0, 10);
}

/**
 * The agency's time zone: China Standard Time, UTC+8 all year (no daylight saving). Rules
 * that ask "is it today yet?" use the agency's date, on the server and on every client alike,
 * whatever zone a machine is set to.
 */
export const AGENCY_UTC_OFFSET_MINUTES = 480;

/** The agency's calendar date at an instant (ISO string). */
export function agencyDate(instant: string): string {
  return new Date(Date.parse(instant) + AGENCY_UTC_OFFSET_MINUTES * 60_000).toISOString().slice(0, 10);
}
