// Signing in and out. Unknown user and wrong password get the same answer after the same
// work; repeated failures lock the account name and the address for a while.
import type { User } from '../../shared/domain/directory';
import type { ReasonCode } from '../../shared/i18n/reasons';
import { appendAudit } from '../audit/log';
import type { Database } from '../store/database';
import { verifyPassword } from './passwords';
import { createSession, findSession, revokeSession } from './sessions';
import { clearFailures, lockedFor, recordFailure, type ThrottlePolicy, defaultThrottle } from './throttle';

/** How many more failures an address may have than a single account. */
const ADDRESS_FACTOR = 6;

export type LoginOutcome =
  | { ok: true; token: string; expiresAt: Date; user: User }
  | { ok: false; error: Extract<ReasonCode, 'auth.invalid_credentials' | 'auth.too_many_attempts' | 'auth.account_disabled'>; retryAfterSeconds?: number };

export interface LoginOptions {
  sessionTtlMs: number;
  throttle?: ThrottlePolicy;
  now?: Date;
}

export async function login(db: Database, username: string, password: string, address: string, options: LoginOptions): Promise<LoginOutcome> {
  const now = options.now ?? new Date();
  const name = username.trim().toLowerCase();
  const userKey = `user:${name}`;
  const addressKey = `addr:${address}`;
  const keys = [userKey, addressKey];
  const wait = await lockedFor(db, keys, now);
  if (wait > 0) {
    await db.transaction((tx) => appendAudit(tx, { actorId: null, kind: 'login.failed', detail: { username: name, address, why: 'throttled' } }));
    return { ok: false, error: 'auth.too_many_attempts', retryAfterSeconds: wait };
  }
  const account = (
    await db.query<{ user_id: string; password_hash: string; disabled: boolean; data: User | null }>(
      `SELECT a.user_id, a.password_hash, a.disabled, d.data FROM accounts a
       LEFT JOIN documents d ON d.collection = 'users' AND d.id = a.user_id WHERE lower(a.username) = $1`,
      [name],
    )
  ).rows[0];
  const valid = await verifyPassword(password, account?.password_hash ?? null);
  if (!valid || !account || !account.data) {
    await db.transaction(async (tx) => {
      const policy = options.throttle ?? defaultThrottle;
      await recordFailure(tx, [userKey], policy, now);
      // A whole office may sit behind one address: it gets more tries than one account.
      await recordFailure(tx, [addressKey], { ...policy, maxFailures: policy.maxFailures * ADDRESS_FACTOR }, now);
      await appendAudit(tx, { actorId: account?.user_id ?? null, kind: 'login.failed', detail: { username: name, address, why: 'credentials' } });
    });
    return { ok: false, error: 'auth.invalid_credentials' };
  }
  if (account.disabled) {
    // Only said after the right password, so it does not reveal which accounts exist.
    await db.transaction((tx) => appendAudit(tx, { actorId: account.user_id, kind: 'login.failed', detail: { username: name, address, why: 'disabled' } }));
    return { ok: false, error: 'auth.account_disabled' };
  }
  const user = account.data;
  return db.transaction(async (tx) => {
    await clearFailures(tx, keys);
    const { token, session } = await createSession(tx, user.id, options.sessionTtlMs, now);
    await appendAudit(tx, { actorId: user.id, kind: 'login.succeeded', detail: { address } });
    return { ok: true as const, token, expiresAt: session.expiresAt, user };
  });
}

/** Ends the session of a token. Returns the token hash that was revoked, if any. */
export async function logout(db: Database, token: string): Promise<string | null> {
  const session = await findSession(db, token);
  if (!session) return null;
  return db.transaction(async (tx) => {
    if (!(await revokeSession(tx, session.tokenHash))) return null;
    await appendAudit(tx, { actorId: session.userId, kind: 'logout', detail: {} });
    return session.tokenHash;
  });
}
