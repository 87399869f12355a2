import { addDays, compareDates, dayOfWeek, daysBetween } from './dates';

/**
 * Which days are working days. The weekend-only calendar is the default until the official
 * holiday calendar (statutory holidays and adjusted working days) is loaded as data.
 */
export interface WorkCalendar {
  isWorkingDay(date: string): boolean;
}

export const weekendCalendar: WorkCalendar = {
  isWorkingDay(date) {
    const d = dayOfWeek(date);
    return d !== 0 && d !== 6;
  },
};

/** Morning or afternoon: a leave can start at noon and end at noon. */
export type HalfDay = 'am' | 'pm';

export interface LeaveSpan {
  startDate: string;
  /** 'am': from the start of the day; 'pm': from noon. */
  startHalf: HalfDay;
  endDate: string;
  /** 'am': until noon; 'pm': until the end of the day. */
  endHalf: HalfDay;
}

export function isValidSpan(span: LeaveSpan): boolean {
  const order = compareDates(span.startDate, span.endDate);
  if (order > 0) return false;
  // Same day from the afternoon until noon is an empty (inverted) span.
  return !(order === 0 && span.startHalf === 'pm' && span.endHalf === 'am');
}

/** Longest span we count day by day; longer requests are refused by validation anyway. */
export const MAX_SPAN_DAYS = 400;

/**
 * Working days in a span, in half-day steps: a half day at either end counts only where that
 * end falls on a working day.
 */
export function countWorkingDays(span: LeaveSpan, calendar: WorkCalendar = weekendCalendar): number {
  if (!isValidSpan(span)) return 0;
  let halves = 0;
  let day = span.startDate;
  for (let i = 0; i <= MAX_SPAN_DAYS && compareDates(day, span.endDate) <= 0; i++) {
    if (calendar.isWorkingDay(day)) {
      let h = 2;
      if (day === span.startDate && span.startHalf === 'pm') h -= 1;
      if (day === span.endDate && span.endHalf === 'am') h -= 1;
      halves += h;
    }
    day = addDays(day, 1);
  }
  return halves / 2;
}

/** Calendar days in a span, every day counted (maternity leave), in half-day steps. */
export function countCalendarDays(span: LeaveSpan): number {
  if (!isValidSpan(span)) return 0;
  const halves = (daysBetween(span.startDate, span.endDate) + 1) * 2 - (span.startHalf === 'pm' ? 1 : 0) - (span.endHalf === 'am' ? 1 : 0);
  return halves / 2;
}

/** Days in a span as a leave type counts them. */
export function countDays(span: LeaveSpan, counting: 'working' | 'calendar', calendar: WorkCalendar): number {
  return counting === 'calendar' ? countCalendarDays(span) : countWorkingDays(span, calendar);
}

/** Whether two spans share at least one half day. */
export function spansOverlap(a: LeaveSpan, b: LeaveSpan): boolean {
  const start = (s: LeaveSpan) => `${s.startDate}${s.startHalf === 'am' ? 0 : 1}`;
  const end = (s: LeaveSpan) => `${s.endDate}${s.endHalf === 'am' ? 0 : 1}`;
  return start(a) <= end(b) && start(b) <= end(a);
}
