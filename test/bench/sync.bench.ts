// Sync benchmarks (issue 3). Not part of `npm test`.
//
//   npm run bench:sync              full sizes (about 10 minutes on a 2-core machine)
//   npm run bench:sync -- --quick   reduced sizes, same keys, under 2 minutes
//   ... -- --only=initialSync,latency,throughput,memory   a subset (while developing)
//
// Prints one JSON object per line; the last line is {"summary": {...}}. The server always runs
// in a child process (serverProcess.ts) on 127.0.0.1, so its CPU and memory are its own.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import type { Socket } from 'socket.io-client';
import { build } from 'vite';
import type { PullPage } from '../../renderer/db';
import { addDays } from '../../shared/calendar/dates';
import { startPostgres, type PostgresServer } from '../support/postgres';
import { closeSockets, connectSyncClient, openIdleSockets, RawPusher, tokensFor, withTimeout, type NodeSyncClient } from './clients';
import { BENCH_READER, benchLeave } from './docs';
import type { InitialSyncResult, RawBulkPutResult } from './page/main';
import { BENCH_PASSWORD, startServerChild } from './serverChild';
import type { DbStats } from './serverProcess';

const argv = process.argv.slice(2);
const QUICK = argv.includes('--quick');
const ONLY = argv.find((a) => a.startsWith('--only='))?.slice('--only='.length).split(',') ?? null;
const CHROMIUM = process.env.BUREAU_CHROMIUM ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];

const SIZES = QUICK
  ? { initialSync: [2_000, 10_000], latencyChanges: 50, latencyIdle: 200, throughputClients: 50, throughputPerClient: 10, memoryClients: 1_000 }
  : { initialSync: [10_000, 100_000], latencyChanges: 200, latencyIdle: 1_000, throughputClients: 50, throughputPerClient: 60, memoryClients: 5_000 };

/** rawBulkPut is the limit: best of this many tries (the machine is shared and noisy). */
const RAW_REPEAT = QUICK ? 3 : 2;

const emit = (line: Record<string, unknown>) => console.log(JSON.stringify(QUICK ? { ...line, quick: true } : line));
const round = (x: number, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const wanted = (name: string) => !ONLY || ONLY.includes(name);

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] as number;
}

const stats = (values: readonly number[]) => {
  const s = [...values].sort((a, b) => a - b);
  return { p50: round(percentile(s, 50), 2), p90: round(percentile(s, 90), 2), p99: round(percentile(s, 99), 2), max: round(s[s.length - 1] ?? NaN, 2) };
};

function openFileLimit(): number {
  const line = readFileSync('/proc/self/limits', 'utf8').split('\n').find((l) => l.startsWith('Max open files'));
  return Number(line?.split(/\s+/)[3] ?? NaN);
}

let submits = 0;
/**
 * A leave.submit of one working day of personal leave (no balance to run out): the requester's
 * manager is its only approver. Each on a weekday of its own, because one person's requests may
 * not overlap and the bench makes thousands; from 2027 on, where no holiday calendar is loaded
 * and every Monday to Friday is a working day.
 */
const submit = (id: string) => {
  const n = submits++;
  const date = addDays('2027-01-04', 7 * Math.floor(n / 5) + (n % 5));
  return {
    name: 'leave.submit' as const,
    args: { id, type: 'personal' as const, startDate: date, startHalf: 'am' as const, endDate: date, endHalf: 'pm' as const, reason: '回老家探望父母 bench' },
  };
};

/** The server's database work per unit (change, mutation), by kind, the busiest first. */
function dbWork(stats: DbStats, units: number) {
  return Object.entries(stats)
    .sort((a, b) => b[1].heldMs - a[1].heldMs)
    .slice(0, 6)
    .map(([kind, s]) => ({
      kind,
      perUnit: round(s.count / units, 2),
      statementsEach: round(s.statements / s.count, 1),
      msEach: round(s.heldMs / s.count, 2),
      waitMsEach: round(s.waitMs / s.count, 2),
    }));
}

// ---------------------------------------------------------------------------------------------

async function buildPage(): Promise<string> {
  const outDir = mkdtempSync(join(tmpdir(), 'bureau-bench-page-'));
  await build({ configFile: fileURLToPath(new URL('./vite.config.ts', import.meta.url)), build: { outDir }, logLevel: 'warn' });
  return outDir;
}

async function benchInitialSync(summary: Record<string, number>): Promise<void> {
  const pageDir = await buildPage();
  const server = await startServerChild({ db: 'pglite', staticDir: pageDir });
  let browser: Browser | null = null;
  try {
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
    const docBytes = Buffer.byteLength(JSON.stringify(benchLeave(1)));
    let seeded = 0;
    for (const n of SIZES.initialSync) {
      const seedMs = await server.seed(seeded, n - seeded);
      seeded = n;
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(`${server.url}/`);
      await page.waitForFunction(() => document.body.dataset.ready === 'true');
      const sync: InitialSyncResult = await page.evaluate(([u, p]) => window.bench.initialSync(u as string, p as string), [BENCH_READER, BENCH_PASSWORD]);
      if (sync.leaveRequests !== n) throw new Error(`initial sync got ${sync.leaveRequests} leave requests, expected ${n}`);
      const raw: RawBulkPutResult = await page.evaluate((repeat) => window.bench.rawBulkPut(repeat), RAW_REPEAT);
      await page.evaluate(() => window.bench.forget());
      await context.close();
      const probe = await server.pullProbe(BENCH_READER);
      const rawMs = raw.oneTransactionMs;
      emit({
        bench: 'initialSync',
        n,
        documentBytes: docBytes,
        client: 'Chromium headless, real IndexedDB, production LocalStore + SyncEngine (bench page)',
        server: 'child process, PGlite in a data folder',
        ms: round(sync.ms),
        docsPerSec: Math.round(n / (sync.ms / 1000)),
        pages: sync.pages,
        applyPullMs: round(sync.applyPullMs),
        requestAndParseMs: round(sync.otherMs),
        maxApplyPullMs: round(sync.maxApplyPullMs),
        maxWaitMs: round(sync.maxWaitMs),
        serverPullMs: round(probe.totalMs),
        serverMaxPageMs: round(probe.maxPageMs),
        seedMs: round(seedMs),
      });
      emit({
        bench: 'pullQuery',
        n,
        note: "the server's share of the same initial sync: processPull page after page inside the server process, no socket",
        pages: probe.pages,
        changes: probe.changes,
        totalMs: round(probe.totalMs),
        slowestStatement: probe.slowestQuery.sql,
        slowestStatementMs: round(probe.slowestQuery.totalMs),
        explainAnalyzeMiddlePage: probe.slowestQuery.explainMiddlePage,
      });
      emit({
        bench: 'rawBulkPut',
        n,
        documents: raw.documents,
        ms: round(rawMs),
        chunked1000Ms: round(raw.chunked1000Ms),
        note: `the same documents into a fresh database of the same schema, same browser, no network: one Dexie transaction with a bulkPut per table (ms), or bulkPut transactions of 1,000 (chunked1000Ms); best of ${RAW_REPEAT}`,
      });
      emit({ bench: 'initialSyncOverRaw', n, ratio: round(sync.ms / rawMs, 2), target: 1.5 });
      summary.initialSync100kMs = round(sync.ms);
      summary.rawBulkPut100kMs = round(rawMs);
      summary.initialSyncOverRaw = round(sync.ms / rawMs, 2);
    }
  } finally {
    await browser?.close();
    await server.stop();
    rmSync(pageDir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------

/** Users who cannot read wangqiang's requests: their idle sockets are never poked by the changes. */
const BYSTANDERS = ['chenjing', 'sunlei', 'liuyang', 'yangfan', 'admin', 'secadmin', 'auditor'];

let postgres: Promise<PostgresServer | null> | null = null;
/** One throwaway PostgreSQL for the whole run (null when not installed); each user gets its own database. */
async function postgresDatabase(): Promise<string | null> {
  postgres ??= startPostgres();
  const server = await postgres;
  return server ? server.createDatabase() : null;
}

async function benchLatency(summary: Record<string, number>): Promise<void> {
  const pglite = await latencyOn('pglite');
  emit({ ...pglite, server: 'child process, PGlite in a data folder' });
  summary.latencyP50Ms = pglite.ms.p50;
  summary.latencyP99Ms = pglite.ms.p99;
  const url = await postgresDatabase();
  if (!url) emit({ bench: 'latency', backend: 'postgres', skipped: 'PostgreSQL is not installed (apt-get install -y postgresql)' });
  else emit({ ...(await latencyOn(url)), backend: 'postgres', server: 'child process, throwaway PostgreSQL (fsync=off, synchronous_commit=off), pool of 10', note: 'for comparison; the summary reports PGlite' });
}

async function latencyOn(database: string) {
  const server = await startServerChild({ db: database });
  let idle: Socket[] = [];
  let a: NodeSyncClient | null = null;
  let b: NodeSyncClient | null = null;
  try {
    const tokens = await tokensFor(server.url, BYSTANDERS);
    idle = await openIdleSockets(server.url, [...tokens.values()], SIZES.latencyIdle);
    a = await connectSyncClient(server.url, 'wangqiang');
    b = await connectSyncClient(server.url, 'lina');
    const A = a;
    const B = b;

    // Timestamps along the road, from instrumentation of these two instances only (the
    // product code is untouched): A sends its push, A's push is acknowledged, B is poked, B
    // sends its pull, B's pull is answered, and B's applyPull transaction carrying the document
    // has committed, which is when B's Dexie (and so any live query of its pages) shows it.
    let target = '';
    const at = { aPushSent: 0, aPushAcked: 0, bPoked: 0, bPullSent: 0, bPullAnswered: 0 };
    let seen: ((t: number) => void) | null = null;
    type Emitter = { emitWithAck(event: string, payload: unknown): Promise<unknown> };
    const socketOf = (c: NodeSyncClient) => (c.engine as unknown as { socket: Socket }).socket;
    const watchSends = (c: NodeSyncClient, event: string, sent: 'aPushSent' | 'bPullSent', answered: 'aPushAcked' | 'bPullAnswered') => {
      const socket = socketOf(c);
      const timeout = socket.timeout.bind(socket);
      socket.timeout = ((ms: number) => {
        const inner = timeout(ms) as unknown as Emitter;
        return {
          async emitWithAck(e: string, payload: unknown) {
            if (e === event && target) at[sent] ||= performance.now();
            const res = await inner.emitWithAck(e, payload);
            if (e === event && target && at[sent]) at[answered] ||= performance.now();
            return res;
          },
        };
      }) as unknown as typeof socket.timeout;
    };
    watchSends(A, 'sync:push', 'aPushSent', 'aPushAcked');
    watchSends(B, 'sync:pull', 'bPullSent', 'bPullAnswered');
    socketOf(B).on('sync:poke', () => {
      if (target) at.bPoked ||= performance.now();
    });
    const applyPull = B.store.applyPull.bind(B.store);
    B.store.applyPull = async (page: PullPage) => {
      await applyPull(page);
      if (target && page.changes.some((c) => c.id === target)) seen?.(performance.now());
    };

    const total: number[] = [];
    const parts: Record<'aMutated' | keyof typeof at, number[]> = { aMutated: [], aPushSent: [], aPushAcked: [], bPoked: [], bPullSent: [], bPullAnswered: [] };
    const WARMUP = 10;
    for (let i = 0; i < WARMUP + SIZES.latencyChanges; i++) {
      const id = `lat-${i}`;
      for (const k of Object.keys(at) as Array<keyof typeof at>) at[k] = 0;
      const shown = new Promise<number>((resolve) => (seen = resolve));
      const m = submit(id);
      target = id;
      const t0 = performance.now();
      await A.store.mutate(m.name, m.args);
      const tMutated = performance.now();
      const tSeen = await withTimeout(shown, 10_000, `change ${id} to reach B`);
      target = '';
      seen = null;
      if (!(await B.store.db.leaveRequests.get(id))) throw new Error(`${id} is not in B's database`);
      if (i === WARMUP) await server.dbStats(); // from here on: the measured changes only
      if (i >= WARMUP) {
        total.push(tSeen - t0);
        parts.aMutated.push(tMutated - t0);
        for (const k of Object.keys(at) as Array<keyof typeof at>) if (at[k]) parts[k].push(at[k] - t0);
      }
      await Promise.all([A.engine.whenIdle(), B.engine.whenIdle()]);
      await sleep(5);
    }
    const db = await server.dbStats();
    const s = stats(total);
    return {
      bench: 'latency',
      backend: database === 'pglite' ? 'pglite' : 'postgres',
      changes: SIZES.latencyChanges,
      idleClients: SIZES.latencyIdle,
      clients: 'A (wangqiang) and B (lina): Node sync clients, production LocalStore + SyncEngine on fake-indexeddb, in the bench process',
      idle: `socket.io-client sockets signed in as ${BYSTANDERS.join(', ')} (cannot read the changes, never poked)`,
      change: "leave.submit by A; B is the request's approver",
      measured: "from A's store.mutate() call until B's applyPull transaction carrying the document has committed to B's Dexie",
      ms: s,
      // Milliseconds after A's mutate() call, p50 of each step.
      stepsP50Ms: Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, stats(v).p50])),
      serverDbPerChange: dbWork(db, SIZES.latencyChanges),
      targetP50Ms: 5,
      targetP99Ms: 25,
    };
  } finally {
    a?.close();
    b?.close();
    closeSockets(idle);
    await server.stop();
  }
}

// ---------------------------------------------------------------------------------------------

const PUSHERS = ['wangqiang', 'zhaomin', 'chenjing', 'sunlei', 'lina', 'liuyang', 'zhouting', 'yangfan'];

interface Throughput {
  rate: number;
  applied: number;
  ms: number;
  pushMs: ReturnType<typeof stats>;
  serverCpuPercent: number;
  dbWork: ReturnType<typeof dbWork>;
  /** The same clients pushing their mutations 10 to a request (each still its own transaction). */
  rateBatch10: number;
}

async function throughputOn(database: string): Promise<Throughput> {
  const server = await startServerChild({ db: database });
  const pushers: RawPusher[] = [];
  try {
    const tokens = await tokensFor(server.url, PUSHERS);
    for (let i = 0; i < SIZES.throughputClients; i++) pushers.push(await RawPusher.connect(server.url, tokens.get(PUSHERS[i % PUSHERS.length] as string) as string));
    // Warm-up: every client's row exists and every code path has run once.
    await Promise.all(pushers.map((p, i) => p.push([submit(`warm-${i}`)])));
    let applied = 0;
    const each: number[] = [];
    await server.dbStats();
    const cpu0 = server.cpuSeconds();
    const t0 = performance.now();
    await Promise.all(
      pushers.map(async (p, i) => {
        for (let k = 0; k < SIZES.throughputPerClient; k++) {
          const s = performance.now();
          const n = await p.push([submit(`tp-${i}-${k}`)]);
          applied += n;
          each.push(performance.now() - s);
        }
      }),
    );
    const ms = performance.now() - t0;
    const serverCpuPercent = round((100 * (server.cpuSeconds() - cpu0)) / (ms / 1000));
    const work = dbWork(await server.dbStats(), SIZES.throughputClients * SIZES.throughputPerClient);
    const expected = SIZES.throughputClients * SIZES.throughputPerClient;
    if (applied !== expected) throw new Error(`throughput: ${applied} of ${expected} mutations applied`);

    let appliedBatched = 0;
    const t1 = performance.now();
    await Promise.all(
      pushers.map(async (p, i) => {
        for (let k = 0; k < SIZES.throughputPerClient; k += 10) {
          const batch = Array.from({ length: Math.min(10, SIZES.throughputPerClient - k) }, (_, j) => submit(`tb-${i}-${k + j}`));
          const n = await p.push(batch);
          appliedBatched += n;
        }
      }),
    );
    const rateBatch10 = Math.round(appliedBatched / ((performance.now() - t1) / 1000));
    return { rate: Math.round(applied / (ms / 1000)), applied, ms: round(ms), pushMs: stats(each), serverCpuPercent, dbWork: work, rateBatch10 };
  } finally {
    for (const p of pushers) p.close();
    await server.stop();
  }
}

async function benchThroughput(summary: Record<string, number>): Promise<void> {
  const common = {
    bench: 'throughput',
    clients: SIZES.throughputClients,
    perClient: SIZES.throughputPerClient,
    client:
      'raw socket.io-client pushers (sync protocol, no local store, no pulls), one leave.submit per push request, each client sends its next push when the previous is acked; mutationsPerSecBatch10: the same with 10 mutations per request',
    users: PUSHERS.join(', '),
  };
  const line = (t: Throughput, backend: string, server: string, target: number) => ({
    ...common,
    backend,
    server,
    mutationsPerSec: t.rate,
    applied: t.applied,
    ms: t.ms,
    pushMs: t.pushMs,
    serverProcessCpuPercent: t.serverCpuPercent,
    serverDbPerMutation: t.dbWork,
    mutationsPerSecBatch10: t.rateBatch10,
    target,
  });
  const pglite = await throughputOn('pglite');
  emit(line(pglite, 'pglite', 'child process, PGlite in a data folder', 1000));
  summary.mutationsPerSecPglite = pglite.rate;

  const url = await postgresDatabase();
  if (!url) {
    emit({ bench: 'throughput', backend: 'postgres', skipped: 'PostgreSQL is not installed (apt-get install -y postgresql)' });
    return;
  }
  const onPostgres = await throughputOn(url);
  emit(line(onPostgres, 'postgres', 'child process, throwaway PostgreSQL (fsync=off, synchronous_commit=off), pool of 10', 3000));
  summary.mutationsPerSecPostgres = onPostgres.rate;
}

// ---------------------------------------------------------------------------------------------

const EVERYONE = ['zhangwei', 'lina', 'liuyang', 'wangqiang', 'zhaomin', 'chenjing', 'sunlei', 'zhouting', 'yangfan', 'admin', 'secadmin', 'auditor'];

async function benchMemory(summary: Record<string, number>): Promise<void> {
  const limit = openFileLimit();
  let clients = SIZES.memoryClients;
  if (limit < clients + 200) {
    clients = Math.max(0, limit - 200);
    emit({ bench: 'memory', warning: `open file limit ${limit} allows only ${clients} client sockets in this process (raise it with ulimit -n)` });
  }
  const server = await startServerChild({ db: 'pglite' });
  let sockets: Socket[] = [];
  try {
    // PGlite's start-up (initdb runs in a second WebAssembly instance) leaves garbage that the
    // first major collection frees: measure the baseline after one, once things are quiet.
    await sleep(2_000);
    const base = await server.memory({ gc: true });
    const tokens = await tokensFor(server.url, EVERYONE);
    const t0 = performance.now();
    sockets = await openIdleSockets(server.url, [...tokens.values()], clients, 100);
    const connectMs = performance.now() - t0;
    await sleep(3_000);
    const loaded = await server.memory();
    const afterGc = await server.memory({ gc: true });
    // What the clients cost: the same process once they are gone again.
    closeSockets(sockets);
    sockets = [];
    await sleep(3_000);
    const gone = await server.memory({ gc: true });
    const MiB = (kib: number) => round(kib / 1024);
    emit({
      bench: 'memory',
      clients,
      idle: 'socket.io-client sockets from the bench process, signed in as the 12 demo users in turn, 100 handshakes at a time',
      server: 'child process, PGlite in a data folder; VmRSS from /proc/<pid>/status (PGlite alone is about 600-750 MiB of it; its start-up garbage is freed only some time after start)',
      rssMiB: MiB(loaded.rssKiB),
      rssAfterGcMiB: MiB(afterGc.rssKiB),
      peakRssMiB: MiB(afterGc.hwmKiB),
      rssBeforeClientsMiB: MiB(base.rssKiB),
      rssAfterClientsLeftMiB: MiB(gone.rssKiB),
      perClientKiB: round((loaded.rssKiB - gone.rssKiB) / Math.max(1, clients)),
      heapUsedAfterClientsLeftMiB: round(gone.heapUsedMiB),
      heapUsedMiB: round(afterGc.heapUsedMiB),
      connectMs: round(connectMs),
      targetMiB: 1024,
    });
    summary.serverRssMiB5000Clients = MiB(loaded.rssKiB);
  } finally {
    closeSockets(sockets);
    await server.stop();
  }
}

// ---------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const started = performance.now();
  emit({ bench: 'start', mode: QUICK ? 'quick: reduced sizes (summary keys keep their names but are measured at these sizes)' : 'full', sizes: SIZES, cpus: (await import('node:os')).cpus().length });
  const summary: Record<string, number> = {
    initialSync100kMs: NaN,
    rawBulkPut100kMs: NaN,
    initialSyncOverRaw: NaN,
    latencyP50Ms: NaN,
    latencyP99Ms: NaN,
    mutationsPerSecPglite: NaN,
    mutationsPerSecPostgres: NaN,
    serverRssMiB5000Clients: NaN,
  };
  const benches: Array<[string, (s: Record<string, number>) => Promise<void>]> = [
    ['initialSync', benchInitialSync],
    ['latency', benchLatency],
    ['throughput', benchThroughput],
    ['memory', benchMemory],
  ];
  let failed = false;
  for (const [name, run] of benches) {
    if (!wanted(name)) continue;
    const t0 = performance.now();
    try {
      await run(summary);
    } catch (err) {
      failed = true;
      emit({ bench: name, error: err instanceof Error ? err.message : String(err) });
    }
    emit({ bench: name, phase: 'done', seconds: round((performance.now() - t0) / 1000) });
  }
  await (await postgres)?.stop();
  emit({ bench: 'end', seconds: round((performance.now() - started) / 1000) });
  // NaN is not JSON: a benchmark that did not run reports null.
  console.log(JSON.stringify({ summary: Object.fromEntries(Object.entries(summary).map(([k, v]) => [k, Number.isFinite(v) ? v : null])) }));
  process.exit(failed ? 1 : 0);
}

void main();
