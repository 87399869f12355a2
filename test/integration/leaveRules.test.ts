// The leave rules as the server enforces them, with real Node clients (Dexie on fake-indexeddb)
// working offline: balances from the ledger (Decree 514 allocations), approval policy as data
// (manager, department head, any HR officer; countersign), delegation, cancellation and
// report-back (销假), who may read a balance, and the working calendar edited by an
// administrator. On PGlite and on PostgreSQL.
//
// Dates are relative to today (cancellation needs leave not yet started, report-back leave that
// has): future leave goes in March of next year, which holds no public holiday and no adjusted
// working day, so a span of weekdays counts one working day per weekday.
import { describe, expect, it } from 'vitest';
import { BACKENDS } from '../support/backends';
import { DEMO_PASSWORD, login, waitFor, type TestClient } from '../support/harness';
import { serverSuite } from '../support/serverSuite';
import { openSocket, pushMutation } from '../support/wire';
import { randomId } from '../../renderer/db';
import { createAccounts } from '../../server/admin/accounts';
import { addDays, agencyDate, dayOfWeek } from '../../shared/calendar/dates';
import type { User } from '../../shared/domain/directory';
import type { LeaveRequest } from '../../shared/domain/leave';
import type { LedgerEntry } from '../../shared/domain/ledger';
import { computeBalance } from '../../shared/leave/ledger';

const TODAY = agencyDate(new Date().toISOString());
const YEAR = Number(TODAY.slice(0, 4));

/** The Monday of week `n` (from 0) of next March. */
function marchWeek(n: number): string {
  let monday = `${YEAR + 1}-03-01`;
  while (dayOfWeek(monday) !== 1) monday = addDays(monday, 1);
  return addDays(monday, 7 * n);
}

const isWeekend = (date: string) => dayOfWeek(date) === 0 || dayOfWeek(date) === 6;

/** `days` working days from `start` (a weekday), whole days. */
function weekdays(start: string, days: number) {
  let end = start;
  for (let n = 1; n < days; ) {
    end = addDays(end, 1);
    if (!isWeekend(end)) n++;
  }
  return { startDate: start, startHalf: 'am' as const, endDate: end, endHalf: 'pm' as const };
}

/**
 * People the demo agency lacks: a section chief between staff and the department head, her
 * staff member, a second HR officer. They started work on 1 January, so their working years
 * (and Decree 514 days) are the same all year.
 */
const NEWCOMERS: User[] = [
  { id: 'kezhang', username: 'kezhang', displayName: '马科长', departmentId: 'general', managerId: 'lina', rank: 7, title: '综合科科长', roles: ['staff'], active: true, firstEmployedOn: '2006-01-01', joinedOn: '2006-01-01' },
  { id: 'keyuan', username: 'keyuan', displayName: '何科员', departmentId: 'general', managerId: 'kezhang', rank: 3, title: '科员', roles: ['staff'], active: true, firstEmployedOn: '2014-01-01', joinedOn: '2014-01-01' },
  { id: 'hr2', username: 'hr2', displayName: '吴干事', departmentId: 'hr', managerId: 'zhouting', rank: 5, title: '人事干事', roles: ['staff', 'hr_officer'], active: true, firstEmployedOn: '2021-01-01', joinedOn: '2021-01-01' },
];

/** Decree 514 art. 3, for whole years of work: 1 to 9 years 5 days, 10 to 19 10 days, 20 or more 15. */
const decree514 = (years: number) => (years < 1 ? 0 : years < 10 ? 5 : years < 20 ? 10 : 15);

describe.each(BACKENDS)('leave rules enforced by the server (%s)', (backend) => {
  const suite = serverSuite(backend, {
    setup: (server) => server.db.transaction((tx) => createAccounts(tx, null, NEWCOMERS.map((user) => ({ user, password: DEMO_PASSWORD })))),
  });
  const { client, anotherMachine, serverDoc } = suite;

  /** What `c` can see of `userId`'s balance of a type for leave starting `asOf`: the ledger minus pending requests. */
  async function available(c: TestClient, userId: string, typeId: string, asOf: string): Promise<number> {
    const entries = (await c.store.db.leaveLedger.where('userId').equals(userId).toArray()).filter((e) => e.typeId === typeId);
    const reservations = (await c.store.db.leaveRequests.where('requesterId').equals(userId).toArray())
      .filter((r) => r.status === 'pending' && r.type === typeId)
      .map((r) => ({ requestId: r.id, days: r.days, effectiveOn: r.startDate }));
    return computeBalance(entries, { asOf, reservations }).available;
  }

  const inbox = async (c: TestClient) => (await c.store.db.leaveRequests.where('pendingApproverIds').equals(c.userId).toArray()).map((r) => r.id);
  const local = (c: TestClient, id: string) => c.store.db.leaveRequests.get(id);
  const until = (what: string, condition: () => Promise<boolean>) => waitFor(condition, 10_000, what);

  it('HR allocates the year to newcomers by Decree 514; a balance is readable by its owner and HR only', async () => {
    const hr = await client('zhouting');
    await hr.store.mutate('ledger.allocateYear', { typeId: 'annual', year: YEAR });
    await hr.store.mutate('ledger.allocateYear', { typeId: 'home_visit', year: YEAR });
    // Next year's home visits in advance: this year's do not carry over.
    await hr.store.mutate('ledger.allocateYear', { typeId: 'home_visit', year: YEAR + 1 });
    await hr.settle();

    const allocation = (id: string) => serverDoc('leaveLedger', `al-${YEAR}-annual-${id}`);
    expect((await allocation('kezhang'))?.days).toBe(decree514(YEAR - 2006));
    expect((await allocation('keyuan'))?.days).toBe(decree514(YEAR - 2014));
    expect(await allocation('hr2')).toMatchObject({ kind: 'allocation', userId: 'hr2', days: decree514(YEAR - 2021), actorId: 'zhouting', effectiveOn: `${YEAR}-01-01`, expiresOn: `${YEAR + 1}-12-31` });
    expect(await serverDoc('leaveLedger', `al-${YEAR}-home_visit-keyuan`)).toMatchObject({ days: 20, expiresOn: `${YEAR}-12-31` });
    // Running it again gave nobody a second allocation (the demo staff had theirs from the seed).
    const { rows } = await suite.server.db.query<{ n: number }>("SELECT count(*)::int AS n FROM documents WHERE collection = 'leaveLedger' AND data->>'kind' = 'allocation'");
    expect(rows[0]?.n).toBe(3 * 12); // 9 demo staff and 3 newcomers: annual, home visit, next year's home visit

    const keyuan = await client('keyuan');
    const colleague = await client('chenjing');
    const hr2 = await client('hr2');
    expect(new Set((await keyuan.store.db.leaveLedger.toArray()).map((e) => e.userId))).toEqual(new Set(['keyuan']));
    expect(new Set((await colleague.store.db.leaveLedger.toArray()).map((e) => e.userId))).toEqual(new Set(['chenjing']));
    expect(await hr2.store.db.leaveLedger.count()).toBe(36);
  });

  it('refuses annual leave submitted offline when the balance ran out meanwhile, and the client rolls it back with the reason', async () => {
    const staff = await client('sunlei');
    const hr = await client('zhouting');
    const span = weekdays(marchWeek(0), 3);
    const before = await available(staff, 'sunlei', 'annual', span.startDate);
    expect(before).toBeGreaterThanOrEqual(5);

    staff.engine.stop();
    const id = randomId();
    await staff.store.mutate('leave.submit', { id, type: 'annual', ...span, reason: '陪父母体检' });
    expect((await local(staff, id))?.status).toBe('pending');
    expect(await available(staff, 'sunlei', 'annual', span.startDate)).toBe(before - 3);

    // Meanwhile HR records days he took before the ledger existed, leaving him two.
    await hr.store.mutate('ledger.adjust', {
      id: randomId(),
      userId: 'sunlei',
      typeId: 'annual',
      days: -(before - 2),
      effectiveOn: `${YEAR}-01-01`,
      expiresOn: null,
      reason: '补录系统启用前已休年休假',
    });
    await hr.settle();

    staff.engine.start();
    await staff.settle();
    expect(await serverDoc('leaveRequests', id)).toBeUndefined();
    expect(await local(staff, id)).toBeUndefined();
    expect(await staff.store.unseenRejections()).toEqual([
      expect.objectContaining({ name: 'leave.submit', code: 'leave.insufficient_balance', params: { available: 2, days: 3 } }),
    ]);
    expect(await available(staff, 'sunlei', 'annual', span.startDate)).toBe(2);
  });

  it('applies exactly one of two offline submits that together exceed the balance', async () => {
    // The same person on two machines (a desktop in the office and a laptop), both offline.
    const desktop = await client('wangqiang');
    const laptop = await anotherMachine('wangqiang');
    await laptop.settle();
    const balance = await available(desktop, 'wangqiang', 'annual', marchWeek(0));
    const days = Math.floor(balance / 2) + 1; // each fits alone; both do not
    const [first, second] = [randomId(), randomId()];

    desktop.engine.stop();
    laptop.engine.stop();
    await desktop.store.mutate('leave.submit', { id: first, type: 'annual', ...weekdays(marchWeek(0), days), reason: '探亲' });
    await laptop.store.mutate('leave.submit', { id: second, type: 'annual', ...weekdays(marchWeek(2), days), reason: '旅游' });
    desktop.engine.start();
    laptop.engine.start();
    await Promise.all([desktop.settle(), laptop.settle()]);
    desktop.engine.syncNow();
    laptop.engine.syncNow();
    await Promise.all([desktop.settle(), laptop.settle()]);

    const onServer = await Promise.all([first, second].map((id) => serverDoc('leaveRequests', id)));
    expect(onServer.filter(Boolean)).toHaveLength(1);
    const winner = onServer.find(Boolean) as LeaveRequest;
    const loser = winner.id === first ? laptop : desktop;
    expect(await loser.store.unseenRejections()).toEqual([
      expect.objectContaining({ name: 'leave.submit', code: 'leave.insufficient_balance', params: { available: balance - days, days } }),
    ]);
    // Both machines show the same one request, and the same balance.
    for (const machine of [desktop, laptop]) {
      expect((await machine.store.db.leaveRequests.where('requesterId').equals('wangqiang').toArray()).filter((r) => r.type === 'annual').map((r) => r.id)).toEqual([winner.id]);
      expect(await available(machine, 'wangqiang', 'annual', marchWeek(0))).toBe(balance - days);
    }
  });

  it('applies exactly one of two overlapping requests pushed by two machines at the same moment', async () => {
    // Straight over the protocol, so that both pushes reach the server together: on PostgreSQL
    // their transactions then run side by side, each finding no overlapping request committed.
    const { token } = await login(suite.server.url, 'yangfan');
    const sockets = await Promise.all([openSocket(suite.server.url, token), openSocket(suite.server.url, token)]);
    try {
      for (let round = 0; round < 5; round++) {
        const ids = [randomId(), randomId()];
        const day = weekdays(addDays(marchWeek(0), round), 1);
        const results = await Promise.all(sockets.map((s, i) => pushMutation(s, `round-${round}-machine-${i}`, 1, 'leave.submit', { id: ids[i], type: 'personal', ...day, reason: '事务' })));
        const statuses = results.map((r) => (r.ok ? r.results[0]?.status : r.error)).sort();
        expect(statuses, `round ${round}`).toEqual(['applied', 'rejected']);
        const refused = results.flatMap((r) => (r.ok ? r.results : [])).find((r) => r.status === 'rejected');
        expect(refused?.reason?.code).toBe('leave.overlap');
        const { rows } = await suite.server.db.query<{ n: number }>("SELECT count(*)::int AS n FROM documents WHERE collection = 'leaveRequests' AND id = ANY($1)", [ids]);
        expect(rows[0]?.n).toBe(1);
      }
    } finally {
      for (const s of sockets) s.close();
    }
  });

  it('routes family leave to the manager, then the department head, then any one HR officer, each finding it in their inbox', async () => {
    const requester = await client('keyuan');
    const manager = await client('kezhang');
    const head = await client('lina');
    const [hrA, hrB] = [await client('zhouting'), await client('hr2')];
    const id = randomId();
    await requester.store.mutate('leave.submit', { id, type: 'home_visit', ...weekdays(marchWeek(2), 5), reason: '探望父母' });
    await requester.settle();

    const doc = await serverDoc('leaveRequests', id);
    expect(doc?.ruleId).toBe('leave-family');
    expect(doc?.days).toBe(5); // home visits count calendar days: Monday to Friday
    expect(doc?.steps.map((s) => [s.kind, s.approverIds, s.mode, s.status])).toEqual([
      ['manager', ['kezhang'], 'any', 'pending'],
      ['department_head', ['lina'], 'any', 'waiting'],
      ['role', ['hr2', 'zhouting'], 'any', 'waiting'],
    ]);

    await until('the manager inbox', async () => (await inbox(manager)).includes(id));
    expect(await inbox(head)).not.toContain(id);
    await manager.store.mutate('approval.decide', { requestId: id, decision: 'approve', comment: '同意' });
    await manager.settle();

    await until('the department head inbox', async () => (await inbox(head)).includes(id));
    expect(await inbox(manager)).not.toContain(id);
    expect(await inbox(hrA)).not.toContain(id);
    await head.store.mutate('approval.decide', { requestId: id, decision: 'approve', comment: '' });
    await head.settle();

    await until('both HR inboxes', async () => (await inbox(hrA)).includes(id) && (await inbox(hrB)).includes(id));
    await hrB.store.mutate('approval.decide', { requestId: id, decision: 'approve', comment: '已备案' });
    await hrB.settle();
    // One HR officer was enough: it is gone from the other's inbox, and approved for the requester.
    await until('the other HR officer inbox to empty', async () => !(await inbox(hrA)).includes(id));
    await until('the requester to see it approved', async () => (await local(requester, id))?.status === 'approved');
    const approved = await local(requester, id);
    expect(approved?.steps[2]).toMatchObject({ status: 'approved', decisions: [{ approverId: 'hr2', byId: 'hr2', decision: 'approved', comment: '已备案' }] });
    expect(approved?.history.map((h) => [h.action, h.actorId])).toEqual([
      ['submitted', 'keyuan'],
      ['approved', 'kezhang'],
      ['approved', 'lina'],
      ['approved', 'hr2'],
    ]);
    // The days come off the home-visit balance.
    expect(await serverDoc('leaveLedger', `use-${id}`)).toMatchObject({ userId: 'keyuan', typeId: 'home_visit', kind: 'usage', days: -5 });
    await until('the usage in the requester ledger', async () => (await requester.store.db.leaveLedger.get(`use-${id}`)) !== undefined);
    expect(await available(requester, 'keyuan', 'home_visit', marchWeek(2))).toBe(15);
  });

  it('needs both named people of a countersign rule', async () => {
    const admin = await client('admin');
    await admin.store.mutate('policy.saveRule', {
      id: 'business-personal-countersign',
      scope: 'leave',
      name: '业务处事假：处长与财务处处长会签',
      order: 5,
      active: true,
      conditions: { leaveTypes: ['personal'], minDays: null, maxDays: null, minRank: null, maxRank: null, departmentIds: ['business'] },
      steps: [{ kind: 'person', role: null, userIds: ['liuyang', 'yangfan'], mode: 'all' }],
    });
    await admin.settle();

    const requester = await client('chenjing');
    const [head, finance] = [await client('liuyang'), await client('yangfan')];
    await until('the rule on the requester machine', async () => (await requester.store.db.approvalRules.get('business-personal-countersign')) !== undefined);
    const id = randomId();
    await requester.store.mutate('leave.submit', { id, type: 'personal', ...weekdays(marchWeek(0), 1), reason: '办理房产手续' });
    // Routed offline by the same rule the server applies.
    expect((await local(requester, id))?.pendingApproverIds).toEqual(['liuyang', 'yangfan']);
    await requester.settle();
    expect((await serverDoc('leaveRequests', id))?.ruleId).toBe('business-personal-countersign');

    await until('both inboxes', async () => (await inbox(head)).includes(id) && (await inbox(finance)).includes(id));
    await head.store.mutate('approval.decide', { requestId: id, decision: 'approve', comment: '同意' });
    await head.settle();
    // One signature of two: still pending, now only on the other.
    await until('the requester to see the first signature', async () => (await local(requester, id))?.steps[0]?.decisions.length === 1);
    expect(await local(requester, id)).toMatchObject({ status: 'pending', pendingApproverIds: ['yangfan'] });
    expect(await inbox(head)).not.toContain(id);

    await finance.store.mutate('approval.decide', { requestId: id, decision: 'approve', comment: '' });
    await finance.settle();
    await until('the requester to see it approved', async () => (await local(requester, id))?.status === 'approved');
    expect((await local(requester, id))?.steps[0]?.decisions.map((d) => d.approverId)).toEqual(['liuyang', 'yangfan']);
  });

  it('routes a pending item to the acting approver a manager names; the manager’s own offline decision is then refused', async () => {
    const staff = await client('wangqiang');
    const manager = await client('lina');
    const deputy = await client('liuyang');
    const id = randomId();
    await staff.store.mutate('leave.submit', { id, type: 'personal', ...weekdays(addDays(marchWeek(3), 4), 1), reason: '接送孩子' });
    await staff.settle();
    await until('the manager inbox', async () => (await inbox(manager)).includes(id));
    expect(await deputy.store.db.leaveRequests.get(id)).toBeUndefined(); // not his to read, yet

    // Away on business for a week: 刘洋 acts for 李娜.
    const delegation = randomId();
    await manager.store.mutate('delegation.set', { id: delegation, kind: 'manual', toUserId: 'liuyang', startDate: TODAY, endDate: addDays(TODAY, 7), note: '出差期间' });
    await manager.settle();
    await until('the item in the deputy inbox', async () => (await inbox(deputy)).includes(id));
    const seen = await local(deputy, id);
    expect(seen?.steps[0]?.delegates).toEqual([{ forId: 'lina', toId: 'liuyang', delegationId: delegation }]);

    manager.engine.stop(); // on the train, with the item still in her inbox
    await deputy.store.mutate('approval.decide', { requestId: id, decision: 'approve', comment: '代为审批', revision: seen?.revision });
    await deputy.settle();
    await manager.store.mutate('approval.decide', { requestId: id, decision: 'approve', comment: '同意', revision: seen?.revision });
    expect((await local(manager, id))?.status).toBe('approved'); // optimistic, as she sees it offline

    await until('the requester to see the approval', async () => (await local(staff, id))?.status === 'approved');
    const approved = await local(staff, id);
    expect(approved?.steps[0]?.decisions).toEqual([expect.objectContaining({ approverId: 'lina', byId: 'liuyang', decision: 'approved', comment: '代为审批' })]);
    expect(approved?.history.at(-1)).toMatchObject({ action: 'approved', actorId: 'liuyang', onBehalfOfId: 'lina' });

    manager.engine.start();
    await manager.settle();
    expect(await manager.store.unseenRejections()).toEqual([expect.objectContaining({ name: 'approval.decide', code: 'approval.step_changed', params: { by: '刘洋' } })]);
    expect(await local(manager, id)).toEqual(await serverDoc('leaveRequests', id));

    await manager.store.mutate('delegation.end', { id: delegation });
    await manager.settle();
    expect((await serverDoc('delegations', delegation))?.active).toBe(false);
  });

  it('gives the days back when the cancellation of approved leave is approved', async () => {
    const staff = await client('keyuan');
    const manager = await client('kezhang');
    const span = weekdays(marchWeek(1), 2);
    const before = await available(staff, 'keyuan', 'annual', span.startDate);
    const id = randomId();
    await staff.store.mutate('leave.submit', { id, type: 'annual', ...span, reason: '回老家' });
    await staff.settle();
    await until('the manager inbox', async () => (await inbox(manager)).includes(id));
    await manager.store.mutate('approval.decide', { requestId: id, decision: 'approve', comment: '' });
    await manager.settle();
    await until('the usage on the requester machine', async () => (await staff.store.db.leaveLedger.get(`use-${id}`)) !== undefined);
    expect(await available(staff, 'keyuan', 'annual', span.startDate)).toBe(before - 2);

    await staff.store.mutate('leave.cancel', { id, reason: '项目提前，取消休假' });
    expect((await local(staff, id))?.cancellation?.status).toBe('pending');
    await staff.settle();
    await until('the cancellation in the manager inbox', async () => (await inbox(manager)).includes(id));
    await manager.store.mutate('approval.decide', { requestId: id, decision: 'approve', comment: '同意取消' });
    await manager.settle();

    await until('the requester to see it cancelled', async () => (await local(staff, id))?.status === 'cancelled');
    expect((await local(staff, id))?.history.map((h) => h.action)).toEqual(['submitted', 'approved', 'cancel_requested', 'cancel_approved']);
    const restored = (await staff.store.db.leaveLedger.where('userId').equals('keyuan').toArray()).filter((e: LedgerEntry) => e.requestId === id);
    expect(restored.map((e) => [e.kind, e.days]).sort()).toEqual([
      ['restoration', 2],
      ['usage', -2],
    ]);
    expect(await available(staff, 'keyuan', 'annual', span.startDate)).toBe(before);
  });

  it('leaves the balance check of an approval to the server when the approver may not read the balance', async () => {
    const staff = await client('chenjing');
    const manager = await client('liuyang');
    const hr = await client('zhouting');
    const setNegativeAllowed = async (allowNegative: boolean) => {
      const type = await hr.store.db.leaveTypes.get('compensatory');
      if (!type) throw new Error('no compensatory leave type');
      const { updatedAt: _, ...rest } = type;
      await hr.store.mutate('leaveType.save', { ...rest, allowNegative });
      await hr.settle();
    };
    // Time off in lieu taken in advance while HR allowed it...
    await setNegativeAllowed(true);
    await until('the rule change on the requester machine', async () => (await staff.store.db.leaveTypes.get('compensatory'))?.allowNegative === true);
    const id = randomId();
    await staff.store.mutate('leave.submit', { id, type: 'compensatory', ...weekdays(addDays(marchWeek(1), 3), 2), reason: '先休后补' });
    await staff.settle();
    // ...and HR stopped allowing it before the manager decided.
    await setNegativeAllowed(false);
    await until('the manager inbox', async () => (await inbox(manager)).includes(id));

    // His machine holds no balance of hers (only she and HR may read it), so it lets him approve...
    await manager.store.mutate('approval.decide', { requestId: id, decision: 'approve', comment: '' });
    expect((await local(manager, id))?.status).toBe('approved');
    // ...and the server, which holds every balance, refuses; his machine rolls back and says why.
    await manager.settle();
    expect(await manager.store.unseenRejections()).toEqual([
      expect.objectContaining({ name: 'approval.decide', code: 'leave.insufficient_balance', params: { available: 0, days: 2 } }),
    ]);
    expect((await local(manager, id))?.status).toBe('pending');
    expect((await serverDoc('leaveRequests', id))?.status).toBe('pending');
    expect(await serverDoc('leaveLedger', `use-${id}`)).toBeUndefined();
  });

  it('gives back the days not taken when the requester reports back early (销假)', async () => {
    const staff = await client('zhaomin');
    const manager = await client('lina');
    const hr = await client('zhouting');
    const start = addDays(TODAY, -7);
    const end = addDays(TODAY, 14);
    // Overtime credited as time off in lieu, usable from the leave's first day.
    await hr.store.mutate('ledger.adjust', { id: randomId(), userId: 'zhaomin', typeId: 'compensatory', days: 20, effectiveOn: start, expiresOn: null, reason: '加班调休' });
    await hr.settle();
    await until('the credit on the requester machine', async () => (await available(staff, 'zhaomin', 'compensatory', start)) === 20);

    const id = randomId();
    await staff.store.mutate('leave.submit', { id, type: 'compensatory', startDate: start, startHalf: 'am', endDate: end, endHalf: 'pm', reason: '调休' });
    await staff.settle();
    await until('the manager inbox', async () => (await inbox(manager)).includes(id));
    await manager.store.mutate('approval.decide', { requestId: id, decision: 'approve', comment: '' });
    await manager.settle();
    await until('the requester to see it approved', async () => (await local(staff, id))?.status === 'approved');
    const days = (await local(staff, id))?.days ?? 0;
    expect(await available(staff, 'zhaomin', 'compensatory', start)).toBe(20 - days);

    // Back at work this morning.
    await staff.store.mutate('leave.reportBack', { id, returnDate: TODAY, returnHalf: 'am', comment: '提前返岗' });
    await staff.settle();
    const reported = await serverDoc('leaveRequests', id);
    // The working days from the first day of leave to yesterday, on the calendar the client holds.
    const calendars = await staff.store.db.calendars.toArray();
    const off = new Set(calendars.flatMap((y) => y.holidays.map((d) => d.date)));
    const on = new Set(calendars.flatMap((y) => y.workdays.map((d) => d.date)));
    let taken = 0;
    for (let d = start; d < TODAY; d = addDays(d, 1)) if (on.has(d) || (!off.has(d) && !isWeekend(d))) taken++;
    expect(reported?.reportBack).toMatchObject({ returnDate: TODAY, returnHalf: 'am', actualDays: taken, comment: '提前返岗' });
    expect(taken).toBeLessThan(days);
    expect(await serverDoc('leaveLedger', `rs-${id}-1`)).toMatchObject({ kind: 'restoration', typeId: 'compensatory', days: days - taken, reason: 'report_back' });
    await until('the restoration on the requester machine', async () => (await staff.store.db.leaveLedger.get(`rs-${id}-1`)) !== undefined);
    expect(await available(staff, 'zhaomin', 'compensatory', start)).toBe(20 - taken);
  });

  it('counts a later request with the day an administrator made a holiday, on another machine', async () => {
    const admin = await client('admin');
    const colleague = await client('kezhang');
    const staff = await client('zhaomin');
    const week = weekdays(marchWeek(3), 5);
    const before = randomId();
    await colleague.store.mutate('leave.submit', { id: before, type: 'personal', ...week, reason: '家中有事' });
    await colleague.settle();
    expect((await serverDoc('leaveRequests', before))?.days).toBe(5);

    // The municipal government gives Wednesday off.
    const wednesday = addDays(week.startDate, 2);
    await admin.store.mutate('calendar.setDay', { date: wednesday, kind: 'holiday', name: '市政府临时放假' });
    await admin.settle();
    await until('the new calendar on the staff machine', async () =>
      (await staff.store.db.calendars.toArray()).some((y) => y.holidays.some((d) => d.date === wednesday)),
    );

    const after = randomId();
    await staff.store.mutate('leave.submit', { id: after, type: 'personal', ...week, reason: '家中有事' });
    expect((await local(staff, after))?.days).toBe(4);
    await staff.settle();
    expect((await serverDoc('leaveRequests', after))?.days).toBe(4);
    // A request already submitted keeps the days it was counted with.
    expect((await serverDoc('leaveRequests', before))?.days).toBe(5);
  });
});
