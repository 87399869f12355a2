// The working calendar as the admin page draws it: months Monday first, each day marked the way
// every day count treats it, and the year's holidays in the words of the State Council notice.
import { describe, expect, it } from 'vitest';
import { CN_2026 } from '../../../../shared/calendar/cn2026';
import { fullDate, holidaySummaries, markedDays, monthDay, monthGrid, monthName, selectableYears, weekdayInitials } from '../../../../renderer/features/admin/calendarGrid';

const marks2026 = markedDays(CN_2026);

describe('monthGrid', () => {
  it('lays a month out Monday first in six rows, blank outside the month', () => {
    // 1 October 2026 is a Thursday.
    const grid = monthGrid(2026, 10, marks2026);
    expect(grid).toHaveLength(6);
    expect(grid.every((week) => week.length === 7)).toBe(true);
    expect(grid[0]?.slice(0, 3)).toEqual([null, null, null]);
    expect(grid[0]?.[3]?.date).toBe('2026-10-01');
    const days = grid.flat().filter((c) => c !== null);
    expect(days.map((c) => c.day)).toEqual(Array.from({ length: 31 }, (_, i) => i + 1));
  });

  it('marks National Day as holidays, the Saturday after as a working day, and plain weekends as weekends', () => {
    const byDate = new Map(monthGrid(2026, 10, marks2026).flat().flatMap((c) => (c ? [[c.date, c]] : [])));
    expect(byDate.get('2026-10-01')).toMatchObject({ kind: 'holiday', holiday: 'national_day', weekend: false });
    expect(byDate.get('2026-10-04')).toMatchObject({ kind: 'holiday', weekend: true });
    expect(byDate.get('2026-10-10')).toMatchObject({ kind: 'workday', holiday: 'national_day', weekend: true });
    expect(byDate.get('2026-10-17')).toMatchObject({ kind: 'weekend', holiday: null });
    expect(byDate.get('2026-10-12')).toMatchObject({ kind: 'normal', holiday: null });
  });

  it('handles a February of a leap year and a month starting on Monday', () => {
    const feb = monthGrid(2028, 2, new Map()).flat().filter((c) => c !== null);
    expect(feb).toHaveLength(29);
    // 1 June 2026 is a Monday: nothing before it in the first row.
    expect(monthGrid(2026, 6, new Map())[0]?.[0]?.date).toBe('2026-06-01');
  });

  it('shows a year with no schedule as the ordinary week', () => {
    const cells = monthGrid(2031, 1, markedDays(undefined)).flat().filter((c) => c !== null);
    expect(new Set(cells.map((c) => c.kind))).toEqual(new Set(['normal', 'weekend']));
  });
});

describe('holidaySummaries', () => {
  it('groups each holiday’s days off into stretches, with its adjusted working days, in calendar order', () => {
    const summaries = holidaySummaries(CN_2026);
    expect(summaries.map((s) => s.holiday)).toEqual(['new_year', 'spring_festival', 'qingming', 'labour_day', 'dragon_boat', 'mid_autumn', 'national_day']);
    expect(summaries[1]).toEqual({ holiday: 'spring_festival', off: [{ start: '2026-02-15', end: '2026-02-23', days: 9 }], workdays: ['2026-02-14', '2026-02-28'] });
    expect(summaries[6]?.off).toEqual([{ start: '2026-10-01', end: '2026-10-07', days: 7 }]);
  });

  it('keeps separate stretches of one holiday apart', () => {
    const [s] = holidaySummaries({
      year: 2027,
      holidays: [
        { date: '2027-05-03', holiday: 'x' },
        { date: '2027-05-01', holiday: 'x' },
        { date: '2027-05-05', holiday: 'x' },
      ],
      workdays: [],
    });
    expect(s?.off).toEqual([
      { start: '2027-05-01', end: '2027-05-01', days: 1 },
      { start: '2027-05-03', end: '2027-05-03', days: 1 },
      { start: '2027-05-05', end: '2027-05-05', days: 1 },
    ]);
  });
});

describe('selectableYears', () => {
  it('offers the years with documents, the shipped years, this year, next year and the one after the last', () => {
    expect(selectableYears([2025, 2027], [2026], 2026)).toEqual([2025, 2026, 2027, 2028]);
    expect(selectableYears([], [2026], 2030)).toEqual([2026, 2030, 2031, 2032]);
  });
});

describe('names of months and days', () => {
  it('come from the platform in the user’s language, Monday first', () => {
    expect(monthName('zh-CN', 10)).toBe('十月');
    expect(monthName('en', 2)).toBe('February');
    expect(weekdayInitials('zh-CN')).toEqual(['一', '二', '三', '四', '五', '六', '日']);
    expect(weekdayInitials('en')).toEqual(['M', 'T', 'W', 'T', 'F', 'S', 'S']);
    expect(monthDay('zh-CN', '2026-10-01')).toBe('10月1日');
    expect(monthDay('es', '2026-10-01')).toBe('1 de octubre');
    expect(fullDate('zh-CN', '2026-10-01')).toBe('2026年10月1日星期四');
  });
});
