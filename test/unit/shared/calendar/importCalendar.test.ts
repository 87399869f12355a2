// Importing a later year's official calendar from a file, with no internet: JSON, CSV or an
// iCalendar feed in, the same calendar out, and a precise, translatable reason for anything
// malformed.
import { describe, expect, it } from 'vitest';
import { CN_2026 } from '../../../../shared/calendar/cn2026';
import { importCalendar } from '../../../../shared/calendar/importCalendar';
import { officialCalendar, type OfficialYear } from '../../../../shared/calendar/official';
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

// A 2027 feed as a calendar app exports it: CRLF line ends, long lines folded at 75 octets,
// a time zone and an alarm (whose DTSTARTs are not events), 休/班 markers in several spellings.
const FEED_2027 = [
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'PRODID:-//Example//Holidays 2027//ZH',
  'CALSCALE:GREGORIAN',
  'X-WR-CALNAME:中国法定节假日 2027',
  'BEGIN:VTIMEZONE',
  'TZID:Asia/Shanghai',
  'BEGIN:STANDARD',
  'DTSTART:19700101T000000',
  'TZOFFSETFROM:+0800',
  'TZOFFSETTO:+0800',
  'END:STANDARD',
  'END:VTIMEZONE',
  'BEGIN:VEVENT',
  'UID:2027-new-year@example',
  'DTSTART;VALUE=DATE:20270101',
  'DTEND;VALUE=DATE:20270104',
  'SUMMARY:元旦（休）',
  'DESCRIPTION:1月1日（周五）至3日（周日）放假调休\\，共3天。这一行很长\\，被折叠成了',
  '  好几行\\n第二段。',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'UID:2027-spring@example',
  'DTSTART;VALUE=DATE:20270205',
  'DTEND;VALUE=DATE:20270214',
  // Folded in the middle of the name.
  'SUMMARY:春',
  ' 节 (休)',
  'BEGIN:VALARM',
  'ACTION:DISPLAY',
  'TRIGGER:-P1D',
  'DTSTART:20270204T090000',
  'END:VALARM',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'UID:2027-spring-work-1@example',
  'DTSTART;VALUE=DATE:20270131',
  'SUMMARY:春节（班）',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'UID:2027-spring-work-2@example',
  'DTSTART;VALUE=DATE:20270220',
  'DTEND;VALUE=DATE:20270221',
  'SUMMARY:春节 补班',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'UID:2027-qingming@example',
  'DTSTART;VALUE=DATE:20270403',
  'DTEND;VALUE=DATE:20270406',
  'SUMMARY:清明节放假',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'UID:2027-labour@example',
  'DTSTART;VALUE=DATE:20270501',
  'DTEND;VALUE=DATE:20270506',
  'SUMMARY:Labour Day\\; 劳动节 (holiday)',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'UID:2027-labour-work@example',
  'DTSTART;VALUE=DATE:20270425',
  'SUMMARY:Labour Day\\; 劳动节 (Workday)',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'UID:2027-labour-work-2@example',
  'DTSTART;VALUE=DATE:20270508',
  'SUMMARY:Labour Day\\; 劳动节 - work',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'UID:2027-dragon@example',
  'DTSTART;VALUE=DATE:20270609',
  'SUMMARY:端午节',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'UID:2027-mid-autumn@example',
  'DTSTART;TZID=Asia/Shanghai:20270915T000000',
  'DTEND;TZID=Asia/Shanghai:20270916T000000',
  'SUMMARY:中秋节',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'UID:2027-national@example',
  'DTSTART;VALUE=DATE:20271001',
  'DTEND;VALUE=DATE:20271008',
  'SUMMARY:国庆节【休】',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'UID:2027-national-work-1@example',
  'DTSTART;VALUE=DATE:20270926',
  'SUMMARY:国庆节',
  'CATEGORIES:HOLIDAY,WORKDAY',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'UID:2027-national-work-2@example',
  'DTSTART;VALUE=DATE:20271009',
  'SUMMARY:国庆节调休上班',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'UID:2027-cancelled@example',
  'DTSTART;VALUE=DATE:20270310',
  'SUMMARY:取消的假期',
  'STATUS:CANCELLED',
  'END:VEVENT',
  'END:VCALENDAR',
];
const ics = (lines: string[]) => `${lines.join('\r\n')}\r\n`;
/** The 1-based line of the first line equal to `text` (what an error must point at). */
const lineOf = (lines: string[], text: string) => lines.indexOf(text) + 1;
/** The feed with one event's lines inserted before END:VCALENDAR. */
const withEvent = (...event: string[]) => [...FEED_2027.slice(0, -1), 'BEGIN:VEVENT', ...event, 'END:VEVENT', 'END:VCALENDAR'];

describe('calendar import from iCalendar', () => {
  const imported = (): OfficialYear => {
    const result = importCalendar('holidays-2027.ics', ics(FEED_2027));
    if (!result.ok) throw new Error(`${result.code} line ${result.line ?? '-'} ${result.detail ?? ''}`);
    expect(result.years).toHaveLength(1);
    return result.years[0] as OfficialYear;
  };

  it('expands each event to its days (DTEND exclusive, none = one day) and reads 休 and 班 days', () => {
    const y = imported();
    expect(y.year).toBe(2027);
    expect(y.source).toBe('中国法定节假日 2027');
    const byName = (list: OfficialYear['holidays']) => {
      const groups: Record<string, OfficialYear['holidays']> = {};
      for (const d of list) (groups[d.holiday] ??= []).push(d);
      return groups;
    };
    const holidays = byName(y.holidays);
    expect(Object.keys(holidays)).toEqual(['元旦', '春节', '清明节', 'Labour Day; 劳动节', '端午节', '中秋节', '国庆节']);
    expect(holidays['元旦']?.map((d) => d.date)).toEqual(['2027-01-01', '2027-01-02', '2027-01-03']);
    expect(holidays['春节']).toHaveLength(9);
    expect(holidays['春节']?.at(-1)?.date).toBe('2027-02-13');
    expect(holidays['端午节']?.map((d) => d.date)).toEqual(['2027-06-09']);
    // A timed event ending at midnight covers only its first day.
    expect(holidays['中秋节']?.map((d) => d.date)).toEqual(['2027-09-15']);
    expect(y.holidays).toHaveLength(3 + 9 + 3 + 5 + 1 + 1 + 7);
    expect(y.workdays).toEqual([
      { date: '2027-01-31', holiday: '春节' },
      { date: '2027-02-20', holiday: '春节' },
      { date: '2027-04-25', holiday: 'Labour Day; 劳动节' },
      { date: '2027-05-08', holiday: 'Labour Day; 劳动节' },
      { date: '2027-09-26', holiday: '国庆节' },
      { date: '2027-10-09', holiday: '国庆节' },
    ]);
    // The cancelled event and the alarm's and time zone's DTSTARTs are no days.
    expect(y.holidays.some((d) => d.date === '2027-03-10' || d.date === '2027-02-04')).toBe(false);

    const cal = officialCalendar([y]);
    expect(cal.isWorkingDay('2027-02-08')).toBe(false); // Monday inside 春节
    expect(cal.isWorkingDay('2027-02-20')).toBe(true); // Saturday made a working day
    expect(cal.isWorkingDay('2027-09-16')).toBe(true); // the day after 中秋节
    const span = { startDate: '2027-09-27', startHalf: 'am', endDate: '2027-10-10', endHalf: 'pm' } as const;
    expect(countWorkingDays(span, cal)).toBe(4 + 2); // Mon-Thu before the holiday, then Friday 8 and Saturday 9 Oct
  });

  it('recognises the format from the content, the extension or the caller, with bare LF line ends', () => {
    const lf = FEED_2027.join('\n');
    expect(importCalendar('holidays', lf)).toMatchObject({ ok: true, years: [{ year: 2027 }] });
    expect(importCalendar('holidays.csv', lf)).toMatchObject({ ok: true, years: [{ year: 2027 }] });
    expect(importCalendar('feed.txt', `\uFEFF${ics(FEED_2027)}`, 'ics')).toMatchObject({ ok: true });
    expect(importCalendar('cn.json', JSON.stringify(CN_2026), 'json')).toMatchObject({ ok: true, years: [{ year: 2026 }] });
    // The caller's word wins over the content.
    expect(importCalendar('feed.ics', ics(FEED_2027), 'csv')).toMatchObject({ ok: false, code: 'calendar.bad_line', line: 1 });
    // Without a source name the file name is the source.
    const unnamed = importCalendar('feed.ics', ics(FEED_2027.filter((l) => !l.startsWith('X-WR-CALNAME'))));
    expect(unnamed).toMatchObject({ ok: true, years: [{ source: 'feed.ics' }] });
  });

  it('names the line of an unreadable date, property or recurrence', () => {
    const badStart = withEvent('DTSTART;VALUE=DATE:20270230', 'SUMMARY:坏日期（休）');
    expect(importCalendar('x.ics', ics(badStart))).toEqual({ ok: false, code: 'calendar.bad_line', line: lineOf(badStart, 'DTSTART;VALUE=DATE:20270230') });
    const badEnd = withEvent('DTSTART;VALUE=DATE:20270310', 'DTEND;VALUE=DATE:2027-03-11', 'SUMMARY:x');
    expect(importCalendar('x.ics', ics(badEnd))).toMatchObject({ ok: false, code: 'calendar.bad_line', line: lineOf(badEnd, 'DTEND;VALUE=DATE:2027-03-11') });
    const endFirst = withEvent('DTSTART;VALUE=DATE:20270310', 'DTEND;VALUE=DATE:20270309', 'SUMMARY:x');
    expect(importCalendar('x.ics', ics(endFirst))).toMatchObject({ ok: false, code: 'calendar.bad_line', line: lineOf(endFirst, 'DTEND;VALUE=DATE:20270309') });
    const timeAsDate = withEvent('DTSTART;VALUE=DATE:20270310T090000', 'SUMMARY:x');
    expect(importCalendar('x.ics', ics(timeAsDate))).toMatchObject({ ok: false, code: 'calendar.bad_line', line: lineOf(timeAsDate, 'DTSTART;VALUE=DATE:20270310T090000') });
    const noStart = withEvent('SUMMARY:没有日期（休）');
    expect(importCalendar('x.ics', ics(noStart))).toMatchObject({ ok: false, code: 'calendar.bad_line', line: noStart.lastIndexOf('BEGIN:VEVENT') + 1 });
    const recurring = withEvent('DTSTART;VALUE=DATE:20270310', 'RRULE:FREQ=YEARLY', 'SUMMARY:x');
    expect(importCalendar('x.ics', ics(recurring))).toMatchObject({ ok: false, code: 'calendar.bad_line', line: lineOf(recurring, 'RRULE:FREQ=YEARLY') });
    const garbage = [...FEED_2027.slice(0, 3), 'this is not a property', ...FEED_2027.slice(3)];
    expect(importCalendar('x.ics', ics(garbage))).toEqual({ ok: false, code: 'calendar.bad_line', line: 4 });
    // Physical line numbers, counted before unfolding: the folded DESCRIPTION takes two lines.
    const afterFold = withEvent('DTSTART;VALUE=DATE:2027031', 'SUMMARY:x');
    expect(lineOf(afterFold, 'DTSTART;VALUE=DATE:2027031')).toBeGreaterThan(FEED_2027.length - 1);
    expect(importCalendar('x.ics', ics(afterFold))).toMatchObject({ line: lineOf(afterFold, 'DTSTART;VALUE=DATE:2027031') });
  });

  it('refuses events outside the year, contradictions and workdays that are not weekends', () => {
    const nextYear = withEvent('DTSTART;VALUE=DATE:20280101', 'SUMMARY:元旦（休）');
    expect(importCalendar('x.ics', ics(nextYear))).toEqual({
      ok: false,
      code: 'calendar.wrong_year',
      line: lineOf(nextYear, 'DTSTART;VALUE=DATE:20280101'),
      detail: '2028-01-01',
    });
    // A multi-day event running into the next year is refused too, at its start line.
    const across = withEvent('DTSTART;VALUE=DATE:20271231', 'DTEND;VALUE=DATE:20280102', 'SUMMARY:跨年（休）');
    expect(importCalendar('x.ics', ics(across))).toMatchObject({ ok: false, code: 'calendar.wrong_year', detail: '2028-01-01' });
    const both = withEvent('DTSTART;VALUE=DATE:20270102', 'SUMMARY:元旦（班）');
    expect(importCalendar('x.ics', ics(both))).toMatchObject({ ok: false, code: 'calendar.duplicate_day', line: lineOf(both, 'DTSTART;VALUE=DATE:20270102') });
    // Overlapping events of one kind are one day off, named by the first.
    const overlap = withEvent('DTSTART;VALUE=DATE:20271001', 'SUMMARY:中秋节（休）');
    const merged = importCalendar('x.ics', ics(overlap));
    if (!merged.ok) throw new Error(merged.code);
    expect(merged.years[0]?.holidays.filter((d) => d.date === '2027-10-01')).toEqual([{ date: '2027-10-01', holiday: '国庆节' }]);
    const weekdayWork = withEvent('DTSTART;VALUE=DATE:20270311', 'SUMMARY:上班');
    expect(importCalendar('x.ics', ics(weekdayWork))).toMatchObject({ ok: false, code: 'calendar.workday_not_weekend' });
  });

  it('refuses what is not an iCalendar feed of holidays', () => {
    const noEvents = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'END:VCALENDAR'];
    expect(importCalendar('x.ics', ics(noEvents))).toEqual({ ok: false, code: 'calendar.bad_file' });
    expect(importCalendar('x.ics', ics(FEED_2027.slice(0, -1)))).toMatchObject({ ok: false, code: 'calendar.bad_file' });
    expect(importCalendar('x.ics', 'hello')).toMatchObject({ ok: false, code: 'calendar.bad_file' });
    expect(importCalendar('x.ics', ics(['BEGIN:VCARD', 'FN:王强', 'END:VCARD']))).toMatchObject({ ok: false, code: 'calendar.bad_file' });
    const mismatched = [...FEED_2027.slice(0, -2), 'END:VTODO', 'END:VCALENDAR'];
    expect(importCalendar('x.ics', ics(mismatched))).toMatchObject({ ok: false, code: 'calendar.bad_line', line: mismatched.length - 1 });
  });
});
