// The tamper-evident audit log: every mutation (applied or rejected), login, logout and denied
// access appends a row in the SAME transaction as what it records. Each row's hash covers the
// previous hash, so editing or deleting any row breaks verification from that row on.
import { createHash } from 'node:crypto';
import { toStorableText } from '../../shared/protocol/text';
import { toNumber, type Queryable } from '../store/database';

export type AuditKind =
  | 'mutation.applied'
  | 'mutation.rejected'
  | 'login.succeeded'
  | 'login.failed'
  | 'logout'
  | 'session.revoked'
  | 'access.denied'
  | 'account.created'
  | 'account.disabled'
  | 'account.enabled'
  | 'account.password_reset'
  | 'account.moved'
  | 'system.seeded'
  // An attachment's bytes arrived (sha256, size, media type; never the content).
  | 'blob.uploaded';

export interface AuditEntry {
  actorId: string | null;
  kind: AuditKind;
  detail: Record<string, unknown>;
}

/** JSON with sorted keys: the same content always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export function auditHash(prevHash: string, row: { seq: number; at: string; actorId: string | null; kind: string; detail: unknown }): string {
  return createHash('sha256')
    .update(prevHash)
    .update('\n')
    .update(canonicalJson({ seq: row.seq, at: row.at, actorId: row.actorId, kind: row.kind, detail: row.detail }))
    .digest('hex');
}

/**
 * The detail exactly as jsonb will give it back: toJSON applied (Buffer, Date), undefined
 * dropped, and text PostgreSQL refuses (NUL, lone surrogates) escaped, so that recording can
 * never fail and the hash covers what is stored.
 */
function storableDetail(detail: Record<string, unknown>): unknown {
  return JSON.parse(JSON.stringify(detail), (_key, value: unknown) => (typeof value === 'string' ? toStorableText(value) : value)) as unknown;
}

/** Appends one row. Locks the chain head until the caller's transaction ends. */
export async function appendAudit(tx: Queryable, raw: AuditEntry, at = new Date().toISOString()): Promise<number> {
  const entry = { ...raw, detail: storableDetail(raw.detail) };
  const head = (await tx.query<{ value: unknown; head_hash: string }>("SELECT value, head_hash FROM counters WHERE name = 'audit' FOR UPDATE")).rows[0];
  if (!head) throw new Error('audit counter missing');
  const seq = toNumber(head.value) + 1;
  const hash = auditHash(head.head_hash, { seq, at, actorId: entry.actorId, kind: entry.kind, detail: entry.detail });
  await tx.query('INSERT INTO audit_log (seq, at, actor_id, kind, detail, prev_hash, hash) VALUES ($1, $2, $3, $4, $5, $6, $7)', [
    seq,
    at,
    entry.actorId,
    entry.kind,
    JSON.stringify(entry.detail),
    head.head_hash,
    hash,
  ]);
  await tx.query("UPDATE counters SET value = $1, head_hash = $2 WHERE name = 'audit'", [seq, hash]);
  return seq;
}

export type AuditVerification = { ok: true; rows: number } | { ok: false; rows: number; brokenAt: number; why: string };

/** Recomputes the chain from the first row. Reads in pages so years of log fit in memory. */
export async function verifyAudit(db: Queryable, pageSize = 5000): Promise<AuditVerification> {
  let prev = '0'.repeat(64);
  let expectedSeq = 1;
  for (;;) {
    const { rows } = await db.query<{ seq: unknown; at: string; actor_id: string | null; kind: string; detail: unknown; prev_hash: string; hash: string }>(
      'SELECT seq, at, actor_id, kind, detail, prev_hash, hash FROM audit_log WHERE seq >= $1 ORDER BY seq LIMIT $2',
      [expectedSeq, pageSize],
    );
    for (const r of rows) {
      const seq = toNumber(r.seq);
      if (seq !== expectedSeq) return { ok: false, rows: expectedSeq - 1, brokenAt: expectedSeq, why: 'missing row' };
      if (r.prev_hash !== prev) return { ok: false, rows: seq - 1, brokenAt: seq, why: 'previous hash does not match' };
      const hash = auditHash(prev, { seq, at: r.at, actorId: r.actor_id, kind: r.kind, detail: r.detail });
      if (hash !== r.hash) return { ok: false, rows: seq - 1, brokenAt: seq, why: 'row content does not match its hash' };
      prev = hash;
      expectedSeq++;
    }
    if (rows.length < pageSize) break;
  }
  const head = (await db.query<{ value: unknown; head_hash: string }>("SELECT value, head_hash FROM counters WHERE name = 'audit'")).rows[0];
  if (head && (toNumber(head.value) !== expectedSeq - 1 || (expectedSeq > 1 && head.head_hash !== prev))) {
    return { ok: false, rows: expectedSeq - 1, brokenAt: expectedSeq, why: 'rows were removed from the end' };
  }
  return { ok: true, rows: expectedSeq - 1 };
}
