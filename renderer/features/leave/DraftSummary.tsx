// Under the dates: how many days the request takes, what it leaves of the balance, and every
// reason it would be refused, before the user presses submit.
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Alert, Space, Typography } from 'antd';
import { reasonMessage } from '../../i18n/reasons';
import type { DraftAssessment } from './draft';
import { formatBalanceDays, formatDays } from './format';

export function DaysView({ assessment }: { assessment: DraftAssessment | undefined }) {
  const { t } = useTranslation();
  const days = assessment?.days ?? { kind: 'incomplete' as const };
  const counting = assessment?.type?.counting ?? 'working';
  let view;
  if (days.kind === 'incomplete') view = <Typography.Text type="secondary">{t('leave.days.unknown')}</Typography.Text>;
  else if (days.kind === 'invalid') view = <Typography.Text type="danger">{t('leave.days.invalid')}</Typography.Text>;
  else if (days.days === 0) view = <Typography.Text type="warning">{t('leave.days.none')}</Typography.Text>;
  else view = <Typography.Text strong>{formatDays(t, days.days, counting)}</Typography.Text>;
  return (
    <div data-testid="leave-days" data-days={days.kind === 'days' ? days.days : ''} style={{ minHeight: 22 }}>
      {view}
    </div>
  );
}

export function daysHint(t: TFunction, assessment: DraftAssessment | undefined): string {
  return t(assessment?.type?.counting === 'calendar' ? 'leave.days.hintCalendar' : 'leave.days.hintWorking');
}

/** The balance of a type that draws on one: available now, and what this request leaves. */
export function BalanceView({ assessment }: { assessment: DraftAssessment | undefined }) {
  const { t } = useTranslation();
  const balance = assessment?.balance;
  if (!balance) return null;
  const days = assessment.days.kind === 'days' ? assessment.days.days : null;
  const short = balance.remaining !== null && balance.remaining < 0;
  return (
    <div data-testid="leave-balance" data-available={balance.available} data-remaining={balance.remaining ?? ''}>
      {balance.remaining === null || days === null || days === 0 ? (
        <Typography.Text>{t('leave.balance.available', { days: formatBalanceDays(t, balance.available) })}</Typography.Text>
      ) : (
        <Typography.Text type={short && !balance.allowNegative ? 'danger' : undefined}>
          {t('leave.balance.uses', { days: formatBalanceDays(t, days), remaining: formatBalanceDays(t, balance.remaining) })}
        </Typography.Text>
      )}
      {short && balance.allowNegative && (
        <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>
          {t('leave.balance.advance')}
        </Typography.Text>
      )}
    </div>
  );
}

/** Every reason leave.submit would refuse the draft, in the mutator's words. */
export function ProblemsView({ assessment }: { assessment: DraftAssessment | undefined }) {
  const { t } = useTranslation();
  // An inverted span is already said by the end-date field and the day count.
  const problems = (assessment?.problems ?? []).filter((p) => p.code !== 'leave.invalid_span');
  if (problems.length === 0) return null;
  return (
    <Space direction="vertical" size={8} style={{ width: '100%', marginBottom: 24 }} data-testid="leave-problems">
      {problems.map((p) => (
        <Alert key={p.code} type="warning" showIcon message={reasonMessage(t, p.code, p.params)} data-testid="leave-problem" data-code={p.code} />
      ))}
    </Space>
  );
}
