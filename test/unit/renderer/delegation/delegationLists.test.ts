// The delegation page's lists: what I gave that is in force or coming, my standing rule, and
// where I act for someone else. Ended and inactive delegations are not shown.
import { describe, expect, it } from 'vitest';
import type { Delegation } from '../../../../shared/domain/delegation';
import { delegationLists, delegationPhase } from '../../../../renderer/features/delegation/delegationLists';

const TODAY = '2026-05-11';
let n = 0;
function delegation(patch: Partial<Delegation>): Delegation {
  n += 1;
  return {
    id: `d${n}`,
    kind: 'manual',
    fromUserId: 'lina',
    toUserId: 'zhangwei',
    startDate: '2026-05-10',
    endDate: '2026-05-12',
    sourceRequestId: null,
    active: true,
    note: '',
    createdAt: `2026-05-01T0${n % 10}:00:00.000Z`,
    updatedAt: `2026-05-01T0${n % 10}:00:00.000Z`,
    ...patch,
  };
}

describe('delegationPhase', () => {
  it('is in force from the first to the last day, upcoming before, ended after or when ended by hand', () => {
    expect(delegationPhase(delegation({ startDate: TODAY, endDate: TODAY }), TODAY)).toBe('in_force');
    expect(delegationPhase(delegation({ startDate: '2026-05-12', endDate: '2026-05-20' }), TODAY)).toBe('upcoming');
    expect(delegationPhase(delegation({ startDate: '2026-05-01', endDate: '2026-05-10' }), TODAY)).toBe('ended');
    expect(delegationPhase(delegation({ active: false }), TODAY)).toBe('ended');
    expect(delegationPhase(delegation({ kind: 'standing', startDate: null, endDate: null }), TODAY)).toBe('standing');
  });
});

describe('delegationLists', () => {
  const inForce = delegation({});
  const upcoming = delegation({ startDate: '2026-06-01', endDate: '2026-06-05', kind: 'on_leave', sourceRequestId: 'r1' });
  const ended = delegation({ startDate: '2026-04-01', endDate: '2026-04-03' });
  const cancelled = delegation({ startDate: '2026-07-01', endDate: '2026-07-03', active: false });
  const oldStanding = delegation({ kind: 'standing', startDate: null, endDate: null, toUserId: 'liuyang', updatedAt: '2026-01-01T00:00:00.000Z' });
  const standing = delegation({ kind: 'standing', startDate: null, endDate: null, toUserId: 'zhouting', updatedAt: '2026-05-01T00:00:00.000Z' });
  const forMe = delegation({ fromUserId: 'liuyang', toUserId: 'lina', startDate: '2026-05-20', endDate: '2026-05-22' });
  const forMeEnded = delegation({ fromUserId: 'liuyang', toUserId: 'lina', startDate: '2026-05-01', endDate: '2026-05-02' });
  const standingForMe = delegation({ fromUserId: 'zhangwei', toUserId: 'lina', kind: 'standing', startDate: null, endDate: null });
  const others = delegation({ fromUserId: 'liuyang', toUserId: 'zhangwei' });
  const lists = delegationLists([upcoming, ended, inForce, cancelled, oldStanding, standing, forMe, forMeEnded, standingForMe, others], 'lina', TODAY);

  it('lists what I gave that is in force or upcoming, earliest first', () => {
    expect(lists.given.map((d) => d.id)).toEqual([inForce.id, upcoming.id]);
  });

  it('takes the newest active standing rule as mine', () => {
    expect(lists.standing?.id).toBe(standing.id);
    expect(delegationLists([], 'lina', TODAY).standing).toBeNull();
  });

  it('lists where I act for others, dated and standing, apart', () => {
    expect(lists.actingFor.map((d) => d.id)).toEqual([forMe.id]);
    expect(lists.standingFor.map((d) => d.id)).toEqual([standingForMe.id]);
  });
});
