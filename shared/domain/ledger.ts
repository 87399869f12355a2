// Leave balances are a ledger: every allocation, use, restoration and adjustment is an
// entry, never an overwritten number. A balance is computed from the entries (shared/leave/ledger.ts).
import { z } from 'zod';
import { isoDateSchema } from '../calendar/dates';
import { idSchema, isoInstantSchema } from './ids';
import { leaveTypeIdSchema } from './leaveTypes';

export const LEDGER_KINDS = ['allocation', 'usage', 'restoration', 'adjustment'] as const;
export type LedgerKind = (typeof LEDGER_KINDS)[number];

/** Entry ids are derived from what they record ('use-<request id>', 'al-2026-annual-<user id>'), so they run longer than document ids. */
export const ledgerIdSchema = z
  .string()
  .min(1)
  .max(160)
  .regex(/^[A-Za-z0-9_-]+$/, { message: 'validation.id' });

export const ledgerEntrySchema = z.object({
  id: ledgerIdSchema,
  userId: idSchema,
  typeId: leaveTypeIdSchema,
  kind: z.enum(LEDGER_KINDS),
  /** Signed, in half-day steps: positive adds to the balance, negative takes from it. */
  days: z.number().multipleOf(0.5).min(-366).max(366),
  /** When it takes effect: an allocation's first usable day; a use: the leave's first day. */
  effectiveOn: isoDateSchema,
  /** The last day an allocation or a positive adjustment can be used; null: it does not expire. */
  expiresOn: isoDateSchema.nullable(),
  /** The leave request a use or restoration belongs to. */
  requestId: idSchema.nullable(),
  /** The year an allocation is for. */
  year: z.number().int().min(2000).max(2100).nullable(),
  /** Why (an HR adjustment must say why; allocations say how they were computed). */
  reason: z.string().max(500),
  actorId: idSchema.nullable(),
  createdAt: isoInstantSchema,
});
export type LedgerEntry = z.infer<typeof ledgerEntrySchema>;
