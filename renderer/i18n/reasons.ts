// Turns a reason code from a mutator or the server into the user's language. Parameters that
// are themselves codes (a request status, the change that made a decision stale) are translated
// too, so no raw code reaches the screen.
import type { TFunction } from 'i18next';
import { LEAVE_STATUSES, TIMELINE_ACTIONS, type LeaveStatus, type TimelineEvent } from '../../shared/domain/leave';
import { isReasonCode, type ReasonParams } from '../../shared/i18n/reasons';

function isLeaveStatus(value: unknown): value is LeaveStatus {
  return typeof value === 'string' && (LEAVE_STATUSES as readonly string[]).includes(value);
}

function isTimelineAction(value: unknown): value is TimelineEvent['action'] {
  return typeof value === 'string' && (TIMELINE_ACTIONS as readonly string[]).includes(value);
}

/** The reason as a clause ("it was approved meanwhile"), for use inside a sentence. */
export function reasonText(t: TFunction, code: string, params: ReasonParams = {}): string {
  if (!isReasonCode(code)) return t('common.unexpectedError');
  const values: Record<string, string | number> = { ...params };
  const status = params['status'];
  if (isLeaveStatus(status)) values['status'] = t(`statusInline.${status}`);
  const change = params['change'];
  // approval.request_changed names the last thing that happened to the request.
  values['change'] = isTimelineAction(change) ? t(`changeInline.${change}`) : t('changeInline.unknown');
  // "More than 0 days" reads badly: a type that always needs a document says just that.
  if (code === 'leave.attachment_required' && params['days'] === 0) return t('reasonDetail.leave.attachment_always');
  return t(`reason.${code}`, values);
}

/** Capitalises a clause for use on its own (a no-op for Chinese). */
export function sentence(text: string): string {
  return text.charAt(0).toLocaleUpperCase() + text.slice(1);
}

/** The reason as a sentence on its own, e.g. as a form error. */
export function reasonMessage(t: TFunction, code: string, params: ReasonParams = {}): string {
  return sentence(reasonText(t, code, params));
}
