import { useTranslation } from 'react-i18next';
import { Typography } from 'antd';
import { formatBalanceDays } from '../leave/format';
import type { InboxItem } from './inbox';

/** The requester's balance of the type, so the approver knows what approving leaves. */
export function RequesterBalanceView({ item }: { item: InboxItem }) {
  const { t, i18n } = useTranslation();
  const { balance } = item;
  if (!balance) return null;
  if (balance.kind === 'unknown') {
    return (
      <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="inbox-balance" data-known={0}>
        {t('approvals.balance.unknown')}
      </Typography.Text>
    );
  }
  const short = balance.after < 0;
  return (
    <Typography.Text type={short && !balance.allowNegative ? 'danger' : 'secondary'} style={{ fontSize: 12 }} data-testid="inbox-balance" data-known={1} data-available={balance.available}>
      {t('approvals.balance.known', { available: formatBalanceDays(t, balance.available), after: formatBalanceDays(t, balance.after) })}
      {short && <span style={{ marginInlineStart: i18n.language.startsWith('zh') ? 0 : 4 }}>{t(balance.allowNegative ? 'approvals.balance.advance' : 'approvals.balance.short')}</span>}
    </Typography.Text>
  );
}
