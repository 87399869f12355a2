// The forms library and meeting notices (issue 6): indexes their mutators look documents up by,
// and the absences (free/busy of approved leave) for leave approved before this release, so an
// organizer is warned about it too.
import type { Queryable } from '../database';
import { writeDocuments } from '../documents';
import type { LeaveRequest } from '../../../shared/domain/leave';
import { absenceId, type Absence } from '../../../shared/domain/meeting';
import { effectiveSpan } from '../../../shared/mutators/common';

const INDEXES = `
CREATE INDEX documents_meeting_organizer ON documents ((data->>'organizerId')) WHERE collection = 'meetings';
CREATE INDEX documents_meeting_attendees ON documents USING gin ((data->'attendeeIds')) WHERE collection = 'meetings';
CREATE INDEX documents_reply_meeting ON documents ((data->>'meetingId')) WHERE collection = 'meetingReplies';
CREATE INDEX documents_reply_user ON documents ((data->>'userId')) WHERE collection = 'meetingReplies';
CREATE INDEX documents_absence_user ON documents ((data->>'userId')) WHERE collection = 'absences';
`;

export function absenceOf(request: LeaveRequest, now: string): Absence | null {
  if (request.status !== 'approved') return null;
  const span = effectiveSpan(request);
  if (!span) return null;
  return { id: absenceId(request.id), userId: request.requesterId, leaveRequestId: request.id, startDate: span.startDate, startHalf: span.startHalf, endDate: span.endDate, endHalf: span.endHalf, active: true, updatedAt: now };
}

export async function up(tx: Queryable): Promise<void> {
  await tx.exec(INDEXES);
  const now = new Date().toISOString();
  const { rows } = await tx.query<{ data: LeaveRequest }>("SELECT data FROM documents WHERE collection = 'leaveRequests' AND NOT deleted AND data->>'status' = 'approved'");
  const absences = rows.map((r) => absenceOf(r.data, now)).filter((a): a is Absence => a !== null);
  // In pages: an agency's years of leave should not make one giant statement.
  for (let i = 0; i < absences.length; i += 500) await writeDocuments(tx, absences.slice(i, i + 500).map((doc) => ({ c: 'absences' as const, doc })));
}
