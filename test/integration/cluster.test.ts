// Several server nodes on one PostgreSQL, each a real child process (server/cli/start.ts),
// with Node sync clients on different nodes: pokes and session revocations cross nodes through
// @socket.io/postgres-adapter, and a node killed with SIGKILL in the middle of a client's batch
// loses nothing once the client carries on with another node (what a load balancer does).
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { LocalStore, databaseName, randomId } from '../../renderer/db';
import { SyncEngine, type SyncStatus } from '../../renderer/sync';
import { toNumber, type Database } from '../../server/store/database';
import { openPostgres } from '../../server/store/postgres';
import { addDays } from '../../shared/calendar/dates';
import type { User } from '../../shared/domain/directory';
import { COLLECTION_NAMES } from '../../shared/mutators/types';
import { principalsOf } from '../../shared/sync/access';
import { DEMO_PASSWORD, login, waitFor } from '../support/harness';
import { createDatabase } from '../support/postgres';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

const postgresUrl = inject('postgresUrl');
const skip = !postgresUrl && !process.env.CI;
if (skip) console.warn('[cluster] skipped: several server nodes need a shared PostgreSQL, and it is not installed (apt-get install -y postgresql).');

let weekdays = 0;
/**
 * One day of personal leave (no balance to run out), on the next free weekday from Monday 2 March
 * 2026: one person's requests may not overlap, and this file submits many for the same person.
 */
function oneDay(reason = '回老家办事') {
  const date = addDays('2026-03-02', 7 * Math.floor(weekdays / 5) + (weekdays % 5));
  weekdays++;
  return { type: 'personal', startDate: date, startHalf: 'am', endDate: date, endHalf: 'pm', reason } as const;
}

interface ServerNode {
  name: string;
  url: string;
  child: ChildProcess;
  output(): string;
  exited: Promise<void>;
}

/**
 * One server process on DATABASE_URL; resolves with its address once it prints "ready". Node
 * with tsx's loader rather than the tsx command, which runs the server in a second process
 * that a SIGKILL would not reach.
 */
function startNode(name: string, databaseUrl: string): Promise<ServerNode> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/cli/start.ts', '--no-client', '--port', '0', '--demo-password', DEMO_PASSWORD], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: databaseUrl, BUREAU_LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  // A test run that dies must not leave servers behind.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  const exited = new Promise<void>((resolve) =>
    child.once('exit', () => {
      process.removeListener('exit', killOnExit);
      resolve();
    }),
  );
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${name} not ready after 30 s:\n${output}`));
    }, 30_000);
    const collect = (chunk: Buffer) => {
      output += chunk.toString();
      const ready = /Bureau server ready at (http:\/\/\S+)/.exec(output);
      if (!ready?.[1]) return;
      clearTimeout(timer);
      resolve({ name, url: ready[1], child, output: () => output, exited });
    };
    child.stdout?.on('data', collect);
    child.stderr?.on('data', collect);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited (${signal ?? `code ${code}`}) before it was ready:\n${output}`));
    });
  });
}

async function stopNode(node: ServerNode): Promise<void> {
  if (node.child.exitCode !== null || node.child.signalCode !== null) return;
  node.child.kill('SIGTERM');
  const timer = setTimeout(() => node.child.kill('SIGKILL'), 5000);
  await node.exited;
  clearTimeout(timer);
}

interface Client {
  username: string;
  userId: string;
  token: string;
  store: LocalStore;
  engine: SyncEngine;
  statuses: SyncStatus[];
}

/** The real SyncEngine on this client's store (its outbox), talking to one node. */
function syncWith(client: Omit<Client, 'engine'>, node: ServerNode): SyncEngine {
  const engine = new SyncEngine({ store: client.store, serverUrl: node.url, token: client.token, onStatus: (s) => client.statuses.push(s), ackTimeoutMs: 5000 });
  engine.start();
  return engine;
}

async function settle(c: Client): Promise<void> {
  await waitFor(
    async () => c.engine.getStatus().connection === 'online' && (await c.store.pendingCount()) === 0 && c.engine.getStatus().lastSyncedAt !== null,
    10_000,
    () => `${c.username} to settle (status ${JSON.stringify(c.engine.getStatus())})`,
  );
  await c.engine.whenIdle();
}

type View = Record<string, Array<{ id: string }>>;
const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Everything the user may read, per collection, as the server has it. */
async function serverView(db: Database, userId: string): Promise<View> {
  const user = (await db.query<{ data: User }>("SELECT data FROM documents WHERE collection = 'users' AND id = $1", [userId])).rows[0]?.data;
  if (!user) throw new Error(`no user ${userId}`);
  const { rows } = await db.query<{ collection: string; data: { id: string } }>('SELECT collection, data FROM documents WHERE NOT deleted AND readers && $1::text[]', [
    principalsOf(user),
  ]);
  const view: View = Object.fromEntries(COLLECTION_NAMES.map((c) => [c, []]));
  for (const r of rows) (view[r.collection] ??= []).push(r.data);
  for (const docs of Object.values(view)) docs.sort(byId);
  return view;
}

async function clientView(c: Client): Promise<View> {
  const view: View = {};
  for (const table of c.store.db.dataTables) view[table.name] = ((await table.toArray()) as Array<{ id: string }>).sort(byId);
  return view;
}

/** Waits until the client holds exactly what the server lets it read, then asserts it. */
async function expectConverged(db: Database, c: Client): Promise<void> {
  await waitFor(async () => isDeepStrictEqual(await clientView(c), await serverView(db, c.userId)), 10_000, `${c.username} to converge`).catch(() => {});
  expect(await clientView(c)).toEqual(await serverView(db, c.userId));
}

describe.skipIf(skip)('several server nodes on one PostgreSQL', () => {
  let databaseUrl: string;
  let db: Database;
  let nodes: ServerNode[] = [];
  const clients: Client[] = [];
  const timings: Record<string, number> = {};
  let staff: Client;
  let manager: Client;
  let hr: Client;

  /** Signs in at `loginAt` (the session lives in the shared database) and syncs with `node`. */
  const connect = async (node: ServerNode, username: string, loginAt: ServerNode = node): Promise<Client> => {
    const session = await login(loginAt.url, username);
    const store = LocalStore.open(databaseName(node.url, session.user.id), session.user.id, { indexedDB: new IDBFactory(), IDBKeyRange });
    const base = { username, userId: session.user.id, token: session.token, store, statuses: [] as SyncStatus[] };
    const client: Client = { ...base, engine: syncWith(base, node) };
    clients.push(client);
    return client;
  };

  beforeAll(async () => {
    databaseUrl = await createDatabase(postgresUrl);
    const started = performance.now();
    // All at once on an empty database: they race to migrate and to seed the demo agency.
    const starts = await Promise.allSettled(['node 1', 'node 2', 'node 3'].map((name) => startNode(name, databaseUrl)));
    nodes = starts.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
    for (const s of starts) if (s.status === 'rejected') throw s.reason;
    timings['three nodes ready (ms)'] = Math.round(performance.now() - started);
    db = await openPostgres(databaseUrl, 3);
    [staff, manager, hr] = await Promise.all([connect(nodes[0]!, 'wangqiang'), connect(nodes[1]!, 'lina'), connect(nodes[2]!, 'zhouting')]);
    await Promise.all([settle(staff), settle(manager), settle(hr)]);
  });

  afterAll(async () => {
    for (const c of clients.splice(0)) {
      c.engine.stop();
      c.store.close();
    }
    await Promise.all(nodes.map(stopNode));
    await db?.close();
    console.info('[cluster] timings', timings);
  });

  it('starts three nodes at once on an empty database: migrated once, seeded once', async () => {
    expect(nodes.filter((n) => n.output().includes('Demo agency created'))).toHaveLength(1);
    const seeded = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM audit_log WHERE kind = 'system.seeded'");
    expect(seeded.rows[0]?.n).toBe(1);
    const migrations = await db.query<{ version: string }>('SELECT version FROM schema_migrations ORDER BY version');
    expect(migrations.rows.map((r) => r.version)).toEqual(['0001', '0002', '0003', '0004', '0005', '0006']);
    expect(new Set(nodes.map((n) => n.url)).size).toBe(3);
  });

  it('carries a change made on one node to the clients of the others with a poke', async () => {
    const managerQuietFrom = manager.statuses.length;
    const id = randomId();
    const submitted = performance.now();
    await staff.store.mutate('leave.submit', { id, ...oneDay() });
    // The engine pulls only on connect and on a poke: the manager (node 2) and HR (node 3) stay
    // connected, so what brings them node 1's change is the poke relayed through PostgreSQL.
    await waitFor(async () => (await manager.store.db.leaveRequests.get(id))?.pendingApproverIds.includes('lina') === true, 5000, 'the request in the manager inbox on node 2');
    timings['submit on node 1 -> manager inbox on node 2 (ms)'] = Math.round(performance.now() - submitted);
    await waitFor(async () => (await hr.store.db.leaveRequests.get(id)) !== undefined, 5000, 'HR on node 3 to see the request');
    expect(manager.statuses.slice(managerQuietFrom).every((s) => s.connection === 'online')).toBe(true);

    const approved = performance.now();
    await manager.store.mutate('approval.decide', { requestId: id, decision: 'approve', comment: '同意' });
    await waitFor(async () => (await staff.store.db.leaveRequests.get(id))?.status === 'approved', 5000, 'the requester on node 1 to see the approval');
    timings['approve on node 2 -> requester on node 1 (ms)'] = Math.round(performance.now() - approved);
    await waitFor(async () => (await hr.store.db.leaveRequests.get(id))?.status === 'approved', 5000, 'HR on node 3 to see the approval');

    for (const c of [staff, manager, hr]) await expectConverged(db, c);
  });

  it('disconnects a session logged out on node 1 from the node that holds its socket (node 2)', async () => {
    const colleague = await connect(nodes[1]!, 'zhaomin', nodes[0]);
    await settle(colleague);
    const loggedOut = performance.now();
    const res = await fetch(`${nodes[0]!.url}/api/logout`, { method: 'POST', headers: { authorization: `Bearer ${colleague.token}` } });
    expect(res.status).toBe(204);
    // The client is idle (no push or pull that would find the session gone): only node 2
    // acting on node 1's broadcast ends its socket.
    await waitFor(
      () => colleague.engine.getStatus().problem === 'auth_expired' && colleague.engine.getStatus().connection === 'offline',
      3000,
      () => `the socket on node 2 to be revoked (status ${JSON.stringify(colleague.engine.getStatus())})`,
    );
    timings['logout on node 1 -> socket on node 2 revoked (ms)'] = Math.round(performance.now() - loggedOut);
  });

  it('loses nothing when a node is killed in the middle of a batch and the client carries on with another node', async () => {
    const clientId = await staff.store.clientId();
    const lastMutationId = async () =>
      toNumber((await db.query<{ last_mutation_id: unknown }>('SELECT last_mutation_id FROM clients WHERE client_id = $1', [clientId])).rows[0]?.last_mutation_id ?? 0);

    // Requests the coming batch withdraws. The test holds the row of the last one, so node 1
    // stops inside that mutation's transaction, after the batch's earlier mutations committed.
    // (Withdrawals, not submits, go first: a submit reads, and locks, all the requester's
    // requests to check for overlaps, so it would wait on the held row too.)
    const held = randomId();
    const before = [randomId(), randomId(), randomId()];
    for (const id of [...before, held]) await staff.store.mutate('leave.submit', { id, ...oneDay(`会被撤回 ${id}`) });
    await settle(staff);
    const base = await lastMutationId();
    let release = () => {};
    let locked = () => {};
    const released = new Promise<void>((resolve) => (release = resolve));
    const holding = new Promise<void>((resolve) => (locked = resolve));
    const holder = db.transaction(async (tx) => {
      await tx.query("SELECT 1 FROM documents WHERE collection = 'leaveRequests' AND id = $1 FOR UPDATE", [held]);
      locked();
      await released;
    });
    await Promise.race([holding, holder]);

    // Offline first, so the whole queue goes out as one batch when the client reconnects.
    staff.engine.stop();
    const after = [randomId(), randomId()];
    for (const id of before) await staff.store.mutate('leave.withdraw', { id });
    await staff.store.mutate('leave.withdraw', { id: held });
    for (const id of after) await staff.store.mutate('leave.submit', { id, ...oneDay(`批次 ${id}`) });
    expect(await staff.store.pendingCount()).toBe(6);
    staff.engine.start();

    const waitingOnLock = async () =>
      (await db.query<{ n: number }>("SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'")).rows[0]?.n ?? 0;
    await waitFor(async () => (await lastMutationId()) === base + 3 && (await waitingOnLock()) > 0, 10_000, 'node 1 to stop inside the withdrawal').catch(async (err: unknown) => {
      release(); // never leave the holder open: the database could not close
      await holder;
      throw err;
    });
    nodes[0]!.child.kill('SIGKILL');
    await nodes[0]!.exited;
    const killed = performance.now();
    release();
    await holder;
    await waitFor(() => staff.engine.getStatus().connection !== 'online', 5000, 'the client to notice node 1 is gone');

    // Work queued while no node serves this client.
    const late = randomId();
    await staff.store.mutate('leave.submit', { id: late, ...oneDay('离线时提交') });
    // Node 1 committed three but acknowledged none, and its open transaction died with it.
    expect(await staff.store.pendingCount()).toBe(7);
    expect(await lastMutationId()).toBe(base + 3);

    // What a load balancer does: the same client (its store and outbox, its session) on another node.
    staff.engine.stop();
    staff.engine = syncWith(staff, nodes[1]!);
    await settle(staff);
    timings['SIGKILL node 1 -> staff drained on node 2 (ms)'] = Math.round(performance.now() - killed);

    // Exactly once: one outcome per mutation id, in order, each applied (the resent three were duplicates).
    expect(await lastMutationId()).toBe(base + 7);
    const outcomes = await db.query<{ id: number; kind: string }>(
      "SELECT (detail->>'mutationId')::int AS id, kind FROM audit_log WHERE detail->>'clientId' = $1 AND (detail->>'mutationId')::int > $2 ORDER BY seq",
      [clientId, base],
    );
    expect(outcomes.rows).toEqual([1, 2, 3, 4, 5, 6, 7].map((n) => ({ id: base + n, kind: 'mutation.applied' })));
    const { rows } = await db.query<{ id: string; status: string }>(
      "SELECT id, data->>'status' AS status FROM documents WHERE collection = 'leaveRequests' AND id = ANY($1::text[])",
      [[held, ...before, ...after, late]],
    );
    expect(Object.fromEntries(rows.map((r) => [r.id, r.status]))).toEqual(
      Object.fromEntries([...[...before, held].map((id) => [id, 'withdrawn']), ...[...after, late].map((id) => [id, 'pending'])]),
    );
    expect(await staff.store.unseenRejections()).toEqual([]);

    // Quiet again: every client, on node 2 or node 3, holds what the server lets it read.
    for (const c of [staff, manager, hr]) await expectConverged(db, c);
    timings['SIGKILL node 1 -> all clients converged (ms)'] = Math.round(performance.now() - killed);
  });

  it('makes up for the pokes a node missed while its LISTEN connection was down', async () => {
    const listeners = async () =>
      (await db.query<{ n: number }>("SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'LISTEN %'")).rows[0]?.n ?? 0;
    await db.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'LISTEN %'");
    await waitFor(async () => (await listeners()) === 0, 5000, 'the listeners to be gone');
    const hrQuietFrom = hr.statuses.length;

    // Committed on node 2 while no node listens: the NOTIFY reaches nobody.
    const id = randomId();
    const submitted = performance.now();
    await staff.store.mutate('leave.submit', { id, ...oneDay('监听中断时提交') });
    await settle(staff);
    await waitFor(async () => (await hr.store.db.leaveRequests.get(id)) !== undefined, 10_000, 'HR on node 3 to get the request after node 3 listens again');
    timings['submit while no node listens -> HR on node 3 (ms)'] = Math.round(performance.now() - submitted);
    // Not by reconnecting (which pulls): node 3 poked its own sockets once it listened again.
    expect(hr.statuses.slice(hrQuietFrom).every((s) => s.connection === 'online')).toBe(true);
    await waitFor(async () => (await listeners()) === 2, 5000, 'nodes 2 and 3 to listen again');
    for (const c of [staff, manager, hr]) await expectConverged(db, c);
  });
});
