// The notification list as components see it: derived items, the unread count, words for each
// item, and the read actions.
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { leaveTypeName } from '../../../shared/domain/leaveTypes';
import { markAllNotificationsRead, markNotificationsRead, useDirectory, useLeaveTypes, useNotificationSources, useStore } from '../../db';
import { useTravelNotificationSources } from '../../db/hooks/notificationsTravel';
import { deriveNotifications, newestAt, type NotificationItem } from './derive';
import { describeNotification, type DescribeContext, type NotificationText } from './describe';

export interface NotificationsView {
  /** undefined while the local database is being read. */
  items: NotificationItem[] | undefined;
  unreadCount: number;
  /** False until the first sync on this device set the starting point. */
  started: boolean;
  /** False until this device took its starting point for trips and claims (see notificationsTravel). */
  travelStarted: boolean;
  context: DescribeContext;
  describe(item: NotificationItem): NotificationText;
  markRead(ids: readonly string[]): Promise<void>;
  markAllRead(): Promise<void>;
}

/** Names and leave types in the current language, for the words of a notification. */
export function useDescribeContext(): DescribeContext {
  const { t, i18n } = useTranslation();
  const directory = useDirectory();
  const types = useLeaveTypes();
  return useMemo(() => {
    const byId = new Map((types ?? []).map((type) => [type.id, type]));
    return {
      nameOf: (id: string) => directory?.users.get(id)?.displayName ?? t('common.unknownUser'),
      typeName: (id: string) => leaveTypeName(byId.get(id), i18n.language, id),
    };
  }, [directory, types, t, i18n.language]);
}

export function useNotifications(): NotificationsView {
  const { t } = useTranslation();
  const store = useStore();
  const sources = useNotificationSources();
  const travel = useTravelNotificationSources();
  const context = useDescribeContext();

  const items = useMemo(
    () =>
      sources &&
      travel &&
      deriveNotifications({
        userId: sources.userId,
        myRequests: sources.myRequests,
        pendingOnMe: sources.pendingOnMe,
        delegations: sources.delegations,
        travel,
        readUpTo: sources.read.readUpTo,
        readIds: sources.read.readIds,
      }),
    [sources, travel],
  );
  const unreadCount = useMemo(() => items?.filter((i) => i.unread).length ?? 0, [items]);

  const describe = useCallback((item: NotificationItem) => describeNotification(t, item, context), [t, context]);
  const markRead = useCallback((ids: readonly string[]) => markNotificationsRead(store, ids), [store]);
  const markAllRead = useCallback(async () => {
    const upTo = sources?.read.readUpTo;
    // Nothing to move before the starting point exists: nothing is unread then.
    if (!items || upTo === null || upTo === undefined) return;
    await markAllNotificationsRead(store, newestAt(items, upTo));
  }, [store, items, sources]);

  return {
    items,
    unreadCount,
    started: (sources?.read.readUpTo ?? null) !== null,
    travelStarted: (travel?.readFrom ?? null) !== null,
    context,
    describe,
    markRead,
    markAllRead,
  };
}
