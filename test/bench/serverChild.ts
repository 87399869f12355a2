// Starts serverProcess.ts as a child process and talks to it over IPC.
import { fork, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { DbStats, FromServer, PullProbe, ToServer } from './serverProcess';

export const BENCH_PASSWORD = 'bench-password-1';

export interface ServerChild {
  url: string;
  pid: number;
  /** Writes leave requests benchLeave(from) .. benchLeave(from + count - 1) with writeDocuments. */
  seed(from: number, count: number, options?: { docsPerSeq?: number; docsPerTx?: number }): Promise<number>;
  /** A fresh client's whole pull as the server runs it, timed inside the server. */
  pullProbe(userId: string): Promise<PullProbe>;
  /** Database time by kind of work since the last call (and resets it). */
  dbStats(): Promise<DbStats>;
  /** CPU time (user + system) the server process has used so far, in seconds. */
  cpuSeconds(): number;
  memory(options?: { gc?: boolean }): Promise<{ rssKiB: number; hwmKiB: number; heapUsedMiB: number }>;
  stop(): Promise<void>;
}

export interface ServerChildOptions {
  /** 'pglite' (data folder in tmp), 'pglite-memory', or a postgres:// URL. */
  db: string;
  staticDir?: string;
  /** Extra node flags, e.g. ['--cpu-prof', '--cpu-prof-dir=/tmp/prof']. BENCH_SERVER_NODE_FLAGS adds more. */
  nodeFlags?: string[];
}

export async function startServerChild(options: ServerChildOptions): Promise<ServerChild> {
  const extra = process.env.BENCH_SERVER_NODE_FLAGS?.split(/\s+/).filter(Boolean) ?? [];
  const child: ChildProcess = fork(fileURLToPath(new URL('./serverProcess.ts', import.meta.url)), [], {
    execArgv: ['--import', 'tsx', '--expose-gc', ...(options.nodeFlags ?? []), ...extra],
    env: {
      ...process.env,
      BENCH_DB: options.db,
      BENCH_PASSWORD,
      ...(options.staticDir ? { BENCH_STATIC: options.staticDir } : {}),
    },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const waiters: Array<(m: FromServer) => boolean> = [];
  let exited: Error | null = null;
  child.on('message', (m: FromServer) => {
    if (m.type === 'error') console.error(`[bench server] ${m.message}`);
    const i = waiters.findIndex((w) => w(m));
    if (i >= 0) waiters.splice(i, 1);
  });
  const expect = <T extends FromServer['type']>(type: T, timeoutMs = 600_000): Promise<Extract<FromServer, { type: T }>> =>
    new Promise((resolve, reject) => {
      if (exited) return reject(exited);
      const timer = setTimeout(() => reject(new Error(`bench server: no ${type} within ${timeoutMs} ms`)), timeoutMs);
      const onExit = () => reject(exited ?? new Error('bench server exited'));
      child.once('exit', onExit);
      waiters.push((m) => {
        if (m.type === 'error') {
          clearTimeout(timer);
          child.off('exit', onExit);
          reject(new Error(m.message));
          return true;
        }
        if (m.type !== type) return false;
        clearTimeout(timer);
        child.off('exit', onExit);
        resolve(m as Extract<FromServer, { type: T }>);
        return true;
      });
    });
  child.once('exit', (code, signal) => {
    exited = new Error(`bench server exited (${signal ?? code})`);
  });
  const tell = (m: ToServer) => child.send(m);

  const ready = await expect('ready', 120_000);
  return {
    url: ready.url,
    pid: ready.pid,
    async seed(from, count, o = {}) {
      const done = expect('seeded');
      tell({ type: 'seed', from, count, docsPerSeq: o.docsPerSeq ?? 1, docsPerTx: o.docsPerTx ?? 1000 });
      return (await done).ms;
    },
    async dbStats() {
      const res = expect('dbStats');
      tell({ type: 'dbStats' });
      return (await res).stats;
    },
    cpuSeconds() {
      // /proc/<pid>/stat: utime and stime are fields 14 and 15, in clock ticks (100 per second).
      const stat = readFileSync(`/proc/${ready.pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      return (Number(fields[11]) + Number(fields[12])) / 100;
    },
    async pullProbe(userId) {
      const res = expect('pullProbe');
      tell({ type: 'pullProbe', userId });
      const { type: _type, ...probe } = await res;
      return probe;
    },
    async memory(o = {}) {
      if (o.gc) {
        const gcDone = expect('gc');
        tell({ type: 'gc' });
        await gcDone;
      }
      const res = expect('rss');
      tell({ type: 'rss' });
      const { rssKiB, hwmKiB, heapUsedMiB } = await res;
      return { rssKiB, hwmKiB, heapUsedMiB };
    },
    async stop() {
      if (exited) return;
      const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      tell({ type: 'stop' });
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await gone;
      clearTimeout(timer);
    },
  };
}
