// Which action the server refused, in words: "Your withdrawal of the annual leave request
// (2026-03-02 to 2026-03-04) was refused", followed by the translated reason.
import type { TFunction } from 'i18next';
import { z } from 'zod';
import type { LeaveRequest } from '../../../shared/domain/leave';
import { approvalDecideArgs, leaveSubmitArgs } from '../../../shared/mutators/leave';
import type { RejectionNotice } from '../../db';
import { reasonText } from '../../i18n/reasons';
import { formatSpan } from '../leave/format';

const withId = z.object({ id: z.string() });

/** The document a refused mutation was about, so the page can load it for the description. */
export function subjectIdOf(notice: Pick<RejectionNotice, 'name' | 'args'>): string | null {
  if (notice.name === 'approval.decide') {
    const parsed = approvalDecideArgs.safeParse(notice.args);
    return parsed.success ? parsed.data.requestId : null;
  }
  const parsed = withId.safeParse(notice.args);
  return parsed.success ? parsed.data.id : null;
}

export interface NoticeContext {
  /** The request the notice is about, if this client still has it. */
  request: LeaveRequest | undefined;
  nameOf(userId: string): string;
}

function leaveWords(t: TFunction, leave: Pick<LeaveRequest, 'type' | 'startDate' | 'startHalf' | 'endDate' | 'endHalf'>) {
  return { type: t(`leaveTypeInline.${leave.type}`), span: formatSpan(t, leave) };
}

export function describeAction(t: TFunction, notice: Pick<RejectionNotice, 'name' | 'args'>, ctx: NoticeContext): string {
  switch (notice.name) {
    case 'leave.submit': {
      const parsed = leaveSubmitArgs.safeParse(notice.args);
      if (parsed.success) return t('notice.action.leave.submit', leaveWords(t, parsed.data));
      break;
    }
    case 'leave.withdraw':
      if (ctx.request) return t('notice.action.leave.withdraw', leaveWords(t, ctx.request));
      break;
    case 'approval.decide': {
      const parsed = approvalDecideArgs.safeParse(notice.args);
      if (parsed.success && ctx.request) {
        const key = parsed.data.decision === 'approve' ? 'notice.action.approval.approve' : 'notice.action.approval.reject';
        return t(key, { ...leaveWords(t, ctx.request), name: ctx.nameOf(ctx.request.requesterId) });
      }
      break;
    }
  }
  return t('notice.action.unknown');
}

/** The whole sentence: the action, then why it was refused. */
export function describeRejection(t: TFunction, notice: Pick<RejectionNotice, 'name' | 'args' | 'code' | 'params'>, ctx: NoticeContext): string {
  return t('notice.because', { action: describeAction(t, notice, ctx), reason: reasonText(t, notice.code, notice.params) });
}
