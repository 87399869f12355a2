// Who will approve, before the user submits: the rule and steps leave.submit will choose
// (shared/leave/policy.ts chooseRule + planSteps), with the acting approver of anyone in the
// route who delegated, over the local documents.
import type { Delegation } from '../../../shared/domain/delegation';
import type { ApprovalStep } from '../../../shared/domain/leave';
import type { ApprovalRule } from '../../../shared/domain/policy';
import { chooseRule, delegatesFor, FALLBACK_STEPS, planSteps } from '../../../shared/leave/policy';
import type { DocTx } from '../../../shared/mutators/types';

type Tx = Pick<DocTx, 'get' | 'find'>;

export interface PlannedRoute {
  /** The policy rule that matched; null: the fallback route (the direct manager). */
  rule: ApprovalRule | null;
  /** Each step with its acting approvers filled in (the mutator fills them in as each step starts). */
  steps: ApprovalStep[];
  /** The delegations the acting approvers act under, by id, for their dates. */
  delegations: Map<string, Delegation>;
}

export async function planRoute(tx: Tx, userId: string, typeId: string, days: number, today: string): Promise<PlannedRoute | null> {
  const requester = await tx.get('users', userId);
  if (!requester) return null;
  const rule = await chooseRule(tx, { scope: 'leave', requester, typeId, quantity: days });
  const planned = await planSteps(tx, requester, rule?.steps ?? FALLBACK_STEPS, today);
  const steps: ApprovalStep[] = [];
  for (const step of planned) steps.push({ ...step, delegates: await delegatesFor(tx, step.approverIds, today) });
  return { rule, steps, delegations: await delegationsOf(tx, steps) };
}

/** The delegation documents behind the acting approvers of `steps`. */
export async function delegationsOf(tx: Pick<DocTx, 'get'>, steps: readonly ApprovalStep[]): Promise<Map<string, Delegation>> {
  const out = new Map<string, Delegation>();
  for (const step of steps) {
    for (const d of step.delegates) {
      if (out.has(d.delegationId)) continue;
      const doc = await tx.get('delegations', d.delegationId);
      if (doc) out.set(doc.id, doc);
    }
  }
  return out;
}
