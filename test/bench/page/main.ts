// The benchmark page: the production LocalStore (renderer/db) and SyncEngine (renderer/sync)
// in Chromium with its real IndexedDB, driven by sync.bench.ts through window.bench.
import { BureauDb, databaseName, LocalStore, type PullPage } from '../../../renderer/db';
import { SyncEngine, type SyncStatus } from '../../../renderer/sync';
import { loginResponseSchema } from '../../../shared/protocol/http';
import type { Department, User } from '../../../shared/domain/directory';
import type { LeaveRequest } from '../../../shared/domain/leave';

export interface InitialSyncResult {
  ms: number;
  leaveRequests: number;
  users: number;
  pages: number;
  /** Time inside LocalStore.applyPull (the Dexie transactions). */
  applyPullMs: number;
  /** Everything else: socket connect, server, transfer, JSON and zod parsing. */
  otherMs: number;
  /** The slowest page: applyPull and the wait for it (request to response). */
  maxApplyPullMs: number;
  maxWaitMs: number;
}

export interface RawBulkPutResult {
  documents: number;
  /** One bulkPut per table, all in one transaction. */
  oneTransactionMs: number;
  /** bulkPut in transactions of 1,000 documents, one after the other (a pull's page size). */
  chunked1000Ms: number;
}

let kept: { users: User[]; departments: Department[]; leaveRequests: LeaveRequest[] } | null = null;

async function login(username: string, password: string): Promise<{ token: string; userId: string }> {
  const res = await fetch('/api/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status}`);
  const session = loginResponseSchema.parse(await res.json());
  return { token: session.token, userId: session.user.id };
}

/** A fresh client signs in and syncs everything it may read; resolves when the engine is idle. */
async function initialSync(username: string, password: string): Promise<InitialSyncResult> {
  const { token, userId } = await login(username, password);
  const serverUrl = location.origin;
  const name = databaseName(serverUrl, userId);
  await new BureauDb(name).delete();

  const t0 = performance.now();
  const store = LocalStore.open(name, userId);
  let pages = 0;
  let applyPullMs = 0;
  let maxApplyPullMs = 0;
  let maxWaitMs = 0;
  let lastEnd = t0;
  // Instrumentation of this one instance, not of the product code: time spent applying pages.
  const applyPull = store.applyPull.bind(store);
  store.applyPull = async (page: PullPage) => {
    const start = performance.now();
    maxWaitMs = Math.max(maxWaitMs, start - lastEnd);
    await applyPull(page);
    lastEnd = performance.now();
    pages++;
    applyPullMs += lastEnd - start;
    maxApplyPullMs = Math.max(maxApplyPullMs, lastEnd - start);
  };
  let synced!: () => void;
  let failed!: (err: Error) => void;
  const firstSync = new Promise<void>((resolve, reject) => {
    synced = resolve;
    failed = reject;
  });
  const engine = new SyncEngine({
    store,
    serverUrl,
    token,
    ackTimeoutMs: 60_000,
    onStatus: (s: SyncStatus) => {
      if (s.lastSyncedAt) synced();
      if (s.problem) failed(new Error(`sync problem: ${s.problem}`));
    },
  });
  engine.start();
  await firstSync;
  await engine.whenIdle();
  const ms = performance.now() - t0;
  engine.stop();

  const [leaveRequests, users, departments] = await Promise.all([store.db.leaveRequests.toArray(), store.db.users.toArray(), store.db.departments.toArray()]);
  kept = { users, departments, leaveRequests };
  store.close();
  await new BureauDb(name).delete();
  return { ms, leaveRequests: leaveRequests.length, users: users.length, pages, applyPullMs, otherMs: ms - applyPullMs, maxApplyPullMs, maxWaitMs };
}

/**
 * The limit: the documents of the last initialSync put straight into a fresh database of the
 * same schema. Each way is timed `repeat` times; the best time is the limit.
 */
async function rawBulkPut(repeat = 1): Promise<RawBulkPutResult> {
  if (!kept) throw new Error('run initialSync first');
  const docs = kept;
  const time = async (fn: (db: BureauDb) => Promise<void>): Promise<number> => {
    const name = `bench-raw-${Math.random().toString(36).slice(2)}`;
    const db = new BureauDb(name);
    await db.open();
    const t0 = performance.now();
    await fn(db);
    const ms = performance.now() - t0;
    db.close();
    await new BureauDb(name).delete();
    return ms;
  };
  let oneTransactionMs = Infinity;
  let chunked1000Ms = Infinity;
  for (let r = 0; r < repeat; r++) {
    const one = await time((db) =>
      db.transaction('rw', db.users, db.departments, db.leaveRequests, async () => {
        await db.users.bulkPut(docs.users);
        await db.departments.bulkPut(docs.departments);
        await db.leaveRequests.bulkPut(docs.leaveRequests);
      }),
    );
    const chunked = await time(async (db) => {
      await db.transaction('rw', db.users, db.departments, async () => {
        await db.users.bulkPut(docs.users);
        await db.departments.bulkPut(docs.departments);
      });
      for (let i = 0; i < docs.leaveRequests.length; i += 1000) {
        await db.transaction('rw', db.leaveRequests, () => db.leaveRequests.bulkPut(docs.leaveRequests.slice(i, i + 1000)));
      }
    });
    oneTransactionMs = Math.min(oneTransactionMs, one);
    chunked1000Ms = Math.min(chunked1000Ms, chunked);
  }
  return { documents: docs.leaveRequests.length + docs.users.length + docs.departments.length, oneTransactionMs, chunked1000Ms };
}

function forget(): void {
  kept = null;
}

declare global {
  interface Window {
    bench: { initialSync: typeof initialSync; rawBulkPut: typeof rawBulkPut; forget: typeof forget };
  }
}

window.bench = { initialSync, rawBulkPut, forget };
document.body.dataset.ready = 'true';
