// Guarantee 1 under the harshest fault: the server process is killed with SIGKILL in the middle
// of clients' push batches, again and again, and restarted on the same port. Every mutation
// the clients acknowledged to their users must take effect exactly once, and everyone
// converges. Runs on the embedded PGlite data folder and on PostgreSQL.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it, onTestFailed } from 'vitest';
import { BACKENDS, freshDatabase, type Backend } from '../support/backends';
import { DEMO_PASSWORD, connectClient, type TestClient } from '../support/harness';
import { freePort } from '../support/postgres';
import { randomId } from '../../renderer/db';
import { openDatabase, type DatabaseConfig } from '../../server/store/open';
import { addDays } from '../../shared/calendar/dates';
import { MutationRejected } from '../../shared/mutators';
import { check, type Tracked } from './support/checker';
import { runSeed, seededRandom } from './support/random';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const KILLS = Number(process.env.FAULT_KILLS ?? 6);

/** The real server command, as an operator runs it, in its own process. */
async function startNode(port: number, config: DatabaseConfig, dataDir: string): Promise<ChildProcess> {
  const env: NodeJS.ProcessEnv = { ...process.env, BUREAU_LOG_LEVEL: 'warn' };
  if (config.kind === 'postgres') env.DATABASE_URL = config.url;
  else delete env.DATABASE_URL;
  // Node itself with tsx as a loader, not the tsx wrapper: SIGKILL must hit the server process.
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/cli/start.ts', '--no-client', '--port', String(port), '--data-dir', dataDir, '--demo-password', DEMO_PASSWORD], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 60_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Bureau server ready')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`server exited (${code}) before it was ready:\n${output}`)));
  });
  return child;
}

function kill9(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

describe.each(BACKENDS)('server killed with SIGKILL mid-batch, restarted %#x (%s)', (backend: Backend) => {
  const seed = runSeed();
  const rng = seededRandom(seed);
  let node: ChildProcess | null = null;
  let dir = '';
  const tracked: Tracked[] = [];

  afterAll(async () => {
    for (const t of tracked) t.client.close();
    if (node) await kill9(node);
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it(`G1: exactly once across ${KILLS} kills, and everyone converges`, async () => {
    onTestFailed(() => console.error(`[fault] serverKill (${backend}) failed: replay with FAULT_SEED=${seed}`));
    dir = await mkdtemp(join(tmpdir(), 'bureau-kill-'));
    const config = backend === 'pglite' ? ({ kind: 'pglite', dataDir: join(dir, 'pglite') } as const) : await freshDatabase('postgres');
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    node = await startNode(port, config, dir);
    for (const username of ['wangqiang', 'zhaomin', 'chenjing', 'lina']) {
      const client: TestClient = await connectClient(url, username, undefined, { ackTimeoutMs: 1500, settleTimeoutMs: 60_000 });
      tracked.push({ client, acknowledged: [] });
    }
    await Promise.all(tracked.map((t) => t.client.settle()));

    let day = 0;
    let killedMidBatch = 0;
    for (let round = 0; round < KILLS; round++) {
      // Work piles up offline, then every client pushes its batch at once...
      for (const t of tracked) t.client.engine.stop();
      for (const t of tracked) {
        for (let i = 0; i < rng.int(5, 25); i++) {
          const start = addDays('2026-01-05', (day += 1) % 330);
          try {
            // Personal leave: no balance runs out however many rounds there are.
            t.acknowledged.push(await t.client.store.mutate('leave.submit', { id: randomId(), type: 'personal', startDate: start, startHalf: 'am', endDate: start, endHalf: 'pm', reason: `第${round}轮` }));
          } catch (err) {
            if (!(err instanceof MutationRejected)) throw err; // a weekend, a holiday, a day already taken: refused on the spot
          }
        }
      }
      const queued = await Promise.all(tracked.map((t) => t.client.store.pendingCount()));
      for (const t of tracked) t.client.engine.start();
      // ...and the server dies in the middle of it: once some of the work has been applied
      // (an outbox shrank), after a random extra moment, while work is still queued.
      const progressed = async () => (await Promise.all(tracked.map((t, i) => t.client.store.pendingCount().then((n) => n < (queued[i] ?? 0))))).some(Boolean);
      const deadline = Date.now() + 20_000;
      while (!(await progressed()) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
      await new Promise((r) => setTimeout(r, rng.int(0, 40)));
      const left = (await Promise.all(tracked.map((t) => t.client.store.pendingCount()))).reduce((a, b) => a + b, 0);
      if (left > 0) killedMidBatch++;
      await kill9(node);
      node = await startNode(port, config, dir);
    }
    await Promise.all(tracked.map((t) => t.client.settle()));
    for (const t of tracked) t.client.engine.syncNow();
    await Promise.all(tracked.map((t) => t.client.settle()));

    await kill9(node);
    node = null;
    const db = await openDatabase(config);
    try {
      const report = await check(db, tracked);
      console.log(JSON.stringify({ fault: 'serverKill', backend, seed, kills: KILLS, killedMidBatch, ...report, checksums: undefined }));
      expect(report.problems).toEqual([]);
      expect(killedMidBatch).toBeGreaterThanOrEqual(Math.ceil(KILLS / 3));
      expect(report.applied).toBe(report.mutations);
    } finally {
      await db.close();
    }
  });
});
