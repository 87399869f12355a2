import { describe, expect, it } from 'vitest';
import { annualEntitlement, completedWorkingYears, statutoryAnnualDays } from '../../../../shared/leave/entitlement';

describe('completedWorkingYears', () => {
  it.each([
    ['the day before the first anniversary', '2025-03-10', '2026-03-09', 0],
    ['the first anniversary itself', '2025-03-10', '2026-03-10', 1],
    ['the day after it', '2025-03-10', '2026-03-11', 1],
    ['ten years to the day', '2016-07-01', '2026-07-01', 10],
    ['the first day of work', '2026-03-10', '2026-03-10', 0],
    ['a day before starting work', '2026-03-10', '2026-03-09', 0],
    ['years before starting work', '2030-01-01', '2026-06-30', 0],
  ])('%s', (_name, firstEmployedOn, on, years) => {
    expect(completedWorkingYears(firstEmployedOn, on)).toBe(years);
  });

  describe('a 29 February start has its anniversary on 28 February in common years', () => {
    it.each([
      ['2025-02-27', 0],
      ['2025-02-28', 1],
      ['2025-03-01', 1],
      ['2027-02-28', 3],
      // 2028 is a leap year: the anniversary is 29 February again.
      ['2028-02-28', 3],
      ['2028-02-29', 4],
    ])('on %s: %i years', (on, years) => {
      expect(completedWorkingYears('2024-02-29', on)).toBe(years);
    });
  });

  it('rejects a date that is not a calendar date', () => {
    expect(() => completedWorkingYears('2025-02-30', '2026-01-01')).toThrow(RangeError);
    expect(() => completedWorkingYears('2025-01-01', '2026/01/01')).toThrow(RangeError);
  });
});

describe('statutoryAnnualDays (Decree 514 art. 3)', () => {
  it.each([
    [0, 0],
    [0.99, 0],
    [1, 5],
    [9, 5],
    [10, 10],
    [19, 10],
    [20, 15],
    [42, 15],
  ])('%s years: %i days', (years, days) => {
    expect(statutoryAnnualDays(years)).toBe(days);
  });
});

describe('annualEntitlement', () => {
  const withAgencySince2000 = (firstEmployedOn: string | null) => ({ firstEmployedOn, joinedOn: '2000-01-01' });

  describe('a threshold reached exactly on 1 January gives the full year', () => {
    it.each([
      ['1 year', '2025-01-01', 5],
      ['10 years', '2016-01-01', 10],
      ['20 years', '2006-01-01', 15],
    ])('%s', (_name, firstEmployedOn, days) => {
      expect(annualEntitlement(withAgencySince2000(firstEmployedOn), 2026)).toEqual({
        days,
        fullYearDays: days,
        segments: [{ from: '2026-01-01', to: '2026-12-31', rate: days }],
      });
    });
  });

  describe('one day short of a threshold on 1 January loses a whole day to the rounding down', () => {
    it('1 year reached on 2 January: floor(364 × 5 / 365) = floor(4.99) = 4', () => {
      expect(annualEntitlement(withAgencySince2000('2025-01-02'), 2026)).toEqual({
        days: 4,
        fullYearDays: 5,
        segments: [
          { from: '2026-01-01', to: '2026-01-01', rate: 0 },
          { from: '2026-01-02', to: '2026-12-31', rate: 5 },
        ],
      });
    });

    it('10 years reached on 2 January: floor((1 × 5 + 364 × 10) / 365) = floor(3645 / 365) = floor(9.99) = 9', () => {
      const result = annualEntitlement(withAgencySince2000('2016-01-02'), 2026);
      expect(result.days).toBe(9);
      expect(result.fullYearDays).toBe(10);
    });

    it('20 years reached on 2 January: floor((1 × 10 + 364 × 15) / 365) = floor(5470 / 365) = floor(14.99) = 14', () => {
      const result = annualEntitlement(withAgencySince2000('2006-01-02'), 2026);
      expect(result.days).toBe(14);
      expect(result.fullYearDays).toBe(15);
    });
  });

  it('10 years reached on 1 July 2026: Jan–Jun is 181 days at 5, Jul–Dec 184 days at 10: floor((905 + 1840) / 365) = floor(7.52) = 7', () => {
    expect(annualEntitlement(withAgencySince2000('2016-07-01'), 2026)).toEqual({
      days: 7,
      fullYearDays: 10,
      segments: [
        { from: '2026-01-01', to: '2026-06-30', rate: 5 },
        { from: '2026-07-01', to: '2026-12-31', rate: 10 },
      ],
    });
  });

  it('first job starting mid-2025: the 1-year anniversary on 1 July 2026 earns 184 days at 5: floor(920 / 365) = floor(2.52) = 2', () => {
    expect(annualEntitlement({ firstEmployedOn: '2025-07-01', joinedOn: '2025-07-01' }, 2026)).toEqual({
      days: 2,
      fullYearDays: 5,
      segments: [
        { from: '2026-01-01', to: '2026-06-30', rate: 0 },
        { from: '2026-07-01', to: '2026-12-31', rate: 5 },
      ],
    });
  });

  it('joining the agency on 1 July 2026 with 12 years of work: floor(184 × 10 / 365) = floor(5.04) = 5', () => {
    expect(annualEntitlement({ firstEmployedOn: '2014-03-01', joinedOn: '2026-07-01' }, 2026)).toEqual({
      days: 5,
      fullYearDays: 10,
      segments: [{ from: '2026-07-01', to: '2026-12-31', rate: 10 }],
    });
  });

  it('joining in an earlier year counts the whole year', () => {
    expect(annualEntitlement({ firstEmployedOn: '2014-03-01', joinedOn: '2020-09-15' }, 2026).days).toBe(10);
  });

  it('joining on 31 December: floor(1 × 15 / 365) = 0', () => {
    expect(annualEntitlement({ firstEmployedOn: '1990-01-01', joinedOn: '2026-12-31' }, 2026)).toEqual({
      days: 0,
      fullYearDays: 15,
      segments: [{ from: '2026-12-31', to: '2026-12-31', rate: 15 }],
    });
  });

  it('an unknown joining date counts the whole year', () => {
    expect(annualEntitlement({ firstEmployedOn: '2014-03-01', joinedOn: null }, 2026).days).toBe(10);
  });

  it('an unknown start of working time gives nothing', () => {
    expect(annualEntitlement({ firstEmployedOn: null, joinedOn: '2020-01-01' }, 2026)).toEqual({ days: 0, fullYearDays: 0, segments: [] });
  });

  it('a first job starting after the year gives nothing', () => {
    expect(annualEntitlement({ firstEmployedOn: '2027-01-01', joinedOn: '2027-01-01' }, 2026)).toEqual({ days: 0, fullYearDays: 0, segments: [] });
  });

  it('a first job starting during the year gives nothing yet (the first year is not completed by 31 December)', () => {
    expect(annualEntitlement({ firstEmployedOn: '2026-03-01', joinedOn: '2026-03-01' }, 2026)).toEqual({
      days: 0,
      fullYearDays: 0,
      segments: [{ from: '2026-03-01', to: '2026-12-31', rate: 0 }],
    });
  });

  it('joining after the year gives nothing for it', () => {
    expect(annualEntitlement({ firstEmployedOn: '2010-01-01', joinedOn: '2027-02-01' }, 2026)).toEqual({ days: 0, fullYearDays: 10, segments: [] });
  });

  describe('a leap year is 366 days long (2028)', () => {
    it('a whole year gives exactly the statutory days: 366 × 10 / 366 = 10', () => {
      expect(annualEntitlement({ firstEmployedOn: '2014-03-01', joinedOn: null }, 2028).days).toBe(10);
    });

    it('joining on 20 October 2028 with 5 years: 73 days × 5 / 366 = 365 / 366, rounded down to 0 (it would be exactly 1 over 365 days)', () => {
      expect(annualEntitlement({ firstEmployedOn: '2023-01-01', joinedOn: '2028-10-20' }, 2028)).toEqual({
        days: 0,
        fullYearDays: 5,
        segments: [{ from: '2028-10-20', to: '2028-12-31', rate: 5 }],
      });
    });

    it('10 years reached on 1 July 2028: Jan–Jun is 182 days at 5, Jul–Dec 184 at 10: floor((910 + 1840) / 366) = floor(7.51) = 7', () => {
      expect(annualEntitlement({ firstEmployedOn: '2018-07-01', joinedOn: null }, 2028).segments).toEqual([
        { from: '2028-01-01', to: '2028-06-30', rate: 5 },
        { from: '2028-07-01', to: '2028-12-31', rate: 10 },
      ]);
      expect(annualEntitlement({ firstEmployedOn: '2018-07-01', joinedOn: null }, 2028).days).toBe(7);
    });

    it('a 29 February 2008 start completes 20 years on 29 February 2028: 59 days at 10, 307 at 15: floor((590 + 4605) / 366) = floor(14.19) = 14', () => {
      expect(annualEntitlement({ firstEmployedOn: '2008-02-29', joinedOn: null }, 2028)).toEqual({
        days: 14,
        fullYearDays: 15,
        segments: [
          { from: '2028-01-01', to: '2028-02-28', rate: 10 },
          { from: '2028-02-29', to: '2028-12-31', rate: 15 },
        ],
      });
    });
  });

  it('rejects a year that is not a whole calendar year', () => {
    expect(() => annualEntitlement({ firstEmployedOn: '2010-01-01', joinedOn: null }, 2026.5)).toThrow(RangeError);
  });

  it('rejects a joining date that is not a calendar date', () => {
    expect(() => annualEntitlement({ firstEmployedOn: '2010-01-01', joinedOn: '2026-13-01' }, 2026)).toThrow(RangeError);
  });
});
