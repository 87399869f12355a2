// The meeting notice the in-memory tests share: lina (综合处处长) calls wangqiang and zhaomin to a
// meeting on Thursday 5 March 2026, 14:00–16:00, with replies by Wednesday 18:00 and substitutes
// allowed. Issued over the demo agency (see helpers.ts) at NOW, Monday 2 March 09:00.
import type { Meeting } from '../../../../shared/domain/meeting';
import { at } from '../../../support/meetingFixture';
import type { MemoryDocTx } from '../../../support/memoryDocTx';
import { agency, run, type AgencyOptions } from './helpers';

export const START = at('2026-03-05', '14:00');
export const END = at('2026-03-05', '16:00');
export const DEADLINE = at('2026-03-04', '18:00');

/** meeting.issue's arguments for the shared notice, with `overrides`. */
export function issueArgs(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: 'mtg-1',
    title: '第一季度工作部署会',
    startAt: START,
    endAt: END,
    location: '三楼第一会议室',
    agenda: '一、通报工作\n二、部署任务',
    invitedUserIds: ['wangqiang', 'zhaomin'],
    invitedDepartmentIds: [],
    replyDeadline: DEADLINE,
    substituteAllowed: true,
    ...overrides,
  };
}

/** The demo agency (without leave allocations unless asked) with the notice issued by lina. */
export async function issued(overrides: Record<string, unknown> = {}, options: AgencyOptions = { allocations: false }): Promise<MemoryDocTx> {
  const tx = await agency({}, options);
  await run(tx, 'lina', 'meeting.issue', issueArgs(overrides));
  return tx;
}

/** meeting.reply's arguments to the shared notice. */
export const reply = (response: 'attending' | 'absent' | 'substitute', extra: Record<string, unknown> = {}) => ({ meetingId: 'mtg-1', response, ...extra });

export function meetingOf(tx: MemoryDocTx, id = 'mtg-1'): Meeting {
  const doc = tx.peek('meetings', id);
  if (!doc) throw new Error(`no meeting ${id}`);
  return doc;
}
