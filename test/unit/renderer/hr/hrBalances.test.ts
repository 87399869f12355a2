// HR's balance administration: the staff table, and the preview of "Allocate for the year",
// checked against what the real mutator then does.
import { describe, expect, it } from 'vitest';
import { runMutator } from '../../../../shared/mutators';
import { allocationId, allocationPlan, balanceDateFor, isHalfDayStep, staffBalanceRows } from '../../../../renderer/features/hr/hrBalances';
import { makeLeave } from '../../../support/leaveFixture';
import { demoDepartments, demoTx, demoUsers } from '../../shared/fixtures/demoAgency';

const departments = new Map(demoDepartments.map((d) => [d.id, d]));
const ALLOCATED_AT = '2026-01-02T01:00:00.000Z';

async function allocated(typeId: string, year: number, tx = demoTx()) {
  await runMutator('ledger.allocateYear', { typeId, year }, { tx, actorId: 'zhouting', now: ALLOCATED_AT });
  return tx;
}

describe('allocationPlan', () => {
  it('predicts exactly what ledger.allocateYear grants, person by person', async () => {
    const tx = demoTx();
    const annual = tx.peek('leaveTypes', 'annual')!;
    const plan = allocationPlan(annual, 2026, demoUsers, []);
    await allocated('annual', 2026, tx);
    const granted = Object.fromEntries(tx.all('leaveLedger').map((e) => [e.userId, e.days]));
    expect(Object.fromEntries(plan.toAllocate.map((a) => [a.user.id, a.days]))).toEqual(granted);
    // The demo: 15 for 20+ years, 10 for 10-19, 6 for zhaomin (ten years on 1 September), 4 for
    // chenjing (one year on 1 March), none for the three administrators (not staff).
    expect(granted).toMatchObject({ zhangwei: 15, lina: 15, liuyang: 10, zhaomin: 6, wangqiang: 5, chenjing: 4 });
    expect(plan.toAllocate.map((a) => a.user.id)).not.toContain('admin');
    expect(plan.totalDays).toBe(Object.values(granted).reduce((a, b) => a + b, 0));
  });

  it('skips people who already have the year, as the mutator does (running it twice is harmless)', async () => {
    const tx = await allocated('home_visit', 2026);
    const entries = tx.all('leaveLedger');
    const homeVisit = tx.peek('leaveTypes', 'home_visit')!;
    const again = allocationPlan(homeVisit, 2026, demoUsers, entries);
    expect(again.toAllocate).toEqual([]);
    expect(again.alreadyAllocated).toBe(entries.length);
    // Someone who joins later is the only one left to allocate.
    const newcomer = { ...demoUsers.find((u) => u.id === 'wangqiang')!, id: 'xiaoli', username: 'xiaoli', displayName: '小李' };
    const later = allocationPlan(homeVisit, 2026, [...demoUsers, newcomer], entries);
    expect(later.toAllocate).toEqual([{ user: newcomer, days: 20 }]);
    // Next year is a new allocation for everyone.
    expect(allocationPlan(homeVisit, 2027, demoUsers, entries).toAllocate).toHaveLength(entries.length);
  });

  it('names allocations as the mutator does', async () => {
    const tx = await allocated('annual', 2026);
    expect(tx.peek('leaveLedger', allocationId(2026, 'annual', 'lina'))).toBeDefined();
  });
});

describe('staffBalanceRows', () => {
  it('lists active staff by department with balance, reservations and this year allocation', async () => {
    const tx = await allocated('annual', 2026);
    const pending = [makeLeave('wangqiang', ['lina'], { id: 'p1', type: 'annual', status: 'pending', days: 2, startDate: '2026-03-09', endDate: '2026-03-10' })];
    const rows = staffBalanceRows({ users: demoUsers, departments, entries: tx.all('leaveLedger'), pending, typeId: 'annual', year: 2026, asOf: '2026-03-02' });
    expect(rows.map((r) => r.user.id)).not.toContain('admin');
    const wang = rows.find((r) => r.user.id === 'wangqiang')!;
    expect(wang.departmentName).toBe('综合处');
    expect(wang.balance).toMatchObject({ allocated: 5, reserved: 2, available: 3 });
    expect(wang.allocation?.days).toBe(5);
    // Grouped by department: everyone of one department together.
    const order = rows.map((r) => r.user.departmentId);
    expect(order.filter((d, i) => i > 0 && d !== order[i - 1]).length).toBe(new Set(order).size - 1);
  });

  it('shows who has no allocation yet for the chosen year', async () => {
    const tx = await allocated('annual', 2026);
    const rows = staffBalanceRows({ users: demoUsers, departments, entries: tx.all('leaveLedger'), pending: [], typeId: 'annual', year: 2027, asOf: '2027-01-01' });
    expect(rows.every((r) => r.allocation === undefined)).toBe(true);
  });

  it('keeps a former colleague who still has entries of the type', async () => {
    const tx = await allocated('annual', 2026);
    const users = demoUsers.map((u) => (u.id === 'sunlei' ? { ...u, active: false } : u));
    const rows = staffBalanceRows({ users, departments, entries: tx.all('leaveLedger'), pending: [], typeId: 'annual', year: 2026, asOf: '2026-03-02' });
    expect(rows.map((r) => r.user.id)).toContain('sunlei');
  });
});

describe('small rules of the HR balance page', () => {
  it('shows a year at today, or at its last or first day', () => {
    expect(balanceDateFor(2026, '2026-06-15')).toBe('2026-06-15');
    expect(balanceDateFor(2025, '2026-06-15')).toBe('2025-12-31');
    expect(balanceDateFor(2027, '2026-06-15')).toBe('2027-01-01');
  });

  it('accepts adjustments in half days only', () => {
    expect(isHalfDayStep(0.5)).toBe(true);
    expect(isHalfDayStep(2)).toBe(true);
    expect(isHalfDayStep(0.25)).toBe(false);
  });
});
