// Approval routing from policy data: pick the rule, turn its steps into people, apply
// delegation. Runs inside mutators on both sides, so a route planned offline is the route the
// server plans (unless the data changed meanwhile; then the server's plan stands).
import { delegationCurrentOrFuture, delegationInForce } from '../domain/delegation';
import type { User } from '../domain/directory';
import type { ApprovalStep, StepDelegate } from '../domain/leave';
import type { ApprovalRule, DestinationScope, PolicyScope, PolicyStep } from '../domain/policy';
import type { DocTx } from '../mutators/types';

type Tx = Pick<DocTx, 'get' | 'find'>;

/** When no rule matches (or none exists yet), the direct manager approves: nothing is ever stuck without a route. */
export const FALLBACK_STEPS: readonly PolicyStep[] = [{ kind: 'manager', role: null, userIds: [], mode: 'any' }];

export interface RouteSubject {
  scope: PolicyScope;
  requester: User;
  /** Leave type (for leave rules). */
  typeId: string | null;
  /** Days (leave, trips). */
  quantity: number;
  /** Trips: how far they go. */
  destinationScope?: DestinationScope;
  /** Trips: estimated cost; claims: total; in fen. */
  amountFen?: number;
  /** Claims: the categories of its lines. */
  categories?: readonly string[];
}

async function departmentLine(tx: Tx, departmentId: string): Promise<string[]> {
  const line: string[] = [];
  let id: string | null = departmentId;
  while (id !== null && !line.includes(id) && line.length < 20) {
    line.push(id);
    id = (await tx.get('departments', id))?.parentId ?? null;
  }
  return line;
}

export async function ruleMatches(tx: Tx, rule: ApprovalRule, subject: RouteSubject): Promise<boolean> {
  const c = rule.conditions;
  if (!rule.active || rule.scope !== subject.scope) return false;
  if (c.leaveTypes.length > 0 && (subject.typeId === null || !c.leaveTypes.includes(subject.typeId))) return false;
  if (c.minDays !== null && subject.quantity < c.minDays) return false;
  if (c.maxDays !== null && subject.quantity > c.maxDays) return false;
  if (c.minRank !== null && subject.requester.rank < c.minRank) return false;
  if (c.maxRank !== null && subject.requester.rank > c.maxRank) return false;
  if (c.destinationScopes.length > 0 && (subject.destinationScope === undefined || !c.destinationScopes.includes(subject.destinationScope))) return false;
  if (c.minAmountFen !== null && (subject.amountFen ?? 0) < c.minAmountFen) return false;
  if (c.maxAmountFen !== null && (subject.amountFen ?? 0) > c.maxAmountFen) return false;
  if (c.categories.length > 0 && !(subject.categories ?? []).some((k) => c.categories.includes(k))) return false;
  if (c.departmentIds.length > 0) {
    const line = await departmentLine(tx, subject.requester.departmentId);
    if (!c.departmentIds.some((d) => line.includes(d))) return false;
  }
  return true;
}

/** The first active rule of the scope (lowest order, then id) whose conditions hold; null: the fallback route. */
export async function chooseRule(tx: Tx, subject: RouteSubject): Promise<ApprovalRule | null> {
  const rules = (await tx.find('approvalRules', 'scope', subject.scope)).sort((a, b) => a.order - b.order || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const rule of rules) if (await ruleMatches(tx, rule, subject)) return rule;
  return null;
}

/** Walks up the management line from `candidateId` to the first active person who is not the requester. */
async function upManagementLine(tx: Tx, requester: User, candidateId: string | null): Promise<string | null> {
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

/** The head of `departmentId`, or of the first department above it whose head may approve. */
async function headFrom(tx: Tx, requester: User, departmentId: string | null): Promise<string | null> {
  const seen = new Set<string>();
  let id = departmentId;
  while (id !== null && !seen.has(id)) {
    seen.add(id);
    const dept = await tx.get('departments', id);
    if (!dept) return null;
    if (dept.headId !== null && dept.headId !== requester.id) {
      const head = await tx.get('users', dept.headId);
      if (head?.active) return head.id;
    }
    id = dept.parentId;
  }
  return null;
}

async function activeOthers(tx: Tx, requester: User, ids: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  for (const id of ids) {
    if (id === requester.id || out.includes(id)) continue;
    if ((await tx.get('users', id))?.active) out.push(id);
  }
  return out;
}

async function approversOf(tx: Tx, requester: User, step: PolicyStep): Promise<string[]> {
  switch (step.kind) {
    case 'manager': {
      const id = await upManagementLine(tx, requester, requester.managerId);
      return id ? [id] : [];
    }
    case 'department_head': {
      const id = await headFrom(tx, requester, requester.departmentId);
      return id ? [id] : [];
    }
    case 'parent_department_head': {
      const parent = (await tx.get('departments', requester.departmentId))?.parentId ?? null;
      const id = await headFrom(tx, requester, parent);
      return id ? [id] : [];
    }
    case 'role': {
      if (step.role === null) return [];
      const holders = (await tx.find('users', 'roles', step.role)).map((u) => u.id).sort();
      return activeOthers(tx, requester, holders);
    }
    case 'person':
      return activeOthers(tx, requester, step.userIds);
  }
}

/**
 * Acting approvers for the approvers of a step, from delegations in force now or later. A
 * delegate who is the requester is left out: nobody approves their own request, not even on
 * someone else's behalf.
 */
export async function delegatesFor(tx: Tx, approverIds: readonly string[], today: string, requesterId?: string): Promise<StepDelegate[]> {
  const out: StepDelegate[] = [];
  for (const forId of approverIds) {
    for (const d of await tx.find('delegations', 'fromUserId', forId)) {
      if (d.toUserId !== forId && d.toUserId !== requesterId && delegationCurrentOrFuture(d, today)) out.push({ forId, toId: d.toUserId, delegationId: d.id });
    }
  }
  return out.sort((a, b) => (a.delegationId < b.delegationId ? -1 : a.delegationId > b.delegationId ? 1 : 0));
}

/**
 * The steps of a route, first one pending. Nobody approves their own request (their step goes
 * one level up) and nobody approves twice: someone named in a later step is dropped from the
 * earlier one, which keeps the higher authority; steps left with nobody are skipped.
 */
export async function planSteps(tx: Tx, requester: User, policySteps: readonly PolicyStep[], today: string): Promise<ApprovalStep[]> {
  const resolved: Array<{ step: PolicyStep; ids: string[] }> = [];
  for (const step of policySteps) resolved.push({ step, ids: await approversOf(tx, requester, step) });
  for (let i = 0; i < resolved.length; i++) {
    const later = new Set(resolved.slice(i + 1).flatMap((r) => r.ids));
    const entry = resolved[i];
    if (entry) entry.ids = entry.ids.filter((id) => !later.has(id));
  }
  const steps: ApprovalStep[] = [];
  for (const { step, ids } of resolved) {
    if (ids.length === 0) continue;
    steps.push({ kind: step.kind, role: step.role, mode: step.mode, approverIds: ids, delegates: [], status: steps.length === 0 ? 'pending' : 'waiting', decisions: [] });
  }
  const first = steps[0];
  if (first) first.delegates = await delegatesFor(tx, first.approverIds, today, requester.id);
  return steps;
}

/** Approvers of a step who have not decided yet. */
export function undecided(step: ApprovalStep): string[] {
  return step.approverIds.filter((id) => !step.decisions.some((d) => d.approverId === id));
}

/** Who may act on the steps now: the pending step's undecided approvers and their acting approvers. */
export function pendingApprovers(steps: readonly ApprovalStep[]): string[] {
  const step = steps.find((s) => s.status === 'pending');
  if (!step) return [];
  const open = undecided(step);
  const ids = new Set(open);
  for (const d of step.delegates) if (open.includes(d.forId)) ids.add(d.toId);
  return [...ids].sort();
}

/**
 * The approvers `actorId` may decide for on `step` today: themselves, or those whose decision
 * they may take as acting approver under a delegation in force.
 */
export async function actingFor(tx: Tx, step: ApprovalStep, actorId: string, today: string): Promise<string[]> {
  const open = undecided(step);
  if (open.includes(actorId)) return [actorId];
  const out: string[] = [];
  for (const d of step.delegates) {
    if (d.toId !== actorId || !open.includes(d.forId) || out.includes(d.forId)) continue;
    const delegation = await tx.get('delegations', d.delegationId);
    if (delegation && delegation.toUserId === actorId && delegationInForce(delegation, today)) out.push(d.forId);
  }
  return step.mode === 'any' ? out.slice(0, 1) : out;
}

/** Whether a step is complete after its decisions: one approval (any-of) or everyone's (countersign). */
export function stepApproved(step: ApprovalStep): boolean {
  const approvals = step.decisions.filter((d) => d.decision === 'approved');
  return step.mode === 'any' ? approvals.length > 0 : undecided(step).length === 0 && approvals.length === step.approverIds.length;
}
