// Importing a later year's official calendar from a file, with no internet: JSON or CSV in,
// the same calendar out, and a precise, translatable reason for anything malformed.
import { describe, expect, it } from 'vitest';
import { CN_2026 } from '../../../../shared/calendar/cn2026';
import { importCalendar } from '../../../../shared/calendar/importCalendar';
import { officialCalendar } from '../../../../shared/calendar/official';
import { countWorkingDays } from '../../../../shared/calendar/workingDays';

const csv2026 = [
  'date,kind,holiday',
  ...CN_2026.holidays.map((d) => `${d.date},休,${d.holiday}`),
  ...CN_2026.workdays.map((d) => `${d.date},班,${d.holiday}`),
].join('\r\n');

describe('calendar import', () => {
  it('reads the 2026 schedule from CSV (with a BOM, Windows line ends, 休/班) into the same calendar', () => {
    const result = importCalendar('2026.csv', `\uFEFF${csv2026}\r\n`);
    if (!result.ok) throw new Error(result.code);
    expect(result.years).toHaveLength(1);
    const imported = officialCalendar(result.years);
    const span = { startDate: '2026-02-13', startHalf: 'am', endDate: '2026-10-12', endHalf: 'pm' } as const;
    expect(countWorkingDays(span, imported)).toBe(countWorkingDays(span, officialCalendar([CN_2026])));
  });

  it('reads JSON: one year or a list of years', () => {
    expect(importCalendar('cn.json', JSON.stringify(CN_2026))).toMatchObject({ ok: true, years: [{ year: 2026 }] });
    const y2027 = { year: 2027, source: 'test', holidays: [{ date: '2027-01-01', holiday: 'new_year' }], workdays: [] };
    expect(importCalendar('cn.json', JSON.stringify([CN_2026, y2027]))).toMatchObject({ ok: true, years: [{ year: 2026 }, { year: 2027 }] });
  });

  it('names the line of a malformed CSV row and imports nothing', () => {
    expect(importCalendar('x.csv', 'date,kind,holiday\n2026-01-01,休,new_year\n2026-13-01,休,new_year')).toEqual({ ok: false, code: 'calendar.bad_line', line: 3 });
    expect(importCalendar('x.csv', '2026-01-01,maybe,new_year')).toEqual({ ok: false, code: 'calendar.bad_line', line: 1 });
    expect(importCalendar('x.csv', '2026-01-01,休,')).toEqual({ ok: false, code: 'calendar.bad_line', line: 1 });
  });

  it('refuses contradictory data with its reason', () => {
    expect(importCalendar('x.csv', '2026-01-05,班,new_year')).toMatchObject({ ok: false, code: 'calendar.workday_not_weekend' });
    expect(importCalendar('x.csv', '2026-01-01,休,a\n2026-01-01,休,b')).toMatchObject({ ok: false, code: 'calendar.duplicate_day' });
    expect(importCalendar('x.json', JSON.stringify({ ...CN_2026, holidays: [{ date: '2025-01-01', holiday: 'x' }] }))).toMatchObject({ ok: false, code: 'calendar.wrong_year' });
    expect(importCalendar('x.json', JSON.stringify([CN_2026, CN_2026]))).toMatchObject({ ok: false, code: 'calendar.duplicate_day' });
  });

  it('refuses what is not a calendar', () => {
    expect(importCalendar('x.json', '{not json')).toEqual({ ok: false, code: 'calendar.bad_file' });
    expect(importCalendar('x.json', '[]')).toEqual({ ok: false, code: 'calendar.bad_file' });
    expect(importCalendar('x.json', '{"year":"2026"}')).toMatchObject({ ok: false, code: 'calendar.bad_file' });
    expect(importCalendar('x.csv', '# only a comment\n')).toEqual({ ok: false, code: 'calendar.bad_file' });
    expect(importCalendar('calendar.xlsx', 'PK...')).toEqual({ ok: false, code: 'calendar.unsupported_format' });
    expect(importCalendar('big.csv', 'x'.repeat(1_000_001))).toMatchObject({ ok: false, code: 'calendar.bad_file' });
  });
});
