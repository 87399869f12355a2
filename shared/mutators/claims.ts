// Expense claims: submit (standalone or from an approved trip), withdraw, decide, pay. Invoice
// numbers are unique across the agency: the registry holds a hash of each claimed number.
import { z } from 'zod';
import { agencyDate, isoDateSchema } from '../calendar/dates';
import { sha256HexOfText } from '../crypto/sha256';
import { attachmentSchema } from '../domain/attachment';
import { claimCategorySchema, invoiceNumberSchema, normalizeInvoiceNumber, type Claim, type ClaimLine } from '../domain/claim';
import { idSchema } from '../domain/ids';
import { currencySchema, minorSchema } from '../domain/money';
import type { PolicyStep } from '../domain/policy';
import type { TravelRequest } from '../domain/travel';
import { chooseRule, FALLBACK_STEPS, pendingApprovers, planSteps } from '../leave/policy';
import { convertToFen, sumFen } from '../money/money';
import { perDiem, type TripLeg } from '../travel/perDiem';
import { checkLine } from '../travel/standards';
import { loadActor, requireBlobs, requireRole } from './common';
import { loadStandards } from './travel';
import { defineMutator, MutationRejected, type MutationContext } from './types';
import { decideArgs, decideRouted, withdrawn } from './workflow';

export const claimLineArgs = z.object({
  id: idSchema,
  category: claimCategorySchema,
  date: isoDateSchema,
  currency: currencySchema.default('CNY'),
  amountMinor: minorSchema,
  rate: z.string().max(20).default('1'),
  invoiceNumber: invoiceNumberSchema.nullable().default(null),
  description: z.string().max(200).default(''),
  nights: z.number().int().min(0).max(366).default(0),
  city: z.string().max(40).default(''),
  receipts: z.array(attachmentSchema).max(10).default([]),
  /** Why the line is over the standard (required when it is). */
  explanation: z.string().max(500).default(''),
});

export const claimSubmitArgs = z.object({
  id: idSchema,
  travelRequestId: idSchema.nullable().default(null),
  title: z.string().max(200),
  lines: z.array(claimLineArgs).max(100),
});
export type ClaimSubmitArgs = z.input<typeof claimSubmitArgs>;

/** The registry id of an invoice number: its normalized form, hashed. */
export function invoiceRegistryId(invoiceNumber: string): string {
  return `inv-${sha256HexOfText(normalizeInvoiceNumber(invoiceNumber))}`;
}

/** Each stay of a trip: from one leg's day to the next leg's (the return day counts for the last stop). */
export function staysOf(trip: Pick<TravelRequest, 'legs'>): TripLeg[] {
  const { legs } = trip;
  if (legs.length === 1) {
    const only = legs[0];
    return only ? [{ toCity: only.toCity, arriveDate: only.date, leaveDate: only.date }] : [];
  }
  const stays: TripLeg[] = [];
  for (let i = 0; i < legs.length - 1; i++) {
    const leg = legs[i];
    const next = legs[i + 1];
    if (leg && next) stays.push({ toCity: leg.toCity, arriveDate: leg.date, leaveDate: next.date });
  }
  return stays;
}

/** The finance review step every claim ends with. */
const FINANCE_STEP: PolicyStep = { kind: 'role', role: 'finance_officer', userIds: [], mode: 'any' };

/** A claim's route: the policy's steps, then finance's review unless the policy already has it. */
export function withFinanceReview(steps: readonly PolicyStep[]): PolicyStep[] {
  return steps.some((s) => s.kind === 'role' && s.role === 'finance_officer') ? [...steps] : [...steps, FINANCE_STEP];
}

async function releaseInvoices(ctx: MutationContext, claim: Claim): Promise<void> {
  for (const line of claim.lines) {
    if (!line.invoiceNumber) continue;
    const entry = await ctx.tx.get('invoices', invoiceRegistryId(line.invoiceNumber));
    if (entry && entry.claimId === claim.id && !entry.released) await ctx.tx.put('invoices', { ...entry, released: true });
  }
}

export const claimSubmit = defineMutator({
  args: claimSubmitArgs,
  async run(ctx, args) {
    const requester = await loadActor(ctx);
    if (await ctx.tx.get('expenseClaims', args.id)) throw new MutationRejected('leave.already_exists');
    const standards = await loadStandards(ctx.tx);

    let trip: TravelRequest | undefined;
    if (args.travelRequestId) {
      trip = await ctx.tx.get('travelRequests', args.travelRequestId);
      if (!trip || trip.status !== 'approved' || (trip.requesterId !== requester.id && !trip.companionIds.includes(requester.id))) {
        throw new MutationRejected('claim.trip_not_approved');
      }
      const earlier = await ctx.tx.find('expenseClaims', 'travelRequestId', trip.id);
      if (earlier.some((c) => c.requesterId === requester.id && c.status !== 'withdrawn' && c.status !== 'rejected')) throw new MutationRejected('claim.trip_already_claimed');
    }
    const allowances = trip && standards ? perDiem(standards, staysOf(trip), requester.rank).lines : [];

    const seen = new Set<string>();
    const lines: ClaimLine[] = [];
    for (const [index, line] of args.lines.entries()) {
      let amountFen: number;
      try {
        amountFen = convertToFen(line.amountMinor, line.currency, line.currency === 'CNY' ? '1' : line.rate);
      } catch {
        throw new MutationRejected('claim.bad_rate');
      }
      let invoiceNumber: string | null = null;
      if (line.invoiceNumber) {
        invoiceNumber = normalizeInvoiceNumber(line.invoiceNumber);
        if (invoiceNumber === '') throw new MutationRejected('claim.bad_invoice_number');
        const registered = await ctx.tx.get('invoices', invoiceRegistryId(invoiceNumber));
        if (seen.has(invoiceNumber) || (registered && !registered.released && registered.claimId !== args.id)) {
          throw new MutationRejected('claim.duplicate_invoice', { invoice: invoiceNumber });
        }
        seen.add(invoiceNumber);
      }
      await requireBlobs(ctx, line.receipts);
      const over = standards && line.category === 'lodging' ? checkLine(standards, { kind: 'lodging', city: line.city, nights: line.nights, amountFen }, requester) : null;
      const explanation = line.explanation.trim();
      if (over && explanation === '') throw new MutationRejected('claim.explanation_required', { line: index + 1 });
      lines.push({
        id: line.id,
        category: line.category,
        date: line.date,
        currency: line.currency,
        amountMinor: line.amountMinor,
        rate: line.currency === 'CNY' ? '1' : line.rate,
        amountFen,
        invoiceNumber,
        description: line.description.trim(),
        nights: line.nights,
        city: line.city.trim(),
        receipts: line.receipts,
        overStandard: over ? { limitFen: over.limitFen, explanation } : null,
      });
    }
    if (lines.length === 0 && allowances.length === 0) throw new MutationRejected('claim.empty');

    const totalFen = sumFen([...lines.map((l) => l.amountFen), ...allowances.map((a) => a.amountFen)]);
    const advanceFen = trip && trip.requesterId === requester.id ? trip.advanceFen : 0;
    const categories = [...new Set(lines.map((l) => l.category))];
    const rule = await chooseRule(ctx.tx, { scope: 'reimbursement', requester, typeId: null, quantity: lines.length, amountFen: totalFen, categories });
    const policySteps = rule?.steps ?? FALLBACK_STEPS;
    const steps = await planSteps(ctx.tx, requester, withFinanceReview(policySteps), agencyDate(ctx.now));
    if (steps.length === 0) throw new MutationRejected('leave.no_approver');

    const claim: Claim = {
      id: args.id,
      requesterId: requester.id,
      departmentId: requester.departmentId,
      travelRequestId: trip?.id ?? null,
      title: args.title.trim(),
      lines,
      allowances,
      totalFen,
      advanceFen,
      payableFen: totalFen - advanceFen,
      status: 'pending',
      ruleId: rule?.id ?? null,
      steps,
      pendingApproverIds: pendingApprovers(steps),
      payment: null,
      revision: 1,
      history: [{ at: ctx.now, actorId: requester.id, action: 'submitted', comment: null }],
      createdAt: ctx.now,
      updatedAt: ctx.now,
    };
    await ctx.tx.put('expenseClaims', claim);
    for (const line of lines) {
      if (line.invoiceNumber) await ctx.tx.put('invoices', { id: invoiceRegistryId(line.invoiceNumber), claimId: claim.id, lineId: line.id, released: false, at: ctx.now });
    }
  },
});

async function ownClaim(ctx: MutationContext, id: string): Promise<Claim> {
  const claim = await ctx.tx.get('expenseClaims', id);
  if (!claim) throw new MutationRejected('claim.not_found');
  if (claim.requesterId !== ctx.actorId) throw new MutationRejected('claim.not_yours');
  return claim;
}

export const claimWithdraw = defineMutator({
  args: z.object({ id: idSchema }),
  async run(ctx, args) {
    const claim = await ownClaim(ctx, args.id);
    if (claim.status !== 'pending') throw new MutationRejected('claim.not_withdrawable', { status: claim.status });
    await ctx.tx.put('expenseClaims', withdrawn(ctx, claim));
    await releaseInvoices(ctx, claim);
  },
});

export const claimDecide = defineMutator({
  args: decideArgs,
  async run(ctx, args) {
    const claim = await ctx.tx.get('expenseClaims', args.id);
    if (!claim) throw new MutationRejected('claim.not_found');
    const { next, final, approved } = await decideRouted(ctx, claim, args);
    await ctx.tx.put('expenseClaims', next);
    // A rejected claim gives its invoices back: corrected, they may be claimed again.
    if (final && !approved) await releaseInvoices(ctx, claim);
  },
});

export const claimMarkPaid = defineMutator({
  args: z.object({ id: idSchema, reference: z.string().max(60), paidOn: isoDateSchema }),
  async run(ctx, args) {
    const actor = await requireRole(ctx, 'finance_officer');
    const claim = await ctx.tx.get('expenseClaims', args.id);
    if (!claim) throw new MutationRejected('claim.not_found');
    if (claim.status !== 'approved') throw new MutationRejected('claim.not_payable', { status: claim.status });
    const reference = args.reference.trim();
    if (reference === '') throw new MutationRejected('claim.payment_reference_required');
    await ctx.tx.put('expenseClaims', {
      ...claim,
      status: 'paid',
      payment: { reference, paidOn: args.paidOn, byId: actor.id },
      history: [...claim.history, { at: ctx.now, actorId: actor.id, action: 'paid', comment: reference }],
      updatedAt: ctx.now,
    });
  },
});
