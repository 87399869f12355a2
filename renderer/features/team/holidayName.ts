// Holiday names on the calendar documents are codes for the official holidays ('spring_festival')
// or whatever name an administrator typed for a local one; the codes are translated.
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';

const HOLIDAY_KEYS = {
  new_year: 'team.holiday.new_year',
  spring_festival: 'team.holiday.spring_festival',
  qingming: 'team.holiday.qingming',
  labour_day: 'team.holiday.labour_day',
  dragon_boat: 'team.holiday.dragon_boat',
  mid_autumn: 'team.holiday.mid_autumn',
  national_day: 'team.holiday.national_day',
  // The names calendar.setDay gives a day an administrator marked without naming it.
  holiday: 'team.holiday.holiday',
  adjusted: 'team.holiday.adjusted',
} as const;

function isOfficial(name: string): name is keyof typeof HOLIDAY_KEYS {
  return Object.hasOwn(HOLIDAY_KEYS, name);
}

export function holidayName(t: TFunction, name: string): string {
  return isOfficial(name) ? t(HOLIDAY_KEYS[name]) : name;
}

export function useHolidayName(): (name: string) => string {
  const { t } = useTranslation();
  return (name) => holidayName(t, name);
}
