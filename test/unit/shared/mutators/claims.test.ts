// Expense claims (报销单) by the shared mutators over the demo agency, with the example travel
// standards in force and the default claim routes of server/seed/system.ts. Every amount below is
// worked out by hand from the example standards: 北京 pays 100 yuan of meals and 80 yuan of local
// transport a calendar day, and caps a night's lodging at 500 yuan for the 'other' band
// (ranks 1 to 11, so wangqiang at rank 5).
import { afterEach, describe, expect, it } from 'vitest';
import { capitalAmount, formatYuan } from '../../../../shared/money/money';
import { invoiceRegistryId } from '../../../../shared/mutators/claims';
import type { MemoryDocTx } from '../../../support/memoryDocTx';
import { attachment, expectAllWritesValid, expectRejected, NOW, run, travelAgency } from './helpers';

afterEach(() => {
  expectAllWritesValid();
});

const T1 = '2026-03-16T02:00:00.000Z';
const T2 = '2026-03-17T02:00:00.000Z';
const T3 = '2026-03-18T02:00:00.000Z';

const leg = (fromCity: string, toCity: string, date: string) => ({ fromCity, toCity, date, mode: 'train', travelClass: 'second' });

/** wangqiang's approved trip 广州 → 北京, Monday 9 to Thursday 12 March (4 calendar days), with `advanceFen` advanced. */
async function approvedTrip(advanceFen = 100_000, changes: Parameters<typeof travelAgency>[0] = {}, requester = 'wangqiang', approver = 'lina'): Promise<MemoryDocTx> {
  const tx = await travelAgency(changes);
  await run(tx, requester, 'travel.submit', {
    id: 'trip-1',
    purpose: '赴京汇报',
    legs: [leg('广州', '北京', '2026-03-09'), leg('北京', '广州', '2026-03-12')],
    estimates: [{ category: 'transport', amountFen: 600_000 }],
    advanceFen,
  });
  await run(tx, approver, 'travel.decide', { id: 'trip-1', decision: 'approve', comment: '' });
  while ((tx.peek('travelRequests', 'trip-1')?.pendingApproverIds.length ?? 0) > 0) {
    const next = tx.peek('travelRequests', 'trip-1')?.pendingApproverIds[0] ?? '';
    await run(tx, next, 'travel.decide', { id: 'trip-1', decision: 'approve', comment: '' });
  }
  expect(tx.peek('travelRequests', 'trip-1')?.status).toBe('approved');
  return tx;
}

type LineInput = Record<string, unknown>;
let lineSeq = 0;
function line(overrides: LineInput = {}): LineInput {
  lineSeq++;
  return { id: `line-${lineSeq}`, category: 'transport', date: '2026-03-09', amountMinor: 55_300, invoiceNumber: null, description: '高铁 广州南—北京西', ...overrides };
}
/** Three nights in 北京 for `amountMinor` fen (cap for rank 5: 3 × 500 yuan). */
const lodging = (amountMinor: number, overrides: LineInput = {}) => line({ category: 'lodging', city: '北京', nights: 3, amountMinor, description: '住宿', ...overrides });

function claimArgs(lines: LineInput[], overrides: LineInput = {}): Record<string, unknown> {
  return { id: 'claim-1', travelRequestId: null, title: '北京出差报销', lines, ...overrides };
}

function claimOf(tx: MemoryDocTx, id = 'claim-1') {
  const doc = tx.peek('expenseClaims', id);
  if (!doc) throw new Error(`no claim ${id}`);
  return doc;
}

const decision = (d: 'approve' | 'reject', comment = '', id = 'claim-1') => ({ id, decision: d, comment });

/** Approves the claim step by step, each time by the first pending approver. */
async function approveAll(tx: MemoryDocTx, id = 'claim-1'): Promise<string[]> {
  const by: string[] = [];
  for (let next = claimOf(tx, id).pendingApproverIds[0]; next; next = claimOf(tx, id).pendingApproverIds[0]) {
    await run(tx, next, 'claim.decide', decision('approve', '', id));
    by.push(next);
  }
  return by;
}

describe('claim.submit from an approved trip', () => {
  it('fills the per-diem allowances by calendar day and offsets the advance', async () => {
    const tx = await approvedTrip(100_000);
    await run(tx, 'wangqiang', 'claim.submit', claimArgs([line({ amountMinor: 55_300, invoiceNumber: '2444 0000 0001' }), lodging(135_000, { invoiceNumber: '24440000 0002' })], { travelRequestId: 'trip-1' }));
    const claim = claimOf(tx);
    expect(claim.allowances).toEqual([
      { kind: 'meals', regionId: 'beijing', days: 4, rateFen: 10_000, amountFen: 40_000 },
      { kind: 'local_transport', regionId: 'beijing', days: 4, rateFen: 8_000, amountFen: 32_000 },
    ]);
    // 553 + 1,350 + 400 + 320 = 2,623 yuan; 1,000 advanced, 1,623 to pay.
    expect(claim).toMatchObject({ travelRequestId: 'trip-1', totalFen: 262_300, advanceFen: 100_000, payableFen: 162_300, status: 'pending', ruleId: 'claim-default' });
    expect(capitalAmount(claim.totalFen)).toBe('贰仟陆佰贰拾叁元整');
    expect(formatYuan(claim.payableFen)).toContain('1,623.00');
    expect(claim.lines.map((l) => [l.invoiceNumber, l.amountFen, l.overStandard])).toEqual([
      ['244400000001', 55_300, null],
      ['244400000002', 135_000, null],
    ]);
  });

  it('pays each stop of a multi-city trip at its own rate, the return day counting for the last stop', async () => {
    const tx = await travelAgency();
    await run(tx, 'wangqiang', 'travel.submit', {
      id: 'trip-1',
      purpose: '调研',
      // 北京 Mon 9 and Tue 10; 拉萨 (meals 120 a day) from Wed 11 to the return on Fri 13.
      legs: [leg('广州', '北京', '2026-03-09'), leg('北京', '拉萨', '2026-03-11'), leg('拉萨', '广州', '2026-03-13')],
    });
    await run(tx, 'lina', 'travel.decide', { id: 'trip-1', decision: 'approve', comment: '' });
    await run(tx, 'wangqiang', 'claim.submit', claimArgs([], { travelRequestId: 'trip-1' }));
    const claim = claimOf(tx);
    expect(claim.allowances).toEqual([
      { kind: 'meals', regionId: 'beijing', days: 2, rateFen: 10_000, amountFen: 20_000 },
      { kind: 'meals', regionId: 'xizang', days: 3, rateFen: 12_000, amountFen: 36_000 },
      { kind: 'local_transport', regionId: 'beijing', days: 2, rateFen: 8_000, amountFen: 16_000 },
      { kind: 'local_transport', regionId: 'xizang', days: 3, rateFen: 8_000, amountFen: 24_000 },
    ]);
    expect(claim.totalFen).toBe(96_000);
  });

  it('leaves a negative amount payable when the advance was larger: the requester gives money back', async () => {
    const tx = await approvedTrip(500_000);
    await run(tx, 'wangqiang', 'claim.submit', claimArgs([line({ amountMinor: 55_300 })], { travelRequestId: 'trip-1' }));
    // 553 + 720 of allowances = 1,273 yuan against 5,000 advanced.
    expect(claimOf(tx)).toMatchObject({ totalFen: 127_300, advanceFen: 500_000, payableFen: -372_700 });
    expect(capitalAmount(claimOf(tx).totalFen)).toBe('壹仟贰佰柒拾叁元整');
  });

  it('refuses a trip that is not approved, and a trip already claimed until that claim is withdrawn', async () => {
    const tx = await travelAgency();
    await run(tx, 'wangqiang', 'travel.submit', { id: 'trip-1', purpose: '赴京汇报', legs: [leg('广州', '北京', '2026-03-09'), leg('北京', '广州', '2026-03-12')] });
    await expectRejected(tx, 'wangqiang', 'claim.submit', claimArgs([line()], { travelRequestId: 'trip-1' }), 'claim.trip_not_approved');
    await expectRejected(tx, 'wangqiang', 'claim.submit', claimArgs([line()], { travelRequestId: 'trip-9' }), 'claim.trip_not_approved');
    await run(tx, 'lina', 'travel.decide', { id: 'trip-1', decision: 'approve', comment: '' });
    // Someone else's trip is not theirs to claim.
    await expectRejected(tx, 'zhaomin', 'claim.submit', claimArgs([line()], { travelRequestId: 'trip-1' }), 'claim.trip_not_approved');
    await run(tx, 'wangqiang', 'claim.submit', claimArgs([line()], { travelRequestId: 'trip-1' }));
    await expectRejected(tx, 'wangqiang', 'claim.submit', claimArgs([line()], { id: 'claim-2', travelRequestId: 'trip-1' }), 'claim.trip_already_claimed');
    await run(tx, 'wangqiang', 'claim.withdraw', { id: 'claim-1' }, T1);
    await run(tx, 'wangqiang', 'claim.submit', claimArgs([line()], { id: 'claim-2', travelRequestId: 'trip-1' }), T1);
    expect(claimOf(tx, 'claim-2').status).toBe('pending');
  });
});

describe('claim.submit lines', () => {
  it('requires an explanation for lodging over the standard, naming the line', async () => {
    const tx = await travelAgency();
    // 3 nights at most 1,500 yuan: 1,600 is over.
    await expectRejected(tx, 'wangqiang', 'claim.submit', claimArgs([line(), lodging(160_000)]), 'claim.explanation_required', { line: 2 });
    await expectRejected(tx, 'wangqiang', 'claim.submit', claimArgs([line(), lodging(160_000, { explanation: '   ' })]), 'claim.explanation_required', { line: 2 });
    await run(tx, 'wangqiang', 'claim.submit', claimArgs([line(), lodging(160_000, { explanation: '  会议指定酒店，无标准内房间  ' })]));
    expect(claimOf(tx).lines[1]?.overStandard).toEqual({ limitFen: 150_000, explanation: '会议指定酒店，无标准内房间' });
  });

  it('takes lodging at the cap exactly as within the standard', async () => {
    const tx = await travelAgency();
    await run(tx, 'wangqiang', 'claim.submit', claimArgs([lodging(150_000)]));
    expect(claimOf(tx).lines[0]?.overStandard).toBeNull();
  });

  it('converts foreign currency at the rate given, to the fen', async () => {
    const tx = await travelAgency();
    await run(tx, 'wangqiang', 'claim.submit', claimArgs([
      line({ currency: 'USD', amountMinor: 10_000, rate: '7.1234', description: 'Taxi' }),
      // Yen have no minor unit: 10,000 yen at 0.0482 is 482 yuan.
      line({ currency: 'JPY', amountMinor: 10_000, rate: '0.0482', category: 'other' }),
      // A rate on a CNY line is ignored.
      line({ amountMinor: 1_000, rate: '9' }),
    ]));
    const claim = claimOf(tx);
    expect(claim.lines.map((l) => [l.currency, l.amountMinor, l.rate, l.amountFen])).toEqual([
      ['USD', 10_000, '7.1234', 71_234],
      ['JPY', 10_000, '0.0482', 48_200],
      ['CNY', 1_000, '1', 1_000],
    ]);
    expect(claim.totalFen).toBe(120_434);
    expect(capitalAmount(claim.totalFen)).toBe('壹仟贰佰零肆元叁角肆分');
    await expectRejected(tx, 'wangqiang', 'claim.submit', claimArgs([line({ currency: 'USD', amountMinor: 100, rate: '0' })], { id: 'claim-2' }), 'claim.bad_rate');
  });

  it('refuses an empty claim', async () => {
    const tx = await travelAgency();
    await expectRejected(tx, 'wangqiang', 'claim.submit', claimArgs([]), 'claim.empty');
  });

  it('refuses a receipt whose file the store does not hold (blob.missing), and accepts it once held', async () => {
    const tx = await travelAgency();
    const receipt = attachment(tx, '发票.pdf', false);
    await expectRejected(tx, 'wangqiang', 'claim.submit', claimArgs([line({ receipts: [receipt] })]), 'blob.missing', { name: '发票.pdf' });
    tx.blobs.add(receipt.sha256);
    await run(tx, 'wangqiang', 'claim.submit', claimArgs([line({ receipts: [receipt] })]));
    expect(claimOf(tx).lines[0]?.receipts).toEqual([receipt]);
  });
});

describe('invoice numbers', () => {
  it('refuses the same invoice twice within a claim, however it is written', async () => {
    const tx = await travelAgency();
    await expectRejected(tx, 'wangqiang', 'claim.submit', claimArgs([line({ invoiceNumber: '0440-0123 ab' }), line({ invoiceNumber: '04400123AB' })]), 'claim.duplicate_invoice', { invoice: '04400123AB' });
  });

  it('refuses an invoice another claim holds, and registers the numbers by hash', async () => {
    const tx = await travelAgency();
    await run(tx, 'wangqiang', 'claim.submit', claimArgs([line({ invoiceNumber: '04400123AB' })]));
    const entry = tx.peek('invoices', invoiceRegistryId('0440 0123 ab'));
    expect(entry).toEqual({ id: invoiceRegistryId('04400123AB'), claimId: 'claim-1', lineId: claimOf(tx).lines[0]?.id, released: false, at: NOW });
    await expectRejected(tx, 'zhaomin', 'claim.submit', claimArgs([line({ invoiceNumber: '0440-0123-AB' })], { id: 'claim-2' }), 'claim.duplicate_invoice', { invoice: '04400123AB' });
    await expectRejected(tx, 'wangqiang', 'claim.submit', claimArgs([line({ invoiceNumber: '04400123ab' })], { id: 'claim-2' }), 'claim.duplicate_invoice', { invoice: '04400123AB' });
  });

  it('a withdrawn claim releases its invoices, so they can be claimed again', async () => {
    const tx = await travelAgency();
    await run(tx, 'wangqiang', 'claim.submit', claimArgs([line({ invoiceNumber: '04400123AB' })]));
    await run(tx, 'wangqiang', 'claim.withdraw', { id: 'claim-1' }, T1);
    expect(tx.peek('invoices', invoiceRegistryId('04400123AB'))?.released).toBe(true);
    await run(tx, 'wangqiang', 'claim.submit', claimArgs([line({ invoiceNumber: '04400123AB' })], { id: 'claim-2' }), T2);
    expect(tx.peek('invoices', invoiceRegistryId('04400123AB'))).toMatchObject({ claimId: 'claim-2', released: false });
  });

  it('a rejected claim releases its invoices too', async () => {
    const tx = await travelAgency();
    await run(tx, 'wangqiang', 'claim.submit', claimArgs([line({ invoiceNumber: '04400123AB' })]));
    await run(tx, 'lina', 'claim.decide', decision('reject', '发票抬头有误'), T1);
    expect(claimOf(tx).status).toBe('rejected');
    await run(tx, 'zhaomin', 'claim.submit', claimArgs([line({ invoiceNumber: '04400123AB' })], { id: 'claim-2' }), T2);
    expect(claimOf(tx, 'claim-2').status).toBe('pending');
  });

  it('an approved claim keeps its invoices', async () => {
    const tx = await travelAgency();
    await run(tx, 'wangqiang', 'claim.submit', claimArgs([line({ invoiceNumber: '04400123AB' })]));
    await approveAll(tx);
    await expectRejected(tx, 'zhaomin', 'claim.submit', claimArgs([line({ invoiceNumber: '04400123AB' })], { id: 'claim-2' }), 'claim.duplicate_invoice', { invoice: '04400123AB' });
  });
});

describe('claim routes', () => {
  /** chenjing reports to sunlei, whose department 业务处 is headed by liuyang. */
  const chenjingUnderSunlei = { chenjing: { managerId: 'sunlei' } };

  it('goes to the manager, then finance last, under 5,000 yuan', async () => {
    const tx = await travelAgency(chenjingUnderSunlei);
    await run(tx, 'chenjing', 'claim.submit', claimArgs([line({ amountMinor: 499_999 })]));
    const claim = claimOf(tx);
    expect(claim.steps.map((s) => [s.kind, s.approverIds])).toEqual([
      ['manager', ['sunlei']],
      ['role', ['yangfan']],
    ]);
    expect(claim.pendingApproverIds).toEqual(['sunlei']);
  });

  it('adds the department head from 5,000 yuan, finance still last', async () => {
    const tx = await travelAgency(chenjingUnderSunlei);
    await run(tx, 'chenjing', 'claim.submit', claimArgs([line({ amountMinor: 300_000 }), line({ amountMinor: 200_000 })]));
    expect(claimOf(tx)).toMatchObject({ ruleId: 'claim-large', totalFen: 500_000 });
    expect(claimOf(tx).steps.map((s) => s.approverIds)).toEqual([['sunlei'], ['liuyang'], ['yangfan']]);
    expect(await approveAll(tx)).toEqual(['sunlei', 'liuyang', 'yangfan']);
    expect(claimOf(tx).status).toBe('approved');
  });

  it('ends with finance even when a rule an administrator wrote forgets it', async () => {
    const tx = await travelAgency(chenjingUnderSunlei);
    tx.seedDoc('approvalRules', { ...(tx.peek('approvalRules', 'claim-default') ?? never()), steps: [{ kind: 'department_head', role: null, userIds: [], mode: 'any' }] });
    await run(tx, 'chenjing', 'claim.submit', claimArgs([line()]));
    expect(claimOf(tx).steps.map((s) => s.approverIds)).toEqual([['liuyang'], ['yangfan']]);
  });

  it('leaves out the finance step of a finance officer\'s own claim when no other finance officer exists', async () => {
    const tx = await travelAgency();
    await run(tx, 'yangfan', 'claim.submit', claimArgs([line()]));
    // yangfan is the only finance officer: the finance step has nobody else, and is skipped.
    expect(claimOf(tx).steps.map((s) => s.approverIds)).toEqual([['zhangwei']]);
  });
});

describe('claim.markPaid', () => {
  async function approvedClaim() {
    const tx = await approvedTrip(100_000);
    await run(tx, 'wangqiang', 'claim.submit', claimArgs([line()], { travelRequestId: 'trip-1' }));
    return tx;
  }

  it('is for finance only, once the claim is approved, with a payment reference', async () => {
    const tx = await approvedClaim();
    const paid = { id: 'claim-1', reference: 'ZF-2026-0318-01', paidOn: '2026-03-18' };
    await expectRejected(tx, 'yangfan', 'claim.markPaid', paid, 'claim.not_payable', { status: 'pending' });
    await run(tx, 'lina', 'claim.decide', decision('approve'), T1);
    await run(tx, 'yangfan', 'claim.decide', decision('approve', '单据齐全'), T2);
    expect(claimOf(tx).status).toBe('approved');
    await expectRejected(tx, 'lina', 'claim.markPaid', paid, 'auth.forbidden');
    await expectRejected(tx, 'wangqiang', 'claim.markPaid', paid, 'auth.forbidden');
    await expectRejected(tx, 'yangfan', 'claim.markPaid', { ...paid, reference: '  ' }, 'claim.payment_reference_required');
    await expectRejected(tx, 'yangfan', 'claim.markPaid', { ...paid, id: 'claim-9' }, 'claim.not_found');
    await run(tx, 'yangfan', 'claim.markPaid', { ...paid, reference: ' ZF-2026-0318-01 ' }, T3);

    // What the requester's copy shows: paid, when, by whom, with the reference.
    const claim = claimOf(tx);
    expect(claim).toMatchObject({ status: 'paid', payment: { reference: 'ZF-2026-0318-01', paidOn: '2026-03-18', byId: 'yangfan' }, updatedAt: T3 });
    expect(claim.history.map((h) => [h.actorId, h.action])).toEqual([
      ['wangqiang', 'submitted'],
      ['lina', 'approved'],
      ['yangfan', 'approved'],
      ['yangfan', 'paid'],
    ]);
    expect((await tx.find('expenseClaims', 'requesterId', 'wangqiang')).map((c) => [c.status, c.payment?.reference])).toEqual([['paid', 'ZF-2026-0318-01']]);
    // Paid once only.
    await expectRejected(tx, 'yangfan', 'claim.markPaid', paid, 'claim.not_payable', { status: 'paid' });
  });

  it('cannot pay a rejected claim, nor withdraw a paid one', async () => {
    const tx = await approvedClaim();
    await run(tx, 'lina', 'claim.decide', decision('reject', '请补充说明'), T1);
    await expectRejected(tx, 'yangfan', 'claim.markPaid', { id: 'claim-1', reference: 'X1', paidOn: '2026-03-18' }, 'claim.not_payable', { status: 'rejected' });
    await expectRejected(tx, 'wangqiang', 'claim.withdraw', { id: 'claim-1' }, 'claim.not_withdrawable', { status: 'rejected' });
  });
});

function never(): never {
  throw new Error('missing seed document');
}
