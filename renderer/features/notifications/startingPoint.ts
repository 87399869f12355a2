// A device's starting point for notifications: on the first completed sync, everything already
// there counts as read and as announced, so a new computer is not flooded with a year of old
// decisions. Trips and claims have their own, taken the same way, also on a device that started
// with leave alone (an older version) and learns about trips later.
import { loadNotificationSources, startNotificationWatermark, type LocalStore } from '../../db';
import { loadTravelNotificationSources, startTravelNotifications } from '../../db/hooks/notificationsTravel';
import { deriveNotifications, documentOf, newestAt } from './derive';

/** The watermark when nothing at all existed at the first sync: everything after it is new. */
const EPOCH = '1970-01-01T00:00:00.000Z';

/**
 * Takes whichever starting point is missing. Reads straight from the database, not from the
 * live list, which may not yet hold the last page of that sync.
 */
export async function takeStartingPoint(store: Pick<LocalStore, 'db' | 'userId'>, have: { started: boolean; travelStarted: boolean }): Promise<void> {
  if (have.started && have.travelStarted) return;
  const [sources, travel] = await Promise.all([loadNotificationSources(store), loadTravelNotificationSources(store)]);
  const items = deriveNotifications({ ...sources, travel: { ...travel, readFrom: EPOCH }, readUpTo: EPOCH, readIds: new Set() });
  const upTo = newestAt(items, EPOCH);
  // Trips and claims first: until both starting points exist, none of them is unread. Only
  // their own ids are marked announced: a leave item may be unread and still due its pop-up.
  if (!have.travelStarted) {
    await startTravelNotifications(
      store,
      upTo,
      items.filter((i) => documentOf(i.kind) !== 'leave').map((i) => i.id),
    );
  }
  if (!have.started) {
    await startNotificationWatermark(
      store,
      upTo,
      items.map((i) => i.id),
    );
  }
}
