// Reason codes travel from the server (or a local mutator) to the user's screen, where each is
// translated. Every code here must have a message in every renderer catalog (the catalogs are
// typed against this list, so a missing translation fails the type check).
export const REASON_CODES = [
  'validation.invalid',
  'validation.date',
  'validation.id',
  'auth.invalid_credentials',
  'auth.too_many_attempts',
  'auth.session_expired',
  'auth.account_disabled',
  'auth.forbidden',
  'sync.upgrade_required',
  'sync.gap',
  'sync.client_mismatch',
  'sync.unavailable',
  'mutation.unknown',
  'leave.not_found',
  'leave.already_exists',
  'leave.invalid_span',
  'leave.no_working_days',
  'leave.too_long',
  'leave.reason_required',
  'leave.no_approver',
  'leave.not_withdrawable',
  'leave.not_yours',
  'approval.not_found',
  'approval.not_your_turn',
  'approval.already_decided',
  'approval.comment_required',
  'calendar.bad_file',
  'calendar.bad_line',
  'calendar.unsupported_format',
  'calendar.wrong_year',
  'calendar.duplicate_day',
  'calendar.workday_not_weekend',
] as const;

export type ReasonCode = (typeof REASON_CODES)[number];

export function isReasonCode(value: string): value is ReasonCode {
  return (REASON_CODES as readonly string[]).includes(value);
}

/** Values interpolated into a translated reason ({{days}}, ...). */
export type ReasonParams = Record<string, string | number>;
