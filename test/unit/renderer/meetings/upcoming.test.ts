// The menu badge of notices waiting for an answer reads only the notices not over yet (through
// the endAt index) and the user's replies to them, however many years of notices the device holds.
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { BureauDb, loadUpcomingMeetings, meetingsEndingAfter } from '../../../../renderer/db';
import { groupMeetings } from '../../../../renderer/features/meetings/meetingView';
import type { Attendee, Meeting } from '../../../../shared/domain/meeting';
import { meetingDoc, replyDoc } from './fixtures';

let counter = 0;
let db: BureauDb | undefined;
afterEach(() => db?.close());

function openDb(): BureauDb {
  db = new BureauDb(`meetings-upcoming-${++counter}`, { indexedDB: new IDBFactory(), IDBKeyRange });
  return db;
}

const NOW = '2026-03-05T01:00:00.000Z';
const wang: Attendee = { userId: 'wangqiang', via: 'person', departmentId: null, substituteFor: null, addedAt: '2020-01-01T00:00:00.000Z' };

function notice(id: string, startAt: string, endAt: string, patch: Partial<Meeting> = {}): Meeting {
  return meetingDoc({ id, startAt, endAt, attendees: [wang], attendeeIds: ['wangqiang'], replyDeadline: null, createdAt: '2020-01-01T00:00:00.000Z', updatedAt: '2020-01-01T00:00:00.000Z', ...patch });
}

describe('the notices still to come', () => {
  it('are the ones not over yet, with the user’s own replies, among years of past notices', async () => {
    const local = openDb();
    // Three years of weekly meetings, all over, every one answered.
    const past = Array.from({ length: 150 }, (_, i) => notice(`past-${i}`, new Date(Date.parse('2023-03-01T06:00:00.000Z') + i * 7 * 86_400_000).toISOString(), new Date(Date.parse('2023-03-01T08:00:00.000Z') + i * 7 * 86_400_000).toISOString()));
    const answered = notice('answered', '2026-03-06T06:00:00.000Z', '2026-03-06T08:00:00.000Z');
    const open = notice('open', '2026-03-09T06:00:00.000Z', '2026-03-09T08:00:00.000Z');
    const running = notice('running', '2026-03-05T00:30:00.000Z', '2026-03-05T02:00:00.000Z');
    await local.meetings.bulkPut([...past, answered, open, running]);
    await local.meetingReplies.bulkPut([...past.map((m) => replyDoc(m, 'wangqiang')), replyDoc(answered, 'wangqiang'), replyDoc(answered, 'chenjing')]);

    const upcoming = await loadUpcomingMeetings({ db: local, userId: 'wangqiang' }, NOW);
    expect(upcoming.meetings.map((m) => m.id)).toEqual(['running', 'answered', 'open']);
    expect([...upcoming.myReplies.keys()]).toEqual(['answered']);
    expect(upcoming.myReplies.get('answered')?.userId).toBe('wangqiang');

    // The badge: the running meeting and the open one wait for his answer.
    const waiting = (now: string) => groupMeetings(upcoming.meetings, upcoming.myReplies, 'wangqiang', now).toAnswer.filter((i) => i.needsAnswer).map((i) => i.meeting.id);
    expect(waiting(NOW)).toEqual(['running', 'open']);
    // Once the running one ends, the badge counts one.
    const later = '2026-03-05T02:00:00.000Z';
    expect((await loadUpcomingMeetings({ db: local, userId: 'wangqiang' }, later)).meetings.map((m) => m.id)).toEqual(['answered', 'open']);
  });

  it('compares the instants, not their spelling: an end written with an offset counts at its real time', async () => {
    const local = openDb();
    // Ends 09:30 agency time = 01:30 UTC, though '…T09:30…+08:00' sorts after '…T01:45…Z' as text.
    await local.meetings.put(notice('offset', '2026-03-05T08:00:00+08:00', '2026-03-05T09:30:00+08:00'));
    expect((await meetingsEndingAfter(local, 'wangqiang', '2026-03-05T01:00:00.000Z')).map((m) => m.id)).toEqual(['offset']);
    expect(await meetingsEndingAfter(local, 'wangqiang', '2026-03-05T01:45:00.000Z')).toEqual([]);
    // And one ending at 17:00 agency time is still to come at 16:00 agency time (08:00 UTC).
    await local.meetings.put(notice('late', '2026-03-05T16:00:00+08:00', '2026-03-05T17:00:00+08:00'));
    expect((await meetingsEndingAfter(local, 'wangqiang', '2026-03-05T08:00:00.000Z')).map((m) => m.id)).toEqual(['late']);
  });
});
