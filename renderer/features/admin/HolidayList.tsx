// A year's holidays in words, the way the State Council's notice reads: "春节：2月15日至2月23日
// 放假，共 9 天；2月14日、2月28日上班".
import { useTranslation } from 'react-i18next';
import { Descriptions, Typography } from 'antd';
import { sentence } from '../../i18n/reasons';
import { holidayLabel } from './calendarData';
import { holidaySummaries, monthDay, type HolidaySummary, type YearDays } from './calendarGrid';
import { joinNames } from './policySummary';

function useSummaryText(): (s: HolidaySummary) => string {
  const { t, i18n } = useTranslation();
  const day = (date: string) => monthDay(i18n.language, date);
  const separator = i18n.language.startsWith('zh') ? '；' : '; ';
  return (s) => {
    const parts = s.off.map((run) => t('admin.calendar.summary.off', { count: run.days, range: run.start === run.end ? day(run.start) : t('admin.calendar.summary.range', { start: day(run.start), end: day(run.end) }) }));
    if (s.workdays.length > 0) parts.push(t('admin.calendar.summary.workdays', { count: s.workdays.length, dates: joinNames(i18n.language, s.workdays.map(day)) }));
    // A year with only a working day for a holiday starts with that clause: "Working day on …".
    return sentence(parts.join(separator));
  };
}

export function HolidayList({ days, testId = 'calendar-holidays' }: { days: YearDays; testId?: string }) {
  const { t } = useTranslation();
  const text = useSummaryText();
  const summaries = holidaySummaries(days);
  if (summaries.length === 0) return <Typography.Text type="secondary">{t('admin.calendar.noHolidays')}</Typography.Text>;
  return (
    <Descriptions
      size="small"
      column={1}
      bordered
      styles={{ label: { width: 160 } }}
      items={summaries.map((s) => ({ key: s.holiday, label: holidayLabel(t, s.holiday), children: text(s) }))}
      data-testid={testId}
    />
  );
}
