// An in-memory DocTx (shared/mutators/types.ts) for running shared mutators and workflow rules
// in unit tests, with no Dexie and no SQL. Documents are cloned on the way in and out, so a
// mutator can never change stored state except through put(), and every put is recorded in
// `writes` so a test can check what a mutator wrote (and validate it against docSchemas).
import type { CollectionName, Collections, DocTx, IndexedFields } from '../../shared/mutators/types';

export type SeedDocs = { [C in CollectionName]?: ReadonlyArray<Collections[C]> };

export interface RecordedWrite {
  c: CollectionName;
  doc: Collections[CollectionName];
}

export class MemoryDocTx implements DocTx {
  private readonly stores = new Map<CollectionName, Map<string, unknown>>();
  /** Every put, in order, as written. */
  readonly writes: RecordedWrite[] = [];

  constructor(seed: SeedDocs = {}) {
    this.seedAll(seed);
  }

  /** Stores documents as existing state: not recorded in `writes` (a test's setup, not its subject). */
  seedAll(seed: SeedDocs): void {
    for (const c of Object.keys(seed) as CollectionName[]) {
      for (const doc of seed[c] ?? []) this.store(c).set((doc as { id: string }).id, structuredClone(doc));
    }
  }

  /** One document as existing state (see seedAll). */
  seedDoc<C extends CollectionName>(c: C, doc: Collections[C]): void {
    this.store(c).set((doc as { id: string }).id, structuredClone(doc));
  }

  /** Removes a document as if it had never been stored (e.g. a year with no calendar document). */
  remove(c: CollectionName, id: string): void {
    this.store(c).delete(id);
  }

  private store(c: CollectionName): Map<string, unknown> {
    let s = this.stores.get(c);
    if (!s) {
      s = new Map();
      this.stores.set(c, s);
    }
    return s;
  }

  async get<C extends CollectionName>(c: C, id: string): Promise<Collections[C] | undefined> {
    const doc = this.store(c).get(id) as Collections[C] | undefined;
    return doc === undefined ? undefined : structuredClone(doc);
  }

  async put<C extends CollectionName>(c: C, doc: Collections[C]): Promise<void> {
    const copy = structuredClone(doc);
    this.store(c).set((copy as { id: string }).id, copy);
    this.writes.push({ c, doc: structuredClone(doc) });
  }

  async find<C extends CollectionName>(c: C, field: IndexedFields[C], value: string): Promise<Collections[C][]> {
    const found: Collections[C][] = [];
    for (const doc of this.store(c).values()) {
      const v = (doc as Record<string, unknown>)[field];
      if (v === value || (Array.isArray(v) && v.includes(value))) found.push(structuredClone(doc) as Collections[C]);
    }
    return found;
  }

  /** Blobs this store pretends to hold (tests add to it). */
  readonly blobs = new Set<string>();

  async hasBlob(sha256: string): Promise<boolean> {
    return this.blobs.has(sha256);
  }

  /** Synchronous read for assertions (a clone; undefined when absent). */
  peek<C extends CollectionName>(c: C, id: string): Collections[C] | undefined {
    const doc = this.store(c).get(id) as Collections[C] | undefined;
    return doc === undefined ? undefined : structuredClone(doc);
  }

  /** Every stored document of a collection (clones), in insertion order. */
  all<C extends CollectionName>(c: C): Collections[C][] {
    return [...this.store(c).values()].map((d) => structuredClone(d) as Collections[C]);
  }
}
