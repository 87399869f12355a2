import { describe, expect, it } from 'vitest';
import { agencyCalendar } from '../../../../shared/calendar/agencyCalendar';
import { countCalendarDays, countDays, countWorkingDays, isValidSpan, spansOverlap, type HalfDay, type LeaveSpan, type WorkCalendar } from '../../../../shared/calendar/workingDays';
import { seededRng } from '../fixtures/prng';

// 2026-03-02 is a Monday; 03-06 Friday; 03-07/08 the weekend.
const span = (startDate: string, endDate: string, startHalf: HalfDay = 'am', endHalf: HalfDay = 'pm'): LeaveSpan => ({ startDate, startHalf, endDate, endHalf });

describe('countWorkingDays: whole days', () => {
  it.each([
    ['one Monday', span('2026-03-02', '2026-03-02'), 1],
    ['Monday to Friday', span('2026-03-02', '2026-03-06'), 5],
    ['Friday to Monday skips the weekend', span('2026-03-06', '2026-03-09'), 2],
    ['two full weeks, Monday to Sunday', span('2026-03-02', '2026-03-15'), 10],
    ['Saturday alone', span('2026-03-07', '2026-03-07'), 0],
    ['a whole weekend', span('2026-03-07', '2026-03-08'), 0],
    ['Saturday to Monday', span('2026-03-07', '2026-03-09'), 1],
    ['across a month end (Fri 30 Jan to Mon 2 Feb)', span('2026-01-30', '2026-02-02'), 2],
    ['across a year end (Thu 31 Dec to Mon 4 Jan)', span('2026-12-31', '2027-01-04'), 3],
    ['over the leap day (Mon 28 Feb to Wed 1 Mar 2028)', span('2028-02-28', '2028-03-01'), 3],
    ['the leap day alone (a Tuesday)', span('2028-02-29', '2028-02-29'), 1],
    ['the same dates in a common year (Fri 26 Feb to Mon 1 Mar 2027)', span('2027-02-26', '2027-03-01'), 2],
    ['all of 2026', span('2026-01-01', '2026-12-31'), 261],
    ['all of 2028, a leap year', span('2028-01-01', '2028-12-31'), 260],
  ])('%s', (_name, s, expected) => {
    expect(countWorkingDays(s)).toBe(expected);
  });
});

describe('countWorkingDays: half days', () => {
  it.each([
    ["from Monday noon ('pm' start) to Friday evening", span('2026-03-02', '2026-03-06', 'pm', 'pm'), 4.5],
    ["from Monday morning to Friday noon ('am' end)", span('2026-03-02', '2026-03-06', 'am', 'am'), 4.5],
    ['from Monday noon to Friday noon', span('2026-03-02', '2026-03-06', 'pm', 'am'), 4],
    ['one morning (same day am..am)', span('2026-03-02', '2026-03-02', 'am', 'am'), 0.5],
    ['one afternoon (same day pm..pm)', span('2026-03-02', '2026-03-02', 'pm', 'pm'), 0.5],
    ['Thursday noon to Friday noon', span('2026-03-05', '2026-03-06', 'pm', 'am'), 1],
    ['a half day ending on Saturday counts nothing for Saturday', span('2026-03-06', '2026-03-07', 'am', 'am'), 1],
    ['a half day ending on Sunday counts nothing for Sunday', span('2026-03-05', '2026-03-08', 'pm', 'am'), 1.5],
    ['a half day starting on Saturday counts nothing for Saturday', span('2026-03-07', '2026-03-09', 'pm', 'pm'), 1],
    ['a Saturday morning alone', span('2026-03-07', '2026-03-07', 'am', 'am'), 0],
    ['over the leap day, noon to noon', span('2028-02-28', '2028-03-01', 'pm', 'am'), 2],
  ])('%s', (_name, s, expected) => {
    expect(countWorkingDays(s)).toBe(expected);
  });
});

describe('isValidSpan', () => {
  it('refuses the afternoon-until-noon of one day, which is empty, and counts it as 0', () => {
    const s = span('2026-03-02', '2026-03-02', 'pm', 'am');
    expect(isValidSpan(s)).toBe(false);
    expect(countWorkingDays(s)).toBe(0);
  });

  it('refuses an end before the start and counts it as 0', () => {
    const s = span('2026-03-06', '2026-03-02');
    expect(isValidSpan(s)).toBe(false);
    expect(countWorkingDays(s)).toBe(0);
  });

  it.each([
    span('2026-03-02', '2026-03-02', 'am', 'am'),
    span('2026-03-02', '2026-03-02', 'am', 'pm'),
    span('2026-03-02', '2026-03-02', 'pm', 'pm'),
    span('2026-03-02', '2026-03-03', 'pm', 'am'),
  ])('accepts %o', (s) => {
    expect(isValidSpan(s)).toBe(true);
  });
});

describe('countWorkingDays with another calendar', () => {
  it('skips a holiday the calendar declares and counts a make-up Saturday it declares', () => {
    const calendar: WorkCalendar = {
      isWorkingDay: (d) => d !== '2026-03-04' && (d === '2026-03-07' || ![0, 6].includes(new Date(`${d}T00:00:00Z`).getUTCDay())),
    };
    expect(countWorkingDays(span('2026-03-02', '2026-03-08'), calendar)).toBe(5);
    expect(countWorkingDays(span('2026-03-04', '2026-03-04'), calendar)).toBe(0);
  });
});

// --- Property-style checks against an independent brute-force count ------------------------

const DAY_MS = 86_400_000;
const toMs = (d: string) => Date.parse(`${d}T00:00:00Z`);
const fromMs = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Counts weekdays one calendar day at a time with plain Date, in half days. */
function bruteForce(s: LeaveSpan): number {
  const start = toMs(s.startDate);
  const end = toMs(s.endDate);
  if (start > end || (start === end && s.startHalf === 'pm' && s.endHalf === 'am')) return 0;
  let halves = 0;
  for (let t = start; t <= end; t += DAY_MS) {
    const dow = new Date(t).getUTCDay();
    if (dow === 0 || dow === 6) continue;
    halves += 2 - (t === start && s.startHalf === 'pm' ? 1 : 0) - (t === end && s.endHalf === 'am' ? 1 : 0);
  }
  return halves / 2;
}

const FIRST = toMs('2024-01-01');
const LAST = toMs('2030-12-31');

describe('countWorkingDays: properties over random spans', () => {
  it.each([1, 2, 3, 20260302])('equals the brute-force weekday count with half-day adjustments (seed %i)', (seed) => {
    const rng = seededRng(seed);
    for (let i = 0; i < 400; i++) {
      const start = FIRST + rng.int(0, (LAST - FIRST) / DAY_MS) * DAY_MS;
      const s = span(fromMs(start), fromMs(start + rng.int(0, 120) * DAY_MS), rng.pick(['am', 'pm'] as const), rng.pick(['am', 'pm'] as const));
      expect(countWorkingDays(s), JSON.stringify(s)).toBe(bruteForce(s));
    }
  });

  it.each([7, 11, 42])('is additive over adjacent full-day spans: a..c = a..b + (b+1)..c (seed %i)', (seed) => {
    const rng = seededRng(seed);
    for (let i = 0; i < 300; i++) {
      const a = FIRST + rng.int(0, (LAST - FIRST) / DAY_MS) * DAY_MS;
      const b = a + rng.int(0, 60) * DAY_MS;
      const c = b + rng.int(1, 60) * DAY_MS;
      const whole = countWorkingDays(span(fromMs(a), fromMs(c)));
      const parts = countWorkingDays(span(fromMs(a), fromMs(b))) + countWorkingDays(span(fromMs(b + DAY_MS), fromMs(c)));
      expect(whole, `${fromMs(a)}..${fromMs(b)}..${fromMs(c)}`).toBe(parts);
    }
  });

  it('is additive when split at noon: a..c = (a..b morning) + (b afternoon..c)', () => {
    const rng = seededRng(99);
    for (let i = 0; i < 300; i++) {
      const a = FIRST + rng.int(0, (LAST - FIRST) / DAY_MS) * DAY_MS;
      const b = a + rng.int(0, 60) * DAY_MS;
      const c = b + rng.int(0, 60) * DAY_MS;
      const whole = countWorkingDays(span(fromMs(a), fromMs(c)));
      const parts = countWorkingDays(span(fromMs(a), fromMs(b), 'am', 'am')) + countWorkingDays(span(fromMs(b), fromMs(c), 'pm', 'pm'));
      expect(whole, `${fromMs(a)}..${fromMs(b)}..${fromMs(c)}`).toBe(parts);
    }
  });

  it('never exceeds the number of calendar days and is always a whole number of half days', () => {
    const rng = seededRng(5);
    for (let i = 0; i < 300; i++) {
      const start = FIRST + rng.int(0, (LAST - FIRST) / DAY_MS) * DAY_MS;
      const length = rng.int(0, 40);
      const days = countWorkingDays(span(fromMs(start), fromMs(start + length * DAY_MS), rng.pick(['am', 'pm'] as const), rng.pick(['am', 'pm'] as const)));
      expect(days).toBeLessThanOrEqual(length + 1);
      expect(Number.isInteger(days * 2)).toBe(true);
    }
  });
});

describe('countCalendarDays: every day counts (maternity, paternity, home-visit leave)', () => {
  it.each([
    ['one day', span('2026-03-02', '2026-03-02'), 1],
    ['a weekend', span('2026-03-07', '2026-03-08'), 2],
    ['the National Day week, all holiday', span('2026-10-01', '2026-10-07'), 7],
    ['158 days of maternity leave from 1 September, across National Day and the New Year', span('2026-09-01', '2027-02-05'), 158],
    ['98 days from the Spring Festival eve', span('2026-02-16', '2026-05-24'), 98],
    ['over the leap day', span('2028-02-28', '2028-03-01'), 3],
    ['from noon to noon', span('2026-03-02', '2026-03-04', 'pm', 'am'), 2],
    ['one afternoon', span('2026-03-07', '2026-03-07', 'pm', 'pm'), 0.5],
    ['an empty span', span('2026-03-02', '2026-03-02', 'pm', 'am'), 0],
    ['an end before the start', span('2026-03-03', '2026-03-02'), 0],
  ])('%s', (_name, s, expected) => {
    expect(countCalendarDays(s)).toBe(expected);
  });
});

describe('countDays', () => {
  it('counts the same span by the type\'s rule: working days skip the holidays, calendar days do not', () => {
    // Monday 28 September to Thursday 8 October 2026: National Day and the Mid-Autumn Festival
    // fall inside; Sunday 20 September and Saturday 10 October are outside the span.
    const s = span('2026-09-28', '2026-10-08');
    expect(countDays(s, 'working', agencyCalendar)).toBe(4);
    expect(countDays(s, 'calendar', agencyCalendar)).toBe(11);
  });
});

describe('spansOverlap: at half-day precision', () => {
  it.each([
    ['the same day', span('2026-03-02', '2026-03-02'), span('2026-03-02', '2026-03-02'), true],
    ['a morning and the afternoon of the same day', span('2026-03-02', '2026-03-02', 'am', 'am'), span('2026-03-02', '2026-03-02', 'pm', 'pm'), false],
    ['a morning and the whole day', span('2026-03-02', '2026-03-02', 'am', 'am'), span('2026-03-02', '2026-03-02'), true],
    ['ending at noon, the other starting at noon', span('2026-03-02', '2026-03-04', 'am', 'am'), span('2026-03-04', '2026-03-06', 'pm', 'pm'), false],
    ['ending in the evening, the other starting at noon that day', span('2026-03-02', '2026-03-04'), span('2026-03-04', '2026-03-06', 'pm', 'pm'), true],
    ['back to back days', span('2026-03-02', '2026-03-03'), span('2026-03-04', '2026-03-05'), false],
    ['one inside the other', span('2026-03-02', '2026-03-13'), span('2026-03-05', '2026-03-05', 'pm', 'pm'), true],
    ['a week apart', span('2026-03-02', '2026-03-03'), span('2026-03-09', '2026-03-10'), false],
    ['across a year end', span('2026-12-28', '2027-01-04'), span('2027-01-04', '2027-01-04', 'am', 'am'), true],
  ])('%s -> %s', (_name, a, b, expected) => {
    expect(spansOverlap(a, b)).toBe(expected);
    expect(spansOverlap(b, a)).toBe(expected);
  });

  it('agrees with "they share a half day", checked half day by half day over random spans', () => {
    const rng = seededRng(514);
    const halves = (s: LeaveSpan): Set<string> => {
      const out = new Set<string>();
      for (let t = toMs(s.startDate); t <= toMs(s.endDate); t += DAY_MS) {
        const d = fromMs(t);
        if (!(d === s.startDate && s.startHalf === 'pm')) out.add(`${d}am`);
        if (!(d === s.endDate && s.endHalf === 'am')) out.add(`${d}pm`);
      }
      return out;
    };
    const base = toMs('2026-03-01');
    const randomSpan = (): LeaveSpan => {
      for (;;) {
        const start = base + rng.int(0, 20) * DAY_MS;
        const s = span(fromMs(start), fromMs(start + rng.int(0, 4) * DAY_MS), rng.pick(['am', 'pm'] as const), rng.pick(['am', 'pm'] as const));
        if (isValidSpan(s)) return s;
      }
    };
    for (let i = 0; i < 500; i++) {
      const a = randomSpan();
      const b = randomSpan();
      const shared = [...halves(a)].some((h) => halves(b).has(h));
      expect(spansOverlap(a, b), JSON.stringify([a, b])).toBe(shared);
    }
  });
});
