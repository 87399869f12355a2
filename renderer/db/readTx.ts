// A read-only view of the local documents in the shape the shared rules expect (DocTx minus
// put), so a page can ask the very functions the mutators use (policy routing, day counts,
// balances) what a change would do before the user makes it. It has no put: a preview can
// never write.
import type { CollectionName, Collections, DocTx, IndexedFields } from '../../shared/mutators/types';
import type { BureauDb } from './database';

export type ReadTx = Pick<DocTx, 'get' | 'find' | 'hasBlob'>;

export class DexieReadTx implements ReadTx {
  constructor(private readonly db: BureauDb) {}

  async get<C extends CollectionName>(c: C, id: string): Promise<Collections[C] | undefined> {
    return this.db.collection(c).get(id);
  }

  async find<C extends CollectionName>(c: C, field: IndexedFields[C], value: string): Promise<Collections[C][]> {
    // Array fields (roles, pendingApproverIds) are multi-entry indexes: equals() matches an element.
    return this.db.collection(c).where(field).equals(value).toArray();
  }

  async hasBlob(sha256: string): Promise<boolean> {
    return (await this.db.blobs.get(sha256)) !== undefined;
  }
}

/**
 * The querier useDocQuery hands to liveQuery. It is an async function on purpose: Dexie follows
 * reads across native awaits (and so re-runs the query when what it read changes) only when
 * the querier itself is async.
 */
export function readQuerier<T>(db: BureauDb, userId: string, query: (tx: ReadTx, userId: string) => Promise<T>): () => Promise<T> {
  return async () => query(new DexieReadTx(db), userId);
}
