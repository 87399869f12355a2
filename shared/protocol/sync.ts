// The sync protocol between the client and the server (DESIGN.md section 3). Every message is
// validated with these schemas where it is received; the socket events map ties each event
// name to its payload and reply so the two cannot drift apart.
import { z } from 'zod';
import { calendarYearDocSchema } from '../domain/calendarYear';
import { delegationSchema } from '../domain/delegation';
import { departmentSchema, userSchema } from '../domain/directory';
import { idSchema } from '../domain/ids';
import { leaveRequestSchema } from '../domain/leave';
import { leaveTypeSchema } from '../domain/leaveTypes';
import { claimSchema, invoiceClaimSchema } from '../domain/claim';
import { ledgerEntrySchema, ledgerIdSchema } from '../domain/ledger';
import { travelRequestSchema } from '../domain/travel';
import { travelStandardsSchema } from '../domain/travelStandards';
import { approvalRuleSchema } from '../domain/policy';
import { formTemplateSchema } from '../domain/forms';
import { absenceSchema, meetingReplySchema, meetingSchema } from '../domain/meeting';
import { REASON_CODES } from '../i18n/reasons';
import { COLLECTION_NAMES } from '../mutators/types';

/**
 * Bumped whenever a mutator's arguments or a document's shape changes incompatibly. A client
 * whose version differs is told to upgrade and keeps its outbox.
 */
export const SCHEMA_VERSION = 4;

export const MAX_PUSH_BATCH = 100;
export const PULL_PAGE_SIZE = 1000;

export const clientIdSchema = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/);

export const mutationSchema = z.object({
  id: z.number().int().positive(),
  name: z.string().min(1).max(64),
  args: z.unknown(),
  /** When the user acted, for the record; the server's own clock decides. */
  clientTime: z.iso.datetime({ offset: true }),
});
export type Mutation = z.infer<typeof mutationSchema>;

export const reasonSchema = z.object({
  code: z.enum(REASON_CODES),
  params: z.record(z.string(), z.union([z.string(), z.number()])).default({}),
});
export type Reason = z.infer<typeof reasonSchema>;

export const pushRequestSchema = z.object({
  schemaVersion: z.number().int(),
  clientId: clientIdSchema,
  mutations: z.array(mutationSchema).min(1).max(MAX_PUSH_BATCH),
});
export type PushRequest = z.infer<typeof pushRequestSchema>;

export const mutationResultSchema = z.object({
  id: z.number().int().positive(),
  status: z.enum(['applied', 'rejected']),
  reason: reasonSchema.optional(),
  /**
   * Processed before (the earlier acknowledgement was lost): nothing was applied now, and
   * status and reason repeat the original outcome, so the user still learns why.
   */
  duplicate: z.literal(true).optional(),
});
export type MutationResult = z.infer<typeof mutationResultSchema>;

/** Failures of the whole request, as opposed to the rejection of one mutation. */
export const SYNC_ERRORS = ['sync.upgrade_required', 'auth.session_expired', 'sync.gap', 'sync.client_mismatch', 'validation.invalid', 'sync.unavailable'] as const;
export const syncErrorSchema = z.object({ ok: z.literal(false), error: z.enum(SYNC_ERRORS), lastMutationId: z.number().int().nonnegative().optional() });
export type SyncError = z.infer<typeof syncErrorSchema>;

export const pushResponseSchema = z.union([
  z.object({ ok: z.literal(true), results: z.array(mutationResultSchema), lastMutationId: z.number().int().nonnegative() }),
  syncErrorSchema,
]);
export type PushResponse = z.infer<typeof pushResponseSchema>;

export const pullRequestSchema = z.object({
  schemaVersion: z.number().int(),
  clientId: clientIdSchema,
  cursor: z.number().int().nonnegative(),
  /** The reading scope the cursor was built under; a different one on the server means reset. */
  scope: z.number().int().nonnegative(),
});
export type PullRequest = z.infer<typeof pullRequestSchema>;

const docChange = <N extends string, S extends z.ZodType>(c: N, doc: S, id: z.ZodType<string> = idSchema) => z.object({ c: z.literal(c), id, doc });
export const changeSchema = z.union([
  docChange('users', userSchema),
  docChange('departments', departmentSchema),
  docChange('leaveRequests', leaveRequestSchema),
  docChange('leaveTypes', leaveTypeSchema),
  docChange('calendars', calendarYearDocSchema),
  // Ledger entry ids name what they record ('al-2026-annual-<user>'), so they run longer.
  docChange('leaveLedger', ledgerEntrySchema, ledgerIdSchema),
  docChange('approvalRules', approvalRuleSchema),
  docChange('delegations', delegationSchema),
  docChange('travelStandards', travelStandardsSchema),
  docChange('travelRequests', travelRequestSchema),
  docChange('expenseClaims', claimSchema),
  // Invoice registry ids are 'inv-' and a SHA-256: longer than a document id.
  docChange('invoices', invoiceClaimSchema, invoiceClaimSchema.shape.id),
  docChange('formTemplates', formTemplateSchema),
  docChange('meetings', meetingSchema),
  // One reply per meeting and person (shared/domain/meeting.ts meetingReplyId): longer than a document id.
  docChange('meetingReplies', meetingReplySchema, meetingReplySchema.shape.id),
  docChange('absences', absenceSchema),
  /** Deleted, or no longer readable by this user: the client drops it. */
  z.object({ c: z.enum(COLLECTION_NAMES), id: ledgerIdSchema, deleted: z.literal(true) }),
]);
export type Change = z.infer<typeof changeSchema>;

export const pullResponseSchema = z.union([
  z.object({
    ok: z.literal(true),
    /** The client must drop everything it holds before applying these changes. */
    reset: z.boolean(),
    changes: z.array(changeSchema),
    cursor: z.number().int().nonnegative(),
    scope: z.number().int().nonnegative(),
    /** More pages follow; pull again with the new cursor. */
    more: z.boolean(),
    /** Every mutation of this client up to here is reflected in the state pulled. */
    lastMutationId: z.number().int().nonnegative(),
  }),
  syncErrorSchema,
]);
export type PullResponse = z.infer<typeof pullResponseSchema>;

/** Socket events, client to server, with their acknowledgement. */
export interface ClientToServerEvents {
  'sync:push': (req: PushRequest, ack: (res: PushResponse) => void) => void;
  'sync:pull': (req: PullRequest, ack: (res: PullResponse) => void) => void;
}

/** Socket events, server to client. The poke carries nothing: the client pulls. */
export interface ServerToClientEvents {
  'sync:poke': () => void;
  'session:revoked': () => void;
}
