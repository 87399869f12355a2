import { PGlite } from '@electric-sql/pglite';
import type { Database, Queryable, QueryResult, TransactionOptions } from './database';
import { lockDataDir } from './dataDirLock';

/** Embedded PostgreSQL in a data folder (or in memory when dataDir is null). */
export async function openPglite(dataDir: string | null): Promise<Database> {
  const unlock = dataDir ? lockDataDir(dataDir) : () => {};
  let pg: PGlite;
  try {
    pg = dataDir ? new PGlite(dataDir) : new PGlite();
    await pg.waitReady;
  } catch (err) {
    unlock();
    throw err;
  }
  const query = async <R>(q: Pick<PGlite, 'query'>, sql: string, params?: readonly unknown[]): Promise<QueryResult<R>> => {
    const res = await q.query<R>(sql, params ? [...params] : undefined);
    return { rows: res.rows };
  };
  return {
    kind: 'pglite',
    query: (sql, params) => query(pg, sql, params),
    async exec(sql) {
      await pg.exec(sql);
    },
    // PGlite has one connection and serializes transactions itself, so every transaction is
    // already a consistent snapshot.
    transaction<T>(fn: (tx: Queryable) => Promise<T>, _options?: TransactionOptions): Promise<T> {
      return pg.transaction((tx) =>
        fn({
          query: (sql, params) => query(tx, sql, params),
          exec: async (sql) => {
            await tx.exec(sql);
          },
        }),
      );
    },
    async close() {
      await pg.close();
      unlock();
    },
  };
}
