// Several server nodes sharing one PostgreSQL (DESIGN.md section 4). socket.io's PostgreSQL
// adapter carries every room broadcast and disconnect (pokes, session revocations) to the
// sockets held by the other nodes, over LISTEN/NOTIFY in the shared database. Nodes are
// interchangeable: no node id, no leader, nothing to configure but DATABASE_URL.
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { createAdapter } from '@socket.io/postgres-adapter';
import pg from 'pg';
import type { ServerOptions } from './app';
import type { Logger } from './log';
import type { DatabaseConfig } from './store/open';
import type { BureauServer } from './sync/socket';

export interface ClusterOptions {
  url: string;
  log: Logger;
  /** How long to wait for the adapter's LISTEN before starting anyway (it keeps retrying). */
  listenTimeoutMs?: number;
}

/**
 * The `configureIo` hook for a database: with PostgreSQL a node always joins the cluster (of
 * one or more nodes); the embedded PGlite belongs to one process, so there is nothing to join.
 */
export function clusterHook(database: DatabaseConfig, log: Logger): ServerOptions['configureIo'] {
  if (database.kind !== 'postgres') return undefined;
  return (io) => joinCluster(io, { url: database.url, log });
}

/**
 * Installs the PostgreSQL adapter on `io` and resolves once this node receives the others'
 * broadcasts, with what undoes it (to run after io is closed).
 */
export async function joinCluster(io: BureauServer, { url, log, listenTimeoutMs = 5000 }: ClusterOptions): Promise<() => Promise<void>> {
  // Named so operators can tell the nodes' connections apart in pg_stat_activity.
  const applicationName = `bureau-sync ${hostname()} ${process.pid} ${randomBytes(3).toString('hex')}`;
  // Two connections: the adapter keeps one checked out for LISTEN; the other publishes, so a
  // node's broadcasts (a revocation's event, then its disconnect) leave in the order sent.
  const pool = new pg.Pool({ connectionString: url, max: 2, application_name: applicationName, keepAlive: true });
  pool.on('error', (err) => log.warn('cluster connection lost', { error: err.message }));
  let closed = false;
  pool.on('connect', (client) => {
    // The LISTEN connection stays checked out, so the pool neither watches it for errors nor
    // frees its slot when it dies; the adapter only reconnects (on 'end'). Do both here.
    client.on('error', (err) => log.warn('cluster connection lost', { error: err.message }));
    client.once('end', () => {
      try {
        client.release(true);
      } catch {
        return; // It was not checked out (the pool has dropped it): not the listener.
      }
      // Until the adapter listens again, other nodes' pokes for our sockets are lost: once it
      // does, every local client pulls whatever it may have missed.
      void waitUntilListening(pool, applicationName, { intervalMs: 500, stop: () => closed }).then((ok) => {
        if (!ok) return;
        log.info('cluster: listening again; local clients pull what they may have missed');
        io.local.emit('sync:poke');
      });
    });
  });

  io.adapter(createAdapter(pool, { errorHandler: (err) => log.warn('cluster adapter error', { error: err.message }) }));
  if (!(await waitUntilListening(pool, applicationName, { intervalMs: 20, timeoutMs: listenTimeoutMs }))) {
    log.warn('cluster: not yet listening for other nodes; the adapter keeps retrying', { timeoutMs: listenTimeoutMs });
  }
  return () => {
    closed = true;
    return pool.end();
  };
}

/** True once PostgreSQL shows this node's LISTEN done (the adapter has no ready signal). */
async function waitUntilListening(
  pool: pg.Pool,
  applicationName: string,
  { intervalMs, timeoutMs = Infinity, stop = () => false }: { intervalMs: number; timeoutMs?: number; stop?: () => boolean },
): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && !stop()) {
    const { rows } = await pool
      .query<{ n: number }>(
        "SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = $1 AND state = 'idle' AND query LIKE 'LISTEN %'",
        [applicationName],
      )
      .catch(() => ({ rows: [] }));
    if ((rows[0]?.n ?? 0) > 0) return true;
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  return false;
}
