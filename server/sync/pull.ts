// Pull (DESIGN.md section 3): changes after the client's cursor that its user may read, in seq
// order, in pages, from one consistent snapshot together with the client's lastMutationId.
import { principalsOf } from '../../shared/sync/access';
import { PULL_PAGE_SIZE, type Change, type PullResponse } from '../../shared/protocol/sync';
import type { CollectionName } from '../../shared/mutators/types';
import type { User } from '../../shared/domain/directory';
import { toNumber, type Database } from '../store/database';

interface Row {
  collection: CollectionName;
  id: string;
  seq: unknown;
  data: unknown;
  gone: boolean;
}

export interface PullContext {
  db: Database;
  userId: string;
  clientId: string;
  pageSize?: number;
}

// Each branch is ordered and limited on its own, so a page reads only about a page of rows
// from the seq index, wherever the cursor is (a single outer ORDER BY would sort everything
// after the cursor, page after page).
const CHANGES_SQL = `
  (SELECT d.collection, d.id, d.seq, CASE WHEN d.deleted THEN NULL ELSE d.data END AS data, d.deleted AS gone
     FROM documents d
    WHERE d.seq > $1 AND d.seq <= $2 AND d.readers && $3::text[]
    ORDER BY d.seq, d.collection, d.id
    LIMIT $4)
  UNION ALL
  (SELECT r.collection, r.id, r.seq, NULL, true
     FROM revocations r JOIN documents d ON d.collection = r.collection AND d.id = r.id
    WHERE r.principal = ANY($3::text[]) AND r.seq > $1 AND r.seq <= $2 AND NOT (d.readers && $3::text[])
    ORDER BY r.seq, r.collection, r.id
    LIMIT $4)
  ORDER BY 3, 1, 2
  LIMIT $4`;

export async function processPull(ctx: PullContext, request: { cursor: number; scope: number }): Promise<PullResponse> {
  const pageSize = ctx.pageSize ?? PULL_PAGE_SIZE;
  return ctx.db.transaction(
    async (tx) => {
      const account = (
        await tx.query<{ scope_epoch: number; data: User | null }>(
          `SELECT a.scope_epoch, d.data FROM accounts a LEFT JOIN documents d ON d.collection = 'users' AND d.id = a.user_id WHERE a.user_id = $1`,
          [ctx.userId],
        )
      ).rows[0];
      if (!account?.data) return { ok: false as const, error: 'auth.session_expired' as const };
      const client = (await tx.query<{ user_id: string; last_mutation_id: unknown }>('SELECT user_id, last_mutation_id FROM clients WHERE client_id = $1', [ctx.clientId])).rows[0];
      if (client && client.user_id !== ctx.userId) return { ok: false as const, error: 'sync.client_mismatch' as const };
      const lastMutationId = client ? toNumber(client.last_mutation_id) : 0;
      // What this user may read changed wholesale (moved department, new roles): start over, so
      // the client drops whatever it may no longer see.
      const scope = account.scope_epoch;
      const reset = request.cursor === 0 || request.scope !== scope;
      const cursor = reset ? 0 : request.cursor;
      const highWater = toNumber((await tx.query<{ value: unknown }>("SELECT value FROM counters WHERE name = 'seq'")).rows[0]?.value);
      const principals = principalsOf(account.data);

      let rows = (await tx.query<Row>(CHANGES_SQL, [cursor, highWater, principals, pageSize + 1])).rows;
      let more = false;
      let next = highWater;
      if (rows.length > pageSize) {
        more = true;
        // Never end a page inside one seq: all documents of one commit arrive together.
        const cut = toNumber(rows[pageSize - 1]?.seq);
        const whole = rows.slice(0, pageSize).filter((r) => toNumber(r.seq) < cut);
        if (whole.length > 0 && toNumber(rows[pageSize]?.seq) === cut) {
          rows = whole;
          next = toNumber(whole[whole.length - 1]?.seq);
        } else if (whole.length === 0) {
          rows = (await tx.query<Row>(CHANGES_SQL, [cut - 1, cut, principals, Number.MAX_SAFE_INTEGER])).rows;
          next = cut;
        } else {
          rows = rows.slice(0, pageSize);
          next = cut;
        }
      }
      const changes: Change[] = rows.map((r) => (r.gone || r.data === null ? { c: r.collection, id: r.id, deleted: true as const } : ({ c: r.collection, id: r.id, doc: r.data } as Change)));
      return { ok: true as const, reset, changes, cursor: next, scope, more, lastMutationId };
    },
    { snapshot: true },
  );
}
