// The approver's inbox: as approver or acting approver (and from when), countersign progress,
// cancellations as such, and the requester's balance when the approver may read it.
import { describe, expect, it } from 'vitest';
import type { ApprovalRule } from '../../../shared/domain/policy';
import { runMutator } from '../../../shared/mutators';
import { loadInbox } from '../../../renderer/features/approvals/inbox';
import type { MemoryDocTx } from '../../support/memoryDocTx';
import { makeLeave } from '../../support/leaveFixture';
import { demoTx } from '../shared/fixtures/demoAgency';

const NOW = '2026-03-02T02:00:00.000Z';
const TODAY = '2026-03-02';

async function agency(): Promise<MemoryDocTx> {
  const tx = demoTx();
  await runMutator('ledger.allocateYear', { typeId: 'annual', year: 2026 }, { tx, actorId: 'zhouting', now: '2026-01-02T01:00:00.000Z' });
  return tx;
}

const submit = (tx: MemoryDocTx, id: string, type = 'annual', startDate = '2026-03-09', endDate = '2026-03-10') =>
  runMutator('leave.submit', { id, type, startDate, startHalf: 'am', endDate, endHalf: 'pm', reason: 'family' }, { tx, actorId: 'wangqiang', now: NOW });

describe('loadInbox', () => {
  it('lists what waits for the approver, with the requester’s balance before and after', async () => {
    const tx = await agency();
    await submit(tx, 'a');
    const [item, ...rest] = await loadInbox(tx, 'lina', TODAY);
    expect(rest).toEqual([]);
    expect(item).toMatchObject({ phase: 'request', index: 0, total: 1, principals: [], startsOn: null, canDecide: true, balance: { kind: 'known', available: 5, after: 3, allowNegative: false } });
    expect(await loadInbox(tx, 'zhaomin', TODAY)).toEqual([]);
  });

  it('says when an acting approver’s delegation starts, and lets them decide from that day', async () => {
    const tx = await agency();
    await runMutator('delegation.set', { id: 'd1', kind: 'manual', toUserId: 'zhaomin', startDate: '2026-03-05', endDate: '2026-03-20', note: '' }, { tx, actorId: 'lina', now: NOW });
    await submit(tx, 'a');
    expect(await loadInbox(tx, 'zhaomin', TODAY)).toMatchObject([{ principals: ['lina'], startsOn: '2026-03-05', canDecide: false }]);
    expect(await loadInbox(tx, 'zhaomin', '2026-03-05')).toMatchObject([{ principals: ['lina'], startsOn: null, canDecide: true }]);
    // The approver keeps the item too.
    expect(await loadInbox(tx, 'lina', TODAY)).toMatchObject([{ principals: [], canDecide: true }]);
  });

  it('shows countersign progress: who signed stays visible to who has not', async () => {
    const tx = await agency();
    const rule: ApprovalRule = {
      id: 'countersign',
      scope: 'leave',
      name: '事假会签',
      order: 1,
      active: true,
      conditions: { leaveTypes: ['personal'], minDays: null, maxDays: null, minRank: null, maxRank: null, departmentIds: [], destinationScopes: [], minAmountFen: null, maxAmountFen: null, categories: [] },
      steps: [{ kind: 'person', role: null, userIds: ['lina', 'liuyang'], mode: 'all' }],
      updatedAt: NOW,
      updatedBy: null,
    };
    tx.seedDoc('approvalRules', rule);
    await submit(tx, 'a', 'personal');
    await runMutator('approval.decide', { requestId: 'a', decision: 'approve', comment: '同意', revision: 1 }, { tx, actorId: 'lina', now: NOW });
    expect(await loadInbox(tx, 'lina', TODAY)).toEqual([]);
    const [item] = await loadInbox(tx, 'liuyang', TODAY);
    expect(item?.step.mode).toBe('all');
    expect(item?.step.decisions.map((d) => [d.approverId, d.decision])).toEqual([['lina', 'approved']]);
    expect(item?.balance).toBeNull();
  });

  it('shows a cancellation of approved leave as such, without a balance', async () => {
    const tx = await agency();
    await submit(tx, 'a');
    await runMutator('approval.decide', { requestId: 'a', decision: 'approve', comment: '' }, { tx, actorId: 'lina', now: NOW });
    await runMutator('leave.cancel', { id: 'a', reason: '工作安排变化' }, { tx, actorId: 'wangqiang', now: NOW });
    expect(await loadInbox(tx, 'lina', TODAY)).toMatchObject([{ phase: 'cancellation', canDecide: true, balance: null }]);
  });

  it('does not pretend to know a balance the approver cannot read', async () => {
    const tx = demoTx();
    tx.seedDoc('leaveRequests', makeLeave('wangqiang', ['lina'], { id: 'a', departmentId: 'general' }));
    expect(await loadInbox(tx, 'lina', TODAY)).toMatchObject([{ balance: { kind: 'unknown' } }]);
  });
});
