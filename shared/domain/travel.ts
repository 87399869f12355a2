// A business trip (出差申请): where, when, how, with whom, what it should cost, and an optional
// cash advance (借款). Approved like leave, by the policy engine (scope 'travel').
import { z } from 'zod';
import { isoDateSchema } from '../calendar/dates';
import { idSchema, isoInstantSchema } from './ids';
import { approvalStepSchema, timelineEventSchema } from './leave';
import { minorSchema } from './money';
import { destinationScopeSchema } from './policy';
import { transportClassSchema, transportModeSchema } from './travelStandards';

export const legSchema = z.object({
  fromCity: z.string().trim().min(1).max(40),
  toCity: z.string().trim().min(1).max(40),
  /** Day of travel. */
  date: isoDateSchema,
  mode: transportModeSchema,
  travelClass: transportClassSchema,
});
export type Leg = z.infer<typeof legSchema>;

export const ESTIMATE_CATEGORIES = ['transport', 'lodging', 'meals', 'local_transport', 'conference', 'other'] as const;
export const estimateCategorySchema = z.enum(ESTIMATE_CATEGORIES);

export const estimateSchema = z.object({ category: estimateCategorySchema, amountFen: minorSchema });

export const TRAVEL_STATUSES = ['pending', 'approved', 'rejected', 'withdrawn'] as const;

export const travelRequestSchema = z.object({
  id: idSchema,
  requesterId: idSchema,
  departmentId: idSchema,
  purpose: z.string().max(500),
  legs: z.array(legSchema).min(1).max(20),
  /** Colleagues on the same trip: they see it too. */
  companionIds: z.array(idSchema).max(20),
  startDate: isoDateSchema,
  endDate: isoDateSchema,
  /** Calendar days away, and working days among them (the official calendar). */
  tripDays: z.number().int().min(1),
  workingDays: z.number().min(0),
  /** The farthest the trip goes, by the travel standards in force: policy conditions use it. */
  destinationScope: destinationScopeSchema,
  estimates: z.array(estimateSchema).max(20),
  estimatedFen: minorSchema,
  advanceFen: minorSchema,
  status: z.enum(TRAVEL_STATUSES),
  ruleId: idSchema.nullable(),
  steps: z.array(approvalStepSchema).min(1),
  pendingApproverIds: z.array(idSchema).max(200),
  revision: z.number().int().min(1),
  history: z.array(timelineEventSchema),
  createdAt: isoInstantSchema,
  updatedAt: isoInstantSchema,
});
export type TravelRequest = z.infer<typeof travelRequestSchema>;
