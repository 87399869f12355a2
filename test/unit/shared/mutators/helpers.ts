// Helpers for running mutators against the demo agency in memory. Every transaction made here
// is remembered, and `expectAllWritesValid` (called after each test) checks that every
// document any mutator wrote passes the collection's schema, as the server would demand.
import { expect } from 'vitest';
import { MutationRejected, runMutator } from '../../../../shared/mutators';
import type { LeaveSubmitArgs } from '../../../../shared/mutators/leave';
import type { User } from '../../../../shared/domain/directory';
import type { ReasonCode, ReasonParams } from '../../../../shared/i18n/reasons';
import { docSchemas } from '../../../../shared/sync/docSchemas';
import type { MemoryDocTx } from '../../../support/memoryDocTx';
import { demoTx } from '../fixtures/demoAgency';

export const NOW = '2026-03-02T01:00:00.000Z';

const made: MemoryDocTx[] = [];

/** The demo agency in memory; see demoTx for `changes`. */
export function agency(changes: Record<string, Partial<User>> = {}): MemoryDocTx {
  const tx = demoTx(changes);
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

/** Runs a mutation that must be refused with `code` (and `params`, when given) and write nothing. */
export async function expectRejected(tx: MemoryDocTx, actorId: string, name: string, args: unknown, code: ReasonCode, params?: ReasonParams): Promise<void> {
  const before = tx.writes.length;
  let error: unknown = null;
  try {
    await run(tx, actorId, name, args);
  } catch (err) {
    error = err;
  }
  expect(error, `${name} by ${actorId} should be rejected with ${code}`).toBeInstanceOf(MutationRejected);
  expect((error as MutationRejected).code).toBe(code);
  if (params) expect((error as MutationRejected).params).toEqual(params);
  expect(tx.writes.length, 'a rejected mutation writes nothing').toBe(before);
}

/** Arguments of a valid leave.submit: Monday 9 to Tuesday 10 March 2026, two working days. */
export function submitArgs(overrides: Partial<Record<keyof LeaveSubmitArgs, unknown>> = {}): Record<string, unknown> {
  return { id: 'leave-1', type: 'annual', startDate: '2026-03-09', startHalf: 'am', endDate: '2026-03-10', endHalf: 'pm', reason: 'Family visit', ...overrides };
}

export function leaveOf(tx: MemoryDocTx, id = 'leave-1') {
  const doc = tx.peek('leaveRequests', id);
  if (!doc) throw new Error(`no leave request ${id}`);
  return doc;
}
