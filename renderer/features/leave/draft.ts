// What the leave form knows before the user submits: the days the request takes, what it does
// to the balance, and every reason leave.submit would refuse it. The checks call the same shared
// functions the mutator calls (day count on the calendar documents, balanceFor, effectiveSpan,
// spansOverlap), over the local documents, so the form and the mutator cannot disagree; a test
// holds them to it (test/unit/renderer/leaveDraft.test.ts).
import { daysBetween } from '../../../shared/calendar/dates';
import { isValidSpan, spansOverlap, type LeaveSpan } from '../../../shared/calendar/workingDays';
import type { LeaveTypeDef } from '../../../shared/domain/leaveTypes';
import type { ReasonCode, ReasonParams } from '../../../shared/i18n/reasons';
import { balanceFor, effectiveSpan, holdsDays, spanDays } from '../../../shared/mutators/common';
import { MAX_REQUEST_CALENDAR_DAYS } from '../../../shared/mutators/leave';
import type { DocTx } from '../../../shared/mutators/types';
import { spanOf, type DaysPreview, type SpanDraft } from './leaveDays';

type Tx = Pick<DocTx, 'get' | 'find'>;

export interface LeaveDraft extends SpanDraft {
  typeId: string | null | undefined;
  /** How many files are attached. */
  attachments: number;
}

/** A reason the mutator would give, with its parameters: translated like a refusal. */
export interface DraftProblem {
  code: ReasonCode;
  params: ReasonParams;
}

export interface DraftBalance {
  /** Available for a leave starting on the draft's first day (today while no date is chosen): the ledger minus pending requests. */
  available: number;
  /** What would be left after this request; null until the days are known. */
  remaining: number | null;
  allowNegative: boolean;
}

export interface DraftAssessment {
  /** The chosen type, when it exists and is active. */
  type: LeaveTypeDef | null;
  span: LeaveSpan | null;
  days: DaysPreview;
  /** Only for types that draw on a balance. */
  balance: DraftBalance | null;
  /** Whether the request, at its current length, needs an attachment. */
  attachmentRequired: boolean;
  /** In the order the mutator checks them, so the first is the one a submit would be refused with. */
  problems: DraftProblem[];
}

const EMPTY: DraftAssessment = { type: null, span: null, days: { kind: 'incomplete' }, balance: null, attachmentRequired: false, problems: [] };

/**
 * Assesses a draft for `userId` as leave.submit would on this data. `today` dates the balance
 * while no start date is chosen. The reason text is left to the form's own field check.
 */
export async function assessDraft(tx: Tx, userId: string, draft: LeaveDraft, today: string): Promise<DraftAssessment> {
  if (!draft.typeId) return EMPTY;
  const found = await tx.get('leaveTypes', draft.typeId);
  if (!found || !found.active) return { ...EMPTY, problems: [{ code: 'leave.unknown_type', params: { type: draft.typeId } }] };
  const type = found;
  const span = spanOf(draft, type.unit);

  const balanceOn = async (asOf: string, days: number | null): Promise<DraftBalance | null> => {
    if (!type.tracksBalance) return null;
    const balance = await balanceFor(tx, userId, type.id, asOf);
    return { available: balance.available, remaining: days === null ? null : balance.available - days, allowNegative: type.allowNegative };
  };

  if (!span) return { ...EMPTY, type, balance: await balanceOn(today, null) };
  if (!isValidSpan(span)) return { ...EMPTY, type, span, days: { kind: 'invalid' }, problems: [{ code: 'leave.invalid_span', params: {} }] };
  if (daysBetween(span.startDate, span.endDate) >= MAX_REQUEST_CALENDAR_DAYS) {
    return { ...EMPTY, type, span, days: { kind: 'invalid' }, problems: [{ code: 'leave.too_long', params: { max: MAX_REQUEST_CALENDAR_DAYS } }] };
  }

  const days = await spanDays(tx, span, type);
  const problems: DraftProblem[] = [];
  if (days <= 0) problems.push({ code: 'leave.no_working_days', params: {} });
  if (type.maxDaysPerRequest !== null && days > type.maxDaysPerRequest) problems.push({ code: 'leave.over_max', params: { max: type.maxDaysPerRequest } });
  const attachmentRequired = type.attachmentOverDays !== null && days > type.attachmentOverDays;
  if (attachmentRequired && draft.attachments === 0) problems.push({ code: 'leave.attachment_required', params: { days: type.attachmentOverDays ?? 0 } });

  const overlapping = (await tx.find('leaveRequests', 'requesterId', userId)).find((other) => {
    const held = holdsDays(other) ? effectiveSpan(other) : null;
    return held !== null && spansOverlap(held, span);
  });
  if (overlapping) problems.push({ code: 'leave.overlap', params: { start: overlapping.startDate, end: overlapping.endDate } });

  const balance = await balanceOn(span.startDate, days);
  if (balance && !balance.allowNegative && days > 0 && balance.available < days) {
    problems.push({ code: 'leave.insufficient_balance', params: { available: Math.max(0, balance.available), days } });
  }
  return { type, span, days: { kind: 'days', days }, balance, attachmentRequired, problems };
}
