// What the printed forms show, computed apart from the layout so it can be tested: the approval
// trail as the paper forms record it (who, on whose behalf, what, which day), and the claim's
// figures in yuan and in capitals. Language-neutral: the page translates the labels.
import { agencyDate } from '../../../shared/calendar/dates';
import type { Claim, ClaimLine } from '../../../shared/domain/claim';
import type { TimelineEvent } from '../../../shared/domain/leave';
import { capitalAmount, formatYuan } from '../../../shared/money/money';

export interface TrailRow {
  approver: string;
  /** Set when an acting approver decided for someone else. */
  onBehalfOf: string | null;
  decision: 'approved' | 'rejected' | 'paid';
  comment: string;
  date: string;
}

/** The decisions of a trip or a claim, in order (submission and withdrawal are not opinions). */
export function approvalTrail(history: readonly TimelineEvent[], nameOf: (id: string) => string): TrailRow[] {
  return history.flatMap((e) =>
    e.action === 'approved' || e.action === 'rejected' || e.action === 'paid'
      ? [{ approver: nameOf(e.actorId), onBehalfOf: e.onBehalfOfId ? nameOf(e.onBehalfOfId) : null, decision: e.action, comment: e.comment ?? '', date: agencyDate(e.at) }]
      : [],
  );
}

export interface ClaimFigures {
  /** 差旅费报销单 for a claim from a trip, 费用报销单 otherwise. */
  form: 'travel' | 'expense';
  total: string;
  capital: string;
  advance: string;
  payable: string;
  /** Receipts attached across the lines. */
  receipts: number;
}

export function claimFigures(claim: Pick<Claim, 'travelRequestId' | 'totalFen' | 'advanceFen' | 'payableFen'> & { lines: ReadonlyArray<Pick<ClaimLine, 'receipts'>> }): ClaimFigures {
  return {
    form: claim.travelRequestId ? 'travel' : 'expense',
    total: formatYuan(claim.totalFen),
    capital: capitalAmount(claim.totalFen),
    advance: formatYuan(claim.advanceFen),
    payable: formatYuan(claim.payableFen),
    receipts: claim.lines.reduce((n, l) => n + l.receipts.length, 0),
  };
}
