// server/store is the only place that speaks SQL. One interface over PGlite (embedded
// default) and PostgreSQL (production): the same SQL and migrations run on both.
export interface QueryResult<R> {
  rows: R[];
}

export interface Queryable {
  query<R = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<QueryResult<R>>;
  /** Runs statements separated by semicolons, without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

export interface TransactionOptions {
  /** A consistent read-only snapshot (REPEATABLE READ READ ONLY), for pulls. */
  snapshot?: boolean;
}

export interface Database extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  transaction<T>(fn: (tx: Queryable) => Promise<T>, options?: TransactionOptions): Promise<T>;
  close(): Promise<void>;
}

/** bigint columns arrive as string (pg) or bigint (PGlite); our counters fit in a double. */
export function toNumber(value: unknown): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint' || typeof value === 'string') return Number(value);
  throw new TypeError(`not a number: ${String(value)}`);
}

/** Errors worth retrying the whole transaction for: serialization failure, deadlock, unique race. */
export function isRetryable(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return code === '40001' || code === '40P01' || code === '23505';
}
