import type { z } from 'zod';
import { departmentSchema, userSchema } from '../domain/directory';
import { calendarYearDocSchema } from '../domain/calendarYear';
import { claimSchema, invoiceClaimSchema } from '../domain/claim';
import { travelRequestSchema } from '../domain/travel';
import { travelStandardsSchema } from '../domain/travelStandards';
import { delegationSchema } from '../domain/delegation';
import { formTemplateSchema } from '../domain/forms';
import { absenceSchema, meetingReplySchema, meetingSchema } from '../domain/meeting';
import { leaveRequestSchema } from '../domain/leave';
import { leaveTypeSchema } from '../domain/leaveTypes';
import { ledgerEntrySchema } from '../domain/ledger';
import { approvalRuleSchema } from '../domain/policy';
import type { CollectionName, Collections } from '../mutators/types';

/** The schema of each collection's documents, for validation wherever a document is received. */
export const docSchemas: { [C in CollectionName]: z.ZodType<Collections[C]> } = {
  users: userSchema,
  departments: departmentSchema,
  leaveRequests: leaveRequestSchema,
  leaveTypes: leaveTypeSchema,
  calendars: calendarYearDocSchema,
  leaveLedger: ledgerEntrySchema,
  approvalRules: approvalRuleSchema,
  delegations: delegationSchema,
  travelStandards: travelStandardsSchema,
  travelRequests: travelRequestSchema,
  expenseClaims: claimSchema,
  invoices: invoiceClaimSchema,
  formTemplates: formTemplateSchema,
  meetings: meetingSchema,
  meetingReplies: meetingReplySchema,
  absences: absenceSchema,
};
