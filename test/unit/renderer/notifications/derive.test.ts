// Notifications are derived from synced documents: what waits for me, what others decided on my
// requests, who named me acting approver; never what I did myself; read by watermark or by id.
import { describe, expect, it } from 'vitest';
import type { Delegation } from '../../../../shared/domain/delegation';
import type { ApprovalStep, LeaveRequest, TimelineEvent } from '../../../../shared/domain/leave';
import { pendingApprovers } from '../../../../shared/leave/policy';
import { deriveNotifications, itemsSeenAt, linkOf, newestAt, type DeriveInput, type NotificationItem } from '../../../../renderer/features/notifications/derive';
import { makeLeave } from '../../../support/leaveFixture';

const WANG = 'u-wangqiang';
const LINA = 'u-lina';
const ZHANG = 'u-zhangwei';
const ZHOU = 'u-zhouting';

const T0 = '2026-03-02T01:00:00.000Z';
const T1 = '2026-03-02T02:00:00.000Z';
const T2 = '2026-03-02T03:00:00.000Z';
const T3 = '2026-03-02T04:00:00.000Z';
const BEFORE_ALL = '2026-01-01T00:00:00.000Z';

function derive(userId: string, patch: Partial<DeriveInput> = {}): NotificationItem[] {
  return deriveNotifications({ userId, myRequests: [], pendingOnMe: [], delegations: [], readUpTo: BEFORE_ALL, readIds: new Set(), ...patch });
}

function event(at: string, actorId: string, action: TimelineEvent['action'], extra: Partial<TimelineEvent> = {}): TimelineEvent {
  return { at, actorId, action, comment: null, ...extra };
}

function step(approverIds: string[], patch: Partial<ApprovalStep> = {}): ApprovalStep {
  return { kind: 'manager', role: null, mode: 'any', approverIds, delegates: [], status: 'waiting', decisions: [], ...patch };
}

/** Wang's two-step request (Lina, then Zhang), submitted at T0. */
function twoStep(patch: Partial<LeaveRequest> = {}): LeaveRequest {
  return makeLeave(WANG, [LINA, ZHANG], { id: 'req-2', history: [event(T0, WANG, 'submitted')], createdAt: T0, updatedAt: T0, ...patch });
}

function delegation(patch: Partial<Delegation> = {}): Delegation {
  return {
    id: 'del-1',
    kind: 'manual',
    fromUserId: LINA,
    toUserId: ZHOU,
    startDate: '2026-03-02',
    endDate: '2026-03-06',
    sourceRequestId: null,
    active: true,
    note: '出差期间',
    createdAt: T2,
    updatedAt: T2,
    ...patch,
  };
}

describe('notifications for an approver', () => {
  it('tells the approver a request waits for them, from the requester, leading to the inbox', () => {
    const request = twoStep();
    const [item, ...rest] = derive(LINA, { pendingOnMe: [request] });
    expect(rest).toEqual([]);
    expect(item).toMatchObject({ kind: 'approval_requested', requestId: 'req-2', actorId: WANG, onBehalfOfId: null, at: T0, unread: true });
    expect(item?.leave).toMatchObject({ typeId: 'annual', startDate: '2026-03-09', endDate: '2026-03-10', days: 2 });
    expect(linkOf(item!)).toBe('/approvals');
  });

  it('dates the second step from the decision that opened it', () => {
    const steps: ApprovalStep[] = [
      step([LINA], { status: 'approved', decisions: [{ approverId: LINA, byId: LINA, decision: 'approved', at: T1, comment: null }] }),
      step([ZHANG], { kind: 'department_head', status: 'pending' }),
    ];
    const request = twoStep({ steps, pendingApproverIds: pendingApprovers(steps), history: [event(T0, WANG, 'submitted'), event(T1, LINA, 'approved')] });
    const items = derive(ZHANG, { pendingOnMe: [request] });
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ kind: 'approval_requested', at: T1 });
    // Lina's item for step 1 and Zhang's for step 2 are different facts with different ids.
    expect(items[0]?.id).not.toBe(derive(LINA, { pendingOnMe: [twoStep()] })[0]?.id);
  });

  it('says when the user acts for someone, dated from the delegation that made it theirs', () => {
    const steps = [step([LINA], { status: 'pending', delegates: [{ forId: LINA, toId: ZHOU, delegationId: 'del-1' }] }), step([ZHANG])];
    const request = twoStep({ steps, pendingApproverIds: pendingApprovers(steps) });
    const items = derive(ZHOU, { pendingOnMe: [request], delegations: [delegation({ createdAt: T2 })] }).filter((i) => i.kind === 'approval_requested');
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ actorId: WANG, onBehalfOfId: LINA, at: T2 });
  });

  it('tells the approver a cancellation waits for them, with its reason', () => {
    const cancellation = { reason: '会议改期', requestedAt: T3, status: 'pending' as const, steps: [step([LINA], { status: 'pending' })] };
    const request = twoStep({
      status: 'approved',
      steps: [step([LINA], { status: 'approved' }), step([ZHANG], { status: 'approved' })],
      cancellation,
      pendingApproverIds: [LINA],
      history: [event(T0, WANG, 'submitted'), event(T1, LINA, 'approved'), event(T2, ZHANG, 'approved'), event(T3, WANG, 'cancel_requested', { comment: '会议改期' })],
    });
    const [item] = derive(LINA, { pendingOnMe: [request] });
    expect(item).toMatchObject({ kind: 'cancellation_requested', at: T3, comment: '会议改期', actorId: WANG });
    expect(linkOf(item!)).toBe('/approvals');
  });

  it('has nothing once the approver has decided (the request is no longer pending on them)', () => {
    const request = twoStep({ pendingApproverIds: [ZHANG] });
    expect(derive(LINA, { pendingOnMe: [request] })).toEqual([]);
  });
});

describe('notifications for a requester', () => {
  it('reports a final approval by someone else, leading to the request', () => {
    const request = makeLeave(WANG, [LINA], {
      id: 'req-1',
      status: 'approved',
      pendingApproverIds: [],
      history: [event(T0, WANG, 'submitted'), event(T1, LINA, 'approved', { comment: '同意' })],
    });
    const items = derive(WANG, { myRequests: [request] });
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ id: 'req-1:h1', kind: 'approved', actorId: LINA, at: T1, comment: '同意', onBehalfOfId: null, unread: true });
    expect(linkOf(items[0]!)).toBe('/requests/req-1');
  });

  it('tells an intermediate approval from the final one', () => {
    const pending = twoStep({ history: [event(T0, WANG, 'submitted'), event(T1, LINA, 'approved')] });
    expect(derive(WANG, { myRequests: [pending] }).map((i) => i.kind)).toEqual(['approved_step']);
    const done = twoStep({ status: 'approved', pendingApproverIds: [], history: [event(T0, WANG, 'submitted'), event(T1, LINA, 'approved'), event(T2, ZHANG, 'approved')] });
    expect(derive(WANG, { myRequests: [done] }).map((i) => i.kind)).toEqual(['approved', 'approved_step']);
  });

  it('reports a rejection with its reason', () => {
    const request = twoStep({ status: 'rejected', pendingApproverIds: [], history: [event(T0, WANG, 'submitted'), event(T1, LINA, 'rejected', { comment: '工作安排冲突' })] });
    expect(derive(WANG, { myRequests: [request] })[0]).toMatchObject({ kind: 'rejected', comment: '工作安排冲突' });
  });

  it('says "on behalf of" when an acting approver decided', () => {
    const request = makeLeave(WANG, [LINA], {
      id: 'req-1',
      status: 'approved',
      pendingApproverIds: [],
      history: [event(T0, WANG, 'submitted'), event(T1, ZHOU, 'approved', { onBehalfOfId: LINA })],
    });
    expect(derive(WANG, { myRequests: [request] })[0]).toMatchObject({ kind: 'approved', actorId: ZHOU, onBehalfOfId: LINA });
  });

  it('reports the decisions on a cancellation, step by step', () => {
    const history = [
      event(T0, WANG, 'submitted'),
      event(T1, LINA, 'approved'),
      event(T2, WANG, 'cancel_requested', { comment: '会议改期' }),
      event(T3, LINA, 'approved'),
      event('2026-03-02T05:00:00.000Z', ZHANG, 'cancel_approved'),
    ];
    const request = makeLeave(WANG, [LINA], { id: 'req-1', status: 'cancelled', pendingApproverIds: [], history });
    expect(derive(WANG, { myRequests: [request] }).map((i) => i.kind)).toEqual(['cancel_approved', 'cancel_approved_step', 'approved']);
    const refused = makeLeave(WANG, [LINA], { id: 'req-1', status: 'approved', pendingApproverIds: [], history: [...history.slice(0, 3), event(T3, LINA, 'cancel_rejected', { comment: '已安排值班' })] });
    expect(derive(WANG, { myRequests: [refused] }).map((i) => i.kind)).toEqual(['cancel_rejected', 'approved']);
  });

  it("never reports the user's own actions", () => {
    const request = makeLeave(WANG, [LINA], {
      id: 'req-1',
      status: 'withdrawn',
      pendingApproverIds: [],
      history: [event(T0, WANG, 'submitted'), event(T1, WANG, 'withdrawn'), event(T2, WANG, 'reported_back')],
    });
    expect(derive(WANG, { myRequests: [request] })).toEqual([]);
  });

  it("ignores someone else's request even when it is passed in", () => {
    const request = makeLeave(ZHANG, [LINA], { status: 'approved', pendingApproverIds: [], history: [event(T0, ZHANG, 'submitted'), event(T1, LINA, 'approved')] });
    expect(derive(WANG, { myRequests: [request] })).toEqual([]);
  });
});

describe('notifications for an acting approver', () => {
  it('tells the delegate who named them and for when, leading to the delegation page', () => {
    const [item] = derive(ZHOU, { delegations: [delegation()] });
    expect(item).toMatchObject({ id: 'delegation:del-1', kind: 'delegation_received', actorId: LINA, at: T2, comment: '出差期间' });
    expect(item?.delegation).toEqual({ kind: 'manual', startDate: '2026-03-02', endDate: '2026-03-06' });
    expect(linkOf(item!)).toBe('/delegation');
  });

  it('leaves out delegations that ended, and those naming someone else', () => {
    expect(derive(ZHOU, { delegations: [delegation({ active: false })] })).toEqual([]);
    expect(derive(WANG, { delegations: [delegation()] })).toEqual([]);
  });
});

describe('read state', () => {
  const approved = makeLeave(WANG, [LINA], {
    id: 'req-1',
    status: 'approved',
    pendingApproverIds: [],
    history: [event(T0, WANG, 'submitted'), event(T1, LINA, 'approved')],
  });
  const other = twoStep({ id: 'req-3', status: 'rejected', pendingApproverIds: [], history: [event(T0, WANG, 'submitted'), event(T3, ZHANG, 'rejected', { comment: '不同意' })] });

  it('counts what is after the watermark as unread', () => {
    const items = derive(WANG, { myRequests: [approved, other], readUpTo: T2 });
    expect(items.map((i) => [i.id, i.unread])).toEqual([
      ['req-3:h1', true],
      ['req-1:h1', false],
    ]);
  });

  it('counts an item read one by one as read', () => {
    const items = derive(WANG, { myRequests: [approved, other], readIds: new Set(['req-3:h1']) });
    expect(items.find((i) => i.id === 'req-3:h1')?.unread).toBe(false);
    expect(items.find((i) => i.id === 'req-1:h1')?.unread).toBe(true);
  });

  it('counts nothing as unread before the starting point exists (the first sync is running)', () => {
    expect(derive(WANG, { myRequests: [approved, other], readUpTo: null }).every((i) => !i.unread)).toBe(true);
  });

  it('moves "mark all read" to the newest item, never back', () => {
    const items = derive(WANG, { myRequests: [approved, other] });
    expect(newestAt(items, BEFORE_ALL)).toBe(T3);
    expect(newestAt([], T2)).toBe(T2);
    expect(derive(WANG, { myRequests: [approved, other], readUpTo: newestAt(items, BEFORE_ALL) }).some((i) => i.unread)).toBe(false);
  });

  it('lists newest first, with stable ids across derivations', () => {
    const first = derive(WANG, { myRequests: [approved, other] });
    const again = derive(WANG, { myRequests: [other, approved] });
    expect(first.map((i) => i.id)).toEqual(again.map((i) => i.id));
    expect(first.map((i) => i.at)).toEqual([T3, T1]);
  });

  it('marks as seen what the visited page shows', () => {
    const items = [
      ...derive(WANG, { myRequests: [approved, other] }),
      ...derive(LINA, { pendingOnMe: [twoStep()] }),
      ...derive(ZHOU, { delegations: [delegation()] }),
    ];
    expect(itemsSeenAt('/requests/req-3', items)).toEqual(['req-3:h1']);
    expect(itemsSeenAt('/approvals/', items)).toEqual([items.find((i) => i.kind === 'approval_requested')?.id]);
    expect(itemsSeenAt('/delegation', items)).toEqual(['delegation:del-1']);
    expect(itemsSeenAt('/requests', items)).toEqual([]);
    expect(itemsSeenAt('/notifications', items)).toEqual([]);
  });
});
