// Delegation: an approver names an acting approver. 'manual' covers a date range; 'standing'
// says who acts whenever the approver is on approved leave, and each approval of such leave
// creates an 'on_leave' delegation for exactly its dates. Everyone may read delegations: who
// acts for whom is office knowledge, and every client needs it to route offline.
import { z } from 'zod';
import { isoDateSchema } from '../calendar/dates';
import { idSchema, isoInstantSchema } from './ids';

export const DELEGATION_KINDS = ['manual', 'standing', 'on_leave'] as const;

export const delegationSchema = z.object({
  id: idSchema,
  kind: z.enum(DELEGATION_KINDS),
  fromUserId: idSchema,
  toUserId: idSchema,
  /** The range it is in force (inclusive); null for 'standing'. */
  startDate: isoDateSchema.nullable(),
  endDate: isoDateSchema.nullable(),
  /** For 'on_leave': the approved leave that put it in force. */
  sourceRequestId: idSchema.nullable(),
  active: z.boolean(),
  note: z.string().max(200),
  createdAt: isoInstantSchema,
  updatedAt: isoInstantSchema,
});
export type Delegation = z.infer<typeof delegationSchema>;

/** Whether `d` lets its delegate act on `date`. */
export function delegationInForce(d: Delegation, date: string): boolean {
  if (!d.active || d.kind === 'standing' || d.startDate === null || d.endDate === null) return false;
  return d.startDate <= date && date <= d.endDate;
}

/** Whether `d` can still come into force on or after `date` (so pending items route to the delegate). */
export function delegationCurrentOrFuture(d: Delegation, date: string): boolean {
  return d.active && d.kind !== 'standing' && d.endDate !== null && d.endDate >= date;
}
