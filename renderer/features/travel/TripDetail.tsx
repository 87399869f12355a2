import { useTranslation } from 'react-i18next';
import { Descriptions, Empty, Table, Typography } from 'antd';
import type { Leg, TravelRequest } from '../../../shared/domain/travel';
import { formatYuan } from '../../../shared/money/money';
import { useDirectory } from '../../db';
import { TripStatusTag } from './TripStatusTag';
import { TravelTimeline } from './TravelTimeline';

export function TripDetail({ trip, waitingSync }: { trip: TravelRequest | null; waitingSync: boolean }) {
  const { t } = useTranslation();
  const directory = useDirectory();
  if (!trip) return <Empty description={t('travel.detail.notFound')} />;
  const nameOf = (id: string) => directory?.users.get(id)?.displayName ?? t('common.unknownUser');
  return (
    <div data-testid="trip-detail" data-id={trip.id} data-status={trip.status}>
      <Descriptions column={1} size="small" bordered styles={{ label: { width: 120 } }}>
        <Descriptions.Item label={t('travel.col.purpose')}>
          <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{trip.purpose}</Typography.Paragraph>
        </Descriptions.Item>
        <Descriptions.Item label={t('travel.col.status')}>
          <TripStatusTag status={trip.status} waitingSync={waitingSync} />
        </Descriptions.Item>
        <Descriptions.Item label={t('travel.detail.requester')}>{nameOf(trip.requesterId)}</Descriptions.Item>
        <Descriptions.Item label={t('travel.detail.companions')}>{trip.companionIds.length > 0 ? trip.companionIds.map(nameOf).join('、') : t('travel.detail.none')}</Descriptions.Item>
        <Descriptions.Item label={t('travel.col.dates')}>{t('travel.dateRange', { start: trip.startDate, end: trip.endDate })}</Descriptions.Item>
        <Descriptions.Item label={t('travel.detail.days')}>{t('travel.summary.days', { days: trip.tripDays, working: trip.workingDays })}</Descriptions.Item>
        <Descriptions.Item label={t('travel.detail.scope')}>{t(`travel.scope.${trip.destinationScope}`)}</Descriptions.Item>
        <Descriptions.Item label={t('travel.col.estimate')}>
          <div data-testid="trip-estimate-total">{formatYuan(trip.estimatedFen)}</div>
          {trip.estimates.map((e) => (
            <div key={e.category}>
              <Typography.Text type="secondary">
                {t(`travel.estimate.${e.category}`)} {formatYuan(e.amountFen)}
              </Typography.Text>
            </div>
          ))}
        </Descriptions.Item>
        <Descriptions.Item label={t('travel.detail.advance')}>{trip.advanceFen > 0 ? formatYuan(trip.advanceFen) : t('travel.detail.none')}</Descriptions.Item>
      </Descriptions>
      <Typography.Title level={5} style={{ marginTop: 24 }}>
        {t('travel.detail.legs')}
      </Typography.Title>
      <LegsTable legs={trip.legs} />
      <Typography.Title level={5} style={{ marginTop: 24 }}>
        {t('travel.detail.progress')}
      </Typography.Title>
      <TravelTimeline doc={trip} users={directory?.users} />
    </div>
  );
}

export function LegsTable({ legs }: { legs: Leg[] }) {
  const { t } = useTranslation();
  return (
    <Table<Leg & { key: number }>
      size="small"
      pagination={false}
      dataSource={legs.map((leg, key) => ({ ...leg, key }))}
      data-testid="trip-legs-table"
      columns={[
        { key: 'date', title: t('travel.leg.date'), dataIndex: 'date', width: 110 },
        { key: 'from', title: t('travel.leg.from'), dataIndex: 'fromCity' },
        { key: 'to', title: t('travel.leg.to'), dataIndex: 'toCity' },
        { key: 'mode', title: t('travel.leg.mode'), render: (_, leg) => t(`travel.mode.${leg.mode}`) },
        { key: 'class', title: t('travel.leg.class'), render: (_, leg) => t(`travel.class.${leg.travelClass}`) },
      ]}
    />
  );
}
