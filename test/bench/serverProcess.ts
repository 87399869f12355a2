// A Bureau server in its own process for the benchmarks, so that its CPU and resident memory
// are its own and not the bench clients'. Started by serverChild.ts with an IPC channel:
//   env BENCH_DB = 'pglite' (in a data folder, as in production) | 'pglite-memory' | a postgres:// URL
//   env BENCH_STATIC = folder served at / (the bench page), or unset
//   env BENCH_PASSWORD = password of every demo account
// Messages in: seed (leave requests written with writeDocuments), rss, gc, stop.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../../server/app';
import { silentLogger } from '../../server/log';
import { writeDocuments } from '../../server/store/documents';
import type { DatabaseConfig } from '../../server/store/open';
import { benchLeave } from './docs';

export type ToServer =
  | { type: 'seed'; from: number; count: number; docsPerSeq: number; docsPerTx: number }
  | { type: 'rss' }
  | { type: 'gc' }
  | { type: 'stop' };

export type FromServer =
  | { type: 'ready'; url: string; pid: number }
  | { type: 'seeded'; count: number; ms: number }
  | { type: 'rss'; rssKiB: number; hwmKiB: number; heapUsedMiB: number }
  | { type: 'gc' }
  | { type: 'error'; message: string };

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
  const server = await startServer({
    database,
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
        case 'gc':
          (globalThis as { gc?: () => void }).gc?.();
          send({ type: 'gc' });
          break;
        case 'stop':
          await server.close();
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

main().catch((err: unknown) => {
  send({ type: 'error', message: err instanceof Error ? (err.stack ?? err.message) : String(err) });
  process.exit(1);
});
