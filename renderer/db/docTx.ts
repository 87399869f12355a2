import type { Table } from 'dexie';
import { MutationRejected, type CollectionName, type Collections, type DocTx, type IndexedFields } from '../../shared/mutators/types';
import { docSchemas } from '../../shared/sync/docSchemas';
import type { BureauDb } from './database';

/**
 * Runs a shared mutator against Dexie inside the caller's transaction. Before the first local
 * write to a document, the server's version is saved in `shadow`, so a rebase can restore it
 * exactly and replay what is still pending.
 */
export class DexieDocTx implements DocTx {
  constructor(private readonly db: BureauDb) {}

  async get<C extends CollectionName>(c: C, id: string): Promise<Collections[C] | undefined> {
    return this.db.collection(c).get(id);
  }

  async put<C extends CollectionName>(c: C, doc: Collections[C]): Promise<void> {
    // As on the server: a document that does not fit its schema is refused now, never queued
    // to be refused later.
    const result = docSchemas[c].safeParse(doc);
    if (!result.success) throw new MutationRejected('validation.invalid', { field: `${c}.${result.error.issues[0]?.path.join('.') ?? ''}` });
    const table = this.db.collection(c) as Table<Collections[C], string>;
    const id = (doc as { id: string }).id;
    if (!(await this.db.shadow.get([c, id]))) {
      const server = await table.get(id);
      await this.db.shadow.put({ c, id, doc: server ?? null });
    }
    await table.put(doc);
  }

  async find<C extends CollectionName>(c: C, field: IndexedFields[C], value: string): Promise<Collections[C][]> {
    // Array fields (roles, pendingApproverIds) are multi-entry indexes: equals() matches an element.
    return this.db.collection(c).where(field).equals(value).toArray();
  }

  async hasBlob(sha256: string): Promise<boolean> {
    return (await this.db.blobs.get(sha256)) !== undefined;
  }
}
