// Who may be sent as a substitute, what a person on the list is told has changed (nothing that
// happened before they were put on it), and the receipt note in each language.
import { describe, expect, it } from 'vitest';
import type { Attendee, Meeting, MeetingChange } from '../../../../shared/domain/meeting';
import { relocationToAnnounce, replyProblem, revisionSeen, substituteCandidates, timeChangeSince } from '../../../../renderer/features/meetings/meetingView';
import { receiptLines, replyNote } from '../../../../renderer/features/meetings/receiptView';
import { createI18n } from '../../../../renderer/i18n/createI18n';
import { demoDepartments, demoUsers } from '../../shared/fixtures/demoAgency';
import { meetingDoc, replyDoc } from './fixtures';

const NOW = '2026-03-02T01:00:00.000Z';
const ISSUED = '2026-03-01T01:00:00.000Z';
const users = new Map(demoUsers.map((u) => [u.id, u]));
const directory = { users, departments: new Map(demoDepartments.map((d) => [d.id, d])) };

const person = (userId: string, addedAt = ISSUED): Attendee => ({ userId, via: 'person', departmentId: null, substituteFor: null, addedAt });
const substitute = (userId: string, substituteFor: string, addedAt: string): Attendee => ({ userId, via: 'substitute', departmentId: null, substituteFor, addedAt });

function withAttendees(attendees: Attendee[], patch: Partial<Meeting> = {}): Meeting {
  return meetingDoc({ attendees, attendeeIds: attendees.map((a) => a.userId), ...patch });
}

const moved = (at: string, fromStart: string, fromEnd: string): MeetingChange => ({ at, kind: 'rescheduled', previousStartAt: fromStart, previousEndAt: fromEnd, previousLocation: null, note: null });
const relocated = (at: string, from: string): MeetingChange => ({ at, kind: 'relocated', previousStartAt: null, previousEndAt: null, previousLocation: from, note: null });

describe('substitutes', () => {
  const meeting = withAttendees([person('wangqiang'), person('sunlei')]);

  it('are colleagues on the staff: never the separated administrators’ accounts, nor anyone inactive', () => {
    const offered = substituteCandidates(meeting, [...demoUsers, { ...users.get('zhaomin')!, id: 'retired', active: false }], 'sunlei').map((u) => u.id);
    expect(offered).toContain('zhaomin');
    expect(offered).toContain('zhouting');
    for (const admin of ['admin', 'secadmin', 'auditor', 'retired']) expect(offered).not.toContain(admin);
  });

  it('the reply form refuses an administrator named anyway, with the mutator’s code', () => {
    expect(replyProblem(meeting, 'sunlei', users, { response: 'substitute', substituteId: 'secadmin' }, NOW)).toBe('meeting.invalid_substitute');
    expect(replyProblem(meeting, 'sunlei', users, { response: 'substitute', substituteId: 'zhaomin' }, NOW)).toBeNull();
  });
});

describe('what a person on the list is told has changed', () => {
  // Issued for 5 March 14:00–16:00; moved on the 2nd to 6 March, 赵敏 named by 孙磊 on the 3rd,
  // then moved again on the 4th to 7 March.
  const first = moved('2026-03-02T02:00:00.000Z', '2026-03-05T06:00:00.000Z', '2026-03-05T08:00:00.000Z');
  const second = moved('2026-03-04T02:00:00.000Z', '2026-03-06T06:00:00.000Z', '2026-03-06T08:00:00.000Z');
  const zhaomin = substitute('zhaomin', 'sunlei', '2026-03-03T02:00:00.000Z');
  const onceMoved = withAttendees([person('wangqiang'), person('sunlei'), zhaomin], {
    startAt: '2026-03-06T06:00:00.000Z',
    endAt: '2026-03-06T08:00:00.000Z',
    scheduleRevision: 2,
    changes: [first],
  });

  it('a substitute named after a reschedule hears of no move from a time they never had', () => {
    expect(timeChangeSince(onceMoved, revisionSeen(onceMoved, zhaomin, null))).toBeNull();
    // Someone invited from the start who never answered: moved from the time as issued.
    expect(timeChangeSince(onceMoved, revisionSeen(onceMoved, person('wangqiang'), null))).toMatchObject({ fromStartAt: first.previousStartAt });
  });

  it('a move after they were named is announced, from the time they were named for', () => {
    const twiceMoved: Meeting = { ...onceMoved, startAt: '2026-03-07T06:00:00.000Z', endAt: '2026-03-07T08:00:00.000Z', scheduleRevision: 3, changes: [first, second] };
    expect(timeChangeSince(twiceMoved, revisionSeen(twiceMoved, zhaomin, null))).toMatchObject({ fromStartAt: '2026-03-06T06:00:00.000Z', change: second });
    // 王强 answered for the original time: his move is from 5 March.
    const wang = replyDoc(twiceMoved, 'wangqiang', { scheduleRevision: 1 });
    expect(timeChangeSince(twiceMoved, revisionSeen(twiceMoved, person('wangqiang'), wang))).toMatchObject({ fromStartAt: '2026-03-05T06:00:00.000Z' });
  });

  it('a change of room before they were named, or before they last answered, is no news', () => {
    const room = relocated('2026-03-02T03:00:00.000Z', '二楼小会议室');
    const meeting = withAttendees([person('wangqiang'), person('sunlei'), zhaomin], { changes: [room] });
    expect(relocationToAnnounce(meeting, zhaomin, null)).toBeNull();
    expect(relocationToAnnounce(meeting, person('wangqiang'), null)).toBe(room);
    // Answered on their device after the move (even if it reached the server later): seen.
    expect(relocationToAnnounce(meeting, person('wangqiang'), replyDoc(meeting, 'wangqiang', { actedAt: '2026-03-02T04:00:00.000Z' }))).toBeNull();
    expect(relocationToAnnounce(meeting, person('wangqiang'), replyDoc(meeting, 'wangqiang', { actedAt: '2026-03-02T01:00:00.000Z' }))).toBe(room);
    // The organizer always sees the latest move.
    expect(relocationToAnnounce(meeting, null, null)).toBe(room);
  });
});

describe('the receipt note', () => {
  it('joins the substitute named and the remark the way each language writes it', () => {
    const meeting = withAttendees([person('sunlei'), substitute('zhaomin', 'sunlei', ISSUED)]);
    const replies = [replyDoc(meeting, 'sunlei', { response: 'substitute', substituteId: 'zhaomin', reason: '出差在外' })];
    const line = receiptLines(meeting, replies, directory, []).find((l) => l.attendee.userId === 'sunlei')!;
    expect(replyNote(createI18n('zh-CN').t, line)).toBe('委派 赵敏；出差在外');
    expect(replyNote(createI18n('en').t, line)).toBe('Sends 赵敏; 出差在外');
    expect(replyNote(createI18n('es').t, line)).toBe('Envía a 赵敏; 出差在外');
  });
});
