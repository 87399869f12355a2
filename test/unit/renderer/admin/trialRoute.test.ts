// The policy tester reads the local database through docReader and routes exactly as
// leave.submit would: which rule applies, who approves, who acts for whom; and an edit saved
// on this computer (before any sync) changes the answer at once.
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { LocalStore } from '../../../../renderer/db';
import { docReader } from '../../../../renderer/db/hooks/admin';
import { EMPTY_TRIAL, trialRequestOf, trialRoute } from '../../../../renderer/features/admin/trialRoute';
import { ruleArgs } from '../../../../renderer/features/admin/policyRules';
import { DEMO_DEPARTMENTS, DEMO_USERS } from '../../../../server/seed/demo';
import { defaultApprovalRules, defaultTravelRules, systemLeaveTypes } from '../../../../server/seed/system';

const NOW = '2026-05-11T01:00:00.000Z';
const TODAY = '2026-05-11';
let counter = 0;
const open: LocalStore[] = [];

async function storeFor(userId: string): Promise<LocalStore> {
  const store = LocalStore.open(`trial-route-${++counter}`, userId, { indexedDB: new IDBFactory(), IDBKeyRange });
  open.push(store);
  const { db } = store;
  await db.users.bulkPut([...DEMO_USERS]);
  await db.departments.bulkPut([...DEMO_DEPARTMENTS]);
  await db.leaveTypes.bulkPut(systemLeaveTypes(NOW));
  await db.approvalRules.bulkPut([...defaultApprovalRules(NOW), ...defaultTravelRules(NOW)]);
  return store;
}

afterEach(() => {
  for (const s of open.splice(0)) s.close();
});

describe('trialRoute over the local database', () => {
  it('finds the rule for short and long leave, and the approvers it names', async () => {
    const reader = docReader((await storeFor('zhouting')).db);
    const short = await trialRoute(reader, { scope: 'leave', userId: 'wangqiang', typeId: 'annual', days: 2 }, TODAY);
    expect(short?.rule?.id).toBe('leave-short');
    expect(short?.steps.map((s) => [s.kind, s.approverIds])).toEqual([['manager', ['lina']]]);
    // 李娜 is both his manager and the head of 综合处: she approves once, at the higher step.
    const long = await trialRoute(reader, { scope: 'leave', userId: 'wangqiang', typeId: 'annual', days: 5 }, TODAY);
    expect(long?.rule?.id).toBe('leave-long');
    expect(long?.steps.map((s) => [s.kind, s.approverIds])).toEqual([['department_head', ['lina']]]);
  });

  it('routes family leave on to the HR office, and a head’s own leave one level up', async () => {
    const reader = docReader((await storeFor('zhouting')).db);
    const marriage = await trialRoute(reader, { scope: 'leave', userId: 'chenjing', typeId: 'marriage', days: 3 }, TODAY);
    expect(marriage?.rule?.id).toBe('leave-family');
    expect(marriage?.steps.map((s) => [s.kind, s.approverIds])).toEqual([
      ['department_head', ['liuyang']],
      ['role', ['zhouting']],
    ]);
    const head = await trialRoute(reader, { scope: 'leave', userId: 'lina', typeId: 'annual', days: 1 }, TODAY);
    expect(head?.steps.map((s) => s.approverIds)).toEqual([['zhangwei']]);
  });

  it('shows who acts for an approver who delegated', async () => {
    const store = await storeFor('lina');
    await store.mutate('delegation.set', { id: 'dlg1', kind: 'manual', toUserId: 'zhaomin', startDate: TODAY, endDate: '2026-05-15', note: '' }, NOW);
    const route = await trialRoute(docReader(store.db), { scope: 'leave', userId: 'wangqiang', typeId: 'annual', days: 1 }, TODAY);
    expect(route?.steps[0]?.delegates).toEqual([{ forId: 'lina', toId: 'zhaomin', delegationId: 'dlg1' }]);
  });

  it('reflects a rule switched off on this computer before it syncs', async () => {
    const store = await storeFor('zhouting');
    const short = defaultApprovalRules(NOW).find((r) => r.id === 'leave-short');
    if (!short) throw new Error('no short rule');
    await store.mutate('policy.saveRule', { ...ruleArgs(short), active: false }, NOW);
    const route = await trialRoute(docReader(store.db), { scope: 'leave', userId: 'wangqiang', typeId: 'annual', days: 2 }, TODAY);
    expect(route?.rule).toBeNull();
    expect(route?.steps.map((s) => s.approverIds)).toEqual([['lina']]);
  });

  it('knows nobody who is not in the directory', async () => {
    expect(await trialRoute(docReader((await storeFor('zhouting')).db), { scope: 'leave', userId: 'nobody', typeId: 'annual', days: 1 }, TODAY)).toBeNull();
  });
});

describe('trialRoute for trips and claims', () => {
  it('routes a trip by how far it goes, as travel.submit does', async () => {
    const reader = docReader((await storeFor('zhouting')).db);
    const near = await trialRoute(reader, { scope: 'travel', userId: 'wangqiang', destinationScope: 'in_province', amountFen: 0 }, TODAY);
    expect(near?.rule?.id).toBe('travel-default');
    expect(near?.steps.map((s) => s.approverIds)).toEqual([['lina']]);
    const far = await trialRoute(reader, { scope: 'travel', userId: 'wangqiang', destinationScope: 'out_of_province', amountFen: 300_000 }, TODAY);
    expect(far?.rule?.id).toBe('travel-out');
    const abroad = await trialRoute(reader, { scope: 'travel', userId: 'wangqiang', destinationScope: 'abroad', amountFen: 3_000_000 }, TODAY);
    expect(abroad?.rule?.id).toBe('travel-abroad');
    expect(abroad?.steps.map((s) => s.kind)).toEqual(['department_head', 'parent_department_head']);
    expect(abroad?.steps.at(-1)?.approverIds).toEqual(['zhangwei']);
  });

  it('routes a claim by amount and categories, always ending with finance', async () => {
    const reader = docReader((await storeFor('zhouting')).db);
    const hospitality = await trialRoute(reader, { scope: 'reimbursement', userId: 'wangqiang', amountFen: 20_000, categories: ['office', 'hospitality'] }, TODAY);
    expect(hospitality?.rule?.id).toBe('claim-hospitality');
    const large = await trialRoute(reader, { scope: 'reimbursement', userId: 'wangqiang', amountFen: 500_000, categories: ['transport'] }, TODAY);
    expect(large?.rule?.id).toBe('claim-large');
    const small = await trialRoute(reader, { scope: 'reimbursement', userId: 'wangqiang', amountFen: 499_999, categories: ['transport'] }, TODAY);
    expect(small?.rule?.id).toBe('claim-default');
    expect(small?.steps.map((s) => [s.kind, s.approverIds])).toEqual([
      ['manager', ['lina']],
      ['role', ['yangfan']],
    ]);
  });

  it('adds finance after a claim rule that forgot it, as claims.submit does', async () => {
    const store = await storeFor('zhouting');
    const rule = defaultTravelRules(NOW).find((r) => r.id === 'claim-default');
    if (!rule) throw new Error('no default claim rule');
    await store.mutate('policy.saveRule', { ...ruleArgs(rule), steps: [{ kind: 'manager', role: null, userIds: [], mode: 'any' }] }, NOW);
    const route = await trialRoute(docReader(store.db), { scope: 'reimbursement', userId: 'wangqiang', amountFen: 10_000, categories: [] }, TODAY);
    expect(route?.steps.map((s) => [s.kind, s.approverIds])).toEqual([
      ['manager', ['lina']],
      ['role', ['yangfan']],
    ]);
  });
});

describe('trialRequestOf', () => {
  it('waits for what the scope needs, and refuses an amount that is not yuan', () => {
    expect(trialRequestOf({ ...EMPTY_TRIAL, typeId: 'annual' })).toBeNull();
    expect(trialRequestOf({ ...EMPTY_TRIAL, userId: 'wangqiang', typeId: 'annual', days: 2 })).toEqual({ scope: 'leave', userId: 'wangqiang', typeId: 'annual', days: 2 });
    expect(trialRequestOf({ ...EMPTY_TRIAL, userId: 'wangqiang', typeId: 'annual', days: 0 })).toBeNull();
    const trip = { ...EMPTY_TRIAL, scope: 'travel' as const, userId: 'wangqiang' };
    expect(trialRequestOf(trip)).toBeNull();
    expect(trialRequestOf({ ...trip, destinationScope: 'abroad' })).toEqual({ scope: 'travel', userId: 'wangqiang', destinationScope: 'abroad', amountFen: 0 });
    expect(trialRequestOf({ ...trip, destinationScope: 'abroad', amount: '1,500.5' })).toMatchObject({ amountFen: 150_050 });
    expect(trialRequestOf({ ...trip, destinationScope: 'abroad', amount: '一千' })).toBe('invalid');
    const claim = { ...EMPTY_TRIAL, scope: 'reimbursement' as const, userId: 'wangqiang', categories: ['hospitality'] };
    expect(trialRequestOf({ ...claim, amount: '800' })).toEqual({ scope: 'reimbursement', userId: 'wangqiang', amountFen: 80_000, categories: ['hospitality'] });
    expect(trialRequestOf({ ...claim, amount: '-1' })).toBe('invalid');
  });
});
