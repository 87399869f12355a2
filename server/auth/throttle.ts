// Sign-in throttling, kept in the database so every server node sees the same counts. Both the
// account name and the address are counted: guessing one account from many machines and many
// accounts from one machine are both slowed down.
import type { Queryable } from '../store/database';

export interface ThrottlePolicy {
  maxFailures: number;
  windowMs: number;
  lockMs: number;
}

export const defaultThrottle: ThrottlePolicy = { maxFailures: 5, windowMs: 15 * 60_000, lockMs: 15 * 60_000 };

/** Seconds until sign-in may be tried again for any of the keys, or 0. */
export async function lockedFor(db: Queryable, keys: readonly string[], now = new Date()): Promise<number> {
  const { rows } = await db.query<{ locked_until: Date | string | null }>(
    'SELECT locked_until FROM login_attempts WHERE key = ANY($1) AND locked_until > $2',
    [[...keys], now.toISOString()],
  );
  const until = Math.max(0, ...rows.map((r) => (r.locked_until ? new Date(r.locked_until).getTime() : 0)));
  return until > now.getTime() ? Math.ceil((until - now.getTime()) / 1000) : 0;
}

export async function recordFailure(tx: Queryable, keys: readonly string[], policy: ThrottlePolicy = defaultThrottle, now = new Date()): Promise<void> {
  for (const key of keys) {
    const row = (await tx.query<{ failures: number; window_start: Date | string }>('SELECT failures, window_start FROM login_attempts WHERE key = $1 FOR UPDATE', [key])).rows[0];
    const fresh = !row || now.getTime() - new Date(row.window_start).getTime() > policy.windowMs;
    const failures = fresh ? 1 : row.failures + 1;
    const lockedUntil = failures >= policy.maxFailures ? new Date(now.getTime() + policy.lockMs).toISOString() : null;
    await tx.query(
      `INSERT INTO login_attempts (key, failures, window_start, locked_until) VALUES ($1, $2, $3, $4)
       ON CONFLICT (key) DO UPDATE SET failures = EXCLUDED.failures, window_start = EXCLUDED.window_start, locked_until = EXCLUDED.locked_until`,
      [key, failures, fresh ? now.toISOString() : new Date(row.window_start).toISOString(), lockedUntil],
    );
  }
}

export async function clearFailures(tx: Queryable, keys: readonly string[]): Promise<void> {
  await tx.query('DELETE FROM login_attempts WHERE key = ANY($1)', [[...keys]]);
}
