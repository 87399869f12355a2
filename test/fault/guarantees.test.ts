// The guarantees of DESIGN.md section 3, each named, that need no hostile network: atomic
// commits under an injected failure, a cursor that never skips under concurrent slow commits,
// outboxes that survive restarts and schema upgrades, revoked access, expired sessions and
// old clients. (Guarantees 1, 2, 5 and 7 under faults: chaos.test.ts; 1 under kill -9:
// serverKill.test.ts.)
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { Dexie } from 'dexie';
import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS, type Backend } from '../support/backends';
import { connectClient, login, startTestServer, waitFor, type TestServer } from '../support/harness';
import { makeLeave } from '../support/leaveFixture';
import { LocalStore, SCHEMA_V1, databaseName, randomId } from '../../renderer/db';
import { SyncEngine } from '../../renderer/sync';
import { moveUser } from '../../server/admin/accounts';
import { toNumber } from '../../server/store/database';
import { writeDocuments } from '../../server/store/documents';
import { processPull } from '../../server/sync/pull';
import { SCHEMA_VERSION, type PushResponse } from '../../shared/protocol/sync';

// Personal leave (事假) draws on no balance: these tests are about sync, not entitlements.
const leaveArgs = (start = '2026-04-07') => ({ id: randomId(), type: 'personal' as const, startDate: start, startHalf: 'am' as const, endDate: start, endHalf: 'pm' as const, reason: '事由' });
/** The second release's Dexie schema (database.ts version 2): only the leave index changed. */
const SCHEMA_V2_LEAVE = { leaveRequests: 'id, requesterId, pendingApproverId, updatedAt, [requesterId+createdAt]' };
const count = async (server: TestServer, sql: string, params: unknown[] = []) => toNumber((await server.db.query<{ n: unknown }>(sql, params)).rows[0]?.n);

describe.each(BACKENDS)('sync guarantees (%s)', (backend: Backend) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(backend);
  });
  afterAll(async () => {
    await server.close();
  });

  it('G2: applies a client mutations strictly in order and refuses a gap', async () => {
    const { token } = await login(server.url, 'zhaomin');
    const socket = io(server.url, { auth: { token }, transports: ['websocket'], forceNew: true, reconnection: false });
    const push = (ids: number[]) =>
      socket.timeout(5000).emitWithAck('sync:push', {
        schemaVersion: SCHEMA_VERSION,
        clientId,
        // A day of its own for each, so that every one of them is applied (requests may not overlap).
        mutations: ids.map((id) => ({ id, name: 'leave.submit', args: leaveArgs(`2026-06-0${id}`), clientTime: new Date().toISOString() })),
      }) as Promise<PushResponse>;
    const clientId = randomId();
    expect(await push([2, 3])).toEqual({ ok: false, error: 'sync.gap', lastMutationId: 0 });
    expect(await push([1, 2, 4])).toMatchObject({ ok: true, lastMutationId: 2, results: [{ id: 1, status: 'applied' }, { id: 2, status: 'applied' }] });
    expect(await push([3])).toMatchObject({ ok: true, lastMutationId: 3, results: [{ id: 3, status: 'applied' }] });
    const order = (await server.db.query<{ id: unknown }>("SELECT detail->>'mutationId' AS id FROM audit_log WHERE detail->>'clientId' = $1 ORDER BY seq", [clientId])).rows.map((r) => toNumber(r.id));
    expect(order).toEqual([1, 2, 3]);
    socket.close();
  });

  it('G3: effects, lastMutationId, seq and audit commit together or not at all', async () => {
    const client = await connectClient(server.url, 'chenjing');
    await client.settle();
    const clientId = await client.store.clientId();
    const seqBefore = await count(server, "SELECT value AS n FROM counters WHERE name = 'seq'");
    const auditBefore = await count(server, 'SELECT count(*) AS n FROM audit_log');
    // The database fails at the very end of the mutation's transaction (the audit insert). A
    // sequence (which no rollback undoes) counts the attempts.
    await server.db.query('CREATE SEQUENCE audit_attempts');
    await server.db.query(`CREATE FUNCTION fail_audit() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN PERFORM nextval('audit_attempts'); RAISE EXCEPTION 'disk full'; END; $$`);
    await server.db.query('CREATE TRIGGER fail_audit BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION fail_audit()');
    const id = randomId();
    try {
      await client.store.mutate('leave.submit', { ...leaveArgs('2026-04-08'), id });
      await waitFor(async () => (await count(server, 'SELECT last_value AS n FROM audit_attempts')) >= 2, 15_000, 'the push to fail and be retried');
      expect(await count(server, 'SELECT count(*) AS n FROM documents WHERE id = $1', [id])).toBe(0);
      expect(await count(server, 'SELECT count(*) AS n FROM clients WHERE client_id = $1 AND last_mutation_id > 0', [clientId])).toBe(0);
      expect(await count(server, "SELECT value AS n FROM counters WHERE name = 'seq'")).toBe(seqBefore);
      expect(await count(server, 'SELECT count(*) AS n FROM audit_log')).toBe(auditBefore);
      expect(await client.store.pendingCount()).toBe(1); // still queued: a transient failure advances nothing
    } finally {
      // The database recovers: the client's retry applies it exactly once.
      await server.db.query('DROP TRIGGER fail_audit ON audit_log');
      await server.db.query('DROP FUNCTION fail_audit()');
      await server.db.query('DROP SEQUENCE audit_attempts');
    }
    await client.settle();
    expect(await count(server, "SELECT count(*) AS n FROM documents WHERE id = $1", [id])).toBe(1);
    expect(await count(server, "SELECT count(*) AS n FROM audit_log WHERE kind = 'mutation.applied' AND detail->>'clientId' = $1", [clientId])).toBe(1);
    client.close();
  });

  it('G4: a reader cursor never skips a change while writers commit slowly and concurrently', async () => {
    const writers = 6;
    const perWriter = 25;
    const written = new Set<string>();
    const seen = new Set<string>();
    let position = { cursor: 0, scope: 0 };
    let done = false;
    const reader = (async () => {
      while (!done) {
        const res = await processPull({ db: server.db, userId: 'zhouting', clientId: 'reader-cursor-0001', pageSize: 50 }, position);
        if (!res.ok) throw new Error(res.error);
        expect(res.cursor).toBeGreaterThanOrEqual(position.cursor);
        for (const c of res.changes) seen.add(c.id);
        position = { cursor: res.cursor, scope: res.scope };
        await new Promise((r) => setTimeout(r, 2));
      }
    })();
    await Promise.all(
      Array.from({ length: writers }, async (_, w) => {
        for (let i = 0; i < perWriter; i++) {
          const id = `g4-${w}-${i}`;
          await server.db.transaction(async (tx) => {
            await writeDocuments(tx, [{ c: 'leaveRequests', doc: makeLeave('wangqiang', ['lina'], { id }) }]);
            // Hold the transaction open after taking the seq: later writers queue behind it.
            await new Promise((r) => setTimeout(r, (w * 7 + i * 3) % 11));
          });
          written.add(id);
        }
      }),
    );
    done = true;
    await reader;
    const last = await processPull({ db: server.db, userId: 'zhouting', clientId: 'reader-cursor-0001' }, position);
    if (last.ok) for (const c of last.changes) seen.add(c.id);
    expect([...written].filter((id) => !seen.has(id))).toEqual([]);
  });

  it('G6: pending mutations survive an app restart, then sync', async () => {
    const idb = new IDBFactory();
    const first = await connectClient(server.url, 'sunlei', idb);
    await first.settle();
    first.engine.stop();
    const id = randomId();
    await first.store.mutate('leave.submit', { ...leaveArgs('2026-04-09'), id });
    first.close(); // the app quits with work queued

    const second = await connectClient(server.url, 'sunlei', idb); // same machine, new start
    expect((await second.store.db.leaveRequests.get(id))?.status).toBe('pending');
    await second.settle();
    expect(await count(server, "SELECT count(*) AS n FROM documents WHERE id = $1", [id])).toBe(1);
    second.close();
  });

  it('G6: an optimistic effect the server refuses is rolled back, and the user is told why', async () => {
    const staff = await connectClient(server.url, 'zhaomin');
    const manager = await connectClient(server.url, 'lina');
    const id = randomId();
    await staff.store.mutate('leave.submit', { ...leaveArgs('2026-04-14'), id });
    await staff.settle();
    await waitFor(async () => (await manager.store.db.leaveRequests.get(id)) !== undefined, 10_000, 'manager has it');
    staff.engine.stop();
    await manager.store.mutate('approval.decide', { requestId: id, decision: 'approve', comment: '' });
    await manager.settle();
    await staff.store.mutate('leave.withdraw', { id });
    expect((await staff.store.db.leaveRequests.get(id))?.status).toBe('withdrawn');
    staff.engine.start();
    await staff.settle();
    expect((await staff.store.db.leaveRequests.get(id))?.status).toBe('approved');
    expect(await staff.store.unseenRejections()).toMatchObject([{ code: 'leave.not_withdrawable' }]);
    staff.close();
    manager.close();
  });

  it('G9: a session that expires while offline loses nothing; after signing in again the outbox drains', async () => {
    const client = await connectClient(server.url, 'liuyang');
    await client.settle();
    client.engine.stop();
    const ids = [randomId(), randomId()];
    for (const [i, id] of ids.entries()) await client.store.mutate('leave.submit', { ...leaveArgs(`2026-04-2${i}`), id });
    // Time passes while the laptop is offline: the session runs out (as if its TTL had).
    await server.db.query("UPDATE sessions SET expires_at = now() - interval '1 second' WHERE user_id = 'liuyang'");
    client.engine.start();
    await waitFor(() => client.engine.getStatus().problem === 'auth_expired', 10_000, 'asked to sign in again');
    expect(await client.store.pendingCount()).toBe(2);
    client.engine.setToken((await login(server.url, 'liuyang')).token);
    await client.settle();
    expect(await count(server, 'SELECT count(*) AS n FROM documents WHERE id = ANY($1)', [ids])).toBe(2);
    client.close();
  });

  it('G8: access revoked (moved to another department, HR role taken away) removes the data at the next pull', async () => {
    const staff = await connectClient(server.url, 'wangqiang');
    const hr = await connectClient(server.url, 'zhouting');
    await staff.settle();
    const id = randomId();
    await staff.store.mutate('leave.submit', { ...leaveArgs('2026-04-10'), id });
    await staff.settle();
    await waitFor(async () => (await hr.store.db.leaveRequests.get(id)) !== undefined, 10_000, 'HR sees the request');
    expect(await hr.store.db.leaveLedger.where('userId').equals('wangqiang').count()).toBeGreaterThan(0);
    const commit = await moveUser(server.db, null, 'zhouting', { departmentId: 'general', managerId: 'lina', roles: ['staff'] });
    server.server.poke(commit.audience);
    await waitFor(async () => (await hr.store.db.leaveRequests.get(id)) === undefined, 10_000, 'request gone from the moved user');
    expect(await hr.store.db.leaveRequests.filter((r) => r.requesterId !== 'zhouting').count()).toBe(0);
    // Everyone's balances went with the HR role; her own stay.
    expect(await hr.store.db.leaveLedger.filter((e) => e.userId !== 'zhouting').count()).toBe(0);
    expect(await hr.store.db.leaveLedger.where('userId').equals('zhouting').count()).toBeGreaterThan(0);
    expect((await hr.store.db.users.get('zhouting'))?.departmentId).toBe('general');
    await moveUser(server.db, null, 'zhouting', { departmentId: 'hr', managerId: 'zhangwei', roles: ['staff', 'hr_officer'] });
    staff.close();
    hr.close();
  });

  it('G10: an old-schema client is refused cleanly and keeps its outbox', async () => {
    const session = await login(server.url, 'chenjing');
    const idb = new IDBFactory();
    const name = databaseName(server.url, session.user.id);
    // A client of the first release wrote its outbox with the v1 schema.
    const v1 = new Dexie(name, { indexedDB: idb, IDBKeyRange });
    v1.version(1).stores(SCHEMA_V1);
    await v1.open();
    const id = randomId();
    await v1.table('outbox').add({ id: 1, name: 'leave.submit', args: { ...leaveArgs('2026-04-13'), id }, clientTime: new Date().toISOString() });
    await v1.table('meta').bulkPut([{ key: 'clientId', value: randomId() }, { key: 'lastQueuedId', value: 1 }]);
    v1.close();

    const store = LocalStore.open(name, session.user.id, { indexedDB: idb, IDBKeyRange });
    expect(await store.pending()).toHaveLength(1); // upgraded to the current schema, outbox intact
    expect(store.db.verno).toBeGreaterThan(1);

    const old = new SyncEngine({ store, serverUrl: server.url, token: session.token, schemaVersion: SCHEMA_VERSION - 1, ackTimeoutMs: 3000 });
    old.start();
    await waitFor(() => old.getStatus().problem === 'upgrade_required', 10_000, 'upgrade required');
    expect(await store.pendingCount()).toBe(1);
    old.stop();

    const current = new SyncEngine({ store, serverUrl: server.url, token: session.token, ackTimeoutMs: 3000 });
    current.start();
    await waitFor(async () => (await store.pendingCount()) === 0, 10_000, 'outbox drained after the upgrade');
    expect(await count(server, "SELECT count(*) AS n FROM documents WHERE id = $1", [id])).toBe(1);
    current.stop();
    store.close();
  });

  it('G10: the Dexie upgrade to leave as data (v2 to v3) drops the old documents, starts the cursor over and keeps the outbox', async () => {
    const session = await login(server.url, 'wangqiang');
    const idb = new IDBFactory();
    const name = databaseName(server.url, session.user.id);
    // A client of the second release: documents in the old shape (one approver per step), a
    // cursor well along, and two actions the user made offline, one of them an approval.
    const v2 = new Dexie(name, { indexedDB: idb, IDBKeyRange });
    v2.version(1).stores(SCHEMA_V1);
    v2.version(2).stores(SCHEMA_V2_LEAVE);
    await v2.open();
    const stale = { id: 'stale-1', requesterId: 'wangqiang', departmentId: 'general', type: 'annual', startDate: '2026-03-02', startHalf: 'am', endDate: '2026-03-02', endHalf: 'pm', days: 1, reason: '旧版本', status: 'pending', steps: [{ approverId: 'lina', role: 'manager', status: 'pending', decidedAt: null, comment: null }], pendingApproverId: 'lina', history: [], createdAt: '2026-03-01T00:00:00.000Z', updatedAt: '2026-03-01T00:00:00.000Z' };
    await v2.table('leaveRequests').put(stale);
    await v2.table('users').put({ id: 'wangqiang', username: 'wangqiang', displayName: '王强', departmentId: 'general', managerId: 'lina', rank: 5, title: '一级科员', roles: ['staff'], active: true });
    await v2.table('shadow').put({ c: 'leaveRequests', id: 'stale-1', doc: null });
    const ids = [randomId(), randomId()];
    await v2.table('outbox').bulkAdd([
      { id: 7, name: 'leave.submit', args: { ...leaveArgs('2026-05-11'), id: ids[0] }, clientTime: new Date().toISOString() },
      { id: 8, name: 'leave.submit', args: { ...leaveArgs('2026-05-12'), id: ids[1] }, clientTime: new Date().toISOString() },
    ]);
    const clientId = randomId();
    await v2.table('meta').bulkPut([
      { key: 'clientId', value: clientId },
      { key: 'lastQueuedId', value: 8 },
      { key: 'lastMutationId', value: 6 },
      { key: 'cursor', value: 4242 },
      { key: 'scope', value: 3 },
    ]);
    await v2.table('rejections').add({ mutationId: 5, name: 'leave.withdraw', args: { id: 'x' }, code: 'leave.not_withdrawable', params: { status: 'approved' }, at: '2026-03-01T00:00:00.000Z', seen: 0 });
    v2.close();

    const store = LocalStore.open(name, session.user.id, { indexedDB: idb, IDBKeyRange });
    // Through v3 (leave as data) and on to v4 (travel and claims: new tables only).
    expect(store.db.verno).toBe(5);
    // The user's unsent work and unread notices carry over; documents in the old shape do not.
    expect((await store.pending()).map((e) => e.id)).toEqual([7, 8]);
    expect(await store.clientId()).toBe(clientId);
    expect(await store.unseenRejections()).toHaveLength(1);
    expect(await store.db.leaveRequests.count()).toBe(0);
    expect(await store.db.users.count()).toBe(0);
    expect(await store.db.shadow.count()).toBe(0);
    // Everything is downloaded again, in the new shape.
    expect(await store.cursor()).toEqual({ cursor: 0, scope: 0 });

    // The server has processed this machine's first six mutations (the old release pushed them).
    await server.db.query('INSERT INTO clients (client_id, user_id, last_mutation_id) VALUES ($1, $2, 6)', [clientId, session.user.id]);
    const engine = new SyncEngine({ store, serverUrl: server.url, token: session.token, ackTimeoutMs: 3000 });
    engine.start();
    await waitFor(async () => (await store.pendingCount()) === 0 && (await store.db.leaveRequests.count()) >= 2, 10_000, 'outbox drained and documents back after the upgrade');
    expect(await count(server, 'SELECT count(*) AS n FROM documents WHERE id = ANY($1)', [ids])).toBe(2);
    expect(await store.db.leaveRequests.get('stale-1')).toBeUndefined();
    expect((await store.db.leaveRequests.get(ids[0] ?? ''))?.pendingApproverIds).toEqual(['lina']);
    expect(await store.db.leaveTypes.count()).toBeGreaterThan(0);
    expect(await store.db.leaveLedger.where('userId').equals('wangqiang').count()).toBe(2);
    engine.stop();
    store.close();
  });
});
