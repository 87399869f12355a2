// What the notification tests share: the instants of a Monday's events, the words a person
// reads (the demo agency's names, in Chinese and English), and a device's notifications as the
// app reads them from its local database: a fresh device (its own IndexedDB), the bell's list
// (useNotifications), the desktop pop-ups (useNotificationEffects), a leave decision arriving.
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { BureauDb, claimAnnouncements, loadNotificationSources } from '../../../../renderer/db';
import { loadNoticeNotificationSources } from '../../../../renderer/db/hooks/notificationsMeetings';
import { loadTravelNotificationSources } from '../../../../renderer/db/hooks/notificationsTravel';
import { deriveNotifications, type NotificationItem } from '../../../../renderer/features/notifications/derive';
import type { DescribeContext } from '../../../../renderer/features/notifications/describe';
import { createI18n } from '../../../../renderer/i18n/createI18n';
import { DEMO_USERS } from '../../../../server/seed/demo';
import { agencyDate } from '../../../../shared/calendar/dates';
import type { LeaveRequest } from '../../../../shared/domain/leave';
import { makeLeave } from '../../../support/leaveFixture';

/** Monday 2 March 2026 in the agency, after the 09:00 (NOW) of the mutator helpers: 10:00, 11:00, 12:00, 13:00. */
export const T1 = '2026-03-02T02:00:00.000Z';
export const T2 = '2026-03-02T03:00:00.000Z';
export const T3 = '2026-03-02T04:00:00.000Z';
export const T4 = '2026-03-02T05:00:00.000Z';

export const zh = createI18n('zh-CN').t;
export const en = createI18n('en').t;
const nameOf = (id: string) => DEMO_USERS.find((u) => u.id === id)?.displayName ?? '?';
/** The demo agency's people by name; leave types by their id. */
export const zhCtx: DescribeContext = { nameOf, typeName: (id) => id, language: 'zh-CN' };
export const enCtx: DescribeContext = { nameOf, typeName: (id) => id, language: 'en' };

export interface Device {
  db: BureauDb;
  userId: string;
}

let counter = 0;
/** A fresh device of `userId` with an empty database of its own. */
export function openDevice(userId: string): Device {
  return { db: new BureauDb(`notifications-fixture-${++counter}`, { indexedDB: new IDBFactory(), IDBKeyRange }), userId };
}

/**
 * The list as the bell shows it: leave and trips, and with `noticesAt` (an instant) the meeting
 * and form notifications of that instant's agency date too.
 */
export async function bell(store: Device, noticesAt?: string): Promise<NotificationItem[]> {
  const [sources, travel, notices] = await Promise.all([
    loadNotificationSources(store),
    loadTravelNotificationSources(store),
    noticesAt === undefined ? undefined : loadNoticeNotificationSources(store, agencyDate(noticesAt)),
  ]);
  return deriveNotifications({ ...sources, travel, ...(notices ? { notices } : {}), readUpTo: sources.read.readUpTo, readIds: sources.read.readIds });
}

/** What pops up on the desktop now: unread items of the bell (see `bell`) not announced before. */
export async function popUps(store: Device, noticesAt?: string): Promise<string[]> {
  const items = await bell(store, noticesAt);
  return claimAnnouncements(
    store,
    items.filter((i) => i.unread).map((i) => i.id),
    items.map((i) => i.id),
  );
}

/** wangqiang's leave 'leave-9', submitted at `submittedAt` and approved by lina at `approvedAt`, put on the device as a sync would. */
export async function approvedLeaveArrives(store: Device, submittedAt: string, approvedAt: string): Promise<LeaveRequest> {
  const leave = makeLeave('wangqiang', ['lina'], {
    id: 'leave-9',
    status: 'approved',
    pendingApproverIds: [],
    history: [
      { at: submittedAt, actorId: 'wangqiang', action: 'submitted', comment: null },
      { at: approvedAt, actorId: 'lina', action: 'approved', comment: null },
    ],
  });
  await store.db.leaveRequests.put(leave);
  return leave;
}
