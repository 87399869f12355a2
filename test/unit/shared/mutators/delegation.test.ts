import { afterEach, describe, expect, it } from 'vitest';
import type { MemoryDocTx } from '../../../support/memoryDocTx';
import { agency, attachment, decide, expectAllWritesValid, expectRejected, leaveOf, NOW, on, run, submitArgs } from './helpers';

afterEach(() => {
  expectAllWritesValid();
});

/** lina names an acting approver for a date range. */
const manual = (toUserId: string, startDate: string | null, endDate: string | null, id = 'd1') => ({ id, kind: 'manual', toUserId, startDate, endDate, note: '  出差期间  ' });
const standing = (toUserId: string, id = 's1') => ({ id, kind: 'standing', toUserId, startDate: null, endDate: null, note: '' });

/** wangqiang's two days of annual leave, pending on lina. */
async function pendingOnLina(tx?: MemoryDocTx) {
  const t = tx ?? (await agency());
  await run(t, 'wangqiang', 'leave.submit', submitArgs());
  return t;
}

describe('delegation.set', () => {
  it('stores a manual delegation and routes lina\'s pending items to the acting approver at once', async () => {
    const tx = await pendingOnLina();
    await run(tx, 'lina', 'delegation.set', manual('zhaomin', '2026-03-02', '2026-03-06'));
    expect(tx.peek('delegations', 'd1')).toEqual({
      id: 'd1',
      kind: 'manual',
      fromUserId: 'lina',
      toUserId: 'zhaomin',
      startDate: '2026-03-02',
      endDate: '2026-03-06',
      sourceRequestId: null,
      active: true,
      note: '出差期间',
      createdAt: NOW,
      updatedAt: NOW,
    });
    const leave = leaveOf(tx);
    expect(leave.steps[0]?.delegates).toEqual([{ forId: 'lina', toId: 'zhaomin', delegationId: 'd1' }]);
    expect(leave.pendingApproverIds).toEqual(['lina', 'zhaomin']);
    expect(await tx.find('leaveRequests', 'pendingApproverIds', 'zhaomin')).toHaveLength(1);
  });

  it('routes requests submitted while it stands to the acting approver too', async () => {
    const tx = await agency();
    await run(tx, 'lina', 'delegation.set', manual('zhaomin', '2026-03-02', '2026-03-06'));
    await pendingOnLina(tx);
    expect(leaveOf(tx).pendingApproverIds).toEqual(['lina', 'zhaomin']);
  });

  it('routes a delegation that starts later already, so the item is waiting when it starts', async () => {
    const tx = await pendingOnLina();
    await run(tx, 'lina', 'delegation.set', manual('zhaomin', '2026-03-05', '2026-03-06'));
    expect(leaveOf(tx).pendingApproverIds).toEqual(['lina', 'zhaomin']);
  });

  it('moves the routing when the acting approver changes', async () => {
    const tx = await pendingOnLina();
    await run(tx, 'lina', 'delegation.set', manual('zhaomin', '2026-03-02', '2026-03-06'));
    await run(tx, 'lina', 'delegation.set', manual('chenjing', '2026-03-02', '2026-03-06'));
    expect(leaveOf(tx).steps[0]?.delegates).toEqual([{ forId: 'lina', toId: 'chenjing', delegationId: 'd1' }]);
    expect(leaveOf(tx).pendingApproverIds).toEqual(['chenjing', 'lina']);
    expect(tx.peek('delegations', 'd1')?.createdAt).toBe(NOW);
  });

  it('routes the cancellation of approved leave as well', async () => {
    const tx = await pendingOnLina();
    await run(tx, 'lina', 'approval.decide', decide('approve'));
    await run(tx, 'wangqiang', 'leave.cancel', { id: 'leave-1', reason: 'Plans changed' });
    await run(tx, 'lina', 'delegation.set', manual('zhaomin', '2026-03-02', '2026-03-06'));
    const leave = leaveOf(tx);
    expect(leave.cancellation?.steps[0]?.delegates).toEqual([{ forId: 'lina', toId: 'zhaomin', delegationId: 'd1' }]);
    expect(leave.pendingApproverIds).toEqual(['lina', 'zhaomin']);
    await run(tx, 'zhaomin', 'approval.decide', decide('approve'));
    expect(leaveOf(tx).status).toBe('cancelled');
  });

  it('never routes a request to its own requester, even as the acting approver', async () => {
    const tx = await pendingOnLina();
    await run(tx, 'zhaomin', 'leave.submit', submitArgs({ id: 'leave-2' }));
    await run(tx, 'lina', 'delegation.set', manual('wangqiang', '2026-03-02', '2026-03-06'));
    expect(leaveOf(tx).pendingApproverIds).toEqual(['lina']);
    expect(leaveOf(tx, 'leave-2').pendingApproverIds).toEqual(['lina', 'wangqiang']);
    await expectRejected(tx, 'wangqiang', 'approval.decide', decide('approve'), 'approval.not_your_turn');
    // And a request he submits while it stands is not routed to him either.
    await run(tx, 'wangqiang', 'leave.submit', submitArgs({ id: 'leave-3', startDate: '2026-03-16', endDate: '2026-03-16' }));
    expect(leaveOf(tx, 'leave-3').pendingApproverIds).toEqual(['lina']);
  });

  it('a standing delegation routes nothing by itself', async () => {
    const tx = await pendingOnLina();
    await run(tx, 'lina', 'delegation.set', standing('zhaomin'));
    expect(tx.peek('delegations', 's1')).toMatchObject({ kind: 'standing', startDate: null, endDate: null, active: true });
    expect(leaveOf(tx).pendingApproverIds).toEqual(['lina']);
  });

  it('a new standing delegation replaces the previous one', async () => {
    const tx = await agency();
    await run(tx, 'lina', 'delegation.set', standing('zhaomin', 's1'));
    await run(tx, 'lina', 'delegation.set', standing('wangqiang', 's2'));
    expect(tx.peek('delegations', 's1')?.active).toBe(false);
    expect(tx.peek('delegations', 's2')?.active).toBe(true);
  });

  it('turning a date range into a standing rule takes its routing away', async () => {
    const tx = await pendingOnLina();
    await run(tx, 'lina', 'delegation.set', manual('zhaomin', '2026-03-02', '2026-03-06'));
    await run(tx, 'lina', 'delegation.set', { ...standing('zhaomin'), id: 'd1' });
    expect(leaveOf(tx).pendingApproverIds).toEqual(['lina']);
    expect(leaveOf(tx).steps[0]?.delegates).toEqual([]);
  });

  it.each([
    ['no dates', null, null],
    ['no end', '2026-03-02', null],
    ['an end before the start', '2026-03-06', '2026-03-05'],
    ['a range already over', '2026-02-23', '2026-03-01'],
    ['a range of more than 366 days', '2026-03-02', '2027-03-03'],
  ])('refuses a manual delegation with %s (delegation.invalid_range)', async (_name, start, end) => {
    await expectRejected(await agency(), 'lina', 'delegation.set', manual('zhaomin', start, end), 'delegation.invalid_range');
  });

  it('accepts a range that ends today, and one of 366 days', async () => {
    const tx = await agency();
    await run(tx, 'lina', 'delegation.set', manual('zhaomin', '2026-02-23', '2026-03-02'));
    await run(tx, 'lina', 'delegation.set', manual('zhaomin', '2026-03-02', '2027-03-02', 'd2'));
    expect(tx.all('delegations').map((d) => d.id)).toEqual(['d1', 'd2']);
  });

  it('refuses naming oneself (delegation.self)', async () => {
    await expectRejected(await agency(), 'lina', 'delegation.set', manual('lina', '2026-03-02', '2026-03-06'), 'delegation.self');
  });

  it('refuses an acting approver who is inactive or unknown (delegation.invalid_user)', async () => {
    const tx = await agency({ zhaomin: { active: false } });
    await expectRejected(tx, 'lina', 'delegation.set', manual('zhaomin', '2026-03-02', '2026-03-06'), 'delegation.invalid_user');
    await expectRejected(tx, 'lina', 'delegation.set', manual('nobody', '2026-03-02', '2026-03-06'), 'delegation.invalid_user');
  });

  it('refuses changing someone else\'s delegation (delegation.not_yours)', async () => {
    const tx = await agency();
    await run(tx, 'lina', 'delegation.set', manual('zhaomin', '2026-03-02', '2026-03-06'));
    await expectRejected(tx, 'liuyang', 'delegation.set', manual('sunlei', '2026-03-02', '2026-03-06'), 'delegation.not_yours');
  });
});

describe('delegation.end', () => {
  it('takes the acting approver off pending items', async () => {
    const tx = await pendingOnLina();
    await run(tx, 'lina', 'delegation.set', manual('zhaomin', '2026-03-02', '2026-03-06'));
    await run(tx, 'lina', 'delegation.end', { id: 'd1' }, on('2026-03-03'));
    expect(tx.peek('delegations', 'd1')).toMatchObject({ active: false, updatedAt: on('2026-03-03') });
    expect(leaveOf(tx).pendingApproverIds).toEqual(['lina']);
    expect(leaveOf(tx).steps[0]?.delegates).toEqual([]);
    await expectRejected(tx, 'zhaomin', 'approval.decide', decide('approve'), 'approval.not_your_turn', undefined, on('2026-03-03'));
  });

  it('does nothing to a delegation already ended', async () => {
    const tx = await agency();
    await run(tx, 'lina', 'delegation.set', manual('zhaomin', '2026-03-02', '2026-03-06'));
    await run(tx, 'lina', 'delegation.end', { id: 'd1' });
    const writes = tx.writes.length;
    await run(tx, 'lina', 'delegation.end', { id: 'd1' });
    expect(tx.writes.length).toBe(writes);
  });

  it('refuses an unknown delegation (delegation.not_found) and someone else\'s (delegation.not_yours)', async () => {
    const tx = await agency();
    await expectRejected(tx, 'lina', 'delegation.end', { id: 'nope' }, 'delegation.not_found');
    await run(tx, 'lina', 'delegation.set', manual('zhaomin', '2026-03-02', '2026-03-06'));
    await expectRejected(tx, 'zhaomin', 'delegation.end', { id: 'd1' }, 'delegation.not_yours');
  });
});

describe('approval.decide by an acting approver', () => {
  it('records who decided and on whose behalf', async () => {
    const tx = await pendingOnLina();
    await run(tx, 'lina', 'delegation.set', manual('zhaomin', '2026-03-02', '2026-03-06'));
    await run(tx, 'zhaomin', 'approval.decide', decide('approve', '同意'), on('2026-03-03'));
    const leave = leaveOf(tx);
    expect(leave.status).toBe('approved');
    expect(leave.steps[0]?.decisions).toEqual([{ approverId: 'lina', byId: 'zhaomin', decision: 'approved', at: on('2026-03-03'), comment: '同意' }]);
    expect(leave.history.at(-1)).toEqual({ at: on('2026-03-03'), actorId: 'zhaomin', action: 'approved', comment: '同意', onBehalfOfId: 'lina' });
  });

  it('refuses the acting approver before the delegation starts and after it ends', async () => {
    const tx = await pendingOnLina();
    await run(tx, 'lina', 'delegation.set', manual('zhaomin', '2026-03-05', '2026-03-06'));
    await expectRejected(tx, 'zhaomin', 'approval.decide', decide('approve'), 'approval.not_your_turn', undefined, on('2026-03-04'));
    await expectRejected(tx, 'zhaomin', 'approval.decide', decide('approve'), 'approval.not_your_turn', undefined, on('2026-03-09'));
    await run(tx, 'zhaomin', 'approval.decide', decide('approve'), on('2026-03-06'));
    expect(leaveOf(tx).status).toBe('approved');
  });

  it('lets the original approver still decide herself', async () => {
    const tx = await pendingOnLina();
    await run(tx, 'lina', 'delegation.set', manual('zhaomin', '2026-03-02', '2026-03-06'));
    await run(tx, 'lina', 'approval.decide', decide('approve'), on('2026-03-03'));
    const leave = leaveOf(tx);
    expect(leave.steps[0]?.decisions.map((d) => [d.approverId, d.byId])).toEqual([['lina', 'lina']]);
    expect(leave.history.at(-1)).not.toHaveProperty('onBehalfOfId');
    await expectRejected(tx, 'zhaomin', 'approval.decide', decide('approve'), 'approval.step_changed', { by: '李娜' }, on('2026-03-03'));
  });

  it('tells the original approver, deciding offline, that the acting approver already did (approval.step_changed)', async () => {
    const tx = await agency();
    // Marriage leave: lina as head, then HR.
    await run(tx, 'wangqiang', 'leave.submit', submitArgs({ type: 'marriage', attachments: [attachment(tx)] }));
    await run(tx, 'lina', 'delegation.set', manual('zhaomin', '2026-03-02', '2026-03-06'));
    await run(tx, 'zhaomin', 'approval.decide', decide('approve'), on('2026-03-03'));
    expect(leaveOf(tx).pendingApproverIds).toEqual(['zhouting']);
    await expectRejected(tx, 'lina', 'approval.decide', decide('approve'), 'approval.step_changed', { by: '赵敏' }, on('2026-03-03'));
    await expectRejected(tx, 'lina', 'approval.decide', decide('reject', 'no'), 'approval.step_changed', { by: '赵敏' }, on('2026-03-03'));
  });

  it('in a countersign step, the acting approver signs for the one who delegated only', async () => {
    const tx = await agency({ yangfan: { roles: ['staff', 'finance_officer', 'hr_officer'] } });
    tx.seedDoc('approvalRules', {
      id: 'countersign',
      scope: 'leave',
      name: 'HR countersign',
      order: 1,
      active: true,
      conditions: { leaveTypes: [], minDays: null, maxDays: null, minRank: null, maxRank: null, departmentIds: [], destinationScopes: [], minAmountFen: null, maxAmountFen: null, categories: [] },
      steps: [{ kind: 'role', role: 'hr_officer', userIds: [], mode: 'all' }],
      updatedAt: NOW,
      updatedBy: null,
    });
    await run(tx, 'zhouting', 'delegation.set', { ...manual('lina', '2026-03-02', '2026-03-06'), id: 'dz' });
    await run(tx, 'wangqiang', 'leave.submit', submitArgs());
    expect(leaveOf(tx).pendingApproverIds).toEqual(['lina', 'yangfan', 'zhouting']);
    await run(tx, 'lina', 'approval.decide', decide('approve'));
    const leave = leaveOf(tx);
    expect(leave.status).toBe('pending');
    expect(leave.steps[0]?.decisions.map((d) => [d.approverId, d.byId])).toEqual([['zhouting', 'lina']]);
    expect(leave.pendingApproverIds).toEqual(['yangfan']);
  });
});

describe('standing delegation while the approver is on leave', () => {
  /** lina has a standing acting approver (zhaomin) and one item waiting on her; zhangwei approves her leave for 9-13 March. */
  async function linaOnLeave() {
    const tx = await pendingOnLina();
    await run(tx, 'lina', 'delegation.set', standing('zhaomin'));
    await run(tx, 'lina', 'leave.submit', submitArgs({ id: 'lina-leave', endDate: '2026-03-13' }));
    await run(tx, 'zhangwei', 'approval.decide', decide('approve', '', 'lina-leave'));
    return tx;
  }

  it('the approval of her leave puts the acting approver in force for exactly its dates', async () => {
    const tx = await linaOnLeave();
    expect(tx.peek('delegations', 'ol-lina-leave')).toEqual({
      id: 'ol-lina-leave',
      kind: 'on_leave',
      fromUserId: 'lina',
      toUserId: 'zhaomin',
      startDate: '2026-03-09',
      endDate: '2026-03-13',
      sourceRequestId: 'lina-leave',
      active: true,
      note: '',
      createdAt: NOW,
      updatedAt: NOW,
    });
  });

  it('routes her pending items to the acting approver, who may decide them while she is away', async () => {
    const tx = await linaOnLeave();
    expect(leaveOf(tx).pendingApproverIds).toEqual(['lina', 'zhaomin']);
    await expectRejected(tx, 'zhaomin', 'approval.decide', decide('approve'), 'approval.not_your_turn', undefined, on('2026-03-06'));
    await run(tx, 'zhaomin', 'approval.decide', decide('approve'), on('2026-03-10'));
    expect(leaveOf(tx).history.at(-1)).toMatchObject({ actorId: 'zhaomin', onBehalfOfId: 'lina' });
  });

  it('routes items that reach her later in their route too, but never to their own requester', async () => {
    const tx = await agency({ wangqiang: { managerId: 'zhaomin' } });
    await run(tx, 'lina', 'delegation.set', standing('liuyang'));
    await run(tx, 'lina', 'leave.submit', submitArgs({ id: 'lina-leave', endDate: '2026-03-13' }));
    await run(tx, 'zhangwei', 'approval.decide', decide('approve', '', 'lina-leave'));
    // Four days: wangqiang's manager zhaomin, then lina as head.
    await run(tx, 'wangqiang', 'leave.submit', submitArgs({ type: 'personal', startDate: '2026-03-16', endDate: '2026-03-19' }));
    expect(leaveOf(tx).pendingApproverIds).toEqual(['zhaomin']);
    await run(tx, 'zhaomin', 'approval.decide', decide('approve'));
    expect(leaveOf(tx).steps[1]?.delegates).toEqual([{ forId: 'lina', toId: 'liuyang', delegationId: 'ol-lina-leave' }]);
    expect(leaveOf(tx).pendingApproverIds).toEqual(['lina', 'liuyang']);
    // liuyang's own request to lina (as the family rule's head) is not routed to him.
    await run(tx, 'liuyang', 'leave.submit', submitArgs({ id: 'his', type: 'personal', startDate: '2026-03-16', endDate: '2026-03-16' }));
    expect(leaveOf(tx, 'his').pendingApproverIds).toEqual(['zhangwei']);
  });

  it('does nothing without a standing delegation', async () => {
    const tx = await pendingOnLina();
    await run(tx, 'lina', 'leave.submit', submitArgs({ id: 'lina-leave', endDate: '2026-03-13' }));
    await run(tx, 'zhangwei', 'approval.decide', decide('approve', '', 'lina-leave'));
    expect(tx.all('delegations')).toEqual([]);
    expect(leaveOf(tx).pendingApproverIds).toEqual(['lina']);
  });

  it('ends with the cancellation of her leave', async () => {
    const tx = await linaOnLeave();
    await run(tx, 'lina', 'leave.cancel', { id: 'lina-leave', reason: 'Meeting moved' });
    await run(tx, 'zhangwei', 'approval.decide', decide('approve', '', 'lina-leave'));
    expect(tx.peek('delegations', 'ol-lina-leave')?.active).toBe(false);
    expect(leaveOf(tx).pendingApproverIds).toEqual(['lina']);
  });
});
