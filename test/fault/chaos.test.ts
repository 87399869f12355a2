// Guarantees 1, 2, 5 and 7 of DESIGN.md section 3 under a hostile network: 20 clients each make
// hundreds of random mutations while going offline and online, through a proxy that drops,
// duplicates, delays, reorders and cuts messages; then the network heals and the checker proves
// that nothing acknowledged was lost, nothing applied twice, every mutation ended, and every
// client holds exactly the server's data for what its user may read. Seeded: a failure prints
// the seed, and FAULT_SEED=<seed> replays it.
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { BACKENDS, type Backend } from '../support/backends';
import { DEMO_PASSWORD, connectClient, startTestServer, type TestClient, type TestServer } from '../support/harness';
import { randomId } from '../../renderer/db';
import { createAccounts } from '../../server/admin/accounts';
import { addDays } from '../../shared/calendar/dates';
import type { User } from '../../shared/domain/directory';
import { LEAVE_TYPES } from '../../shared/domain/leave';
import { MutationRejected } from '../../shared/mutators';
import { check, type Tracked } from './support/checker';
import { CALM, startFaultyProxy, type FaultPlan, type FaultyProxy } from './support/faultyProxy';
import { runSeed, seededRandom, type Rng } from './support/random';

const OPS = Number(process.env.FAULT_OPS ?? 150);
const HOSTILE: FaultPlan = { dropRequest: 0.05, dropAck: 0.08, duplicate: 0.1, delay: 0.3, maxDelayMs: 150, cut: 0.02, dropPoke: 0.1 };
const REASONS = ['回老家探亲', '看病', 'Family visit', 'Trámite personal', '孩子开家长会', '体检'];

function person(id: string, managerId: string): { user: User; password: string } {
  return { user: { id, username: id, displayName: id.toUpperCase(), departmentId: 'general', managerId, rank: 3, title: '科员', roles: ['staff'], active: true }, password: DEMO_PASSWORD };
}

/** Four managers under the department head, four staff each: 20 people, 20 machines. */
async function addTeams(server: TestServer): Promise<{ managers: string[]; staff: string[] }> {
  const managers = ['m1', 'm2', 'm3', 'm4'];
  const staff = Array.from({ length: 16 }, (_, i) => `s${String(i + 1).padStart(2, '0')}`);
  await server.db.transaction((tx) => createAccounts(tx, null, [...managers.map((m) => person(m, 'lina')), ...staff.map((s, i) => person(s, managers[i % 4] ?? 'lina'))]));
  return { managers, staff };
}

async function act(rng: Rng, t: Tracked, isManager: boolean): Promise<void> {
  const { store } = t.client;
  const roll = rng();
  let done: Promise<number> | null = null;
  if (isManager && roll < 0.5) {
    const inbox = await store.db.leaveRequests.where('pendingApproverId').equals(store.userId).toArray();
    if (inbox.length > 0) {
      const approve = rng.chance(0.7);
      done = store.mutate('approval.decide', { requestId: rng.pick(inbox).id, decision: approve ? 'approve' : 'reject', comment: approve ? '' : '请调整时间' });
    }
  } else if (roll < 0.7 || isManager) {
    const start = addDays('2026-01-05', rng.int(0, 330));
    done = store.mutate('leave.submit', {
      id: randomId(),
      type: rng.pick(LEAVE_TYPES),
      startDate: start,
      startHalf: rng.pick(['am', 'pm'] as const),
      endDate: addDays(start, rng.int(0, 6)),
      endHalf: rng.pick(['am', 'pm'] as const),
      reason: rng.pick(REASONS),
    });
  } else {
    const mine = await store.db.leaveRequests.where('requesterId').equals(store.userId).filter((r) => r.status === 'pending').toArray();
    if (mine.length > 0) done = store.mutate('leave.withdraw', { id: rng.pick(mine).id });
  }
  if (!done) return;
  try {
    t.acknowledged.push(await done);
  } catch (err) {
    // Refused on the spot (e.g. a weekend-only span): never queued, never acknowledged.
    if (!(err instanceof MutationRejected)) throw err;
  }
}

describe.each(BACKENDS)('20 clients, random offline work, a hostile network (%s)', (backend: Backend) => {
  let server: TestServer;
  let proxy: FaultyProxy;
  const tracked: Tracked[] = [];
  const seed = runSeed();
  const rng = seededRandom(seed);

  beforeAll(async () => {
    server = await startTestServer(backend);
    proxy = await startFaultyProxy(server.url, rng, { ...CALM });
  });
  afterAll(async () => {
    for (const t of tracked) t.client.close();
    await proxy?.close();
    await server?.close();
  });

  it('G1 G2 G5 G7: loses nothing acknowledged, applies nothing twice, ends every mutation, and converges', async () => {
    onTestFailed(() => console.error(`[fault] chaos (${backend}) failed: replay with FAULT_SEED=${seed}`));
    const { managers, staff } = await addTeams(server);
    for (const username of [...managers, ...staff]) {
      const client: TestClient = await connectClient(server.url, username, undefined, { syncUrl: proxy.url, ackTimeoutMs: 700, settleTimeoutMs: 90_000 });
      tracked.push({ client, acknowledged: [] });
    }
    await Promise.all(tracked.map((t) => t.client.settle()));

    proxy.plan = HOSTILE;
    await Promise.all(
      tracked.map(async (t, n) => {
        const own = seededRandom(seed + n + 1); // each machine its own schedule, all from the seed
        let online = true;
        for (let i = 0; i < OPS; i++) {
          if (own.chance(0.04)) {
            online = !online;
            if (online) t.client.engine.start();
            else t.client.engine.stop();
          }
          await act(own, t, managers.includes(t.client.username));
          if (own.chance(0.2)) await new Promise((r) => setTimeout(r, own.int(1, 20)));
        }
        if (!online) t.client.engine.start();
      }),
    );

    // The network heals. Everyone syncs; a last round brings everyone the others' last changes.
    proxy.plan = { ...CALM };
    await Promise.all(tracked.map((t) => t.client.settle()));
    for (const t of tracked) t.client.engine.syncNow();
    await Promise.all(tracked.map((t) => t.client.settle()));

    const report = await check(server.db, tracked);
    console.log(JSON.stringify({ fault: 'chaos', backend, seed, ops: OPS, ...report, checksums: undefined, faults: proxy.stats }));
    expect(report.problems).toEqual([]);
    expect(report.mutations).toBeGreaterThan(tracked.length * OPS * 0.5);
    expect(proxy.stats.droppedAcks + proxy.stats.duplicated + proxy.stats.cuts).toBeGreaterThan(0);
  });
});
