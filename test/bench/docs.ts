// Deterministic leave-request documents of realistic size (about 500 bytes of JSON each) for
// the sync benchmarks. Requesters and approvers are demo users, so the HR officer (zhouting,
// role:hr_officer) may read every one of them: she is the bench user of the initial sync.
import type { LeaveRequest } from '../../shared/domain/leave';

/** [requester, manager] pairs of the demo agency (server/seed/demo.ts). */
const CHAINS: ReadonlyArray<readonly [string, string]> = [
  ['wangqiang', 'lina'],
  ['zhaomin', 'lina'],
  ['chenjing', 'liuyang'],
  ['sunlei', 'liuyang'],
  ['lina', 'zhangwei'],
  ['liuyang', 'zhangwei'],
];
const DEPARTMENT: Record<string, string> = { wangqiang: 'general', zhaomin: 'general', lina: 'general', chenjing: 'business', sunlei: 'business', liuyang: 'business' };
const REASONS = ['回老家探望父母', 'Family visit', '办理户籍手续', 'Medical appointment', '孩子开家长会', 'Moving house'];
const TYPES = ['annual', 'sick', 'personal', 'home_visit'] as const;

/** The reader every benchmark document is visible to (besides its requester and approver). */
export const BENCH_READER = 'zhouting';

export const benchDocId = (i: number) => `bench-${i.toString(36).padStart(6, '0')}`;

/** Document number i (0-based); the same i always gives the same document. */
export function benchLeave(i: number): LeaveRequest {
  const [requesterId, approverId] = CHAINS[i % CHAINS.length] as readonly [string, string];
  const day = 1 + (i % 28);
  const date = `2026-02-${String(day).padStart(2, '0')}`;
  const at = new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString();
  const decided = i % 3 === 0;
  return {
    id: benchDocId(i),
    requesterId,
    departmentId: DEPARTMENT[requesterId] ?? 'agency',
    type: TYPES[i % TYPES.length] ?? 'annual',
    startDate: date,
    startHalf: 'am',
    endDate: date,
    endHalf: 'pm',
    days: 1,
    reason: REASONS[i % REASONS.length] ?? 'Family visit',
    counting: 'working',
    attachments: [],
    status: decided ? 'approved' : 'pending',
    ruleId: 'leave-short',
    steps: [
      {
        kind: 'manager',
        role: null,
        mode: 'any',
        approverIds: [approverId],
        delegates: [],
        status: decided ? 'approved' : 'pending',
        decisions: decided ? [{ approverId, byId: approverId, decision: 'approved', at, comment: null }] : [],
      },
    ],
    pendingApproverIds: decided ? [] : [approverId],
    cancellation: null,
    reportBack: null,
    revision: 1,
    history: [{ at, actorId: requesterId, action: 'submitted', comment: null }],
    createdAt: at,
    updatedAt: at,
  };
}
