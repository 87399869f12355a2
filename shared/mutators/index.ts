// The registry of mutators by name. Client and server look mutators up here and nowhere else.
import type { z } from 'zod';
import { calendarSaveYear, calendarSetDay, ledgerAdjust, ledgerAllocateYear, leaveTypeSave, policySaveRule } from './admin';
import { approvalDecide } from './approval';
import { claimDecide, claimMarkPaid, claimSubmit, claimWithdraw } from './claims';
import { standardsSave, travelDecide, travelSubmit, travelWithdraw } from './travel';
import { delegationEnd, delegationSet } from './delegation';
import { formArchive, formEdit, formPublish } from './forms';
import { meetingCancel, meetingIssue, meetingRemind, meetingReply, meetingUpdate } from './meetings';
import { leaveCancel, leaveReportBack, leaveSubmit, leaveWithdraw } from './leave';
import { isReasonCode } from '../i18n/reasons';
import { containsUnstorableText } from '../protocol/text';
import { MutationRejected, type MutationContext, type MutatorDef } from './types';

export const mutators = {
  'leave.submit': leaveSubmit,
  'leave.withdraw': leaveWithdraw,
  'leave.cancel': leaveCancel,
  'leave.reportBack': leaveReportBack,
  'approval.decide': approvalDecide,
  'delegation.set': delegationSet,
  'delegation.end': delegationEnd,
  'leaveType.save': leaveTypeSave,
  'calendar.saveYear': calendarSaveYear,
  'calendar.setDay': calendarSetDay,
  'policy.saveRule': policySaveRule,
  'ledger.adjust': ledgerAdjust,
  'ledger.allocateYear': ledgerAllocateYear,
  'travelStandards.save': standardsSave,
  'travel.submit': travelSubmit,
  'travel.withdraw': travelWithdraw,
  'travel.decide': travelDecide,
  'claim.submit': claimSubmit,
  'claim.withdraw': claimWithdraw,
  'claim.decide': claimDecide,
  'claim.markPaid': claimMarkPaid,
  'form.publish': formPublish,
  'form.edit': formEdit,
  'form.archive': formArchive,
  'meeting.issue': meetingIssue,
  'meeting.update': meetingUpdate,
  'meeting.cancel': meetingCancel,
  'meeting.remind': meetingRemind,
  'meeting.reply': meetingReply,
} as const;

export type MutatorName = keyof typeof mutators;
/** What a caller passes (defaults not yet applied). */
export type MutatorArgs<N extends MutatorName> = z.input<(typeof mutators)[N]['args']>;
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
    const field = issue ? issue.path.join('.') : '';
    // A schema rule that names its own reason ('policy.step_needs_role') says more than
    // "invalid"; the generic validation.* messages stay validation.invalid.
    if (issue && isReasonCode(issue.message) && !issue.message.startsWith('validation.')) throw new MutationRejected(issue.message, { field });
    throw new MutationRejected('validation.invalid', { field });
  }
  await def.run(ctx, parsed.data);
}

export { MutationRejected } from './types';
export type { CollectionName, Collections, DocTx, MutationContext, IndexedFields } from './types';
