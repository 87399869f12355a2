import { describe, expect, it } from 'vitest';
import { EXAMPLE_TRAVEL_STANDARDS as STD } from '../../../../shared/travel/exampleStandards';
import { destinationsOf } from '../../../../renderer/features/travel/format';
import { citySuggestions, classChoices, completeLegs, defaultClass, legBreakAt, legsBreak, parseEstimates, tripScope, tripSpan } from '../../../../renderer/features/travel/tripDraft';
import { createI18n } from '../../../../renderer/i18n/createI18n';
import { reasonMessage } from '../../../../renderer/i18n/reasons';

describe('trip form helpers', () => {
  it('counts the trip days from the first to the last leg, and refuses legs out of date order', () => {
    expect(tripSpan([{ date: '2026-03-02' }, { date: '2026-03-06' }])).toEqual({ startDate: '2026-03-02', endDate: '2026-03-06', tripDays: 5 });
    expect(tripSpan([{ date: '2026-03-02' }, {}])).toEqual({ startDate: '2026-03-02', endDate: '2026-03-02', tripDays: 1 });
    expect(tripSpan([{ date: '2026-03-06' }, { date: '2026-03-02' }])).toBeNull();
    expect(tripSpan([{}])).toBeNull();
  });

  it('takes the farthest destination as the scope, as travel.submit does', () => {
    expect(tripScope(STD, ['广州'])).toBe('in_province');
    expect(tripScope(STD, ['广州', '北京', '广州'])).toBe('out_of_province');
    expect(tripScope(STD, ['  '])).toBeNull();
    // Without standards the server counts every trip as out of province.
    expect(tripScope(null, ['广州'])).toBe('out_of_province');
  });

  it('offers every class of a mode, with the ones above the rank disabled', () => {
    expect(classChoices(STD, 5, 'train')).toEqual([
      { travelClass: 'second', allowed: true },
      { travelClass: 'first', allowed: false },
      { travelClass: 'business', allowed: false },
    ]);
    expect(classChoices(STD, 14, 'train').filter((c) => c.allowed).map((c) => c.travelClass)).toEqual(['second', 'first']);
    expect(defaultClass(STD, 14, 'train')).toBe('first');
    expect(defaultClass(STD, 5, 'plane')).toBe('economy');
    expect(classChoices(null, 5, 'plane').every((c) => c.allowed)).toBe(true);
  });

  it('parses estimates typed in yuan to fen, leaving out empty fields and naming the bad ones', () => {
    const parsed = parseEstimates({ transport: '1,200.50', lodging: '￥900', meals: '', other: '12.345' });
    expect(parsed.estimates).toEqual([
      { category: 'transport', amountFen: 120_050 },
      { category: 'lodging', amountFen: 90_000 },
    ]);
    expect(parsed.totalFen).toBe(210_050);
    expect(parsed.invalid).toEqual(['other']);
  });

  it('gives the legs only once every field is filled in', () => {
    const leg = { fromCity: ' 广州 ', toCity: '北京', date: '2026-03-02', mode: 'train' as const, travelClass: 'second' as const };
    expect(completeLegs([leg])).toEqual([{ ...leg, fromCity: '广州' }]);
    expect(completeLegs([leg, { ...leg, toCity: '' }])).toBeNull();
    expect(completeLegs([])).toBeNull();
  });

  it('suggests the cities the standards list and names destinations without the way home', () => {
    expect(citySuggestions(STD)).toContain('北京');
    expect(new Set(citySuggestions(STD)).size).toBe(citySuggestions(STD).length);
    const legs = [
      { fromCity: '广州', toCity: '北京', date: '2026-03-02', mode: 'train' as const, travelClass: 'second' as const },
      { fromCity: '北京', toCity: '杭州', date: '2026-03-04', mode: 'train' as const, travelClass: 'second' as const },
      { fromCity: '杭州', toCity: '广州', date: '2026-03-06', mode: 'plane' as const, travelClass: 'economy' as const },
    ];
    expect(destinationsOf(legs)).toEqual(['北京', '杭州']);
  });

  it('finds the leg that does not leave from where the previous one arrived, as travel.submit would', () => {
    const legs = [
      { fromCity: '广州', toCity: '北京' },
      { fromCity: '北京', toCity: '杭州' },
      { fromCity: '上海', toCity: '广州' },
    ];
    expect(legsBreak(legs)).toEqual({ leg: 3, from: '上海', to: '杭州' });
    expect(legBreakAt(legs, 2)).toEqual({ leg: 3, from: '上海', to: '杭州' });
    expect(legBreakAt(legs, 1)).toBeNull();
    expect(legBreakAt(legs, 0)).toBeNull();
    // The same city with spaces, a trailing 市 or in another case continues the trip.
    expect(legsBreak([{ fromCity: '广州', toCity: '深圳市 ' }, { fromCity: '深圳', toCity: 'Beijing' }, { fromCity: ' beijing', toCity: '广州' }])).toBeNull();
    // A leg still being filled in is not judged yet.
    expect(legsBreak([{ fromCity: '广州', toCity: '北京' }, { toCity: '杭州' }, {}])).toBeNull();
    // The user reads the same sentence the server would send back.
    const zh = createI18n('zh-CN').t;
    const en = createI18n('en').t;
    const broken = legsBreak(legs) ?? {};
    expect(reasonMessage(zh, 'travel.legs_not_continuous', broken)).toBe('第 3 段从上海出发，但上一段到达的是杭州');
    expect(reasonMessage(en, 'travel.legs_not_continuous', broken)).toBe('Leg 3 leaves from 上海, but the previous leg arrived in 杭州');
  });
});
