// Business trips: request (itinerary, companions, estimate, advance), withdraw, decide.
import { z } from 'zod';
import { agencyDate, daysBetween } from '../calendar/dates';
import { countWorkingDays } from '../calendar/workingDays';
import { idSchema } from '../domain/ids';
import { minorSchema } from '../domain/money';
import type { DestinationScope } from '../domain/policy';
import { estimateSchema, legSchema, type TravelRequest } from '../domain/travel';
import { loadCalendar } from '../leave/calendar';
import { chooseRule, FALLBACK_STEPS, pendingApprovers, planSteps } from '../leave/policy';
import { sumFen } from '../money/money';
import { checkStandards, cityKey, classAllowed, destinationScope } from '../travel/standards';
import { travelStandardsSchema } from '../domain/travelStandards';
import { loadActor, requireRole } from './common';
import { defineMutator, MutationRejected, type DocTx, type MutationContext } from './types';
import { decideArgs, decideRouted, withdrawn } from './workflow';

/** The standards in force: one document, replaced by finance (shipped as an example). */
export const STANDARDS_ID = 'travel-standards';

export async function loadStandards(tx: Pick<DocTx, 'get'>) {
  return tx.get('travelStandards', STANDARDS_ID);
}

const SCOPE_ORDER: readonly DestinationScope[] = ['in_province', 'out_of_province', 'abroad'];

export const travelSubmitArgs = z.object({
  id: idSchema,
  purpose: z.string().max(500),
  legs: z.array(legSchema).min(1).max(20),
  companionIds: z.array(idSchema).max(20).default([]),
  estimates: z.array(estimateSchema).max(20).default([]),
  advanceFen: minorSchema.default(0),
});
export type TravelSubmitArgs = z.input<typeof travelSubmitArgs>;

/** A leg that does not leave from where the one before it arrived (1-based), with both cities as written. */
export type LegBreak = {
  leg: number;
  from: string;
  to: string;
};

function sameCity(a: string, b: string): boolean {
  return cityKey(a).toLowerCase() === cityKey(b).toLowerCase();
}

/**
 * The first leg that does not continue the itinerary, or null. Cities compare as the standards
 * compare them (spaces and one trailing 市 dropped), and regardless of case: '深圳市' continues
 * from '深圳', 'Beijing' from 'beijing '. Legs without both cities yet (a form being filled in)
 * are not judged.
 */
export function firstLegBreak(legs: ReadonlyArray<{ fromCity?: string | undefined; toCity?: string | undefined }>): LegBreak | null {
  for (let i = 1; i < legs.length; i++) {
    const from = legs[i]?.fromCity?.trim() ?? '';
    const to = legs[i - 1]?.toCity?.trim() ?? '';
    if (from !== '' && to !== '' && !sameCity(from, to)) return { leg: i + 1, from, to };
  }
  return null;
}

export const travelSubmit = defineMutator({
  args: travelSubmitArgs,
  async run(ctx, args) {
    const requester = await loadActor(ctx);
    const purpose = args.purpose.trim();
    if (purpose === '') throw new MutationRejected('travel.purpose_required');
    if (await ctx.tx.get('travelRequests', args.id)) throw new MutationRejected('leave.already_exists');
    const legs = args.legs;
    for (let i = 1; i < legs.length; i++) if ((legs[i]?.date ?? '') < (legs[i - 1]?.date ?? '')) throw new MutationRejected('travel.invalid_itinerary');
    const broken = firstLegBreak(legs);
    if (broken) throw new MutationRejected('travel.legs_not_continuous', { ...broken });
    const startDate = legs[0]?.date ?? '';
    const endDate = legs[legs.length - 1]?.date ?? '';
    if (daysBetween(startDate, endDate) > 365) throw new MutationRejected('travel.invalid_itinerary');

    const standards = await loadStandards(ctx.tx);
    let scope: DestinationScope = 'in_province';
    for (const leg of legs) {
      if (standards && !classAllowed(standards, requester.rank, leg.mode, leg.travelClass)) {
        throw new MutationRejected('travel.class_not_allowed', { mode: leg.mode, class: leg.travelClass });
      }
      const s = standards ? destinationScope(standards, leg.toCity) : 'out_of_province';
      if (SCOPE_ORDER.indexOf(s) > SCOPE_ORDER.indexOf(scope)) scope = s;
    }
    const companions = [...new Set(args.companionIds)];
    for (const id of companions) {
      const user = await ctx.tx.get('users', id);
      if (!user || !user.active || id === requester.id) throw new MutationRejected('travel.invalid_companion');
    }
    const estimatedFen = sumFen(args.estimates.map((e) => e.amountFen));
    if (args.advanceFen > estimatedFen) throw new MutationRejected('travel.advance_too_high');
    const tripDays = daysBetween(startDate, endDate) + 1;
    const workingDays = countWorkingDays({ startDate, startHalf: 'am', endDate, endHalf: 'pm' }, await loadCalendar(ctx.tx, startDate, endDate));

    const rule = await chooseRule(ctx.tx, { scope: 'travel', requester, typeId: null, quantity: tripDays, destinationScope: scope, amountFen: estimatedFen });
    const steps = await planSteps(ctx.tx, requester, rule?.steps ?? FALLBACK_STEPS, agencyDate(ctx.now));
    if (steps.length === 0) throw new MutationRejected('leave.no_approver');
    const request: TravelRequest = {
      id: args.id,
      requesterId: requester.id,
      departmentId: requester.departmentId,
      purpose,
      legs,
      companionIds: companions,
      startDate,
      endDate,
      tripDays,
      workingDays,
      destinationScope: scope,
      estimates: args.estimates,
      estimatedFen,
      advanceFen: args.advanceFen,
      status: 'pending',
      ruleId: rule?.id ?? null,
      steps,
      pendingApproverIds: pendingApprovers(steps),
      revision: 1,
      history: [{ at: ctx.now, actorId: requester.id, action: 'submitted', comment: null }],
      createdAt: ctx.now,
      updatedAt: ctx.now,
    };
    await ctx.tx.put('travelRequests', request);
  },
});

async function ownTrip(ctx: MutationContext, id: string): Promise<TravelRequest> {
  const trip = await ctx.tx.get('travelRequests', id);
  if (!trip) throw new MutationRejected('travel.not_found');
  if (trip.requesterId !== ctx.actorId) throw new MutationRejected('travel.not_yours');
  return trip;
}

export const travelWithdraw = defineMutator({
  args: z.object({ id: idSchema }),
  async run(ctx, args) {
    const trip = await ownTrip(ctx, args.id);
    if (trip.status !== 'pending') throw new MutationRejected('travel.not_withdrawable', { status: trip.status });
    await ctx.tx.put('travelRequests', withdrawn(ctx, trip));
  },
});

export const travelDecide = defineMutator({
  args: decideArgs,
  async run(ctx, args) {
    const trip = await ctx.tx.get('travelRequests', args.id);
    if (!trip) throw new MutationRejected('travel.not_found');
    const { next } = await decideRouted(ctx, trip, args);
    await ctx.tx.put('travelRequests', next);
  },
});

export const standardsSaveArgs = travelStandardsSchema.omit({ id: true, updatedAt: true, updatedBy: true });

/** Finance replaces the standards in force (an imported file, or an edit); trips and claims submitted later use them. */
export const standardsSave = defineMutator({
  args: standardsSaveArgs,
  async run(ctx, args) {
    const actor = await requireRole(ctx, 'finance_officer');
    const problem = checkStandards(args);
    if (problem) throw new MutationRejected('validation.invalid', { field: problem.field });
    await ctx.tx.put('travelStandards', { ...args, id: STANDARDS_ID, updatedAt: ctx.now, updatedBy: actor.id });
  },
});
