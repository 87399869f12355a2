// The policy tester reads the local database through docReader and routes exactly as
// leave.submit would: which rule applies, who approves, who acts for whom; and an edit saved
// on this computer (before any sync) changes the answer at once.
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { LocalStore } from '../../../../renderer/db';
import { docReader } from '../../../../renderer/db/hooks/admin';
import { trialRoute } from '../../../../renderer/features/admin/trialRoute';
import { ruleArgs } from '../../../../renderer/features/admin/policyRules';
import { DEMO_DEPARTMENTS, DEMO_USERS } from '../../../../server/seed/demo';
import { defaultApprovalRules, systemLeaveTypes } from '../../../../server/seed/system';

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
  await db.approvalRules.bulkPut(defaultApprovalRules(NOW));
  return store;
}

afterEach(() => {
  for (const s of open.splice(0)) s.close();
});

describe('trialRoute over the local database', () => {
  it('finds the rule for short and long leave, and the approvers it names', async () => {
    const reader = docReader((await storeFor('zhouting')).db);
    const short = await trialRoute(reader, { userId: 'wangqiang', typeId: 'annual', days: 2 }, TODAY);
    expect(short?.rule?.id).toBe('leave-short');
    expect(short?.steps.map((s) => [s.kind, s.approverIds])).toEqual([['manager', ['lina']]]);
    // 李娜 is both his manager and the head of 综合处: she approves once, at the higher step.
    const long = await trialRoute(reader, { userId: 'wangqiang', typeId: 'annual', days: 5 }, TODAY);
    expect(long?.rule?.id).toBe('leave-long');
    expect(long?.steps.map((s) => [s.kind, s.approverIds])).toEqual([['department_head', ['lina']]]);
  });

  it('routes family leave on to the HR office, and a head’s own leave one level up', async () => {
    const reader = docReader((await storeFor('zhouting')).db);
    const marriage = await trialRoute(reader, { userId: 'chenjing', typeId: 'marriage', days: 3 }, TODAY);
    expect(marriage?.rule?.id).toBe('leave-family');
    expect(marriage?.steps.map((s) => [s.kind, s.approverIds])).toEqual([
      ['department_head', ['liuyang']],
      ['role', ['zhouting']],
    ]);
    const head = await trialRoute(reader, { userId: 'lina', typeId: 'annual', days: 1 }, TODAY);
    expect(head?.steps.map((s) => s.approverIds)).toEqual([['zhangwei']]);
  });

  it('shows who acts for an approver who delegated', async () => {
    const store = await storeFor('lina');
    await store.mutate('delegation.set', { id: 'dlg1', kind: 'manual', toUserId: 'zhaomin', startDate: TODAY, endDate: '2026-05-15', note: '' }, NOW);
    const route = await trialRoute(docReader(store.db), { userId: 'wangqiang', typeId: 'annual', days: 1 }, TODAY);
    expect(route?.steps[0]?.delegates).toEqual([{ forId: 'lina', toId: 'zhaomin', delegationId: 'dlg1' }]);
  });

  it('reflects a rule switched off on this computer before it syncs', async () => {
    const store = await storeFor('zhouting');
    const short = defaultApprovalRules(NOW).find((r) => r.id === 'leave-short');
    if (!short) throw new Error('no short rule');
    await store.mutate('policy.saveRule', { ...ruleArgs(short), active: false }, NOW);
    const route = await trialRoute(docReader(store.db), { userId: 'wangqiang', typeId: 'annual', days: 2 }, TODAY);
    expect(route?.rule).toBeNull();
    expect(route?.steps.map((s) => s.approverIds)).toEqual([['lina']]);
  });

  it('knows nobody who is not in the directory', async () => {
    expect(await trialRoute(docReader((await storeFor('zhouting')).db), { userId: 'nobody', typeId: 'annual', days: 1 }, TODAY)).toBeNull();
  });
});
