// A notification reads the same in the bell and on the desktop, in the user's language.
import { describe, expect, it } from 'vitest';
import { createI18n } from '../../../../renderer/i18n/createI18n';
import { describeNotification, desktopNotificationsFor, DESKTOP_SUMMARY_OVER } from '../../../../renderer/features/notifications/describe';
import type { NotificationItem } from '../../../../renderer/features/notifications/derive';
import { notificationSchema } from '../../../../shared/protocol/ipc';

const zh = createI18n('zh-CN').t;
const en = createI18n('en').t;
const es = createI18n('es').t;

const NAMES: Record<string, [string, string]> = {
  'u-wangqiang': ['王强', 'Wang Qiang'],
  'u-lina': ['李娜', 'Li Na'],
  'u-zhouting': ['周婷', 'Zhou Ting'],
};
const zhCtx = { nameOf: (id: string) => NAMES[id]?.[0] ?? '?', typeName: () => '年休假', language: 'zh-CN' };
const enCtx = { nameOf: (id: string) => NAMES[id]?.[1] ?? '?', typeName: () => 'Annual leave', language: 'en' };

function item(patch: Partial<NotificationItem> = {}): NotificationItem {
  return {
    id: 'req-1:h1',
    kind: 'approved',
    at: '2026-03-02T02:00:00.000Z',
    requestId: 'req-1',
    delegationId: null,
    actorId: 'u-lina',
    onBehalfOfId: null,
    comment: null,
    leave: { typeId: 'annual', startDate: '2026-03-09', startHalf: 'am', endDate: '2026-03-10', endHalf: 'pm', days: 2 },
    delegation: null,
    trip: null,
    claim: null,
    meeting: null,
    form: null,
    unread: true,
    ...patch,
  };
}

describe('describeNotification', () => {
  it('says who decided and what about, in each language', () => {
    expect(describeNotification(zh, item(), zhCtx)).toEqual({ headline: '李娜已批准您的请假申请', subject: '年休假 · 2026-03-09 至 2026-03-10 · 共 2 天', remark: null });
    expect(describeNotification(en, item(), enCtx)).toEqual({ headline: 'Li Na approved your leave request', subject: 'Annual leave · 2026-03-09 to 2026-03-10 · 2 days', remark: null });
    expect(describeNotification(es, item(), enCtx).headline).toBe('Li Na aprobó su solicitud de permiso');
  });

  it('names the principal of an acting approver ("on behalf of")', () => {
    const onBehalf = item({ actorId: 'u-zhouting', onBehalfOfId: 'u-lina' });
    expect(describeNotification(zh, onBehalf, zhCtx).headline).toBe('周婷（代李娜）已批准您的请假申请');
    expect(describeNotification(en, onBehalf, enCtx).headline).toBe('Zhou Ting (on behalf of Li Na) approved your leave request');
  });

  it('gives a rejection its reason', () => {
    const text = describeNotification(zh, item({ kind: 'rejected', comment: '工作安排冲突' }), zhCtx);
    expect(text.headline).toBe('李娜未批准您的请假申请');
    expect(text.remark).toBe('审批意见：工作安排冲突');
  });

  it('asks the approver, and the acting approver for whom', () => {
    const toDo = item({ kind: 'approval_requested', actorId: 'u-wangqiang' });
    expect(describeNotification(zh, toDo, zhCtx).headline).toBe('王强的请假申请待您审批');
    expect(describeNotification(en, { ...toDo, onBehalfOfId: 'u-lina' }, enCtx).headline).toBe('Leave request from Wang Qiang awaits your approval on behalf of Li Na');
    const cancel = describeNotification(zh, item({ kind: 'cancellation_requested', actorId: 'u-wangqiang', comment: '会议改期' }), zhCtx);
    expect(cancel.headline).toBe('王强申请取消已批准的休假，待您审批');
    expect(cancel.remark).toBe('取消理由：会议改期');
  });

  it('describes each kind of delegation', () => {
    const base = item({ kind: 'delegation_received', requestId: null, leave: null, comment: '出差期间' });
    const manual = describeNotification(zh, { ...base, delegation: { kind: 'manual', startDate: '2026-03-02', endDate: '2026-03-06' } }, zhCtx);
    expect(manual).toEqual({ headline: '李娜委托您自 2026-03-02 至 2026-03-06 代为审批', subject: null, remark: '委托说明：出差期间' });
    expect(describeNotification(en, { ...base, delegation: { kind: 'standing', startDate: null, endDate: null } }, enCtx).headline).toBe(
      'Li Na made you acting approver whenever they are on leave',
    );
    expect(describeNotification(en, { ...base, delegation: { kind: 'on_leave', startDate: '2026-03-09', endDate: '2026-03-10' } }, enCtx).headline).toBe(
      'Li Na is on leave from 2026-03-09 to 2026-03-10; you approve in their place',
    );
  });

  it('counts half days', () => {
    const half = item({ leave: { typeId: 'annual', startDate: '2026-03-09', startHalf: 'pm', endDate: '2026-03-09', endHalf: 'pm', days: 0.5 } });
    expect(describeNotification(en, half, enCtx).subject).toBe('Annual leave · 2026-03-09 afternoon · 0.5 days');
  });
});

describe('trips and claims in words', () => {
  const trip = { purpose: '赴京、杭两地调研数字政务建设', destinations: ['北京', '杭州'], startDate: '2026-03-09', endDate: '2026-03-13' };

  it('lists every destination of a trip in the language of the user', () => {
    const toDo = item({ kind: 'trip_approval_requested', actorId: 'u-wangqiang', leave: null, trip });
    expect(describeNotification(zh, toDo, zhCtx).subject).toBe('赴京、杭两地调研数字政务建设 · 北京、杭州 · 2026-03-09 至 2026-03-13');
    expect(describeNotification(en, toDo, enCtx).subject).toBe('赴京、杭两地调研数字政务建设 · 北京, 杭州 · 2026-03-09 to 2026-03-13');
    const dayTrip = item({ kind: 'trip_approved', leave: null, trip: { ...trip, destinations: ['深圳'], endDate: '2026-03-09' } });
    expect(describeNotification(zh, dayTrip, zhCtx).subject).toBe('赴京、杭两地调研数字政务建设 · 深圳 · 2026-03-09');
  });

  it('cuts a long purpose so the subject stays one line', () => {
    const long = item({ kind: 'trip_approved', leave: null, trip: { ...trip, purpose: '调研'.repeat(100) } });
    const subject = describeNotification(zh, long, zhCtx).subject ?? '';
    expect(subject.startsWith('调研调研')).toBe(true);
    expect(subject.length).toBeLessThan(100);
    expect(subject).toContain('…');
  });

  it('counts a trip or claim waiting for the user as a to-do in the summary', () => {
    const claim = { title: '', totalFen: 12_000, payableFen: 12_000, paymentReference: null };
    const many = Array.from({ length: DESKTOP_SUMMARY_OVER + 1 }, (_, i) => item({ id: `t${i}`, kind: i % 2 === 0 ? 'trip_approval_requested' : 'claim_approval_requested', leave: null, trip: i % 2 === 0 ? trip : null, claim: i % 2 === 0 ? null : claim }));
    expect(desktopNotificationsFor(zh, many, zhCtx)).toEqual([{ title: '您有 4 条新消息', body: '其中 4 项待您审批。' }]);
    // A claim without a title is still named.
    expect(describeNotification(zh, many[1]!, zhCtx).subject).toBe('报销单 · 合计 ¥120.00');
  });
});

describe('desktopNotificationsFor', () => {
  it('gives one desktop notification per new item: the headline, then what it is about', () => {
    const [shown, ...rest] = desktopNotificationsFor(zh, [item({ kind: 'rejected', comment: '工作安排冲突' })], zhCtx);
    expect(rest).toEqual([]);
    expect(shown).toEqual({ title: '李娜未批准您的请假申请', body: '年休假 · 2026-03-09 至 2026-03-10 · 共 2 天\n审批意见：工作安排冲突' });
    expect(notificationSchema.safeParse(shown).success).toBe(true);
  });

  it('sums up many at once (back from a day offline) in one', () => {
    const many = Array.from({ length: DESKTOP_SUMMARY_OVER + 2 }, (_, i) => item({ id: `x${i}`, kind: i < 2 ? 'approval_requested' : 'approved' }));
    expect(desktopNotificationsFor(zh, many, zhCtx)).toEqual([{ title: '您有 5 条新消息', body: '其中 2 项待您审批。' }]);
    expect(desktopNotificationsFor(en, many.slice(2).concat(many.slice(2)), enCtx)).toEqual([{ title: 'You have 6 new notifications', body: 'Open Bureau to read them.' }]);
  });

  it('keeps within what the desktop channel accepts', () => {
    const [shown] = desktopNotificationsFor(en, [item({ kind: 'rejected', comment: 'x'.repeat(2000) })], enCtx);
    expect(notificationSchema.safeParse(shown).success).toBe(true);
    expect(shown?.body.endsWith('…')).toBe(true);
  });

  it('shows nothing when nothing is new', () => {
    expect(desktopNotificationsFor(en, [], enCtx)).toEqual([]);
  });
});
