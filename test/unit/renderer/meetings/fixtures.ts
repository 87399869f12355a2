// A stored notice and stored replies, as a device holds them after a sync, for tests that need
// them as data (not made by a mutator): lina's meeting on Thursday 5 March 2026, 14:00–16:00 in
// the agency, with wangqiang invited by name and the whole 业务处 (陈静, 刘洋, 孙磊).
import { meetingReplyId, type Meeting, type MeetingReply } from '../../../../shared/domain/meeting';

export function meetingDoc(patch: Partial<Meeting> = {}): Meeting {
  return {
    id: 'mtg-1',
    organizerId: 'lina',
    title: '第一季度工作部署会',
    startAt: '2026-03-05T06:00:00.000Z',
    endAt: '2026-03-05T08:00:00.000Z',
    location: '三楼第一会议室',
    agenda: '',
    attachments: [],
    invitedUserIds: ['wangqiang'],
    invitedDepartmentIds: ['business'],
    attendees: [
      { userId: 'wangqiang', via: 'person', departmentId: null, substituteFor: null, addedAt: '2026-03-01T01:00:00.000Z' },
      { userId: 'chenjing', via: 'department', departmentId: 'business', substituteFor: null, addedAt: '2026-03-01T01:00:00.000Z' },
      { userId: 'liuyang', via: 'department', departmentId: 'business', substituteFor: null, addedAt: '2026-03-01T01:00:00.000Z' },
      { userId: 'sunlei', via: 'department', departmentId: 'business', substituteFor: null, addedAt: '2026-03-01T01:00:00.000Z' },
    ],
    attendeeIds: ['wangqiang', 'chenjing', 'liuyang', 'sunlei'],
    replyDeadline: '2026-03-04T10:00:00.000Z',
    substituteAllowed: true,
    status: 'scheduled',
    scheduleRevision: 1,
    changes: [],
    reminders: [],
    cancelReason: null,
    createdAt: '2026-03-01T01:00:00.000Z',
    updatedAt: '2026-03-01T01:00:00.000Z',
    ...patch,
  };
}

/** `userId`'s reply to `m`: attending its current time, given on Monday 2 March at 09:00. */
export function replyDoc(m: Meeting, userId: string, patch: Partial<MeetingReply> = {}): MeetingReply {
  return {
    id: meetingReplyId(m.id, userId),
    meetingId: m.id,
    userId,
    organizerId: m.organizerId,
    response: 'attending',
    reason: '',
    substituteId: null,
    substituteFor: null,
    scheduleRevision: m.scheduleRevision,
    late: false,
    repliedAt: '2026-03-02T01:00:00.000Z',
    actedAt: patch.repliedAt ?? '2026-03-02T01:00:00.000Z',
    history: [],
    ...patch,
  };
}
