// The leave form's dates as a span, and its day count as the type counts it. The form's live
// preview (draft.ts) counts on the calendar documents; this synchronous count serves the
// field validator, which only needs to know whether the span is valid.
import { isIsoDate } from '../../../shared/calendar/dates';
import { agencyCalendar } from '../../../shared/calendar/agencyCalendar';
import { countDays, isValidSpan, type HalfDay, type LeaveSpan, type WorkCalendar } from '../../../shared/calendar/workingDays';
import type { LeaveTypeDef } from '../../../shared/domain/leaveTypes';

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

/**
 * The draft as a complete span, or null while a date is missing. A type taken in whole days
 * always runs from the morning of the first day to the evening of the last, whatever halves an
 * earlier choice of type left in the form.
 */
export function spanOf(draft: SpanDraft, unit: LeaveTypeDef['unit'] = 'half_day'): LeaveSpan | null {
  const { startDate, endDate } = draft;
  if (!startDate || !endDate || !isIsoDate(startDate) || !isIsoDate(endDate)) return null;
  if (unit === 'day') return { startDate, startHalf: 'am', endDate, endHalf: 'pm' };
  return { startDate, startHalf: draft.startHalf ?? 'am', endDate, endHalf: draft.endHalf ?? 'pm' };
}

export function previewDays(draft: SpanDraft, counting: LeaveTypeDef['counting'] = 'working', calendar: WorkCalendar = agencyCalendar): DaysPreview {
  const span = spanOf(draft);
  if (!span) return { kind: 'incomplete' };
  if (!isValidSpan(span)) return { kind: 'invalid' };
  return { kind: 'days', days: countDays(span, counting, calendar) };
}
