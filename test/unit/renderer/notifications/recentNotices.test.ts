// Meeting notifications and reminders come from the recent notices only (ended in the last 30
// days; for reminders, not before yesterday), with the replies to those notices and the leave of
// their people: a device holding years of notices reads a few weeks' worth.
import { describe, expect, it } from 'vitest';
import { loadMeetingReminderSources, loadNoticeNotificationSources, NOTICE_NOTIFICATION_DAYS } from '../../../../renderer/db/hooks/notificationsMeetings';
import type { Absence, Attendee, Meeting } from '../../../../shared/domain/meeting';
import { meetingDoc, replyDoc } from '../meetings/fixtures';
import { bell, openDevice } from './fixtures';

const person = (userId: string): Attendee => ({ userId, via: 'person', departmentId: null, substituteFor: null, addedAt: '2026-01-01T00:00:00.000Z' });

function notice(id: string, day: string, people: string[]): Meeting {
  return meetingDoc({
    id,
    startAt: `${day}T06:00:00.000Z`,
    endAt: `${day}T08:00:00.000Z`,
    attendees: people.map(person),
    attendeeIds: people,
    replyDeadline: null,
    createdAt: '2026-01-02T01:00:00.000Z',
    updatedAt: '2026-01-02T01:00:00.000Z',
  });
}

const absence = (userId: string, day: string): Absence => ({ id: `ab-${userId}-${day}`, userId, leaveRequestId: `l-${userId}-${day}`, startDate: day, startHalf: 'am', endDate: day, endHalf: 'pm', active: true, updatedAt: '2026-02-01T01:00:00.000Z' });

// Today is 20 April 2026 (agency date): 30 days back is 21 March.
const TODAY = '2026-04-20';
const NOON = '2026-04-20T04:00:00.000Z';

describe('notifications of meeting notices', () => {
  it('come from the notices ended in the last 30 days; older ones, their replies and their people’s leave are left alone', async () => {
    expect(NOTICE_NOTIFICATION_DAYS).toBe(30);
    const lina = openDevice('lina');
    const old = notice('old', '2026-03-05', ['wangqiang', 'sunlei']);
    const edge = notice('edge', '2026-03-21', ['wangqiang']);
    const recent = notice('recent', '2026-04-10', ['wangqiang', 'chenjing']);
    await lina.db.meetings.bulkPut([old, edge, recent]);
    await lina.db.meetingReplies.bulkPut([
      replyDoc(old, 'sunlei', { response: 'absent', reason: '外出', repliedAt: '2026-03-03T01:00:00.000Z', history: [{ at: '2026-03-03T01:00:00.000Z', response: 'absent', substituteId: null, scheduleRevision: 1 }] }),
      replyDoc(recent, 'chenjing', { response: 'absent', reason: '培训', repliedAt: '2026-04-08T01:00:00.000Z', history: [{ at: '2026-04-08T01:00:00.000Z', response: 'absent', substituteId: null, scheduleRevision: 1 }] }),
    ]);
    await lina.db.absences.bulkPut([absence('sunlei', '2026-03-05'), absence('chenjing', '2026-04-10')]);

    const sources = await loadNoticeNotificationSources(lina, TODAY);
    expect(sources.organized.map((m) => m.id).sort()).toEqual(['edge', 'recent']);
    expect(sources.replies.map((r) => r.meetingId)).toEqual(['recent']);
    expect(sources.absences.map((a) => a.userId)).toEqual(['chenjing']);

    // In the bell: 陈静's reply to the recent notice, nothing of the one in March.
    const items = await bell(lina, NOON);
    const about = (id: string) => items.filter((i) => i.requestId === id).map((i) => i.kind);
    expect(about('recent')).toContain('meeting_reply');
    expect(about('old')).toEqual([]);
  });

  it('the reminder before a meeting reads the notices not over before yesterday, and the user’s own replies to them', async () => {
    const wang = openDevice('wangqiang');
    const lastWeek = notice('last-week', '2026-04-13', ['wangqiang', 'chenjing']);
    const tomorrow = notice('tomorrow', '2026-04-21', ['wangqiang', 'chenjing']);
    await wang.db.meetings.bulkPut([lastWeek, tomorrow]);
    await wang.db.meetingReplies.bulkPut([replyDoc(lastWeek, 'wangqiang'), replyDoc(tomorrow, 'wangqiang'), replyDoc(tomorrow, 'chenjing')]);

    const sources = await loadMeetingReminderSources(wang, TODAY);
    expect(sources.meetings.map((m) => m.id)).toEqual(['tomorrow']);
    expect(sources.replies.map((r) => [r.meetingId, r.userId])).toEqual([['tomorrow', 'wangqiang']]);
  });
});
