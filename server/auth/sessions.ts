// Session tokens: 256 random bits given to the client once; the server keeps only their
// SHA-256, so a database dump does not yield usable tokens.
import { createHash, randomBytes } from 'node:crypto';
import type { Queryable } from '../store/database';

export interface Session {
  tokenHash: string;
  userId: string;
  expiresAt: Date;
}

export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

export async function createSession(tx: Queryable, userId: string, ttlMs: number, now = new Date()): Promise<{ token: string; session: Session }> {
  const token = randomBytes(32).toString('base64url');
  const session = { tokenHash: hashToken(token), userId, expiresAt: new Date(now.getTime() + ttlMs) };
  await tx.query('INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES ($1, $2, $3, $4)', [
    session.tokenHash,
    userId,
    now.toISOString(),
    session.expiresAt.toISOString(),
  ]);
  return { token, session };
}

/** The live session for a token, or null if unknown, expired, revoked or the account disabled. */
export function findSession(db: Queryable, token: string, now = new Date()): Promise<Session | null> {
  return findSessionByHash(db, hashToken(token), now);
}

export async function findSessionByHash(db: Queryable, tokenHash: string, now = new Date()): Promise<Session | null> {
  const row = (
    await db.query<{ token_hash: string; user_id: string; expires_at: Date | string }>(
      `SELECT s.token_hash, s.user_id, s.expires_at FROM sessions s JOIN accounts a ON a.user_id = s.user_id
       WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > $2 AND NOT a.disabled`,
      [tokenHash, now.toISOString()],
    )
  ).rows[0];
  return row ? { tokenHash: row.token_hash, userId: row.user_id, expiresAt: new Date(row.expires_at) } : null;
}

export async function revokeSession(tx: Queryable, tokenHash: string, now = new Date()): Promise<boolean> {
  const { rows } = await tx.query('UPDATE sessions SET revoked_at = $2 WHERE token_hash = $1 AND revoked_at IS NULL RETURNING token_hash', [tokenHash, now.toISOString()]);
  return rows.length > 0;
}

/** Revokes every session of a user; returns the revoked token hashes (to disconnect sockets). */
export async function revokeUserSessions(tx: Queryable, userId: string, now = new Date()): Promise<string[]> {
  const { rows } = await tx.query<{ token_hash: string }>(
    'UPDATE sessions SET revoked_at = $2 WHERE user_id = $1 AND revoked_at IS NULL RETURNING token_hash',
    [userId, now.toISOString()],
  );
  return rows.map((r) => r.token_hash);
}
