// Notifications about meeting notices, derived from the documents the shared mutators write
// (meeting.issue, meeting.update, meeting.cancel, meeting.remind, meeting.reply, and the
// absences leave approval writes) over the demo agency: what each person's device would hold
// after a sync, and what the bell says.
import { afterEach, describe, expect, it } from 'vitest';
import { awaitsReply, deriveNotifications, itemsSeenAt, linkOf, type NotificationItem } from '../../../../renderer/features/notifications/derive';
import { describeNotification, desktopNotificationsFor } from '../../../../renderer/features/notifications/describe';
import { at, updateArgsOf } from '../../../support/meetingFixture';
import type { MemoryDocTx } from '../../../support/memoryDocTx';
import { agency, decide, expectAllWritesValid, NOW, run, submitArgs } from '../../shared/mutators/helpers';
import { issueArgs, issued, meetingOf, reply } from '../../shared/mutators/meetingHelpers';
import { en, enCtx, T1, T2, T3, T4, zh, zhCtx } from './fixtures';

afterEach(() => {
  expectAllWritesValid();
});

const BEFORE_ALL = '2026-01-01T00:00:00.000Z';
/** While the meeting has not ended: what the "to reply" tag is measured against. */
const MONDAY = at('2026-03-02', '15:00');

/**
 * A person's device: after each sync it holds what they may read (the notices they organize or
 * are on, the replies they may read, everyone's approved leave) and remembers when each notice
 * it is invited to first arrived, as the app does (recordMeetingsSeen).
 */
function device(userId: string, readFrom: string = BEFORE_ALL) {
  const seen = new Map<string, string>();
  return {
    look(tx: MemoryDocTx): NotificationItem[] {
      const meetings = tx.all('meetings');
      const invited = meetings.filter((m) => m.attendeeIds.includes(userId));
      for (const m of invited) if (!seen.has(m.id)) seen.set(m.id, m.updatedAt);
      const items = deriveNotifications({
        userId,
        myRequests: [],
        pendingOnMe: [],
        delegations: [],
        notices: {
          invited,
          organized: meetings.filter((m) => m.organizerId === userId),
          replies: tx.all('meetingReplies').filter((r) => r.userId === userId || r.organizerId === userId || r.substituteId === userId),
          absences: tx.all('absences').filter((a) => a.active),
          seen,
          outdatedForms: [],
          readFrom,
        },
        readUpTo: BEFORE_ALL,
        readIds: new Set(),
      });
      return items;
    },
  };
}

/** A device of `userId` that has already synced what `tx` holds now (the notice as issued, say). */
function deviceHolding(userId: string, tx: MemoryDocTx) {
  const d = device(userId);
  d.look(tx);
  return d;
}

const headlines = (items: NotificationItem[], t = zh, ctx = zhCtx) => items.map((i) => describeNotification(t, i, ctx).headline);

describe('meeting notices to attendees', () => {
  it('tells each attendee of the notice, with its time, place and reply deadline, and leads to it', async () => {
    const tx = await issued();
    const wang = device('wangqiang');
    const [item, ...rest] = wang.look(tx);
    expect(rest).toEqual([]);
    expect(item).toMatchObject({ kind: 'meeting_invited', requestId: 'mtg-1', actorId: 'lina', at: NOW, unread: true });
    expect(describeNotification(zh, item!, zhCtx)).toEqual({ headline: '李娜 邀请您参加《第一季度工作部署会》（3月5日 14:00，三楼第一会议室），请于3月4日 18:00前回执', subject: null, remark: null });
    expect(describeNotification(en, item!, enCtx).headline).toBe('李娜 invites you to “第一季度工作部署会” (March 5 at 14:00, 三楼第一会议室); please reply by March 4 at 18:00');
    expect(awaitsReply(item!, MONDAY)).toBe(true);
    expect(linkOf(item!)).toBe('/meetings/mtg-1');
    expect(itemsSeenAt('/meetings/mtg-1', [item!])).toEqual([item!.id]);
    expect(itemsSeenAt('/meetings', [item!])).toEqual([]);
    // Issuing is nothing new to the organizer, and nobody else hears of it.
    expect(device('lina').look(tx)).toEqual([]);
    expect(device('chenjing').look(tx)).toEqual([]);
  });

  it('leaves out what the notice does not have: no place, no deadline', async () => {
    const tx = await issued({ location: '', replyDeadline: null });
    expect(headlines(device('zhaomin').look(tx))).toEqual(['李娜 邀请您参加《第一季度工作部署会》（3月5日 14:00）']);
  });

  it('no longer asks for a reply once given; the item stays, read or not', async () => {
    const tx = await issued();
    const wang = deviceHolding('wangqiang', tx);
    await run(tx, 'wangqiang', 'meeting.reply', reply('attending'), T1);
    const [item, ...rest] = wang.look(tx);
    expect(rest).toEqual([]);
    expect(item).toMatchObject({ kind: 'meeting_invited', unread: true });
    expect(awaitsReply(item!, MONDAY)).toBe(false);
  });

  it('tells a substitute who named them, from when, and asks them to reply in turn', async () => {
    const tx = await issued();
    await run(tx, 'wangqiang', 'meeting.reply', reply('substitute', { substituteId: 'sunlei', reason: '同日下乡调研' }), T1);
    const [item, ...rest] = device('sunlei').look(tx);
    expect(rest).toEqual([]);
    expect(item).toMatchObject({ kind: 'meeting_substitute', actorId: 'wangqiang', at: T1, requestId: 'mtg-1' });
    expect(headlines([item!])).toEqual(['王强 委托您代为参加《第一季度工作部署会》（3月5日 14:00，三楼第一会议室），请于3月4日 18:00前回执']);
    expect(awaitsReply(item!, MONDAY)).toBe(true);
  });

  it('a new time asks whoever said "attending" to confirm again, shows the old time and the note; a new place too', async () => {
    const tx = await issued();
    const wang = deviceHolding('wangqiang', tx);
    const zhao = deviceHolding('zhaomin', tx);
    await run(tx, 'wangqiang', 'meeting.reply', reply('attending'), T1);
    await run(tx, 'zhaomin', 'meeting.reply', reply('absent', { reason: '出差' }), T1);
    await run(tx, 'lina', 'meeting.update', updateArgsOf(meetingOf(tx), { startAt: at('2026-03-06', '09:00'), endAt: at('2026-03-06', '11:00'), replyDeadline: null, note: '与市里会议冲突，顺延一天' }), T2);

    const [moved] = wang.look(tx);
    expect(moved).toMatchObject({ kind: 'meeting_rescheduled', at: T2, actorId: 'lina', unread: true });
    expect(describeNotification(zh, moved!, zhCtx)).toEqual({ headline: '《第一季度工作部署会》时间改为 3月6日 09:00，请重新确认', subject: '原定 3月5日 14:00', remark: '变更说明：与市里会议冲突，顺延一天' });
    expect(awaitsReply(moved!, MONDAY)).toBe(true);
    expect(linkOf(moved!)).toBe('/meetings/mtg-1');
    // Absent stays absent whatever the time: told, not asked.
    expect(headlines(zhao.look(tx))[0]).toBe('《第一季度工作部署会》时间改为 3月6日 09:00');

    await run(tx, 'wangqiang', 'meeting.reply', reply('attending'), T3);
    const [confirmed] = wang.look(tx);
    expect(headlines([confirmed!])).toEqual(['《第一季度工作部署会》时间改为 3月6日 09:00']);
    expect(awaitsReply(confirmed!, MONDAY)).toBe(false);

    await run(tx, 'lina', 'meeting.update', updateArgsOf(meetingOf(tx), { location: '五楼视频会议室' }), T4);
    const [relocated] = wang.look(tx);
    expect(relocated).toMatchObject({ kind: 'meeting_relocated', at: T4 });
    expect(describeNotification(zh, relocated!, zhCtx)).toEqual({ headline: '《第一季度工作部署会》地点改为 五楼视频会议室', subject: '原地点：三楼第一会议室', remark: null });
    expect(describeNotification(en, relocated!, enCtx).headline).toBe('“第一季度工作部署会” moves to 五楼视频会议室');
    // A move of place alone needs no new confirmation.
    expect(awaitsReply(relocated!, MONDAY)).toBe(false);
    expect(wang.look(tx).map((i) => i.kind)).toEqual(['meeting_relocated', 'meeting_rescheduled', 'meeting_invited']);
  });

  it('each reschedule tells the time it set, and only the last one asks for the reply', async () => {
    const tx = await issued();
    const zhao = deviceHolding('zhaomin', tx);
    await run(tx, 'lina', 'meeting.update', updateArgsOf(meetingOf(tx), { startAt: at('2026-03-05', '15:00'), endAt: at('2026-03-05', '17:00') }), T1);
    await run(tx, 'lina', 'meeting.update', updateArgsOf(meetingOf(tx), { startAt: at('2026-03-05', '16:00'), endAt: at('2026-03-05', '18:00'), location: '二楼小会议室' }), T2);
    const items = zhao.look(tx);
    expect(headlines(items)).toEqual([
      '《第一季度工作部署会》时间改为 3月5日 16:00，地点改为 二楼小会议室，请回执',
      '《第一季度工作部署会》时间改为 3月5日 15:00',
      '李娜 邀请您参加《第一季度工作部署会》（3月5日 16:00，二楼小会议室），请于3月4日 18:00前回执',
    ]);
    expect(describeNotification(zh, items[0]!, zhCtx).subject).toBe('原定 3月5日 15:00，三楼第一会议室');
    expect(items.filter((i) => awaitsReply(i, MONDAY)).map((i) => i.kind)).toEqual(['meeting_rescheduled']);
  });

  it('tells of a cancellation with its reason; nothing is to be replied any more', async () => {
    const tx = await issued();
    const zhao = deviceHolding('zhaomin', tx);
    await run(tx, 'lina', 'meeting.cancel', { id: 'mtg-1', reason: '上级会议临时调整' }, T1);
    const items = zhao.look(tx);
    expect(items[0]).toMatchObject({ kind: 'meeting_cancelled', at: T1, actorId: 'lina' });
    expect(describeNotification(zh, items[0]!, zhCtx)).toEqual({ headline: '李娜 取消了《第一季度工作部署会》（原定 3月5日 14:00）', subject: null, remark: '取消原因：上级会议临时调整' });
    expect(items.some((i) => awaitsReply(i, MONDAY))).toBe(false);
  });

  it('passes on the organizer\u2019s reminder to those who have not replied, until they do', async () => {
    const tx = await issued();
    const wang = deviceHolding('wangqiang', tx);
    const zhao = deviceHolding('zhaomin', tx);
    await run(tx, 'wangqiang', 'meeting.reply', reply('attending'), T1);
    await run(tx, 'lina', 'meeting.remind', { id: 'mtg-1' }, T2);
    const [reminded] = zhao.look(tx);
    expect(reminded).toMatchObject({ kind: 'meeting_reminded', at: T2, actorId: 'lina', unread: true });
    expect(describeNotification(zh, reminded!, zhCtx)).toEqual({ headline: '李娜 提醒您回执《第一季度工作部署会》（3月5日 14:00）', subject: '请于3月4日 18:00前回执', remark: null });
    expect(awaitsReply(reminded!, MONDAY)).toBe(true);
    expect(wang.look(tx).map((i) => i.kind)).toEqual(['meeting_invited']);

    await run(tx, 'zhaomin', 'meeting.reply', reply('absent', { reason: '出差' }), T3);
    expect(zhao.look(tx).map((i) => i.kind)).toEqual(['meeting_invited']);
  });

  it('reminds someone whose "attending" predates a new time to confirm it', async () => {
    const tx = await issued();
    const wang = deviceHolding('wangqiang', tx);
    await run(tx, 'wangqiang', 'meeting.reply', reply('attending'), T1);
    await run(tx, 'lina', 'meeting.update', updateArgsOf(meetingOf(tx), { startAt: at('2026-03-05', '15:00'), endAt: at('2026-03-05', '17:00') }), T2);
    await run(tx, 'lina', 'meeting.remind', { id: 'mtg-1' }, T3);
    const items = wang.look(tx);
    expect(headlines(items)).toEqual([
      '李娜 提醒您确认《第一季度工作部署会》的新时间（3月5日 15:00）',
      '《第一季度工作部署会》时间改为 3月5日 15:00',
      '李娜 邀请您参加《第一季度工作部署会》（3月5日 15:00，三楼第一会议室），请于3月4日 18:00前回执',
    ]);
    // The newest item asks; the rest only tell.
    expect(items.map((i) => awaitsReply(i, MONDAY))).toEqual([true, false, false]);
  });

  it('tells someone added by an edit of the notice as new from then, without the changes before', async () => {
    const tx = await issued();
    await run(tx, 'lina', 'meeting.update', updateArgsOf(meetingOf(tx), { location: '五楼视频会议室' }), T1);
    await run(tx, 'lina', 'meeting.update', updateArgsOf(meetingOf(tx), { invitedUserIds: ['wangqiang', 'zhaomin', 'chenjing'] }), T2);
    // Chen Jing's device started its notices before she was on the list.
    const chen = device('chenjing', T1);
    const [item, ...rest] = chen.look(tx);
    expect(rest).toEqual([]);
    expect(item).toMatchObject({ kind: 'meeting_invited', at: T2, unread: true });
    expect(headlines([item!])).toEqual(['李娜 邀请您参加《第一季度工作部署会》（3月5日 14:00，五楼视频会议室），请于3月4日 18:00前回执']);
    // Later edits do not move it.
    await run(tx, 'lina', 'meeting.update', updateArgsOf(meetingOf(tx), { agenda: '一、通报工作' }), T3);
    expect(chen.look(tx).map((i) => [i.kind, i.at])).toEqual([['meeting_invited', T2]]);
  });
});

describe('meeting notices to the organizer', () => {
  it('tells of every reply: attending, absent with the reason, a substitute, and the substitute\u2019s own', async () => {
    const tx = await issued();
    await run(tx, 'wangqiang', 'meeting.reply', reply('substitute', { substituteId: 'sunlei', reason: '同日下乡调研，由孙磊参加并汇报' }), T1);
    await run(tx, 'zhaomin', 'meeting.reply', reply('absent', { reason: '出差' }), T2);
    await run(tx, 'sunlei', 'meeting.reply', reply('attending'), T3);
    const items = device('lina').look(tx);
    expect(items.map((i) => [i.kind, i.actorId, i.at])).toEqual([
      ['meeting_reply', 'sunlei', T3],
      ['meeting_reply', 'zhaomin', T2],
      ['meeting_reply', 'wangqiang', T1],
    ]);
    expect(items.map((i) => describeNotification(zh, i, zhCtx))).toEqual([
      { headline: '孙磊（代王强） 回执：参加', subject: '《第一季度工作部署会》 · 3月5日 14:00', remark: null },
      { headline: '赵敏 回执：请假（出差）', subject: '《第一季度工作部署会》 · 3月5日 14:00', remark: null },
      { headline: '王强 委托 孙磊 代为参加', subject: '《第一季度工作部署会》 · 3月5日 14:00', remark: '回执说明：同日下乡调研，由孙磊参加并汇报' },
    ]);
    expect(headlines(items, en, enCtx)).toEqual(['孙磊 (on behalf of 王强) replied: attending', '赵敏 replied: absent (出差)', '王强 sends 孙磊 in their place']);
    expect(items.map(linkOf)).toEqual(['/meetings/mtg-1', '/meetings/mtg-1', '/meetings/mtg-1']);
    // Visiting the notice (its receipt table) reads them all.
    expect(itemsSeenAt('/meetings/mtg-1', items)).toEqual(items.map((i) => i.id));
  });

  it('keeps each reply given as its own item when someone changes their mind', async () => {
    const tx = await issued();
    await run(tx, 'zhaomin', 'meeting.reply', reply('attending'), T1);
    await run(tx, 'zhaomin', 'meeting.reply', reply('absent', { reason: '临时接到出差任务' }), T2);
    expect(headlines(device('lina').look(tx))).toEqual(['赵敏 回执：请假（临时接到出差任务）', '赵敏 回执：参加']);
  });

  it('warns of an attendee\u2019s leave approved after the notice, for the time of the meeting', async () => {
    const tx = await issued({}, { allocations: true });
    await run(tx, 'wangqiang', 'leave.submit', submitArgs({ startDate: '2026-03-05', endDate: '2026-03-06' }), T1);
    await run(tx, 'lina', 'approval.decide', decide('approve'), T2);
    const [conflict, ...rest] = device('lina').look(tx);
    expect(rest).toEqual([]);
    expect(conflict).toMatchObject({ kind: 'meeting_leave_conflict', actorId: 'wangqiang', at: T2, requestId: 'mtg-1' });
    expect(describeNotification(zh, conflict!, zhCtx)).toEqual({
      headline: '王强 在会议期间休假',
      subject: '《第一季度工作部署会》 · 3月5日 14:00',
      remark: '休假时间：2026-03-05 至 2026-03-06',
    });
    expect(linkOf(conflict!)).toBe('/meetings/mtg-1');
    // Once he sends word he is absent, the warning has served.
    await run(tx, 'wangqiang', 'meeting.reply', reply('absent', { reason: '休年假' }), T3);
    expect(device('lina').look(tx).map((i) => i.kind)).toEqual(['meeting_reply']);
  });

  it('does not warn of leave that does not overlap, nor of leave known when the time was set', async () => {
    const tx = await agency();
    await run(tx, 'wangqiang', 'leave.submit', submitArgs({ startDate: '2026-03-05', endDate: '2026-03-05', startHalf: 'am', endHalf: 'am' }), T1);
    await run(tx, 'lina', 'approval.decide', decide('approve'), T1);
    // The morning off: the 14:00 meeting is after it.
    await run(tx, 'lina', 'meeting.issue', issueArgs(), T2);
    expect(device('lina').look(tx)).toEqual([]);
    await run(tx, 'zhaomin', 'leave.submit', submitArgs({ id: 'leave-2', startDate: '2026-03-05', endDate: '2026-03-05' }), T2);
    await run(tx, 'lina', 'approval.decide', decide('approve', '', 'leave-2'), T2);
    // The editor showed the conflict when the organizer moved the meeting onto it.
    await run(tx, 'lina', 'meeting.update', updateArgsOf(meetingOf(tx), { startAt: at('2026-03-05', '09:00'), endAt: at('2026-03-05', '11:00') }), T3);
    expect(device('lina').look(tx)).toEqual([]);
  });
});

describe('meeting notifications on the desktop', () => {
  it('counts the notices waiting for a reply in the summary of many', async () => {
    const tx = await issued();
    for (const [id, time] of [['mtg-2', T1], ['mtg-3', T2], ['mtg-4', T3]] as const) await run(tx, 'lina', 'meeting.issue', issueArgs({ id, title: `会议${id}` }), time);
    await run(tx, 'zhaomin', 'meeting.reply', reply('attending'), T4);
    const items = device('zhaomin').look(tx);
    expect(items).toHaveLength(4);
    expect(desktopNotificationsFor(zh, items, zhCtx, MONDAY)).toEqual([{ title: '您有 4 条新消息', body: '3 个会议通知待您回执。' }]);
    expect(desktopNotificationsFor(en, items, enCtx, MONDAY)).toEqual([{ title: 'You have 4 new notifications', body: '3 meeting notices await your reply.' }]);
    // A meeting that has ended asks nothing any more.
    expect(desktopNotificationsFor(zh, items, zhCtx, at('2026-03-06', '09:00'))[0]?.body).toBe('请打开 Bureau 查看。');
  });
});
