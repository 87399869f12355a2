import { describe, expect, it } from 'vitest';
import { EXAMPLE_TRAVEL_STANDARDS } from '../../../../shared/travel/exampleStandards';
import { claimTotals, emptyLine, lineAmountMinor, lineFen, overStandardLimit, submitLines, tripAdvanceFen, tripAllowances, type LineDraft } from '../../../../renderer/features/claims/draft';

const line = (patch: Partial<LineDraft>): LineDraft => ({ ...emptyLine('l1', '2026-03-02'), ...patch });

describe('claim draft arithmetic', () => {
  it('reads yuan as typed, with grouping and full-width digits, into fen', () => {
    expect(lineFen(line({ amountText: '1,005.50' }))).toBe(100550);
    expect(lineFen(line({ amountText: '１２.３' }))).toBe(1230);
    expect(lineFen(line({ amountText: '12.345' }))).toBeNull();
  });

  it('converts a foreign amount only once a rate is given', () => {
    expect(lineFen(line({ amountText: '100', currency: 'USD', rate: '' }))).toBeNull();
    expect(lineFen(line({ amountText: '100', currency: 'USD', rate: '7.1234' }))).toBe(71234);
    // The yen has no minor unit: 1500 yen at 0.048 is 72 yuan.
    expect(lineAmountMinor(line({ amountText: '1500', currency: 'JPY' }))).toBe(1500);
    expect(lineFen(line({ amountText: '1500', currency: 'JPY', rate: '0.048' }))).toBe(7200);
    expect(lineAmountMinor(line({ amountText: '1500.5', currency: 'JPY' }))).toBeNull();
  });

  it('adds lines and allowances, offsets the advance and spells the total in capitals', () => {
    const allowances = [{ kind: 'meals' as const, regionId: 'beijing', days: 3, rateFen: 10000, amountFen: 30000 }];
    const totals = claimTotals([line({ amountText: '553' }), line({ id: 'l2', amountText: '' })], allowances, 100000);
    expect(totals).toMatchObject({ linesFen: 55300, allowancesFen: 30000, totalFen: 85300, advanceFen: 100000, payableFen: -14700, incomplete: [1] });
    expect(totals.capital).toBe('捌佰伍拾叁元整');
  });

  it('flags lodging over cap × nights for the traveller’s rank band', () => {
    const lodging = line({ category: 'lodging', city: '北京市', nights: 2, amountText: '1001' });
    expect(overStandardLimit(EXAMPLE_TRAVEL_STANDARDS, lodging, 5)).toBe(100000);
    expect(overStandardLimit(EXAMPLE_TRAVEL_STANDARDS, lodging, 15)).toBeNull();
    expect(overStandardLimit(EXAMPLE_TRAVEL_STANDARDS, { ...lodging, category: 'transport' }, 5)).toBeNull();
  });

  it('previews the trip’s allowances per calendar day and the advance for its requester only', () => {
    const trip = {
      requesterId: 'wangqiang',
      advanceFen: 200000,
      legs: [
        { fromCity: '深圳', toCity: '北京', date: '2026-03-02', mode: 'plane' as const, travelClass: 'economy' as const },
        { fromCity: '北京', toCity: '深圳', date: '2026-03-04', mode: 'plane' as const, travelClass: 'economy' as const },
      ],
    };
    const allowances = tripAllowances(EXAMPLE_TRAVEL_STANDARDS, trip, 5);
    expect(allowances.map((a) => [a.kind, a.regionId, a.days])).toEqual([
      ['meals', 'beijing', 3],
      ['local_transport', 'beijing', 3],
    ]);
    expect(tripAllowances(null, trip, 5)).toEqual([]);
    expect(tripAdvanceFen(trip, 'wangqiang')).toBe(200000);
    expect(tripAdvanceFen(trip, 'zhaomin')).toBe(0);
  });

  it('builds submit lines, refusing an incomplete one', () => {
    expect(submitLines([line({ amountText: '' })])).toBeNull();
    expect(submitLines([line({ amountText: '10', date: null })])).toBeNull();
    const [out] = submitLines([line({ amountText: '10', invoiceNumber: ' 0441 ', nights: 3 })]) ?? [];
    expect(out).toMatchObject({ amountMinor: 1000, rate: '1', invoiceNumber: '0441', nights: 0 });
  });
});
