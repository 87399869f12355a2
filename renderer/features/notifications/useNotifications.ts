// The notification list as components see it: derived items, the unread count, words for each
// item, and the read actions.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { agencyDate } from '../../../shared/calendar/dates';
import { leaveTypeName } from '../../../shared/domain/leaveTypes';
import { markAllNotificationsRead, markNotificationsRead, useDirectory, useLeaveTypes, useNotificationSources, useStore } from '../../db';
import { useNoticeNotificationSources } from '../../db/hooks/notificationsMeetings';
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
  /** False until this device took its starting point for meetings and forms (see notificationsMeetings). */
  noticesStarted: boolean;
  /** The notices the user is invited to, to record when each first arrived (undefined while loading). */
  invitedMeetings: readonly { id: string; updatedAt: string }[] | undefined;
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
      language: i18n.language,
    };
  }, [directory, types, t, i18n.language]);
}

/** How often the agency date is looked at again: a form version in force from today counts from today. */
const TODAY_CHECK_MS = 5 * 60_000;

/** Today in the agency (UTC+8), kept current while the app stays open overnight. */
export function useAgencyToday(): string {
  const [today, setToday] = useState(() => agencyDate(new Date().toISOString()));
  useEffect(() => {
    const timer = setInterval(() => setToday(agencyDate(new Date().toISOString())), TODAY_CHECK_MS);
    return () => clearInterval(timer);
  }, []);
  return today;
}

export function useNotifications(): NotificationsView {
  const { t } = useTranslation();
  const store = useStore();
  const sources = useNotificationSources();
  const travel = useTravelNotificationSources();
  const notices = useNoticeNotificationSources(useAgencyToday());
  const context = useDescribeContext();

  const items = useMemo(
    () =>
      sources &&
      travel &&
      notices &&
      deriveNotifications({
        userId: sources.userId,
        myRequests: sources.myRequests,
        pendingOnMe: sources.pendingOnMe,
        delegations: sources.delegations,
        travel,
        notices,
        readUpTo: sources.read.readUpTo,
        readIds: sources.read.readIds,
      }),
    [sources, travel, notices],
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
    noticesStarted: (notices?.readFrom ?? null) !== null,
    invitedMeetings: notices?.invited,
    context,
    describe,
    markRead,
    markAllRead,
  };
}
