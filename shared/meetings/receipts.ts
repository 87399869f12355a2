// The organizer's receipt table (回执统计): one row per person on the notice with what they
// replied, whether that reply still holds after a reschedule, and the totals.
import type { Attendee, Meeting, MeetingReply } from '../domain/meeting';

export type ReceiptState = 'attending' | 'absent' | 'substitute' | 'no_reply' | 'needs_reconfirm';

export interface ReceiptRow {
  attendee: Attendee;
  reply: MeetingReply | null;
  state: ReceiptState;
}

export function replyState(meeting: Pick<Meeting, 'scheduleRevision' | 'attendees'>, reply: MeetingReply | null | undefined): ReceiptState {
  if (!reply) return 'no_reply';
  // Given before the person was (last) put on the list: they were removed since, and this
  // invitation has not been answered.
  const attendee = meeting.attendees.find((a) => a.userId === reply.userId);
  if (attendee && reply.repliedAt < attendee.addedAt) return 'no_reply';
  // An absence or a substitute stands whatever the time; "attending" was given for a time that
  // no longer holds.
  if (reply.response === 'attending' && reply.scheduleRevision < meeting.scheduleRevision) return 'needs_reconfirm';
  return reply.response;
}

export function receiptTable(meeting: Pick<Meeting, 'attendees' | 'scheduleRevision'>, replies: readonly MeetingReply[]): ReceiptRow[] {
  const byUser = new Map(replies.map((r) => [r.userId, r]));
  return meeting.attendees.map((attendee) => {
    const reply = byUser.get(attendee.userId) ?? null;
    return { attendee, reply, state: replyState(meeting, reply) };
  });
}

export type ReceiptTotals = Record<ReceiptState, number> & { total: number };

export function receiptTotals(rows: readonly ReceiptRow[]): ReceiptTotals {
  const totals: ReceiptTotals = { attending: 0, absent: 0, substitute: 0, no_reply: 0, needs_reconfirm: 0, total: rows.length };
  for (const row of rows) totals[row.state] += 1;
  return totals;
}

/** Whom a reminder goes to: everyone whose reply is missing or no longer holds. */
export function awaitingReply(meeting: Pick<Meeting, 'attendees' | 'scheduleRevision'>, replies: readonly MeetingReply[]): string[] {
  return receiptTable(meeting, replies)
    .filter((row) => row.state === 'no_reply' || row.state === 'needs_reconfirm')
    .map((row) => row.attendee.userId);
}
