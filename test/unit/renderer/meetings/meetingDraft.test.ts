// The notice editor's checks agree with the mutators: each draft the editor refuses is refused
// by meeting.issue with the same reason code, each draft it accepts is issued, and the people it
// counts are the people the notice reaches. An edit that leaves the time alone is never a
// reschedule, however the stored time was spelt.
import { describe, expect, it } from 'vitest';
import type { Meeting } from '../../../../shared/domain/meeting';
import { MutationRejected, runMutator } from '../../../../shared/mutators';
import { draftArgs, draftFromMeeting, draftInstants, draftProblems, EMPTY_DRAFT, resolveAttendees, type Directory, type MeetingDraft } from '../../../../renderer/features/meetings/meetingDraft';
import { demoDepartments, demoTx, demoUsers } from '../../shared/fixtures/demoAgency';

/** Monday 2 March 2026, 09:00 in the agency. */
const NOW = '2026-03-02T01:00:00.000Z';

function directory(changes: Record<string, { active?: boolean }> = {}): Directory {
  return {
    users: new Map(demoUsers.map((u) => [u.id, { ...u, ...changes[u.id] }])),
    departments: new Map(demoDepartments.map((d) => [d.id, d])),
  };
}

function draft(patch: Partial<MeetingDraft> = {}): MeetingDraft {
  return {
    ...EMPTY_DRAFT,
    title: '第一季度工作部署会',
    startDate: '2026-03-05',
    startTime: '14:00',
    endDate: '2026-03-05',
    endTime: '16:00',
    location: '三楼第一会议室',
    invitedUserIds: ['wangqiang'],
    invitedDepartmentIds: ['business'],
    deadlineDate: '2026-03-04',
    deadlineTime: '18:00',
    ...patch,
  };
}

/** What meeting.issue says about the draft: 'ok' or its reason code. */
async function mutatorVerdict(d: MeetingDraft, changes: Record<string, { active?: boolean }> = {}): Promise<string> {
  const tx = demoTx(changes);
  const instants = draftInstants(d);
  const args = {
    id: 'mtg-1',
    title: d.title,
    startAt: instants.startAt,
    endAt: instants.endAt,
    location: d.location,
    agenda: d.agenda,
    invitedUserIds: d.invitedUserIds,
    invitedDepartmentIds: d.invitedDepartmentIds,
    replyDeadline: instants.replyDeadline,
    substituteAllowed: d.substituteAllowed,
  };
  try {
    await runMutator('meeting.issue', args, { tx, actorId: 'lina', now: NOW });
    return 'ok';
  } catch (err) {
    if (err instanceof MutationRejected) return err.code;
    throw err;
  }
}

describe('the notice editor', () => {
  it('turns agency dates and times into instants, and leaves an unfinished deadline unfinished', () => {
    expect(draftInstants(draft())).toEqual({ startAt: '2026-03-05T06:00:00.000Z', endAt: '2026-03-05T08:00:00.000Z', replyDeadline: '2026-03-04T10:00:00.000Z' });
    expect(draftInstants(draft({ deadlineDate: undefined, deadlineTime: undefined })).replyDeadline).toBeNull();
    expect(draftInstants(draft({ deadlineTime: undefined })).replyDeadline).toBe('incomplete');
    expect(draftInstants(draft({ startTime: '25:00' })).startAt).toBeNull();
  });

  const cases: Array<[string, Partial<MeetingDraft>, Record<string, { active?: boolean }>?]> = [
    ['a complete notice', {}],
    ['a blank title', { title: '   ' }],
    ['an end before the start', { endTime: '13:00' }],
    ['an end equal to the start', { endTime: '14:00' }],
    ['a meeting already over', { startDate: '2026-03-01', endDate: '2026-03-01', deadlineDate: undefined, deadlineTime: undefined }],
    ['a deadline after the start', { deadlineDate: '2026-03-05', deadlineTime: '15:00' }],
    ['nobody invited', { invitedUserIds: [], invitedDepartmentIds: [] }],
    ['only the organizer invited', { invitedUserIds: ['lina'], invitedDepartmentIds: [] }],
    ['a person who left', { invitedUserIds: ['wangqiang'] }, { wangqiang: { active: false } }],
    ['an unknown department', { invitedDepartmentIds: ['nowhere'] }],
  ];

  it.each(cases)('refuses exactly what meeting.issue refuses, with its code: %s', async (_name, patch, changes = {}) => {
    const d = draft(patch);
    const first = draftProblems(d, directory(changes), 'lina', NOW)[0]?.code ?? 'ok';
    expect(first).toBe(await mutatorVerdict(d, changes));
  });

  it('points each refusal at the field to correct', () => {
    const problems = draftProblems(draft({ title: '', endTime: '13:00', deadlineDate: '2026-03-06', invitedUserIds: [], invitedDepartmentIds: [] }), directory(), 'lina', NOW);
    expect(problems.map((p) => [p.field, p.code])).toEqual([
      ['title', 'meeting.title_required'],
      ['end', 'meeting.invalid_time'],
      ['deadline', 'meeting.deadline_after_start'],
      ['attendees', 'meeting.no_attendees'],
    ]);
  });

  it('counts the people meeting.issue puts on the list: departments with their members, never the organizer', async () => {
    const tx = demoTx();
    // The whole agency: every department below it, the organizer (李娜) left out.
    const d = draft({ invitedUserIds: ['wangqiang', 'lina'], invitedDepartmentIds: ['agency', 'business'] });
    const resolved = resolveAttendees(directory(), 'lina', d.invitedUserIds, d.invitedDepartmentIds, [], NOW);
    const instants = draftInstants(d);
    await runMutator(
      'meeting.issue',
      { id: 'mtg-1', title: d.title, startAt: instants.startAt, endAt: instants.endAt, location: '', agenda: '', invitedUserIds: d.invitedUserIds, invitedDepartmentIds: d.invitedDepartmentIds, replyDeadline: null, substituteAllowed: true },
      { tx, actorId: 'lina', now: NOW },
    );
    const issued = tx.all('meetings')[0];
    expect(resolved.ok && resolved.attendees).toEqual(issued?.attendees);
    const ids = resolved.ok ? resolved.attendees.map((a) => a.userId) : [];
    expect(ids).toContain('sunlei');
    expect(ids).toContain('zhouting');
    expect(ids).not.toContain('lina');
    // The separated administrators sit in the agency's department but are not its staff.
    expect(ids).not.toContain('admin');
    expect(resolved.ok && resolved.attendees.find((a) => a.userId === 'wangqiang')?.via).toBe('person');
  });

  it('keeps a substitute on the list while the person who sent them is still invited', () => {
    const previous = [{ userId: 'zhaomin', via: 'substitute' as const, departmentId: null, substituteFor: 'sunlei', addedAt: '2026-03-01T02:00:00.000Z' }];
    const kept = resolveAttendees(directory(), 'lina', [], ['business'], previous);
    expect(kept.ok && kept.attendees.map((a) => a.userId)).toEqual(['chenjing', 'liuyang', 'sunlei', 'zhaomin']);
    const dropped = resolveAttendees(directory(), 'lina', ['wangqiang'], [], previous);
    expect(dropped.ok && dropped.attendees.map((a) => a.userId)).toEqual(['wangqiang']);
  });

  it('sends a time left alone exactly as stored, so editing the agenda is not a reschedule', async () => {
    const tx = demoTx();
    // Issued elsewhere with the time spelt in agency time (as the demo seed does).
    await runMutator(
      'meeting.issue',
      { id: 'mtg-1', title: '部署会', startAt: '2026-03-05T14:00:00+08:00', endAt: '2026-03-05T16:00:00+08:00', location: '三楼', agenda: '', invitedUserIds: ['wangqiang'], invitedDepartmentIds: [], replyDeadline: '2026-03-04T18:00:00+08:00', substituteAllowed: true },
      { tx, actorId: 'lina', now: NOW },
    );
    const stored = tx.all('meetings')[0] as Meeting;
    const args = draftArgs({ ...draftFromMeeting(stored), agenda: '一、通报工作', note: '补充议程' }, stored.id, stored);
    expect(args?.startAt).toBe(stored.startAt);
    expect(args?.replyDeadline).toBe(stored.replyDeadline);
    await runMutator('meeting.update', args, { tx, actorId: 'lina', now: NOW });
    const edited = tx.all('meetings')[0] as Meeting;
    expect(edited.scheduleRevision).toBe(1);
    expect(edited.changes.map((c) => c.kind)).toEqual(['updated']);

    // A new time is a reschedule, recorded with the old one.
    const moved = draftArgs({ ...draftFromMeeting(edited), startTime: '15:00', endTime: '17:00' }, edited.id, edited);
    await runMutator('meeting.update', moved, { tx, actorId: 'lina', now: NOW });
    const rescheduled = tx.all('meetings')[0] as Meeting;
    expect(rescheduled.scheduleRevision).toBe(2);
    expect(rescheduled.startAt).toBe('2026-03-05T07:00:00.000Z');
    expect(Date.parse(rescheduled.changes[1]?.previousStartAt ?? '')).toBe(Date.parse('2026-03-05T14:00:00+08:00'));
  });

  it('gives no arguments while a time or the deadline is unfinished', () => {
    expect(draftArgs(draft({ endTime: undefined }), 'mtg-1', null)).toBeNull();
    expect(draftArgs(draft({ deadlineTime: undefined }), 'mtg-1', null)).toBeNull();
    expect(draftArgs(draft({ deadlineDate: undefined, deadlineTime: undefined }), 'mtg-1', null)?.replyDeadline).toBeNull();
  });
});
