// Leave conflicts: who is invited but on approved leave while the meeting runs. Leave is kept in
// half days (a morning 00:00–12:00, an afternoon 12:00–24:00 agency time, UTC+8), so the answer
// depends on which half of the day the leave and the meeting fall in.
import { describe, expect, it } from 'vitest';
import type { Absence } from '../../../../shared/domain/meeting';
import { absenceSchema } from '../../../../shared/domain/meeting';
import { absenceInterval, leaveConflicts, overlapsMeeting } from '../../../../shared/meetings/conflicts';
import { at } from '../../../support/meetingFixture';

const meetingAt = (date: string, from: string, to: string, endDate = date) => ({ startAt: at(date, from), endAt: at(endDate, to) });

let n = 0;
function absence(userId: string, startDate: string, startHalf: 'am' | 'pm', endDate: string, endHalf: 'am' | 'pm', active = true): Absence {
  n++;
  return absenceSchema.parse({ id: `ab-leave-${n}`, userId, leaveRequestId: `leave-${n}`, startDate, startHalf, endDate, endHalf, active, updatedAt: '2026-03-01T00:00:00.000Z' });
}

describe('half days', () => {
  // Thursday 5 March 2026, 14:00–15:30.
  const afternoonMeeting = meetingAt('2026-03-05', '14:00', '15:30');

  it('a 14:00 meeting conflicts with an afternoon off, not with a morning off', () => {
    expect(overlapsMeeting(absence('wangqiang', '2026-03-05', 'am', '2026-03-05', 'am'), afternoonMeeting)).toBe(false);
    expect(overlapsMeeting(absence('wangqiang', '2026-03-05', 'pm', '2026-03-05', 'pm'), afternoonMeeting)).toBe(true);
    expect(overlapsMeeting(absence('wangqiang', '2026-03-05', 'am', '2026-03-05', 'pm'), afternoonMeeting)).toBe(true);
  });

  it('a 09:00 meeting conflicts with a morning off, not with an afternoon off', () => {
    const morning = meetingAt('2026-03-05', '09:00', '11:00');
    expect(overlapsMeeting(absence('wangqiang', '2026-03-05', 'am', '2026-03-05', 'am'), morning)).toBe(true);
    expect(overlapsMeeting(absence('wangqiang', '2026-03-05', 'pm', '2026-03-05', 'pm'), morning)).toBe(false);
  });

  it('a meeting over lunch touches both halves; one ending at noon does not touch the afternoon', () => {
    const overLunch = meetingAt('2026-03-05', '11:30', '12:30');
    expect(overlapsMeeting(absence('wangqiang', '2026-03-05', 'am', '2026-03-05', 'am'), overLunch)).toBe(true);
    expect(overlapsMeeting(absence('wangqiang', '2026-03-05', 'pm', '2026-03-05', 'pm'), overLunch)).toBe(true);
    expect(overlapsMeeting(absence('wangqiang', '2026-03-05', 'pm', '2026-03-05', 'pm'), meetingAt('2026-03-05', '10:00', '12:00'))).toBe(false);
    expect(overlapsMeeting(absence('wangqiang', '2026-03-05', 'am', '2026-03-05', 'am'), meetingAt('2026-03-05', '12:00', '13:00'))).toBe(false);
  });

  it('covers exactly the agency-time half days', () => {
    const [start, end] = absenceInterval({ startDate: '2026-03-05', startHalf: 'pm', endDate: '2026-03-06', endHalf: 'am' });
    expect(new Date(start).toISOString()).toBe(at('2026-03-05', '12:00'));
    expect(new Date(end).toISOString()).toBe(at('2026-03-06', '12:00'));
  });
});

describe('several days', () => {
  // Monday 9 March in the morning to Wednesday 11 March at noon.
  const leave = absence('zhaomin', '2026-03-09', 'am', '2026-03-11', 'am');

  it('conflicts on every day in between', () => {
    expect(overlapsMeeting(leave, meetingAt('2026-03-09', '08:30', '09:00'))).toBe(true);
    expect(overlapsMeeting(leave, meetingAt('2026-03-10', '16:00', '17:30'))).toBe(true);
    expect(overlapsMeeting(leave, meetingAt('2026-03-11', '09:00', '10:00'))).toBe(true);
  });

  it('does not conflict after the last half day or before the first', () => {
    expect(overlapsMeeting(leave, meetingAt('2026-03-11', '14:00', '15:00'))).toBe(false);
    expect(overlapsMeeting(leave, meetingAt('2026-03-12', '09:00', '10:00'))).toBe(false);
    expect(overlapsMeeting(leave, meetingAt('2026-03-06', '16:00', '17:00'))).toBe(false);
  });

  it('conflicts with a meeting that starts before the leave and runs into it', () => {
    expect(overlapsMeeting(leave, meetingAt('2026-03-06', '16:00', '09:30', '2026-03-09'))).toBe(true);
  });
});

describe('a meeting across midnight (an overnight emergency duty meeting)', () => {
  // Tuesday 10 March 22:00 to Wednesday 11 March 01:00, agency time (14:00–17:00 UTC on the 10th).
  const overnight = meetingAt('2026-03-10', '22:00', '01:00', '2026-03-11');

  it('conflicts with a morning off the next day, and with the afternoon off the day before', () => {
    expect(overlapsMeeting(absence('sunlei', '2026-03-11', 'am', '2026-03-11', 'am'), overnight)).toBe(true);
    expect(overlapsMeeting(absence('sunlei', '2026-03-10', 'pm', '2026-03-10', 'pm'), overnight)).toBe(true);
  });

  it('does not conflict with the morning of the first day or the afternoon of the second', () => {
    expect(overlapsMeeting(absence('sunlei', '2026-03-10', 'am', '2026-03-10', 'am'), overnight)).toBe(false);
    expect(overlapsMeeting(absence('sunlei', '2026-03-11', 'pm', '2026-03-11', 'pm'), overnight)).toBe(false);
  });
});

describe('leaveConflicts', () => {
  const meeting = { ...meetingAt('2026-03-05', '14:00', '16:00'), attendeeIds: ['wangqiang', 'zhaomin', 'chenjing', 'sunlei'] };

  it('reports each invited person on approved leave once, and nobody else', () => {
    const absences = [
      absence('wangqiang', '2026-03-05', 'pm', '2026-03-06', 'pm'),
      absence('wangqiang', '2026-03-04', 'am', '2026-03-05', 'pm'),
      absence('zhaomin', '2026-03-05', 'am', '2026-03-05', 'am'),
      absence('chenjing', '2026-03-02', 'am', '2026-03-13', 'pm'),
      // On leave, but not invited.
      absence('liuyang', '2026-03-05', 'am', '2026-03-05', 'pm'),
    ];
    const conflicts = leaveConflicts(meeting, absences);
    expect(conflicts.map((c) => c.userId)).toEqual(['wangqiang', 'chenjing']);
    expect(conflicts[0]?.absence).toBe(absences[0]);
  });

  it('ignores leave that was cancelled or reported back before the meeting (inactive)', () => {
    const cancelled = absence('sunlei', '2026-03-05', 'am', '2026-03-05', 'pm', false);
    expect(overlapsMeeting(cancelled, meeting)).toBe(false);
    expect(leaveConflicts(meeting, [cancelled])).toEqual([]);
    // An inactive record does not hide an active one for the same person.
    const active = absence('sunlei', '2026-03-05', 'pm', '2026-03-05', 'pm');
    expect(leaveConflicts(meeting, [cancelled, active])).toEqual([{ userId: 'sunlei', absence: active }]);
  });

  it('reports a substitute added to the list like anyone invited', () => {
    const withSubstitute = { ...meeting, attendeeIds: [...meeting.attendeeIds, 'liuyang'] };
    expect(leaveConflicts(withSubstitute, [absence('liuyang', '2026-03-05', 'pm', '2026-03-05', 'pm')]).map((c) => c.userId)).toEqual(['liuyang']);
  });
});
