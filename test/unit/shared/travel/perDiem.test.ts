// Per-diem allowances are paid per calendar day, holidays included, at the rate of the place the
// traveller is that day; working days of a trip come from the official calendar.
import { describe, expect, it } from 'vitest';
import { CN_2026 } from '../../../../shared/calendar/cn2026';
import { officialCalendar } from '../../../../shared/calendar/official';
import { loadCalendar } from '../../../../shared/leave/calendar';
import { EXAMPLE_TRAVEL_STANDARDS as STD } from '../../../../shared/travel/exampleStandards';
import { legsAreValid, perDiem, tripDays, tripWorkingDays, type TripLeg } from '../../../../shared/travel/perDiem';

const yuan = (n: number) => n * 100;
const cn2026 = officialCalendar([CN_2026]);

describe('tripDays and tripWorkingDays', () => {
  it('counts calendar days with both ends', () => {
    expect(tripDays('2026-09-30', '2026-10-03')).toBe(4);
    expect(tripDays('2026-10-01', '2026-10-01')).toBe(1);
    expect(tripDays('2026-12-31', '2027-01-01')).toBe(2);
    expect(tripDays('2026-10-02', '2026-10-01')).toBe(0);
  });

  it('counts working days by the official calendar', async () => {
    // 30 September is a Wednesday; 1-7 October is the National Day holiday.
    expect(tripWorkingDays('2026-09-30', '2026-10-03', cn2026)).toBe(1);
    expect(tripWorkingDays('2026-09-30', '2026-10-03')).toBe(3); // weekends only: Wednesday to Friday
    // 20 September 2026 is a Sunday worked in exchange (调休上班).
    expect(tripWorkingDays('2026-09-19', '2026-09-20', cn2026)).toBe(1);
    // Loaded as leave loads it: the years' documents, else the shipped data.
    const tx = { get: () => Promise.resolve(undefined) } as unknown as Parameters<typeof loadCalendar>[0];
    expect(tripWorkingDays('2026-09-28', '2026-10-09', await loadCalendar(tx, '2026-09-28', '2026-10-09'))).toBe(5);
  });
});

describe('perDiem', () => {
  it('pays every calendar day of a trip over the National Day holiday', () => {
    const result = perDiem(STD, [{ toCity: '北京', arriveDate: '2026-09-30', leaveDate: '2026-10-03' }], 5);
    expect(result.days).toBe(4);
    expect(result.lines).toEqual([
      { kind: 'meals', regionId: 'beijing', days: 4, rateFen: yuan(100), amountFen: yuan(400) },
      { kind: 'local_transport', regionId: 'beijing', days: 4, rateFen: yuan(80), amountFen: yuan(320) },
    ]);
    expect(result).toMatchObject({ mealsFen: yuan(400), localTransportFen: yuan(320), totalFen: yuan(4 * (100 + 80)) });
  });

  it('pays a day trip as one day', () => {
    expect(perDiem(STD, [{ toCity: '深圳市', arriveDate: '2026-03-02', leaveDate: '2026-03-02' }], 20)).toMatchObject({ days: 1, totalFen: yuan(180) });
  });

  it('pays the travel day at the destination and the return day at the last one', () => {
    const legs: TripLeg[] = [
      { toCity: '北京', arriveDate: '2026-09-28', leaveDate: '2026-10-01' },
      { toCity: '拉萨', arriveDate: '2026-10-01', leaveDate: '2026-10-05' },
    ];
    const result = perDiem(STD, legs, 5);
    expect(result.days).toBe(8);
    expect(result.lines).toEqual([
      { kind: 'meals', regionId: 'beijing', days: 3, rateFen: yuan(100), amountFen: yuan(300) },
      { kind: 'meals', regionId: 'xizang', days: 5, rateFen: yuan(120), amountFen: yuan(600) },
      { kind: 'local_transport', regionId: 'beijing', days: 3, rateFen: yuan(80), amountFen: yuan(240) },
      { kind: 'local_transport', regionId: 'xizang', days: 5, rateFen: yuan(80), amountFen: yuan(400) },
    ]);
    expect(result).toMatchObject({ mealsFen: yuan(900), localTransportFen: yuan(640), totalFen: yuan(1540) });
  });

  it('groups days in one region across legs, and pays days in transit at the next stay', () => {
    const legs: TripLeg[] = [
      { toCity: '广州', arriveDate: '2026-05-11', leaveDate: '2026-05-12' },
      { toCity: '乌鲁木齐', arriveDate: '2026-05-13', leaveDate: '2026-05-14' }, // sets off the day after leaving
      { toCity: '喀什', arriveDate: '2026-05-16', leaveDate: '2026-05-17' }, // 15 May: on the road to 喀什
    ];
    const result = perDiem(STD, legs, 5);
    expect(result.days).toBe(7);
    expect(result.lines.filter((l) => l.kind === 'meals').map((l) => [l.regionId, l.days])).toEqual([
      ['guangzhou', 2],
      ['xinjiang', 5],
    ]);
    expect(result.totalFen).toBe(yuan(2 * 180 + 5 * 200));
  });

  it('pays a city no region lists at the default region', () => {
    expect(perDiem(STD, [{ toCity: '兰州', arriveDate: '2026-06-01', leaveDate: '2026-06-02' }], 5).lines[0]).toMatchObject({ regionId: 'other', days: 2 });
  });

  it('refuses legs out of order', () => {
    expect(legsAreValid([])).toBe(false);
    expect(legsAreValid([{ toCity: '北京', arriveDate: '2026-06-02', leaveDate: '2026-06-01' }])).toBe(false);
    const overlapping = [
      { toCity: '北京', arriveDate: '2026-06-01', leaveDate: '2026-06-05' },
      { toCity: '上海', arriveDate: '2026-06-04', leaveDate: '2026-06-06' },
    ];
    expect(legsAreValid(overlapping)).toBe(false);
    expect(() => perDiem(STD, overlapping, 5)).toThrow(RangeError);
    expect(() => perDiem(STD, [{ toCity: '北京', arriveDate: '2026-01-01', leaveDate: '2027-12-31' }], 5)).toThrow(RangeError);
  });
});
