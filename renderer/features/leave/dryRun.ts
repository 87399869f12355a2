// Runs a shared mutator against the local documents without changing them: its writes land in
// an overlay that is thrown away. A dialog uses it to show what an action would do (the days a
// report-back gives back, who approves a cancellation) or why it would be refused, with the
// mutator's own rules rather than a copy of them.
import { runMutator, MutationRejected, type MutatorArgs, type MutatorName } from '../../../shared/mutators';
import { ARRAY_FIELDS, type CollectionName, type Collections, type DocTx, type IndexedFields } from '../../../shared/mutators/types';
import type { ReasonCode, ReasonParams } from '../../../shared/i18n/reasons';

type ReadTx = Pick<DocTx, 'get' | 'find' | 'hasBlob'>;

/** A DocTx whose writes stay in memory, on top of a read-only one. */
export class OverlayTx implements DocTx {
  private readonly written = new Map<CollectionName, Map<string, unknown>>();

  constructor(private readonly base: ReadTx) {}

  private layer(c: CollectionName): Map<string, unknown> {
    let layer = this.written.get(c);
    if (!layer) {
      layer = new Map();
      this.written.set(c, layer);
    }
    return layer;
  }

  async get<C extends CollectionName>(c: C, id: string): Promise<Collections[C] | undefined> {
    const mine = this.layer(c).get(id) as Collections[C] | undefined;
    return mine ? structuredClone(mine) : this.base.get(c, id);
  }

  async put<C extends CollectionName>(c: C, doc: Collections[C]): Promise<void> {
    this.layer(c).set((doc as { id: string }).id, structuredClone(doc));
  }

  async find<C extends CollectionName>(c: C, field: IndexedFields[C], value: string): Promise<Collections[C][]> {
    const layer = this.layer(c);
    const matches = (doc: unknown) => {
      const v = (doc as Record<string, unknown>)[field];
      return ARRAY_FIELDS.has(field) && Array.isArray(v) ? v.includes(value) : v === value;
    };
    const out = (await this.base.find(c, field, value)).filter((d) => !layer.has((d as { id: string }).id));
    for (const doc of layer.values()) if (matches(doc)) out.push(structuredClone(doc) as Collections[C]);
    return out;
  }

  hasBlob(sha256: string): Promise<boolean> {
    return this.base.hasBlob(sha256);
  }

  /** What the mutator wrote to a document, if it did. */
  peek<C extends CollectionName>(c: C, id: string): Collections[C] | undefined {
    return this.layer(c).get(id) as Collections[C] | undefined;
  }
}

export type DryRun = { ok: true; tx: OverlayTx } | { ok: false; code: ReasonCode; params: ReasonParams };

export async function dryRun<N extends MutatorName>(base: ReadTx, name: N, args: MutatorArgs<N>, actorId: string, now: string): Promise<DryRun> {
  const tx = new OverlayTx(base);
  try {
    // local: the same checks the client makes when the user acts (the server may know more).
    await runMutator(name, args, { tx, actorId, now, local: true });
  } catch (err) {
    if (err instanceof MutationRejected) return { ok: false, code: err.code, params: err.params };
    throw err;
  }
  return { ok: true, tx };
}
