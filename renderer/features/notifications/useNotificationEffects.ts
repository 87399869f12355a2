// What notifications do outside the list: set the starting point on the first sync, keep the
// app badge current, pop up desktop notifications for what newly arrived, remember when each
// meeting notice arrived, and mark items read when the user visits what they point to.
// Mounted once, by the bell in the header (with the meeting reminders, ./useMeetingReminders.ts).
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { claimAnnouncements, usePendingDocIds, useStore } from '../../db';
import { recordMeetingsSeen } from '../../db/hooks/notificationsMeetings';
import { platform } from '../../platform';
import { useAppSelector } from '../../app/hooks';
import { selectLastSyncedAt } from '../../app/syncSlice';
import { documentOf, itemsSeenAt } from './derive';
import { desktopNotificationsFor } from './describe';
import { takeStartingPoint } from './startingPoint';
import type { NotificationsView } from './useNotifications';

function ignore(): void {
  // A badge or a pop-up is a courtesy: its failure must not disturb the page.
}

/**
 * On the first completed sync on this device, everything already there becomes read and
 * announced. Read straight from the database, not from the live list, which may not yet hold
 * the last page of that sync. Trips and claims take their own starting point the same way,
 * also on a device that started with leave alone, so that one is not flooded either.
 */
function useStartingPoint(started: boolean, travelStarted: boolean, noticesStarted: boolean): void {
  const store = useStore();
  const lastSyncedAt = useAppSelector(selectLastSyncedAt);
  useEffect(() => {
    if ((started && travelStarted && noticesStarted) || lastSyncedAt === null) return;
    takeStartingPoint(store, { started, travelStarted, noticesStarted }).catch(ignore);
  }, [store, started, travelStarted, noticesStarted, lastSyncedAt]);
}

/**
 * Remembers when each meeting notice first reached this device, once the starting point
 * exists (it records the notices it found itself): "invited" then keeps that date while the
 * notice is edited later, and a person added to a notice by an edit hears of it as new.
 */
function useMeetingsSeen(view: NotificationsView): void {
  const store = useStore();
  const { invitedMeetings, noticesStarted } = view;
  useEffect(() => {
    if (!invitedMeetings || !noticesStarted) return;
    recordMeetingsSeen(store, invitedMeetings).catch(ignore);
  }, [store, invitedMeetings, noticesStarted]);
}

/** The unread count on the app icon (desktop) or in the tab title (browser); cleared on sign-out. */
function useBadge(count: number): void {
  useEffect(() => {
    platform.notify.setBadge(count).catch(ignore);
  }, [count]);
  useEffect(() => () => void platform.notify.setBadge(0).catch(ignore), []);
}

/**
 * Pops up what newly arrived by sync. Each item is claimed once (in the database, so a second
 * tab or a restart does not repeat it); items about a request with this user's own unsent
 * changes are claimed silently, since the user caused them. In a browser nothing pops up
 * unless the user turned notifications on: this never asks by itself.
 */
function useDesktopAnnouncements(view: NotificationsView): void {
  const { t } = useTranslation();
  const store = useStore();
  const pendingDocIds = usePendingDocIds();
  // Read at announcement time, so a new name or language does not re-run the claim.
  const latest = useRef({ t, context: view.context, pendingDocIds });
  useEffect(() => {
    latest.current = { t, context: view.context, pendingDocIds };
  });
  const { items, started } = view;

  useEffect(() => {
    if (!items || !started) return;
    const unread = items.filter((i) => i.unread);
    void (async () => {
      const fresh = new Set(
        await claimAnnouncements(
          store,
          unread.map((i) => i.id),
          items.map((i) => i.id),
        ),
      );
      const { t: translate, context, pendingDocIds: mine } = latest.current;
      // Meetings and forms: nothing the user does locally makes news for themselves there.
      const ownChange = (i: (typeof unread)[number]) => documentOf(i.kind) !== 'meeting' && documentOf(i.kind) !== 'form' && i.requestId !== null && mine.has(i.requestId);
      const toShow = unread.filter((i) => fresh.has(i.id) && !ownChange(i));
      if (toShow.length === 0 || platform.notify.permission() !== 'granted') return;
      // Oldest first, so the newest ends up on top of the screen's stack.
      for (const request of desktopNotificationsFor(translate, [...toShow].reverse(), context)) {
        await platform.notify.show(request).catch(ignore);
      }
    })().catch(ignore);
  }, [store, items, started]);
}

function useAutoMarkRead(view: NotificationsView): void {
  const { pathname } = useLocation();
  const { items, markRead } = view;
  useEffect(() => {
    if (!items) return;
    const seen = itemsSeenAt(pathname, items);
    if (seen.length > 0) markRead(seen).catch(ignore);
  }, [pathname, items, markRead]);
}

export function useNotificationEffects(view: NotificationsView): void {
  useStartingPoint(view.started, view.travelStarted, view.noticesStarted);
  useMeetingsSeen(view);
  useBadge(view.unreadCount);
  useDesktopAnnouncements(view);
  useAutoMarkRead(view);
}
