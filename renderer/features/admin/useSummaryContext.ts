// Names for the policy summaries, from the local directory and leave types in the user's language.
import { useTranslation } from 'react-i18next';
import { leaveTypeName } from '../../../shared/domain/leaveTypes';
import { useDirectory, useLeaveTypes } from '../../db';
import { categoryName, type SummaryContext } from './policySummary';

export function useSummaryContext(): SummaryContext {
  const { t, i18n } = useTranslation();
  const directory = useDirectory();
  const types = useLeaveTypes();
  return {
    t,
    language: i18n.language,
    // A type or person since removed is still shown by its id rather than as a blank.
    typeName: (id) => leaveTypeName(types?.find((x) => x.id === id), i18n.language, id),
    userName: (id) => directory?.users.get(id)?.displayName ?? t('common.unknownUser'),
    departmentName: (id) => directory?.departments.get(id)?.name ?? id,
    categoryName: (id) => categoryName(t, id),
  };
}
