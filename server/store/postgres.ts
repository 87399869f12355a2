import { createHash } from 'node:crypto';
import pg from 'pg';
import type { Database, Queryable, TransactionOptions } from './database';

/** A real PostgreSQL through a connection pool (DATABASE_URL). */
export async function openPostgres(url: string, poolSize = 10): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // A broken idle connection must not crash the server; the next query gets a fresh one.
  pool.on('error', () => {});
  const check = await pool.connect();
  check.release();
  // Parameterized statements are prepared once per connection under a name derived from their
  // text: the hot sync statements then skip parsing and planning on every call.
  const names = new Map<string, string>();
  const nameOf = (sql: string) => {
    let name = names.get(sql);
    if (!name) {
      name = `b${createHash('sha1').update(sql).digest('hex').slice(0, 16)}`;
      names.set(sql, name);
    }
    return name;
  };
  const asQueryable = (c: pg.Pool | pg.PoolClient): Queryable => ({
    async query(sql, params) {
      const res = params && params.length > 0 ? await c.query({ name: nameOf(sql), text: sql, values: [...params] }) : await c.query(sql);
      return { rows: res.rows };
    },
    async exec(sql) {
      await c.query(sql);
    },
  });
  return {
    kind: 'postgres',
    ...asQueryable(pool),
    async transaction(fn, options?: TransactionOptions) {
      const client = await pool.connect();
      let broken = false;
      // A connection that dies mid-transaction (database restart) emits 'error' on the checked
      // out client; unheard, that would crash the server. The query in flight fails instead.
      const onError = () => {
        broken = true;
      };
      client.on('error', onError);
      try {
        await client.query(options?.snapshot ? 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY' : 'BEGIN');
        const result = await fn(asQueryable(client));
        await client.query('COMMIT');
        return result;
      } catch (err) {
        await client.query('ROLLBACK').catch(() => {
          broken = true;
        });
        throw err;
      } finally {
        client.off('error', onError);
        client.release(broken);
      }
    },
    async close() {
      await pool.end();
    },
  };
}
