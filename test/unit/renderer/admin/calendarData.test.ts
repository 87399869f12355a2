// A year of the working calendar as the admin page handles it: where it comes from, what an
// import would change, a file another office can import back, holiday names in every language,
// and why a bad file is refused.
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { CN_2026 } from '../../../../shared/calendar/cn2026';
import { importCalendar } from '../../../../shared/calendar/importCalendar';
import { calendarYearDocSchema, type CalendarYearDoc } from '../../../../shared/domain/calendarYear';
import { LocalStore } from '../../../../renderer/db';
import { createI18n } from '../../../../renderer/i18n/createI18n';
import { DEMO_USERS } from '../../../../server/seed/demo';
import { calendarChanges, canonicalYear, exportYearJson, holidayLabel, holidayToStore, importErrorText, resolveYear } from '../../../../renderer/features/admin/calendarData';

const doc2027: CalendarYearDoc = {
  id: 'y2027',
  year: 2027,
  source: '国务院办公厅关于2027年部分节假日安排的通知',
  holidays: [
    { date: '2027-01-01', holiday: 'new_year' },
    { date: '2027-10-01', holiday: 'national_day' },
  ],
  workdays: [{ date: '2027-09-26', holiday: 'national_day' }],
  updatedAt: '2026-11-10T02:00:00.000Z',
  updatedBy: 'admin',
};

describe('resolveYear', () => {
  it('uses a year’s document, else the shipped data, else the ordinary week', () => {
    expect(resolveYear(2027, [doc2027])).toMatchObject({ origin: 'document', doc: doc2027 });
    expect(resolveYear(2026, [doc2027])).toMatchObject({ origin: 'shipped', doc: null, days: { source: CN_2026.source } });
    expect(resolveYear(2030, [doc2027])).toMatchObject({ origin: 'none', days: { year: 2030, holidays: [], workdays: [] } });
  });
});

describe('calendarChanges', () => {
  it('lists each day whose kind or holiday changes, in date order', () => {
    const next = {
      year: 2027,
      holidays: [
        { date: '2027-01-01', holiday: 'new_year' },
        { date: '2027-10-01', holiday: '国庆假期' },
        { date: '2027-10-02', holiday: 'national_day' },
      ],
      workdays: [],
    };
    expect(calendarChanges(doc2027, next)).toEqual([
      { date: '2027-09-26', before: { kind: 'workday', holiday: 'national_day' }, after: null },
      { date: '2027-10-01', before: { kind: 'holiday', holiday: 'national_day' }, after: { kind: 'holiday', holiday: '国庆假期' } },
      { date: '2027-10-02', before: null, after: { kind: 'holiday', holiday: 'national_day' } },
    ]);
  });

  it('takes an official holiday’s Chinese name for its key: no change to report', () => {
    const named = canonicalYear({ ...doc2027, holidays: [{ date: '2027-01-01', holiday: '元旦' }, { date: '2027-10-01', holiday: ' 国庆节 ' }], workdays: [{ date: '2027-09-26', holiday: '国庆节' }] });
    expect(named.holidays.map((d) => d.holiday)).toEqual(['new_year', 'national_day']);
    expect(calendarChanges(doc2027, named)).toEqual([]);
  });

  it('finds nothing between a year and itself, and every day when there was nothing', () => {
    expect(calendarChanges(CN_2026, CN_2026)).toEqual([]);
    expect(calendarChanges(undefined, CN_2026)).toHaveLength(CN_2026.holidays.length + CN_2026.workdays.length);
  });
});

describe('exportYearJson', () => {
  it('writes a file the importer reads back as the same year, without who edited it', () => {
    const text = exportYearJson(doc2027);
    expect(text).not.toContain('updatedBy');
    const result = importCalendar('bureau-calendar-2027.json', text);
    expect(result).toEqual({ ok: true, years: [{ year: 2027, source: doc2027.source, holidays: doc2027.holidays, workdays: doc2027.workdays }] });
  });

  it('exports the shipped 2026 schedule, which imports back unchanged and saves as a valid document', () => {
    const result = importCalendar('2026.json', exportYearJson(CN_2026));
    if (!result.ok) throw new Error(result.code);
    const [year] = result.years;
    expect(year && calendarChanges(CN_2026, year)).toEqual([]);
    expect(calendarYearDocSchema.safeParse({ ...year, id: 'y2026', updatedAt: '2026-01-01T00:00:00.000Z', updatedBy: null }).success).toBe(true);
  });
});

describe('holiday names', () => {
  const zh = createI18n('zh-CN').t;
  const en = createI18n('en').t;

  it('translates the shipped keys and shows imported names as written', () => {
    expect(holidayLabel(zh, 'spring_festival')).toBe('春节');
    expect(holidayLabel(en, 'spring_festival')).toBe('Spring Festival');
    expect(holidayLabel(en, '抗战胜利纪念日')).toBe('抗战胜利纪念日');
    // Files name the official holidays in Chinese: those are translated as well.
    expect(holidayLabel(en, '春节')).toBe('Spring Festival');
    expect(holidayLabel(zh, '国庆节')).toBe('国庆节');
  });

  it('stores a picked holiday as its key, so it stays translatable, and typed text as typed', () => {
    expect(holidayToStore(zh, ' 国庆节 ')).toBe('national_day');
    expect(holidayToStore(en, 'Mid-Autumn Festival')).toBe('mid_autumn');
    expect(holidayToStore(zh, '抗战胜利纪念日')).toBe('抗战胜利纪念日');
  });
});

describe('importErrorText', () => {
  const zh = createI18n('zh-CN').t;
  const en = createI18n('en').t;

  it('names the file and the bad line of a CSV', () => {
    const result = importCalendar('2027.csv', 'date,kind,holiday\n2027-01-01,休,元旦\n2027-13-01,休,元旦\n');
    if (result.ok) throw new Error('imported');
    expect(importErrorText(zh, '2027.csv', result)).toBe('无法导入“2027.csv”：日历文件第 3 行格式不正确（应为：日期,休/班,节日名称）');
  });

  it('puts the line beside reasons that do not name it', () => {
    expect(importErrorText(en, 'feed.ics', { ok: false, code: 'calendar.wrong_year', line: 12, detail: '2028-01-01' })).toBe(
      `Cannot import “feed.ics” (line 12): ${en('reason.calendar.wrong_year')}`,
    );
  });

  it('explains a format it does not read', () => {
    const result = importCalendar('holidays.xlsx', 'PK');
    if (result.ok) throw new Error('imported');
    expect(importErrorText(zh, 'holidays.xlsx', result)).toContain('不支持的日历文件格式');
  });
});

describe('saving an imported year and marking a day', () => {
  it('stores the year as imported, then one day changed on top of it', async () => {
    const store = LocalStore.open('calendar-data-test', 'zhouting', { indexedDB: new IDBFactory(), IDBKeyRange });
    try {
      await store.db.users.bulkPut([...DEMO_USERS]);
      const result = importCalendar('2027.csv', 'date,kind,holiday\n2027-01-01,休,元旦\n2027-09-26,班,国庆节\n2027-10-01,休,国庆节\n');
      if (!result.ok) throw new Error(result.code);
      const [imported] = result.years;
      if (!imported) throw new Error('no year');
      for (const y of result.years) await store.mutate('calendar.saveYear', { year: y.year, source: y.source, holidays: y.holidays, workdays: y.workdays });
      const saved = resolveYear(2027, await store.db.calendars.toArray());
      expect(saved.origin).toBe('document');
      expect(saved.days.source).toBe('2027.csv');
      expect(calendarChanges(saved.days, imported)).toEqual([]);

      const zh = createI18n('zh-CN').t;
      await store.mutate('calendar.setDay', { date: '2027-10-02', kind: 'holiday', name: holidayToStore(zh, '国庆节') });
      const after = resolveYear(2027, await store.db.calendars.toArray());
      expect(calendarChanges(saved.days, after.days)).toEqual([{ date: '2027-10-02', before: null, after: { kind: 'holiday', holiday: 'national_day' } }]);
    } finally {
      store.close();
    }
  });
});
