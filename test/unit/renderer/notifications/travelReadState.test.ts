// Trip and claim notifications on a device: read from the local database, not a flood on a
// fresh device, nor on a device that had leave notifications before it had trip ones; what
// arrives after the starting point is unread and pops up once.
import { afterEach, describe, expect, it } from 'vitest';
import { READ_UP_TO_KEY, startNotificationWatermark } from '../../../../renderer/db';
import { loadTravelNotificationSources, TRAVEL_READ_FROM_KEY } from '../../../../renderer/db/hooks/notificationsTravel';
import { takeStartingPoint } from '../../../../renderer/features/notifications/startingPoint';
import type { MemoryDocTx } from '../../../support/memoryDocTx';
import { expectAllWritesValid, run, travelAgency } from '../../shared/mutators/helpers';
import { approvedLeaveArrives, bell, type Device, openDevice, popUps, T1, T2, T3 } from './fixtures';

afterEach(() => {
  expectAllWritesValid();
});

const EPOCH = '1970-01-01T00:00:00.000Z';

/** What a sync brings: every trip, claim and delegation the mutators wrote (the device keeps what it may read). */
async function sync(store: Device, tx: MemoryDocTx): Promise<void> {
  await store.db.travelRequests.bulkPut(tx.all('travelRequests'));
  await store.db.expenseClaims.bulkPut(tx.all('expenseClaims'));
  await store.db.delegations.bulkPut(tx.all('delegations'));
}

const leg = (fromCity: string, toCity: string, date: string) => ({ fromCity, toCity, date, mode: 'train', travelClass: 'second' });
const trip = { id: 'trip-1', purpose: '赴京汇报', legs: [leg('广州', '北京', '2026-03-09'), leg('北京', '广州', '2026-03-12')], companionIds: ['zhaomin'] };

describe('trip and claim notifications on a device', () => {
  it('reads the trips and claims of the user, those waiting for them and those they travel on', async () => {
    const tx = await travelAgency();
    await run(tx, 'wangqiang', 'travel.submit', trip);
    await run(tx, 'wangqiang', 'claim.submit', { id: 'claim-1', travelRequestId: null, title: '办公用品', lines: [{ id: 'l1', category: 'office', date: '2026-03-02', amountMinor: 12_000 }] });
    const lina = openDevice('lina');
    await sync(lina, tx);
    const sources = await loadTravelNotificationSources(lina);
    expect({ trips: sources.tripsOnMe.map((r) => r.id), claims: sources.claimsOnMe.map((c) => c.id), mine: sources.myTrips.length + sources.myClaims.length, readFrom: sources.readFrom }).toEqual({
      trips: ['trip-1'],
      claims: ['claim-1'],
      mine: 0,
      readFrom: null,
    });
    const zhaomin = openDevice('zhaomin');
    await sync(zhaomin, tx);
    expect((await loadTravelNotificationSources(zhaomin)).companionTrips.map((r) => r.id)).toEqual(['trip-1']);
    lina.db.close();
    zhaomin.db.close();
  });

  it('takes what a fresh device finds at the first sync as read and announced; a later decision is new, and pops up once', async () => {
    const tx = await travelAgency();
    await run(tx, 'wangqiang', 'travel.submit', trip);
    await run(tx, 'lina', 'travel.decide', { id: 'trip-1', decision: 'approve', comment: '' }, T1);
    const store = openDevice('wangqiang');
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
    const store = openDevice('wangqiang');
    // The older version started with no leave at all: everything after the epoch is new to it.
    await startNotificationWatermark(store, EPOCH, []);
    await sync(store, tx);
    await approvedLeaveArrives(store, T1, T2);
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
