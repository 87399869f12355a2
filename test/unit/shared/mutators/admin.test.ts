import { afterEach, describe, expect, it } from 'vitest';
import { CN_2026 } from '../../../../shared/calendar/cn2026';
import type { User } from '../../../../shared/domain/directory';
import type { LeaveTypeDef } from '../../../../shared/domain/leaveTypes';
import type { ApprovalRule } from '../../../../shared/domain/policy';
import { agency, balanceOf, expectAllWritesValid, expectRejected, leaveOf, NOW, run, submitArgs } from './helpers';

afterEach(() => {
  expectAllWritesValid();
});

describe('who may administer what', () => {
  const studyLeave: Omit<LeaveTypeDef, 'updatedAt'> = {
    id: 'study_leave',
    name: { 'zh-CN': '学习假', en: 'Study leave', es: 'Permiso de estudios' },
    unit: 'day',
    counting: 'working',
    tracksBalance: false,
    allowNegative: false,
    paid: true,
    maxDaysPerRequest: 10,
    attachmentOverDays: null,
    allocation: 'none',
    fixedDays: 0,
    carryOverUntil: null,
    order: 100,
    active: true,
  };
  const calendar2027 = { year: 2027, source: '国务院办公厅通知', holidays: [{ date: '2027-01-01', holiday: 'new_year' }], workdays: [] };
  const rule: Omit<ApprovalRule, 'updatedAt' | 'updatedBy'> = {
    id: 'senior',
    scope: 'leave',
    name: '处级以上',
    order: 5,
    active: true,
    conditions: { leaveTypes: [], minDays: null, maxDays: null, minRank: 9, maxRank: null, departmentIds: [], destinationScopes: [], minAmountFen: null, maxAmountFen: null, categories: [] },
    steps: [{ kind: 'person', role: null, userIds: ['zhangwei'], mode: 'any' }],
  };
  const adjust = { id: 'adj-1', userId: 'wangqiang', typeId: 'compensatory', days: 1, effectiveOn: '2026-03-01', expiresOn: null, reason: 'Overtime on 28 February' };

  it.each([
    ['leaveType.save', studyLeave, ['zhouting'], ['admin', 'lina', 'wangqiang']],
    ['calendar.saveYear', calendar2027, ['admin', 'zhouting'], ['lina', 'secadmin', 'auditor']],
    ['calendar.setDay', { date: '2026-03-09', kind: 'holiday', name: '' }, ['admin', 'zhouting'], ['lina', 'wangqiang']],
    ['policy.saveRule', rule, ['admin', 'zhouting'], ['lina', 'zhangwei', 'auditor']],
    ['ledger.adjust', adjust, ['zhouting'], ['admin', 'lina']],
    ['ledger.allocateYear', { typeId: 'annual', year: 2027 }, ['zhouting'], ['admin', 'zhangwei']],
  ] as const)('%s: allowed for %j, refused for %j (auth.forbidden)', async (name, args, allowed, refused) => {
    for (const actor of refused) await expectRejected(await agency(), actor, name, args, 'auth.forbidden');
    for (const actor of allowed) {
      const tx = await agency();
      await run(tx, actor, name, args);
      expect(tx.writes.length).toBeGreaterThan(0);
    }
  });

  it('refuses an HR officer whose account was disabled (auth.forbidden)', async () => {
    await expectRejected(await agency({ zhouting: { active: false } }), 'zhouting', 'ledger.adjust', adjust, 'auth.forbidden');
  });

  it('a type HR adds can be requested at once, and one HR switches off cannot', async () => {
    const tx = await agency();
    await run(tx, 'zhouting', 'leaveType.save', studyLeave);
    expect(tx.peek('leaveTypes', 'study_leave')).toEqual({ ...studyLeave, updatedAt: NOW });
    await run(tx, 'wangqiang', 'leave.submit', submitArgs({ type: 'study_leave' }));
    await run(tx, 'zhouting', 'leaveType.save', { ...studyLeave, active: false });
    await expectRejected(tx, 'zhaomin', 'leave.submit', submitArgs({ id: 'leave-2', type: 'study_leave' }), 'leave.unknown_type', { type: 'study_leave' });
  });

  it('refuses a leave type that does not hold together (validation.invalid)', async () => {
    await expectRejected(await agency(), 'zhouting', 'leaveType.save', { ...studyLeave, maxDaysPerRequest: 0.3 }, 'validation.invalid', { field: 'maxDaysPerRequest' });
    await expectRejected(await agency(), 'zhouting', 'leaveType.save', { ...studyLeave, name: { ...studyLeave.name, 'zh-CN': ' ' } }, 'validation.invalid', { field: 'name.zh-CN' });
  });
});

describe('calendar.saveYear', () => {
  const year = (holidays: Array<[string, string]>, workdays: Array<[string, string]> = []) => ({
    year: 2027,
    source: '国务院办公厅关于2027年部分节假日安排的通知',
    holidays: holidays.map(([date, holiday]) => ({ date, holiday })),
    workdays: workdays.map(([date, holiday]) => ({ date, holiday })),
  });

  it('stores the year, and leave in it is counted with it', async () => {
    const tx = await agency();
    // Friday 1 January 2027 off, Saturday 9 January a working day.
    await run(tx, 'admin', 'calendar.saveYear', year([['2027-01-01', 'new_year']], [['2027-01-09', 'new_year']]));
    expect(tx.peek('calendars', 'y2027')).toMatchObject({ id: 'y2027', year: 2027, updatedBy: 'admin', updatedAt: NOW });
    await run(tx, 'wangqiang', 'leave.submit', submitArgs({ type: 'personal', startDate: '2027-01-01', endDate: '2027-01-10' }));
    // 4-8 January and the working Saturday 9: 6 days.
    expect(leaveOf(tx).days).toBe(6);
  });

  it('keeps the days of requests already submitted', async () => {
    const tx = await agency();
    await run(tx, 'wangqiang', 'leave.submit', submitArgs({ type: 'personal', startDate: '2027-01-01', endDate: '2027-01-08' }));
    expect(leaveOf(tx).days).toBe(6);
    await run(tx, 'admin', 'calendar.saveYear', year([['2027-01-01', 'new_year']]));
    expect(leaveOf(tx).days).toBe(6);
  });

  it.each([
    ['a day of another year', year([['2026-12-31', 'new_year']]), 'calendar.wrong_year', 'holidays.0.date'],
    ['the same day twice', year([['2027-01-02', 'new_year']], [['2027-01-02', 'new_year']]), 'calendar.duplicate_day', 'workdays.0.date'],
    ['an adjusted working day that is not a weekend', year([], [['2027-01-04', 'new_year']]), 'calendar.workday_not_weekend', 'workdays.0.date'],
  ] as const)('refuses %s (%s)', async (_name, args, code, field) => {
    await expectRejected(await agency(), 'admin', 'calendar.saveYear', args, code, { field });
  });

  it('refuses an impossible date (validation.invalid)', async () => {
    await expectRejected(await agency(), 'admin', 'calendar.saveYear', year([['2027-02-30', 'spring_festival']]), 'validation.invalid', { field: 'holidays.0.date' });
  });
});

describe('calendar.setDay', () => {
  /** The agency before anyone saved a 2026 calendar: day counts come from the shipped data. */
  async function shippedOnly() {
    const tx = await agency();
    tx.remove('calendars', 'y2026');
    return tx;
  }

  it('starts from the shipped year when the year has no document yet', async () => {
    const tx = await shippedOnly();
    await run(tx, 'admin', 'calendar.setDay', { date: '2026-03-09', kind: 'holiday', name: '' });
    const doc = tx.peek('calendars', 'y2026');
    expect(doc).toMatchObject({ source: CN_2026.source, updatedBy: 'admin' });
    expect(doc?.holidays).toHaveLength(CN_2026.holidays.length + 1);
    expect(doc?.holidays).toContainEqual({ date: '2026-03-09', holiday: 'holiday' });
    expect(doc?.workdays).toEqual(CN_2026.workdays);
    // Monday 9 March is now a day off: 9-10 March is one day of leave.
    await run(tx, 'wangqiang', 'leave.submit', submitArgs());
    expect(leaveOf(tx).days).toBe(1);
  });

  it('turns a holiday back into an ordinary day', async () => {
    const tx = await agency();
    await run(tx, 'admin', 'calendar.setDay', { date: '2026-10-01', kind: 'normal', name: '' });
    expect(tx.peek('calendars', 'y2026')?.holidays.map((d) => d.date)).not.toContain('2026-10-01');
    await run(tx, 'wangqiang', 'leave.submit', submitArgs({ type: 'personal', startDate: '2026-10-01', endDate: '2026-10-07' }));
    expect(leaveOf(tx).days).toBe(1);
  });

  it('makes a Saturday a working day', async () => {
    const tx = await agency();
    await run(tx, 'zhouting', 'calendar.setDay', { date: '2026-03-07', kind: 'workday', name: '调休' });
    expect(tx.peek('calendars', 'y2026')?.workdays).toContainEqual({ date: '2026-03-07', holiday: '调休' });
    await run(tx, 'wangqiang', 'leave.submit', submitArgs({ type: 'personal', startDate: '2026-03-06', endDate: '2026-03-09' }));
    expect(leaveOf(tx).days).toBe(3);
  });

  it('starts an empty year when nothing was shipped for it', async () => {
    const tx = await agency();
    await run(tx, 'admin', 'calendar.setDay', { date: '2027-02-10', kind: 'holiday', name: 'spring_festival' });
    expect(tx.peek('calendars', 'y2027')).toMatchObject({ year: 2027, source: '', holidays: [{ date: '2027-02-10', holiday: 'spring_festival' }], workdays: [] });
  });

  it('refuses a weekday as an adjusted working day (calendar.workday_not_weekend)', async () => {
    await expectRejected(await agency(), 'admin', 'calendar.setDay', { date: '2026-03-10', kind: 'workday', name: '' }, 'calendar.workday_not_weekend');
  });
});

describe('policy.saveRule', () => {
  const rule = (changes: Partial<ApprovalRule> = {}) => ({
    id: 'senior',
    scope: 'leave',
    name: '处级以上干部请假：局长审批',
    order: 5,
    active: true,
    conditions: { leaveTypes: [], minDays: null, maxDays: null, minRank: 9, maxRank: null, departmentIds: [], destinationScopes: [], minAmountFen: null, maxAmountFen: null, categories: [] },
    steps: [{ kind: 'person', role: null, userIds: ['zhangwei'], mode: 'any' }],
    ...changes,
  });

  it('stores the rule and routes the next request by it', async () => {
    const tx = await agency();
    await run(tx, 'admin', 'policy.saveRule', rule());
    expect(tx.peek('approvalRules', 'senior')).toMatchObject({ updatedBy: 'admin', updatedAt: NOW });
    // lina (rank 9) now goes to the director by name; wangqiang (rank 5) keeps the default.
    await run(tx, 'lina', 'leave.submit', submitArgs({ type: 'personal' }));
    expect(leaveOf(tx)).toMatchObject({ ruleId: 'senior', pendingApproverIds: ['zhangwei'] });
    await run(tx, 'wangqiang', 'leave.submit', submitArgs({ id: 'leave-2', type: 'personal' }));
    expect(leaveOf(tx, 'leave-2').ruleId).toBe('leave-short');
  });

  it('refuses a person who is not in the directory (policy.unknown_user)', async () => {
    await expectRejected(await agency(), 'admin', 'policy.saveRule', rule({ steps: [{ kind: 'person', role: null, userIds: ['zhangwei', 'ghost'], mode: 'all' }] }), 'policy.unknown_user', { id: 'ghost' });
  });

  it('refuses a role step without a role and a person step without people, saying so', async () => {
    await expectRejected(await agency(), 'admin', 'policy.saveRule', rule({ steps: [{ kind: 'role', role: null, userIds: [], mode: 'any' }] }), 'policy.step_needs_role', { field: 'steps.0.role' });
    await expectRejected(await agency(), 'admin', 'policy.saveRule', rule({ steps: [{ kind: 'person', role: null, userIds: [], mode: 'any' }] }), 'policy.step_needs_person', { field: 'steps.0.userIds' });
  });

  it('refuses a department that does not exist (validation.invalid)', async () => {
    await expectRejected(await agency(), 'admin', 'policy.saveRule', rule({ conditions: { leaveTypes: [], minDays: null, maxDays: null, minRank: null, maxRank: null, departmentIds: ['nowhere'], destinationScopes: [], minAmountFen: null, maxAmountFen: null, categories: [] } }), 'validation.invalid', { field: 'conditions.departmentIds' });
  });
});

describe('ledger.adjust', () => {
  const adjust = (changes: Record<string, unknown> = {}) => ({ id: 'adj-1', userId: 'wangqiang', typeId: 'annual', days: -1, effectiveOn: '2026-03-02', expiresOn: null, reason: 'Correction', ...changes });

  it('credits time off in lieu, which can then be taken', async () => {
    const tx = await agency();
    await run(tx, 'zhouting', 'ledger.adjust', adjust({ typeId: 'compensatory', days: 1.5, expiresOn: '2026-06-30', reason: ' 2月28日加班 ' }));
    expect(tx.peek('leaveLedger', 'adj-1')).toEqual({
      id: 'adj-1',
      userId: 'wangqiang',
      typeId: 'compensatory',
      kind: 'adjustment',
      days: 1.5,
      effectiveOn: '2026-03-02',
      expiresOn: '2026-06-30',
      requestId: null,
      year: null,
      reason: '2月28日加班',
      actorId: 'zhouting',
      createdAt: NOW,
    });
    await run(tx, 'wangqiang', 'leave.submit', submitArgs({ type: 'compensatory', endDate: '2026-03-10', endHalf: 'am' }));
    expect(balanceOf(tx, 'wangqiang', 'compensatory').available).toBe(0);
  });

  it('takes days away down to zero, counting pending requests, and no further (ledger.would_go_negative)', async () => {
    const tx = await agency();
    await run(tx, 'wangqiang', 'leave.submit', submitArgs());
    // 5 days, 2 held by the pending request: 3 can be taken away.
    await expectRejected(tx, 'zhouting', 'ledger.adjust', adjust({ days: -3.5 }), 'ledger.would_go_negative', { available: 3 });
    await run(tx, 'zhouting', 'ledger.adjust', adjust({ days: -3 }));
    expect(balanceOf(tx, 'wangqiang', 'annual')).toMatchObject({ available: 0, reserved: 2 });
  });

  it('lets a type that allows it go below zero', async () => {
    const tx = await agency();
    const type = tx.peek('leaveTypes', 'compensatory');
    if (!type) throw new Error('no compensatory type');
    tx.seedDoc('leaveTypes', { ...type, allowNegative: true });
    await run(tx, 'zhouting', 'ledger.adjust', adjust({ typeId: 'compensatory', days: -2 }));
    expect(balanceOf(tx, 'wangqiang', 'compensatory').available).toBe(-2);
  });

  it.each([
    ['a blank reason', { reason: '  ' }, 'ledger.reason_required', undefined],
    ['zero days', { days: 0 }, 'ledger.zero', undefined],
    ['a type without a balance', { typeId: 'personal' }, 'ledger.type_untracked', undefined],
    ['an unknown type', { typeId: 'sabbatical' }, 'leave.unknown_type', { type: 'sabbatical' }],
    ['an unknown person', { userId: 'ghost' }, 'validation.invalid', { field: 'userId' }],
    ['a quarter day', { days: 0.25 }, 'validation.invalid', { field: 'days' }],
  ] as const)('refuses %s (%s)', async (_name, changes, code, params) => {
    await expectRejected(await agency(), 'zhouting', 'ledger.adjust', adjust(changes), code, params);
  });

  it('refuses an id already used (leave.already_exists)', async () => {
    const tx = await agency();
    await run(tx, 'zhouting', 'ledger.adjust', adjust());
    await expectRejected(tx, 'zhouting', 'ledger.adjust', adjust(), 'leave.already_exists');
  });
});

describe('ledger.allocateYear', () => {
  const person = (id: string, firstEmployedOn: string | null, joinedOn: string | null, active = true): User => ({
    id,
    username: id,
    displayName: id,
    departmentId: 'general',
    managerId: 'lina',
    rank: 3,
    title: '',
    roles: ['staff'],
    active,
    firstEmployedOn,
    joinedOn,
  });
  const allocated = (tx: Awaited<ReturnType<typeof agency>>, typeId: string) =>
    Object.fromEntries(tx.all('leaveLedger').filter((e) => e.typeId === typeId && e.kind === 'allocation').map((e) => [e.userId, e.days]));

  it('gives every active member of staff their Decree 514 days for 2027', async () => {
    const tx = await agency({}, { allocations: false });
    await run(tx, 'zhouting', 'ledger.allocateYear', { typeId: 'annual', year: 2027 });
    // Working years on 1 January 2027: zhangwei 33, lina 21, liuyang 16, wangqiang 7, zhaomin 10
    // (since 1 September 2026), chenjing 1 (since 1 March 2026), sunlei 14, zhouting 26, yangfan 23.
    expect(allocated(tx, 'annual')).toEqual({ zhangwei: 15, lina: 15, liuyang: 10, wangqiang: 5, zhaomin: 10, chenjing: 5, sunlei: 10, zhouting: 15, yangfan: 15 });
    expect(tx.peek('leaveLedger', 'al-2027-annual-zhaomin')).toEqual({
      id: 'al-2027-annual-zhaomin',
      userId: 'zhaomin',
      typeId: 'annual',
      kind: 'allocation',
      days: 10,
      effectiveOn: '2027-01-01',
      // Annual leave may be taken until the end of the following year.
      expiresOn: '2028-12-31',
      requestId: null,
      year: 2027,
      reason: 'decree514:10',
      actorId: 'zhouting',
      createdAt: NOW,
    });
  });

  it('pro-rates a year in which working years cross 1, 10 or 20, rounding down', async () => {
    const tx = await agency({}, { allocations: false });
    await run(tx, 'zhouting', 'ledger.allocateYear', { typeId: 'annual', year: 2026 });
    const days = allocated(tx, 'annual');
    // zhaomin: 243 days at 5 and 122 at 10 = 2435 / 365 = 6.67 -> 6.
    expect(days.zhaomin).toBe(6);
    // chenjing: 59 days at 0 and 306 at 5 = 1530 / 365 = 4.19 -> 4.
    expect(days.chenjing).toBe(4);
    expect(tx.peek('leaveLedger', 'al-2026-annual-zhaomin')?.reason).toBe('decree514:10');
  });

  it.each([
    ['twenty years on 1 March: 59 days at 10 and 306 at 15 = 14.19', person('p', '2006-03-01', '2006-03-01'), 14, '2026-01-01'],
    ['one year on 1 January: a whole year at 5', person('p', '2025-01-01', '2025-01-01'), 5, '2026-01-01'],
    ['one year on 31 December: one day at 5, below a whole day', person('p', '2025-12-31', '2025-12-31'), 0, '2026-01-01'],
    ['joined on 1 July with 16 years: 184 days at 10 = 5.04', person('p', '2010-01-01', '2026-07-01'), 5, '2026-07-01'],
    ['no known start of working time', person('p', null, null), 0, '2026-01-01'],
  ])('%s', async (_name, user, days, effectiveOn) => {
    const tx = await agency({}, { allocations: false, extraUsers: [user] });
    await run(tx, 'zhouting', 'ledger.allocateYear', { typeId: 'annual', year: 2026 });
    expect(tx.peek('leaveLedger', 'al-2026-annual-p')).toMatchObject({ days, effectiveOn });
  });

  it('leaves out inactive people and accounts without the staff role', async () => {
    const tx = await agency({}, { allocations: false, extraUsers: [person('gone', '2000-01-01', '2000-01-01', false)] });
    await run(tx, 'zhouting', 'ledger.allocateYear', { typeId: 'annual', year: 2026 });
    const users = Object.keys(allocated(tx, 'annual'));
    for (const id of ['gone', 'admin', 'secadmin', 'auditor']) expect(users).not.toContain(id);
  });

  it('gives a fixed number of days for a fixed type, expiring at the end of the year', async () => {
    const tx = await agency({}, { allocations: false });
    await run(tx, 'zhouting', 'ledger.allocateYear', { typeId: 'home_visit', year: 2026 });
    expect(new Set(Object.values(allocated(tx, 'home_visit')))).toEqual(new Set([20]));
    expect(tx.peek('leaveLedger', 'al-2026-home_visit-wangqiang')).toMatchObject({ expiresOn: '2026-12-31', reason: 'fixed' });
  });

  it('allocates only once: running it again adds only people who had none', async () => {
    const tx = await agency({}, { allocations: false });
    await run(tx, 'zhouting', 'ledger.allocateYear', { typeId: 'annual', year: 2026 });
    const writes = tx.writes.length;
    await run(tx, 'zhouting', 'ledger.allocateYear', { typeId: 'annual', year: 2026 }, '2026-03-05T01:00:00.000Z');
    expect(tx.writes.length).toBe(writes);
    tx.seedDoc('users', person('newcomer', '2016-01-01', '2026-03-01'));
    await run(tx, 'zhouting', 'ledger.allocateYear', { typeId: 'annual', year: 2026 }, '2026-03-05T01:00:00.000Z');
    expect(tx.writes.slice(writes).map((w) => w.doc.id)).toEqual(['al-2026-annual-newcomer']);
    expect(balanceOf(tx, 'wangqiang', 'annual').allocated).toBe(5);
  });

  it.each([
    ['a type without a balance', 'personal', 'ledger.type_untracked', undefined],
    ['a type HR credits by hand', 'compensatory', 'ledger.type_untracked', undefined],
    ['an unknown type', 'sabbatical', 'leave.unknown_type', { type: 'sabbatical' }],
  ] as const)('refuses %s (%s)', async (_name, typeId, code, params) => {
    await expectRejected(await agency(), 'zhouting', 'ledger.allocateYear', { typeId, year: 2026 }, code, params);
  });
});
