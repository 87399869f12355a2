// "My balances": the numbers on the cards, the ledger in words, and the Decree 514 computation
// explained with the person's own dates.
import { describe, expect, it } from 'vitest';
import type { LedgerEntry } from '../../../../shared/domain/ledger';
import { annualEntitlement } from '../../../../shared/leave/entitlement';
import { runMutator } from '../../../../shared/mutators';
import { balancesOf, explainEntitlement, reservationsOf } from '../../../../renderer/features/balances/balanceModel';
import { decree514Rate, ledgerKindLabel, ledgerNewestFirst, ledgerReasonText, signedDays } from '../../../../renderer/features/balances/ledgerText';
import { createI18n } from '../../../../renderer/i18n/createI18n';
import { systemLeaveTypes } from '../../../../server/seed/system';
import { makeLeave } from '../../../support/leaveFixture';
import { demoTx } from '../../shared/fixtures/demoAgency';

const zh = createI18n('zh-CN').t;
const en = createI18n('en').t;
const es = createI18n('es').t;
const types = systemLeaveTypes('2026-01-01T00:00:00.000Z');

function entry(patch: Partial<LedgerEntry> & Pick<LedgerEntry, 'id' | 'kind' | 'days'>): LedgerEntry {
  return {
    userId: 'wangqiang',
    typeId: 'annual',
    effectiveOn: '2026-01-01',
    expiresOn: null,
    requestId: null,
    year: null,
    reason: '',
    actorId: 'zhouting',
    createdAt: '2026-01-02T01:00:00.000Z',
    ...patch,
  };
}

describe('the ledger in words', () => {
  it('reads a Decree 514 allocation as the rule and the year rate', () => {
    const full = entry({ id: 'al', kind: 'allocation', days: 10, reason: 'decree514:10', year: 2026 });
    expect(ledgerReasonText(zh, full)).toBe('按工龄（国务院令第514号）全年 10 天');
    expect(ledgerReasonText(en, full)).toBe('By working years (State Council Decree 514): 10 days for a full year');
    expect(ledgerReasonText(es, full)).toContain('Decreto 514');
  });

  it('says when the year was pro-rated', () => {
    const part = entry({ id: 'al', kind: 'allocation', days: 6, reason: 'decree514:10', year: 2026 });
    expect(ledgerReasonText(zh, part)).toBe('按工龄（国务院令第514号）全年 10 天，按当年在职天数折算为 6 天');
  });

  it('reads fixed allocations, approvals, cancellations and report-backs', () => {
    expect(ledgerReasonText(zh, entry({ id: '1', kind: 'allocation', days: 20, reason: 'fixed' }))).toBe('按固定标准分配 20 天');
    expect(ledgerReasonText(zh, entry({ id: '2', kind: 'usage', days: -2, reason: 'approved' }))).toBe('请假获批，扣减余额');
    expect(ledgerReasonText(en, entry({ id: '3', kind: 'restoration', days: 2, reason: 'cancelled' }))).toBe('Leave cancelled, days returned');
    expect(ledgerReasonText(zh, entry({ id: '4', kind: 'restoration', days: 1, reason: 'report_back' }))).toBe('提前销假，退回未休天数');
  });

  it('shows what HR wrote for an adjustment as written', () => {
    expect(ledgerReasonText(en, entry({ id: '5', kind: 'adjustment', days: 1, reason: '2 月 28 日加班' }))).toBe('2 月 28 日加班');
  });

  it('names the kinds and signs the days', () => {
    expect(ledgerKindLabel(zh, 'allocation')).toBe('年度分配');
    expect(ledgerKindLabel(en, 'adjustment')).toBe('HR adjustment');
    expect(signedDays(10)).toBe('+10');
    expect(signedDays(-2.5)).toBe('\u22122.5');
    expect(decree514Rate('decree514:15')).toBe(15);
    expect(decree514Rate('fixed')).toBeNull();
  });

  it('lists the newest first', () => {
    const entries = [
      entry({ id: 'al', kind: 'allocation', days: 5, effectiveOn: '2026-01-01' }),
      entry({ id: 'use-a', kind: 'usage', days: -2, effectiveOn: '2026-03-09', createdAt: '2026-03-03T01:00:00.000Z' }),
      entry({ id: 'rs-a', kind: 'restoration', days: 1, effectiveOn: '2026-03-09', createdAt: '2026-03-10T01:00:00.000Z' }),
    ];
    expect(ledgerNewestFirst(entries).map((e) => e.id)).toEqual(['rs-a', 'use-a', 'al']);
  });
});

describe('balancesOf', () => {
  it('gives one balance per active balance-tracked type, pending requests held as reserved', async () => {
    const tx = demoTx();
    await runMutator('ledger.allocateYear', { typeId: 'annual', year: 2026 }, { tx, actorId: 'zhouting', now: '2026-01-02T01:00:00.000Z' });
    const ledger = tx.all('leaveLedger').filter((e) => e.userId === 'wangqiang');
    const requests = [
      makeLeave('wangqiang', ['lina'], { id: 'p1', type: 'annual', status: 'pending', days: 2 }),
      makeLeave('wangqiang', ['lina'], { id: 'w1', type: 'annual', status: 'withdrawn', days: 3 }),
    ];
    const balances = balancesOf(types, ledger, requests, '2026-03-02');
    expect(balances.map((b) => b.type.id)).toEqual(['annual', 'home_visit', 'compensatory']);
    // Annual leave carries over to the end of the next year (年休假可跨 1 个年度安排).
    expect(balances[0]?.balance).toMatchObject({ allocated: 5, used: 0, reserved: 2, available: 3, expiring: [{ on: '2027-12-31', days: 3 }] });
    expect(balances[1]?.balance.available).toBe(0);
  });

  it('keeps a retired type while the person still has entries of it', () => {
    const retired = types.map((t) => (t.id === 'compensatory' ? { ...t, active: false } : t));
    const credit = entry({ id: 'adj', kind: 'adjustment', typeId: 'compensatory', days: 1 });
    expect(balancesOf(retired, [], [], '2026-03-02').map((b) => b.type.id)).not.toContain('compensatory');
    expect(balancesOf(retired, [credit], [], '2026-03-02').map((b) => b.type.id)).toContain('compensatory');
  });

  it('reserves only pending requests of the type', () => {
    const requests = [
      makeLeave('wangqiang', ['lina'], { id: 'p1', type: 'annual', status: 'pending', days: 2 }),
      makeLeave('wangqiang', ['lina'], { id: 'p2', type: 'sick', status: 'pending', days: 1 }),
      makeLeave('wangqiang', ['lina'], { id: 'a1', type: 'annual', status: 'approved', days: 1 }),
    ];
    expect(reservationsOf(requests, 'annual')).toEqual([{ requestId: 'p1', days: 2, effectiveOn: '2026-03-09', typeId: 'annual' }]);
  });
});

describe('explainEntitlement', () => {
  it('splits a year in which ten years are completed, as the allocation does', () => {
    // zhaomin started on 2016-09-01: 5 days a year until 31 August 2026, then 10.
    const x = explainEntitlement({ firstEmployedOn: '2016-09-01', joinedOn: '2016-09-01' }, 2026);
    expect(x.workingYears).toBe(10);
    expect(x.statutoryDays).toBe(10);
    expect(x.segments.map(({ from, to, rate, days }) => ({ from, to, rate, days }))).toEqual([
      { from: '2026-01-01', to: '2026-08-31', rate: 5, days: 243 },
      { from: '2026-09-01', to: '2026-12-31', rate: 10, days: 122 },
    ]);
    expect(x.earned).toBe(5 * 243 + 10 * 122);
    expect(x.yearLength).toBe(365);
    expect(x.days).toBe(6);
    expect(x.days).toBe(annualEntitlement({ firstEmployedOn: '2016-09-01', joinedOn: '2016-09-01' }, 2026).days);
    expect(x.wholeYear).toBe(false);
  });

  it('has nothing to pro-rate for a whole year at one rate', () => {
    const x = explainEntitlement({ firstEmployedOn: '2005-07-01', joinedOn: '2005-07-01' }, 2026);
    expect(x).toMatchObject({ workingYears: 21, statutoryDays: 15, days: 15, wholeYear: true });
  });

  it('pro-rates a mid-year join from the day of joining', () => {
    const x = explainEntitlement({ firstEmployedOn: '2010-07-01', joinedOn: '2026-07-01' }, 2026);
    expect(x.segments[0]).toMatchObject({ from: '2026-07-01', to: '2026-12-31', rate: 10, days: 184 });
    expect(x.days).toBe(Math.floor((10 * 184) / 365));
  });

  it('cannot compute without the start of working time', () => {
    const x = explainEntitlement({ firstEmployedOn: null, joinedOn: '2020-01-01' }, 2026);
    expect(x).toMatchObject({ firstEmployedOn: null, workingYears: null, days: 0, segments: [] });
  });

  it('uses 366 days in a leap year', () => {
    expect(explainEntitlement({ firstEmployedOn: '2000-01-01', joinedOn: null }, 2028).yearLength).toBe(366);
  });
});
