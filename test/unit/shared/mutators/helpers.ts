// Helpers for running mutators against the demo agency in memory. Every transaction made here
// is remembered, and `expectAllWritesValid` (called after each test) checks that every
// document any mutator wrote passes the collection's schema, as the server would demand.
import { expect } from 'vitest';
import type { User } from '../../../../shared/domain/directory';
import type { LedgerEntry } from '../../../../shared/domain/ledger';
import type { ReasonCode, ReasonParams } from '../../../../shared/i18n/reasons';
import { computeBalance, type Balance } from '../../../../shared/leave/ledger';
import { MutationRejected, runMutator } from '../../../../shared/mutators';
import type { LeaveSubmitArgs } from '../../../../shared/mutators/leave';
import type { Collections } from '../../../../shared/mutators/types';
import { docSchemas } from '../../../../shared/sync/docSchemas';
import { travelSystemDocuments } from '../../../../server/seed/system';
import type { MemoryDocTx, SeedDocs } from '../../../support/memoryDocTx';
import { demoTx } from '../fixtures/demoAgency';

/** Monday 2 March 2026, 09:00 in the agency (UTC+8). */
export const NOW = '2026-03-02T01:00:00.000Z';

/** An instant on an agency date: 10:00 China time (02:00 UTC), so the agency's date is `date`. */
export function on(date: string): string {
  return `${date}T02:00:00.000Z`;
}

const made: MemoryDocTx[] = [];

/** The 2026 annual (Decree 514) and home-visit allocations HR makes, as the demo seed does. */
let demoLedger: LedgerEntry[] | null = null;
async function demoAllocations(): Promise<LedgerEntry[]> {
  if (!demoLedger) {
    const tx = demoTx();
    for (const typeId of ['annual', 'home_visit']) {
      await runMutator('ledger.allocateYear', { typeId, year: 2026 }, { tx, actorId: 'zhouting', now: '2026-01-02T01:00:00.000Z' });
    }
    demoLedger = tx.all('leaveLedger');
  }
  return demoLedger;
}

export interface AgencyOptions {
  /** People the demo does not have. */
  extraUsers?: readonly User[];
  /** Seed the 2026 annual and home-visit allocations (default true). */
  allocations?: boolean;
  /** More documents to start with. */
  seed?: SeedDocs;
}

/**
 * The demo agency in memory with the system documents and, unless told otherwise, this year's
 * allocations: annual leave 15 days for zhangwei, lina, zhouting, yangfan; 10 for liuyang and
 * sunlei; 6 for zhaomin (ten years on 1 September); 5 for wangqiang; 4 for chenjing (one year
 * on 1 March); home-visit leave 20 days each. See demoTx for `changes`.
 */
export async function agency(changes: Record<string, Partial<User>> = {}, options: AgencyOptions = {}): Promise<MemoryDocTx> {
  const ledger = options.allocations === false ? [] : await demoAllocations();
  const tx = demoTx(changes, options.extraUsers ?? []);
  // Seeded as stored state, not as writes: a test's write count starts at zero.
  tx.seedAll({ leaveLedger: ledger });
  if (options.seed) tx.seedAll(options.seed);
  made.push(tx);
  return tx;
}

/** Validates every write of every transaction since the last call; returns how many. */
export function expectAllWritesValid(): number {
  let checked = 0;
  for (const tx of made.splice(0)) {
    for (const { c, doc } of tx.writes) {
      const result = docSchemas[c].safeParse(doc);
      expect(result.error?.issues ?? [], `${c} ${JSON.stringify(doc)}`).toEqual([]);
      checked++;
    }
  }
  return checked;
}

export function run(tx: MemoryDocTx, actorId: string, name: string, args: unknown, now = NOW): Promise<void> {
  return runMutator(name, args, { tx, actorId, now });
}

/** The rejection a mutation ends with, or null when it was applied. */
export async function rejectionOf(tx: MemoryDocTx, actorId: string, name: string, args: unknown, now = NOW): Promise<MutationRejected | null> {
  try {
    await run(tx, actorId, name, args, now);
    return null;
  } catch (err) {
    if (err instanceof MutationRejected) return err;
    throw err;
  }
}

/** Runs a mutation that must be refused with `code` (and `params`, when given) and write nothing. */
export async function expectRejected(tx: MemoryDocTx, actorId: string, name: string, args: unknown, code: ReasonCode, params?: ReasonParams, now = NOW): Promise<void> {
  const before = tx.writes.length;
  const error = await rejectionOf(tx, actorId, name, args, now);
  expect(error, `${name} by ${actorId} should be rejected with ${code}`).toBeInstanceOf(MutationRejected);
  expect({ code: error?.code, ...(params ? { params: error?.params } : {}) }).toEqual({ code, ...(params ? { params } : {}) });
  expect(tx.writes.length, 'a rejected mutation writes nothing').toBe(before);
}

/** Arguments of a valid leave.submit: annual leave Monday 9 to Tuesday 10 March 2026, two working days. */
export function submitArgs(overrides: Partial<Record<keyof LeaveSubmitArgs, unknown>> = {}): Record<string, unknown> {
  return { id: 'leave-1', type: 'annual', startDate: '2026-03-09', startHalf: 'am', endDate: '2026-03-10', endHalf: 'pm', reason: 'Family visit', ...overrides };
}

/** A file reference whose bytes the store holds unless `held` is false. */
export function attachment(tx: MemoryDocTx, name = 'certificate.pdf', held = true) {
  const sha256 = [...name].reduce((h, ch) => ((h * 31 + ch.charCodeAt(0)) >>> 0), 7).toString(16).padStart(8, '0').repeat(8);
  if (held) tx.blobs.add(sha256);
  return { sha256, name, mediaType: 'application/pdf', size: 1024 };
}

export const decide = (decision: 'approve' | 'reject', comment = '', requestId = 'leave-1', revision?: number) => ({ requestId, decision, comment, ...(revision === undefined ? {} : { revision }) });

export function leaveOf(tx: MemoryDocTx, id = 'leave-1') {
  const doc = tx.peek('leaveRequests', id);
  if (!doc) throw new Error(`no leave request ${id}`);
  return doc;
}

/** A person's balance of a type as the ledger and their pending requests give it. */
export function balanceOf(tx: MemoryDocTx, userId: string, typeId: string, asOf = '2026-03-02'): Balance {
  const entries = tx.all('leaveLedger').filter((e) => e.userId === userId && e.typeId === typeId);
  const reservations = tx
    .all('leaveRequests')
    .filter((r) => r.requesterId === userId && r.type === typeId && r.status === 'pending')
    .map((r) => ({ requestId: r.id, days: r.days, effectiveOn: r.startDate }));
  return computeBalance(entries, { asOf, reservations });
}

/** Replaces a stored document as an administrator would have earlier (not a write under test). */
export function patch<C extends 'users' | 'leaveTypes' | 'approvalRules' | 'delegations'>(tx: MemoryDocTx, c: C, id: string, changes: Partial<Collections[C]>): void {
  const doc = tx.peek(c, id);
  if (!doc) throw new Error(`no ${c} ${id}`);
  tx.seedDoc(c, { ...doc, ...changes });
}

/**
 * The travel documents an agency starts with (server/seed/system.ts): the example standards in
 * force as 'travel-standards' and the default trip and claim routes. Pass as `agency`'s `seed`.
 */
export function travelSeed(now = NOW): SeedDocs {
  const seed: Record<string, unknown[]> = {};
  for (const { c, doc } of travelSystemDocuments(now)) (seed[c] ??= []).push(doc);
  // Each document went into the list of the collection travelSystemDocuments names for it.
  return seed as SeedDocs;
}

/** The demo agency (see `agency`) with the travel standards and routes seeded. */
export function travelAgency(changes: Record<string, Partial<User>> = {}, options: AgencyOptions = {}): Promise<MemoryDocTx> {
  return agency(changes, { allocations: false, ...options, seed: { ...travelSeed(), ...options.seed } });
}
