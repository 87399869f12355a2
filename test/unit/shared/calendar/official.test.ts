// Day counts on the 2026 official calendar: holidays are not working days, adjusted weekend
// working days (调休上班) are, and every count across the long holidays comes out right.
import { describe, expect, it } from 'vitest';
import { CN_2026 } from '../../../../shared/calendar/cn2026';
import { officialCalendar, officialYearSchema } from '../../../../shared/calendar/official';
import { countWorkingDays, type LeaveSpan } from '../../../../shared/calendar/workingDays';

const cal = officialCalendar([CN_2026]);
const span = (startDate: string, endDate: string, startHalf: 'am' | 'pm' = 'am', endHalf: 'am' | 'pm' = 'pm'): LeaveSpan => ({ startDate, startHalf, endDate, endHalf });

describe('the 2026 official calendar', () => {
  it('is valid data with the published 33 days off and 6 adjusted working days', () => {
    expect(officialYearSchema.safeParse(CN_2026).success).toBe(true);
    expect(CN_2026.holidays).toHaveLength(33);
    expect(CN_2026.workdays.map((d) => d.date)).toEqual(['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10']);
  });

  it('counts the Spring Festival week as no working days, and its adjusted Saturdays as working days', () => {
    expect(countWorkingDays(span('2026-02-15', '2026-02-23'), cal)).toBe(0);
    expect(cal.isWorkingDay('2026-02-14')).toBe(true); // Saturday, 调休上班
    expect(cal.isWorkingDay('2026-02-28')).toBe(true);
    // Leave from Friday 13 February to Friday 27 February: 13, 14 (Sat, working), 24, 25, 26, 27.
    expect(countWorkingDays(span('2026-02-13', '2026-02-27'), cal)).toBe(6);
    // The weekend-only week would have said 11.
    expect(countWorkingDays(span('2026-02-13', '2026-02-27'))).toBe(11);
  });

  it('counts across Labour Day with the adjusted Saturday 9 May', () => {
    // 30 April (Thu) to 11 May (Mon): 30 Apr, 6, 7, 8, 9 (Sat, working), 11 May.
    expect(countWorkingDays(span('2026-04-30', '2026-05-11'), cal)).toBe(6);
    expect(countWorkingDays(span('2026-05-01', '2026-05-05'), cal)).toBe(0);
  });

  it('counts across the National Day week with Sunday 20 September and Saturday 10 October working', () => {
    // 18 September (Fri) to 12 October (Mon).
    // Working: 18, 20 (Sun), 21, 22, 23, 24, 28, 29, 30 Sep; 8, 9, 10 (Sat), 12 Oct = 13.
    expect(countWorkingDays(span('2026-09-18', '2026-10-12'), cal)).toBe(13);
    // Mid-Autumn (25 to 27 September) and National Day (1 to 7 October) are off.
    expect(countWorkingDays(span('2026-09-25', '2026-10-07'), cal)).toBe(3);
  });

  it('counts half days only where that end is a working day', () => {
    // From the afternoon of Sunday 4 January (a working day) to the morning of Monday 5 January.
    expect(countWorkingDays(span('2026-01-04', '2026-01-05', 'pm', 'am'), cal)).toBe(1);
    // From the afternoon of a holiday: that half does not count.
    expect(countWorkingDays(span('2026-01-02', '2026-01-05', 'pm', 'pm'), cal)).toBe(2);
  });

  it('falls back to the ordinary week for a year with no official data', () => {
    expect(cal.isWorkingDay('2027-02-15')).toBe(true); // a Monday
    expect(cal.isWorkingDay('2027-02-13')).toBe(false); // a Saturday
  });

  it('refuses malformed years: a day of another year, a day listed twice, a weekday as an adjusted working day', () => {
    const bad = (patch: Partial<typeof CN_2026>) => officialYearSchema.safeParse({ ...CN_2026, ...patch }).error?.issues.map((i) => i.message);
    expect(bad({ holidays: [{ date: '2025-12-31', holiday: 'x' }] })).toContain('calendar.wrong_year');
    expect(bad({ workdays: [...CN_2026.workdays, { date: '2026-01-04', holiday: 'x' }] })).toContain('calendar.duplicate_day');
    expect(bad({ workdays: [{ date: '2026-01-05', holiday: 'x' }] })).toContain('calendar.workday_not_weekend');
  });
});
