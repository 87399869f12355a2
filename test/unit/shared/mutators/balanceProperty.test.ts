// Random sequences of what people do with leave (submit, approve, reject, withdraw, cancel,
// report back) and what HR does with balances (adjust), run through the real mutators over
// MemoryDocTx, must keep the balances honest:
//   1. a type that may not go below zero never does, on any day (no overdraft);
//   2. with lots that never expire, what is available is exactly what was credited, less what
//      approved leave actually took (after cancellations and report-backs), less what pending
//      requests hold, computed here from the requests themselves, not from the ledger.
// Seeded, so a failure reproduces; fast-check shrinks it to a short sequence.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../../../shared/calendar/dates';
import type { LeaveRequest } from '../../../../shared/domain/leave';
import type { LedgerEntry } from '../../../../shared/domain/ledger';
import { computeBalance } from '../../../../shared/leave/ledger';
import { MutationRejected } from '../../../../shared/mutators';
import type { MemoryDocTx } from '../../../support/memoryDocTx';
import { agency, expectAllWritesValid, on, run } from './helpers';

const FIRST_DAY = '2026-03-02';
const END_OF_YEAR = '2026-12-31';
const PEOPLE = ['wangqiang', 'zhaomin', 'chenjing'] as const;
/** annual: may not go below zero; compensatory: allowed below zero here; personal: no balance. */
const TRACKED = ['annual', 'compensatory'] as const;
const TYPES = [...TRACKED, 'personal'] as const;
const half = fc.constantFrom('am' as const, 'pm' as const);

type Action =
  | { kind: 'submit'; who: number; type: (typeof TYPES)[number]; startIn: number; length: number; startHalf: 'am' | 'pm'; endHalf: 'am' | 'pm' }
  | { kind: 'approve' | 'reject' | 'withdraw' | 'cancel'; pick: number }
  | { kind: 'reportBack'; pick: number; afterStart: number; returnHalf: 'am' | 'pm' }
  | { kind: 'adjust'; who: number; type: (typeof TRACKED)[number]; halves: number; effectiveIn: number };

const action: fc.Arbitrary<{ advance: number; act: Action }> = fc.record({
  // Days pass between actions now and then, so leave starts, ends and can be reported back.
  advance: fc.constantFrom(0, 0, 0, 1, 3),
  act: fc.oneof(
    // Annual leave most often: it is the type with a floor, where contention matters.
    { weight: 5, arbitrary: fc.record({ kind: fc.constant('submit' as const), who: fc.nat(2), type: fc.constantFrom('annual' as const, 'annual' as const, ...TYPES), startIn: fc.integer({ min: 0, max: 30 }), length: fc.integer({ min: 0, max: 4 }), startHalf: half, endHalf: half }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('approve' as const), pick: fc.nat(50) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constantFrom('reject' as const, 'withdraw' as const), pick: fc.nat(50) }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('cancel' as const), pick: fc.nat(50) }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('reportBack' as const), pick: fc.nat(50), afterStart: fc.integer({ min: 0, max: 9 }), returnHalf: half }) },
    // Credits of up to 3 days and corrections of up to 2, effective any day of the year so far or to come.
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('adjust' as const), who: fc.nat(2), type: fc.constantFrom(...TRACKED), halves: fc.integer({ min: -4, max: 6 }).filter((h) => h !== 0), effectiveIn: fc.integer({ min: -60, max: 120 }) }) },
  ),
});

/** Runs a mutation; a refusal is a normal outcome here, anything else is a bug. */
async function attempt(tx: MemoryDocTx, actorId: string, name: string, args: unknown, now: string): Promise<boolean> {
  try {
    await run(tx, actorId, name, args, now);
    return true;
  } catch (err) {
    if (err instanceof MutationRejected) return false;
    throw err;
  }
}

type Snapshot = { ledger: LedgerEntry[]; requests: LeaveRequest[] };
const snapshot = (tx: MemoryDocTx): Snapshot => ({ ledger: tx.all('leaveLedger'), requests: tx.all('leaveRequests') });

function balance({ ledger, requests }: Snapshot, userId: string, typeId: string, asOf: string) {
  const entries = ledger.filter((e) => e.userId === userId && e.typeId === typeId);
  const reservations = requests
    .filter((r) => r.requesterId === userId && r.type === typeId && r.status === 'pending')
    .map((r) => ({ requestId: r.id, days: r.days, effectiveOn: r.startDate }));
  return computeBalance(entries, { asOf, reservations });
}

/** What the requests themselves say a person took and holds of a type. */
function fromRequests({ requests }: Snapshot, userId: string, typeId: string): { taken: number; held: number } {
  let taken = 0;
  let held = 0;
  for (const r of requests) {
    if (r.requesterId !== userId || r.type !== typeId) continue;
    if (r.status === 'pending') held += r.days;
    if (r.status === 'approved') taken += r.reportBack ? r.reportBack.actualDays : r.days;
  }
  return { taken, held };
}

/** How many times each kind of action was applied (not refused), over all runs. */
const applied = new Map<Action['kind'], number>();

async function play(actions: ReadonlyArray<{ advance: number; act: Action }>): Promise<void> {
  // chenjing reports to sunlei: her longer requests take two steps (sunlei, then liuyang).
  const tx = await agency({ chenjing: { managerId: 'sunlei' } }, { allocations: false });
  const compensatory = tx.peek('leaveTypes', 'compensatory');
  if (!compensatory) throw new Error('no compensatory leave type');
  tx.seedDoc('leaveTypes', { ...compensatory, allowNegative: true });

  const credited = new Map<string, number>();
  const credit = (userId: string, typeId: string, days: number) => credited.set(`${userId}/${typeId}`, (credited.get(`${userId}/${typeId}`) ?? 0) + days);
  let today = FIRST_DAY;
  let n = 0;
  const adjust = async (userId: string, typeId: string, days: number, effectiveOn: string): Promise<boolean> => {
    const args = { id: `adj-${++n}`, userId, typeId, days, effectiveOn, expiresOn: null, reason: 'property' };
    const ok = await attempt(tx, 'zhouting', 'ledger.adjust', args, on(today));
    if (ok) credit(userId, typeId, days);
    return ok;
  };
  for (const who of PEOPLE) await adjust(who, 'annual', 5, '2026-01-01');

  for (const { advance, act } of actions) {
    // Each action picks among the requests it could apply to, so that most of them do.
    const candidates = tx.all('leaveRequests').filter((r) => {
      switch (act.kind) {
        case 'approve':
        case 'reject':
          return r.pendingApproverIds.length > 0;
        case 'withdraw':
          return r.status === 'pending';
        case 'cancel':
        case 'reportBack':
          return r.status === 'approved' && !r.reportBack && r.cancellation?.status !== 'pending';
        default:
          return false;
      }
    });
    const picked = candidates.length > 0 && 'pick' in act ? candidates[act.pick % candidates.length] : undefined;
    today = addDays(today, advance);
    // A report-back is made on the day of the return at the earliest: the clock moves on to it.
    const returnDate = act.kind === 'reportBack' && picked ? addDays(picked.startDate, act.afterStart) : null;
    if (returnDate && returnDate > today) today = returnDate;
    const now = on(today);
    let ok = false;
    switch (act.kind) {
      case 'submit': {
        const startDate = addDays(today, act.startIn);
        const args = { id: `r${++n}`, type: act.type, startDate, startHalf: act.startHalf, endDate: addDays(startDate, act.length), endHalf: act.endHalf, reason: 'property' };
        ok = await attempt(tx, PEOPLE[act.who] ?? 'wangqiang', 'leave.submit', args, now);
        break;
      }
      case 'approve':
      case 'reject': {
        const approver = picked?.pendingApproverIds[0];
        if (picked && approver) ok = await attempt(tx, approver, 'approval.decide', { requestId: picked.id, decision: act.kind, comment: act.kind === 'reject' ? 'no' : '' }, now);
        break;
      }
      case 'withdraw':
        if (picked) ok = await attempt(tx, picked.requesterId, 'leave.withdraw', { id: picked.id }, now);
        break;
      case 'cancel':
        if (picked) ok = await attempt(tx, picked.requesterId, 'leave.cancel', { id: picked.id, reason: 'property' }, now);
        break;
      case 'reportBack':
        if (picked && returnDate) ok = await attempt(tx, picked.requesterId, 'leave.reportBack', { id: picked.id, returnDate, returnHalf: act.returnHalf, comment: '' }, now);
        break;
      case 'adjust':
        ok = await adjust(PEOPLE[act.who] ?? 'wangqiang', act.type, act.halves / 2, addDays(today, act.effectiveIn));
        break;
    }
    if (ok) applied.set(act.kind, (applied.get(act.kind) ?? 0) + 1);

    const state = snapshot(tx);
    for (const userId of PEOPLE) {
      for (const typeId of TRACKED) {
        const atYearEnd = balance(state, userId, typeId, END_OF_YEAR);
        const where = `${userId} ${typeId} after ${JSON.stringify(act)} on ${today}`;
        if (typeId === 'annual') {
          expect(atYearEnd.overdraft, `${where}: no day of the year is overdrawn`).toBe(0);
          expect(balance(state, userId, typeId, today).available, `${where}: available today`).toBeGreaterThanOrEqual(0);
        }
        const { taken, held } = fromRequests(state, userId, typeId);
        expect(atYearEnd.available, `${where}: credited - taken - held`).toBe((credited.get(`${userId}/${typeId}`) ?? 0) - taken - held);
        expect(atYearEnd.reserved, where).toBe(held);
      }
    }
  }
  expectAllWritesValid();
}

describe('balances under random use of the leave mutators', () => {
  it('never overdraw a no-negative type and always equal credited - taken - held', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(action, { minLength: 15, maxLength: 40 }), (actions) => play(actions)),
      { seed: 20260302, numRuns: 40 },
    );
    // Guards against a property that holds only because everything was refused.
    for (const kind of ['submit', 'approve', 'reject', 'withdraw', 'cancel', 'reportBack', 'adjust'] as const) {
      expect(applied.get(kind) ?? 0, `${kind} applied`).toBeGreaterThan(5);
    }
    // A limit, not a timing: some 1,000 mutations on a shared 2-core machine.
  }, 60_000);

  it('a worked example: report-back, cancellation and a correction', async () => {
    const tx = await agency({}, { allocations: false });
    const script: Array<[string, string, unknown, string]> = [
      ['zhouting', 'ledger.adjust', { id: 'c1', userId: 'wangqiang', typeId: 'annual', days: 5, effectiveOn: '2026-01-01', expiresOn: null, reason: 'x' }, '2026-03-02'],
      ['zhouting', 'ledger.adjust', { id: 'c2', userId: 'zhaomin', typeId: 'annual', days: 5, effectiveOn: '2026-01-01', expiresOn: null, reason: 'x' }, '2026-03-02'],
      ['wangqiang', 'leave.submit', { id: 'a', type: 'annual', startDate: '2026-03-09', startHalf: 'am', endDate: '2026-03-13', endHalf: 'pm', reason: 'x' }, '2026-03-02'],
      ['lina', 'approval.decide', { requestId: 'a', decision: 'approve', comment: '' }, '2026-03-02'],
      ['wangqiang', 'leave.reportBack', { id: 'a', returnDate: '2026-03-11', returnHalf: 'pm', comment: '' }, '2026-03-11'],
      ['zhaomin', 'leave.submit', { id: 'b', type: 'annual', startDate: '2026-03-16', startHalf: 'am', endDate: '2026-03-16', endHalf: 'pm', reason: 'x' }, '2026-03-11'],
      ['lina', 'approval.decide', { requestId: 'b', decision: 'approve', comment: '' }, '2026-03-11'],
      ['zhaomin', 'leave.cancel', { id: 'b', reason: 'x' }, '2026-03-12'],
      ['lina', 'approval.decide', { requestId: 'b', decision: 'approve', comment: '' }, '2026-03-12'],
      ['zhouting', 'ledger.adjust', { id: 'c3', userId: 'wangqiang', typeId: 'annual', days: -1, effectiveOn: '2026-03-12', expiresOn: null, reason: 'x' }, '2026-03-12'],
    ];
    for (const [actor, name, args, date] of script) await run(tx, actor, name, args, on(date));
    // wangqiang: 5 credited - 2.5 taken (back on Wednesday at noon) - 1 corrected.
    expect(balance(snapshot(tx), 'wangqiang', 'annual', END_OF_YEAR).available).toBe(1.5);
    // zhaomin: her cancelled day is back.
    expect(balance(snapshot(tx), 'zhaomin', 'annual', END_OF_YEAR).available).toBe(5);
    expectAllWritesValid();
  });
});
