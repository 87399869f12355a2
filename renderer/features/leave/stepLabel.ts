import type { TFunction } from 'i18next';
import type { ApprovalStep } from '../../../shared/domain/leave';

/** What a step is, in words: "直接上级", "部门负责人", or the role that approves ("人事干部"). */
export function stepLabel(t: TFunction, step: Pick<ApprovalStep, 'kind' | 'role'>): string {
  if (step.kind === 'role' && step.role) return t(`userRole.${step.role}`);
  return t(`stepKind.${step.kind}`);
}

/** How a step with several approvers decides; nothing to say when there is one approver. */
export function stepModeText(t: TFunction, step: Pick<ApprovalStep, 'mode' | 'approverIds'>): string | null {
  if (step.approverIds.length < 2) return null;
  return t(step.mode === 'all' ? 'leave.step.allOf' : 'leave.step.anyOf');
}
