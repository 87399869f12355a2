// Guarantees 1, 2, 5 and 7 of DESIGN.md section 3 under a hostile network: 20 clients each make
// hundreds of random mutations (leave, approvals, delegations, meeting notices and replies) while going offline and online, through a proxy that drops,
// duplicates, delays, reorders and cuts messages; then the network heals and the checker proves
// that nothing acknowledged was lost, nothing applied twice, every mutation ended, and every
// client holds exactly the server's data for what its user may read. Seeded: a failure prints
// the seed, and FAULT_SEED=<seed> replays it.
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { BACKENDS, type Backend } from '../support/backends';
import { DEMO_PASSWORD, connectClient, startTestServer, type TestClient, type TestServer } from '../support/harness';
import { randomId } from '../../renderer/db';
import { createAccounts } from '../../server/admin/accounts';
import { SqlDocTx } from '../../server/store/documents';
import { addDays, agencyDate, daysBetween } from '../../shared/calendar/dates';
import type { User } from '../../shared/domain/directory';
import { MutationRejected, runMutator } from '../../shared/mutators';
import { check, type Tracked } from './support/checker';
import { CALM, startFaultyProxy, type FaultPlan, type FaultyProxy } from './support/faultyProxy';
import { runSeed, seededRandom, type Rng } from './support/random';

const OPS = Number(process.env.FAULT_OPS ?? 150);
const SPELLS = 2;
const HOSTILE: FaultPlan = { dropRequest: 0.05, dropAck: 0.08, duplicate: 0.1, delay: 0.3, maxDelayMs: 150, cut: 0.02, dropPoke: 0.1 };
const REASONS = ['回老家探亲', '看病', 'Family visit', 'Trámite personal', '孩子开家长会', '体检'];
/** Types with and without a balance; personal twice, so that most requests need no balance. */
const TYPES = ['annual', 'sick', 'personal', 'personal', 'home_visit'] as const;
/** Leave dates and delegations are relative to today: cancellation needs leave not yet started, report-back leave that has. */
const TODAY = agencyDate(new Date().toISOString());

function person(id: string, managerId: string, organizer = false): { user: User; password: string } {
  return {
    user: { id, username: id, displayName: id.toUpperCase(), departmentId: 'general', managerId, rank: 3, title: '科员', roles: organizer ? ['staff', 'meeting_organizer'] : ['staff'], active: true, firstEmployedOn: '2012-07-01', joinedOn: '2020-01-01' },
    password: DEMO_PASSWORD,
  };
}

/**
 * Four managers under the department head, four staff each: 20 people, 20 machines. HR gives
 * them this year's annual and home-visit leave, as it would (by the shared mutator). Managers
 * also organize meetings.
 */
async function addTeams(server: TestServer): Promise<{ managers: string[]; staff: string[] }> {
  const managers = ['m1', 'm2', 'm3', 'm4'];
  const staff = Array.from({ length: 16 }, (_, i) => `s${String(i + 1).padStart(2, '0')}`);
  await server.db.transaction(async (tx) => {
    await createAccounts(tx, null, [...managers.map((m) => person(m, 'lina', true)), ...staff.map((s, i) => person(s, managers[i % 4] ?? 'lina'))]);
    for (const typeId of ['annual', 'home_visit']) {
      const docs = new SqlDocTx(tx);
      await runMutator('ledger.allocateYear', { typeId, year: Number(TODAY.slice(0, 4)) }, { tx: docs, actorId: 'zhouting', now: new Date().toISOString() });
      await docs.commit();
    }
  });
  return { managers, staff };
}

function submit(rng: Rng, t: Tracked): Promise<number> {
  const type = rng.pick(TYPES);
  // Over more than a year, so that a person's requests seldom overlap (an overlap is refused on the spot).
  const start = addDays(TODAY, rng.int(-60, 400));
  // Sick leave over two days needs a certificate: keep it short. Home visits are whole days.
  const end = addDays(start, type === 'sick' ? rng.int(0, 1) : rng.int(0, 4));
  const half = () => (type === 'home_visit' ? null : rng.pick(['am', 'pm'] as const));
  return t.client.store.mutate('leave.submit', { id: randomId(), type, startDate: start, startHalf: half() ?? 'am', endDate: end, endHalf: half() ?? 'pm', reason: rng.pick(REASONS) });
}

/** A meeting notice for two to four people, some days ahead, at 10:00 agency time. */
function issueMeeting(rng: Rng, t: Tracked, people: readonly string[]): Promise<number> {
  const day = addDays(TODAY, rng.int(1, 30));
  const invited = [...new Set(Array.from({ length: rng.int(2, 4) }, () => rng.pick(people)))];
  return t.client.store.mutate('meeting.issue', {
    id: randomId(),
    title: rng.pick(['周例会', '专题会', 'Kick-off', 'Reunión']),
    startAt: `${day}T10:00:00+08:00`,
    endAt: `${day}T11:00:00+08:00`,
    location: '二楼会议室',
    agenda: '',
    invitedUserIds: invited,
    invitedDepartmentIds: [],
    replyDeadline: null,
    substituteAllowed: true,
  });
}

/** An invitee answers (or changes the answer): attending, absent, or a substitute not yet on the notice. */
async function reply(rng: Rng, t: Tracked, people: readonly string[]): Promise<number | null> {
  const { store } = t.client;
  const invited = (await store.db.meetings.where('attendeeIds').equals(store.userId).toArray()).filter((m) => m.status === 'scheduled');
  if (invited.length === 0) return null;
  const meeting = rng.pick(invited);
  const me = meeting.attendees.find((a) => a.userId === store.userId);
  const roll = rng();
  if (roll < 0.2 && me?.via !== 'substitute') {
    const free = people.filter((p) => p !== store.userId && p !== meeting.organizerId && !meeting.attendeeIds.includes(p));
    if (free.length > 0) return store.mutate('meeting.reply', { meetingId: meeting.id, response: 'substitute', substituteId: rng.pick(free) });
  }
  return roll < 0.7 ? store.mutate('meeting.reply', { meetingId: meeting.id, response: 'attending' }) : store.mutate('meeting.reply', { meetingId: meeting.id, response: 'absent', reason: '外出办事' });
}

/** The organizer moves a meeting by a day (replies of "attending" then need confirming again) or cancels it. */
async function reschedule(rng: Rng, t: Tracked): Promise<number | null> {
  const { store } = t.client;
  const mine = (await store.db.meetings.where('organizerId').equals(store.userId).toArray()).filter((m) => m.status === 'scheduled');
  if (mine.length === 0) return null;
  const m = rng.pick(mine);
  if (rng.chance(0.2)) return store.mutate('meeting.cancel', { id: m.id, reason: '另行通知' });
  const day = addDays(agencyDate(m.startAt), 1);
  const { id, title, location, agenda, attachments, invitedUserIds, invitedDepartmentIds, replyDeadline, substituteAllowed } = m;
  return store.mutate('meeting.update', { id, title, location, agenda, attachments, invitedUserIds, invitedDepartmentIds, replyDeadline, substituteAllowed, startAt: `${day}T10:00:00+08:00`, endAt: `${day}T11:00:00+08:00`, note: '时间调整' });
}

/** The requester's side: answer a meeting notice, submit, withdraw while pending, cancel approved leave not yet started, report back. */
async function staffAct(rng: Rng, t: Tracked, people: readonly string[]): Promise<number> {
  const { store } = t.client;
  if (rng.chance(0.12)) {
    const answered = await reply(rng, t, people);
    if (answered !== null) return answered;
  }
  const roll = rng();
  if (roll < 0.55) return submit(rng, t);
  const mine = await store.db.leaveRequests.where('requesterId').equals(store.userId).toArray();
  // With nothing to withdraw, cancel or report back, the person submits instead.
  if (roll < 0.7) {
    const pending = mine.filter((r) => r.status === 'pending');
    return pending.length > 0 ? store.mutate('leave.withdraw', { id: rng.pick(pending).id }) : submit(rng, t);
  }
  if (roll < 0.82) {
    const cancellable = mine.filter((r) => r.status === 'approved' && r.cancellation?.status !== 'pending' && r.startDate > TODAY);
    return cancellable.length > 0 ? store.mutate('leave.cancel', { id: rng.pick(cancellable).id, reason: '计划有变' }) : submit(rng, t);
  }
  const started = mine.filter((r) => r.status === 'approved' && !r.reportBack && r.cancellation?.status !== 'pending' && r.startDate <= TODAY);
  if (started.length === 0) return submit(rng, t);
  const r = rng.pick(started);
  const last = r.endDate < TODAY ? r.endDate : TODAY;
  return store.mutate('leave.reportBack', { id: r.id, returnDate: addDays(r.startDate, rng.int(0, daysBetween(r.startDate, last))), returnHalf: rng.pick(['am', 'pm'] as const), comment: '' });
}

/** An approver's side: decide what waits on them (or on whom they act for), name an acting approver, end one, organize meetings. */
async function managerAct(rng: Rng, t: Tracked, managers: readonly string[], people: readonly string[]): Promise<number> {
  const { store } = t.client;
  const roll = rng();
  if (roll >= 0.6 && roll < 0.68) return issueMeeting(rng, t, people);
  if (roll >= 0.68 && roll < 0.72) return (await reschedule(rng, t)) ?? submit(rng, t);
  if (roll >= 0.72 && roll < 0.78) return (await reply(rng, t, people)) ?? submit(rng, t);
  if (roll < 0.5) {
    const inbox = await store.db.leaveRequests.where('pendingApproverIds').equals(store.userId).toArray();
    if (inbox.length === 0) return submit(rng, t);
    const item = rng.pick(inbox);
    const approve = rng.chance(0.75);
    // As the approval page does: the version the approver saw goes with the decision.
    return store.mutate('approval.decide', { requestId: item.id, decision: approve ? 'approve' : 'reject', comment: approve ? '' : '请调整时间', revision: item.revision });
  }
  if (roll < 0.56) {
    const to = rng.pick(managers.filter((m) => m !== store.userId));
    return store.mutate('delegation.set', { id: randomId(), kind: 'manual', toUserId: to, startDate: TODAY, endDate: addDays(TODAY, rng.int(0, 10)), note: '出差期间' });
  }
  if (roll < 0.6) {
    const mine = (await store.db.delegations.where('fromUserId').equals(store.userId).toArray()).filter((d) => d.active);
    return mine.length > 0 ? store.mutate('delegation.end', { id: rng.pick(mine).id }) : submit(rng, t);
  }
  return submit(rng, t);
}

/** One random action; what store.mutate() accepted is what the user was told is saved. */
async function act(rng: Rng, t: Tracked, managers: readonly string[], people: readonly string[]): Promise<void> {
  try {
    const id = managers.includes(t.client.username) ? await managerAct(rng, t, managers, people) : await staffAct(rng, t, people);
    t.acknowledged.push(id);
  } catch (err) {
    // Refused on the spot (a weekend-only span, no balance left, an overlap): never queued, never acknowledged.
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
    const people = [...managers, ...staff];
    for (const username of [...managers, ...staff]) {
      const client: TestClient = await connectClient(server.url, username, undefined, { syncUrl: proxy.url, ackTimeoutMs: 700, settleTimeoutMs: 90_000 });
      tracked.push({ client, acknowledged: [] });
    }
    await Promise.all(tracked.map((t) => t.client.settle()));

    // Two spells of hostile network, each ended by a calm spell in which everyone syncs (as a
    // LAN that comes back does): in the second, managers find the first spell's requests in
    // their inboxes, and staff cancel and report back leave approved in the first.
    const schedules = tracked.map((_, n) => seededRandom(seed + n + 1)); // each machine its own, all from the seed
    const timings = { workMs: 0, healMs: 0 };
    for (let spell = 0; spell < SPELLS; spell++) {
      proxy.plan = HOSTILE;
      const started = performance.now();
      await Promise.all(
        tracked.map(async (t, n) => {
          const own = schedules[n] ?? rng;
          let online = true;
          for (let i = 0; i < OPS / SPELLS; i++) {
            if (own.chance(0.04)) {
              online = !online;
              if (online) t.client.engine.start();
              else t.client.engine.stop();
            }
            await act(own, t, managers, people);
            // People pause between actions, so that pushes, pokes and pulls interleave with their work.
            await new Promise((r) => setTimeout(r, own.int(0, 40)));
          }
          if (!online) t.client.engine.start();
        }),
      );

      // The network heals. Everyone syncs; a last round brings everyone the others' last changes.
      const worked = performance.now();
      proxy.plan = { ...CALM };
      await Promise.all(tracked.map((t) => t.client.settle()));
      for (const t of tracked) t.client.engine.syncNow();
      await Promise.all(tracked.map((t) => t.client.settle()));
      timings.workMs += Math.round(worked - started);
      timings.healMs += Math.round(performance.now() - worked);
    }

    const report = await check(server.db, tracked);
    console.log(JSON.stringify({ fault: 'chaos', backend, seed, ops: OPS, ...report, checksums: undefined, faults: proxy.stats, timings }));
    expect(report.problems).toEqual([]);
    expect(report.mutations).toBeGreaterThan(tracked.length * OPS * 0.5);
    expect(proxy.stats.droppedAcks + proxy.stats.duplicated + proxy.stats.cuts).toBeGreaterThan(0);
  });
});
