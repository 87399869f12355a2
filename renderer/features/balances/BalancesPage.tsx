// "My balances": one card per balance-tracked leave type, how the annual entitlement was
// computed, and the ledger behind the numbers. Everything is read from this device's copy,
// so it works offline and counts the user's own unsent requests as reserved.
import { useTranslation } from 'react-i18next';
import { Card, Col, Empty, Row, Space } from 'antd';
import { agencyDate } from '../../../shared/calendar/dates';
import { leaveTypeName } from '../../../shared/domain/leaveTypes';
import { useCurrentUser, useLedger, useLeaveTypes, useMyLeaveRequests } from '../../db';
import { LoadingBlock } from '../../components/LoadingBlock';
import { BalanceCard } from './BalanceCard';
import { balancesOf } from './balanceModel';
import { EntitlementCard } from './EntitlementCard';
import { LedgerTable } from './LedgerTable';

export function BalancesPage() {
  const { t, i18n } = useTranslation();
  const types = useLeaveTypes();
  const ledger = useLedger();
  const requests = useMyLeaveRequests();
  const me = useCurrentUser();
  if (types === undefined || ledger === undefined || requests === undefined) return <LoadingBlock />;

  const today = agencyDate(new Date().toISOString());
  const year = Number(today.slice(0, 4));
  const balances = balancesOf(types, ledger, requests, today);
  const decreeType = types.find((type) => type.active && type.tracksBalance && type.allocation === 'decree514');
  const requestsById = new Map(requests.map((r) => [r.id, r]));

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card title={<span data-testid="page-title">{t('balances.title')}</span>} extra={t('balances.asOf', { date: today })}>
        {balances.length === 0 ? (
          <Empty description={t('balances.noTypes')} />
        ) : (
          <Row gutter={[16, 16]}>
            {balances.map(({ type, balance }) => (
              <Col key={type.id} xs={24} sm={12} xl={8} xxl={6}>
                <BalanceCard type={type} balance={balance} />
              </Col>
            ))}
          </Row>
        )}
      </Card>
      {decreeType && me && <EntitlementCard user={me} year={year} typeName={leaveTypeName(decreeType, i18n.language, decreeType.id)} />}
      <Card title={t('balances.ledger.title')}>
        <LedgerTable entries={ledger} types={types} requests={requestsById} linkRequests />
      </Card>
    </Space>
  );
}
