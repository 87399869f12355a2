// Leave balances computed from the ledger (shared/domain/ledger.ts). Nothing here stores a
// number: the same entries always give the same balance, whatever their order in the array.
//
// Lots. Every 'allocation' (days >= 0) and every 'adjustment' with days > 0 is a lot: days that
// can be drawn on any day D with effectiveOn <= D <= expiresOn (no expiresOn: forever).
//
// Consumption, each dated and drawn from the lots usable on its date:
// - Approved usage, per request: net usage = -(sum of its 'usage' and 'restoration' entries);
//   usage entries are negative and restorations positive, and a net below 0 counts as 0 (a
//   restoration cannot create days). It is dated by the request's usage entry written last
//   (createdAt; ties: earliest effectiveOn, then id), because a changed request is recorded as a
//   restoration plus a new usage and the new usage carries the current dates.
//   A usage or restoration without a requestId stands alone as its own request.
// - An 'adjustment' (or, to correct an over-allocation, an 'allocation') with days < 0 consumes
//   |days| on its effectiveOn.
// - Reservations (pending requests, not yet in the ledger) consume after all approved
//   consumption of the same date, so a pending request never takes days an approved one needs.
// Consumptions are processed by effectiveOn; ties: approved usage, then negative adjustments,
// then reservations, then by request or entry id. Each takes from the lots usable on its date,
// the one expiring earliest first (no expiry last; ties: earlier effectiveOn, then entryId), so
// carried-over days go before this year's. What no lot covers is overdraft.
//
// Totals: allocated = sum of lot grants; used = net approved usage + negative adjustments;
// reserved = sum of reservations; available = remaining of the lots usable on asOf minus the
// overdraft (negative when overdrawn). asOf only decides which lots count as usable now: every
// entry counts, including approved leave that is still in the future. A lot's `used` is all that
// was drawn from it, reservations included, so that granted = used + remaining.
//
// Days are in half-day steps; all arithmetic is on integer halves so sums never drift.
import type { LedgerEntry } from '../domain/ledger';
import { compareDates } from '../calendar/dates';

/** Days held by a pending (not yet approved) request. */
export interface Reservation {
  requestId: string;
  /** Positive, in half-day steps. */
  days: number;
  /** The leave's first day. */
  effectiveOn: string;
  /** The leave type; needed by balancesByType, ignored by computeBalance. */
  typeId?: string;
}

export interface BalanceLot {
  entryId: string;
  effectiveOn: string;
  expiresOn: string | null;
  granted: number;
  /** Drawn from this lot, by approved usage, negative adjustments and reservations. */
  used: number;
  remaining: number;
}

export interface Balance {
  asOf: string;
  allocated: number;
  used: number;
  reserved: number;
  available: number;
  overdraft: number;
  /** In the order they are drawn on: earliest expiry first. */
  lots: BalanceLot[];
  /** Days still unused in lots usable on asOf, by the day they expire, earliest first. */
  expiring: Array<{ on: string; days: number }>;
}

export interface BalanceOptions {
  asOf: string;
  reservations?: readonly Reservation[];
}

/** Days counted in halves: 1.5 days is 3. */
type Halves = number;

function toHalves(days: number, what: string): Halves {
  const halves = days * 2;
  if (!Number.isInteger(halves)) throw new RangeError(`${what}: ${days} days is not in half-day steps`);
  return halves;
}

function toDays(halves: Halves): number {
  return halves / 2;
}

interface Lot {
  entryId: string;
  effectiveOn: string;
  expiresOn: string | null;
  granted: Halves;
  drawn: Halves;
}

/** Order of processing at the same date: approved first, pending last. */
const CONSUMPTION_RANK = { usage: 0, adjustment: 1, reservation: 2 } as const;

interface Consumption {
  effectiveOn: string;
  rank: (typeof CONSUMPTION_RANK)[keyof typeof CONSUMPTION_RANK];
  /** Request or entry id: a total order for equal dates and ranks. */
  key: string;
  amount: Halves;
}

function isLot(entry: LedgerEntry): boolean {
  return (entry.kind === 'allocation' && entry.days >= 0) || (entry.kind === 'adjustment' && entry.days > 0);
}

function isDeduction(entry: LedgerEntry): boolean {
  return (entry.kind === 'allocation' || entry.kind === 'adjustment') && entry.days < 0;
}

function isRequestEntry(entry: LedgerEntry): boolean {
  return entry.kind === 'usage' || entry.kind === 'restoration';
}

/** '#' cannot occur in an id, so a standalone entry never shares a key with a real request. */
function requestKey(entry: LedgerEntry): string {
  return entry.requestId ?? `#${entry.id}`;
}

function isUsableOn(lot: Pick<Lot, 'effectiveOn' | 'expiresOn'>, date: string): boolean {
  return compareDates(lot.effectiveOn, date) <= 0 && (lot.expiresOn === null || compareDates(date, lot.expiresOn) <= 0);
}

/** Earliest expiry first, never-expiring last; then the older lot; then by id. */
function compareLotsForDrawing(a: Lot, b: Lot): number {
  if (a.expiresOn !== b.expiresOn) {
    if (a.expiresOn === null) return 1;
    if (b.expiresOn === null) return -1;
    return compareDates(a.expiresOn, b.expiresOn);
  }
  return compareDates(a.effectiveOn, b.effectiveOn) || compareIds(a.entryId, b.entryId);
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareConsumptions(a: Consumption, b: Consumption): number {
  return compareDates(a.effectiveOn, b.effectiveOn) || a.rank - b.rank || compareIds(a.key, b.key);
}

/** The entry that dates a request: the usage written last (see the header). */
function isWrittenAfter(a: LedgerEntry, b: LedgerEntry): boolean {
  const byTime = Date.parse(a.createdAt) - Date.parse(b.createdAt);
  if (byTime !== 0) return byTime > 0;
  return (compareDates(b.effectiveOn, a.effectiveOn) || compareIds(b.id, a.id)) > 0;
}

interface RequestUsage {
  net: Halves;
  datedBy: LedgerEntry | null;
}

function usageByRequest(entries: readonly LedgerEntry[]): Map<string, RequestUsage> {
  const byRequest = new Map<string, RequestUsage>();
  for (const entry of entries) {
    if (!isRequestEntry(entry)) continue;
    const key = requestKey(entry);
    const usage = byRequest.get(key) ?? { net: 0, datedBy: null };
    usage.net -= toHalves(entry.days, `ledger entry ${entry.id}`);
    if (entry.kind === 'usage' && (usage.datedBy === null || isWrittenAfter(entry, usage.datedBy))) usage.datedBy = entry;
    byRequest.set(key, usage);
  }
  return byRequest;
}

function approvedConsumptions(entries: readonly LedgerEntry[]): Consumption[] {
  const consumptions: Consumption[] = [];
  for (const [key, usage] of usageByRequest(entries)) {
    // No usage entry means nothing was taken (a stray restoration): there is nothing to date.
    if (usage.net <= 0 || usage.datedBy === null) continue;
    consumptions.push({ effectiveOn: usage.datedBy.effectiveOn, rank: CONSUMPTION_RANK.usage, key, amount: usage.net });
  }
  for (const entry of entries) {
    if (!isDeduction(entry)) continue;
    consumptions.push({ effectiveOn: entry.effectiveOn, rank: CONSUMPTION_RANK.adjustment, key: entry.id, amount: -toHalves(entry.days, `ledger entry ${entry.id}`) });
  }
  return consumptions;
}

function reservationConsumptions(reservations: readonly Reservation[]): Consumption[] {
  return reservations.flatMap((r) => {
    const amount = toHalves(r.days, `reservation ${r.requestId}`);
    if (amount < 0) throw new RangeError(`reservation ${r.requestId}: days must not be negative (${r.days})`);
    return amount === 0 ? [] : [{ effectiveOn: r.effectiveOn, rank: CONSUMPTION_RANK.reservation, key: r.requestId, amount }];
  });
}

/** Draws `consumption` from the lots usable on its date, in drawing order; returns what is left uncovered. */
function draw(lots: readonly Lot[], consumption: Consumption): Halves {
  let left = consumption.amount;
  for (const lot of lots) {
    if (left === 0) break;
    if (!isUsableOn(lot, consumption.effectiveOn)) continue;
    const taken = Math.min(left, lot.granted - lot.drawn);
    lot.drawn += taken;
    left -= taken;
  }
  return left;
}

function expiringByDate(lots: readonly Lot[], asOf: string): Array<{ on: string; days: number }> {
  const byDate = new Map<string, Halves>();
  for (const lot of lots) {
    const remaining = lot.granted - lot.drawn;
    if (lot.expiresOn === null || remaining <= 0 || !isUsableOn(lot, asOf)) continue;
    byDate.set(lot.expiresOn, (byDate.get(lot.expiresOn) ?? 0) + remaining);
  }
  return [...byDate]
    .sort(([a], [b]) => compareDates(a, b))
    .map(([on, halves]) => ({ on, days: toDays(halves) }));
}

/** The balance of one leave type's entries (the caller filters by user and type). */
export function computeBalance(entries: readonly LedgerEntry[], options: BalanceOptions): Balance {
  const { asOf } = options;
  const lots: Lot[] = entries
    .filter(isLot)
    .map((e) => ({ entryId: e.id, effectiveOn: e.effectiveOn, expiresOn: e.expiresOn, granted: toHalves(e.days, `ledger entry ${e.id}`), drawn: 0 }))
    .sort(compareLotsForDrawing);
  const approved = approvedConsumptions(entries);
  const pending = reservationConsumptions(options.reservations ?? []);

  let overdraft: Halves = 0;
  for (const consumption of [...approved, ...pending].sort(compareConsumptions)) overdraft += draw(lots, consumption);

  const sum = (values: readonly Halves[]): Halves => values.reduce((a, b) => a + b, 0);
  const usableRemaining = sum(lots.filter((lot) => isUsableOn(lot, asOf)).map((lot) => lot.granted - lot.drawn));
  return {
    asOf,
    allocated: toDays(sum(lots.map((lot) => lot.granted))),
    used: toDays(sum(approved.map((c) => c.amount))),
    reserved: toDays(sum(pending.map((c) => c.amount))),
    available: toDays(usableRemaining - overdraft),
    overdraft: toDays(overdraft),
    lots: lots.map((lot) => ({
      entryId: lot.entryId,
      effectiveOn: lot.effectiveOn,
      expiresOn: lot.expiresOn,
      granted: toDays(lot.granted),
      used: toDays(lot.drawn),
      remaining: toDays(lot.granted - lot.drawn),
    })),
    expiring: expiringByDate(lots, asOf),
  };
}

/**
 * One balance per leave type. With `typeIds`, exactly those types, in that order (a type with
 * no entries gets an empty balance); otherwise every type found in the entries or reservations,
 * sorted by id. A reservation must then say its typeId: without it, its days cannot be charged
 * to any type, and dropping them would overstate what is available.
 */
export function balancesByType(entries: readonly LedgerEntry[], options: BalanceOptions & { typeIds?: readonly string[] }): Map<string, Balance> {
  const reservations = options.reservations ?? [];
  for (const r of reservations) {
    if (r.typeId === undefined) throw new RangeError(`reservation ${r.requestId} has no typeId: balancesByType needs one`);
  }
  const typeIds = options.typeIds ?? [...new Set([...entries.map((e) => e.typeId), ...reservations.map((r) => r.typeId as string)])].sort(compareIds);
  const balances = new Map<string, Balance>();
  for (const typeId of typeIds) {
    balances.set(
      typeId,
      computeBalance(
        entries.filter((e) => e.typeId === typeId),
        { asOf: options.asOf, reservations: reservations.filter((r) => r.typeId === typeId) },
      ),
    );
  }
  return balances;
}

/** Days a request has taken after its restorations: -(usage + restorations), never below 0. */
export function netUsageOf(entries: readonly LedgerEntry[], requestId: string): number {
  const net = entries
    .filter((e) => isRequestEntry(e) && e.requestId === requestId)
    .reduce((sum, e) => sum - toHalves(e.days, `ledger entry ${e.id}`), 0);
  return toDays(Math.max(0, net));
}
