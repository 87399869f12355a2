// Leave conflicts: an invited person who is on approved leave while the meeting runs. Leave is
// kept in dates and half days; a morning is 00:00–12:00 and an afternoon 12:00–24:00 agency
// time (UTC+8), so a meeting at 14:00 conflicts with an afternoon off but not a morning off.
import { addDays, AGENCY_UTC_OFFSET_MINUTES } from '../calendar/dates';
import type { Absence, Meeting } from '../domain/meeting';

const offset = (() => {
  const m = AGENCY_UTC_OFFSET_MINUTES;
  const sign = m >= 0 ? '+' : '-';
  const abs = Math.abs(m);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
})();

/** The instants (ms) an absence covers: [start, end). */
export function absenceInterval(absence: Pick<Absence, 'startDate' | 'startHalf' | 'endDate' | 'endHalf'>): [number, number] {
  const start = Date.parse(`${absence.startDate}T${absence.startHalf === 'am' ? '00' : '12'}:00:00${offset}`);
  const end = absence.endHalf === 'am' ? Date.parse(`${absence.endDate}T12:00:00${offset}`) : Date.parse(`${addDays(absence.endDate, 1)}T00:00:00${offset}`);
  return [start, end];
}

export function overlapsMeeting(absence: Pick<Absence, 'startDate' | 'startHalf' | 'endDate' | 'endHalf' | 'active'>, meeting: Pick<Meeting, 'startAt' | 'endAt'>): boolean {
  if (!absence.active) return false;
  const [start, end] = absenceInterval(absence);
  return start < Date.parse(meeting.endAt) && Date.parse(meeting.startAt) < end;
}

export interface LeaveConflict {
  userId: string;
  absence: Absence;
}

/** Attendees on approved leave during the meeting (one entry per person: the first absence found). */
export function leaveConflicts(meeting: Pick<Meeting, 'startAt' | 'endAt' | 'attendeeIds'>, absences: readonly Absence[]): LeaveConflict[] {
  const invited = new Set(meeting.attendeeIds);
  const found = new Map<string, LeaveConflict>();
  for (const absence of absences) {
    if (!invited.has(absence.userId) || found.has(absence.userId)) continue;
    if (overlapsMeeting(absence, meeting)) found.set(absence.userId, { userId: absence.userId, absence });
  }
  return [...found.values()];
}
