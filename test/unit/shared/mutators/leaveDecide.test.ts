import { afterEach, describe, expect, it } from 'vitest';
import { agency, expectAllWritesValid, expectRejected, leaveOf, NOW, run, submitArgs } from './helpers';

afterEach(() => {
  expectAllWritesValid();
});

const T1 = '2026-03-02T02:00:00.000Z';
const T2 = '2026-03-03T03:00:00.000Z';

/** chenjing reports to sunlei; a 3.5-day request then needs sunlei, then liuyang (head). */
async function twoStepRequest() {
  const tx = agency({ chenjing: { managerId: 'sunlei' } });
  await run(tx, 'chenjing', 'leave.submit', submitArgs({ endDate: '2026-03-12', endHalf: 'am' }));
  expect(leaveOf(tx).steps.map((s) => s.approverId)).toEqual(['sunlei', 'liuyang']);
  return tx;
}

/** wangqiang's one-step request to lina. */
async function oneStepRequest() {
  const tx = agency();
  await run(tx, 'wangqiang', 'leave.submit', submitArgs());
  return tx;
}

const decide = (decision: 'approve' | 'reject', comment = '') => ({ requestId: 'leave-1', decision, comment });

describe('leave.withdraw', () => {
  it('lets the requester withdraw a pending request: open steps are skipped, nobody has to act', async () => {
    const tx = await twoStepRequest();
    await run(tx, 'chenjing', 'leave.withdraw', { id: 'leave-1' }, T1);
    const leave = leaveOf(tx);
    expect(leave.status).toBe('withdrawn');
    expect(leave.pendingApproverId).toBeNull();
    expect(leave.steps.map((s) => s.status)).toEqual(['skipped', 'skipped']);
    expect(leave.history.at(-1)).toEqual({ at: T1, actorId: 'chenjing', action: 'withdrawn', comment: null });
    expect(leave.updatedAt).toBe(T1);
    expect(leave.createdAt).toBe(NOW);
  });

  it('keeps a decision already taken when withdrawing half-way', async () => {
    const tx = await twoStepRequest();
    await run(tx, 'sunlei', 'approval.decide', decide('approve', 'fine'), T1);
    await run(tx, 'chenjing', 'leave.withdraw', { id: 'leave-1' }, T2);
    const steps = leaveOf(tx).steps;
    expect(steps.map((s) => s.status)).toEqual(['approved', 'skipped']);
    expect(steps[0]).toMatchObject({ decidedAt: T1, comment: 'fine' });
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
    await expectRejected(agency(), 'wangqiang', 'leave.withdraw', { id: 'nope' }, 'leave.not_found');
  });
});

describe('approval.decide: whose turn', () => {
  it('refuses the requester themselves (approval.not_your_turn)', async () => {
    const tx = await oneStepRequest();
    await expectRejected(tx, 'wangqiang', 'approval.decide', decide('approve'), 'approval.not_your_turn');
  });

  it('refuses a colleague, HR and the director, who are not in the chain (approval.not_your_turn)', async () => {
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

  it('refuses an earlier approver once they have decided (approval.not_your_turn)', async () => {
    const tx = await twoStepRequest();
    await run(tx, 'sunlei', 'approval.decide', decide('approve'));
    await expectRejected(tx, 'sunlei', 'approval.decide', decide('approve'), 'approval.not_your_turn');
  });

  it('refuses a pending approver whose account was disabled (auth.forbidden)', async () => {
    const tx = await oneStepRequest();
    const lina = tx.peek('users', 'lina');
    if (!lina) throw new Error('no lina');
    await tx.put('users', { ...lina, active: false });
    await expectRejected(tx, 'lina', 'approval.decide', decide('approve'), 'auth.forbidden');
  });

  it('refuses an unknown request (approval.not_found)', async () => {
    await expectRejected(agency(), 'lina', 'approval.decide', { ...decide('approve'), requestId: 'nope' }, 'approval.not_found');
  });

  it.each([
    ['an unknown decision', { decision: 'maybe' }, 'decision'],
    ['a missing comment', { comment: undefined }, 'comment'],
    ['a comment over 500 characters', { comment: 'x'.repeat(501) }, 'comment'],
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
    expect(leave.status).toBe('approved');
    expect(leave.pendingApproverId).toBeNull();
    expect(leave.steps).toEqual([{ approverId: 'lina', role: 'manager', status: 'approved', decidedAt: T1, comment: null }]);
    expect(leave.updatedAt).toBe(T1);
  });

  it('moves an approval to the next step, then to approved at the last', async () => {
    const tx = await twoStepRequest();
    await run(tx, 'sunlei', 'approval.decide', decide('approve', ' ok '), T1);
    let leave = leaveOf(tx);
    expect(leave.status).toBe('pending');
    expect(leave.pendingApproverId).toBe('liuyang');
    expect(leave.steps.map((s) => s.status)).toEqual(['approved', 'pending']);
    expect(leave.steps[0]).toMatchObject({ decidedAt: T1, comment: 'ok' });
    expect(leave.steps[1]).toMatchObject({ decidedAt: null, comment: null });

    await run(tx, 'liuyang', 'approval.decide', decide('approve', 'Enjoy'), T2);
    leave = leaveOf(tx);
    expect(leave.status).toBe('approved');
    expect(leave.pendingApproverId).toBeNull();
    expect(leave.steps.map((s) => [s.status, s.decidedAt, s.comment])).toEqual([
      ['approved', T1, 'ok'],
      ['approved', T2, 'Enjoy'],
    ]);
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
    expect(leave.status).toBe('rejected');
    expect(leave.pendingApproverId).toBeNull();
    expect(leave.steps.map((s) => [s.approverId, s.status, s.comment])).toEqual([
      ['sunlei', 'rejected', 'Audit week'],
      ['liuyang', 'skipped', null],
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
  ] as const)('refuses to decide again once %s (approval.already_decided)', async (status, decision, comment) => {
    const tx = await oneStepRequest();
    await run(tx, 'lina', 'approval.decide', decide(decision, comment));
    await expectRejected(tx, 'lina', 'approval.decide', decide('approve'), 'approval.already_decided', { status });
    await expectRejected(tx, 'lina', 'approval.decide', decide('reject', 'changed my mind'), 'approval.already_decided', { status });
  });

  it('refuses to decide a withdrawn request (approval.already_decided)', async () => {
    const tx = await oneStepRequest();
    await run(tx, 'wangqiang', 'leave.withdraw', { id: 'leave-1' });
    await expectRejected(tx, 'lina', 'approval.decide', decide('approve'), 'approval.already_decided', { status: 'withdrawn' });
  });

  it('keeps the request itself unchanged by decisions (dates, days, reason, requester)', async () => {
    const tx = await twoStepRequest();
    const before = leaveOf(tx);
    await run(tx, 'sunlei', 'approval.decide', decide('approve'), T1);
    await run(tx, 'liuyang', 'approval.decide', decide('approve'), T2);
    const after = leaveOf(tx);
    for (const field of ['requesterId', 'departmentId', 'type', 'startDate', 'startHalf', 'endDate', 'endHalf', 'days', 'reason', 'createdAt'] as const) {
      expect(after[field]).toEqual(before[field]);
    }
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
