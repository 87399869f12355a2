// An approver names an acting approver: for a date range ('manual'), or whenever they are on
// approved leave ('standing'). Pending items route to the acting approver at once.
import { z } from 'zod';
import { agencyDate, daysBetween, isoDateSchema } from '../calendar/dates';
import { idSchema } from '../domain/ids';
import { loadActor } from './common';
import { reroute } from './effects';
import { defineMutator, MutationRejected } from './types';

export const MAX_DELEGATION_DAYS = 366;

export const delegationSetArgs = z.object({
  id: idSchema,
  kind: z.enum(['manual', 'standing']),
  toUserId: idSchema,
  startDate: isoDateSchema.nullable(),
  endDate: isoDateSchema.nullable(),
  note: z.string().max(200),
});
export type DelegationSetArgs = z.infer<typeof delegationSetArgs>;

export const delegationSet = defineMutator({
  args: delegationSetArgs,
  async run(ctx, args) {
    const actor = await loadActor(ctx);
    if (args.toUserId === actor.id) throw new MutationRejected('delegation.self');
    const to = await ctx.tx.get('users', args.toUserId);
    if (!to || !to.active) throw new MutationRejected('delegation.invalid_user');
    const existing = await ctx.tx.get('delegations', args.id);
    if (existing && existing.fromUserId !== actor.id) throw new MutationRejected('delegation.not_yours');
    let { startDate, endDate } = args;
    if (args.kind === 'manual') {
      if (startDate === null || endDate === null || endDate < startDate || endDate < agencyDate(ctx.now)) throw new MutationRejected('delegation.invalid_range');
      if (daysBetween(startDate, endDate) >= MAX_DELEGATION_DAYS) throw new MutationRejected('delegation.invalid_range');
    } else {
      startDate = null;
      endDate = null;
      // One standing rule per person: a new one replaces the others.
      for (const other of await ctx.tx.find('delegations', 'fromUserId', actor.id)) {
        if (other.kind === 'standing' && other.active && other.id !== args.id) await ctx.tx.put('delegations', { ...other, active: false, updatedAt: ctx.now });
      }
    }
    const delegation = {
      id: args.id,
      kind: args.kind,
      fromUserId: actor.id,
      toUserId: to.id,
      startDate,
      endDate,
      sourceRequestId: null,
      active: true,
      note: args.note.trim(),
      createdAt: existing?.createdAt ?? ctx.now,
      updatedAt: ctx.now,
    };
    await ctx.tx.put('delegations', delegation);
    if (args.kind === 'manual') await reroute(ctx, actor.id, delegation, existing?.id);
    // A date range turned into a standing rule no longer routes anything by itself.
    else if (existing?.kind === 'manual' && existing.active) await reroute(ctx, actor.id, null, existing.id);
  },
});

export const delegationEnd = defineMutator({
  args: z.object({ id: idSchema }),
  async run(ctx, args) {
    const delegation = await ctx.tx.get('delegations', args.id);
    if (!delegation) throw new MutationRejected('delegation.not_found');
    if (delegation.fromUserId !== ctx.actorId) throw new MutationRejected('delegation.not_yours');
    if (!delegation.active) return;
    await ctx.tx.put('delegations', { ...delegation, active: false, updatedAt: ctx.now });
    await reroute(ctx, delegation.fromUserId, null, delegation.id);
  },
});
