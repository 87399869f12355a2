// Meeting notices and their replies through a real server, with one Node client (Dexie on
// fake-indexeddb) per person: replies given offline on several machines all land whatever order
// they sync in, a named substitute receives the notice and replies in turn, nobody uninvited
// receives it, attendees do not see each other's replies while the organizer sees them all, and
// a reschedule asks for confirmation again. On PGlite and on PostgreSQL.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { randomId } from '../../renderer/db';
import { addDays, agencyDate, dayOfWeek } from '../../shared/calendar/dates';
import { absenceId } from '../../shared/domain/meeting';
import { leaveConflicts } from '../../shared/meetings/conflicts';
import { meetingReplyId, type Meeting, type MeetingReply } from '../../shared/domain/meeting';
import { receiptTable } from '../../shared/meetings/receipts';
import type { MeetingIssueArgs } from '../../shared/mutators/meetings';
import { BACKENDS } from '../support/backends';
import { connectClient, type TestClient } from '../support/harness';
import { at, updateArgsOf } from '../support/meetingFixture';
import { sees, serverSuite } from '../support/serverSuite';
import { downloadAs, keepLocal } from '../support/wire';

/** Whole minutes from now: the server judges "already over" and "late" by its own clock. */
const inHours = (hours: number) => new Date(Math.floor(Date.now() / 60_000) * 60_000 + hours * 3_600_000).toISOString();

function notice(overrides: Partial<MeetingIssueArgs> = {}): MeetingIssueArgs {
  return {
    id: randomId(),
    title: '季度工作部署会',
    startAt: inHours(72),
    endAt: inHours(74),
    location: '三楼第一会议室',
    agenda: '一、通报工作\n二、部署任务',
    invitedUserIds: ['wangqiang', 'zhaomin'],
    invitedDepartmentIds: [],
    replyDeadline: inHours(48),
    substituteAllowed: true,
    ...overrides,
  };
}

describe.each(BACKENDS)('meeting notices and replies through a real server (%s)', (backend) => {
  const suite = serverSuite(backend);
  const { client, serverDoc } = suite;

  const localMeeting = (c: TestClient, id: string) => c.store.db.meetings.get(id);
  const localReplies = async (c: TestClient, meetingId: string) => (await c.store.db.meetingReplies.where('meetingId').equals(meetingId).toArray()).map((r) => r.userId).sort();
  const states = (m: Meeting, replies: readonly MeetingReply[]) => receiptTable(m, replies).map((r) => [r.attendee.userId, r.state]);

  it('collects replies given offline on several machines, whatever order they sync in; a substitute receives the notice and replies in turn', async () => {
    const organizer = await client('lina');
    const [wang, zhao, chen, sun, outsider] = [await client('wangqiang'), await client('zhaomin'), await client('chenjing'), await client('sunlei'), await client('liuyang')];
    const args = notice({ invitedUserIds: ['wangqiang', 'zhaomin', 'chenjing'] });
    await organizer.store.mutate('meeting.issue', args);
    await organizer.settle();
    for (const c of [wang, zhao, chen]) await sees(c, 'the notice', async () => (await localMeeting(c, args.id)) !== undefined);

    // Everyone answers with the network down.
    for (const c of [wang, zhao, chen]) c.engine.stop();
    await wang.store.mutate('meeting.reply', { meetingId: args.id, response: 'absent', reason: '同日到省厅汇报' });
    await zhao.store.mutate('meeting.reply', { meetingId: args.id, response: 'absent', reason: '病假' });
    await chen.store.mutate('meeting.reply', { meetingId: args.id, response: 'substitute', substituteId: 'sunlei', reason: '外出办案' });
    // wangqiang changes his mind, still offline.
    await wang.store.mutate('meeting.reply', { meetingId: args.id, response: 'attending' });
    // chenjing's machine already lists her substitute.
    expect((await localMeeting(chen, args.id))?.attendeeIds).toEqual(['wangqiang', 'zhaomin', 'chenjing', 'sunlei']);

    // Back online one after another, the last to answer first.
    chen.engine.start();
    await chen.settle();
    wang.engine.start();
    zhao.engine.start();
    await Promise.all([wang.settle(), zhao.settle()]);
    for (const c of [wang, zhao, chen]) expect(await c.store.unseenRejections()).toEqual([]);

    const onServer = (userId: string) => serverDoc('meetingReplies', meetingReplyId(args.id, userId));
    expect(await onServer('wangqiang')).toMatchObject({ response: 'attending', reason: '', scheduleRevision: 1, late: false });
    expect((await onServer('wangqiang'))?.history.map((h) => h.response)).toEqual(['absent', 'attending']);
    expect(await onServer('zhaomin')).toMatchObject({ response: 'absent', reason: '病假' });
    expect(await onServer('chenjing')).toMatchObject({ response: 'substitute', substituteId: 'sunlei', reason: '外出办案' });
    expect((await serverDoc('meetings', args.id))?.attendeeIds).toEqual(['wangqiang', 'zhaomin', 'chenjing', 'sunlei']);

    // The organizer's receipt table, from her own machine.
    await sees(organizer, 'the three replies', async () => (await localReplies(organizer, args.id)).length === 3);
    const seen = async () => states((await localMeeting(organizer, args.id))!, await organizer.store.db.meetingReplies.where('meetingId').equals(args.id).toArray());
    expect(await seen()).toEqual([
      ['wangqiang', 'attending'],
      ['zhaomin', 'absent'],
      ['chenjing', 'substitute'],
      ['sunlei', 'no_reply'],
    ]);

    // The substitute receives the notice, and the reply that named him, and answers.
    await sees(sun, 'the notice he attends for chenjing', async () => (await localMeeting(sun, args.id)) !== undefined);
    expect((await localMeeting(sun, args.id))?.attendees.at(-1)).toMatchObject({ userId: 'sunlei', via: 'substitute', departmentId: null, substituteFor: 'chenjing' });
    await sun.store.mutate('meeting.reply', { meetingId: args.id, response: 'attending' });
    await sun.settle();
    await sees(organizer, 'the substitute’s reply', async () => (await localReplies(organizer, args.id)).length === 4);
    expect((await seen()).at(-1)).toEqual(['sunlei', 'attending']);

    // Each attendee holds their own reply only (a substitute also the one that named him, and the
    // one who named a substitute also the substitute's answer); the organizer holds all.
    for (const c of [wang, zhao, chen, sun]) c.engine.syncNow();
    await Promise.all([wang, zhao, chen, sun].map((c) => c.settle()));
    expect(await localReplies(wang, args.id)).toEqual(['wangqiang']);
    expect(await localReplies(zhao, args.id)).toEqual(['zhaomin']);
    expect(await localReplies(chen, args.id)).toEqual(['chenjing', 'sunlei']);
    expect(await localReplies(sun, args.id)).toEqual(['chenjing', 'sunlei']);
    expect(await localReplies(organizer, args.id)).toEqual(['chenjing', 'sunlei', 'wangqiang', 'zhaomin']);

    // A colleague never invited never receives any of it.
    outsider.engine.syncNow();
    await outsider.settle();
    expect(await localMeeting(outsider, args.id)).toBeUndefined();
    expect(await localReplies(outsider, args.id)).toEqual([]);
  });

  it('keeps the last of two machines of one person, with both answers in the history', async () => {
    const organizer = await client('lina');
    const args = notice({ invitedUserIds: ['zhaomin'] });
    await organizer.store.mutate('meeting.issue', args);
    await organizer.settle();
    const desk = await client('zhaomin');
    const laptop = await connectClient(suite.server.url, 'zhaomin');
    try {
      for (const c of [desk, laptop]) await sees(c, 'the notice', async () => (await localMeeting(c, args.id)) !== undefined);
      desk.engine.stop();
      laptop.engine.stop();
      await laptop.store.mutate('meeting.reply', { meetingId: args.id, response: 'attending' });
      await desk.store.mutate('meeting.reply', { meetingId: args.id, response: 'absent', reason: '已请假' });
      laptop.engine.start();
      await laptop.settle();
      desk.engine.start();
      await desk.settle();
      const reply = await serverDoc('meetingReplies', meetingReplyId(args.id, 'zhaomin'));
      expect(reply).toMatchObject({ response: 'absent', reason: '已请假' });
      expect(reply?.history.map((h) => h.response)).toEqual(['attending', 'absent']);
      // Both machines end up showing the same answer.
      await sees(laptop, 'the later answer', async () => (await laptop.store.db.meetingReplies.get(meetingReplyId(args.id, 'zhaomin')))?.response === 'absent');
      expect((await desk.store.db.meetingReplies.get(meetingReplyId(args.id, 'zhaomin')))?.response).toBe('absent');
    } finally {
      laptop.close();
    }
  });

  it('lets everyone on the notice download its attachments, a substitute added later included, and nobody else', async () => {
    const organizer = await client('lina');
    const bytes = new Uint8Array(Buffer.concat([Buffer.from('%PDF-1.7 会议材料 '), randomBytes(4096)]));
    const attachment = await keepLocal(organizer, '会议材料.pdf', 'application/pdf', bytes);
    const args = notice({ invitedUserIds: ['wangqiang'], attachments: [attachment] });
    await organizer.store.mutate('meeting.issue', args);
    await organizer.settle();
    expect(await organizer.store.unseenRejections()).toEqual([]);

    const download = (username: string) => downloadAs(suite.server.url, username, attachment.sha256);
    expect(await download('wangqiang')).toEqual(bytes);
    expect(await download('yangfan')).toBe('missing');

    const wang = await client('wangqiang');
    await sees(wang, 'the notice', async () => (await localMeeting(wang, args.id)) !== undefined);
    await wang.store.mutate('meeting.reply', { meetingId: args.id, response: 'substitute', substituteId: 'yangfan' });
    await wang.settle();
    expect(await download('yangfan')).toEqual(bytes);
  });

  it('brings approved leave to meeting organizers’ machines (not every colleague’s) as an absence, so the conflict shows offline; a cancellation takes it back', async () => {
    const organizer = await client('lina');
    const staff = await client('zhaomin');
    const leaveId = randomId();
    // Leave that has not started yet (only such leave can be cancelled): the Monday afternoon
    // and Tuesday of a week at least two weeks ahead, agency time.
    const today = agencyDate(new Date().toISOString());
    const monday = addDays(today, 14 + ((8 - dayOfWeek(addDays(today, 14))) % 7));
    const tuesday = addDays(monday, 1);
    await staff.store.mutate('leave.submit', { id: leaveId, type: 'personal', startDate: monday, startHalf: 'pm', endDate: tuesday, endHalf: 'pm', reason: '回老家办事' });
    await staff.settle();
    await sees(organizer, 'the request to approve', async () => (await organizer.store.db.leaveRequests.get(leaveId)) !== undefined);
    await organizer.store.mutate('approval.decide', { requestId: leaveId, decision: 'approve', comment: '' });
    await organizer.settle();
    expect(await organizer.store.unseenRejections()).toEqual([]);

    // Every meeting organizer's machine holds it (dates only); a plain colleague's does not.
    const colleague = organizer;
    await sees(colleague, 'the absence', async () => (await colleague.store.db.absences.get(absenceId(leaveId)))?.active === true);
    const bystander = await client('sunlei');
    await bystander.settle();
    expect(await bystander.store.db.absences.toArray()).toEqual([]);
    const absences = await colleague.store.db.absences.toArray();
    const meeting = (date: string, from: string, to: string) => ({ startAt: at(date, from), endAt: at(date, to), attendeeIds: ['zhaomin', 'wangqiang'] });
    expect(leaveConflicts(meeting(monday, '09:00', '11:00'), absences)).toEqual([]);
    expect(leaveConflicts(meeting(monday, '14:30', '16:00'), absences).map((c) => c.userId)).toEqual(['zhaomin']);
    expect(leaveConflicts(meeting(tuesday, '09:00', '11:00'), absences).map((c) => c.userId)).toEqual(['zhaomin']);
    expect(await colleague.store.db.absences.get(absenceId(leaveId))).not.toHaveProperty('reason');

    await staff.store.mutate('leave.cancel', { id: leaveId, reason: '事情已办妥' });
    await staff.settle();
    await sees(organizer, 'the cancellation to approve', async () => (await organizer.store.db.leaveRequests.get(leaveId))?.cancellation?.status === 'pending');
    await organizer.store.mutate('approval.decide', { requestId: leaveId, decision: 'approve', comment: '' });
    await organizer.settle();
    await sees(colleague, 'the absence withdrawn', async () => (await colleague.store.db.absences.get(absenceId(leaveId)))?.active === false);
    expect(leaveConflicts(meeting(monday, '14:30', '16:00'), await colleague.store.db.absences.toArray())).toEqual([]);
  });

  it('a reschedule asks for confirmation again; a reminder goes to those still to reply; a cancelled notice refuses a late offline reply', async () => {
    const organizer = await client('lina');
    const [wang, zhao] = [await client('wangqiang'), await client('zhaomin')];
    const args = notice();
    await organizer.store.mutate('meeting.issue', args);
    await organizer.settle();
    await sees(wang, 'the notice', async () => (await localMeeting(wang, args.id)) !== undefined);
    await wang.store.mutate('meeting.reply', { meetingId: args.id, response: 'attending' });
    await wang.settle();
    await sees(organizer, 'the reply', async () => (await localReplies(organizer, args.id)).length === 1);

    const m = (await localMeeting(organizer, args.id))!;
    const startAt = inHours(96);
    const endAt = inHours(98);
    await organizer.store.mutate('meeting.update', updateArgsOf(m, { startAt, endAt, note: '与市政府常务会议冲突，顺延一天' }));
    await organizer.settle();
    expect(await organizer.store.unseenRejections()).toEqual([]);
    const replies = async () => organizer.store.db.meetingReplies.where('meetingId').equals(args.id).toArray();
    expect(states((await localMeeting(organizer, args.id))!, await replies())).toEqual([
      ['wangqiang', 'needs_reconfirm'],
      ['zhaomin', 'no_reply'],
    ]);

    // The attendee's machine shows the move, with the old time.
    await sees(wang, 'the new time', async () => (await localMeeting(wang, args.id))?.scheduleRevision === 2);
    expect((await localMeeting(wang, args.id))?.changes).toEqual([
      expect.objectContaining({ kind: 'rescheduled', previousStartAt: args.startAt, previousEndAt: args.endAt, note: '与市政府常务会议冲突，顺延一天' }),
    ]);

    // zhaomin says she comes, offline, for the time she saw; the move reaches the server first.
    // Her answer is kept, but as given for the old time: it waits for her confirmation.
    zhao.engine.stop();
    await zhao.store.mutate('meeting.reply', { meetingId: args.id, response: 'attending', scheduleRevision: 1 });
    zhao.engine.start();
    await zhao.settle();
    await sees(organizer, 'her reply', async () => (await organizer.store.db.meetingReplies.get(meetingReplyId(args.id, 'zhaomin'))) !== undefined);
    expect(states((await localMeeting(organizer, args.id))!, await replies())[1]).toEqual(['zhaomin', 'needs_reconfirm']);

    await organizer.store.mutate('meeting.remind', { id: args.id });
    await organizer.settle();
    expect((await serverDoc('meetings', args.id))?.reminders.map((r) => r.userIds)).toEqual([['wangqiang', 'zhaomin']]);
    await sees(zhao, 'the reminder', async () => (await localMeeting(zhao, args.id))?.reminders.length === 1);

    await wang.store.mutate('meeting.reply', { meetingId: args.id, response: 'attending' });
    await wang.settle();
    await sees(organizer, 'the confirmation', async () => (await organizer.store.db.meetingReplies.get(meetingReplyId(args.id, 'wangqiang')))?.scheduleRevision === 2);
    expect(states((await localMeeting(organizer, args.id))!, await replies())[0]).toEqual(['wangqiang', 'attending']);

    // zhaomin answers offline while the organizer cancels: her reply is refused and rolled back.
    zhao.engine.stop();
    await zhao.store.mutate('meeting.reply', { meetingId: args.id, response: 'absent', reason: '出差' });
    await organizer.store.mutate('meeting.cancel', { id: args.id, reason: '另行通知' });
    await organizer.settle();
    zhao.engine.start();
    await zhao.settle();
    expect(await zhao.store.unseenRejections()).toEqual([expect.objectContaining({ name: 'meeting.reply', code: 'meeting.cancelled' })]);
    expect((await zhao.store.db.meetingReplies.get(meetingReplyId(args.id, 'zhaomin')))?.response).toBe('attending');
    expect((await localMeeting(zhao, args.id))?.status).toBe('cancelled');
    expect((await serverDoc('meetingReplies', meetingReplyId(args.id, 'zhaomin')))?.response).toBe('attending');
  });
});
