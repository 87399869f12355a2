// The contract every mutator is written against. The same mutator body runs in the renderer
// (over Dexie, optimistically) and on the server (over SQL, authoritatively); only this
// interface is shared, so a rule can never differ between the two.
import type { z } from 'zod';
import type { CalendarYearDoc } from '../domain/calendarYear';
import type { Claim, InvoiceClaim } from '../domain/claim';
import type { TravelRequest } from '../domain/travel';
import type { TravelStandards } from '../domain/travelStandards';
import type { Delegation } from '../domain/delegation';
import type { FormTemplate } from '../domain/forms';
import type { Absence, Meeting, MeetingReply } from '../domain/meeting';
import type { Department, User } from '../domain/directory';
import type { LeaveRequest } from '../domain/leave';
import type { LeaveTypeDef } from '../domain/leaveTypes';
import type { LedgerEntry } from '../domain/ledger';
import type { ApprovalRule } from '../domain/policy';
import type { ReasonCode, ReasonParams } from '../i18n/reasons';

export interface Collections {
  users: User;
  departments: Department;
  leaveRequests: LeaveRequest;
  leaveTypes: LeaveTypeDef;
  calendars: CalendarYearDoc;
  leaveLedger: LedgerEntry;
  approvalRules: ApprovalRule;
  delegations: Delegation;
  travelStandards: TravelStandards;
  travelRequests: TravelRequest;
  expenseClaims: Claim;
  invoices: InvoiceClaim;
  formTemplates: FormTemplate;
  meetings: Meeting;
  meetingReplies: MeetingReply;
  absences: Absence;
}
export type CollectionName = keyof Collections;
export const COLLECTION_NAMES = [
  'users',
  'departments',
  'leaveRequests',
  'leaveTypes',
  'calendars',
  'leaveLedger',
  'approvalRules',
  'delegations',
  'travelStandards',
  'travelRequests',
  'expenseClaims',
  'invoices',
  'formTemplates',
  'meetings',
  'meetingReplies',
  'absences',
] as const satisfies readonly CollectionName[];

/**
 * Fields a mutator may look documents up by; both stores keep an index on each. A field whose
 * value is an array (ARRAY_FIELDS) matches when the array contains the value.
 */
export interface IndexedFields {
  users: 'departmentId' | 'managerId' | 'roles';
  departments: 'parentId';
  leaveRequests: 'requesterId' | 'pendingApproverIds';
  leaveTypes: never;
  calendars: never;
  leaveLedger: 'userId';
  approvalRules: 'scope';
  delegations: 'fromUserId' | 'toUserId';
  travelStandards: never;
  travelRequests: 'requesterId' | 'pendingApproverIds' | 'companionIds';
  expenseClaims: 'requesterId' | 'pendingApproverIds' | 'travelRequestId';
  invoices: never;
  formTemplates: never;
  meetings: 'organizerId' | 'attendeeIds';
  meetingReplies: 'meetingId' | 'userId';
  absences: 'userId';
}

export const ARRAY_FIELDS: ReadonlySet<string> = new Set(['roles', 'pendingApproverIds', 'companionIds', 'attendeeIds']);

export interface DocTx {
  get<C extends CollectionName>(collection: C, id: string): Promise<Collections[C] | undefined>;
  put<C extends CollectionName>(collection: C, doc: Collections[C]): Promise<void>;
  find<C extends CollectionName>(collection: C, field: IndexedFields[C], value: string): Promise<Collections[C][]>;
  /** Whether the server holds (or, on a client, this device holds) the blob with this SHA-256. */
  hasBlob(sha256: string): Promise<boolean>;
}

export interface MutationContext {
  tx: DocTx;
  /** The acting user. On the server: from the session, never from the arguments. */
  actorId: string;
  /** ISO instant. On the server: the server's clock; on the client: when the user acted. */
  now: string;
  /**
   * When the user acted (their device's clock), for the record of when they did something offline
   * (a reply given before a deadline and pushed after it). Never later than `now`, and on the
   * server never more than a week earlier; the server's `now` still decides every rule about
   * the present. Absent: `now`.
   */
  actedAt?: string;
  /**
   * True where the mutator runs optimistically on a client, which holds only what its user may
   * read. A rule that needs documents the actor cannot read (another person's balance) is then
   * left to the server, which holds everything; its refusal rolls the local effect back.
   */
  local?: boolean;
}

/**
 * A mutation that can never succeed as sent (bad input, no permission, the document moved
 * on). It is final: the server records the rejection and the client rolls back and tells the
 * user. Anything else thrown is treated as transient and retried.
 */
export class MutationRejected extends Error {
  constructor(
    readonly code: ReasonCode,
    readonly params: ReasonParams = {},
  ) {
    super(code);
    this.name = 'MutationRejected';
  }
}

export interface MutatorDef<S extends z.ZodType> {
  args: S;
  run(ctx: MutationContext, args: z.infer<S>): Promise<void>;
}

export function defineMutator<S extends z.ZodType>(def: MutatorDef<S>): MutatorDef<S> {
  return def;
}
