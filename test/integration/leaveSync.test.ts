// A real server with Node sync clients (Dexie on fake-indexeddb): the leave flow works offline
// and converges, on PGlite and on PostgreSQL.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS } from '../support/backends';
import { connectClient, startTestServer, waitFor, type TestClient, type TestServer } from '../support/harness';
import { randomId } from '../../renderer/db';
import { verifyAudit } from '../../server/audit/log';
import type { LeaveRequest } from '../../shared/domain/leave';
import { writeDocuments } from '../../server/store/documents';
import { makeLeave } from '../support/leaveFixture';

// Personal leave (事假) draws on no balance, so these flows test sync, not entitlements
// (test/integration/leaveRules.test.ts does those). Each submit takes its own days: a person's
// requests may not overlap.
const week = { type: 'personal', startDate: '2026-03-02', startHalf: 'am', endDate: '2026-03-03', endHalf: 'pm', reason: '回老家办事' } as const;
const on = (startDate: string, endDate = startDate) => ({ ...week, startDate, endDate });

async function serverDoc(server: TestServer, id: string): Promise<LeaveRequest | undefined> {
  const { rows } = await server.db.query<{ data: LeaveRequest }>("SELECT data FROM documents WHERE collection = 'leaveRequests' AND id = $1", [id]);
  return rows[0]?.data;
}

describe.each(BACKENDS)('leave requests synced through a real server (%s)', (backend) => {
  let server: TestServer;
  const clients: TestClient[] = [];
  const connect = async (username: string) => {
    const c = await connectClient(server.url, username);
    clients.push(c);
    await c.settle();
    return c;
  };

  beforeAll(async () => {
    server = await startTestServer(backend);
  });
  afterEach(async () => {
    for (const c of clients.splice(0)) c.close();
    await server.restart();
  });
  afterAll(async () => {
    await server.close();
  });

  it('submits offline, syncs on reconnect without any action, and both sides converge after the approval', async () => {
    const staff = await connect('wangqiang');
    const manager = await connect('lina');
    expect(await staff.store.db.users.count()).toBe(12);

    await server.stop();
    await waitFor(() => staff.engine.getStatus().connection !== 'online', 10_000, 'staff offline');
    const id = randomId();
    await staff.store.mutate('leave.submit', { id, ...week });
    const local = await staff.store.db.leaveRequests.get(id);
    expect(local?.status).toBe('pending');
    expect(local?.days).toBe(2);
    expect(await staff.store.pendingCount()).toBe(1);
    await waitFor(() => staff.engine.getStatus().pending === 1, 5000, 'pending count shown');

    await server.restart();
    await staff.settle();
    expect(await staff.store.pendingCount()).toBe(0);
    expect((await serverDoc(server, id))?.status).toBe('pending');

    await waitFor(async () => (await manager.store.db.leaveRequests.where('pendingApproverIds').equals('lina').count()) === 1, 10_000, 'manager inbox');
    await manager.store.mutate('approval.decide', { requestId: id, decision: 'approve', comment: '同意' });
    await manager.settle();
    await waitFor(async () => (await staff.store.db.leaveRequests.get(id))?.status === 'approved', 10_000, 'requester sees approval');

    const truth = await serverDoc(server, id);
    expect(truth?.status).toBe('approved');
    expect(await staff.store.db.leaveRequests.get(id)).toEqual(truth);
    expect(await manager.store.db.leaveRequests.get(id)).toEqual(truth);
    expect(truth?.history.map((h) => h.action)).toEqual(['submitted', 'approved']);
    expect(truth?.steps).toMatchObject([{ approverIds: ['lina'], status: 'approved', decisions: [{ approverId: 'lina', byId: 'lina', decision: 'approved', comment: '同意' }] }]);
    expect(truth?.pendingApproverIds).toEqual([]);
  });

  it('routes a request over three working days to the department head after the manager', async () => {
    const staff = await connect('chenjing');
    const id = randomId();
    await staff.store.mutate('leave.submit', { id, ...week, endDate: '2026-03-06' });
    await staff.settle();
    const doc = await serverDoc(server, id);
    expect(doc?.days).toBe(5);
    // The direct manager is also the department head: one step, never the same person twice.
    expect(doc?.ruleId).toBe('leave-long');
    expect(doc?.steps.map((s) => [s.approverIds, s.kind, s.status])).toEqual([[['liuyang'], 'department_head', 'pending']]);
    expect(doc?.pendingApproverIds).toEqual(['liuyang']);
  });

  it('rolls back a withdrawal refused because the request was approved meanwhile, and says why', async () => {
    const staff = await connect('zhaomin');
    const manager = await connect('lina');
    const id = randomId();
    await staff.store.mutate('leave.submit', { id, ...on('2026-03-09') });
    await staff.settle();

    await waitFor(async () => (await manager.store.db.leaveRequests.get(id)) !== undefined, 10_000, 'manager has the request');
    staff.engine.stop(); // the requester goes offline
    await manager.store.mutate('approval.decide', { requestId: id, decision: 'approve', comment: '' });
    await manager.settle();

    await staff.store.mutate('leave.withdraw', { id });
    expect((await staff.store.db.leaveRequests.get(id))?.status).toBe('withdrawn');

    staff.engine.start();
    await staff.settle();
    expect((await staff.store.db.leaveRequests.get(id))?.status).toBe('approved');
    expect(await staff.store.pendingCount()).toBe(0);
    const notices = await staff.store.unseenRejections();
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ name: 'leave.withdraw', code: 'leave.not_withdrawable', params: { status: 'approved' } });
    expect((await serverDoc(server, id))?.status).toBe('approved');
  });

  it('shows a request only to its requester, its approvers and HR', async () => {
    const staff = await connect('sunlei');
    const id = randomId();
    await staff.store.mutate('leave.submit', { id, ...on('2026-03-10') });
    await staff.settle();
    const colleague = await connect('chenjing');
    const hr = await connect('zhouting');
    const approver = await connect('liuyang');
    expect(await colleague.store.db.leaveRequests.get(id)).toBeUndefined();
    expect(await hr.store.db.leaveRequests.get(id)).toBeDefined();
    expect(await approver.store.db.leaveRequests.get(id)).toBeDefined();
  });

  it('keeps the hash-chained audit log intact, with a row per mutation and sign-in', async () => {
    const staff = await connect('wangqiang');
    await staff.store.mutate('leave.submit', { id: randomId(), ...on('2026-03-11') });
    await staff.settle();
    const result = await verifyAudit(server.db);
    expect(result.ok).toBe(true);
    const kinds = (await server.db.query<{ kind: string }>('SELECT kind FROM audit_log')).rows.map((r) => r.kind);
    expect(kinds).toContain('mutation.applied');
    expect(kinds).toContain('login.succeeded');
    await expect(server.db.query("UPDATE audit_log SET kind = 'x' WHERE seq = 1")).rejects.toThrow(/append-only/);
  });

  it('converges every client to the server state when the system is quiet', async () => {
    const staff = await connect('wangqiang');
    const manager = await connect('lina');
    const ids = [randomId(), randomId(), randomId()];
    for (const [i, id] of ids.entries()) await staff.store.mutate('leave.submit', { id, ...on(`2026-03-1${6 + i}`) });
    await staff.settle();
    await waitFor(async () => (await manager.store.db.leaveRequests.where('pendingApproverIds').equals('lina').count()) >= 3, 10_000, 'inbox');
    await manager.store.mutate('approval.decide', { requestId: ids[0] ?? '', decision: 'approve', comment: '' });
    await manager.store.mutate('approval.decide', { requestId: ids[1] ?? '', decision: 'reject', comment: '时间冲突' });
    await staff.store.mutate('leave.withdraw', { id: ids[2] ?? '' });
    await Promise.all([staff.settle(), manager.settle()]);
    await waitFor(async () => (await staff.store.db.leaveRequests.get(ids[1] ?? ''))?.status === 'rejected', 10_000, 'rejection visible');
    await manager.settle();
    for (const id of ids) {
      const truth = await serverDoc(server, id);
      expect(await staff.store.db.leaveRequests.get(id)).toEqual(truth);
      expect(await manager.store.db.leaveRequests.get(id)).toEqual(truth);
    }
    expect((await serverDoc(server, ids[2] ?? ''))?.status).toBe('withdrawn');
  });

  it('pulls years of history in pages, in order, into a fresh client', async () => {
    const total = 2_600;
    for (let batch = 0; batch < total / 100; batch++) {
      await server.db.transaction((tx) =>
        writeDocuments(tx, Array.from({ length: 100 }, (_, i) => ({ c: 'leaveRequests' as const, doc: makeLeave('chenjing', ['liuyang'], { id: `history-${batch}-${i}` }) }))),
      );
    }
    const hr = await connect('zhouting');
    expect(await hr.store.db.leaveRequests.where('id').startsWith('history-').count()).toBe(total);
    const highWater = Number((await server.db.query<{ value: unknown }>("SELECT value FROM counters WHERE name = 'seq'")).rows[0]?.value);
    expect((await hr.store.cursor()).cursor).toBe(highWater);
  });
});
