import type { TFunction } from 'i18next';
import type { LeaveSpan } from '../../../shared/calendar/workingDays';
import type { LeaveTypeDef } from '../../../shared/domain/leaveTypes';

/**
 * A leave span in words. Whole days need no half-day labels ("2026-03-02 至 2026-03-04"); a
 * span that starts or ends at noon says so.
 */
export function formatSpan(t: TFunction, span: LeaveSpan): string {
  const { startDate, startHalf, endDate, endHalf } = span;
  if (startDate === endDate) {
    if (startHalf === 'am' && endHalf === 'pm') return t('span.oneDay', { date: startDate });
    return t('span.oneHalf', { date: startDate, half: t(`half.${startHalf}`) });
  }
  if (startHalf === 'am' && endHalf === 'pm') return t('span.range', { start: startDate, end: endDate });
  return t('span.rangeHalves', { start: startDate, startHalf: t(`half.${startHalf}`), end: endDate, endHalf: t(`half.${endHalf}`) });
}

/** Days as the type counts them: "3 个工作日", or "98 天（自然日）" for calendar-day types such as maternity leave. */
export function formatDays(t: TFunction, days: number, counting: LeaveTypeDef['counting'] = 'working'): string {
  return t(counting === 'calendar' ? 'days.calendarCount' : 'days.count', { count: days });
}

/** Days of a balance, which are the type's own unit whatever it counts: "5 天". */
export function formatBalanceDays(t: TFunction, days: number): string {
  return t('days.plain', { count: days });
}

/** A file size for people: "840 KB", "3.2 MB". */
export function formatBytes(bytes: number, language: string): string {
  const number = (n: number, digits: number) => new Intl.NumberFormat(language, { maximumFractionDigits: digits }).format(n);
  if (bytes < 1024) return `${number(bytes, 0)} B`;
  if (bytes < 1024 * 1024) return `${number(bytes / 1024, 0)} KB`;
  return `${number(bytes / (1024 * 1024), 1)} MB`;
}

/**
 * A leave type's name inside a sentence. Names are data, written as titles ("Annual leave"),
 * so in languages with capitals the first letter is lowered ("your annual leave request"),
 * unless the name starts with an acronym ("HR leave").
 */
export function inlineName(name: string, language: string): string {
  if (language.startsWith('zh') || name.length < 2) return name;
  const [first = '', second = ''] = name;
  if (second !== second.toLocaleLowerCase(language)) return name;
  return first.toLocaleLowerCase(language) + name.slice(1);
}

/** Names joined as the language joins them: "张伟和李娜", "Zhang Wei and Li Na". */
export function formatList(items: readonly string[], language: string): string {
  return new Intl.ListFormat(language, { type: 'conjunction' }).format(items);
}
