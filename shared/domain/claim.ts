// An expense claim (报销单), standalone or from an approved trip: lines with receipts, the
// per-diem allowances of the trip, the advance offset against the total, then approval and
// finance's payment.
import { z } from 'zod';
import { isoDateSchema } from '../calendar/dates';
import { attachmentSchema } from './attachment';
import { idSchema, isoInstantSchema } from './ids';
import { approvalStepSchema, timelineEventSchema } from './leave';
import { currencySchema, minorSchema } from './money';

export const CLAIM_CATEGORIES = ['transport', 'lodging', 'local_transport', 'conference', 'training', 'office', 'hospitality', 'other'] as const;
export const claimCategorySchema = z.enum(CLAIM_CATEGORIES);
export type ClaimCategory = z.infer<typeof claimCategorySchema>;

/** Invoice numbers (发票号码) as printed: digits and letters; compared without spaces or dashes, in upper case. */
export const invoiceNumberSchema = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[A-Za-z0-9 -]+$/, { message: 'claim.bad_invoice_number' });

export const claimLineSchema = z.object({
  id: idSchema,
  category: claimCategorySchema,
  date: isoDateSchema,
  currency: currencySchema,
  /** In the currency's minor units. */
  amountMinor: minorSchema,
  /** CNY per unit as a decimal string ('7.1234'); '1' for CNY. */
  rate: z.string().regex(/^\d{1,6}(\.\d{1,6})?$/),
  /** What it counts in the claim, in fen. */
  amountFen: minorSchema,
  invoiceNumber: invoiceNumberSchema.nullable(),
  description: z.string().max(200),
  /** Nights, for lodging lines (the standard caps a night). */
  nights: z.number().int().min(0).max(366),
  /** City the expense was incurred in (lodging caps depend on it). */
  city: z.string().max(40),
  receipts: z.array(attachmentSchema).max(10),
  /** Set when the line is over the standard: the cap it exceeds, and the requester's explanation. */
  overStandard: z.object({ limitFen: minorSchema, explanation: z.string().max(500) }).nullable(),
});
export type ClaimLine = z.infer<typeof claimLineSchema>;

export const allowanceSchema = z.object({
  kind: z.enum(['meals', 'local_transport']),
  regionId: z.string().max(40),
  days: z.number().int().min(0),
  rateFen: minorSchema,
  amountFen: minorSchema,
});
export type Allowance = z.infer<typeof allowanceSchema>;

export const CLAIM_STATUSES = ['pending', 'approved', 'rejected', 'withdrawn', 'paid'] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];

export const claimSchema = z.object({
  id: idSchema,
  requesterId: idSchema,
  departmentId: idSchema,
  travelRequestId: idSchema.nullable(),
  title: z.string().max(200),
  lines: z.array(claimLineSchema).max(100),
  allowances: z.array(allowanceSchema).max(50),
  totalFen: minorSchema,
  advanceFen: minorSchema,
  /** Total minus the advance: what finance pays (negative: what the requester gives back). */
  payableFen: z.number().int().min(-10_000_000_000).max(10_000_000_000),
  status: z.enum(CLAIM_STATUSES),
  ruleId: idSchema.nullable(),
  steps: z.array(approvalStepSchema).min(1),
  pendingApproverIds: z.array(idSchema).max(200),
  payment: z.object({ reference: z.string().min(1).max(60), paidOn: isoDateSchema, byId: idSchema }).nullable(),
  revision: z.number().int().min(1),
  history: z.array(timelineEventSchema),
  createdAt: isoInstantSchema,
  updatedAt: isoInstantSchema,
});
export type Claim = z.infer<typeof claimSchema>;

/**
 * Who claimed an invoice number ('invoices', id 'inv-' + SHA-256 of the normalized number). Only
 * the hash and the claim are stored, so every client can be told "already claimed" without
 * learning anyone's invoices.
 */
export const invoiceClaimSchema = z.object({
  id: z.string().regex(/^inv-[0-9a-f]{64}$/),
  claimId: idSchema,
  lineId: idSchema,
  /** A withdrawn or rejected claim gives its invoices back (they may be claimed again). */
  released: z.boolean(),
  at: isoInstantSchema,
});
export type InvoiceClaim = z.infer<typeof invoiceClaimSchema>;

export function normalizeInvoiceNumber(text: string): string {
  return text.replace(/[\s-]+/g, '').toUpperCase();
}
