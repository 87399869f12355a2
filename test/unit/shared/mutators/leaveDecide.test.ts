import { afterEach, describe, expect, it } from 'vitest';
import type { ApprovalRule, PolicyStep } from '../../../../shared/domain/policy';
import type { MemoryDocTx } from '../../../support/memoryDocTx';
import { agency, balanceOf, decide, expectAllWritesValid, expectRejected, leaveOf, NOW, patch, run, submitArgs } from './helpers';

afterEach(() => {
  expectAllWritesValid();
});

const T1 = '2026-03-02T02:00:00.000Z';
const T2 = '2026-03-03T03:00:00.000Z';

/** chenjing reports to sunlei; 3.5 days of personal leave then need sunlei, then liuyang (head). */
async function twoStepRequest() {
  const tx = await agency({ chenjing: { managerId: 'sunlei' } });
  await run(tx, 'chenjing', 'leave.submit', submitArgs({ type: 'personal', endDate: '2026-03-12', endHalf: 'am' }));
  expect(leaveOf(tx).steps.map((s) => s.approverIds)).toEqual([['sunlei'], ['liuyang']]);
  return tx;
}

/** wangqiang's one-step annual leave (2 of his 5 days) to lina. */
async function oneStepRequest() {
  const tx = await agency();
  await run(tx, 'wangqiang', 'leave.submit', submitArgs());
  return tx;
}

/** A rule before the defaults that routes every leave through `steps`. */
function routeAllBy(tx: MemoryDocTx, ...steps: PolicyStep[]): void {
  const rule: ApprovalRule = {
    id: 'test-rule',
    scope: 'leave',
    name: 'test',
    order: 1,
    active: true,
    conditions: { leaveTypes: [], minDays: null, maxDays: null, minRank: null, maxRank: null, departmentIds: [], destinationScopes: [], minAmountFen: null, maxAmountFen: null, categories: [] },
    steps,
    updatedAt: NOW,
    updatedBy: null,
  };
  tx.seedDoc('approvalRules', rule);
}
const hrStep = (mode: 'any' | 'all'): PolicyStep => ({ kind: 'role', role: 'hr_officer', userIds: [], mode });
const personStep = (...userIds: string[]): PolicyStep => ({ kind: 'person', role: null, userIds, mode: 'any' });
/** yangfan holds the HR role too, so HR steps have two approvers: yangfan and zhouting. */
const twoHrOfficers = { yangfan: { roles: ['staff' as const, 'finance_officer' as const, 'hr_officer' as const] } };

describe('leave.withdraw', () => {
  it('lets the requester withdraw a pending request: open steps are skipped, nobody has to act', async () => {
    const tx = await twoStepRequest();
    await run(tx, 'chenjing', 'leave.withdraw', { id: 'leave-1' }, T1);
    const leave = leaveOf(tx);
    expect(leave).toMatchObject({ status: 'withdrawn', pendingApproverIds: [], revision: 2, updatedAt: T1, createdAt: NOW });
    expect(leave.steps.map((s) => s.status)).toEqual(['skipped', 'skipped']);
    expect(leave.history.at(-1)).toEqual({ at: T1, actorId: 'chenjing', action: 'withdrawn', comment: null });
  });

  it('keeps a decision already taken when withdrawing half-way', async () => {
    const tx = await twoStepRequest();
    await run(tx, 'sunlei', 'approval.decide', decide('approve', 'fine'), T1);
    await run(tx, 'chenjing', 'leave.withdraw', { id: 'leave-1' }, T2);
    const steps = leaveOf(tx).steps;
    expect(steps.map((s) => s.status)).toEqual(['approved', 'skipped']);
    expect(steps[0]?.decisions).toEqual([{ approverId: 'sunlei', byId: 'sunlei', decision: 'approved', at: T1, comment: 'fine' }]);
  });

  it('gives the reserved days back to the balance', async () => {
    const tx = await oneStepRequest();
    expect(balanceOf(tx, 'wangqiang', 'annual').available).toBe(3);
    await run(tx, 'wangqiang', 'leave.withdraw', { id: 'leave-1' });
    expect(balanceOf(tx, 'wangqiang', 'annual').available).toBe(5);
  });

  it('refuses anyone but the requester (leave.not_yours), the approver included', async () => {
    const tx = await oneStepRequest();
    await expectRejected(tx, 'lina', 'leave.withdraw', { id: 'leave-1' }, 'leave.not_yours');
    await expectRejected(tx, 'zhouting', 'leave.withdraw', { id: 'leave-1' }, 'leave.not_yours');
    expect(leaveOf(tx).status).toBe('pending');
  });

  it.each([
    ['approved', decide('approve')],
    ['rejected', decide('reject', 'busy week')],
  ] as const)('refuses once the request is %s (leave.not_withdrawable)', async (status, decision) => {
    const tx = await oneStepRequest();
    await run(tx, 'lina', 'approval.decide', decision);
    await expectRejected(tx, 'wangqiang', 'leave.withdraw', { id: 'leave-1' }, 'leave.not_withdrawable', { status });
  });

  it('refuses a second withdrawal (leave.not_withdrawable)', async () => {
    const tx = await oneStepRequest();
    await run(tx, 'wangqiang', 'leave.withdraw', { id: 'leave-1' });
    await expectRejected(tx, 'wangqiang', 'leave.withdraw', { id: 'leave-1' }, 'leave.not_withdrawable', { status: 'withdrawn' });
  });

  it('refuses an unknown request (leave.not_found)', async () => {
    await expectRejected(await agency(), 'wangqiang', 'leave.withdraw', { id: 'nope' }, 'leave.not_found');
  });
});

describe('approval.decide: whose turn', () => {
  it('refuses the requester themselves (approval.not_your_turn)', async () => {
    const tx = await oneStepRequest();
    await expectRejected(tx, 'wangqiang', 'approval.decide', decide('approve'), 'approval.not_your_turn');
  });

  it('refuses a colleague, HR and the director, who are not on the route (approval.not_your_turn)', async () => {
    const tx = await oneStepRequest();
    for (const actor of ['zhaomin', 'zhouting', 'zhangwei']) {
      await expectRejected(tx, actor, 'approval.decide', decide('approve'), 'approval.not_your_turn');
    }
  });

  it('refuses a later approver before their turn (approval.not_your_turn)', async () => {
    const tx = await twoStepRequest();
    await expectRejected(tx, 'liuyang', 'approval.decide', decide('approve'), 'approval.not_your_turn');
    await expectRejected(tx, 'liuyang', 'approval.decide', decide('reject', 'no'), 'approval.not_your_turn');
  });

  it('tells an earlier approver who decides again that the step moved on (approval.step_changed)', async () => {
    const tx = await twoStepRequest();
    await run(tx, 'sunlei', 'approval.decide', decide('approve'));
    await expectRejected(tx, 'sunlei', 'approval.decide', decide('approve'), 'approval.step_changed', { by: '孙磊' });
  });

  it('refuses a pending approver whose account was disabled (auth.forbidden)', async () => {
    const tx = await oneStepRequest();
    patch(tx, 'users', 'lina', { active: false });
    await expectRejected(tx, 'lina', 'approval.decide', decide('approve'), 'auth.forbidden');
  });

  it('refuses an unknown request (approval.not_found)', async () => {
    await expectRejected(await agency(), 'lina', 'approval.decide', decide('approve', '', 'nope'), 'approval.not_found');
  });

  it.each([
    ['an unknown decision', { decision: 'maybe' }, 'decision'],
    ['a missing comment', { comment: undefined }, 'comment'],
    ['a comment over 500 characters', { comment: 'x'.repeat(501) }, 'comment'],
    ['a revision of 0', { revision: 0 }, 'revision'],
  ])('refuses bad arguments: %s (validation.invalid)', async (_name, overrides, field) => {
    const tx = await oneStepRequest();
    await expectRejected(tx, 'lina', 'approval.decide', { ...decide('approve'), ...overrides }, 'validation.invalid', { field });
  });
});

describe('approval.decide: outcomes', () => {
  it.each(['', '   '])('requires a comment to reject: %j (approval.comment_required)', async (comment) => {
    const tx = await oneStepRequest();
    await expectRejected(tx, 'lina', 'approval.decide', decide('reject', comment), 'approval.comment_required');
    expect(leaveOf(tx).status).toBe('pending');
  });

  it('approves without a comment', async () => {
    const tx = await oneStepRequest();
    await run(tx, 'lina', 'approval.decide', decide('approve'), T1);
    const leave = leaveOf(tx);
    expect(leave).toMatchObject({ status: 'approved', pendingApproverIds: [], updatedAt: T1, revision: 1 });
    expect(leave.steps).toEqual([
      { kind: 'manager', role: null, mode: 'any', approverIds: ['lina'], delegates: [], status: 'approved', decisions: [{ approverId: 'lina', byId: 'lina', decision: 'approved', at: T1, comment: null }] },
    ]);
  });

  it('moves an approval to the next step, then to approved at the last', async () => {
    const tx = await twoStepRequest();
    await run(tx, 'sunlei', 'approval.decide', decide('approve', ' ok '), T1);
    let leave = leaveOf(tx);
    expect(leave).toMatchObject({ status: 'pending', pendingApproverIds: ['liuyang'] });
    expect(leave.steps.map((s) => s.status)).toEqual(['approved', 'pending']);
    expect(leave.steps[0]?.decisions[0]).toMatchObject({ at: T1, comment: 'ok' });

    await run(tx, 'liuyang', 'approval.decide', decide('approve', 'Enjoy'), T2);
    leave = leaveOf(tx);
    expect(leave).toMatchObject({ status: 'approved', pendingApproverIds: [] });
    expect(leave.history).toEqual([
      { at: NOW, actorId: 'chenjing', action: 'submitted', comment: null },
      { at: T1, actorId: 'sunlei', action: 'approved', comment: 'ok' },
      { at: T2, actorId: 'liuyang', action: 'approved', comment: 'Enjoy' },
    ]);
  });

  it('rejects at the first step: remaining steps are skipped and the request is final', async () => {
    const tx = await twoStepRequest();
    await run(tx, 'sunlei', 'approval.decide', decide('reject', '  Audit week  '), T1);
    const leave = leaveOf(tx);
    expect(leave).toMatchObject({ status: 'rejected', pendingApproverIds: [] });
    expect(leave.steps.map((s) => [s.status, s.decisions.map((d) => d.comment)])).toEqual([
      ['rejected', ['Audit week']],
      ['skipped', []],
    ]);
    expect(leave.history.at(-1)).toEqual({ at: T1, actorId: 'sunlei', action: 'rejected', comment: 'Audit week' });
  });

  it('rejects at the last step after an approval', async () => {
    const tx = await twoStepRequest();
    await run(tx, 'sunlei', 'approval.decide', decide('approve'), T1);
    await run(tx, 'liuyang', 'approval.decide', decide('reject', 'Too long'), T2);
    const leave = leaveOf(tx);
    expect(leave.status).toBe('rejected');
    expect(leave.steps.map((s) => s.status)).toEqual(['approved', 'rejected']);
    expect(leave.history.map((h) => [h.actorId, h.action])).toEqual([
      ['chenjing', 'submitted'],
      ['sunlei', 'approved'],
      ['liuyang', 'rejected'],
    ]);
  });

  it.each([
    ['approved', 'approve', ''],
    ['rejected', 'reject', 'no'],
  ] as const)('tells the approver who decides again once %s that it was decided, and by whom (approval.step_changed)', async (_status, decision, comment) => {
    const tx = await oneStepRequest();
    await run(tx, 'lina', 'approval.decide', decide(decision, comment));
    await expectRejected(tx, 'lina', 'approval.decide', decide('approve'), 'approval.step_changed', { by: '李娜' });
    await expectRejected(tx, 'lina', 'approval.decide', decide('reject', 'changed my mind'), 'approval.step_changed', { by: '李娜' });
  });

  it('refuses to decide a withdrawn request (approval.withdrawn)', async () => {
    const tx = await oneStepRequest();
    await run(tx, 'wangqiang', 'leave.withdraw', { id: 'leave-1' });
    await expectRejected(tx, 'lina', 'approval.decide', decide('approve'), 'approval.withdrawn');
    await expectRejected(tx, 'lina', 'approval.decide', decide('approve', '', 'leave-1', 1), 'approval.withdrawn');
  });

  it('refuses a decision taken on an older revision of the request (approval.request_changed)', async () => {
    const tx = await oneStepRequest();
    await run(tx, 'lina', 'approval.decide', decide('approve', '', 'leave-1', 1));
    // The requester asks to cancel (revision 2) while lina's screen still shows revision 1.
    await run(tx, 'wangqiang', 'leave.cancel', { id: 'leave-1', reason: 'Plans changed' });
    await expectRejected(tx, 'lina', 'approval.decide', decide('reject', 'no', 'leave-1', 1), 'approval.request_changed', { change: 'cancel_requested' });
    await run(tx, 'lina', 'approval.decide', decide('approve', '', 'leave-1', 2));
    expect(leaveOf(tx).status).toBe('cancelled');
  });

  it('keeps the request itself unchanged by decisions (dates, days, reason, requester)', async () => {
    const tx = await twoStepRequest();
    const before = leaveOf(tx);
    await run(tx, 'sunlei', 'approval.decide', decide('approve'), T1);
    await run(tx, 'liuyang', 'approval.decide', decide('approve'), T2);
    const after = leaveOf(tx);
    for (const field of ['requesterId', 'departmentId', 'type', 'startDate', 'startHalf', 'endDate', 'endHalf', 'days', 'reason', 'createdAt', 'revision'] as const) {
      expect(after[field]).toEqual(before[field]);
    }
  });
});

describe('approval.decide: any-of and countersign steps', () => {
  it('any-of: one HR officer\'s approval completes the step for both', async () => {
    const tx = await agency(twoHrOfficers);
    routeAllBy(tx, hrStep('any'), personStep('zhangwei'));
    await run(tx, 'wangqiang', 'leave.submit', submitArgs());
    expect(leaveOf(tx).pendingApproverIds).toEqual(['yangfan', 'zhouting']);
    await run(tx, 'zhouting', 'approval.decide', decide('approve'), T1);
    const leave = leaveOf(tx);
    expect(leave.steps.map((s) => s.status)).toEqual(['approved', 'pending']);
    expect(leave.pendingApproverIds).toEqual(['zhangwei']);
    // The other officer, deciding from an older screen, learns who did it.
    await expectRejected(tx, 'yangfan', 'approval.decide', decide('approve'), 'approval.step_changed', { by: '周婷' });
  });

  it('countersign: every HR officer must approve; until then the step shows who has', async () => {
    const tx = await agency(twoHrOfficers);
    routeAllBy(tx, hrStep('all'));
    await run(tx, 'wangqiang', 'leave.submit', submitArgs());
    await run(tx, 'zhouting', 'approval.decide', decide('approve', 'ok'), T1);
    let leave = leaveOf(tx);
    expect(leave).toMatchObject({ status: 'pending', pendingApproverIds: ['yangfan'] });
    expect(leave.steps[0]).toMatchObject({ mode: 'all', status: 'pending', approverIds: ['yangfan', 'zhouting'] });
    expect(leave.steps[0]?.decisions.map((d) => [d.approverId, d.decision])).toEqual([['zhouting', 'approved']]);
    await expectRejected(tx, 'zhouting', 'approval.decide', decide('approve'), 'approval.step_changed', { by: '周婷' });

    await run(tx, 'yangfan', 'approval.decide', decide('approve'), T2);
    leave = leaveOf(tx);
    expect(leave).toMatchObject({ status: 'approved', pendingApproverIds: [] });
    expect(leave.steps[0]?.decisions.map((d) => d.approverId)).toEqual(['zhouting', 'yangfan']);
  });

  it('countersign: one rejection ends the request, with a comment', async () => {
    const tx = await agency(twoHrOfficers);
    routeAllBy(tx, hrStep('all'), personStep('zhangwei'));
    await run(tx, 'wangqiang', 'leave.submit', submitArgs());
    await run(tx, 'zhouting', 'approval.decide', decide('approve'), T1);
    await expectRejected(tx, 'yangfan', 'approval.decide', decide('reject', ' '), 'approval.comment_required');
    await run(tx, 'yangfan', 'approval.decide', decide('reject', 'Quarter-end closing'), T2);
    const leave = leaveOf(tx);
    expect(leave).toMatchObject({ status: 'rejected', pendingApproverIds: [] });
    expect(leave.steps.map((s) => s.status)).toEqual(['rejected', 'skipped']);
    expect(balanceOf(tx, 'wangqiang', 'annual').available).toBe(5);
  });
});

describe('approval.decide: the balance', () => {
  it('writes the usage to the ledger once, at the final approval', async () => {
    const tx = await twoStepRequest();
    // Give personal leave a balance for this test: 4 days credited, 3.5 asked.
    patch(tx, 'leaveTypes', 'personal', { tracksBalance: true });
    tx.seedDoc('leaveLedger', { id: 'credit', userId: 'chenjing', typeId: 'personal', kind: 'adjustment', days: 4, effectiveOn: '2026-01-01', expiresOn: null, requestId: null, year: null, reason: 'test', actorId: 'zhouting', createdAt: NOW });
    await run(tx, 'sunlei', 'approval.decide', decide('approve'), T1);
    expect(tx.all('leaveLedger').filter((e) => e.kind === 'usage')).toEqual([]);
    await run(tx, 'liuyang', 'approval.decide', decide('approve'), T2);
    const usage = tx.all('leaveLedger').filter((e) => e.kind === 'usage');
    expect(usage).toEqual([
      { id: 'use-leave-1', userId: 'chenjing', typeId: 'personal', kind: 'usage', days: -3.5, effectiveOn: '2026-03-09', expiresOn: null, requestId: 'leave-1', year: null, reason: 'approved', actorId: 'liuyang', createdAt: T2 },
    ]);
    expect(balanceOf(tx, 'chenjing', 'personal')).toMatchObject({ used: 3.5, reserved: 0, available: 0.5 });
  });

  it('writes nothing to the ledger for a type without a balance', async () => {
    const tx = await twoStepRequest();
    await run(tx, 'sunlei', 'approval.decide', decide('approve'), T1);
    await run(tx, 'liuyang', 'approval.decide', decide('approve'), T2);
    expect(tx.all('leaveLedger').filter((e) => e.userId === 'chenjing' && e.kind !== 'allocation')).toEqual([]);
  });

  it('checks the balance again at the final approval (leave.insufficient_balance)', async () => {
    const tx = await agency();
    // Time off in lieu taken in advance while HR allowed it, then HR stopped allowing it.
    patch(tx, 'leaveTypes', 'compensatory', { allowNegative: true });
    await run(tx, 'wangqiang', 'leave.submit', submitArgs({ type: 'compensatory' }));
    patch(tx, 'leaveTypes', 'compensatory', { allowNegative: false });
    await expectRejected(tx, 'lina', 'approval.decide', decide('approve'), 'leave.insufficient_balance', { available: 0, days: 2 });
    expect(leaveOf(tx).status).toBe('pending');
    // A rejection needs no balance.
    await run(tx, 'lina', 'approval.decide', decide('reject', 'Not credited yet'));
  });
});

describe('documents written by mutators', () => {
  it('all pass the collection schema through a whole lifecycle', async () => {
    const tx = await twoStepRequest();
    await run(tx, 'sunlei', 'approval.decide', decide('approve', 'ok'), T1);
    await run(tx, 'liuyang', 'approval.decide', decide('reject', 'no'), T2);
    await run(tx, 'chenjing', 'leave.submit', submitArgs({ id: 'leave-2', startHalf: 'pm', endDate: '2026-03-09', endHalf: 'pm' }));
    await run(tx, 'chenjing', 'leave.withdraw', { id: 'leave-2' });
    expect(expectAllWritesValid()).toBe(5);
  });
});
