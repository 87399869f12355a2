// The trip and claim decision dialog says "you are deciding on behalf of 李娜" exactly when the
// decision will be recorded so: asked of the same rule travel.decide uses.
import { afterEach, describe, expect, it } from 'vitest';
import { routedPrincipals } from '../../../../renderer/features/travel/routedPrincipals';
import { expectAllWritesValid, run, travelAgency } from '../../shared/mutators/helpers';

afterEach(() => {
  expectAllWritesValid();
});

const leg = (fromCity: string, toCity: string, date: string) => ({ fromCity, toCity, date, mode: 'train', travelClass: 'second' });
const trip = { id: 'trip-1', purpose: '赴京汇报', legs: [leg('广州', '北京', '2026-03-09'), leg('北京', '广州', '2026-03-12')] };

describe('routedPrincipals', () => {
  it('names the approver an acting approver stands in for, and nobody for the approver', async () => {
    const tx = await travelAgency();
    await run(tx, 'lina', 'delegation.set', { id: 'd1', kind: 'manual', toUserId: 'liuyang', startDate: '2026-03-02', endDate: '2026-03-06', note: '' });
    await run(tx, 'wangqiang', 'travel.submit', trip);
    const steps = tx.peek('travelRequests', 'trip-1')?.steps ?? [];
    expect(await routedPrincipals(tx, steps, 'liuyang', '2026-03-02')).toEqual(['lina']);
    expect(await routedPrincipals(tx, steps, 'lina', '2026-03-02')).toEqual([]);
    // A delegation that starts later still names whom the user will decide for.
    const later = await travelAgency();
    await run(later, 'lina', 'delegation.set', { id: 'd2', kind: 'manual', toUserId: 'liuyang', startDate: '2026-03-04', endDate: '2026-03-06', note: '' });
    await run(later, 'wangqiang', 'travel.submit', trip);
    expect(await routedPrincipals(later, later.peek('travelRequests', 'trip-1')?.steps ?? [], 'liuyang', '2026-03-02')).toEqual(['lina']);
    // Once it is over, there is nobody to stand in for.
    expect(await routedPrincipals(tx, steps, 'liuyang', '2026-03-09')).toEqual([]);
  });
});
