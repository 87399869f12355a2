// The route a leave request would take, worked out as leave.submit works it out (chooseRule,
// then planSteps over the rule's steps or the fallback), for the policy tester.
import type { ApprovalStep } from '../../../shared/domain/leave';
import type { ApprovalRule } from '../../../shared/domain/policy';
import { chooseRule, FALLBACK_STEPS, planSteps } from '../../../shared/leave/policy';
import type { DocTx } from '../../../shared/mutators/types';

export interface TrialRequest {
  userId: string;
  typeId: string;
  days: number;
}

export interface TrialRoute {
  /** Null: no rule matches and the fallback (direct manager) applies. */
  rule: ApprovalRule | null;
  /** Empty: nobody could approve (the request would be refused with leave.no_approver). */
  steps: ApprovalStep[];
}

/** Null when the person is not in the directory. */
export async function trialRoute(reader: Pick<DocTx, 'get' | 'find'>, request: TrialRequest, today: string): Promise<TrialRoute | null> {
  const requester = await reader.get('users', request.userId);
  if (!requester) return null;
  const rule = await chooseRule(reader, { scope: 'leave', requester, typeId: request.typeId, quantity: request.days });
  return { rule, steps: await planSteps(reader, requester, rule?.steps ?? FALLBACK_STEPS, today) };
}
