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
import { liveQuery } from 'dexie';
import { chromium, type Browser } from 'playwright-core';
import type { Socket } from 'socket.io-client';
import { build } from 'vite';
import type { PullPage } from '../../renderer/db';
import { startPostgres } from '../support/postgres';
import { closeSockets, connectSyncClient, openIdleSockets, RawPusher, tokensFor, withTimeout, type NodeSyncClient } from './clients';
import { BENCH_READER, benchLeave } from './docs';
import type { InitialSyncResult, RawBulkPutResult } from './page/main';
import { BENCH_PASSWORD, startServerChild, type ServerChild } from './serverChild';

const argv = process.argv.slice(2);
const QUICK = argv.includes('--quick');
const ONLY = argv.find((a) => a.startsWith('--only='))?.slice('--only='.length).split(',') ?? null;
const CHROMIUM = process.env.BUREAU_CHROMIUM ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];

const SIZES = QUICK
  ? { initialSync: [2_000, 10_000], latencyChanges: 50, latencyIdle: 200, throughputClients: 50, throughputPerClient: 10, memoryClients: 1_000 }
  : { initialSync: [10_000, 100_000], latencyChanges: 200, latencyIdle: 1_000, throughputClients: 50, throughputPerClient: 60, memoryClients: 5_000 };

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

/** A leave.submit of one working day: the requester's manager is its only approver. */
const submit = (id: string) => ({
  name: 'leave.submit' as const,
  args: { id, type: 'annual' as const, startDate: '2026-03-02', startHalf: 'am' as const, endDate: '2026-03-02', endHalf: 'pm' as const, reason: '回老家探望父母 bench' },
});

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
      const raw: RawBulkPutResult = await page.evaluate(() => window.bench.rawBulkPut());
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
      emit({ bench: 'rawBulkPut', n, documents: raw.documents, ms: round(rawMs), chunked1000Ms: round(raw.chunked1000Ms), note: 'one Dexie transaction, bulkPut per table, same schema, same browser, no network' });
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

async function benchLatency(summary: Record<string, number>): Promise<void> {
  const server = await startServerChild({ db: 'pglite' });
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

    // Timestamps along the road, from instrumentation of these two instances only.
    let acked = 0;
    let poked = 0;
    let pulled = 0;
    let applied = 0;
    const recordResults = A.store.recordResults.bind(A.store);
    A.store.recordResults = async (...args) => {
      acked = performance.now();
      return recordResults(...args);
    };
    (B.engine as unknown as { socket: Socket }).socket.on('sync:poke', () => {
      poked ||= performance.now();
    });
    const applyPull = B.store.applyPull.bind(B.store);
    B.store.applyPull = async (page: PullPage) => {
      pulled ||= performance.now();
      await applyPull(page);
      applied ||= performance.now();
    };

    const total: number[] = [];
    const parts = { mutate: [] as number[], pushAcked: [] as number[], bPoked: [] as number[], bPullAnswered: [] as number[], bApplied: [] as number[] };
    const WARMUP = 10;
    for (let i = 0; i < WARMUP + SIZES.latencyChanges; i++) {
      const id = `lat-${i}`;
      let subscription: { unsubscribe(): void } | null = null;
      let ready!: () => void;
      const subscribed = new Promise<void>((r) => (ready = r));
      const seen = new Promise<number>((resolve) => {
        subscription = liveQuery(() => B.store.db.leaveRequests.get(id)).subscribe({
          next: (doc) => {
            if (doc) resolve(performance.now());
            else ready();
          },
        });
      });
      await subscribed;
      acked = poked = pulled = applied = 0;
      const m = submit(id);
      const t0 = performance.now();
      await A.store.mutate(m.name, m.args);
      const tMutated = performance.now();
      const tSeen = await withTimeout(seen, 10_000, `change ${id} to reach B`);
      (subscription as { unsubscribe(): void } | null)?.unsubscribe();
      if (i >= WARMUP) {
        total.push(tSeen - t0);
        parts.mutate.push(tMutated - t0);
        if (acked) parts.pushAcked.push(acked - t0);
        if (poked) parts.bPoked.push(poked - t0);
        if (pulled) parts.bPullAnswered.push(pulled - t0);
        if (applied) parts.bApplied.push(applied - t0);
      }
      await Promise.all([A.engine.whenIdle(), B.engine.whenIdle()]);
    }
    const s = stats(total);
    emit({
      bench: 'latency',
      changes: SIZES.latencyChanges,
      idleClients: SIZES.latencyIdle,
      clients: 'A (wangqiang) and B (lina): Node sync clients, production LocalStore + SyncEngine on fake-indexeddb, in the bench process',
      idle: `socket.io-client sockets signed in as ${BYSTANDERS.join(', ')} (cannot read the changes, never poked)`,
      change: "leave.submit by A; B is the request's approver",
      measured: "A's store.mutate() call until a Dexie liveQuery on B's database shows the document",
      server: 'child process, PGlite in a data folder',
      ms: s,
      breakdownP50Ms: Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, stats(v).p50])),
      targetP50Ms: 5,
      targetP99Ms: 25,
    });
    summary.latencyP50Ms = s.p50;
    summary.latencyP99Ms = s.p99;
  } finally {
    a?.close();
    b?.close();
    closeSockets(idle);
    await server.stop();
  }
}

// ---------------------------------------------------------------------------------------------

const PUSHERS = ['wangqiang', 'zhaomin', 'chenjing', 'sunlei', 'lina', 'liuyang', 'zhouting', 'yangfan'];

async function throughputOn(db: string): Promise<{ rate: number; applied: number; ms: number; latency: ReturnType<typeof stats> }> {
  const server = await startServerChild({ db });
  const pushers: RawPusher[] = [];
  try {
    const tokens = await tokensFor(server.url, PUSHERS);
    for (let i = 0; i < SIZES.throughputClients; i++) pushers.push(await RawPusher.connect(server.url, tokens.get(PUSHERS[i % PUSHERS.length] as string) as string));
    // Warm-up: every client's row exists and every code path has run once.
    await Promise.all(pushers.map((p, i) => p.push([submit(`warm-${i}`)])));
    let applied = 0;
    const each: number[] = [];
    const t0 = performance.now();
    await Promise.all(
      pushers.map(async (p, i) => {
        for (let k = 0; k < SIZES.throughputPerClient; k++) {
          const s = performance.now();
          applied += await p.push([submit(`tp-${i}-${k}`)]);
          each.push(performance.now() - s);
        }
      }),
    );
    const ms = performance.now() - t0;
    const expected = SIZES.throughputClients * SIZES.throughputPerClient;
    if (applied !== expected) throw new Error(`throughput: ${applied} of ${expected} mutations applied`);
    return { rate: Math.round(applied / (ms / 1000)), applied, ms: round(ms), latency: stats(each) };
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
    client: 'raw socket.io-client pushers (sync protocol, no local store, no pulls), one leave.submit per push request, each client sends its next push when the previous is acked',
    users: PUSHERS.join(', '),
  };
  const pglite = await throughputOn('pglite');
  emit({ ...common, backend: 'pglite', server: 'child process, PGlite in a data folder', mutationsPerSec: pglite.rate, applied: pglite.applied, ms: pglite.ms, pushMs: pglite.latency, target: 1000 });
  summary.mutationsPerSecPglite = pglite.rate;

  const pg = await startPostgres();
  if (!pg) {
    emit({ bench: 'throughput', backend: 'postgres', skipped: 'PostgreSQL is not installed (apt-get install -y postgresql)' });
    summary.mutationsPerSecPostgres = NaN;
    return;
  }
  try {
    const url = await pg.createDatabase('bureau_bench');
    const res = await throughputOn(url);
    emit({ ...common, backend: 'postgres', server: 'child process, throwaway PostgreSQL (fsync=off, synchronous_commit=off), pool of 10', mutationsPerSec: res.rate, applied: res.applied, ms: res.ms, pushMs: res.latency, target: 3000 });
    summary.mutationsPerSecPostgres = res.rate;
  } finally {
    await pg.stop();
  }
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
    const base = await server.memory();
    const tokens = await tokensFor(server.url, EVERYONE);
    const t0 = performance.now();
    sockets = await openIdleSockets(server.url, [...tokens.values()], clients, 100);
    const connectMs = performance.now() - t0;
    await sleep(3_000);
    const loaded = await server.memory();
    const afterGc = await server.memory({ gc: true });
    const MiB = (kib: number) => round(kib / 1024);
    emit({
      bench: 'memory',
      clients,
      idle: `socket.io-client sockets from the bench process, signed in as the 12 demo users in turn, ${100} handshakes at a time`,
      server: 'child process, PGlite in a data folder; VmRSS from /proc/<pid>/status',
      rssMiB: MiB(loaded.rssKiB),
      rssAfterGcMiB: MiB(afterGc.rssKiB),
      peakRssMiB: MiB(afterGc.hwmKiB),
      rssWithNoClientsMiB: MiB(base.rssKiB),
      perClientKiB: round((loaded.rssKiB - base.rssKiB) / Math.max(1, clients)),
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
  emit({ bench: 'end', seconds: round((performance.now() - started) / 1000) });
  // NaN is not JSON: a benchmark that did not run reports null.
  console.log(JSON.stringify({ summary: Object.fromEntries(Object.entries(summary).map(([k, v]) => [k, Number.isFinite(v) ? v : null])) }));
  process.exit(failed ? 1 : 0);
}

void main();
