// Leave becomes data (issue 4): leave types, calendars, ledger, approval policy and
// delegations are documents; requests carry policy steps that may name several approvers.
// This migration adds the indexes mutators look those up by, converts requests written in the
// first shape, and inserts the built-in types, the 2026 calendar and the default policy.
import type { Queryable } from '../database';
import { writeDocuments } from '../documents';
import { systemDocuments, type SeedDoc } from '../../seed/system';
import type { LeaveRequest } from '../../../shared/domain/leave';
import { usageEntry } from '../../../shared/mutators/effects';

const INDEXES = `
DROP INDEX IF EXISTS documents_leave_pending;
CREATE INDEX documents_leave_pending_ids ON documents USING gin ((data->'pendingApproverIds')) WHERE collection = 'leaveRequests';
CREATE INDEX documents_user_roles ON documents USING gin ((data->'roles')) WHERE collection = 'users';
CREATE INDEX documents_ledger_user ON documents ((data->>'userId')) WHERE collection = 'leaveLedger';
CREATE INDEX documents_rule_scope ON documents ((data->>'scope')) WHERE collection = 'approvalRules';
CREATE INDEX documents_delegation_from ON documents ((data->>'fromUserId')) WHERE collection = 'delegations';
CREATE INDEX documents_delegation_to ON documents ((data->>'toUserId')) WHERE collection = 'delegations';
`;

interface StepV1 {
  approverId: string;
  role: 'manager' | 'department_head';
  status: LeaveRequest['steps'][number]['status'];
  decidedAt: string | null;
  comment: string | null;
}
type RequestV1 = Omit<LeaveRequest, 'steps' | 'pendingApproverIds' | 'counting' | 'attachments' | 'ruleId' | 'cancellation' | 'reportBack' | 'revision'> & {
  steps: StepV1[];
  pendingApproverId: string | null;
};

export function upgradeRequest(old: RequestV1): LeaveRequest {
  const { pendingApproverId, steps, ...rest } = old;
  return {
    ...rest,
    counting: 'working',
    attachments: [],
    ruleId: null,
    steps: steps.map((s) => ({
      kind: s.role,
      role: null,
      mode: 'any',
      approverIds: [s.approverId],
      delegates: [],
      status: s.status,
      decisions:
        s.decidedAt !== null && (s.status === 'approved' || s.status === 'rejected')
          ? [{ approverId: s.approverId, byId: s.approverId, decision: s.status, at: s.decidedAt, comment: s.comment }]
          : [],
    })),
    pendingApproverIds: pendingApproverId ? [pendingApproverId] : [],
    cancellation: null,
    reportBack: null,
    revision: 1,
  };
}

export async function up(tx: Queryable): Promise<void> {
  await tx.exec(INDEXES);
  const now = new Date().toISOString();
  const docs: SeedDoc[] = systemDocuments(now);
  const { rows } = await tx.query<{ data: RequestV1 | LeaveRequest }>("SELECT data FROM documents WHERE collection = 'leaveRequests' AND NOT deleted AND NOT data ? 'revision'");
  for (const { data } of rows) {
    const request = upgradeRequest(data as RequestV1);
    docs.push({ c: 'leaveRequests', doc: request });
    // Annual leave approved before balances existed is used days all the same.
    if (request.status === 'approved' && request.type === 'annual') {
      docs.push({ c: 'leaveLedger', doc: usageEntry(request, null, now) });
    }
  }
  await writeDocuments(tx, docs);
}
