import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { leaveTypeName } from '../../../shared/domain/leaveTypes';
import { useLeaveTypes } from '../../db';

/** A leave type's name in the user's language (the type's id while the types are loading or if it was deleted). */
export function useLeaveTypeName(): (typeId: string) => string {
  const types = useLeaveTypes();
  const { i18n } = useTranslation();
  return useCallback((typeId: string) => leaveTypeName(types?.find((t) => t.id === typeId), i18n.language, typeId), [types, i18n.language]);
}
