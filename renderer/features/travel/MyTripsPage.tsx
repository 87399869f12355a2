import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { App, Button, Card, Drawer, Empty, Popconfirm, Space, Table, Tag, type TableColumnsType } from 'antd';
import { EyeOutlined, PlusOutlined, RollbackOutlined, AccountBookOutlined } from '@ant-design/icons';
import type { TravelRequest } from '../../../shared/domain/travel';
import { formatYuan } from '../../../shared/money/money';
import { MutationRejected } from '../../../shared/mutators';
import { useMyTrips, usePendingDocIds, useStore } from '../../db';
import { testId } from '../../components/testId';
import { reasonMessage } from '../../i18n/reasons';
import { destinationsOf } from './format';
import { TripDetail } from './TripDetail';
import { TripStatusTag } from './TripStatusTag';

/** The user's trips (requested, or joined as a companion); /trips/:id opens one in a drawer. */
export function MyTripsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const store = useStore();
  const { id } = useParams();
  const trips = useMyTrips();
  const pendingIds = usePendingDocIds();

  const columns: TableColumnsType<TravelRequest> = [
    {
      key: 'purpose',
      title: t('travel.col.purpose'),
      ellipsis: true,
      render: (_, r) => (
        <Space size={4}>
          {r.requesterId !== store.userId && <Tag data-testid="trip-companion-tag">{t('travel.companionTag')}</Tag>}
          <span>{r.purpose}</span>
        </Space>
      ),
    },
    { key: 'dates', title: t('travel.col.dates'), width: 220, render: (_, r) => <span style={{ whiteSpace: 'nowrap' }}>{t('travel.dateRange', { start: r.startDate, end: r.endDate })}</span> },
    { key: 'destinations', title: t('travel.col.destinations'), render: (_, r) => destinationsOf(r.legs).join('、') },
    { key: 'estimate', title: t('travel.col.estimate'), align: 'right', width: 130, render: (_, r) => formatYuan(r.estimatedFen) },
    { key: 'status', title: t('travel.col.status'), width: 150, render: (_, r) => <TripStatusTag status={r.status} waitingSync={pendingIds.has(r.id)} /> },
    {
      key: 'actions',
      title: t('travel.col.actions'),
      width: 240,
      render: (_, r) => (
        <Space size={8} wrap>
          <Button size="small" icon={<EyeOutlined />} onClick={() => navigate(`/trips/${r.id}`)} data-testid="trip-view">
            {t('travel.view')}
          </Button>
          <TripActions trip={r} size="small" />
        </Space>
      ),
    },
  ];

  const selected = id === undefined || trips === undefined ? undefined : (trips.find((r) => r.id === id) ?? null);

  return (
    <Card
      title={<span data-testid="page-title">{t('travel.list.title')}</span>}
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/trips/new')} data-testid="new-trip-button">
          {t('travel.list.new')}
        </Button>
      }
    >
      <Table<TravelRequest>
        rowKey="id"
        columns={columns}
        dataSource={trips ?? []}
        loading={trips === undefined}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        onRow={(r) => testId('trip-row', { id: r.id, status: r.status })}
        locale={{ emptyText: trips === undefined ? ' ' : <Empty description={t('travel.list.empty')} /> }}
        data-testid="trip-table"
      />
      <Drawer
        open={id !== undefined}
        onClose={() => navigate('/trips')}
        title={t('travel.detail.title')}
        width={640}
        extra={selected ? <TripActions trip={selected} /> : null}
        destroyOnHidden
      >
        {selected === undefined ? null : <TripDetail trip={selected} waitingSync={selected ? pendingIds.has(selected.id) : false} />}
      </Drawer>
    </Card>
  );
}

/** Withdraw (own pending trip) and 报销 (approved trip, own or joined). */
function TripActions({ trip, size }: { trip: TravelRequest; size?: 'small' }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const store = useStore();

  async function withdraw(): Promise<void> {
    try {
      await store.mutate('travel.withdraw', { id: trip.id });
      void message.success(t('travel.withdrawn'));
    } catch (err) {
      void message.error(err instanceof MutationRejected ? reasonMessage(t, err.code, err.params) : t('common.unexpectedError'));
    }
  }

  return (
    <Space size={8}>
      {trip.status === 'pending' && trip.requesterId === store.userId && (
        <Popconfirm
          title={t('travel.withdrawConfirm')}
          okText={t('travel.withdraw')}
          cancelText={t('common.cancel')}
          okButtonProps={{ danger: true, ...testId('trip-withdraw-confirm') }}
          onConfirm={withdraw}
        >
          <Button danger size={size} icon={<RollbackOutlined />} data-testid="trip-withdraw" data-id={trip.id}>
            {t('travel.withdraw')}
          </Button>
        </Popconfirm>
      )}
      {trip.status === 'approved' && (
        <Button size={size} type="primary" icon={<AccountBookOutlined />} onClick={() => navigate(`/claims/new?trip=${encodeURIComponent(trip.id)}`)} data-testid="trip-claim" data-id={trip.id}>
          {t('travel.claim')}
        </Button>
      )}
    </Space>
  );
}
