// 国务院办公厅关于2026年部分节假日安排的通知 (issued 2025-11-04), as data.
import type { OfficialYear } from './official';

const range = (holiday: string, from: string, days: number) =>
  Array.from({ length: days }, (_, i) => {
    const d = new Date(`${from}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() + i);
    return { date: d.toISOString().slice(0, 10), holiday };
  });

export const CN_2026: OfficialYear = {
  year: 2026,
  source: '国务院办公厅关于2026年部分节假日安排的通知（2025年11月4日）',
  holidays: [
    ...range('new_year', '2026-01-01', 3), // 1月1日（周四）至3日（周六）
    ...range('spring_festival', '2026-02-15', 9), // 2月15日（腊月二十八、周日）至23日（正月初七、周一）
    ...range('qingming', '2026-04-04', 3), // 4月4日（周六）至6日（周一）
    ...range('labour_day', '2026-05-01', 5), // 5月1日（周五）至5日（周二）
    ...range('dragon_boat', '2026-06-19', 3), // 6月19日（周五）至21日（周日）
    ...range('mid_autumn', '2026-09-25', 3), // 9月25日（周五）至27日（周日）
    ...range('national_day', '2026-10-01', 7), // 10月1日（周四）至7日（周三）
  ],
  workdays: [
    { date: '2026-01-04', holiday: 'new_year' }, // 周日上班
    { date: '2026-02-14', holiday: 'spring_festival' }, // 周六上班
    { date: '2026-02-28', holiday: 'spring_festival' }, // 周六上班
    { date: '2026-05-09', holiday: 'labour_day' }, // 周六上班
    { date: '2026-09-20', holiday: 'national_day' }, // 周日上班
    { date: '2026-10-10', holiday: 'national_day' }, // 周六上班
  ],
};
