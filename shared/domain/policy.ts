// Approval policy as data (edited by an administrator): ordered rules, each with conditions on
// the request and the requester, and the steps it must pass. The first active rule of a scope
// whose conditions hold decides the route (shared/leave/policy.ts).
import { z } from 'zod';
import { roleSchema } from './directory';
import { idSchema, isoInstantSchema } from './ids';
import { leaveTypeIdSchema } from './leaveTypes';

/** What a rule routes. Travel and reimbursement claims use the same engine. */
export const POLICY_SCOPES = ['leave', 'travel', 'reimbursement'] as const;
export const policyScopeSchema = z.enum(POLICY_SCOPES);
export type PolicyScope = z.infer<typeof policyScopeSchema>;

/** How far a trip goes, by the travel standards: in the agency's province, elsewhere in China, abroad. */
export const DESTINATION_SCOPES = ['in_province', 'out_of_province', 'abroad'] as const;
export const destinationScopeSchema = z.enum(DESTINATION_SCOPES);
export type DestinationScope = z.infer<typeof destinationScopeSchema>;

export const STEP_KINDS = ['manager', 'department_head', 'parent_department_head', 'role', 'person'] as const;
export const stepKindSchema = z.enum(STEP_KINDS);
export type StepKind = z.infer<typeof stepKindSchema>;

/** 'any': one of the approvers suffices; 'all': countersign, everyone must approve. */
export const stepModeSchema = z.enum(['any', 'all']);
export type StepMode = z.infer<typeof stepModeSchema>;

export const policyStepSchema = z
  .object({
    kind: stepKindSchema,
    /** For 'role': everyone active with this role (HR officers, finance officers, ...). */
    role: roleSchema.nullable(),
    /** For 'person': the named people. */
    userIds: z.array(idSchema).max(20),
    mode: stepModeSchema,
  })
  .superRefine((s, ctx) => {
    if (s.kind === 'role' && s.role === null) ctx.addIssue({ code: 'custom', path: ['role'], message: 'policy.step_needs_role' });
    if (s.kind === 'person' && s.userIds.length === 0) ctx.addIssue({ code: 'custom', path: ['userIds'], message: 'policy.step_needs_person' });
  });
export type PolicyStep = z.infer<typeof policyStepSchema>;

export const policyConditionsSchema = z.object({
  /** Leave types the rule applies to; empty: every type. */
  leaveTypes: z.array(leaveTypeIdSchema).max(50),
  /** Days (or, for claims, amount) at least / at most; null: no bound. */
  minDays: z.number().min(0).max(10_000).nullable(),
  maxDays: z.number().min(0).max(10_000).nullable(),
  /** Requester's rank (职级) at least / at most; null: no bound. */
  minRank: z.number().int().min(1).max(30).nullable(),
  maxRank: z.number().int().min(1).max(30).nullable(),
  /** The requester's department or one above it; empty: every department. */
  departmentIds: z.array(idSchema).max(100),
  /** Trips: how far they go; empty: anywhere. */
  destinationScopes: z.array(destinationScopeSchema).max(3).default([]),
  /** Trips: the estimated cost; claims: the total; in fen. null: no bound. */
  minAmountFen: z.number().int().min(0).max(10_000_000_000).nullable().default(null),
  maxAmountFen: z.number().int().min(0).max(10_000_000_000).nullable().default(null),
  /** Claims: any line in one of these categories; empty: any. */
  categories: z.array(z.string().regex(/^[a-z_]+$/).max(40)).max(20).default([]),
});
export type PolicyConditions = z.infer<typeof policyConditionsSchema>;

export const approvalRuleSchema = z.object({
  id: idSchema,
  scope: policyScopeSchema,
  name: z.string().trim().min(1).max(100),
  /** Lower first. */
  order: z.number().int().min(0).max(100_000),
  active: z.boolean(),
  conditions: policyConditionsSchema,
  steps: z.array(policyStepSchema).min(1).max(10),
  updatedAt: isoInstantSchema,
  updatedBy: idSchema.nullable(),
});
export type ApprovalRule = z.infer<typeof approvalRuleSchema>;
