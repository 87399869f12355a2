// Reading for the administration pages: the approval rules of one scope, and a read-only view
// of the local database in the shape shared rules read (a DocTx without put), so a page can
// run the same routing code the mutators run (chooseRule, planSteps) against local data.
import { useMemo } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { ApprovalRule, PolicyScope } from '../../../shared/domain/policy';
import type { DocTx } from '../../../shared/mutators/types';
import { DexieDocTx } from '../docTx';
import type { BureauDb } from '../database';
import { useStore } from '../hooks';

/** A DocTx that can only read: the type has no put, and the object has none either. */
export type DocReader = Pick<DocTx, 'get' | 'find' | 'hasBlob'>;

export function docReader(db: BureauDb): DocReader {
  const tx = new DexieDocTx(db);
  return { get: (c, id) => tx.get(c, id), find: (c, field, value) => tx.find(c, field, value), hasBlob: (sha) => tx.hasBlob(sha) };
}

/**
 * The local database as a DocReader. Reads are not live: a component that shows what it
 * computes re-runs it when the live data it depends on changes (useApprovalRules, ...).
 */
export function useDocReader(): DocReader {
  const store = useStore();
  return useMemo(() => docReader(store.db), [store]);
}

/** The rules of one scope in the order they are tried: lowest order first, then id (as chooseRule). */
export function useScopeRules(scope: PolicyScope): ApprovalRule[] | undefined {
  const store = useStore();
  return useLiveQuery(
    async () => (await store.db.approvalRules.where('scope').equals(scope).toArray()).sort((a, b) => a.order - b.order || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
    [store, scope],
  );
}
