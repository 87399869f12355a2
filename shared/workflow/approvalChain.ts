// Who approves a leave request, in what order. For now (before approval policy becomes data):
// the direct manager approves up to MANAGER_LIMIT_DAYS working days; longer requests go on to
// the head of the requester's department. Nobody approves their own request, and a disabled
// account cannot approve: either way the step goes one level up the management line.
import type { User } from '../domain/directory';
import type { ApprovalRole, ApprovalStep } from '../domain/leave';
import type { DocTx } from '../mutators/types';

export const MANAGER_LIMIT_DAYS = 3;

export interface PlannedStep {
  approverId: string;
  role: ApprovalRole;
}

type Lookup = Pick<DocTx, 'get'>;

/** Walks up the management line from `candidateId` until someone may approve for `requester`. */
async function eligibleApprover(tx: Lookup, requester: User, candidateId: string | null): Promise<string | null> {
  const seen = new Set<string>();
  let id = candidateId;
  while (id !== null && !seen.has(id)) {
    seen.add(id);
    const user = await tx.get('users', id);
    if (!user) return null;
    if (user.id !== requester.id && user.active) return user.id;
    id = user.managerId;
  }
  return null;
}

export async function planApprovalChain(tx: Lookup, requester: User, days: number): Promise<PlannedStep[]> {
  const planned: PlannedStep[] = [];
  const manager = await eligibleApprover(tx, requester, requester.managerId);
  if (manager) planned.push({ approverId: manager, role: 'manager' });
  if (days > MANAGER_LIMIT_DAYS) {
    const department = await tx.get('departments', requester.departmentId);
    const head = await eligibleApprover(tx, requester, department?.headId ?? null);
    if (head) planned.push({ approverId: head, role: 'department_head' });
  }
  // One person never approves the same request twice: when the manager is also the head,
  // a single step carries the higher authority.
  const steps: PlannedStep[] = [];
  for (const step of planned) {
    const same = steps.findIndex((s) => s.approverId === step.approverId);
    if (same === -1) steps.push(step);
    else steps[same] = step;
  }
  return steps;
}

export function initialSteps(plan: readonly PlannedStep[]): ApprovalStep[] {
  return plan.map((p, i) => ({
    approverId: p.approverId,
    role: p.role,
    status: i === 0 ? 'pending' : 'waiting',
    decidedAt: null,
    comment: null,
  }));
}
