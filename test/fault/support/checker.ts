// The checker of the sync guarantees after a run: every acknowledged mutation has exactly one
// final outcome on the server, in order, and every client holds exactly the server's documents
// for what its user may read.
import { createHash } from 'node:crypto';
import type { Database } from '../../../server/store/database';
import { toNumber } from '../../../server/store/database';
import { canonicalJson } from '../../../server/audit/log';
import { principalsOf } from '../../../shared/sync/access';
import type { User } from '../../../shared/domain/directory';
import { COLLECTION_NAMES } from '../../../shared/mutators/types';
import type { TestClient } from '../../support/harness';

export interface Tracked {
  client: TestClient;
  /** Mutation ids mutate() returned: what the user was told is saved. */
  acknowledged: number[];
}

export interface Report {
  clients: number;
  mutations: number;
  applied: number;
  rejected: number;
  problems: string[];
  /** Outcomes by mutator, so a run's log shows what it exercised: { 'leave.submit': { applied, rejected } }. */
  byName: Record<string, { applied: number; rejected: number }>;
  checksums: Record<string, { client: string; server: string }>;
}

const checksum = (docs: Map<string, unknown>) =>
  createHash('sha256')
    .update(canonicalJson([...docs.entries()].sort(([a], [b]) => (a < b ? -1 : 1))))
    .digest('hex')
    .slice(0, 16);

export async function check(db: Database, tracked: readonly Tracked[]): Promise<Report> {
  const report: Report = { clients: tracked.length, mutations: 0, applied: 0, rejected: 0, problems: [], byName: {}, checksums: {} };
  for (const { client, acknowledged } of tracked) {
    const who = client.username;
    const clientId = await client.store.clientId();
    report.mutations += acknowledged.length;
    const expected = acknowledged.map((_, i) => i + 1);
    if (acknowledged.join() !== expected.join()) report.problems.push(`${who}: mutation ids are not 1..n in order`);

    // Exactly once, with a final outcome: one audit row per mutation id, none missing, none extra.
    const { rows } = await db.query<{ id: unknown; kind: string; name: string; n: unknown }>(
      `SELECT (detail->>'mutationId')::bigint AS id, min(kind) AS kind, min(detail->>'name') AS name, count(*) AS n FROM audit_log
        WHERE kind IN ('mutation.applied', 'mutation.rejected') AND detail->>'clientId' = $1 GROUP BY 1 ORDER BY 1`,
      [clientId],
    );
    for (const r of rows) {
      const counts = (report.byName[r.name] ??= { applied: 0, rejected: 0 });
      if (r.kind === 'mutation.applied') counts.applied++;
      else counts.rejected++;
    }
    const outcomes = new Map(rows.map((r) => [toNumber(r.id), r]));
    for (const id of expected) {
      const o = outcomes.get(id);
      if (!o) report.problems.push(`${who}: mutation ${id} was acknowledged to the user but has no outcome (lost)`);
      else if (toNumber(o.n) !== 1) report.problems.push(`${who}: mutation ${id} took effect ${toNumber(o.n)} times`);
      else if (o.kind === 'mutation.applied') report.applied++;
      else report.rejected++;
    }
    for (const id of outcomes.keys()) if (!expected.includes(id)) report.problems.push(`${who}: the server has mutation ${id} the client never made`);
    const last = toNumber((await db.query<{ v: unknown }>('SELECT last_mutation_id AS v FROM clients WHERE client_id = $1', [clientId])).rows[0]?.v ?? 0);
    if (last !== acknowledged.length) report.problems.push(`${who}: server lastMutationId ${last}, client made ${acknowledged.length}`);
    const pending = await client.store.pendingCount();
    if (pending !== 0) report.problems.push(`${who}: ${pending} mutations still in the outbox`);
    if ((await client.store.db.shadow.count()) !== 0) report.problems.push(`${who}: optimistic shadows left over`);

    // Same data: the server's documents this user may read, and the client's, compared whole.
    const user = (await db.query<{ data: User }>("SELECT data FROM documents WHERE collection = 'users' AND id = $1", [client.userId])).rows[0]?.data;
    if (!user) throw new Error(`no user ${client.userId}`);
    const server = new Map<string, unknown>();
    for (const r of (await db.query<{ collection: string; id: string; data: unknown }>('SELECT collection, id, data FROM documents WHERE NOT deleted AND readers && $1::text[]', [principalsOf(user)])).rows) {
      server.set(`${r.collection}/${r.id}`, r.data);
    }
    const local = new Map<string, unknown>();
    for (const c of COLLECTION_NAMES) for (const doc of await client.store.db.collection(c).toArray()) local.set(`${c}/${(doc as { id: string }).id}`, doc);
    const sums = { client: checksum(local), server: checksum(server) };
    report.checksums[who] = sums;
    if (sums.client !== sums.server) {
      const missing = [...server.keys()].filter((k) => !local.has(k));
      const extra = [...local.keys()].filter((k) => !server.has(k));
      const differ = [...server.keys()].filter((k) => local.has(k) && canonicalJson(local.get(k)) !== canonicalJson(server.get(k)));
      report.problems.push(`${who}: data differs from the server (missing ${missing.slice(0, 3).join(',')}${missing.length > 3 ? '…' : ''} [${missing.length}], extra [${extra.length}], different [${differ.length}] ${differ.slice(0, 2).join(',')})`);
    }
  }
  return report;
}
