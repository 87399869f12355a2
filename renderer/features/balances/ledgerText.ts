// The ledger in words. Entries carry machine reasons ('decree514:10', 'fixed', 'approved',
// 'cancelled', 'report_back') written by the mutators, and free text written by HR for an
// adjustment; the user reads a sentence either way.
import type { TFunction } from 'i18next';
import type { LedgerEntry, LedgerKind } from '../../../shared/domain/ledger';

const KIND_KEYS = {
  allocation: 'balances.kind.allocation',
  usage: 'balances.kind.usage',
  restoration: 'balances.kind.restoration',
  adjustment: 'balances.kind.adjustment',
} as const satisfies Record<LedgerKind, string>;

export function ledgerKindLabel(t: TFunction, kind: LedgerKind): string {
  return t(KIND_KEYS[kind]);
}

/** 'decree514:10' → 10; anything else → null. */
export function decree514Rate(reason: string): number | null {
  const match = /^decree514:(\d+(?:\.\d+)?)$/.exec(reason);
  return match ? Number(match[1]) : null;
}

/** Days as a signed number for the ledger's ± column: "+10", "−2.5" (a true minus sign). */
export function signedDays(days: number): string {
  if (days > 0) return `+${days}`;
  if (days < 0) return `\u2212${Math.abs(days)}`;
  return '0';
}

/** Why an entry exists, as a sentence in the user's language. */
export function ledgerReasonText(t: TFunction, entry: Pick<LedgerEntry, 'kind' | 'reason' | 'days' | 'year'>): string {
  if (entry.kind === 'allocation') {
    const rate = decree514Rate(entry.reason);
    if (rate !== null) {
      // Fewer days than the year's rate: the year was pro-rated (joined mid-year, or the
      // working years crossed a threshold during the year).
      if (entry.days < rate) return t('balances.reason.decree514ProRated', { rate, days: entry.days });
      return t('balances.reason.decree514', { rate });
    }
    if (entry.reason === 'fixed') return t('balances.reason.fixed', { days: entry.days });
  }
  if (entry.kind === 'usage' && entry.reason === 'approved') return t('balances.reason.approved');
  if (entry.kind === 'restoration') {
    if (entry.reason === 'cancelled') return t('balances.reason.cancelled');
    if (entry.reason === 'report_back') return t('balances.reason.reportBack');
  }
  return entry.reason;
}

/** Newest first: by the day it takes effect, then by when it was written. */
export function ledgerNewestFirst(entries: readonly LedgerEntry[]): LedgerEntry[] {
  return [...entries].sort((a, b) => (a.effectiveOn === b.effectiveOn ? b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id) : b.effectiveOn.localeCompare(a.effectiveOn)));
}
