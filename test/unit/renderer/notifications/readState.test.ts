// What the user has read and what was already announced live in the local `meta` table: a
// starting point on the first sync, "mark all read", one by one, and each pop-up only once
// even with two tabs open.
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { BureauDb } from '../../../../renderer/db';
import {
  ANNOUNCED_KEY,
  claimAnnouncements,
  loadNotificationSources,
  markAllNotificationsRead,
  markNotificationsRead,
  READ_IDS_KEY,
  READ_UP_TO_KEY,
  startNotificationWatermark,
  type NotificationSources,
} from '../../../../renderer/db/hooks/notifications';
import { deriveNotifications } from '../../../../renderer/features/notifications/derive';
import type { Delegation } from '../../../../shared/domain/delegation';
import { makeLeave } from '../../../support/leaveFixture';

const WANG = 'u-wangqiang';
const LINA = 'u-lina';
const ZHOU = 'u-zhouting';
const T1 = '2026-03-02T02:00:00.000Z';
const T2 = '2026-03-02T03:00:00.000Z';
const T3 = '2026-03-02T04:00:00.000Z';

let counter = 0;
function open(userId = WANG): { db: BureauDb; userId: string } {
  return { db: new BureauDb(`notifications-test-${++counter}`, { indexedDB: new IDBFactory(), IDBKeyRange }), userId };
}

function derived(sources: NotificationSources) {
  return deriveNotifications({ ...sources, readUpTo: sources.read.readUpTo, readIds: sources.read.readIds });
}

const approvedAtT1 = makeLeave(WANG, [LINA], {
  id: 'req-1',
  status: 'approved',
  pendingApproverIds: [],
  history: [
    { at: '2026-03-02T01:00:00.000Z', actorId: WANG, action: 'submitted', comment: null },
    { at: T1, actorId: LINA, action: 'approved', comment: null },
  ],
});
const rejectedAtT3 = makeLeave(WANG, [LINA], {
  id: 'req-2',
  status: 'rejected',
  pendingApproverIds: [],
  history: [
    { at: '2026-03-02T01:00:00.000Z', actorId: WANG, action: 'submitted', comment: null },
    { at: T3, actorId: LINA, action: 'rejected', comment: '不同意' },
  ],
});

describe('notification sources', () => {
  it('reads my requests, what waits for me, and delegations naming me', async () => {
    const store = open(ZHOU);
    const steps = [{ kind: 'manager' as const, role: null, mode: 'any' as const, approverIds: [LINA], delegates: [{ forId: LINA, toId: ZHOU, delegationId: 'del-route' }], status: 'pending' as const, decisions: [] }];
    const waiting = makeLeave(WANG, [LINA], { id: 'req-w', steps, pendingApproverIds: [LINA, ZHOU] });
    const route: Delegation = { id: 'del-route', kind: 'manual', fromUserId: LINA, toUserId: ZHOU, startDate: '2026-03-01', endDate: '2026-03-09', sourceRequestId: null, active: true, note: '', createdAt: T2, updatedAt: T2 };
    await store.db.leaveRequests.bulkPut([waiting, approvedAtT1]);
    await store.db.delegations.bulkPut([route, { ...route, id: 'del-other', toUserId: WANG }]);
    const sources = await loadNotificationSources(store);
    expect(sources.pendingOnMe.map((r) => r.id)).toEqual(['req-w']);
    expect(sources.myRequests).toEqual([]);
    expect(sources.delegations.map((d) => d.id)).toEqual(['del-route']);
    expect(sources.read).toEqual({ readUpTo: null, readIds: new Set() });
    store.db.close();
  });
});

describe('read state', () => {
  it('takes everything present at the first sync as read and announced, once', async () => {
    const store = open();
    await store.db.leaveRequests.bulkPut([approvedAtT1]);
    expect(derived(await loadNotificationSources(store)).filter((i) => i.unread)).toEqual([]);

    expect(await startNotificationWatermark(store, T1, ['req-1:h1'])).toBe(true);
    expect((await store.db.meta.get(ANNOUNCED_KEY))?.value).toEqual(['req-1:h1']);
    // A later sync does not move the starting point.
    expect(await startNotificationWatermark(store, T3, [])).toBe(false);
    expect((await store.db.meta.get(READ_UP_TO_KEY))?.value).toBe(T1);

    // A decision arriving afterwards is unread.
    await store.db.leaveRequests.put(rejectedAtT3);
    expect(derived(await loadNotificationSources(store)).map((i) => [i.id, i.unread])).toEqual([
      ['req-2:h1', true],
      ['req-1:h1', false],
    ]);
    store.db.close();
  });

  it('marks one read, then all; the watermark never moves back', async () => {
    const store = open();
    await store.db.leaveRequests.bulkPut([approvedAtT1, rejectedAtT3]);
    await startNotificationWatermark(store, '2026-03-01T00:00:00.000Z', []);
    expect(derived(await loadNotificationSources(store)).filter((i) => i.unread)).toHaveLength(2);

    await markNotificationsRead(store, ['req-2:h1']);
    await markNotificationsRead(store, ['req-2:h1']);
    expect((await store.db.meta.get(READ_IDS_KEY))?.value).toEqual(['req-2:h1']);
    expect(derived(await loadNotificationSources(store)).filter((i) => i.unread).map((i) => i.id)).toEqual(['req-1:h1']);

    await markAllNotificationsRead(store, T3);
    expect(derived(await loadNotificationSources(store)).filter((i) => i.unread)).toEqual([]);
    expect((await store.db.meta.get(READ_IDS_KEY))?.value).toEqual([]);
    // Another tab marking all read with an older list does not bring items back.
    await markAllNotificationsRead(store, T1);
    expect((await store.db.meta.get(READ_UP_TO_KEY))?.value).toBe(T3);
    store.db.close();
  });

  it('announces each item once, even when two tabs claim it together', async () => {
    const store = open();
    const [first, second] = await Promise.all([claimAnnouncements(store, ['a', 'b'], ['a', 'b']), claimAnnouncements(store, ['a', 'b'], ['a', 'b'])]);
    expect([...(first ?? []), ...(second ?? [])].sort()).toEqual(['a', 'b']);
    expect(await claimAnnouncements(store, ['a', 'b', 'c'], ['a', 'b', 'c'])).toEqual(['c']);
    // Items that no longer exist are forgotten, so the list stays small.
    expect(await claimAnnouncements(store, [], ['c'])).toEqual([]);
    expect((await store.db.meta.get(ANNOUNCED_KEY))?.value).toEqual(['c']);
    store.db.close();
  });
});
