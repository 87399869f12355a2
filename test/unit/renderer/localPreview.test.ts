// The previews run over the real local database (Dexie on fake-indexeddb) as they do over the
// in-memory store, and an attachment picked on the device is kept, hashed, and usable by a
// submission made offline.
import { createHash } from 'node:crypto';
import { Dexie, liveQuery } from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { runMutator } from '../../../shared/mutators';
import type { CollectionName } from '../../../shared/mutators/types';
import { LocalStore } from '../../../renderer/db';
import { attachmentRefusal, discardAttachment, storeAttachment, MAX_ATTACHMENT_BYTES } from '../../../renderer/db/blobs';
import { DexieReadTx, readQuerier } from '../../../renderer/db/readTx';
import { assessDraft } from '../../../renderer/features/leave/draft';
import { planRoute } from '../../../renderer/features/leave/route';
import type { MemoryDocTx } from '../../support/memoryDocTx';
import { demoTx } from '../shared/fixtures/demoAgency';

const NOW = '2026-03-02T02:00:00.000Z';
const TODAY = '2026-03-02';
const COLLECTIONS: CollectionName[] = ['users', 'departments', 'leaveTypes', 'calendars', 'leaveLedger', 'approvalRules', 'delegations', 'leaveRequests'];

const opened: LocalStore[] = [];
afterEach(() => {
  for (const s of opened.splice(0)) s.close();
});

async function agency(): Promise<MemoryDocTx> {
  const tx = demoTx();
  await runMutator('ledger.allocateYear', { typeId: 'annual', year: 2026 }, { tx, actorId: 'zhouting', now: '2026-01-02T01:00:00.000Z' });
  return tx;
}

let counter = 0;
/** wangqiang's local database holding what `memory` holds, as a pull would have stored it. */
async function localCopy(memory: MemoryDocTx): Promise<LocalStore> {
  const store = LocalStore.open(`preview-test-${++counter}`, 'wangqiang', { indexedDB: new IDBFactory(), IDBKeyRange });
  opened.push(store);
  for (const c of COLLECTIONS) await store.db.collection(c).bulkPut(memory.all(c));
  return store;
}

function pdf(text: string, name = 'note.pdf'): File {
  return new File([new TextEncoder().encode(text)], name, { type: 'application/pdf' });
}

describe('previews over the local database', () => {
  it('give the same answers as over the in-memory store', async () => {
    const memory = await agency();
    const store = await localCopy(memory);
    const local = new DexieReadTx(store.db);
    const draft = { typeId: 'annual', startDate: '2026-03-09', startHalf: 'am' as const, endDate: '2026-03-16', endHalf: 'pm' as const, attachments: 0 };
    const fromDexie = await assessDraft(local, 'wangqiang', draft, TODAY);
    expect(fromDexie).toEqual(await assessDraft(memory, 'wangqiang', draft, TODAY));
    expect(fromDexie.problems.map((p) => p.code)).toEqual(['leave.insufficient_balance']);
    expect(await planRoute(local, 'wangqiang', 'marriage', 3, TODAY)).toEqual(await planRoute(memory, 'wangqiang', 'marriage', 3, TODAY));
  });

  it('run again when a document they read changes (as useDocQuery does)', async () => {
    // liveQuery does nothing where the environment has no indexedDB of its own (Node).
    Dexie.dependencies.indexedDB ??= new IDBFactory();
    Dexie.dependencies.IDBKeyRange ??= IDBKeyRange;
    const store = await localCopy(await agency());
    const draft = { typeId: 'annual', startDate: '2026-03-09', startHalf: 'am' as const, endDate: '2026-03-10', endHalf: 'pm' as const, attachments: 0 };
    const seen: Array<number | undefined> = [];
    let next: (() => void) | null = null;
    const querier = readQuerier(store.db, 'wangqiang', (tx, userId) => assessDraft(tx, userId, draft, TODAY));
    const subscription = liveQuery(querier).subscribe((a) => {
      seen.push(a.balance?.available);
      next?.();
    });
    const emitted = () => new Promise<void>((resolve) => (next = resolve));
    await emitted();
    // HR credits three days: the form's balance follows without the user doing anything.
    const credited = emitted();
    await store.db.leaveLedger.put({ id: 'adj-1', userId: 'wangqiang', typeId: 'annual', kind: 'adjustment', days: 3, effectiveOn: '2026-01-01', expiresOn: null, requestId: null, year: null, reason: 'overtime', actorId: 'zhouting', createdAt: NOW });
    await credited;
    subscription.unsubscribe();
    expect(seen).toEqual([5, 8]);
  });
});

describe('attachments on the device', () => {
  it('are kept under their SHA-256, once, and marked not yet uploaded', async () => {
    const store = await localCopy(await agency());
    const bytes = new TextEncoder().encode('sick note');
    const first = await storeAttachment(store, pdf('sick note'), NOW);
    const again = await storeAttachment(store, pdf('sick note', 'copy.pdf'), NOW);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    expect(first).toEqual({ ok: true, attachment: { sha256, name: 'note.pdf', mediaType: 'application/pdf', size: bytes.length } });
    expect(again.ok && again.attachment.sha256).toBe(sha256);
    expect(await store.db.blobs.count()).toBe(1);
    expect(await store.db.blobs.get(sha256)).toMatchObject({ uploaded: 0, name: 'note.pdf' });
  });

  it('refuses what the server would refuse, before storing anything', async () => {
    expect(attachmentRefusal({ type: 'application/pdf', size: MAX_ATTACHMENT_BYTES + 1 })).toBe('blob.too_large');
    expect(attachmentRefusal({ type: 'image/heic', size: 10 })).toBe('blob.bad_type');
    expect(attachmentRefusal({ type: 'IMAGE/JPEG', size: MAX_ATTACHMENT_BYTES })).toBeNull();
    const store = await localCopy(await agency());
    expect(await storeAttachment(store, new File(['x'], 'movie.mp4', { type: 'video/mp4' }))).toEqual({ ok: false, code: 'blob.bad_type' });
    expect(await store.db.blobs.count()).toBe(0);
  });

  it('let a request with a certificate be submitted offline', async () => {
    const store = await localCopy(await agency());
    const stored = await storeAttachment(store, pdf('certificate'), NOW);
    if (!stored.ok) throw new Error('not stored');
    await store.mutate('leave.submit', { id: 'sick-1', type: 'sick', startDate: '2026-03-09', startHalf: 'am', endDate: '2026-03-11', endHalf: 'pm', reason: '住院', attachments: [stored.attachment] }, NOW);
    expect((await store.db.leaveRequests.get('sick-1'))?.attachments).toEqual([stored.attachment]);
    expect(await store.pendingCount()).toBe(1);
  });

  it('removed from a form, are forgotten unless a request still needs them', async () => {
    const store = await localCopy(await agency());
    const kept = await storeAttachment(store, pdf('kept'), NOW);
    const dropped = await storeAttachment(store, pdf('dropped'), NOW);
    if (!kept.ok || !dropped.ok) throw new Error('not stored');
    await store.mutate('leave.submit', { id: 'sick-1', type: 'sick', startDate: '2026-03-09', startHalf: 'am', endDate: '2026-03-11', endHalf: 'pm', reason: '住院', attachments: [kept.attachment] }, NOW);
    await discardAttachment(store, kept.attachment.sha256);
    await discardAttachment(store, dropped.attachment.sha256);
    expect((await store.db.blobs.toArray()).map((b) => b.sha256)).toEqual([kept.attachment.sha256]);
  });
});
