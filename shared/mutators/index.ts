// The registry of mutators by name. Client and server look mutators up here and nowhere else.
import type { z } from 'zod';
import { approvalDecide, leaveSubmit, leaveWithdraw } from './leave';
import { containsUnstorableText } from '../protocol/text';
import { MutationRejected, type MutationContext, type MutatorDef } from './types';

export const mutators = {
  'leave.submit': leaveSubmit,
  'leave.withdraw': leaveWithdraw,
  'approval.decide': approvalDecide,
} as const;

export type MutatorName = keyof typeof mutators;
export type MutatorArgs<N extends MutatorName> = z.infer<(typeof mutators)[N]['args']>;
export const MUTATOR_NAMES = Object.keys(mutators) as MutatorName[];

export function isMutatorName(name: string): name is MutatorName {
  return Object.hasOwn(mutators, name);
}

/**
 * Validates the arguments and runs the named mutator. Unknown names and arguments that do not
 * parse are final rejections: a retry would fail the same way.
 */
export async function runMutator(name: string, args: unknown, ctx: MutationContext): Promise<void> {
  if (!isMutatorName(name)) throw new MutationRejected('mutation.unknown', { name });
  if (containsUnstorableText(args)) throw new MutationRejected('validation.invalid', { field: 'text' });
  const def = mutators[name] as MutatorDef<z.ZodType>;
  const parsed = def.args.safeParse(args);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new MutationRejected('validation.invalid', { field: issue ? issue.path.join('.') : '' });
  }
  await def.run(ctx, parsed.data);
}

export { MutationRejected } from './types';
export type { CollectionName, Collections, DocTx, MutationContext, IndexedFields } from './types';
