// The notices list and an attendee's view of a notice: which tab each notice is in and in what
// order, what to announce after a reschedule, and the reply form's checks, which refuse what
// meeting.reply refuses with the same codes.
import { describe, expect, it } from 'vitest';
import type { Meeting, MeetingChange } from '../../../../shared/domain/meeting';
import { MutationRejected, runMutator } from '../../../../shared/mutators';
import { defaultTab, groupMeetings, replyProblem, substituteCandidates, timeChangeSince, type ReplyDraft } from '../../../../renderer/features/meetings/meetingView';
import { demoTx, demoUsers } from '../../shared/fixtures/demoAgency';
import { meetingDoc as meeting, replyDoc as reply } from './fixtures';

const NOW = '2026-03-02T01:00:00.000Z';
const users = new Map(demoUsers.map((u) => [u.id, u]));

const reschedule = (from: string, to: string, at: string): MeetingChange => ({ at, kind: 'rescheduled', previousStartAt: from, previousEndAt: to, previousLocation: null, note: null });

describe('the notices list', () => {
  it('puts the invitations waiting for an answer first, then the rest by start; over and cancelled ones apart', () => {
    const answered = meeting({ id: 'answered', startAt: '2026-03-03T06:00:00.000Z', endAt: '2026-03-03T07:00:00.000Z' });
    const open = meeting({ id: 'open', startAt: '2026-03-10T06:00:00.000Z', endAt: '2026-03-10T07:00:00.000Z' });
    // "Attending" for a time that has since changed waits for an answer again.
    const moved = meeting({ id: 'moved', scheduleRevision: 2, changes: [reschedule('2026-03-04T06:00:00.000Z', '2026-03-04T07:00:00.000Z', NOW)] });
    const over = meeting({ id: 'over', startAt: '2026-02-20T06:00:00.000Z', endAt: '2026-02-20T07:00:00.000Z' });
    const cancelled = meeting({ id: 'cancelled', status: 'cancelled', startAt: '2026-03-20T06:00:00.000Z', endAt: '2026-03-20T07:00:00.000Z' });
    const mine = meeting({ id: 'mine', organizerId: 'wangqiang', attendees: [], attendeeIds: [] });
    const replies = new Map([
      ['answered', reply(answered, 'wangqiang')],
      ['moved', reply(moved, 'wangqiang', { scheduleRevision: 1 })],
    ]);
    const groups = groupMeetings([answered, open, moved, over, cancelled, mine], replies, 'wangqiang', NOW);
    expect(groups.toAnswer.map((i) => [i.meeting.id, i.myState, i.needsAnswer])).toEqual([
      ['moved', 'needs_reconfirm', true],
      ['open', 'no_reply', true],
      ['answered', 'attending', false],
    ]);
    expect(groups.organized.map((i) => i.meeting.id)).toEqual(['mine']);
    expect(groups.past.map((i) => i.meeting.id)).toEqual(['cancelled', 'over']);
    expect(defaultTab(groups)).toBe('toAnswer');
    expect(defaultTab(groupMeetings([mine], new Map(), 'wangqiang', NOW))).toBe('organized');
  });
});

describe('announcing a reschedule', () => {
  const first = reschedule('2026-03-05T06:00:00.000Z', '2026-03-05T08:00:00.000Z', '2026-03-02T02:00:00.000Z');
  const second = reschedule('2026-03-06T06:00:00.000Z', '2026-03-06T08:00:00.000Z', '2026-03-02T03:00:00.000Z');
  const twice = meeting({ scheduleRevision: 3, startAt: '2026-03-07T06:00:00.000Z', endAt: '2026-03-07T08:00:00.000Z', changes: [first, second] });

  it('tells each person the move from the time they answered for', () => {
    expect(timeChangeSince(twice, 1)?.fromStartAt).toBe('2026-03-05T06:00:00.000Z');
    expect(timeChangeSince(twice, 2)?.fromStartAt).toBe('2026-03-06T06:00:00.000Z');
    expect(timeChangeSince(twice, 3)).toBeNull();
    // Never answered: from the time first announced.
    expect(timeChangeSince(twice, 0)?.fromStartAt).toBe('2026-03-05T06:00:00.000Z');
    expect(timeChangeSince(meeting(), 0)).toBeNull();
  });
});

describe('the reply form', () => {
  /** What meeting.reply says: 'ok' or its reason code. */
  async function mutatorVerdict(m: Meeting, actorId: string, draft: ReplyDraft, now = NOW): Promise<string> {
    const tx = demoTx();
    tx.seedDoc('meetings', m);
    try {
      await runMutator('meeting.reply', { meetingId: m.id, response: draft.response, reason: draft.reason ?? '', substituteId: draft.substituteId ?? null }, { tx, actorId, now });
      return 'ok';
    } catch (err) {
      if (err instanceof MutationRejected) return err.code;
      throw err;
    }
  }

  const withSubstitute = meeting({
    attendees: [...meeting().attendees, { userId: 'zhaomin', via: 'substitute', departmentId: null, substituteFor: 'sunlei', addedAt: '2026-03-01T02:00:00.000Z' }],
    attendeeIds: [...meeting().attendeeIds, 'zhaomin'],
  });
  const cases: Array<[string, Meeting, string, ReplyDraft, string?]> = [
    ['attending', meeting(), 'wangqiang', { response: 'attending' }],
    ['absent with a reason', meeting(), 'chenjing', { response: 'absent', reason: '外出调研' }],
    ['absent without a reason', meeting(), 'chenjing', { response: 'absent', reason: '  ' }],
    ['a substitute not on the list', meeting(), 'sunlei', { response: 'substitute', substituteId: 'zhaomin' }],
    ['a substitute already invited', meeting(), 'sunlei', { response: 'substitute', substituteId: 'liuyang' }],
    ['the organizer as substitute', meeting(), 'sunlei', { response: 'substitute', substituteId: 'lina' }],
    ['oneself as substitute', meeting(), 'sunlei', { response: 'substitute', substituteId: 'sunlei' }],
    ['no substitute named', meeting(), 'sunlei', { response: 'substitute', substituteId: null }],
    ['a substitute when none are allowed', meeting({ substituteAllowed: false }), 'sunlei', { response: 'substitute', substituteId: 'zhaomin' }],
    ['a substitute sending another', withSubstitute, 'zhaomin', { response: 'substitute', substituteId: 'wangqiang' }],
    ['the same substitute again', withSubstitute, 'sunlei', { response: 'substitute', substituteId: 'zhaomin' }],
    ['someone not invited', meeting(), 'zhouting', { response: 'attending' }],
    ['a cancelled meeting', meeting({ status: 'cancelled' }), 'wangqiang', { response: 'attending' }],
    ['a meeting that is over', meeting(), 'wangqiang', { response: 'attending' }, '2026-03-06T01:00:00.000Z'],
  ];

  it.each(cases)('refuses exactly what meeting.reply refuses, with its code: %s', async (_name, m, userId, draft, now = NOW) => {
    expect(replyProblem(m, userId, users, draft, now) ?? 'ok').toBe(await mutatorVerdict(m, userId, draft, now));
  });

  it('offers as substitutes the active colleagues not on the list, never the organizer or oneself', () => {
    const ids = substituteCandidates(meeting(), demoUsers, 'sunlei').map((u) => u.id);
    expect(ids).toContain('zhaomin');
    expect(ids).toContain('zhouting');
    expect(ids).not.toContain('sunlei');
    expect(ids).not.toContain('lina');
    expect(ids).not.toContain('liuyang');
    expect(ids).not.toContain('wangqiang');
    // One's own substitute stays on offer (to keep them).
    expect(substituteCandidates(withSubstitute, demoUsers, 'sunlei').map((u) => u.id)).toContain('zhaomin');
    expect(substituteCandidates(withSubstitute, demoUsers, 'chenjing').map((u) => u.id)).not.toContain('zhaomin');
  });
});
