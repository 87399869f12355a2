// Meeting notices by the shared mutators over the demo agency: lina (综合处处长, the meeting
// organizer) issues, edits, reschedules, cancels and reminds; attendees reply attending, absent
// with a reason, or with a named substitute who then replies in turn. Every refusal writes
// nothing. At the end: the absences (free/busy) that leave decisions write for the conflict
// warning.
import { afterEach, describe, expect, it } from 'vitest';
import type { User } from '../../../../shared/domain/directory';
import { meetingReplyId } from '../../../../shared/domain/meeting';
import { leaveConflicts } from '../../../../shared/meetings/conflicts';
import { receiptTable } from '../../../../shared/meetings/receipts';
import { at, updateArgsOf } from '../../../support/meetingFixture';
import type { MemoryDocTx } from '../../../support/memoryDocTx';
import { runMutator } from '../../../../shared/mutators';
import { readersOf } from '../../../../shared/sync/access';
import { agency, attachment, decide, expectAllWritesValid, expectRejected, NOW, on, run, submitArgs } from './helpers';
import { DEADLINE, END, issueArgs, issued, meetingOf, reply, START } from './meetingHelpers';

afterEach(() => {
  expectAllWritesValid();
});

const replyOf = (tx: MemoryDocTx, userId: string, meetingId = 'mtg-1') => tx.peek('meetingReplies', meetingReplyId(meetingId, userId));
const attendeesOf = (tx: MemoryDocTx) => meetingOf(tx).attendees.map((a) => [a.userId, a.via, a.via === 'department' ? a.departmentId : a.substituteFor]);

function user(id: string, departmentId: string, extra: Partial<User> = {}): User {
  return { id, username: id, displayName: id, departmentId, managerId: 'lina', rank: 4, title: '科员', roles: ['staff'], active: true, ...extra };
}

describe('meeting.issue', () => {
  it('stores the notice for the people named, not yet rescheduled or replied to', async () => {
    const tx = await issued();
    expect(meetingOf(tx)).toEqual({
      id: 'mtg-1',
      organizerId: 'lina',
      title: '第一季度工作部署会',
      startAt: START,
      endAt: END,
      location: '三楼第一会议室',
      agenda: '一、通报工作\n二、部署任务',
      attachments: [],
      invitedUserIds: ['wangqiang', 'zhaomin'],
      invitedDepartmentIds: [],
      attendees: [
        { userId: 'wangqiang', via: 'person', departmentId: null, substituteFor: null, addedAt: NOW },
        { userId: 'zhaomin', via: 'person', departmentId: null, substituteFor: null, addedAt: NOW },
      ],
      attendeeIds: ['wangqiang', 'zhaomin'],
      replyDeadline: DEADLINE,
      substituteAllowed: true,
      status: 'scheduled',
      scheduleRevision: 1,
      changes: [],
      reminders: [],
      cancelReason: null,
      createdAt: NOW,
      updatedAt: NOW,
    });
  });

  it('expands a department to its active staff, sub-departments included, without the organizer', async () => {
    const tx = await agency({}, { allocations: false, extraUsers: [user('gaojie', 'archive'), user('retired', 'general', { active: false })] });
    tx.seedDoc('departments', { id: 'archive', name: '档案室', parentId: 'general', headId: null });
    await run(tx, 'lina', 'meeting.issue', issueArgs({ invitedUserIds: ['chenjing', 'zhaomin'], invitedDepartmentIds: ['general'] }));
    expect(attendeesOf(tx)).toEqual([
      ['chenjing', 'person', null],
      ['zhaomin', 'person', null],
      ['wangqiang', 'department', 'general'],
      ['gaojie', 'department', 'general'],
    ]);
    expect(meetingOf(tx).attendeeIds).toEqual(['chenjing', 'zhaomin', 'wangqiang', 'gaojie']);
  });

  it('invites the whole agency without the accounts of the three administrators, who are not staff', async () => {
    const tx = await issued({ invitedUserIds: [], invitedDepartmentIds: ['agency'] });
    expect(new Set(meetingOf(tx).attendeeIds)).toEqual(new Set(['zhangwei', 'liuyang', 'wangqiang', 'zhaomin', 'chenjing', 'sunlei', 'zhouting', 'yangfan']));
  });

  it('keeps attachments the server holds and refuses one it does not (blob.missing)', async () => {
    const tx = await agency({}, { allocations: false });
    const agenda = attachment(tx, '会议议程.pdf');
    await expectRejected(tx, 'lina', 'meeting.issue', issueArgs({ attachments: [agenda, attachment(tx, '材料.pdf', false)] }), 'blob.missing', { name: '材料.pdf' });
    await run(tx, 'lina', 'meeting.issue', issueArgs({ attachments: [agenda] }));
    expect(meetingOf(tx).attachments).toEqual([agenda]);
  });

  it('refuses staff without the organizer role (auth.forbidden)', async () => {
    const tx = await agency({}, { allocations: false });
    await expectRejected(tx, 'wangqiang', 'meeting.issue', issueArgs(), 'auth.forbidden');
    await expectRejected(tx, 'zhangwei', 'meeting.issue', issueArgs(), 'auth.forbidden');
  });

  it('refuses an empty title, an end not after the start, a meeting already over, and a deadline after the start', async () => {
    const tx = await agency({}, { allocations: false });
    await expectRejected(tx, 'lina', 'meeting.issue', issueArgs({ title: '  ' }), 'meeting.title_required');
    await expectRejected(tx, 'lina', 'meeting.issue', issueArgs({ endAt: START }), 'meeting.invalid_time');
    await expectRejected(tx, 'lina', 'meeting.issue', issueArgs({ endAt: at('2026-03-05', '13:00') }), 'meeting.invalid_time');
    await expectRejected(tx, 'lina', 'meeting.issue', issueArgs({ startAt: at('2026-03-02', '08:00'), endAt: at('2026-03-02', '09:00'), replyDeadline: null }), 'meeting.ended');
    await expectRejected(tx, 'lina', 'meeting.issue', issueArgs({ replyDeadline: at('2026-03-05', '14:01') }), 'meeting.deadline_after_start');
    // A deadline at the start itself is fine.
    await run(tx, 'lina', 'meeting.issue', issueArgs({ replyDeadline: START }));
  });

  it('refuses a notice with nobody to send it to (meeting.no_attendees)', async () => {
    const tx = await agency({}, { allocations: false });
    await expectRejected(tx, 'lina', 'meeting.issue', issueArgs({ invitedUserIds: [] }), 'meeting.no_attendees');
    await expectRejected(tx, 'lina', 'meeting.issue', issueArgs({ invitedUserIds: ['lina'] }), 'meeting.no_attendees');
  });

  it('refuses an unknown or inactive person and an unknown department (meeting.unknown_attendee)', async () => {
    const tx = await agency({ sunlei: { active: false } }, { allocations: false });
    await expectRejected(tx, 'lina', 'meeting.issue', issueArgs({ invitedUserIds: ['wangqiang', 'nobody'] }), 'meeting.unknown_attendee');
    await expectRejected(tx, 'lina', 'meeting.issue', issueArgs({ invitedUserIds: ['sunlei'] }), 'meeting.unknown_attendee');
    await expectRejected(tx, 'lina', 'meeting.issue', issueArgs({ invitedDepartmentIds: ['no-such-dept'] }), 'meeting.unknown_attendee');
  });
});

describe('meeting.reply', () => {
  it('records "attending" with the schedule revision it answers', async () => {
    const tx = await issued();
    await run(tx, 'wangqiang', 'meeting.reply', reply('attending', { reason: 'ignored' }), on('2026-03-03'));
    expect(replyOf(tx, 'wangqiang')).toEqual({
      id: meetingReplyId('mtg-1', 'wangqiang'),
      meetingId: 'mtg-1',
      userId: 'wangqiang',
      organizerId: 'lina',
      response: 'attending',
      reason: '',
      substituteId: null,
      substituteFor: null,
      scheduleRevision: 1,
      late: false,
      repliedAt: on('2026-03-03'),
      actedAt: on('2026-03-03'),
      history: [{ at: on('2026-03-03'), response: 'attending', substituteId: null, scheduleRevision: 1 }],
    });
    // The notice itself is not touched by a plain reply.
    expect(tx.writes.filter((w) => w.c === 'meetings')).toHaveLength(1);
  });

  it('requires a reason to be absent, and keeps the history of a changed reply', async () => {
    const tx = await issued();
    await run(tx, 'zhaomin', 'meeting.reply', reply('attending'));
    await expectRejected(tx, 'zhaomin', 'meeting.reply', reply('absent', { reason: '   ' }), 'meeting.reason_required');
    await expectRejected(tx, 'zhaomin', 'meeting.reply', reply('absent'), 'meeting.reason_required');
    await run(tx, 'zhaomin', 'meeting.reply', reply('absent', { reason: '  当天在省厅参加培训 ' }), on('2026-03-03'));
    expect(replyOf(tx, 'zhaomin')).toMatchObject({ response: 'absent', reason: '当天在省厅参加培训', repliedAt: on('2026-03-03') });
    expect(replyOf(tx, 'zhaomin')?.history.map((h) => h.response)).toEqual(['attending', 'absent']);
  });

  it('marks a reply after the deadline late, and still records it', async () => {
    const tx = await issued();
    await run(tx, 'wangqiang', 'meeting.reply', reply('attending'), at('2026-03-04', '18:00'));
    expect(replyOf(tx, 'wangqiang')?.late).toBe(false);
    await run(tx, 'zhaomin', 'meeting.reply', reply('attending'), at('2026-03-04', '18:01'));
    expect(replyOf(tx, 'zhaomin')).toMatchObject({ response: 'attending', late: true });
    const open = await issued({ id: 'mtg-open', replyDeadline: null });
    await run(open, 'zhaomin', 'meeting.reply', reply('attending', { meetingId: 'mtg-open' }), at('2026-03-05', '13:59'));
    expect(replyOf(open, 'zhaomin', 'mtg-open')?.late).toBe(false);
  });

  it('judges an offline reply by when it was given: before the deadline is not late, during the meeting is still taken', async () => {
    const tx = await issued();
    // Answered on the Wednesday afternoon with no network, pushed on Thursday morning.
    await runMutator('meeting.reply', reply('attending'), { tx, actorId: 'wangqiang', now: at('2026-03-05', '08:00'), actedAt: at('2026-03-04', '15:00') });
    expect(replyOf(tx, 'wangqiang')).toMatchObject({ late: false, actedAt: at('2026-03-04', '15:00'), repliedAt: at('2026-03-05', '08:00') });
    // Answered during the meeting, pushed after its end: recorded (late), not refused.
    await runMutator('meeting.reply', reply('absent', { reason: '临时外出' }), { tx, actorId: 'zhaomin', now: at('2026-03-05', '17:00'), actedAt: at('2026-03-05', '15:00') });
    expect(replyOf(tx, 'zhaomin')).toMatchObject({ response: 'absent', late: true });
    // Answered after the end: too late.
    await expect(runMutator('meeting.reply', reply('attending'), { tx, actorId: 'zhaomin', now: at('2026-03-05', '17:00'), actedAt: at('2026-03-05', '16:30') })).rejects.toMatchObject({ code: 'meeting.ended' });
  });

  it('keeps an "attending" given for a time the organizer has changed since as waiting for confirmation', async () => {
    const tx = await issued();
    const seen = meetingOf(tx).scheduleRevision;
    await run(tx, 'lina', 'meeting.update', updateArgsOf(meetingOf(tx), { startAt: at('2026-03-05', '15:00') }));
    // wangqiang answered offline before he could see the new time; his reply arrives after the move.
    await run(tx, 'wangqiang', 'meeting.reply', reply('attending', { scheduleRevision: seen }));
    expect(replyOf(tx, 'wangqiang')?.scheduleRevision).toBe(1);
    expect(receiptTable(meetingOf(tx), tx.all('meetingReplies')).find((row) => row.attendee.userId === 'wangqiang')?.state).toBe('needs_reconfirm');
    // A revision from the future cannot confirm more than there is.
    await run(tx, 'zhaomin', 'meeting.reply', reply('attending', { scheduleRevision: 9 }));
    expect(replyOf(tx, 'zhaomin')?.scheduleRevision).toBe(2);
  });

  it('refuses someone not invited, the organizer, an unknown meeting, a cancelled one and one already over', async () => {
    const tx = await issued();
    await expectRejected(tx, 'chenjing', 'meeting.reply', reply('attending'), 'meeting.not_invited');
    await expectRejected(tx, 'lina', 'meeting.reply', reply('attending'), 'meeting.not_invited');
    await expectRejected(tx, 'wangqiang', 'meeting.reply', reply('attending', { meetingId: 'mtg-none' }), 'meeting.not_found');
    await expectRejected(tx, 'wangqiang', 'meeting.reply', reply('attending'), 'meeting.ended', undefined, END);
    await run(tx, 'lina', 'meeting.cancel', { id: 'mtg-1', reason: '' });
    await expectRejected(tx, 'wangqiang', 'meeting.reply', reply('attending'), 'meeting.cancelled');
  });

  it('adds a named substitute to the notice, who then replies in turn', async () => {
    const tx = await issued();
    await run(tx, 'wangqiang', 'meeting.reply', reply('substitute', { substituteId: 'sunlei', reason: '同日下乡调研' }));
    expect(attendeesOf(tx)).toEqual([
      ['wangqiang', 'person', null],
      ['zhaomin', 'person', null],
      ['sunlei', 'substitute', 'wangqiang'],
    ]);
    expect(meetingOf(tx).attendeeIds).toEqual(['wangqiang', 'zhaomin', 'sunlei']);
    expect(replyOf(tx, 'wangqiang')).toMatchObject({ response: 'substitute', substituteId: 'sunlei', reason: '同日下乡调研' });
    await run(tx, 'sunlei', 'meeting.reply', reply('attending'));
    // wangqiang reads whether his substitute comes.
    expect(replyOf(tx, 'sunlei')).toMatchObject({ response: 'attending', substituteFor: 'wangqiang' });
    expect(readersOf('meetingReplies', replyOf(tx, 'sunlei')!)).toContain('user:wangqiang');
    expect(receiptTable(meetingOf(tx), tx.all('meetingReplies')).map((r) => [r.attendee.userId, r.state])).toEqual([
      ['wangqiang', 'substitute'],
      ['zhaomin', 'no_reply'],
      ['sunlei', 'attending'],
    ]);
    // The same substitute named again changes nothing on the notice.
    const writes = tx.writes.filter((w) => w.c === 'meetings').length;
    await run(tx, 'wangqiang', 'meeting.reply', reply('substitute', { substituteId: 'sunlei' }));
    expect(tx.writes.filter((w) => w.c === 'meetings')).toHaveLength(writes);
  });

  it('replaces a substitute: the one named before leaves the notice; attending in person removes the last one', async () => {
    const tx = await issued();
    await run(tx, 'wangqiang', 'meeting.reply', reply('substitute', { substituteId: 'sunlei' }));
    await run(tx, 'wangqiang', 'meeting.reply', reply('substitute', { substituteId: 'chenjing' }));
    expect(attendeesOf(tx)).toEqual([
      ['wangqiang', 'person', null],
      ['zhaomin', 'person', null],
      ['chenjing', 'substitute', 'wangqiang'],
    ]);
    await expectRejected(tx, 'sunlei', 'meeting.reply', reply('attending'), 'meeting.not_invited');
    await run(tx, 'wangqiang', 'meeting.reply', reply('attending'));
    expect(meetingOf(tx).attendeeIds).toEqual(['wangqiang', 'zhaomin']);
    expect(replyOf(tx, 'wangqiang')?.history.map((h) => [h.response, h.substituteId])).toEqual([
      ['substitute', 'sunlei'],
      ['substitute', 'chenjing'],
      ['attending', null],
    ]);
  });

  it('refuses a substitute where the notice allows none, and a substitute naming another', async () => {
    const closed = await issued({ substituteAllowed: false });
    await expectRejected(closed, 'wangqiang', 'meeting.reply', reply('substitute', { substituteId: 'sunlei' }), 'meeting.substitute_not_allowed');
    const tx = await issued();
    await run(tx, 'wangqiang', 'meeting.reply', reply('substitute', { substituteId: 'sunlei' }));
    await expectRejected(tx, 'sunlei', 'meeting.reply', reply('substitute', { substituteId: 'chenjing' }), 'meeting.substitute_not_allowed');
  });

  it('refuses as substitute: nobody, oneself, the organizer, an unknown or inactive person, someone already on the notice, an administrator account', async () => {
    const tx = await agency({ liuyang: { active: false } }, { allocations: false });
    await run(tx, 'lina', 'meeting.issue', issueArgs());
    await run(tx, 'zhaomin', 'meeting.reply', reply('substitute', { substituteId: 'chenjing' }));
    for (const substituteId of [null, 'wangqiang', 'lina', 'nobody', 'liuyang', 'zhaomin', 'chenjing', 'admin', 'auditor']) {
      await expectRejected(tx, 'wangqiang', 'meeting.reply', reply('substitute', { substituteId }), 'meeting.invalid_substitute');
    }
  });
});

describe('meeting.update', () => {
  it('a new time bumps the schedule revision, records the old time, and asks earlier "attending" replies to confirm again', async () => {
    const tx = await issued();
    await run(tx, 'wangqiang', 'meeting.reply', reply('attending'));
    await run(tx, 'zhaomin', 'meeting.reply', reply('absent', { reason: '出差' }));
    const newStart = at('2026-03-06', '09:00');
    const newEnd = at('2026-03-06', '11:00');
    await run(tx, 'lina', 'meeting.update', updateArgsOf(meetingOf(tx), { startAt: newStart, endAt: newEnd, replyDeadline: null, note: ' 与市里会议冲突，顺延一天 ' }), on('2026-03-03'));
    const m = meetingOf(tx);
    expect(m).toMatchObject({ startAt: newStart, endAt: newEnd, scheduleRevision: 2, updatedAt: on('2026-03-03') });
    expect(m.changes).toEqual([{ at: on('2026-03-03'), kind: 'rescheduled', previousStartAt: START, previousEndAt: END, previousLocation: null, note: '与市里会议冲突，顺延一天' }]);
    expect(receiptTable(m, tx.all('meetingReplies')).map((r) => [r.attendee.userId, r.state])).toEqual([
      ['wangqiang', 'needs_reconfirm'],
      ['zhaomin', 'absent'],
    ]);
    // Confirming again answers the new revision.
    await run(tx, 'wangqiang', 'meeting.reply', reply('attending'), on('2026-03-04'));
    expect(replyOf(tx, 'wangqiang')).toMatchObject({ scheduleRevision: 2 });
  });

  it('a new place is recorded as a relocation, without asking for confirmation again', async () => {
    const tx = await issued();
    await run(tx, 'lina', 'meeting.update', updateArgsOf(meetingOf(tx), { location: '五楼视频会议室' }));
    const m = meetingOf(tx);
    expect(m.scheduleRevision).toBe(1);
    expect(m.changes).toEqual([{ at: NOW, kind: 'relocated', previousStartAt: null, previousEndAt: null, previousLocation: '三楼第一会议室', note: null }]);
    // Time and place at once: a reschedule that remembers the old place too.
    await run(tx, 'lina', 'meeting.update', updateArgsOf(meetingOf(tx), { location: '三楼第一会议室', startAt: at('2026-03-05', '15:00') }));
    expect(meetingOf(tx).changes.at(-1)).toMatchObject({ kind: 'rescheduled', previousStartAt: START, previousEndAt: END, previousLocation: '五楼视频会议室' });
    expect(meetingOf(tx).scheduleRevision).toBe(2);
  });

  it('records any other edit as an update, and refuses an edit that changes nothing (change.nothing)', async () => {
    const tx = await issued();
    await expectRejected(tx, 'lina', 'meeting.update', updateArgsOf(meetingOf(tx), { note: '再发一次' }), 'change.nothing');
    await run(tx, 'lina', 'meeting.update', updateArgsOf(meetingOf(tx), { agenda: '一、通报工作\n二、部署任务\n三、其他事项' }));
    expect(meetingOf(tx).changes.map((c) => c.kind)).toEqual(['updated']);
    expect(meetingOf(tx).scheduleRevision).toBe(1);
  });

  it('adds and removes people; a substitute stays while the person they attend for is invited', async () => {
    const tx = await issued();
    await run(tx, 'wangqiang', 'meeting.reply', reply('substitute', { substituteId: 'sunlei' }));
    await run(tx, 'lina', 'meeting.update', updateArgsOf(meetingOf(tx), { invitedUserIds: ['wangqiang', 'zhaomin', 'chenjing'] }));
    expect(meetingOf(tx).attendeeIds).toEqual(['wangqiang', 'zhaomin', 'chenjing', 'sunlei']);
    await run(tx, 'lina', 'meeting.update', updateArgsOf(meetingOf(tx), { invitedUserIds: ['zhaomin', 'chenjing'] }));
    expect(meetingOf(tx).attendeeIds).toEqual(['zhaomin', 'chenjing']);
  });

  it('refuses anyone but the organizer, an unknown meeting, a cancelled one, and the checks of a new notice', async () => {
    const tx = await issued();
    const m = meetingOf(tx);
    await expectRejected(tx, 'wangqiang', 'meeting.update', updateArgsOf(m, { title: '改' }), 'meeting.not_organizer');
    await expectRejected(tx, 'lina', 'meeting.update', updateArgsOf(m, { id: 'mtg-none' }), 'meeting.not_found');
    await expectRejected(tx, 'lina', 'meeting.update', updateArgsOf(m, { endAt: m.startAt }), 'meeting.invalid_time');
    await expectRejected(tx, 'lina', 'meeting.update', updateArgsOf(m, { replyDeadline: at('2026-03-06', '09:00') }), 'meeting.deadline_after_start');
    await expectRejected(tx, 'lina', 'meeting.update', updateArgsOf(m, { invitedUserIds: [] }), 'meeting.no_attendees');
    await expectRejected(tx, 'lina', 'meeting.update', updateArgsOf(m, { invitedUserIds: ['nobody'] }), 'meeting.unknown_attendee');
    await expectRejected(tx, 'lina', 'meeting.update', updateArgsOf(m, { title: '改' }), 'meeting.ended', undefined, END);
    await run(tx, 'lina', 'meeting.cancel', { id: 'mtg-1', reason: '' });
    await expectRejected(tx, 'lina', 'meeting.update', updateArgsOf(m, { title: '改' }), 'meeting.cancelled');
  });
});

describe('meeting.cancel', () => {
  it('cancels with the reason, recorded as a change; a second cancel is refused', async () => {
    const tx = await issued();
    await run(tx, 'lina', 'meeting.cancel', { id: 'mtg-1', reason: '  因故取消，另行通知  ' }, on('2026-03-03'));
    expect(meetingOf(tx)).toMatchObject({ status: 'cancelled', cancelReason: '因故取消，另行通知', updatedAt: on('2026-03-03') });
    expect(meetingOf(tx).changes).toEqual([{ at: on('2026-03-03'), kind: 'cancelled', previousStartAt: null, previousEndAt: null, previousLocation: null, note: '因故取消，另行通知' }]);
    await expectRejected(tx, 'lina', 'meeting.cancel', { id: 'mtg-1', reason: '' }, 'meeting.cancelled');
    await expectRejected(tx, 'lina', 'meeting.remind', { id: 'mtg-1' }, 'meeting.cancelled');
  });

  it('refuses anyone but the organizer', async () => {
    const tx = await issued();
    await expectRejected(tx, 'wangqiang', 'meeting.cancel', { id: 'mtg-1', reason: '' }, 'meeting.not_organizer');
  });
});

describe('meeting.remind', () => {
  it('records a reminder to exactly those still to reply, including "attending" replies from before a reschedule', async () => {
    const tx = await issued({ invitedUserIds: ['wangqiang', 'zhaomin', 'chenjing'] });
    await run(tx, 'wangqiang', 'meeting.reply', reply('attending'));
    await run(tx, 'chenjing', 'meeting.reply', reply('absent', { reason: '病假' }));
    await run(tx, 'lina', 'meeting.remind', { id: 'mtg-1' }, on('2026-03-03'));
    expect(meetingOf(tx).reminders).toEqual([{ at: on('2026-03-03'), userIds: ['zhaomin'] }]);

    await run(tx, 'lina', 'meeting.update', updateArgsOf(meetingOf(tx), { startAt: at('2026-03-05', '15:00') }));
    await run(tx, 'lina', 'meeting.remind', { id: 'mtg-1' }, on('2026-03-04'));
    expect(meetingOf(tx).reminders.at(-1)).toEqual({ at: on('2026-03-04'), userIds: ['wangqiang', 'zhaomin'] });
  });

  it('refuses when nobody is waiting (change.nothing), after the end, and for anyone but the organizer', async () => {
    const tx = await issued();
    await expectRejected(tx, 'wangqiang', 'meeting.remind', { id: 'mtg-1' }, 'meeting.not_organizer');
    await expectRejected(tx, 'lina', 'meeting.remind', { id: 'mtg-1' }, 'meeting.ended', undefined, END);
    await run(tx, 'wangqiang', 'meeting.reply', reply('attending'));
    await run(tx, 'zhaomin', 'meeting.reply', reply('attending'));
    await expectRejected(tx, 'lina', 'meeting.remind', { id: 'mtg-1' }, 'change.nothing');
  });

  it('sends at most one reminder every ten minutes (meeting.reminded_recently)', async () => {
    const tx = await issued();
    await run(tx, 'lina', 'meeting.remind', { id: 'mtg-1' }, at('2026-03-03', '09:00'));
    await expectRejected(tx, 'lina', 'meeting.remind', { id: 'mtg-1' }, 'meeting.reminded_recently', { minutes: 6 }, at('2026-03-03', '09:04'));
    await run(tx, 'lina', 'meeting.remind', { id: 'mtg-1' }, at('2026-03-03', '09:10'));
    expect(meetingOf(tx).reminders).toHaveLength(2);
  });
});

describe('meeting times and deadlines', () => {
  it('stores every instant in one spelling, so a time sent with +08:00 is the same time', async () => {
    const tx = await issued({ startAt: '2026-03-05T14:00:00+08:00', endAt: '2026-03-05T16:00:00+08:00', replyDeadline: '2026-03-04T18:00:00+08:00' });
    expect(meetingOf(tx)).toMatchObject({ startAt: START, endAt: END, replyDeadline: DEADLINE });
    await expectRejected(tx, 'lina', 'meeting.update', updateArgsOf(meetingOf(tx), { startAt: '2026-03-05T06:00:00Z' }), 'change.nothing');
  });

  it('refuses a reply deadline already past, but an edit may keep one that passed meanwhile', async () => {
    const tx = await agency({}, { allocations: false });
    await expectRejected(tx, 'lina', 'meeting.issue', issueArgs({ replyDeadline: at('2026-03-02', '08:00') }), 'meeting.deadline_passed');
    await run(tx, 'lina', 'meeting.issue', issueArgs());
    await run(tx, 'lina', 'meeting.update', updateArgsOf(meetingOf(tx), { location: '二楼会议室' }), at('2026-03-05', '09:00'));
    await expectRejected(tx, 'lina', 'meeting.update', updateArgsOf(meetingOf(tx), { replyDeadline: at('2026-03-05', '08:00') }), 'meeting.deadline_passed', undefined, at('2026-03-05', '09:00'));
  });
});

describe('absences written by leave decisions', () => {
  /** wangqiang's annual leave, Monday 9 to Tuesday 10 March, approved by lina. */
  async function approvedLeave(overrides: Record<string, unknown> = {}) {
    const tx = await agency();
    await run(tx, 'wangqiang', 'leave.submit', submitArgs(overrides));
    await run(tx, 'lina', 'approval.decide', decide('approve'));
    return tx;
  }
  const meetingOn = (date: string, from = '14:00', to = '16:00') => ({ startAt: at(date, from), endAt: at(date, to), attendeeIds: ['wangqiang', 'zhaomin'] });

  it('final approval writes an active absence (dates and half days only), which a meeting then conflicts with', async () => {
    const tx = await approvedLeave({ endDate: '2026-03-10', endHalf: 'am' });
    expect(tx.all('absences')).toEqual([
      { id: 'ab-leave-1', userId: 'wangqiang', leaveRequestId: 'leave-1', startDate: '2026-03-09', startHalf: 'am', endDate: '2026-03-10', endHalf: 'am', active: true, updatedAt: NOW },
    ]);
    expect(leaveConflicts(meetingOn('2026-03-09'), tx.all('absences')).map((c) => c.userId)).toEqual(['wangqiang']);
    expect(leaveConflicts(meetingOn('2026-03-10'), tx.all('absences'))).toEqual([]);
  });

  it('is written only at the final step of a longer route, and never for rejected leave', async () => {
    const tx = await agency({ chenjing: { managerId: 'sunlei' } });
    await run(tx, 'chenjing', 'leave.submit', submitArgs({ type: 'personal', endDate: '2026-03-13' }));
    await run(tx, 'sunlei', 'approval.decide', decide('approve'));
    expect(tx.all('absences')).toEqual([]);
    await run(tx, 'liuyang', 'approval.decide', decide('approve'));
    expect(tx.all('absences')).toMatchObject([{ userId: 'chenjing', startDate: '2026-03-09', endDate: '2026-03-13', active: true }]);

    const rejected = await agency();
    await run(rejected, 'wangqiang', 'leave.submit', submitArgs());
    await run(rejected, 'lina', 'approval.decide', decide('reject', '人手不足'));
    expect(rejected.all('absences')).toEqual([]);
  });

  it('an approved cancellation deactivates it: no more conflict', async () => {
    const tx = await approvedLeave();
    await run(tx, 'wangqiang', 'leave.cancel', { id: 'leave-1', reason: '行程取消' });
    // Still away while the cancellation waits.
    expect(tx.peek('absences', 'ab-leave-1')?.active).toBe(true);
    await run(tx, 'lina', 'approval.decide', decide('approve'), on('2026-03-03'));
    expect(tx.peek('absences', 'ab-leave-1')).toMatchObject({ active: false, startDate: '2026-03-09', endDate: '2026-03-10', updatedAt: on('2026-03-03') });
    expect(leaveConflicts(meetingOn('2026-03-09'), tx.all('absences'))).toEqual([]);
  });

  it('a report-back shortens it to the days really taken, or withdraws it when none were', async () => {
    const tx = await approvedLeave();
    await run(tx, 'wangqiang', 'leave.reportBack', { id: 'leave-1', returnDate: '2026-03-10', returnHalf: 'pm', comment: '' }, on('2026-03-10'));
    expect(tx.peek('absences', 'ab-leave-1')).toMatchObject({ startDate: '2026-03-09', startHalf: 'am', endDate: '2026-03-10', endHalf: 'am', active: true });
    expect(leaveConflicts(meetingOn('2026-03-10', '09:00', '10:00'), tx.all('absences')).map((c) => c.userId)).toEqual(['wangqiang']);
    expect(leaveConflicts(meetingOn('2026-03-10', '15:00', '16:00'), tx.all('absences'))).toEqual([]);

    const none = await approvedLeave();
    await run(none, 'wangqiang', 'leave.reportBack', { id: 'leave-1', returnDate: '2026-03-09', returnHalf: 'am', comment: '' }, on('2026-03-09'));
    expect(none.peek('absences', 'ab-leave-1')).toMatchObject({ active: false });
  });
});
