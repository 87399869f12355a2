// The organizer's receipt table: one row per person on the notice, what they replied, whether an
// "attending" still holds after the time changed, the totals, and whom a reminder goes to.
import { describe, expect, it } from 'vitest';
import type { Attendee, Meeting, MeetingReply, ReplyResponse } from '../../../../shared/domain/meeting';
import { meetingReplyId, meetingReplySchema } from '../../../../shared/domain/meeting';
import { awaitingReply, receiptTable, receiptTotals, replyState } from '../../../../shared/meetings/receipts';

const ADDED = '2026-03-01T02:00:00.000Z';
const person = (userId: string, addedAt = ADDED): Attendee => ({ userId, via: 'person', departmentId: null, substituteFor: null, addedAt });
const member = (userId: string, departmentId: string): Attendee => ({ userId, via: 'department', departmentId, substituteFor: null, addedAt: ADDED });
const substitute = (userId: string, forId: string): Attendee => ({ userId, via: 'substitute', departmentId: null, substituteFor: forId, addedAt: ADDED });

function reply(userId: string, response: ReplyResponse, scheduleRevision = 1, extra: Partial<MeetingReply> = {}): MeetingReply {
  return meetingReplySchema.parse({
    id: meetingReplyId('mtg-1', userId),
    meetingId: 'mtg-1',
    userId,
    organizerId: 'lina',
    response,
    reason: response === 'absent' ? '外出办案' : '',
    substituteId: response === 'substitute' ? 'sunlei' : null,
    substituteFor: null,
    scheduleRevision,
    late: false,
    repliedAt: '2026-03-02T02:00:00.000Z',
    actedAt: '2026-03-02T02:00:00.000Z',
    history: [],
    ...extra,
  });
}

type Roster = Pick<Meeting, 'attendees' | 'scheduleRevision'>;
const roster = (scheduleRevision = 1): Roster => ({
  attendees: [person('wangqiang'), member('zhaomin', 'general'), person('chenjing'), person('liuyang'), substitute('sunlei', 'liuyang')],
  scheduleRevision,
});

describe('replyState', () => {
  it('is no_reply without a reply, and the reply given otherwise', () => {
    const m = roster();
    expect(replyState(m, null)).toBe('no_reply');
    expect(replyState(m, undefined)).toBe('no_reply');
    expect(replyState(m, reply('wangqiang', 'attending'))).toBe('attending');
    // Removed from the notice and invited again after answering: that answer no longer counts.
    const again = { ...m, attendees: [person('wangqiang', '2026-03-03T00:00:00.000Z')] };
    expect(replyState(again, reply('wangqiang', 'attending'))).toBe('no_reply');
    expect(replyState(again, reply('wangqiang', 'absent', 1, { repliedAt: '2026-03-03T01:00:00.000Z' }))).toBe('absent');
    expect(replyState(m, reply('wangqiang', 'absent'))).toBe('absent');
    expect(replyState(m, reply('wangqiang', 'substitute'))).toBe('substitute');
  });

  it('asks for confirmation again of an "attending" given before a reschedule, and only of that', () => {
    const moved = roster(2);
    expect(replyState(moved, reply('wangqiang', 'attending', 1))).toBe('needs_reconfirm');
    expect(replyState(moved, reply('wangqiang', 'attending', 2))).toBe('attending');
    // Absent or sending someone stands whatever the time.
    expect(replyState(moved, reply('wangqiang', 'absent', 1))).toBe('absent');
    expect(replyState(moved, reply('wangqiang', 'substitute', 1))).toBe('substitute');
  });
});

describe('receiptTable and receiptTotals', () => {
  it('lists everyone on the notice in order, with their reply, and counts each state', () => {
    const replies = [reply('chenjing', 'absent'), reply('wangqiang', 'attending'), reply('liuyang', 'substitute')];
    const rows = receiptTable(roster(), replies);
    expect(rows.map((r) => [r.attendee.userId, r.state])).toEqual([
      ['wangqiang', 'attending'],
      ['zhaomin', 'no_reply'],
      ['chenjing', 'absent'],
      ['liuyang', 'substitute'],
      ['sunlei', 'no_reply'],
    ]);
    expect(rows[2]?.reply?.reason).toBe('外出办案');
    expect(rows[4]?.attendee).toEqual(substitute('sunlei', 'liuyang'));
    expect(receiptTotals(rows)).toEqual({ attending: 1, absent: 1, substitute: 1, no_reply: 2, needs_reconfirm: 0, total: 5 });
  });

  it('after a reschedule, counts the earlier "attending" as waiting for confirmation', () => {
    const replies = [reply('wangqiang', 'attending', 1), reply('zhaomin', 'attending', 2), reply('chenjing', 'absent', 1), reply('sunlei', 'attending', 1)];
    const rows = receiptTable(roster(2), replies);
    expect(rows.map((r) => r.state)).toEqual(['needs_reconfirm', 'attending', 'absent', 'no_reply', 'needs_reconfirm']);
    expect(receiptTotals(rows)).toEqual({ attending: 1, absent: 1, substitute: 0, no_reply: 1, needs_reconfirm: 2, total: 5 });
  });

  it('leaves out the reply of someone no longer on the notice (a substitute replaced)', () => {
    const rows = receiptTable({ attendees: [person('liuyang')], scheduleRevision: 1 }, [reply('liuyang', 'attending'), reply('sunlei', 'attending')]);
    expect(rows.map((r) => r.attendee.userId)).toEqual(['liuyang']);
    expect(receiptTotals(rows).total).toBe(1);
  });

  it('counts nothing for an empty table', () => {
    expect(receiptTotals([])).toEqual({ attending: 0, absent: 0, substitute: 0, no_reply: 0, needs_reconfirm: 0, total: 0 });
  });
});

describe('awaitingReply', () => {
  it('is everyone who has not replied and everyone whose "attending" predates the new time', () => {
    const replies = [reply('wangqiang', 'attending', 1), reply('zhaomin', 'attending', 2), reply('chenjing', 'absent', 1), reply('liuyang', 'substitute', 1)];
    expect(awaitingReply(roster(2), replies)).toEqual(['wangqiang', 'sunlei']);
    expect(awaitingReply(roster(1), replies)).toEqual(['sunlei']);
  });

  it('is nobody once everyone has answered for the current time', () => {
    const replies = ['wangqiang', 'zhaomin', 'chenjing', 'liuyang', 'sunlei'].map((id) => reply(id, 'attending', 3));
    expect(awaitingReply(roster(3), replies)).toEqual([]);
  });
});
