// The claim form's arithmetic, kept out of the components so that it can be tested: what a
// line typed in yuan (or a foreign currency) counts in fen, whether a lodging line is over the
// standard, the allowances of a trip, and the totals the form shows live. Everything is integer
// fen through the shared money functions, exactly as the claim.submit mutator computes it, so
// the figure on screen is the figure that will be stored.
import type { Attachment } from '../../../shared/domain/attachment';
import type { Allowance, ClaimCategory } from '../../../shared/domain/claim';
import type { Currency } from '../../../shared/domain/money';
import type { TravelRequest } from '../../../shared/domain/travel';
import { staysOf, type ClaimSubmitArgs } from '../../../shared/mutators/claims';
import { capitalAmount, convertToFen, MINOR_DIGITS, parseYuan, sumFen } from '../../../shared/money/money';
import { perDiem } from '../../../shared/travel/perDiem';
import { checkLine, type StandardsData } from '../../../shared/travel/standards';

export interface LineDraft {
  id: string;
  category: ClaimCategory;
  date: string | null;
  /** As typed, in the currency's units ('1,005.50'). */
  amountText: string;
  currency: Currency;
  /** CNY per unit ('7.1234'); ignored for CNY. */
  rate: string;
  invoiceNumber: string;
  description: string;
  city: string;
  nights: number;
  receipts: Attachment[];
  explanation: string;
}

export function emptyLine(id: string, date: string | null): LineDraft {
  return { id, category: 'transport', date, amountText: '', currency: 'CNY', rate: '', invoiceNumber: '', description: '', city: '', nights: 0, receipts: [], explanation: '' };
}

/** The typed amount in the currency's minor units; null when it is not an amount. */
export function lineAmountMinor(line: Pick<LineDraft, 'amountText' | 'currency'>): number | null {
  const hundredths = parseYuan(line.amountText);
  if (hundredths === null) return null;
  if (MINOR_DIGITS[line.currency] === 2) return hundredths;
  // The yen has no minor unit: '1500' yen is 1500, and '1500.5' is not an amount.
  return hundredths % 100 === 0 ? hundredths / 100 : null;
}

/** What the line counts in the claim, in fen; null while the amount or the rate is incomplete. */
export function lineFen(line: Pick<LineDraft, 'amountText' | 'currency' | 'rate'>): number | null {
  const minor = lineAmountMinor(line);
  if (minor === null) return null;
  try {
    return convertToFen(minor, line.currency, line.currency === 'CNY' ? '1' : line.rate);
  } catch {
    return null;
  }
}

/** The cap a lodging line exceeds (cap × nights, in fen); null when within the standard or none applies. */
export function overStandardLimit(std: StandardsData | null | undefined, line: LineDraft, rank: number): number | null {
  if (!std || line.category !== 'lodging') return null;
  const amountFen = lineFen(line);
  if (amountFen === null) return null;
  return checkLine(std, { kind: 'lodging', city: line.city, nights: line.nights, amountFen }, { rank })?.limitFen ?? null;
}

/** The per-diem allowances a trip earns, as claim.submit will compute them (none without standards). */
export function tripAllowances(std: StandardsData | null | undefined, trip: Pick<TravelRequest, 'legs'> | null | undefined, rank: number): Allowance[] {
  if (!std || !trip) return [];
  try {
    return perDiem(std, staysOf(trip), rank).lines;
  } catch {
    // Legs out of order or a region missing: the server decides; the preview shows none.
    return [];
  }
}

/** The advance offset against a trip's claim: only the traveller who asked for it repays it. */
export function tripAdvanceFen(trip: Pick<TravelRequest, 'requesterId' | 'advanceFen'> | null | undefined, userId: string): number {
  return trip && trip.requesterId === userId ? trip.advanceFen : 0;
}

export interface ClaimTotals {
  linesFen: number;
  allowancesFen: number;
  totalFen: number;
  advanceFen: number;
  /** Total minus the advance; negative when the traveller owes money back. */
  payableFen: number;
  /** The total in capital numerals (大写金额). */
  capital: string;
  /** Indexes of lines whose amount (or rate) is not yet a valid amount: they count as zero. */
  incomplete: number[];
}

export function claimTotals(lines: readonly LineDraft[], allowances: readonly Allowance[], advanceFen: number): ClaimTotals {
  const amounts = lines.map(lineFen);
  const linesFen = sumFen(amounts.map((a) => a ?? 0));
  const allowancesFen = sumFen(allowances.map((a) => a.amountFen));
  const totalFen = sumFen([linesFen, allowancesFen]);
  return {
    linesFen,
    allowancesFen,
    totalFen,
    advanceFen,
    payableFen: totalFen - advanceFen,
    capital: capitalAmount(totalFen),
    incomplete: amounts.flatMap((a, i) => (a === null ? [i] : [])),
  };
}

/** The lines as claim.submit takes them; null when a line is incomplete (no date or amount). */
export function submitLines(lines: readonly LineDraft[]): ClaimSubmitArgs['lines'] | null {
  const out: ClaimSubmitArgs['lines'] = [];
  for (const line of lines) {
    const amountMinor = lineAmountMinor(line);
    if (amountMinor === null || line.date === null) return null;
    out.push({
      id: line.id,
      category: line.category,
      date: line.date,
      currency: line.currency,
      amountMinor,
      rate: line.currency === 'CNY' ? '1' : line.rate.trim(),
      invoiceNumber: line.invoiceNumber.trim() === '' ? null : line.invoiceNumber.trim(),
      description: line.description,
      nights: line.category === 'lodging' ? line.nights : 0,
      city: line.city,
      receipts: line.receipts,
      explanation: line.explanation,
    });
  }
  return out;
}
