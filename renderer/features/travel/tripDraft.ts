// What the trip form knows before the user submits: the trip's days, working days, how far it
// goes and who will approve it. Each figure comes from the same shared function travel.submit
// uses (daysBetween, countWorkingDays over loadCalendar, destinationScope, chooseRule +
// planSteps), over the local documents, so the form and the mutator agree.
import { daysBetween, isIsoDate } from '../../../shared/calendar/dates';
import { countWorkingDays } from '../../../shared/calendar/workingDays';
import type { ApprovalStep } from '../../../shared/domain/leave';
import type { DestinationScope } from '../../../shared/domain/policy';
import { ESTIMATE_CATEGORIES, type Leg } from '../../../shared/domain/travel';
import { TRANSPORT_CLASSES, type TransportClass, type TransportMode } from '../../../shared/domain/travelStandards';
import { loadCalendar } from '../../../shared/leave/calendar';
import { chooseRule, delegatesFor, FALLBACK_STEPS, planSteps } from '../../../shared/leave/policy';
import { parseYuan, sumFen } from '../../../shared/money/money';
import { firstLegBreak, type LegBreak } from '../../../shared/mutators/travel';
import type { DocTx } from '../../../shared/mutators/types';
import { classAllowed, destinationScope, type StandardsData } from '../../../shared/travel/standards';

type Tx = Pick<DocTx, 'get' | 'find'>;
export type EstimateCategory = (typeof ESTIMATE_CATEGORIES)[number];

/** A leg as the form holds it: anything may still be missing. */
export interface LegDraft {
  fromCity?: string;
  toCity?: string;
  date?: string;
  mode?: TransportMode;
  travelClass?: TransportClass;
}

/** The legs once every field is filled in; null while one is not. */
export function completeLegs(drafts: readonly LegDraft[]): Leg[] | null {
  const legs: Leg[] = [];
  for (const d of drafts) {
    const fromCity = d.fromCity?.trim() ?? '';
    const toCity = d.toCity?.trim() ?? '';
    if (!fromCity || !toCity || !d.date || !isIsoDate(d.date) || !d.mode || !d.travelClass) return null;
    legs.push({ fromCity, toCity, date: d.date, mode: d.mode, travelClass: d.travelClass });
  }
  return legs.length > 0 ? legs : null;
}

/**
 * The first leg that does not leave from where the previous one arrived (what travel.submit
 * refuses as 'travel.legs_not_continuous', with the same parameters), or null. Legs whose
 * cities are not both filled in yet are not judged.
 */
export function legsBreak(drafts: readonly LegDraft[]): LegBreak | null {
  return firstLegBreak(drafts);
}

/** The same check for one leg (0-based index) against the leg before it: each leg's own field error. */
export function legBreakAt(drafts: ReadonlyArray<Pick<LegDraft, 'fromCity' | 'toCity'> | undefined>, index: number): LegBreak | null {
  if (index < 1) return null;
  const broken = firstLegBreak([drafts[index - 1] ?? {}, drafts[index] ?? {}]);
  return broken ? { ...broken, leg: index + 1 } : null;
}

/** First and last day and the calendar days between, from the dated legs; null until one is dated or when they go back in time. */
export function tripSpan(drafts: readonly LegDraft[]): { startDate: string; endDate: string; tripDays: number } | null {
  const dates = drafts.map((d) => d.date).filter((d): d is string => d !== undefined && isIsoDate(d));
  if (dates.length === 0) return null;
  for (let i = 1; i < dates.length; i++) if ((dates[i] ?? '') < (dates[i - 1] ?? '')) return null;
  const startDate = dates[0] ?? '';
  const endDate = dates[dates.length - 1] ?? '';
  return { startDate, endDate, tripDays: daysBetween(startDate, endDate) + 1 };
}

const SCOPE_ORDER: readonly DestinationScope[] = ['in_province', 'out_of_province', 'abroad'];

/** The farthest destination's scope, as travel.submit decides it (out of province without standards); null with no destination yet. */
export function tripScope(standards: StandardsData | null, toCities: readonly string[]): DestinationScope | null {
  const cities = toCities.map((c) => c.trim()).filter((c) => c !== '');
  if (cities.length === 0) return null;
  let scope: DestinationScope = 'in_province';
  for (const city of cities) {
    const s = standards ? destinationScope(standards, city) : 'out_of_province';
    if (SCOPE_ORDER.indexOf(s) > SCOPE_ORDER.indexOf(scope)) scope = s;
  }
  return scope;
}

export interface ClassChoice {
  travelClass: TransportClass;
  /** Whether the traveller's rank may use it under the standards (always true without standards: the server decides). */
  allowed: boolean;
}

/** The classes of a mode, lowest first, each with whether the rank may use it. */
export function classChoices(standards: StandardsData | null, rank: number, mode: TransportMode): ClassChoice[] {
  return TRANSPORT_CLASSES[mode].map((travelClass) => ({ travelClass, allowed: standards ? classAllowed(standards, rank, mode, travelClass) : true }));
}

/** The highest class a rank may use by a mode (the form's default), or the lowest when none is allowed. */
export function defaultClass(standards: StandardsData | null, rank: number, mode: TransportMode): TransportClass {
  const choices = classChoices(standards, rank, mode);
  const allowed = choices.filter((c) => c.allowed);
  return (allowed[allowed.length - 1] ?? choices[0])?.travelClass ?? 'standard';
}

/** Every city the standards list, in their order, without repeats: suggestions for the city fields. */
export function citySuggestions(standards: StandardsData | null): string[] {
  if (!standards) return [];
  return [...new Set(standards.regions.flatMap((r) => r.cities))];
}

export interface ParsedEstimates {
  estimates: { category: EstimateCategory; amountFen: number }[];
  totalFen: number;
  /** Categories whose text is not an amount. */
  invalid: EstimateCategory[];
}

/** Typed yuan per category to fen; empty fields are left out. */
export function parseEstimates(texts: Partial<Record<EstimateCategory, string>>): ParsedEstimates {
  const estimates: ParsedEstimates['estimates'] = [];
  const invalid: EstimateCategory[] = [];
  for (const category of ESTIMATE_CATEGORIES) {
    const text = texts[category]?.trim() ?? '';
    if (text === '') continue;
    const fen = parseYuan(text);
    if (fen === null) invalid.push(category);
    else if (fen > 0) estimates.push({ category, amountFen: fen });
  }
  return { estimates, totalFen: sumFen(estimates.map((e) => e.amountFen)), invalid };
}

export interface TripPreview {
  workingDays: number;
  steps: ApprovalStep[];
}

/** Working days on the official calendar and the approval route travel.submit would choose. */
export async function previewTrip(
  tx: Tx,
  userId: string,
  span: { startDate: string; endDate: string; tripDays: number },
  scope: DestinationScope,
  amountFen: number,
  today: string,
): Promise<TripPreview | null> {
  const requester = await tx.get('users', userId);
  if (!requester) return null;
  const calendar = await loadCalendar(tx, span.startDate, span.endDate);
  const workingDays = countWorkingDays({ startDate: span.startDate, startHalf: 'am', endDate: span.endDate, endHalf: 'pm' }, calendar);
  const rule = await chooseRule(tx, { scope: 'travel', requester, typeId: null, quantity: span.tripDays, destinationScope: scope, amountFen });
  const planned = await planSteps(tx, requester, rule?.steps ?? FALLBACK_STEPS, today);
  const steps: ApprovalStep[] = [];
  for (const step of planned) steps.push({ ...step, delegates: await delegatesFor(tx, step.approverIds, today) });
  return { workingDays, steps };
}
