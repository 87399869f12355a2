import { describe, expect, it } from 'vitest';
import type { Delegation } from '../../../../shared/domain/delegation';
import type { User } from '../../../../shared/domain/directory';
import type { ApprovalStep } from '../../../../shared/domain/leave';
import type { ApprovalRule, PolicyConditions, PolicyStep } from '../../../../shared/domain/policy';
import { actingFor, chooseRule, delegatesFor, FALLBACK_STEPS, pendingApprovers, planSteps, ruleMatches, stepApproved, type RouteSubject } from '../../../../shared/leave/policy';
import type { MemoryDocTx } from '../../../support/memoryDocTx';
import { demoTx, demoUser } from '../fixtures/demoAgency';

const AT = '2026-03-01T00:00:00.000Z';
const TODAY = '2026-03-02';

const anyConditions: PolicyConditions = { leaveTypes: [], minDays: null, maxDays: null, minRank: null, maxRank: null, departmentIds: [], destinationScopes: [], minAmountFen: null, maxAmountFen: null, categories: [] };
const managerStep: PolicyStep = { kind: 'manager', role: null, userIds: [], mode: 'any' };

function rule(id: string, changes: Partial<Omit<ApprovalRule, 'conditions'>> & { conditions?: Partial<PolicyConditions> } = {}): ApprovalRule {
  return { id, scope: 'leave', name: id, order: 10, active: true, steps: [managerStep], updatedAt: AT, updatedBy: null, ...changes, conditions: { ...anyConditions, ...changes.conditions } };
}

const subject = (requesterId: string, typeId: string | null = 'annual', quantity = 2, scope: RouteSubject['scope'] = 'leave'): RouteSubject => ({ scope, requester: demoUser(requesterId), typeId, quantity });

/** The demo directory with only the given rules (none of the defaults). */
function withRules(...rules: ApprovalRule[]): MemoryDocTx {
  const tx = demoTx();
  for (const r of tx.all('approvalRules')) tx.remove('approvalRules', r.id);
  for (const r of rules) tx.seedDoc('approvalRules', r);
  return tx;
}

function delegation(id: string, fromUserId: string, toUserId: string, startDate: string | null, endDate: string | null, changes: Partial<Delegation> = {}): Delegation {
  return { id, kind: 'manual', fromUserId, toUserId, startDate, endDate, sourceRequestId: null, active: true, note: '', createdAt: AT, updatedAt: AT, ...changes };
}

const step = (approverIds: string[], mode: 'any' | 'all' = 'any', changes: Partial<ApprovalStep> = {}): ApprovalStep => ({
  kind: 'role',
  role: 'hr_officer',
  mode,
  approverIds,
  delegates: [],
  status: 'pending',
  decisions: [],
  ...changes,
});

describe('ruleMatches', () => {
  const matches = (r: ApprovalRule, s: RouteSubject) => ruleMatches(demoTx(), r, s);

  it('matches every request when it has no conditions', async () => {
    expect(await matches(rule('r'), subject('wangqiang'))).toBe(true);
    expect(await matches(rule('r'), subject('zhangwei', 'maternity', 158))).toBe(true);
  });

  it('matches only the listed leave types, and never a subject without a type', async () => {
    const r = rule('r', { conditions: { leaveTypes: ['sick', 'personal'] } });
    expect(await matches(r, subject('wangqiang', 'sick'))).toBe(true);
    expect(await matches(r, subject('wangqiang', 'annual'))).toBe(false);
    expect(await matches(r, subject('wangqiang', null))).toBe(false);
  });

  it.each([
    [{ minDays: 3.5 }, 3, false],
    [{ minDays: 3.5 }, 3.5, true],
    [{ maxDays: 3 }, 3, true],
    [{ maxDays: 3 }, 3.5, false],
    [{ minDays: 1, maxDays: 1 }, 1, true],
    [{ minDays: 1, maxDays: 1 }, 0.5, false],
  ])('days bounds %j include their ends: %d days -> %s', async (conditions, days, expected) => {
    expect(await matches(rule('r', { conditions }), subject('wangqiang', 'annual', days))).toBe(expected);
  });

  it.each([
    [{ minRank: 5 }, true],
    [{ minRank: 6 }, false],
    [{ maxRank: 5 }, true],
    [{ maxRank: 4 }, false],
    [{ minRank: 9, maxRank: 12 }, false],
  ])('rank bounds %j for rank 5 -> %s', async (conditions, expected) => {
    expect(await matches(rule('r', { conditions }), subject('wangqiang'))).toBe(expected);
  });

  it.each([
    [['general'], true],
    [['agency'], true],
    [['business', 'general'], true],
    [['business'], false],
    [['hr', 'finance'], false],
  ])('departments %j for someone in 综合处 (under the agency) -> %s', async (departmentIds, expected) => {
    expect(await matches(rule('r', { conditions: { departmentIds } }), subject('wangqiang'))).toBe(expected);
  });

  it('never matches an inactive rule or one of another scope', async () => {
    expect(await matches(rule('r', { active: false }), subject('wangqiang'))).toBe(false);
    expect(await matches(rule('r', { scope: 'travel' }), subject('wangqiang'))).toBe(false);
    expect(await matches(rule('r', { scope: 'travel' }), subject('wangqiang', null, 800, 'travel'))).toBe(true);
  });
});

describe('chooseRule', () => {
  it('takes the first matching rule by order, whatever order they were stored in', async () => {
    const tx = withRules(rule('late', { order: 30 }), rule('early', { order: 10, conditions: { minDays: 5 } }), rule('middle', { order: 20 }));
    expect((await chooseRule(tx, subject('wangqiang', 'annual', 5)))?.id).toBe('early');
    expect((await chooseRule(tx, subject('wangqiang', 'annual', 2)))?.id).toBe('middle');
  });

  it('breaks a tie of order by id', async () => {
    const tx = withRules(rule('b'), rule('a'));
    expect((await chooseRule(tx, subject('wangqiang')))?.id).toBe('a');
  });

  it('skips inactive rules', async () => {
    const tx = withRules(rule('off', { order: 1, active: false }), rule('on', { order: 2 }));
    expect((await chooseRule(tx, subject('wangqiang')))?.id).toBe('on');
  });

  it('returns null when nothing matches, and the fallback route is the direct manager', async () => {
    const tx = withRules(rule('sick-only', { conditions: { leaveTypes: ['sick'] } }));
    expect(await chooseRule(tx, subject('wangqiang'))).toBeNull();
    expect(await chooseRule(withRules(), subject('wangqiang'))).toBeNull();
    expect(FALLBACK_STEPS).toEqual([managerStep]);
    expect((await planSteps(tx, demoUser('wangqiang'), FALLBACK_STEPS, TODAY)).map((s) => s.approverIds)).toEqual([['lina']]);
  });

  it('with the default rules: family leave first, then long, then short', async () => {
    const tx = demoTx();
    expect((await chooseRule(tx, subject('wangqiang', 'home_visit', 1)))?.id).toBe('leave-family');
    expect((await chooseRule(tx, subject('wangqiang', 'annual', 3.5)))?.id).toBe('leave-long');
    expect((await chooseRule(tx, subject('wangqiang', 'annual', 3)))?.id).toBe('leave-short');
  });
});

describe('planSteps', () => {
  const plan = async (requesterId: string, steps: PolicyStep[], tx = demoTx()) => planSteps(tx, demoUser(requesterId), steps, TODAY);
  const roleStep = (mode: 'any' | 'all'): PolicyStep => ({ kind: 'role', role: 'hr_officer', userIds: [], mode });
  const personStep = (...userIds: string[]): PolicyStep => ({ kind: 'person', role: null, userIds, mode: 'any' });
  const twoHr = () => demoTx({ yangfan: { roles: ['staff', 'hr_officer'] }, sunlei: { roles: ['staff', 'hr_officer'], active: false } });

  it('makes the first step pending and the others waiting, nothing decided', async () => {
    const steps = await plan('wangqiang', [managerStep, roleStep('any')]);
    expect(steps).toEqual([
      { kind: 'manager', role: null, mode: 'any', approverIds: ['lina'], delegates: [], status: 'pending', decisions: [] },
      { kind: 'role', role: 'hr_officer', mode: 'any', approverIds: ['zhouting'], delegates: [], status: 'waiting', decisions: [] },
    ]);
  });

  it('a role step names every active holder of the role, any-of or countersign as the rule says', async () => {
    const tx = twoHr();
    expect((await plan('wangqiang', [roleStep('any')], tx))[0]).toMatchObject({ mode: 'any', approverIds: ['yangfan', 'zhouting'] });
    expect((await plan('wangqiang', [roleStep('all')], tx))[0]).toMatchObject({ mode: 'all', approverIds: ['yangfan', 'zhouting'] });
    // Never the requester, even when she holds the role.
    expect((await plan('zhouting', [roleStep('all')], tx))[0]).toMatchObject({ approverIds: ['yangfan'] });
  });

  it('a person step names the people given, leaving out the requester, inactive and unknown people', async () => {
    const tx = demoTx({ sunlei: { active: false } });
    expect((await plan('wangqiang', [personStep('zhangwei', 'wangqiang', 'sunlei', 'ghost', 'zhouting', 'zhangwei')], tx))[0]?.approverIds).toEqual(['zhangwei', 'zhouting']);
  });

  it('skips a step left with nobody', async () => {
    expect(await plan('zhouting', [roleStep('any'), managerStep])).toEqual([expect.objectContaining({ kind: 'manager', approverIds: ['zhangwei'], status: 'pending' })]);
    expect(await plan('zhangwei', [managerStep])).toEqual([]);
  });

  it('nobody approves twice: someone in a later step is dropped from an earlier one', async () => {
    const steps = await plan('wangqiang', [managerStep, roleStep('any'), personStep('lina')]);
    expect(steps.map((s) => [s.kind, s.approverIds, s.status])).toEqual([
      ['role', ['zhouting'], 'pending'],
      ['person', ['lina'], 'waiting'],
    ]);
  });

  it('department heads: a head\'s own request goes to the head above; the parent head kind starts one level up', async () => {
    const head: PolicyStep = { kind: 'department_head', role: null, userIds: [], mode: 'any' };
    const parentHead: PolicyStep = { kind: 'parent_department_head', role: null, userIds: [], mode: 'any' };
    expect((await plan('wangqiang', [head]))[0]?.approverIds).toEqual(['lina']);
    expect((await plan('lina', [head]))[0]?.approverIds).toEqual(['zhangwei']);
    expect((await plan('wangqiang', [parentHead]))[0]?.approverIds).toEqual(['zhangwei']);
    // An inactive head is passed over for the one above.
    expect((await plan('wangqiang', [head], demoTx({ lina: { active: false } })))[0]?.approverIds).toEqual(['zhangwei']);
  });

  it('a manager who left is passed over for their own manager', async () => {
    expect((await plan('wangqiang', [managerStep], demoTx({ lina: { active: false } })))[0]?.approverIds).toEqual(['zhangwei']);
  });

  it('puts the acting approvers of the first step\'s approvers on it, but not on later steps', async () => {
    const tx = demoTx();
    tx.seedDoc('delegations', delegation('d1', 'lina', 'zhaomin', '2026-03-02', '2026-03-06'));
    tx.seedDoc('delegations', delegation('d2', 'zhouting', 'yangfan', '2026-03-02', '2026-03-06'));
    const steps = await plan('wangqiang', [managerStep, roleStep('any')], tx);
    expect(steps.map((s) => s.delegates)).toEqual([[{ forId: 'lina', toId: 'zhaomin', delegationId: 'd1' }], []]);
  });
});

describe('delegatesFor', () => {
  it('includes delegations in force today or later, and on-leave ones; not past, inactive or standing ones', async () => {
    const tx = demoTx();
    for (const d of [
      delegation('now', 'lina', 'zhaomin', '2026-02-25', '2026-03-02'),
      delegation('later', 'lina', 'chenjing', '2026-04-01', '2026-04-03'),
      delegation('past', 'lina', 'sunlei', '2026-02-20', '2026-03-01'),
      delegation('off', 'lina', 'liuyang', '2026-03-02', '2026-03-06', { active: false }),
      delegation('always', 'lina', 'yangfan', null, null, { kind: 'standing' }),
      delegation('away', 'zhouting', 'yangfan', '2026-03-09', '2026-03-13', { kind: 'on_leave', sourceRequestId: 'x' }),
    ]) {
      tx.seedDoc('delegations', d);
    }
    expect(await delegatesFor(tx, ['lina', 'zhouting'], TODAY)).toEqual([
      { forId: 'zhouting', toId: 'yangfan', delegationId: 'away' },
      { forId: 'lina', toId: 'chenjing', delegationId: 'later' },
      { forId: 'lina', toId: 'zhaomin', delegationId: 'now' },
    ]);
  });

  it('leaves out the requester as an acting approver', async () => {
    const tx = demoTx();
    tx.seedDoc('delegations', delegation('d1', 'lina', 'wangqiang', '2026-03-02', '2026-03-06'));
    expect(await delegatesFor(tx, ['lina'], TODAY, 'wangqiang')).toEqual([]);
    expect(await delegatesFor(tx, ['lina'], TODAY, 'zhaomin')).toHaveLength(1);
  });
});

describe('pendingApprovers, actingFor and stepApproved', () => {
  const delegates = [
    { forId: 'zhouting', toId: 'lina', delegationId: 'd1' },
    { forId: 'yangfan', toId: 'lina', delegationId: 'd2' },
  ];
  function txWithDelegations(start = '2026-03-02'): MemoryDocTx {
    const tx = demoTx();
    tx.seedDoc('delegations', delegation('d1', 'zhouting', 'lina', start, '2026-03-06'));
    tx.seedDoc('delegations', delegation('d2', 'yangfan', 'lina', start, '2026-03-06'));
    return tx;
  }
  const decided = (approverId: string, decision: 'approved' | 'rejected' = 'approved') => ({ approverId, byId: approverId, decision, at: AT, comment: null });

  it('pendingApprovers: the undecided approvers of the pending step and their acting approvers, sorted', () => {
    const s = step(['zhouting', 'yangfan'], 'all', { delegates: [{ forId: 'zhouting', toId: 'lina', delegationId: 'd1' }] });
    expect(pendingApprovers([s])).toEqual(['lina', 'yangfan', 'zhouting']);
    expect(pendingApprovers([{ ...s, decisions: [decided('zhouting')] }])).toEqual(['yangfan']);
    expect(pendingApprovers([{ ...s, status: 'approved' }, { ...s, status: 'waiting' }])).toEqual([]);
  });

  it('actingFor: an approver acts for herself only, an acting approver for those whose delegation is in force', async () => {
    const tx = txWithDelegations();
    expect(await actingFor(tx, step(['zhouting', 'yangfan'], 'all', { delegates }), 'zhouting', TODAY)).toEqual(['zhouting']);
    expect(await actingFor(tx, step(['zhouting', 'yangfan'], 'all', { delegates }), 'lina', TODAY)).toEqual(['zhouting', 'yangfan']);
    // Any-of: one decision suffices, so it is made for one of them.
    expect(await actingFor(tx, step(['zhouting', 'yangfan'], 'any', { delegates }), 'lina', TODAY)).toEqual(['zhouting']);
    // Not for someone who already decided, not before the delegation starts, not for strangers.
    expect(await actingFor(tx, step(['zhouting', 'yangfan'], 'all', { delegates, decisions: [decided('zhouting')] }), 'lina', TODAY)).toEqual(['yangfan']);
    expect(await actingFor(txWithDelegations('2026-03-03'), step(['zhouting', 'yangfan'], 'all', { delegates }), 'lina', TODAY)).toEqual([]);
    expect(await actingFor(tx, step(['zhouting', 'yangfan'], 'all', { delegates }), 'zhaomin', TODAY)).toEqual([]);
  });

  it('actingFor: a delegate listed on the step whose delegation was ended acts for nobody', async () => {
    const tx = txWithDelegations();
    tx.seedDoc('delegations', delegation('d1', 'zhouting', 'lina', '2026-03-02', '2026-03-06', { active: false }));
    expect(await actingFor(tx, step(['zhouting'], 'any', { delegates }), 'lina', TODAY)).toEqual([]);
  });

  it('stepApproved: one approval for any-of, every approver for countersign', () => {
    expect(stepApproved(step(['zhouting', 'yangfan'], 'any', { decisions: [decided('yangfan')] }))).toBe(true);
    expect(stepApproved(step(['zhouting', 'yangfan'], 'all', { decisions: [decided('yangfan')] }))).toBe(false);
    expect(stepApproved(step(['zhouting', 'yangfan'], 'all', { decisions: [decided('yangfan'), decided('zhouting')] }))).toBe(true);
    expect(stepApproved(step(['zhouting', 'yangfan'], 'all', { decisions: [decided('yangfan'), decided('zhouting', 'rejected')] }))).toBe(false);
    expect(stepApproved(step(['zhouting'], 'any'))).toBe(false);
  });
});

it('plans the same route for the same data, whatever the order documents were stored in', async () => {
  const a = demoTx({ yangfan: { roles: ['staff', 'hr_officer'] } });
  const users: User[] = [...a.all('users')].reverse();
  const b = demoTx({ yangfan: { roles: ['staff', 'hr_officer'] } });
  for (const u of users) b.remove('users', u.id);
  for (const u of users) b.seedDoc('users', u);
  const steps: PolicyStep[] = [managerStep, { kind: 'role', role: 'hr_officer', userIds: [], mode: 'all' }];
  expect(await planSteps(b, demoUser('wangqiang'), steps, TODAY)).toEqual(await planSteps(a, demoUser('wangqiang'), steps, TODAY));
});
