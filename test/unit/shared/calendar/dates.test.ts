import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, compareDates, dateOfInstant, dayOfWeek, daysBetween, isIsoDate, isoDateSchema } from '../../../../shared/calendar/dates';

describe('isIsoDate', () => {
  it.each(['2026-03-02', '2026-12-31', '2028-02-29', '2000-02-29', '2026-01-01'])('accepts the real calendar date %s', (date) => {
    expect(isIsoDate(date)).toBe(true);
  });

  it.each([
    ['February 30th', '2026-02-30'],
    ['February 29th of a common year', '2027-02-29'],
    ['February 29th of 1900 (not a leap year)', '1900-02-29'],
    ['April 31st', '2026-04-31'],
    ['month 13', '2026-13-01'],
    ['month 0', '2026-00-10'],
    ['day 0', '2026-03-00'],
    ['an unpadded month and day', '2026-3-2'],
    ['an unpadded day', '2026-03-2'],
    ['an unpadded month', '2026-3-02'],
    ['a two-digit year', '26-03-02'],
    ['slashes', '2026/03/02'],
    ['a time part', '2026-03-02T00:00:00Z'],
    ['surrounding spaces', ' 2026-03-02 '],
    ['full-width digits', '２０２６-０３-０２'],
    ['an empty string', ''],
  ])('rejects %s (%s)', (_name, value) => {
    expect(isIsoDate(value)).toBe(false);
    expect(isoDateSchema.safeParse(value).success).toBe(false);
  });

  it('names the date message key when the schema refuses', () => {
    const result = isoDateSchema.safeParse('2026-02-30');
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe('validation.date');
  });
});

describe('date arithmetic', () => {
  // The arithmetic must not depend on the machine's zone: run it under a zone with daylight
  // saving (Europe switches on 2026-03-29 and back on 2026-10-25; the US on 2026-03-08).
  const originalTz = process.env.TZ;
  beforeAll(() => {
    process.env.TZ = 'Europe/Berlin';
  });
  afterAll(() => {
    if (originalTz === undefined) delete process.env.TZ;
    else process.env.TZ = originalTz;
  });

  it.each([
    ['2026-03-28', 1, '2026-03-29'],
    ['2026-03-29', 1, '2026-03-30'],
    ['2026-10-24', 2, '2026-10-26'],
    ['2026-03-07', 2, '2026-03-09'],
    ['2026-01-31', 1, '2026-02-01'],
    ['2026-12-31', 1, '2027-01-01'],
    ['2027-01-01', -1, '2026-12-31'],
    ['2028-02-28', 1, '2028-02-29'],
    ['2028-02-29', 1, '2028-03-01'],
    ['2027-02-28', 1, '2027-03-01'],
    ['2026-03-02', 0, '2026-03-02'],
    ['2026-03-02', 365, '2027-03-02'],
    ['2028-01-01', 366, '2029-01-01'],
  ])('addDays(%s, %i) = %s', (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
  });

  it.each([
    ['2026-03-01', '2026-04-01', 31],
    ['2026-10-01', '2026-11-01', 31],
    ['2026-03-28', '2026-03-30', 2],
    ['2026-04-01', '2026-03-01', -31],
    ['2026-03-02', '2026-03-02', 0],
    ['2028-01-01', '2029-01-01', 366],
    ['2026-01-01', '2027-01-01', 365],
    ['2028-02-28', '2028-03-01', 2],
  ])('daysBetween(%s, %s) = %i', (a, b, expected) => {
    expect(daysBetween(a, b)).toBe(expected);
  });

  it('walks a whole leap year day by day and lands where daysBetween says', () => {
    let day = '2028-01-01';
    for (let i = 0; i < 366; i++) {
      const next = addDays(day, 1);
      expect(daysBetween(day, next)).toBe(1);
      expect(compareDates(day, next)).toBe(-1);
      day = next;
    }
    expect(day).toBe('2029-01-01');
  });

  it.each([
    ['2026-03-01', 0],
    ['2026-03-02', 1],
    ['2026-03-06', 5],
    ['2026-10-31', 6],
    ['2028-02-29', 2],
  ])('dayOfWeek(%s) = %i', (date, expected) => {
    expect(dayOfWeek(date)).toBe(expected);
  });

  it('throws on a string that is not a date rather than computing garbage', () => {
    expect(() => addDays('2026-3-2', 1)).toThrow(RangeError);
    expect(() => daysBetween('yesterday', '2026-03-02')).toThrow(RangeError);
  });

  it('orders dates chronologically, across years', () => {
    expect(compareDates('2026-12-31', '2027-01-01')).toBe(-1);
    expect(compareDates('2027-01-01', '2026-12-31')).toBe(1);
    expect(compareDates('2026-03-02', '2026-03-02')).toBe(0);
  });
});

describe('dateOfInstant', () => {
  it('gives the office calendar date in China (UTC+8) by default', () => {
    // 17:30 UTC on the 1st is 01:30 on the 2nd in Beijing.
    expect(dateOfInstant('2026-03-01T17:30:00Z')).toBe('2026-03-02');
    expect(dateOfInstant('2026-03-01T15:59:59Z')).toBe('2026-03-01');
  });

  it('honours another offset', () => {
    expect(dateOfInstant('2026-03-01T17:30:00Z', 0)).toBe('2026-03-01');
    expect(dateOfInstant('2026-03-02T02:00:00Z', -300)).toBe('2026-03-01');
  });
});
