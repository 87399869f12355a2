// How this year's annual leave was computed under Decree 514: working years, the statutory
// days they give, and the pro-rating of a mid-year join or a mid-year change of rate. Civil
// servants ask HR this every January; the page answers it with their own dates.
import { useTranslation } from 'react-i18next';
import { Alert, Card, Descriptions, Table, Typography, type TableColumnsType } from 'antd';
import type { User } from '../../../shared/domain/directory';
import { explainEntitlement, type EntitlementSegment } from './balanceModel';

interface EntitlementCardProps {
  user: Pick<User, 'firstEmployedOn' | 'joinedOn'>;
  year: number;
  /** The leave type's name ("年休假"), for the title. */
  typeName: string;
}

export function EntitlementCard({ user, year, typeName }: EntitlementCardProps) {
  const { t } = useTranslation();
  const x = explainEntitlement(user, year);
  const days = (count: number) => t('balances.days', { count });

  const columns: TableColumnsType<EntitlementSegment> = [
    { key: 'period', title: t('balances.entitlement.period'), render: (_, s) => t('balances.entitlement.range', { from: s.from, to: s.to }) },
    { key: 'days', title: t('balances.entitlement.calendarDays'), align: 'right', render: (_, s) => s.days },
    { key: 'rate', title: t('balances.entitlement.rate'), align: 'right', render: (_, s) => t('balances.entitlement.perYear', { count: s.rate }) },
    { key: 'earned', title: t('balances.entitlement.earned'), align: 'right', render: (_, s) => `${s.rate} × ${s.days} = ${s.earned}` },
  ];

  const formula =
    x.segments.length === 0
      ? null
      : t('balances.entitlement.formula', {
          terms: x.segments.map((s) => `${s.rate} × ${s.days}`).join(' + '),
          yearLength: x.yearLength,
          quotient: (x.earned / x.yearLength).toFixed(2),
          days: x.days,
        });

  return (
    <Card title={t('balances.entitlement.title', { year, type: typeName })} data-testid="entitlement-card" data-days={x.days}>
      {x.firstEmployedOn === null ? (
        <Alert type="info" showIcon message={t('balances.entitlement.noStartDate')} data-testid="entitlement-missing" />
      ) : (
        <>
          <Descriptions
            size="small"
            column={{ xs: 1, md: 2 }}
            bordered
            items={[
              { key: 'first', label: t('balances.entitlement.firstEmployedOn'), children: x.firstEmployedOn },
              { key: 'joined', label: t('balances.entitlement.joinedOn'), children: x.joinedOn ?? t('balances.entitlement.unknown') },
              {
                key: 'years',
                label: t('balances.entitlement.workingYears', { year }),
                children: <span data-testid="entitlement-years">{t('balances.entitlement.years', { count: x.workingYears ?? 0 })}</span>,
              },
              { key: 'statutory', label: t('balances.entitlement.statutory'), children: t('balances.entitlement.perYear', { count: x.statutoryDays }) },
              {
                key: 'granted',
                label: t('balances.entitlement.granted', { year }),
                children: (
                  <Typography.Text strong data-testid="entitlement-days">
                    {days(x.days)}
                  </Typography.Text>
                ),
              },
            ]}
          />
          {x.segments.length > 0 && !x.wholeYear && (
            <>
              <Typography.Paragraph style={{ marginTop: 16, marginBottom: 8 }}>{t('balances.entitlement.proRated')}</Typography.Paragraph>
              <Table<EntitlementSegment> rowKey="from" size="small" columns={columns} dataSource={x.segments} pagination={false} data-testid="entitlement-segments" />
              <Typography.Paragraph style={{ marginTop: 8 }} data-testid="entitlement-formula">
                {formula}
              </Typography.Paragraph>
            </>
          )}
          {x.segments.length === 0 && (
            <Typography.Paragraph type="secondary" style={{ marginTop: 16 }}>
              {t('balances.entitlement.noneThisYear')}
            </Typography.Paragraph>
          )}
        </>
      )}
      <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0, fontSize: 12 }}>
        {t('balances.entitlement.basis')}
      </Typography.Paragraph>
    </Card>
  );
}
