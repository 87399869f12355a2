// Account administration used by the admin CLI and the demo seed. Every change is audited in
// the same transaction; disabling revokes every session of the account.
import { randomBytes } from 'node:crypto';
import { roleSchema, type Department, type Role, type User } from '../../shared/domain/directory';
import { appendAudit } from '../audit/log';
import { hashPassword } from '../auth/passwords';
import { revokeUserSessions } from '../auth/sessions';
import type { Database, Queryable } from '../store/database';
import { writeDocuments, type CommitResult } from '../store/documents';

/** A readable one-time password: no look-alike characters (0/O, 1/l/I). */
export function generatePassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  const bytes = randomBytes(12);
  let out = '';
  for (let i = 0; i < 12; i++) out += alphabet[(bytes[i] ?? 0) % alphabet.length];
  return `${out.slice(0, 4)}-${out.slice(4, 8)}-${out.slice(8)}`;
}

export async function createAccounts(
  tx: Queryable,
  actorId: string | null,
  users: ReadonlyArray<{ user: User; password: string }>,
  departments: readonly Department[] = [],
): Promise<CommitResult> {
  for (const { user, password } of users) {
    await tx.query('INSERT INTO accounts (user_id, username, password_hash) VALUES ($1, $2, $3)', [user.id, user.username.toLowerCase(), await hashPassword(password)]);
    await appendAudit(tx, { actorId, kind: 'account.created', detail: { userId: user.id, username: user.username } });
  }
  return writeDocuments(tx, [...departments.map((doc) => ({ c: 'departments' as const, doc })), ...users.map(({ user }) => ({ c: 'users' as const, doc: user }))]);
}

async function loadUser(tx: Queryable, username: string): Promise<User> {
  const user = (
    await tx.query<{ data: User }>(
      "SELECT d.data FROM accounts a JOIN documents d ON d.collection = 'users' AND d.id = a.user_id WHERE a.username = $1 FOR UPDATE",
      [username.toLowerCase()],
    )
  ).rows[0]?.data;
  if (!user) throw new Error(`no such user: ${username}`);
  return user;
}

/** Disables (or re-enables) an account. Returns revoked session hashes so sockets can be closed. */
export async function setAccountDisabled(db: Database, actorId: string | null, username: string, disabled: boolean): Promise<{ revoked: string[]; commit: CommitResult }> {
  return db.transaction(async (tx) => {
    const user = await loadUser(tx, username);
    await tx.query('UPDATE accounts SET disabled = $2 WHERE user_id = $1', [user.id, disabled]);
    const revoked = disabled ? await revokeUserSessions(tx, user.id) : [];
    const commit = await writeDocuments(tx, [{ c: 'users', doc: { ...user, active: !disabled } }]);
    await appendAudit(tx, { actorId, kind: disabled ? 'account.disabled' : 'account.enabled', detail: { userId: user.id, sessionsRevoked: revoked.length } });
    return { revoked, commit };
  });
}

export async function resetPassword(db: Database, actorId: string | null, username: string, password = generatePassword()): Promise<{ password: string; revoked: string[] }> {
  return db.transaction(async (tx) => {
    const user = await loadUser(tx, username);
    await tx.query('UPDATE accounts SET password_hash = $2 WHERE user_id = $1', [user.id, await hashPassword(password)]);
    const revoked = await revokeUserSessions(tx, user.id);
    await appendAudit(tx, { actorId, kind: 'account.password_reset', detail: { userId: user.id } });
    return { password, revoked };
  });
}

export interface Move {
  departmentId: string;
  /** New manager (null: none); unchanged when absent. */
  managerId?: string | null;
  /** New roles; unchanged when absent. */
  roles?: Role[];
}

/**
 * Moves a person to another department (and manager, and roles). What they may read changes
 * wholesale, so their scope epoch is bumped: each of their clients resynchronizes from scratch
 * at its next pull and drops what they may no longer see.
 */
export async function moveUser(db: Database, actorId: string | null, username: string, move: Move): Promise<CommitResult> {
  const roles = move.roles?.map((r) => roleSchema.parse(r));
  return db.transaction(async (tx) => {
    const user = await loadUser(tx, username);
    const exists = async (c: 'departments' | 'users', id: string) =>
      (await tx.query('SELECT 1 FROM documents WHERE collection = $1 AND id = $2 AND NOT deleted', [c, id])).rows.length > 0;
    if (!(await exists('departments', move.departmentId))) throw new Error(`no such department: ${move.departmentId}`);
    const managerId = move.managerId === undefined ? user.managerId : move.managerId;
    if (managerId !== null && (managerId === user.id || !(await exists('users', managerId)))) throw new Error(`invalid manager: ${managerId}`);
    const moved: User = { ...user, departmentId: move.departmentId, managerId, ...(roles ? { roles } : {}) };
    const commit = await writeDocuments(tx, [{ c: 'users', doc: moved }]);
    await tx.query('UPDATE accounts SET scope_epoch = scope_epoch + 1 WHERE user_id = $1', [user.id]);
    await appendAudit(tx, {
      actorId,
      kind: 'account.moved',
      detail: { userId: user.id, from: { departmentId: user.departmentId, managerId: user.managerId, roles: user.roles }, to: { departmentId: moved.departmentId, managerId: moved.managerId, roles: moved.roles } },
    });
    commit.audience.add(`user:${user.id}`);
    return commit;
  });
}
