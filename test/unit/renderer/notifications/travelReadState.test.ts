// Trip and claim notifications on a device: read from the local database, not a flood on a
// fresh device, nor on a device that had leave notifications before it had trip ones; what
// arrives after the starting point is unread and pops up once.
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { BureauDb, claimAnnouncements, loadNotificationSources, READ_UP_TO_KEY, startNotificationWatermark } from '../../../../renderer/db';
import { loadTravelNotificationSources, TRAVEL_READ_FROM_KEY } from '../../../../renderer/db/hooks/notificationsTravel';
import { deriveNotifications, type NotificationItem } from '../../../../renderer/features/notifications/derive';
import { takeStartingPoint } from '../../../../renderer/features/notifications/startingPoint';
import type { MemoryDocTx } from '../../../support/memoryDocTx';
import { makeLeave } from '../../../support/leaveFixture';
import { expectAllWritesValid, run, travelAgency } from '../../shared/mutators/helpers';

afterEach(() => {
  expectAllWritesValid();
});

const T1 = '2026-03-02T02:00:00.000Z';
const T2 = '2026-03-02T03:00:00.000Z';
const T3 = '2026-03-02T04:00:00.000Z';
const EPOCH = '1970-01-01T00:00:00.000Z';

let counter = 0;
function device(userId: string): { db: BureauDb; userId: string } {
  return { db: new BureauDb(`travel-notifications-test-${++counter}`, { indexedDB: new IDBFactory(), IDBKeyRange }), userId };
}

/** What a sync brings: every trip, claim and delegation the mutators wrote (the device keeps what it may read). */
async function sync(store: { db: BureauDb }, tx: MemoryDocTx): Promise<void> {
  await store.db.travelRequests.bulkPut(tx.all('travelRequests'));
  await store.db.expenseClaims.bulkPut(tx.all('expenseClaims'));
  await store.db.delegations.bulkPut(tx.all('delegations'));
}

/** The list as the bell shows it (useNotifications). */
async function bell(store: { db: BureauDb; userId: string }): Promise<NotificationItem[]> {
  const [sources, travel] = await Promise.all([loadNotificationSources(store), loadTravelNotificationSources(store)]);
  return deriveNotifications({ ...sources, travel, readUpTo: sources.read.readUpTo, readIds: sources.read.readIds });
}

/** What pops up on the desktop now (useNotificationEffects): unread items not announced before. */
async function popUps(store: { db: BureauDb; userId: string }): Promise<string[]> {
  const items = await bell(store);
  return claimAnnouncements(
    store,
    items.filter((i) => i.unread).map((i) => i.id),
    items.map((i) => i.id),
  );
}

const leg = (fromCity: string, toCity: string, date: string) => ({ fromCity, toCity, date, mode: 'train', travelClass: 'second' });
const trip = { id: 'trip-1', purpose: '赴京汇报', legs: [leg('广州', '北京', '2026-03-09'), leg('北京', '广州', '2026-03-12')], companionIds: ['zhaomin'] };

describe('trip and claim notifications on a device', () => {
  it('reads the trips and claims of the user, those waiting for them and those they travel on', async () => {
    const tx = await travelAgency();
    await run(tx, 'wangqiang', 'travel.submit', trip);
    await run(tx, 'wangqiang', 'claim.submit', { id: 'claim-1', travelRequestId: null, title: '办公用品', lines: [{ id: 'l1', category: 'office', date: '2026-03-02', amountMinor: 12_000 }] });
    const lina = device('lina');
    await sync(lina, tx);
    const sources = await loadTravelNotificationSources(lina);
    expect({ trips: sources.tripsOnMe.map((r) => r.id), claims: sources.claimsOnMe.map((c) => c.id), mine: sources.myTrips.length + sources.myClaims.length, readFrom: sources.readFrom }).toEqual({
      trips: ['trip-1'],
      claims: ['claim-1'],
      mine: 0,
      readFrom: null,
    });
    const zhaomin = device('zhaomin');
    await sync(zhaomin, tx);
    expect((await loadTravelNotificationSources(zhaomin)).companionTrips.map((r) => r.id)).toEqual(['trip-1']);
    lina.db.close();
    zhaomin.db.close();
  });

  it('takes what a fresh device finds at the first sync as read and announced; a later decision is new, and pops up once', async () => {
    const tx = await travelAgency();
    await run(tx, 'wangqiang', 'travel.submit', trip);
    await run(tx, 'lina', 'travel.decide', { id: 'trip-1', decision: 'approve', comment: '' }, T1);
    const store = device('wangqiang');
    await sync(store, tx);
    // Before the first sync has finished nothing counts as new.
    expect((await bell(store)).map((i) => [i.kind, i.unread])).toEqual([['trip_approved', false]]);

    await takeStartingPoint(store, { started: false, travelStarted: false, noticesStarted: false });
    expect((await store.db.meta.get(READ_UP_TO_KEY))?.value).toBe(T1);
    expect((await store.db.meta.get(TRAVEL_READ_FROM_KEY))?.value).toBe(T1);
    expect((await bell(store)).filter((i) => i.unread)).toEqual([]);
    expect(await popUps(store)).toEqual([]);

    await run(tx, 'wangqiang', 'claim.submit', { id: 'claim-1', travelRequestId: 'trip-1', title: '北京出差报销', lines: [] }, T2);
    await run(tx, 'lina', 'claim.decide', { id: 'claim-1', decision: 'reject', comment: '请补充发票' }, T3);
    await sync(store, tx);
    const unread = (await bell(store)).filter((i) => i.unread);
    expect(unread.map((i) => [i.kind, i.requestId])).toEqual([['claim_rejected', 'claim-1']]);
    expect(await popUps(store)).toEqual(unread.map((i) => i.id));
    expect(await popUps(store)).toEqual([]);
    store.db.close();
  });

  it('does not flood a device that had leave notifications before it had trip ones, and keeps a new leave item due its pop-up', async () => {
    const tx = await travelAgency();
    await run(tx, 'wangqiang', 'travel.submit', trip);
    await run(tx, 'lina', 'travel.decide', { id: 'trip-1', decision: 'approve', comment: '' }, T1);
    const store = device('wangqiang');
    // The older version started with no leave at all: everything after the epoch is new to it.
    await startNotificationWatermark(store, EPOCH, []);
    await sync(store, tx);
    const leave = makeLeave('wangqiang', ['lina'], {
      id: 'leave-9',
      status: 'approved',
      pendingApproverIds: [],
      history: [
        { at: T1, actorId: 'wangqiang', action: 'submitted', comment: null },
        { at: T2, actorId: 'lina', action: 'approved', comment: null },
      ],
    });
    await store.db.leaveRequests.put(leave);
    expect((await bell(store)).map((i) => [i.kind, i.unread])).toEqual([
      ['approved', true],
      ['trip_approved', false],
    ]);

    await takeStartingPoint(store, { started: true, travelStarted: false, noticesStarted: true });
    expect((await store.db.meta.get(READ_UP_TO_KEY))?.value).toBe(EPOCH);
    expect((await bell(store)).map((i) => [i.kind, i.unread])).toEqual([
      ['approved', true],
      ['trip_approved', false],
    ]);
    expect(await popUps(store)).toEqual(['leave-9:h1']);
    store.db.close();
  });
});
