import { z } from 'zod';
import { isoDateSchema } from '../calendar/dates';
import { attachmentSchema } from './attachment';
import { roleSchema } from './directory';
import { idSchema, isoInstantSchema } from './ids';
import { BUILTIN_LEAVE_TYPES, leaveTypeIdSchema } from './leaveTypes';
import { stepKindSchema, stepModeSchema } from './policy';

/** The built-in type codes (leave types are data; see domain/leaveTypes.ts). */
export const LEAVE_TYPES = BUILTIN_LEAVE_TYPES;

export const halfDaySchema = z.enum(['am', 'pm']);

export const LEAVE_STATUSES = ['pending', 'approved', 'rejected', 'withdrawn', 'cancelled'] as const;
export const leaveStatusSchema = z.enum(LEAVE_STATUSES);
export type LeaveStatus = z.infer<typeof leaveStatusSchema>;

export const STEP_STATUSES = ['waiting', 'pending', 'approved', 'rejected', 'skipped'] as const;
export type StepStatus = (typeof STEP_STATUSES)[number];

export const stepDecisionSchema = z.object({
  /** Whose authority the decision carries (the approver named in the step). */
  approverId: idSchema,
  /** Who made it: the approver, or an acting approver on their behalf. */
  byId: idSchema,
  decision: z.enum(['approved', 'rejected']),
  at: isoInstantSchema,
  comment: z.string().max(500).nullable(),
});
export type StepDecision = z.infer<typeof stepDecisionSchema>;

export const stepDelegateSchema = z.object({ forId: idSchema, toId: idSchema, delegationId: idSchema });
export type StepDelegate = z.infer<typeof stepDelegateSchema>;

export const approvalStepSchema = z.object({
  kind: stepKindSchema,
  role: roleSchema.nullable(),
  mode: stepModeSchema,
  approverIds: z.array(idSchema).min(1).max(50),
  /** Acting approvers routed to for approvers who delegated. */
  delegates: z.array(stepDelegateSchema).max(100),
  status: z.enum(STEP_STATUSES),
  decisions: z.array(stepDecisionSchema).max(50),
});
export type ApprovalStep = z.infer<typeof approvalStepSchema>;

export const TIMELINE_ACTIONS = [
  'submitted',
  'approved',
  'rejected',
  'withdrawn',
  'cancel_requested',
  'cancel_approved',
  'cancel_rejected',
  'reported_back',
  // Expense claims: finance paid it.
  'paid',
] as const;
export const timelineEventSchema = z.object({
  at: isoInstantSchema,
  actorId: idSchema,
  action: z.enum(TIMELINE_ACTIONS),
  comment: z.string().max(500).nullable(),
  /** Set when an acting approver decided for someone else. */
  onBehalfOfId: idSchema.nullable().optional(),
});
export type TimelineEvent = z.infer<typeof timelineEventSchema>;

export const REASON_MAX = 500;
export const MAX_ATTACHMENTS = 10;

export const cancellationSchema = z.object({
  reason: z.string().max(REASON_MAX),
  requestedAt: isoInstantSchema,
  status: z.enum(['pending', 'approved', 'rejected']),
  steps: z.array(approvalStepSchema).min(1),
});
export type Cancellation = z.infer<typeof cancellationSchema>;

export const reportBackSchema = z.object({
  /** When the requester was back at work ('pm': from noon). */
  returnDate: isoDateSchema,
  returnHalf: halfDaySchema,
  /** Days actually taken, counted like the request. */
  actualDays: z.number().multipleOf(0.5).min(0),
  at: isoInstantSchema,
  comment: z.string().max(REASON_MAX).nullable(),
});
export type ReportBack = z.infer<typeof reportBackSchema>;

export const leaveRequestSchema = z.object({
  id: idSchema,
  requesterId: idSchema,
  departmentId: idSchema,
  type: leaveTypeIdSchema,
  startDate: isoDateSchema,
  startHalf: halfDaySchema,
  endDate: isoDateSchema,
  endHalf: halfDaySchema,
  /** Days as counted by the type's rule (working or calendar days), in half-day steps. */
  days: z.number().multipleOf(0.5).positive(),
  counting: z.enum(['working', 'calendar']),
  reason: z.string().max(REASON_MAX),
  attachments: z.array(attachmentSchema).max(MAX_ATTACHMENTS),
  status: leaveStatusSchema,
  /** The approval policy rule that routed it. */
  ruleId: idSchema.nullable(),
  steps: z.array(approvalStepSchema).min(1),
  /** Who may act now (approvers of the pending step and their acting approvers); empty once final. Indexed for the inbox. */
  pendingApproverIds: z.array(idSchema).max(200),
  cancellation: cancellationSchema.nullable(),
  reportBack: reportBackSchema.nullable(),
  /** Bumped by every change the requester makes, so a decision taken on an older version is refused. */
  revision: z.number().int().min(1),
  history: z.array(timelineEventSchema),
  createdAt: isoInstantSchema,
  updatedAt: isoInstantSchema,
});
export type LeaveRequest = z.infer<typeof leaveRequestSchema>;
