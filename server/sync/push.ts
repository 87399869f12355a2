// Push (DESIGN.md section 3): a client's mutations apply strictly in order and exactly once.
// Each mutation is one transaction: its effects, the client's lastMutationId, the new seq and
// the audit row commit together or not at all.
import { isReasonCode } from '../../shared/i18n/reasons';
import { runMutator, MutationRejected } from '../../shared/mutators';
import type { Principal } from '../../shared/sync/access';
import type { Mutation, MutationResult, PushResponse } from '../../shared/protocol/sync';
import { appendAudit } from '../audit/log';
import { isRetryable, toNumber, type Database, type Queryable } from '../store/database';
import { SqlDocTx } from '../store/documents';

export interface PushContext {
  db: Database;
  userId: string;
  clientId: string;
  /** Called after each commit with who should be poked. */
  onCommitted?: (audience: Set<Principal>) => void;
  now?: () => Date;
}

/** The namespace of the per-person advisory locks (two-key form: never clashes with the one-key migration and seed locks). */
const ACTOR_LOCK = 7_320_517;

class ClientMismatch extends Error {}
class Gap extends Error {
  constructor(readonly lastMutationId: number) {
    super('gap');
  }
}

/** Locks the client's row (creating it on first contact) and returns its lastMutationId. */
export async function lockClient(tx: Queryable, clientId: string, userId: string): Promise<number> {
  await tx.query('INSERT INTO clients (client_id, user_id) VALUES ($1, $2) ON CONFLICT (client_id) DO NOTHING', [clientId, userId]);
  const row = (await tx.query<{ user_id: string; last_mutation_id: unknown }>('SELECT user_id, last_mutation_id FROM clients WHERE client_id = $1 FOR UPDATE', [clientId])).rows[0];
  if (!row || row.user_id !== userId) throw new ClientMismatch();
  return toNumber(row.last_mutation_id);
}

/** The recorded outcome of an already processed mutation, from its audit row. */
async function priorOutcome(tx: Queryable, clientId: string, id: number): Promise<MutationResult> {
  const row = (
    await tx.query<{ kind: string; reason: string | null; params: Record<string, string | number> | null }>(
      `SELECT kind, detail->>'reason' AS reason, detail->'params' AS params FROM audit_log
        WHERE kind IN ('mutation.applied', 'mutation.rejected') AND detail->>'clientId' = $1 AND (detail->>'mutationId')::bigint = $2`,
      [clientId, id],
    )
  ).rows[0];
  const reason = row?.kind === 'mutation.rejected' && row.reason !== null && isReasonCode(row.reason) ? { code: row.reason, params: row.params ?? {} } : null;
  return reason ? { id, status: 'rejected', reason, duplicate: true } : { id, status: 'applied', duplicate: true };
}

async function applyOne(ctx: PushContext, m: Mutation): Promise<MutationResult & { audience?: Set<Principal> }> {
  return ctx.db.transaction(async (tx) => {
    const last = await lockClient(tx, ctx.clientId, ctx.userId);
    if (m.id <= last) return priorOutcome(tx, ctx.clientId, m.id);
    if (m.id > last + 1) throw new Gap(last);
    // One person's mutations apply one at a time, whichever of their machines (and nodes) they
    // come from: a rule about their own documents (no overlapping requests, enough balance)
    // must see what their other machine just committed. Row locks cannot do it, for there is
    // no row yet to lock when two first requests arrive together.
    await tx.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [ACTOR_LOCK, ctx.userId]);

    const docs = new SqlDocTx(tx);
    const now = (ctx.now?.() ?? new Date()).toISOString();
    let reason: MutationRejected | null = null;
    try {
      await runMutator(m.name, m.args, { tx: docs, actorId: ctx.userId, now, actedAt: actedAt(m.clientTime, now) });
    } catch (err) {
      if (!(err instanceof MutationRejected)) throw err;
      reason = err;
    }
    const committed = reason ? null : await docs.commit();
    await tx.query('UPDATE clients SET last_mutation_id = $2, last_seen_at = now() WHERE client_id = $1', [ctx.clientId, m.id]);
    await appendAudit(
      tx,
      {
        actorId: ctx.userId,
        kind: reason ? 'mutation.rejected' : 'mutation.applied',
        detail: {
          clientId: ctx.clientId,
          mutationId: m.id,
          name: m.name,
          args: m.args,
          clientTime: m.clientTime,
          ...(reason ? { reason: reason.code, params: reason.params } : { seq: committed?.seq, documents: committed?.touched }),
        },
      },
      now,
    );
    if (reason) return { id: m.id, status: 'rejected' as const, reason: { code: reason.code, params: reason.params } };
    return { id: m.id, status: 'applied' as const, ...(committed ? { audience: committed.audience } : {}) };
  });
}

/** The device's "when", believed within a week before the server's now (a clock set wrong, or a forged one, cannot go further). */
export function actedAt(clientTime: string, now: string): string {
  const client = Date.parse(clientTime);
  const server = Date.parse(now);
  if (!Number.isFinite(client)) return now;
  return new Date(Math.min(server, Math.max(server - 7 * 86_400_000, client))).toISOString();
}

/** Retries a transaction that lost a race (deadlock, serialization, unique key) a few times. */
async function withRetry<T>(fn: () => Promise<T>, attempts = 5): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await fn();
    } catch (err) {
      if (i >= attempts || !isRetryable(err)) throw err;
    }
  }
}

export async function processPush(ctx: PushContext, mutations: readonly Mutation[]): Promise<PushResponse> {
  const results: MutationResult[] = [];
  let last = 0;
  for (const m of mutations) {
    let result;
    try {
      result = await withRetry(() => applyOne(ctx, m));
    } catch (err) {
      if (err instanceof ClientMismatch) return { ok: false, error: 'sync.client_mismatch' };
      if (err instanceof Gap) {
        // Earlier results of this batch are committed; the client learns them by pulling.
        return results.length > 0 ? { ok: true, results, lastMutationId: last } : { ok: false, error: 'sync.gap', lastMutationId: err.lastMutationId };
      }
      // Transient (database down, ...): what committed stays committed; nothing else advanced.
      if (results.length > 0) return { ok: true, results, lastMutationId: last };
      throw err;
    }
    const { audience, ...plain } = result;
    results.push(plain);
    last = Math.max(last, m.id);
    if (audience) ctx.onCommitted?.(audience);
  }
  return { ok: true, results, lastMutationId: last };
}
