// The route a request would take, worked out as its mutator works it out (chooseRule, then
// planSteps over the rule's steps or the fallback), for the policy tester: leave as
// leave.submit, trips as travel.submit, claims as claims.submit (finance added last when the
// rule has no finance step).
import type { ApprovalStep } from '../../../shared/domain/leave';
import type { ApprovalRule, DestinationScope, PolicyScope } from '../../../shared/domain/policy';
import { chooseRule, FALLBACK_STEPS, planSteps, type RouteSubject } from '../../../shared/leave/policy';
import { parseYuan } from '../../../shared/money/money';
import type { DocTx } from '../../../shared/mutators/types';
import { withFinanceReview } from '../../../shared/mutators/claims';

export type TrialRequest =
  | { scope: 'leave'; userId: string; typeId: string; days: number }
  | { scope: 'travel'; userId: string; destinationScope: DestinationScope; amountFen: number }
  | { scope: 'reimbursement'; userId: string; amountFen: number; categories: readonly string[] };

export interface TrialRoute {
  /** Null: no rule matches and the fallback (direct manager) applies. */
  rule: ApprovalRule | null;
  /** Empty: nobody could approve (the request would be refused with leave.no_approver). */
  steps: ApprovalStep[];
}


function subjectOf(request: TrialRequest, requester: RouteSubject['requester']): RouteSubject {
  switch (request.scope) {
    case 'leave':
      return { scope: 'leave', requester, typeId: request.typeId, quantity: request.days };
    case 'travel':
      // Trip rules read the destination and the estimate; the length of a trip is not tried here.
      return { scope: 'travel', requester, typeId: null, quantity: 1, destinationScope: request.destinationScope, amountFen: request.amountFen };
    case 'reimbursement':
      return { scope: 'reimbursement', requester, typeId: null, quantity: Math.max(1, request.categories.length), amountFen: request.amountFen, categories: request.categories };
  }
}

/** Null when the person is not in the directory. */
export async function trialRoute(reader: Pick<DocTx, 'get' | 'find'>, request: TrialRequest, today: string): Promise<TrialRoute | null> {
  const requester = await reader.get('users', request.userId);
  if (!requester) return null;
  const rule = await chooseRule(reader, subjectOf(request, requester));
  let policySteps = rule?.steps ?? FALLBACK_STEPS;
  // As claims.submit does: every claim ends with finance's review.
  if (request.scope === 'reimbursement') policySteps = withFinanceReview(policySteps);
  return { rule, steps: await planSteps(reader, requester, policySteps, today) };
}

/** What the tester's form holds: the fields of every scope, amounts as the yuan typed. */
export interface TrialInput {
  scope: PolicyScope;
  userId: string | undefined;
  typeId: string | undefined;
  days: number | null;
  destinationScope: DestinationScope | undefined;
  amount: string;
  categories: string[];
}

export const EMPTY_TRIAL: TrialInput = { scope: 'leave', userId: undefined, typeId: undefined, days: 1, destinationScope: undefined, amount: '', categories: [] };

/**
 * The request to try, or null while something it needs is missing or not valid. An empty amount
 * is 0 (a trip without estimates, as travel.submit counts it); one that is not yuan is 'invalid'.
 */
export function trialRequestOf(input: TrialInput): TrialRequest | null | 'invalid' {
  const { userId } = input;
  if (!userId) return null;
  const amount = input.amount.trim();
  const amountFen = amount === '' ? 0 : parseYuan(amount);
  switch (input.scope) {
    case 'leave':
      return input.typeId && input.days !== null && input.days > 0 ? { scope: 'leave', userId, typeId: input.typeId, days: input.days } : null;
    case 'travel':
      if (amountFen === null) return 'invalid';
      return input.destinationScope ? { scope: 'travel', userId, destinationScope: input.destinationScope, amountFen } : null;
    case 'reimbursement':
      if (amountFen === null) return 'invalid';
      return { scope: 'reimbursement', userId, amountFen, categories: input.categories };
  }
}
