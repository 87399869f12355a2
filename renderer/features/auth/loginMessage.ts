import type { TFunction } from 'i18next';
import { reasonMessage } from '../../i18n/reasons';
import type { LoginOutcome } from './authApi';

/** The translated reason a sign-in failed. */
export function loginErrorMessage(t: TFunction, outcome: Exclude<LoginOutcome, { ok: true }>): string {
  switch (outcome.kind) {
    case 'unreachable':
      return t('signin.unreachable');
    case 'bad_response':
      return t('signin.badResponse');
    case 'refused':
      if (outcome.code === 'auth.too_many_attempts' && outcome.retryAfterSeconds !== undefined) {
        return t('signin.retryAfter', { seconds: outcome.retryAfterSeconds });
      }
      return reasonMessage(t, outcome.code);
  }
}
