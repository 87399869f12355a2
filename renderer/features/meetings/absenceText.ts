import type { TFunction } from 'i18next';
import type { Absence } from '../../../shared/domain/meeting';

/** An approved leave as a span of days and half days: "2026-11-25 下午 至 2026-11-27". */
export function absenceText(t: TFunction, absence: Pick<Absence, 'startDate' | 'startHalf' | 'endDate' | 'endHalf'>): string {
  const { startDate, startHalf, endDate, endHalf } = absence;
  if (startDate === endDate) {
    if (startHalf === endHalf) return t('meetings.leave.halfDay', { date: startDate, half: t(`meetings.leave.${startHalf}`) });
    return t('meetings.leave.oneDay', { date: startDate });
  }
  const start = startHalf === 'pm' ? t('meetings.leave.halfDay', { date: startDate, half: t('meetings.leave.pm') }) : startDate;
  const end = endHalf === 'am' ? t('meetings.leave.halfDay', { date: endDate, half: t('meetings.leave.am') }) : endDate;
  return t('meetings.leave.span', { start, end });
}
