// The live "N working days" of the leave form, computed exactly as the mutator will count it.
import { isIsoDate } from '../../../shared/calendar/dates';
import { agencyCalendar } from '../../../shared/calendar/agencyCalendar';
import { countWorkingDays, isValidSpan, type HalfDay, type LeaveSpan, type WorkCalendar } from '../../../shared/calendar/workingDays';

export interface SpanDraft {
  startDate?: string | null | undefined;
  startHalf?: HalfDay | null | undefined;
  endDate?: string | null | undefined;
  endHalf?: HalfDay | null | undefined;
}

export type DaysPreview =
  /** Dates not chosen yet. */
  | { kind: 'incomplete' }
  /** The end is before the start. */
  | { kind: 'invalid' }
  | { kind: 'days'; days: number };

/** The draft as a complete span, or null while a date is missing. */
export function spanOf(draft: SpanDraft): LeaveSpan | null {
  const { startDate, endDate } = draft;
  if (!startDate || !endDate || !isIsoDate(startDate) || !isIsoDate(endDate)) return null;
  return { startDate, startHalf: draft.startHalf ?? 'am', endDate, endHalf: draft.endHalf ?? 'pm' };
}

export function previewDays(draft: SpanDraft, calendar: WorkCalendar = agencyCalendar): DaysPreview {
  const span = spanOf(draft);
  if (!span) return { kind: 'incomplete' };
  if (!isValidSpan(span)) return { kind: 'invalid' };
  return { kind: 'days', days: countWorkingDays(span, calendar) };
}
