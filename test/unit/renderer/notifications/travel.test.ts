// Notifications about business trips and expense claims, derived from the documents the shared
// mutators write (travel.submit, travel.decide, claim.submit, claim.decide, claim.markPaid) over
// the demo agency: what each person's device would hold after a sync, and what the bell says.
import { afterEach, describe, expect, it } from 'vitest';
import { deriveNotifications, itemsSeenAt, linkOf, type NotificationItem } from '../../../../renderer/features/notifications/derive';
import { describeNotification } from '../../../../renderer/features/notifications/describe';
import type { MemoryDocTx } from '../../../support/memoryDocTx';
import { expectAllWritesValid, run, travelAgency } from '../../shared/mutators/helpers';
import { en, T1, T2, T3, zh, zhCtx } from './fixtures';

afterEach(() => {
  expectAllWritesValid();
});

const BEFORE_ALL = '2026-01-01T00:00:00.000Z';

const leg = (fromCity: string, toCity: string, date: string) => ({ fromCity, toCity, date, mode: 'train', travelClass: 'second' });

function tripArgs(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: 'trip-1',
    purpose: '赴国家部委汇报工作',
    legs: [leg('广州', '北京', '2026-03-09'), leg('北京', '广州', '2026-03-12')],
    estimates: [{ category: 'transport', amountFen: 180_000 }],
    advanceFen: 0,
    ...overrides,
  };
}

const decision = (id: string, d: 'approve' | 'reject', comment = '') => ({ id, decision: d, comment });

/** What `userId`'s device holds after a sync (the same queries as renderer/db/hooks), derived. */
function notificationsOf(tx: MemoryDocTx, userId: string, readFrom: string | null = BEFORE_ALL): NotificationItem[] {
  const trips = tx.all('travelRequests');
  const claims = tx.all('expenseClaims');
  return deriveNotifications({
    userId,
    myRequests: [],
    pendingOnMe: [],
    delegations: tx.all('delegations').filter((d) => d.toUserId === userId),
    travel: {
      myTrips: trips.filter((r) => r.requesterId === userId),
      myClaims: claims.filter((c) => c.requesterId === userId),
      tripsOnMe: trips.filter((r) => r.pendingApproverIds.includes(userId)),
      claimsOnMe: claims.filter((c) => c.pendingApproverIds.includes(userId)),
      companionTrips: trips.filter((r) => r.companionIds.includes(userId)),
      readFrom,
    },
    readUpTo: BEFORE_ALL,
    readIds: new Set(),
  });
}

const headlines = (items: NotificationItem[], t = zh) => items.map((i) => describeNotification(t, i, zhCtx).headline);

/** chenjing reports to sunlei; 业务处 is headed by liuyang: a trip out of the province goes to both. */
const chenjingUnderSunlei = { chenjing: { managerId: 'sunlei' } };

describe('trip notifications', () => {
  it('tells the approver a submitted trip waits for them, and leads to the trip approvals', async () => {
    const tx = await travelAgency();
    await run(tx, 'wangqiang', 'travel.submit', tripArgs());
    const [item, ...rest] = notificationsOf(tx, 'lina');
    expect(rest).toEqual([]);
    expect(item).toMatchObject({ kind: 'trip_approval_requested', requestId: 'trip-1', actorId: 'wangqiang', onBehalfOfId: null, unread: true });
    const text = describeNotification(zh, item!, zhCtx);
    expect(text).toEqual({ headline: '王强的出差申请待您审批', subject: '赴国家部委汇报工作 · 北京 · 2026-03-09 至 2026-03-12', remark: null });
    expect(describeNotification(en, item!, zhCtx).headline).toBe('Trip request from 王强 awaits your approval');
    expect(linkOf(item!)).toBe('/approvals/travel');
    expect(itemsSeenAt('/approvals/travel', [item!])).toEqual([item!.id]);
    // Submitting is nothing new to the requester.
    expect(notificationsOf(tx, 'wangqiang')).toEqual([]);
  });

  it('tells the requester of each step, with who decided, then the final approval; the next approver and the companion hear in turn', async () => {
    const tx = await travelAgency(chenjingUnderSunlei);
    await run(tx, 'chenjing', 'travel.submit', tripArgs({ companionIds: ['zhaomin'] }));
    expect(notificationsOf(tx, 'liuyang')).toEqual([]);
    expect(notificationsOf(tx, 'zhaomin')).toEqual([]);

    await run(tx, 'sunlei', 'travel.decide', decision('trip-1', 'approve', '同意'), T1);
    expect(headlines(notificationsOf(tx, 'chenjing'))).toEqual(['孙磊已同意您的出差申请，尚待后续审批']);
    expect(notificationsOf(tx, 'chenjing')[0]?.comment).toBe('同意');
    // The trip is off sunlei's desk and on liuyang's, from the moment sunlei decided.
    expect(notificationsOf(tx, 'sunlei')).toEqual([]);
    expect(notificationsOf(tx, 'liuyang')).toMatchObject([{ kind: 'trip_approval_requested', at: T1 }]);
    expect(notificationsOf(tx, 'zhaomin')).toEqual([]);

    await run(tx, 'liuyang', 'travel.decide', decision('trip-1', 'approve'), T2);
    const mine = notificationsOf(tx, 'chenjing');
    expect(headlines(mine)).toEqual(['刘洋已批准您的出差申请', '孙磊已同意您的出差申请，尚待后续审批']);
    expect(mine.map(linkOf)).toEqual(['/trips/trip-1', '/trips/trip-1']);
    expect(notificationsOf(tx, 'liuyang')).toEqual([]);

    const [companion, ...others] = notificationsOf(tx, 'zhaomin');
    expect(others).toEqual([]);
    expect(companion).toMatchObject({ kind: 'trip_companion', at: T2, actorId: 'chenjing', unread: true });
    expect(headlines([companion!])).toEqual(['陈静的出差申请已获批准，您是同行人员']);
    expect(linkOf(companion!)).toBe('/trips/trip-1');
  });

  it('tells the requester of a rejection with its reason; a companion hears nothing of a trip not approved', async () => {
    const tx = await travelAgency();
    await run(tx, 'wangqiang', 'travel.submit', tripArgs({ companionIds: ['zhaomin'] }));
    await run(tx, 'lina', 'travel.decide', decision('trip-1', 'reject', '请与业务处合并出行'), T1);
    const [item] = notificationsOf(tx, 'wangqiang');
    expect(describeNotification(zh, item!, zhCtx)).toMatchObject({ headline: '李娜未批准您的出差申请', remark: '审批意见：请与业务处合并出行' });
    expect(notificationsOf(tx, 'zhaomin')).toEqual([]);
  });

  it('tells an acting approver for whom, and the requester who decided on whose behalf', async () => {
    const tx = await travelAgency();
    await run(tx, 'lina', 'delegation.set', { id: 'd1', kind: 'manual', toUserId: 'liuyang', startDate: '2026-03-02', endDate: '2026-03-06', note: '出差期间' });
    await run(tx, 'wangqiang', 'travel.submit', tripArgs(), T1);

    const acting = notificationsOf(tx, 'liuyang').find((i) => i.kind === 'trip_approval_requested');
    expect(acting).toMatchObject({ actorId: 'wangqiang', onBehalfOfId: 'lina', at: T1 });
    expect(headlines([acting!])).toEqual(['王强的出差申请待您代李娜审批']);
    // Lina may still decide herself: hers is a separate item.
    expect(notificationsOf(tx, 'lina')).toMatchObject([{ kind: 'trip_approval_requested', onBehalfOfId: null }]);

    await run(tx, 'liuyang', 'travel.decide', decision('trip-1', 'approve', '代为审批'), T2);
    const [item] = notificationsOf(tx, 'wangqiang');
    expect(item).toMatchObject({ kind: 'trip_approved', actorId: 'liuyang', onBehalfOfId: 'lina', at: T2 });
    expect(headlines([item!])).toEqual(['刘洋（代李娜）已批准您的出差申请']);
    expect(headlines([item!], en)).toEqual(['刘洋 (on behalf of 李娜) approved your trip request']);
    expect(notificationsOf(tx, 'lina')).toEqual([]);
  });
});

describe('claim notifications', () => {
  const line = { id: 'line-1', category: 'transport', date: '2026-03-09', amountMinor: 55_300, description: '高铁 广州南—北京西' };
  const claimArgs = { id: 'claim-1', travelRequestId: null, title: '北京出差报销', lines: [line] };

  it('goes from the manager to finance, tells the requester each decision, the approval and the payment with its amount and reference', async () => {
    const tx = await travelAgency();
    await run(tx, 'wangqiang', 'claim.submit', claimArgs);
    const [toManager] = notificationsOf(tx, 'lina');
    expect(toManager).toMatchObject({ kind: 'claim_approval_requested', requestId: 'claim-1' });
    expect(describeNotification(zh, toManager!, zhCtx)).toMatchObject({ headline: '王强的报销单待您审批', subject: '北京出差报销 · 合计 ¥553.00' });
    expect(linkOf(toManager!)).toBe('/approvals/travel');
    expect(notificationsOf(tx, 'yangfan')).toEqual([]);

    await run(tx, 'lina', 'claim.decide', decision('claim-1', 'approve'), T1);
    expect(headlines(notificationsOf(tx, 'wangqiang'))).toEqual(['李娜已同意您的报销单，尚待后续审批']);
    // Finance's review is next, from the moment lina approved.
    expect(notificationsOf(tx, 'yangfan')).toMatchObject([{ kind: 'claim_approval_requested', at: T1 }]);

    await run(tx, 'yangfan', 'claim.decide', decision('claim-1', 'approve', '单据齐全'), T2);
    expect(headlines(notificationsOf(tx, 'wangqiang'))[0]).toBe('杨帆已批准您的报销单，等待付款');
    expect(notificationsOf(tx, 'yangfan')).toEqual([]);

    await run(tx, 'yangfan', 'claim.markPaid', { id: 'claim-1', reference: 'ZF-2026-0318-01', paidOn: '2026-03-02' }, T3);
    const items = notificationsOf(tx, 'wangqiang');
    expect(items.map((i) => i.kind)).toEqual(['claim_paid', 'claim_approved', 'claim_approved_step']);
    const paid = items[0]!;
    expect(paid).toMatchObject({ at: T3, actorId: 'yangfan', comment: null, unread: true });
    expect(describeNotification(zh, paid, zhCtx)).toEqual({ headline: '杨帆已向您支付报销款 ¥553.00', subject: '北京出差报销 · 付款凭证号 ZF-2026-0318-01', remark: null });
    expect(describeNotification(en, paid, zhCtx).headline).toBe('杨帆 paid your expense claim: ¥553.00');
    expect(items.map(linkOf)).toEqual(['/claims/claim-1', '/claims/claim-1', '/claims/claim-1']);
    expect(itemsSeenAt('/claims/claim-1', items)).toEqual(items.map((i) => i.id));
  });

  it('says what is to be returned when the advance was larger than the claim', async () => {
    const tx = await travelAgency();
    await run(tx, 'wangqiang', 'travel.submit', tripArgs({ estimates: [{ category: 'transport', amountFen: 600_000 }], advanceFen: 500_000 }));
    await run(tx, 'lina', 'travel.decide', decision('trip-1', 'approve'), T1);
    await run(tx, 'wangqiang', 'claim.submit', { ...claimArgs, travelRequestId: 'trip-1' }, T1);
    await run(tx, 'lina', 'claim.decide', decision('claim-1', 'approve'), T2);
    await run(tx, 'yangfan', 'claim.decide', decision('claim-1', 'approve'), T2);
    await run(tx, 'yangfan', 'claim.markPaid', { id: 'claim-1', reference: 'HK-01', paidOn: '2026-03-02' }, T3);
    // 553 yuan of tickets and 4 days × 180 yuan of allowances in 北京, against 5,000 advanced.
    expect(tx.peek('expenseClaims', 'claim-1')?.payableFen).toBe(55_300 + 72_000 - 500_000);
    const paid = notificationsOf(tx, 'wangqiang').find((i) => i.kind === 'claim_paid');
    expect(headlines([paid!])).toEqual(['杨帆已办结您的报销单，您需退还借款 ¥3,727.00']);
  });

  it('tells the requester of a rejection by finance with the reason', async () => {
    const tx = await travelAgency();
    await run(tx, 'wangqiang', 'claim.submit', claimArgs);
    await run(tx, 'lina', 'claim.decide', decision('claim-1', 'approve'), T1);
    await run(tx, 'yangfan', 'claim.decide', decision('claim-1', 'reject', '缺少发票'), T2);
    const [rejected] = notificationsOf(tx, 'wangqiang');
    expect(describeNotification(zh, rejected!, zhCtx)).toMatchObject({ headline: '杨帆未批准您的报销单', remark: '审批意见：缺少发票' });
  });
});

describe('trip and claim read state', () => {
  it('counts nothing as unread before the device took its starting point for trips and claims', async () => {
    const tx = await travelAgency();
    await run(tx, 'wangqiang', 'travel.submit', tripArgs());
    await run(tx, 'lina', 'travel.decide', decision('trip-1', 'approve'), T1);
    expect(notificationsOf(tx, 'wangqiang', null).map((i) => i.unread)).toEqual([false]);
    expect(notificationsOf(tx, 'wangqiang', T1).map((i) => i.unread)).toEqual([false]);
    expect(notificationsOf(tx, 'wangqiang', BEFORE_ALL).map((i) => i.unread)).toEqual([true]);
  });
});
