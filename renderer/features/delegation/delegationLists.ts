// The delegation page's lists, from every delegation this client knows: the ones I gave that
// are in force or coming, my standing rule for when I am on leave, and the ones where I act
// for someone else.
import { delegationInForce, type Delegation } from '../../../shared/domain/delegation';

/** Where a dated delegation stands today; 'standing' has no dates of its own. */
export type DelegationPhase = 'in_force' | 'upcoming' | 'ended' | 'standing';

export function delegationPhase(d: Delegation, today: string): DelegationPhase {
  if (d.kind === 'standing') return d.active ? 'standing' : 'ended';
  if (delegationInForce(d, today)) return 'in_force';
  if (d.active && d.startDate !== null && d.startDate > today) return 'upcoming';
  return 'ended';
}

const byStart = (a: Delegation, b: Delegation) => (a.startDate ?? '').localeCompare(b.startDate ?? '') || a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id);

export interface DelegationLists {
  /** Dated delegations I gave (by hand, or while on approved leave), in force or upcoming. */
  given: Delegation[];
  /** Who acts for me whenever I am on approved leave; null: nobody named. */
  standing: Delegation | null;
  /** Dated delegations to me, in force or upcoming. */
  actingFor: Delegation[];
  /** Standing rules that name me: I will act when they are on approved leave. */
  standingFor: Delegation[];
}

export function delegationLists(all: readonly Delegation[], me: string, today: string): DelegationLists {
  const live = (d: Delegation) => {
    const phase = delegationPhase(d, today);
    return phase === 'in_force' || phase === 'upcoming';
  };
  const standing = all
    .filter((d) => d.fromUserId === me && d.kind === 'standing' && d.active)
    // Only one should be active; if a sync race left two, the newest is the one that counts.
    .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))[0];
  return {
    given: all.filter((d) => d.fromUserId === me && d.kind !== 'standing' && live(d)).sort(byStart),
    standing: standing ?? null,
    actingFor: all.filter((d) => d.toUserId === me && d.fromUserId !== me && d.kind !== 'standing' && live(d)).sort(byStart),
    standingFor: all.filter((d) => d.toUserId === me && d.fromUserId !== me && d.kind === 'standing' && d.active).sort((a, b) => a.createdAt.localeCompare(b.createdAt)),
  };
}
