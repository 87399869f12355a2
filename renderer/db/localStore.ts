// The client's side of every user action: run the shared mutator against Dexie and queue it in
// the outbox in ONE transaction (DESIGN.md section 1, step 2), and later rebase local state on
// what the server sends.
import type { Table } from 'dexie';
import { runMutator, MutationRejected, type MutatorArgs, type MutatorName } from '../../shared/mutators';
import type { CollectionName, Collections } from '../../shared/mutators/types';
import type { Change, MutationResult } from '../../shared/protocol/sync';
import { BureauDb, type OutboxEntry, type RejectionNotice } from './database';
import { DexieDocTx } from './docTx';
import { randomId } from './randomId';

export interface PullPage {
  reset: boolean;
  changes: Change[];
  cursor: number;
  scope: number;
  lastMutationId: number;
}

type Listener = () => void;

export class LocalStore {
  private readonly listeners = new Set<Listener>();

  constructor(
    readonly db: BureauDb,
    readonly userId: string,
  ) {}

  static open(name: string, userId: string, options?: ConstructorParameters<typeof BureauDb>[1]): LocalStore {
    return new LocalStore(new BureauDb(name, options), userId);
  }

  close(): void {
    this.db.close();
  }

  /** Called whenever the outbox grows, so the sync engine can push. */
  onOutboxChanged(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private get allTables(): Table[] {
    const { db } = this;
    // blobs: leave.submit asks tx.hasBlob for each attachment, inside the mutation's transaction.
    return [...db.dataTables, db.outbox, db.shadow, db.meta, db.rejections, db.blobs];
  }

  async clientId(): Promise<string> {
    return this.db.transaction('rw', this.db.meta, async () => {
      const existing = await this.db.meta.get('clientId');
      if (typeof existing?.value === 'string') return existing.value;
      const id = randomId();
      await this.db.meta.put({ key: 'clientId', value: id });
      return id;
    });
  }

  private async metaNumber(key: string): Promise<number> {
    const entry = await this.db.meta.get(key);
    return typeof entry?.value === 'number' ? entry.value : 0;
  }

  /** Where the next pull starts, and the reading scope that position belongs to. */
  async cursor(): Promise<{ cursor: number; scope: number }> {
    return { cursor: await this.metaNumber('cursor'), scope: await this.metaNumber('scope') };
  }

  /**
   * Applies a user action locally and queues it. A MutationRejected thrown here means the
   * action is invalid against what this client knows: nothing is queued and the caller shows
   * the reason at once.
   */
  async mutate<N extends MutatorName>(name: N, args: MutatorArgs<N>, now = new Date().toISOString()): Promise<number> {
    const id = await this.db.transaction('rw', this.allTables, async () => {
      const mutationId = Math.max(await this.metaNumber('lastQueuedId'), await this.metaNumber('lastMutationId')) + 1;
      await runMutator(name, args, { tx: new DexieDocTx(this.db), actorId: this.userId, now, local: true });
      await this.db.outbox.add({ id: mutationId, name, args, clientTime: now });
      await this.db.meta.put({ key: 'lastQueuedId', value: mutationId });
      return mutationId;
    });
    for (const l of this.listeners) l();
    return id;
  }

  pending(limit = Infinity): Promise<OutboxEntry[]> {
    const query = this.db.outbox.orderBy('id');
    return (Number.isFinite(limit) ? query.limit(limit) : query).toArray();
  }

  pendingCount(): Promise<number> {
    return this.db.outbox.count();
  }

  /** Keeps the server's reasons for refused mutations until the user has read them. */
  async recordResults(results: readonly MutationResult[], sent: readonly OutboxEntry[], at = new Date().toISOString()): Promise<void> {
    const byId = new Map(sent.map((e) => [e.id, e]));
    const notices: RejectionNotice[] = [];
    for (const r of results) {
      const entry = byId.get(r.id);
      if (r.status !== 'rejected' || !r.reason || !entry) continue;
      notices.push({ mutationId: r.id, name: entry.name, args: entry.args, code: r.reason.code, params: r.reason.params, at, seen: 0 });
    }
    if (notices.length === 0) return;
    await this.db.transaction('rw', this.db.rejections, async () => {
      for (const n of notices) {
        // A re-sent mutation's outcome comes back again: tell the user once.
        if ((await this.db.rejections.filter((x) => x.mutationId === n.mutationId).count()) === 0) {
          await this.db.rejections.add(n);
        }
      }
    });
  }

  /**
   * Rebase (DESIGN.md section 3): restore the server's versions of everything pending
   * mutations touched, apply the pulled changes, drop what the server has processed, and
   * replay what is still pending on top. One transaction: the UI never sees a half state.
   */
  async applyPull(page: PullPage): Promise<void> {
    const { db } = this;
    await db.transaction('rw', this.allTables, async () => {
      for (const s of await db.shadow.toArray()) {
        const table = db.collection(s.c);
        if (s.doc === null) await table.delete(s.id);
        else await table.put(s.doc);
      }
      await db.shadow.clear();
      if (page.reset) for (const t of db.dataTables) await t.clear();

      // In bulk, per collection: one IndexedDB request per kind instead of one per document
      // (a page holds each document at most once, so the order within a page is free).
      const puts = new Map<CollectionName, Collections[CollectionName][]>();
      const deletes = new Map<CollectionName, string[]>();
      for (const change of page.changes) {
        if ('deleted' in change) deletes.set(change.c, [...(deletes.get(change.c) ?? []), change.id]);
        else {
          const list = puts.get(change.c) ?? [];
          list.push(change.doc);
          puts.set(change.c, list);
        }
      }
      for (const [c, ids] of deletes) await db.collection(c).bulkDelete(ids);
      for (const [c, docs] of puts) await db.collection(c).bulkPut(docs);

      await db.outbox.where('id').belowOrEqual(page.lastMutationId).delete();
      await db.meta.put({ key: 'lastMutationId', value: Math.max(page.lastMutationId, await this.metaNumber('lastMutationId')) });
      await db.meta.put({ key: 'cursor', value: page.cursor });
      await db.meta.put({ key: 'scope', value: page.scope });

      const tx = new DexieDocTx(db);
      for (const entry of await db.outbox.orderBy('id').toArray()) {
        try {
          await runMutator(entry.name, entry.args, { tx, actorId: this.userId, now: entry.clientTime, local: true });
        } catch (err) {
          // No longer valid against the new server state: the server will reject it with
          // its reason; until then it simply has no local effect.
          if (!(err instanceof MutationRejected)) throw err;
        }
      }
    });
  }

  /** Forget everything the server sent (keeps the outbox): the next pull starts from zero. */
  async resetCursor(): Promise<void> {
    await this.db.meta.put({ key: 'cursor', value: 0 });
  }

  unseenRejections(): Promise<RejectionNotice[]> {
    return this.db.rejections.where('seen').equals(0).toArray();
  }

  async markRejectionsSeen(seqs: readonly number[]): Promise<void> {
    await this.db.rejections.where('seq').anyOf([...seqs]).modify({ seen: 1 });
  }
}
