// The finance claims view's rules, kept pure for tests: which claims a filter keeps, what they
// add up to, and the rows of the exported table (amounts in yuan as numbers with two decimals,
// so that a spreadsheet can sum them; the figures come from integer fen).
import { agencyDate } from '../../../shared/calendar/dates';
import type { Claim, ClaimStatus } from '../../../shared/domain/claim';
import { sumFen } from '../../../shared/money/money';
import type { ExportTable } from '../hr/export';

export interface ClaimFilter {
  status: ClaimStatus | 'all';
  departmentId: string | null;
  /** Submitted on or after / on or before (agency dates), inclusive. */
  from: string | null;
  to: string | null;
}

export const ALL_CLAIMS: ClaimFilter = { status: 'all', departmentId: null, from: null, to: null };

/** The agency day a claim was submitted. */
export function submittedOn(claim: Pick<Claim, 'createdAt'>): string {
  return agencyDate(claim.createdAt);
}

export function filterClaims(claims: readonly Claim[], filter: ClaimFilter): Claim[] {
  return claims.filter((c) => {
    if (filter.status !== 'all' && c.status !== filter.status) return false;
    if (filter.departmentId !== null && c.departmentId !== filter.departmentId) return false;
    const day = submittedOn(c);
    if (filter.from !== null && day < filter.from) return false;
    if (filter.to !== null && day > filter.to) return false;
    return true;
  });
}

export interface ClaimSums {
  count: number;
  totalFen: number;
  payableFen: number;
  /** Paid so far (payable of paid claims). */
  paidFen: number;
}

export function sumClaims(claims: readonly Claim[]): ClaimSums {
  return {
    count: claims.length,
    totalFen: sumFen(claims.map((c) => c.totalFen)),
    payableFen: sumFen(claims.map((c) => c.payableFen)),
    paidFen: sumFen(claims.filter((c) => c.status === 'paid').map((c) => c.payableFen)),
  };
}

/** Fen as a yuan number for a spreadsheet cell: 100550 → 1005.5 (exact for every fen amount in range). */
export function yuanCell(fen: number): number {
  return Number((fen / 100).toFixed(2));
}

export interface ExportLabels {
  columns: readonly [string, string, string, string, string, string, string, string, string, string, string];
  status: (status: ClaimStatus) => string;
  person: (id: string) => string;
  department: (id: string) => string;
}

/** One row per claim: number, submitted, claimant, department, title, total, advance, payable, status, reference, paid on. */
export function claimsExportTable(claims: readonly Claim[], labels: ExportLabels): ExportTable {
  return {
    columns: labels.columns,
    rows: claims.map((c) => [
      c.id,
      submittedOn(c),
      labels.person(c.requesterId),
      labels.department(c.departmentId),
      c.title,
      yuanCell(c.totalFen),
      yuanCell(c.advanceFen),
      yuanCell(c.payableFen),
      labels.status(c.status),
      c.payment?.reference ?? null,
      c.payment?.paidOn ?? null,
    ]),
  };
}
