// Documents on the server. SqlDocTx runs a shared mutator against PostgreSQL: reads lock the
// rows they read (so two approvers of one request serialize), writes are buffered and land
// in commit() under the sequence lock, each validated against its schema first.
import { readersOf, type Principal } from '../../shared/sync/access';
import { blobRefsOf } from '../../shared/sync/blobRefs';
import { recordBlobRefs } from '../blobs/store';
import { docSchemas } from '../../shared/sync/docSchemas';
import { ARRAY_FIELDS, MutationRejected, type CollectionName, type Collections, type DocTx, type IndexedFields } from '../../shared/mutators/types';
import { toNumber, type Queryable } from './database';

type AnyDoc = Collections[CollectionName];

/**
 * Documents a mutator may change are locked when read, so two decisions on one request
 * serialize. Reference data (the directory, leave types, calendars, approval rules) is read by
 * every submit and changed rarely, so its rows are not locked: otherwise every submit by one
 * manager's staff would queue on the manager's row, and every submit in the agency on the rules.
 */
const READ_ONLY_FOR_MUTATORS: ReadonlySet<CollectionName> = new Set(['users', 'departments', 'leaveTypes', 'calendars', 'approvalRules']);
/** Collections whose documents may name attachments (a change may drop one). */
const ATTACHMENT_COLLECTIONS: ReadonlySet<CollectionName> = new Set(['leaveRequests', 'expenseClaims', 'formTemplates', 'meetings']);
const lockClause = (c: CollectionName) => (READ_ONLY_FOR_MUTATORS.has(c) ? '' : ' FOR UPDATE');
const key = (c: string, id: string) => `${c}\u0000${id}`;

/**
 * The WHERE clause for an indexed field, with the field name written into the SQL (never a
 * parameter) so the expression indexes of the migrations apply. Names come from the typed
 * IndexedFields list; the check is a second guard.
 */
function fieldMatch(field: string): string {
  if (!/^[A-Za-z]+$/.test(field)) throw new Error(`not an indexed field: ${field}`);
  return ARRAY_FIELDS.has(field) ? `data->'${field}' ? $2` : `data->>'${field}' = $2`;
}

export interface CommitResult {
  seq: number;
  /** Everyone who can read, or could read, a changed document: they are poked. */
  audience: Set<Principal>;
  touched: Array<{ c: CollectionName; id: string }>;
}

export class SqlDocTx implements DocTx {
  private readonly writes = new Map<string, { c: CollectionName; doc: AnyDoc }>();
  private readonly readersBefore = new Map<string, string[] | null>();

  constructor(private readonly tx: Queryable) {}

  async get<C extends CollectionName>(c: C, id: string): Promise<Collections[C] | undefined> {
    const pending = this.writes.get(key(c, id));
    if (pending) return pending.doc as Collections[C];
    const row = (
      await this.tx.query<{ data: Collections[C]; deleted: boolean; readers: string[] }>(
        `SELECT data, deleted, readers FROM documents WHERE collection = $1 AND id = $2${lockClause(c)}`,
        [c, id],
      )
    ).rows[0];
    this.readersBefore.set(key(c, id), row ? row.readers : null);
    return row && !row.deleted ? row.data : undefined;
  }

  async find<C extends CollectionName>(c: C, field: IndexedFields[C], value: string): Promise<Collections[C][]> {
    const { rows } = await this.tx.query<{ id: string; data: Collections[C]; readers: string[] }>(
      `SELECT id, data, readers FROM documents WHERE collection = $1 AND ${fieldMatch(field)} AND NOT deleted ORDER BY id${lockClause(c)}`,
      [c, value],
    );
    const found = new Map<string, Collections[C]>();
    for (const r of rows) {
      if (!this.readersBefore.has(key(c, r.id))) this.readersBefore.set(key(c, r.id), r.readers);
      found.set(r.id, r.data);
    }
    for (const w of this.writes.values()) {
      if (w.c !== c) continue;
      const doc = w.doc as Collections[C] & Record<string, unknown> & { id: string };
      const v = doc[field];
      if (v === value || (Array.isArray(v) && v.includes(value))) found.set(doc.id, doc);
      else found.delete(doc.id);
    }
    return [...found.values()];
  }

  async hasBlob(sha256: string): Promise<boolean> {
    return (await this.tx.query('SELECT 1 FROM blobs WHERE sha256 = $1', [sha256])).rows.length > 0;
  }

  async put<C extends CollectionName>(c: C, doc: Collections[C]): Promise<void> {
    // A mutator bug must never write a malformed document that every client would then choke on.
    // Nor may it wedge the client's queue: a document that does not fit its schema (a list over
    // its limit) is a final refusal, not a failure to retry.
    const result = docSchemas[c].safeParse(doc);
    if (!result.success) throw new MutationRejected('validation.invalid', { field: `${c}.${result.error.issues[0]?.path.join('.') ?? ''}` });
    const parsed = result.data as Collections[C];
    this.writes.set(key(c, (parsed as { id: string }).id), { c, doc: parsed });
  }

  get hasWrites(): boolean {
    return this.writes.size > 0;
  }

  /** Writes everything under one new seq. Call last in the transaction: it takes the seq lock. */
  async commit(): Promise<CommitResult> {
    const result = await writeDocuments(this.tx, [...this.writes.values()], this.readersBefore);
    this.writes.clear();
    return result;
  }
}

/** Takes the next seq (locking the counter row until commit) and upserts the documents with it. */
export async function writeDocuments(
  tx: Queryable,
  docs: ReadonlyArray<{ c: CollectionName; doc: AnyDoc }>,
  knownReaders: ReadonlyMap<string, string[] | null> = new Map(),
): Promise<CommitResult> {
  const audience = new Set<Principal>();
  const touched: CommitResult['touched'] = [];
  if (docs.length === 0) return { seq: 0, audience, touched };
  const seq = toNumber((await tx.query<{ value: unknown }>("UPDATE counters SET value = value + 1 WHERE name = 'seq' RETURNING value")).rows[0]?.value);
  for (const { c, doc } of docs) {
    const id = (doc as { id: string }).id;
    let before = knownReaders.get(key(c, id));
    if (before === undefined) {
      before = (await tx.query<{ readers: string[] }>('SELECT readers FROM documents WHERE collection = $1 AND id = $2', [c, id])).rows[0]?.readers ?? null;
    }
    const readers = readersOf(c, doc);
    if (knownReaders.has(key(c, id)) && before === null) {
      // The mutator saw no such document: it creates it, and must not overwrite one another
      // transaction created meanwhile (two claims of one invoice number at the same moment).
      // A conflict fails this transaction as a unique violation, which the push retries; the
      // retry sees the other document and decides again.
      const created = await tx.query(
        `INSERT INTO documents (collection, id, data, deleted, seq, readers) VALUES ($1, $2, $3, false, $4, $5)
         ON CONFLICT (collection, id) DO NOTHING RETURNING id`,
        [c, id, JSON.stringify(doc), seq, readers],
      );
      if (created.rows.length === 0) throw Object.assign(new Error(`created concurrently: ${c}/${id}`), { code: '23505' });
    } else {
      await tx.query(
        `INSERT INTO documents (collection, id, data, deleted, seq, readers) VALUES ($1, $2, $3, false, $4, $5)
         ON CONFLICT (collection, id) DO UPDATE SET data = EXCLUDED.data, deleted = false, seq = EXCLUDED.seq, readers = EXCLUDED.readers`,
        [c, id, JSON.stringify(doc), seq, readers],
      );
    }
    // Who may download an attachment follows who may read a document naming it. Only
    // collections that carry attachments pay for the bookkeeping.
    const refs = blobRefsOf(c, doc);
    if (refs.length > 0 || ATTACHMENT_COLLECTIONS.has(c)) await recordBlobRefs(tx, c, id, refs);
    const removed = (before ?? []).filter((p) => !readers.includes(p as Principal));
    for (const p of removed) {
      await tx.query(
        `INSERT INTO revocations (principal, collection, id, seq) VALUES ($1, $2, $3, $4)
         ON CONFLICT (principal, collection, id) DO UPDATE SET seq = EXCLUDED.seq`,
        [p, c, id, seq],
      );
    }
    for (const p of [...readers, ...(removed as Principal[])]) audience.add(p);
    touched.push({ c, id });
  }
  return { seq, audience, touched };
}
