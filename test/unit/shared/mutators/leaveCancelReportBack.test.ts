import { afterEach, describe, expect, it } from 'vitest';
import { agency, balanceOf, decide, expectAllWritesValid, expectRejected, leaveOf, NOW, on, run, submitArgs } from './helpers';

afterEach(() => {
  expectAllWritesValid();
});

/** wangqiang's annual leave (he has 5 days), approved by lina: by default 9-10 March. */
async function approvedLeave(overrides: Record<string, unknown> = {}) {
  const tx = await agency();
  await run(tx, 'wangqiang', 'leave.submit', submitArgs(overrides));
  await run(tx, 'lina', 'approval.decide', decide('approve'));
  return tx;
}

const cancel = (reason = 'Trip called off', id = 'leave-1') => ({ id, reason });
const back = (returnDate: string, returnHalf: 'am' | 'pm' = 'am', comment = '') => ({ id: 'leave-1', returnDate, returnHalf, comment });

describe('leave.cancel', () => {
  it('asks the approvers of the request to approve the cancellation', async () => {
    const tx = await approvedLeave();
    await run(tx, 'wangqiang', 'leave.cancel', cancel('  Trip called off '), on('2026-03-05'));
    const leave = leaveOf(tx);
    expect(leave).toMatchObject({ status: 'approved', revision: 2, pendingApproverIds: ['lina'] });
    expect(leave.cancellation).toEqual({
      reason: 'Trip called off',
      requestedAt: on('2026-03-05'),
      status: 'pending',
      steps: [{ kind: 'manager', role: null, mode: 'any', approverIds: ['lina'], delegates: [], status: 'pending', decisions: [] }],
    });
    expect(leave.history.at(-1)).toEqual({ at: on('2026-03-05'), actorId: 'wangqiang', action: 'cancel_requested', comment: 'Trip called off' });
    // The days stay used until the cancellation is approved.
    expect(balanceOf(tx, 'wangqiang', 'annual').available).toBe(3);
  });

  it('once approved: the request is cancelled and its days go back to the balance', async () => {
    const tx = await approvedLeave();
    await run(tx, 'wangqiang', 'leave.cancel', cancel());
    await run(tx, 'lina', 'approval.decide', decide('approve'), on('2026-03-03'));
    const leave = leaveOf(tx);
    expect(leave).toMatchObject({ status: 'cancelled', pendingApproverIds: [] });
    expect(leave.cancellation?.status).toBe('approved');
    expect(leave.history.at(-1)).toMatchObject({ actorId: 'lina', action: 'cancel_approved' });
    expect(tx.all('leaveLedger').filter((e) => e.requestId === 'leave-1').map((e) => [e.kind, e.days, e.reason])).toEqual([
      ['usage', -2, 'approved'],
      ['restoration', 2, 'cancelled'],
    ]);
    expect(balanceOf(tx, 'wangqiang', 'annual')).toMatchObject({ used: 0, available: 5 });
  });

  it('once rejected (with a comment): the leave stays approved and used', async () => {
    const tx = await approvedLeave();
    await run(tx, 'wangqiang', 'leave.cancel', cancel());
    await expectRejected(tx, 'lina', 'approval.decide', decide('reject', ''), 'approval.comment_required');
    await run(tx, 'lina', 'approval.decide', decide('reject', 'Already arranged cover'));
    const leave = leaveOf(tx);
    expect(leave).toMatchObject({ status: 'approved', pendingApproverIds: [] });
    expect(leave.cancellation?.status).toBe('rejected');
    expect(leave.history.at(-1)).toMatchObject({ action: 'cancel_rejected', comment: 'Already arranged cover' });
    expect(balanceOf(tx, 'wangqiang', 'annual').available).toBe(3);
    // It can be asked again.
    await run(tx, 'wangqiang', 'leave.cancel', cancel('Really called off'));
    expect(leaveOf(tx).cancellation?.status).toBe('pending');
  });

  it('goes through every step of a longer route', async () => {
    const tx = await agency({ chenjing: { managerId: 'sunlei' } });
    await run(tx, 'chenjing', 'leave.submit', submitArgs({ type: 'personal', endDate: '2026-03-13' }));
    await run(tx, 'sunlei', 'approval.decide', decide('approve'));
    await run(tx, 'liuyang', 'approval.decide', decide('approve'));
    await run(tx, 'chenjing', 'leave.cancel', cancel());
    await run(tx, 'sunlei', 'approval.decide', decide('approve'));
    expect(leaveOf(tx)).toMatchObject({ status: 'approved', pendingApproverIds: ['liuyang'] });
    expect(leaveOf(tx).cancellation?.steps.map((s) => s.status)).toEqual(['approved', 'pending']);
    await run(tx, 'liuyang', 'approval.decide', decide('approve'));
    expect(leaveOf(tx).status).toBe('cancelled');
  });

  it('refuses leave that is not approved (leave.not_cancellable)', async () => {
    const tx = await agency();
    await run(tx, 'wangqiang', 'leave.submit', submitArgs());
    await expectRejected(tx, 'wangqiang', 'leave.cancel', cancel(), 'leave.not_cancellable', { status: 'pending' });
  });

  it('refuses leave that has started (leave.cancel_started): that is a report-back', async () => {
    const tx = await approvedLeave();
    await expectRejected(tx, 'wangqiang', 'leave.cancel', cancel(), 'leave.cancel_started', undefined, on('2026-03-09'));
    await run(tx, 'wangqiang', 'leave.cancel', cancel(), on('2026-03-08'));
  });

  it('refuses someone else\'s leave (leave.not_yours), a blank reason (leave.reason_required) and a second request (leave.cancellation_pending)', async () => {
    const tx = await approvedLeave();
    await expectRejected(tx, 'lina', 'leave.cancel', cancel(), 'leave.not_yours');
    await expectRejected(tx, 'wangqiang', 'leave.cancel', cancel('  '), 'leave.reason_required');
    await run(tx, 'wangqiang', 'leave.cancel', cancel());
    await expectRejected(tx, 'wangqiang', 'leave.cancel', cancel(), 'leave.cancellation_pending');
    await expectRejected(tx, 'wangqiang', 'leave.cancel', cancel('x', 'nope'), 'leave.not_found');
  });
});

describe('leave.reportBack (销假)', () => {
  /** Annual leave Monday 9 to Friday 13 March: all 5 of wangqiang's days. */
  const week = () => approvedLeave({ endDate: '2026-03-13' });

  it('returning at noon on Wednesday: 2.5 days taken, 2.5 back to the balance', async () => {
    const tx = await week();
    await run(tx, 'wangqiang', 'leave.reportBack', back('2026-03-11', 'pm', ' 提前返岗 '), on('2026-03-11'));
    const leave = leaveOf(tx);
    expect(leave.reportBack).toEqual({ returnDate: '2026-03-11', returnHalf: 'pm', actualDays: 2.5, at: on('2026-03-11'), comment: '提前返岗' });
    expect(leave).toMatchObject({ status: 'approved', revision: 2 });
    expect(leave.history.at(-1)).toEqual({ at: on('2026-03-11'), actorId: 'wangqiang', action: 'reported_back', comment: '提前返岗' });
    expect(tx.all('leaveLedger').filter((e) => e.kind === 'restoration').map((e) => [e.days, e.reason])).toEqual([[2.5, 'report_back']]);
    expect(balanceOf(tx, 'wangqiang', 'annual', '2026-03-11')).toMatchObject({ used: 2.5, available: 2.5 });
  });

  it('returning on the first morning: nothing taken, everything back', async () => {
    const tx = await week();
    await run(tx, 'wangqiang', 'leave.reportBack', back('2026-03-09'), on('2026-03-09'));
    expect(leaveOf(tx).reportBack?.actualDays).toBe(0);
    expect(balanceOf(tx, 'wangqiang', 'annual').available).toBe(5);
  });

  it('returning as planned, on the Monday after a Friday end: all days taken, nothing back', async () => {
    const tx = await week();
    await run(tx, 'wangqiang', 'leave.reportBack', back('2026-03-16'), on('2026-03-16'));
    expect(leaveOf(tx).reportBack?.actualDays).toBe(5);
    expect(tx.all('leaveLedger').filter((e) => e.kind === 'restoration')).toEqual([]);
  });

  it('returning after a holiday that followed the leave is not late', async () => {
    // Annual leave Monday 28 to Wednesday 30 September, then National Day; back Thursday 8 October.
    const tx = await approvedLeave({ startDate: '2026-09-28', endDate: '2026-09-30' });
    await run(tx, 'wangqiang', 'leave.reportBack', back('2026-10-08'), on('2026-10-08'));
    expect(leaveOf(tx).reportBack?.actualDays).toBe(3);
  });

  it('refuses a return after a missed working day (leave.report_back_late): that needs a new request', async () => {
    const tx = await week();
    await expectRejected(tx, 'wangqiang', 'leave.reportBack', back('2026-03-17'), 'leave.report_back_late', undefined, on('2026-03-17'));
    await expectRejected(tx, 'wangqiang', 'leave.reportBack', back('2026-03-16', 'pm'), 'leave.report_back_late', undefined, on('2026-03-17'));
  });

  it('refuses a return before the leave started (leave.invalid_span) and one in the future (leave.report_back_future)', async () => {
    const tx = await week();
    await expectRejected(tx, 'wangqiang', 'leave.reportBack', back('2026-03-06'), 'leave.invalid_span', undefined, on('2026-03-10'));
    await expectRejected(tx, 'wangqiang', 'leave.reportBack', back('2026-03-11'), 'leave.report_back_future', undefined, on('2026-03-10'));
  });

  it('refuses a request that is not approved, or was already reported back (leave.report_back_not_allowed)', async () => {
    const tx = await week();
    await run(tx, 'wangqiang', 'leave.reportBack', back('2026-03-11'), on('2026-03-11'));
    await expectRejected(tx, 'wangqiang', 'leave.reportBack', back('2026-03-12'), 'leave.report_back_not_allowed', { status: 'approved' }, on('2026-03-12'));
    await run(tx, 'wangqiang', 'leave.submit', submitArgs({ id: 'leave-2', type: 'personal', startDate: '2026-03-16', endDate: '2026-03-16' }), on('2026-03-12'));
    await expectRejected(tx, 'wangqiang', 'leave.reportBack', { ...back('2026-03-16'), id: 'leave-2' }, 'leave.report_back_not_allowed', { status: 'pending' }, on('2026-03-16'));
  });

  it('refuses while a cancellation is pending (leave.cancellation_pending), and someone else\'s leave (leave.not_yours)', async () => {
    const tx = await week();
    await run(tx, 'wangqiang', 'leave.cancel', cancel(), on('2026-03-06'));
    await expectRejected(tx, 'wangqiang', 'leave.reportBack', back('2026-03-09'), 'leave.cancellation_pending', undefined, on('2026-03-09'));
    await expectRejected(tx, 'lina', 'leave.reportBack', back('2026-03-09'), 'leave.not_yours', undefined, on('2026-03-09'));
  });

  it('writes no ledger entry for a type without a balance', async () => {
    const tx = await approvedLeave({ type: 'personal' });
    await run(tx, 'wangqiang', 'leave.reportBack', back('2026-03-10'), on('2026-03-10'));
    expect(leaveOf(tx).reportBack?.actualDays).toBe(1);
    expect(tx.all('leaveLedger').filter((e) => e.userId === 'wangqiang' && e.kind !== 'allocation')).toEqual([]);
  });

  describe('shortens the acting approver of an approver on leave', () => {
    /** lina (standing acting approver zhaomin) on annual leave 9-13 March; wangqiang's request waits on her. */
    async function linaAway() {
      const tx = await agency();
      await run(tx, 'lina', 'delegation.set', { id: 's1', kind: 'standing', toUserId: 'zhaomin', startDate: null, endDate: null, note: '' });
      await run(tx, 'lina', 'leave.submit', submitArgs({ id: 'lina-leave', endDate: '2026-03-13' }));
      await run(tx, 'zhangwei', 'approval.decide', decide('approve', '', 'lina-leave'));
      await run(tx, 'wangqiang', 'leave.submit', submitArgs({ startDate: '2026-03-16', endDate: '2026-03-16' }));
      expect(leaveOf(tx).pendingApproverIds).toEqual(['lina', 'zhaomin']);
      return tx;
    }

    it('to today when she is back this afternoon', async () => {
      const tx = await linaAway();
      await run(tx, 'lina', 'leave.reportBack', { id: 'lina-leave', returnDate: '2026-03-11', returnHalf: 'pm', comment: '' }, on('2026-03-11'));
      expect(tx.peek('delegations', 'ol-lina-leave')).toMatchObject({ active: true, startDate: '2026-03-09', endDate: '2026-03-11' });
      await run(tx, 'zhaomin', 'approval.decide', decide('approve'), on('2026-03-11'));
    });

    it('ended, and her items back to her alone, when she was back this morning', async () => {
      const tx = await linaAway();
      await run(tx, 'lina', 'leave.reportBack', { id: 'lina-leave', returnDate: '2026-03-11', returnHalf: 'am', comment: '' }, on('2026-03-11'));
      expect(tx.peek('delegations', 'ol-lina-leave')?.active).toBe(false);
      expect(leaveOf(tx).pendingApproverIds).toEqual(['lina']);
      await expectRejected(tx, 'zhaomin', 'approval.decide', decide('approve'), 'approval.not_your_turn', undefined, on('2026-03-11'));
    });
  });
});

it('documents written through cancellation and report-back all pass their schemas', async () => {
  const tx = await approvedLeave({ endDate: '2026-03-13' });
  await run(tx, 'wangqiang', 'leave.reportBack', back('2026-03-12', 'pm'), on('2026-03-12'));
  expect(leaveOf(tx).createdAt).toBe(NOW);
  expect(expectAllWritesValid()).toBeGreaterThanOrEqual(4);
});
