// The client's Dexie database: one per (server, user), so two people who share a computer
// never see each other's data. Versions live in this one file; an upgrade must keep the
// outbox, which holds work the user was told is saved.
import { Dexie, type EntityTable, type Table } from 'dexie';
import type { CalendarYearDoc } from '../../shared/domain/calendarYear';
import type { Claim, InvoiceClaim } from '../../shared/domain/claim';
import type { TravelRequest } from '../../shared/domain/travel';
import type { TravelStandards } from '../../shared/domain/travelStandards';
import type { Delegation } from '../../shared/domain/delegation';
import type { FormTemplate } from '../../shared/domain/forms';
import type { Absence, Meeting, MeetingReply } from '../../shared/domain/meeting';
import type { Department, User } from '../../shared/domain/directory';
import type { LeaveRequest } from '../../shared/domain/leave';
import type { LeaveTypeDef } from '../../shared/domain/leaveTypes';
import type { LedgerEntry } from '../../shared/domain/ledger';
import type { ApprovalRule } from '../../shared/domain/policy';
import type { CollectionName, Collections } from '../../shared/mutators/types';
import type { ReasonCode, ReasonParams } from '../../shared/i18n/reasons';

export interface OutboxEntry {
  /** Per-client mutation id: 1, 2, 3, ... in the order the user acted. */
  id: number;
  name: string;
  args: unknown;
  clientTime: string;
}

/** The server's version of a document that pending mutations changed locally (null: absent). */
export interface ShadowEntry {
  c: CollectionName;
  id: string;
  doc: Collections[CollectionName] | null;
}

/** A mutation the server refused: kept until the user has seen why. */
export interface RejectionNotice {
  seq?: number;
  mutationId: number;
  name: string;
  args: unknown;
  code: ReasonCode;
  params: ReasonParams;
  at: string;
  seen: 0 | 1;
}

/** A file captured on this device (a certificate photo, a PDF), kept until the server has it. */
export interface LocalBlob {
  sha256: string;
  name: string;
  mediaType: string;
  size: number;
  data: Blob;
  /** 1 once the server holds it. */
  uploaded: 0 | 1;
  /** Set when the server refused it for good (too large, wrong type, ...): not sent again. */
  error?: ReasonCode;
  createdAt: string;
}

/**
 * A form file kept on this device for offline use (forms library): verified by its SHA-256 when
 * downloaded, evicted least recently used first when the cache is over the user's budget, unless
 * its category is pinned "available offline".
 */
export interface CachedFormFile {
  sha256: string;
  templateId: string;
  version: string;
  name: string;
  mediaType: string;
  size: number;
  data: Blob;
  category: string;
  fetchedAt: string;
  lastUsedAt: string;
}

/** A form this user saved a copy of, to tell them when a newer version is published. */
export interface SavedForm {
  templateId: string;
  version: string;
  sha256: string;
  savedAt: string;
  /** The newer version's hash the user has already been told about (and dismissed). */
  acknowledgedSha256: string | null;
}

export interface MetaEntry {
  key: string;
  value: unknown;
}

/** The first released schema. Kept verbatim: Dexie upgrades from it to the newest version. */
export const SCHEMA_V1 = {
  users: 'id, departmentId, managerId',
  departments: 'id, parentId',
  leaveRequests: 'id, requesterId, pendingApproverId, updatedAt',
  outbox: 'id',
  shadow: '[c+id]',
  meta: 'key',
  rejections: '++seq, seen',
} as const;

export class BureauDb extends Dexie {
  users!: EntityTable<User, 'id'>;
  departments!: EntityTable<Department, 'id'>;
  leaveRequests!: EntityTable<LeaveRequest, 'id'>;
  outbox!: EntityTable<OutboxEntry, 'id'>;
  shadow!: Table<ShadowEntry, [string, string]>;
  meta!: EntityTable<MetaEntry, 'key'>;
  rejections!: EntityTable<RejectionNotice, 'seq'>;
  leaveTypes!: EntityTable<LeaveTypeDef, 'id'>;
  calendars!: EntityTable<CalendarYearDoc, 'id'>;
  leaveLedger!: EntityTable<LedgerEntry, 'id'>;
  approvalRules!: EntityTable<ApprovalRule, 'id'>;
  delegations!: EntityTable<Delegation, 'id'>;
  blobs!: EntityTable<LocalBlob, 'sha256'>;
  travelStandards!: EntityTable<TravelStandards, 'id'>;
  travelRequests!: EntityTable<TravelRequest, 'id'>;
  expenseClaims!: EntityTable<Claim, 'id'>;
  invoices!: EntityTable<InvoiceClaim, 'id'>;
  formTemplates!: EntityTable<FormTemplate, 'id'>;
  meetings!: EntityTable<Meeting, 'id'>;
  meetingReplies!: EntityTable<MeetingReply, 'id'>;
  absences!: EntityTable<Absence, 'id'>;
  formFiles!: EntityTable<CachedFormFile, 'sha256'>;
  savedForms!: EntityTable<SavedForm, 'templateId'>;

  constructor(name: string, options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    this.version(1).stores(SCHEMA_V1);
    // v2: "My requests" reads one person's requests newest first straight from an index, so a
    // long career's worth of requests is never sorted in memory. Indexes only: the outbox,
    // meta and every document carry over untouched.
    this.version(2).stores({ leaveRequests: 'id, requesterId, pendingApproverId, updatedAt, [requesterId+createdAt]' });
    // v3: leave as data (types, calendars, ledger, policy, delegation) and multi-approver steps.
    // Documents changed shape, so the local copies are dropped and downloaded again in the new
    // shape (the cursor goes back to zero); the outbox, which holds the user's unsent work,
    // carries over untouched and replays on top.
    this.version(3)
      .stores({
        users: 'id, departmentId, managerId, *roles',
        leaveRequests: 'id, requesterId, *pendingApproverIds, updatedAt, [requesterId+createdAt], startDate, endDate, status',
        leaveTypes: 'id',
        calendars: 'id',
        leaveLedger: 'id, userId, [userId+typeId]',
        approvalRules: 'id, scope',
        delegations: 'id, fromUserId, toUserId',
        blobs: 'sha256, uploaded',
      })
      .upgrade(async (tx) => {
        for (const name of ['users', 'departments', 'leaveRequests', 'shadow']) await tx.table(name).clear();
        await tx.table('meta').bulkPut([
          { key: 'cursor', value: 0 },
          { key: 'scope', value: 0 },
        ]);
      });
    // v4: business travel and expense claims (new tables only; everything else carries over).
    this.version(4).stores({
      travelStandards: 'id',
      travelRequests: 'id, requesterId, *pendingApproverIds, *companionIds, startDate, updatedAt',
      expenseClaims: 'id, requesterId, *pendingApproverIds, travelRequestId, status, updatedAt',
      invoices: 'id',
    });
    // v5: the forms library and meeting notices (new tables only). formFiles and savedForms are
    // this device's own: the offline copies of forms and which ones the user saved.
    this.version(5).stores({
      formTemplates: 'id, category, updatedAt',
      meetings: 'id, organizerId, *attendeeIds, startAt, endAt, updatedAt',
      meetingReplies: 'id, meetingId, userId',
      absences: 'id, userId',
      formFiles: 'sha256, templateId, category, lastUsedAt',
      savedForms: 'templateId',
    });
  }

  collection<C extends CollectionName>(c: C): Table<Collections[C], string> {
    return this.table(c);
  }

  get dataTables(): Table[] {
    return [this.users, this.departments, this.leaveRequests, this.leaveTypes, this.calendars, this.leaveLedger, this.approvalRules, this.delegations, this.travelStandards, this.travelRequests, this.expenseClaims, this.invoices, this.formTemplates, this.meetings, this.meetingReplies, this.absences];
  }
}

/** Database name for one user on one server. */
export function databaseName(serverUrl: string, userId: string): string {
  const origin = serverUrl.replace(/^https?:\/\//, '').replace(/[^A-Za-z0-9.-]+/g, '_');
  return `bureau:${origin}:${userId}`;
}
