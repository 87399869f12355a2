// For whom the user decides on a trip or a claim: nobody (they are the approver), or the
// approvers they stand in for under a delegation. Asked of actingFor, the function travel.decide
// and claim.decide use, so the dialog says what the record will say.
import { delegationCurrentOrFuture } from '../../../shared/domain/delegation';
import type { ApprovalStep } from '../../../shared/domain/leave';
import { actingFor, undecided } from '../../../shared/leave/policy';
import type { DocTx } from '../../../shared/mutators/types';

type Tx = Pick<DocTx, 'get' | 'find'>;

/** The approvers `userId` decides for on the pending step of `steps`; empty when deciding as themselves. */
export async function routedPrincipals(tx: Tx, steps: readonly ApprovalStep[], userId: string, today: string): Promise<string[]> {
  const step = steps.find((s) => s.status === 'pending');
  if (!step || undecided(step).includes(userId)) return [];
  const forIds = await actingFor(tx, step, userId, today);
  if (forIds.length > 0) return forIds;
  // A delegation that starts later: the user will decide for them, not yet today.
  const open = undecided(step);
  const later: string[] = [];
  for (const d of step.delegates) {
    if (d.toId !== userId || !open.includes(d.forId) || later.includes(d.forId)) continue;
    const delegation = await tx.get('delegations', d.delegationId);
    if (delegation && delegationCurrentOrFuture(delegation, today)) later.push(d.forId);
  }
  return later;
}
