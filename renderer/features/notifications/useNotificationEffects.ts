// What notifications do outside the list: set the starting point on the first sync, keep the
// app badge current, pop up desktop notifications for what newly arrived, and mark items read
// when the user visits what they point to. Mounted once, by the bell in the header.
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { claimAnnouncements, usePendingDocIds, useStore } from '../../db';
import { platform } from '../../platform';
import { useAppSelector } from '../../app/hooks';
import { selectLastSyncedAt } from '../../app/syncSlice';
import { itemsSeenAt } from './derive';
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
function useStartingPoint(started: boolean, travelStarted: boolean): void {
  const store = useStore();
  const lastSyncedAt = useAppSelector(selectLastSyncedAt);
  useEffect(() => {
    if ((started && travelStarted) || lastSyncedAt === null) return;
    takeStartingPoint(store, { started, travelStarted }).catch(ignore);
  }, [store, started, travelStarted, lastSyncedAt]);
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
      const toShow = unread.filter((i) => fresh.has(i.id) && !(i.requestId && mine.has(i.requestId)));
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
  useStartingPoint(view.started, view.travelStarted);
  useBadge(view.unreadCount);
  useDesktopAnnouncements(view);
  useAutoMarkRead(view);
}
