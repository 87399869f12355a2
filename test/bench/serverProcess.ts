// A Bureau server in its own process for the benchmarks, so that its CPU and resident memory
// are its own and not the bench clients'. Started by serverChild.ts with an IPC channel:
//   env BENCH_DB = 'pglite' (in a data folder, as in production) | 'pglite-memory' | a postgres:// URL
//   env BENCH_STATIC = folder served at / (the bench page), or unset
//   env BENCH_PASSWORD = password of every demo account
//   env BENCH_POOL = PostgreSQL pool size (default 10, as in production)
// Messages in: seed (leave requests written with writeDocuments), pullProbe, dbStats, rss, gc, stop.
// Every database call is timed (timedDatabase) so the bench can say where the server's time goes.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../../server/app';
import { silentLogger } from '../../server/log';
import type { Database, Queryable } from '../../server/store/database';
import { processPull } from '../../server/sync/pull';
import { writeDocuments } from '../../server/store/documents';
import { openDatabase, type DatabaseConfig } from '../../server/store/open';
import { benchLeave } from './docs';

export type ToServer =
  | { type: 'seed'; from: number; count: number; docsPerSeq: number; docsPerTx: number }
  | { type: 'rss' }
  | { type: 'gc' }
  | { type: 'pullProbe'; userId: string }
  | { type: 'dbStats' }
  | { type: 'stop' };

export type FromServer =
  | { type: 'ready'; url: string; pid: number }
  | { type: 'seeded'; count: number; ms: number }
  | { type: 'rss'; rssKiB: number; hwmKiB: number; heapUsedMiB: number }
  | { type: 'gc' }
  | ({ type: 'pullProbe' } & PullProbe)
  | { type: 'dbStats'; stats: DbStats }
  | { type: 'error'; message: string };

/**
 * Where the server's database time goes, per kind of work: push and pull transactions (told
 * apart by their first statement), other transactions, and statements outside transactions.
 * waitMs: from asking for the transaction until it started (PGlite runs one at a time, a pool
 * may be exhausted); heldMs: from its first statement to its commit.
 */
export type DbStats = Record<string, { count: number; statements: number; waitMs: number; heldMs: number }>;

/** The server's own share of an initial sync: every page of processPull, timed in the server. */
export interface PullProbe {
  pages: number;
  changes: number;
  totalMs: number;
  maxPageMs: number;
  /** The slowest SQL statement of the pull, summed over pages, and its plan at a middle page. */
  slowestQuery: { sql: string; totalMs: number; explainMiddlePage: string[] };
}

/** VmRSS and VmHWM of a process, in KiB, from /proc/<pid>/status. */
export function procMemory(pid: number | 'self'): { rssKiB: number; hwmKiB: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const field = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { rssKiB: field('VmRSS'), hwmKiB: field('VmHWM') };
}

const send = (m: FromServer) => process.send?.(m);

async function main(): Promise<void> {
  const dbEnv = process.env.BENCH_DB ?? 'pglite';
  let dataDir: string | null = null;
  let database: DatabaseConfig;
  if (dbEnv === 'pglite') {
    dataDir = mkdtempSync(join(tmpdir(), 'bureau-bench-'));
    database = { kind: 'pglite', dataDir: join(dataDir, 'pglite') };
  } else if (dbEnv === 'pglite-memory') {
    database = { kind: 'pglite', dataDir: null };
  } else {
    database = { kind: 'postgres', url: dbEnv, poolSize: Number(process.env.BENCH_POOL ?? 10) };
  }
  const opened = await openDatabase(database);
  const stats: DbStats = {};
  const db = timedDatabase(opened, stats);
  const server = await startServer({
    database: { kind: 'open', db },
    host: '127.0.0.1',
    port: 0,
    staticDir: process.env.BENCH_STATIC ?? null,
    seedDemo: process.env.BENCH_PASSWORD ?? 'bench-password-1',
    log: silentLogger,
  });
  const cleanup = () => {
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  };
  process.once('exit', cleanup);

  process.on('message', (raw: ToServer) => {
    void (async () => {
      switch (raw.type) {
        case 'seed': {
          const t0 = performance.now();
          // Each writeDocuments call takes its own seq, as docsPerSeq documents of one mutation
          // would; docsPerTx documents per transaction keep the load fast.
          for (let tx0 = raw.from; tx0 < raw.from + raw.count; tx0 += raw.docsPerTx) {
            const txEnd = Math.min(raw.from + raw.count, tx0 + raw.docsPerTx);
            await server.db.transaction(async (tx) => {
              for (let s = tx0; s < txEnd; s += raw.docsPerSeq) {
                const docs = [];
                const known = new Map<string, null>();
                for (let i = s; i < Math.min(txEnd, s + raw.docsPerSeq); i++) {
                  const doc = benchLeave(i);
                  docs.push({ c: 'leaveRequests' as const, doc });
                  known.set(`leaveRequests\u0000${doc.id}`, null); // new documents: no readers before
                }
                await writeDocuments(tx, docs, known);
              }
            });
          }
          await server.db.query('ANALYZE documents');
          send({ type: 'seeded', count: raw.count, ms: performance.now() - t0 });
          break;
        }
        case 'rss': {
          const m = procMemory('self');
          send({ type: 'rss', ...m, heapUsedMiB: process.memoryUsage().heapUsed / 2 ** 20 });
          break;
        }
        case 'pullProbe':
          send({ type: 'pullProbe', ...(await pullProbe(server.db, raw.userId)) });
          break;
        case 'dbStats':
          send({ type: 'dbStats', stats: structuredClone(stats) });
          for (const k of Object.keys(stats)) delete stats[k];
          break;
        case 'gc':
          (globalThis as { gc?: () => void }).gc?.();
          send({ type: 'gc' });
          break;
        case 'stop':
          await server.close();
          await opened.close();
          cleanup();
          process.exit(0);
      }
    })().catch((err: unknown) => send({ type: 'error', message: err instanceof Error ? (err.stack ?? err.message) : String(err) }));
  });
  // The bench may die without saying stop: never outlive it.
  process.on('disconnect', () => {
    cleanup();
    process.exit(0);
  });
  send({ type: 'ready', url: server.url, pid: process.pid });
}

/** The database with every transaction and statement counted into `stats` (see DbStats). */
function timedDatabase(db: Database, stats: DbStats): Database {
  const add = (kind: string, statements: number, waitMs: number, heldMs: number) => {
    const s = (stats[kind] ??= { count: 0, statements: 0, waitMs: 0, heldMs: 0 });
    s.count++;
    s.statements += statements;
    s.waitMs += waitMs;
    s.heldMs += heldMs;
  };
  const kindOf = (sql: string) =>
    sql.startsWith('INSERT INTO clients') ? 'push' : sql.startsWith('SELECT a.scope_epoch') ? 'pull' : `tx: ${sql.replace(/\s+/g, ' ').slice(0, 48)}`;
  return {
    ...db,
    async query(sql, params) {
      const t0 = performance.now();
      try {
        return await db.query(sql, params);
      } finally {
        add(`query: ${sql.replace(/\s+/g, ' ').trim().slice(0, 48)}`, 1, 0, performance.now() - t0);
      }
    },
    async transaction(fn, options) {
      const asked = performance.now();
      let started = 0;
      let statements = 0;
      let kind = 'tx: (no statement)';
      try {
        return await db.transaction(
          (tx) =>
            fn({
              query(sql, params) {
                if (statements++ === 0) {
                  started = performance.now();
                  kind = kindOf(sql);
                }
                return tx.query(sql, params);
              },
              exec: (sql) => tx.exec(sql),
            }),
          options,
        );
      } finally {
        const end = performance.now();
        add(kind, statements + 2, (started || end) - asked, end - (started || end));
      }
    },
  };
}

/** Runs a fresh client's whole pull in the server, timing each statement (no socket, no client). */
async function pullProbe(db: Database, userId: string): Promise<PullProbe> {
  const timings = new Map<string, { ms: number; calls: Array<readonly unknown[] | undefined> }>();
  const timed = (q: Queryable): Queryable => ({
    async query(sql, params) {
      const t0 = performance.now();
      const res = await q.query(sql, params);
      const t = timings.get(sql) ?? { ms: 0, calls: [] };
      t.ms += performance.now() - t0;
      t.calls.push(params);
      timings.set(sql, t);
      return res as never;
    },
    exec: (sql) => q.exec(sql),
  });
  const probeDb: Database = { ...db, transaction: (fn, options) => db.transaction((tx) => fn(timed(tx)), options) };
  let cursor = 0;
  let scope = 0;
  let pages = 0;
  let changes = 0;
  let maxPageMs = 0;
  const t0 = performance.now();
  for (;;) {
    const p0 = performance.now();
    const res = await processPull({ db: probeDb, userId, clientId: 'bench-probe-client' }, { cursor, scope });
    maxPageMs = Math.max(maxPageMs, performance.now() - p0);
    if (!res.ok) throw new Error(`pull probe: ${res.error}`);
    pages++;
    changes += res.changes.length;
    cursor = res.cursor;
    scope = res.scope;
    if (!res.more) break;
  }
  const totalMs = performance.now() - t0;
  const [sql, slowest] = [...timings].sort((a, b) => b[1].ms - a[1].ms)[0] ?? ['', { ms: 0, calls: [] }];
  // A page from the middle of the sync: a full page, as most are.
  const middle = slowest.calls[Math.floor(slowest.calls.length / 2)];
  const plan = sql ? await db.query<Record<string, string>>(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, middle) : { rows: [] };
  return {
    pages,
    changes,
    totalMs,
    maxPageMs,
    slowestQuery: { sql: sql.replace(/\s+/g, ' ').trim(), totalMs: slowest.ms, explainMiddlePage: plan.rows.map((r) => Object.values(r)[0] ?? '') },
  };
}

main().catch((err: unknown) => {
  send({ type: 'error', message: err instanceof Error ? (err.stack ?? err.message) : String(err) });
  process.exit(1);
});
