// One leave type's balance: what is available now, and how it came to be.
import { useTranslation } from 'react-i18next';
import { Alert, Card, Descriptions, Space, Statistic, Typography } from 'antd';
import { daysBetween } from '../../../shared/calendar/dates';
import { leaveTypeName, type LeaveTypeDef } from '../../../shared/domain/leaveTypes';
import type { Balance } from '../../../shared/leave/ledger';

/** Days before expiry from which a reminder is shown in warning colour. */
const EXPIRY_WARNING_DAYS = 60;

export function BalanceCard({ type, balance }: { type: LeaveTypeDef; balance: Balance }) {
  const { t, i18n } = useTranslation();
  const days = (count: number) => t('balances.days', { count });
  // Lots granted for later (next year's allocation, a dated adjustment) are not usable yet.
  const upcoming = balance.lots.filter((lot) => lot.effectiveOn > balance.asOf && lot.remaining > 0);

  return (
    <Card
      size="small"
      title={leaveTypeName(type, i18n.language, type.id)}
      data-testid="balance-card"
      data-type={type.id}
      data-available={balance.available}
      style={{ height: '100%' }}
    >
      <Statistic
        title={t('balances.available')}
        value={balance.available}
        suffix={t('balances.daysUnit')}
        valueStyle={{ color: balance.available < 0 ? '#cf1322' : undefined }}
        formatter={(value) => <span data-testid="balance-available">{String(value)}</span>}
      />
      <Descriptions
        size="small"
        column={1}
        style={{ marginTop: 12 }}
        styles={{ label: { whiteSpace: 'nowrap' } }}
        items={[
          { key: 'allocated', label: t('balances.allocated'), children: <span data-testid="balance-allocated">{days(balance.allocated)}</span> },
          { key: 'used', label: t('balances.used'), children: <span data-testid="balance-used">{days(balance.used)}</span> },
          { key: 'reserved', label: t('balances.reserved'), children: <span data-testid="balance-reserved">{days(balance.reserved)}</span> },
        ]}
      />
      <Space direction="vertical" size={4} style={{ width: '100%' }}>
        {balance.expiring.map((e) => (
          <Typography.Text key={e.on} type={daysBetween(balance.asOf, e.on) <= EXPIRY_WARNING_DAYS ? 'warning' : 'secondary'} data-testid="balance-expiring">
            {t('balances.expiresOn', { count: e.days, date: e.on })}
          </Typography.Text>
        ))}
        {upcoming.map((lot) => (
          <Typography.Text key={lot.entryId} type="secondary" data-testid="balance-upcoming">
            {t('balances.usableFrom', { count: lot.remaining, date: lot.effectiveOn })}
          </Typography.Text>
        ))}
        {balance.allocated === 0 && balance.used === 0 && balance.reserved === 0 && <Typography.Text type="secondary">{t('balances.nothingYet')}</Typography.Text>}
        {balance.overdraft > 0 && <Alert type="warning" showIcon message={t('balances.overdrawn', { count: balance.overdraft })} />}
      </Space>
    </Card>
  );
}
