import type { TFunction } from 'i18next';
import type { LeaveSpan } from '../../../shared/calendar/workingDays';

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

export function formatDays(t: TFunction, days: number): string {
  return t('days.count', { count: days });
}
