import { z } from 'zod';
import { isoDateSchema } from '../calendar/dates';
import { idSchema, isoInstantSchema } from './ids';

export const LEAVE_TYPES = ['annual', 'sick', 'personal', 'marriage', 'maternity', 'paternity', 'bereavement', 'home_visit', 'compensatory'] as const;
export const leaveTypeSchema = z.enum(LEAVE_TYPES);
export type LeaveType = z.infer<typeof leaveTypeSchema>;

export const halfDaySchema = z.enum(['am', 'pm']);

export const LEAVE_STATUSES = ['pending', 'approved', 'rejected', 'withdrawn'] as const;
export const leaveStatusSchema = z.enum(LEAVE_STATUSES);
export type LeaveStatus = z.infer<typeof leaveStatusSchema>;

export const approvalRoleSchema = z.enum(['manager', 'department_head']);
export type ApprovalRole = z.infer<typeof approvalRoleSchema>;

export const STEP_STATUSES = ['waiting', 'pending', 'approved', 'rejected', 'skipped'] as const;
export const approvalStepSchema = z.object({
  approverId: idSchema,
  role: approvalRoleSchema,
  status: z.enum(STEP_STATUSES),
  decidedAt: isoInstantSchema.nullable(),
  comment: z.string().max(500).nullable(),
});
export type ApprovalStep = z.infer<typeof approvalStepSchema>;

export const timelineEventSchema = z.object({
  at: isoInstantSchema,
  actorId: idSchema,
  action: z.enum(['submitted', 'approved', 'rejected', 'withdrawn']),
  comment: z.string().max(500).nullable(),
});
export type TimelineEvent = z.infer<typeof timelineEventSchema>;

export const REASON_MAX = 500;

export const leaveRequestSchema = z.object({
  id: idSchema,
  requesterId: idSchema,
  departmentId: idSchema,
  type: leaveTypeSchema,
  startDate: isoDateSchema,
  startHalf: halfDaySchema,
  endDate: isoDateSchema,
  endHalf: halfDaySchema,
  /** Working days, in half-day steps, as counted by the server's calendar. */
  days: z.number().multipleOf(0.5).positive(),
  reason: z.string().max(REASON_MAX),
  status: leaveStatusSchema,
  steps: z.array(approvalStepSchema).min(1),
  /** Who must act now; null once the request is final. Indexed for the approvals inbox. */
  pendingApproverId: idSchema.nullable(),
  history: z.array(timelineEventSchema),
  createdAt: isoInstantSchema,
  updatedAt: isoInstantSchema,
});
export type LeaveRequest = z.infer<typeof leaveRequestSchema>;
