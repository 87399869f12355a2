// A device's starting point for notifications: on the first completed sync, everything already
// there counts as read and as announced, so a new computer is not flooded with a year of old
// decisions. Trips and claims have their own, taken the same way, also on a device that started
// with leave alone (an older version) and learns about trips later; and so do meeting notices
// and saved forms.
import { agencyDate } from '../../../shared/calendar/dates';
import { loadNotificationSources, startNotificationWatermark, type LocalStore } from '../../db';
import { loadNoticeNotificationSources, startNoticeNotifications } from '../../db/hooks/notificationsMeetings';
import { loadTravelNotificationSources, startTravelNotifications } from '../../db/hooks/notificationsTravel';
import { deriveNotifications, documentOf, newestAt } from './derive';

/** The watermark when nothing at all existed at the first sync: everything after it is new. */
const EPOCH = '1970-01-01T00:00:00.000Z';

/**
 * Takes whichever starting point is missing. Reads straight from the database, not from the
 * live list, which may not yet hold the last page of that sync.
 */
export async function takeStartingPoint(
  store: Pick<LocalStore, 'db' | 'userId'>,
  have: { started: boolean; travelStarted: boolean; noticesStarted: boolean },
  now: string = new Date().toISOString(),
): Promise<void> {
  if (have.started && have.travelStarted && have.noticesStarted) return;
  const [sources, travel, notices] = await Promise.all([loadNotificationSources(store), loadTravelNotificationSources(store), loadNoticeNotificationSources(store, agencyDate(now))]);
  // Notices held now count as seen when they were issued: they are all dated as they came.
  const seen = new Map([...notices.invited.map((m): [string, string] => [m.id, m.createdAt]), ...notices.seen]);
  const items = deriveNotifications({
    ...sources,
    travel: { ...travel, readFrom: EPOCH },
    notices: { ...notices, seen, readFrom: EPOCH },
    readUpTo: EPOCH,
    readIds: new Set(),
  });
  const upTo = newestAt(items, EPOCH);
  const ofKind = (kinds: ReadonlyArray<ReturnType<typeof documentOf>>) => items.filter((i) => kinds.includes(documentOf(i.kind))).map((i) => i.id);
  // Trips and claims, meetings and forms first: until both their own starting point and the
  // leave one exist, none of them is unread. Only their own ids are marked announced: a leave
  // item may be unread and still due its pop-up.
  if (!have.travelStarted) await startTravelNotifications(store, upTo, ofKind(['trip', 'claim']));
  if (!have.noticesStarted) await startNoticeNotifications(store, upTo, ofKind(['meeting', 'form']), notices.invited);
  if (!have.started) {
    await startNotificationWatermark(
      store,
      upTo,
      items.map((i) => i.id),
    );
  }
}
