// Trips and claims waiting for the signed-in user's decision, as approver or acting approver.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Card, Empty, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { CheckOutlined, CloseOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import type { TravelRequest } from '../../../shared/domain/travel';
import { formatYuan } from '../../../shared/money/money';
import { agencyDate } from '../../../shared/calendar/dates';
import { useDirectory, useDocQuery, useRoutedTravel } from '../../db';
import { testId } from '../../components/testId';
import { formatList } from '../leave/format';
import { stepLabel } from '../leave/stepLabel';
import { ClaimSummary } from './ClaimSummary';
import { destinationsOf } from './format';
import { RoutedDecisionDialog, type RoutedItem, type RoutedTarget } from './RoutedDecisionDialog';
import { routedPrincipals } from './routedPrincipals';

export function TravelApprovalsPage() {
  const { t, i18n } = useTranslation();
  const routed = useRoutedTravel();
  const directory = useDirectory();
  const [target, setTarget] = useState<RoutedTarget | null>(null);
  const nameOf = (id: string) => directory?.users.get(id)?.displayName ?? t('common.unknownUser');
  const today = agencyDate(new Date().toISOString());
  // For whom the user decides on each document (empty: as themselves), keyed by document id.
  const acting = useDocQuery(
    async (tx, userId) => {
      const out = new Map<string, string[]>();
      for (const doc of [...(routed?.trips ?? []), ...(routed?.claims ?? [])]) out.set(doc.id, await routedPrincipals(tx, doc.steps, userId, today));
      return out;
    },
    [routed, today],
  );
  const principalsOf = (item: RoutedItem) => acting?.get(item.doc.id) ?? [];
  const open = (item: RoutedItem, decision: RoutedTarget['decision']) =>
    setTarget({ item, decision, requesterName: nameOf(item.doc.requesterId), principalNames: principalsOf(item).map(nameOf) });

  const items: RoutedItem[] = routed
    ? [...routed.trips.map((doc): RoutedItem => ({ kind: 'trip', doc })), ...routed.claims.map((doc): RoutedItem => ({ kind: 'claim', doc }))].sort((a, b) =>
        a.doc.createdAt.localeCompare(b.doc.createdAt),
      )
    : [];

  const columns: TableColumnsType<RoutedItem> = [
    {
      key: 'requester',
      title: t('travel.col.requester'),
      width: 110,
      render: (_, item) => nameOf(item.doc.requesterId),
    },
    {
      key: 'what',
      title: t('travel.col.what'),
      render: (_, item) => (
        <Space size={4} wrap>
          <Tag color={item.kind === 'trip' ? 'blue' : 'gold'}>{t(`travel.routed.kind.${item.kind}`)}</Tag>
          <span>{item.kind === 'trip' ? item.doc.purpose : item.doc.title}</span>
          {item.kind === 'trip' && <Typography.Text type="secondary">{destinationsOf(item.doc.legs).join('、')}</Typography.Text>}
        </Space>
      ),
    },
    {
      key: 'amount',
      title: t('travel.col.amount'),
      width: 240,
      render: (_, item) =>
        item.kind === 'trip' ? (
          <div>
            <div>{t('travel.dateRange', { start: item.doc.startDate, end: item.doc.endDate })}</div>
            <Typography.Text type="secondary">{formatYuan(item.doc.estimatedFen)}</Typography.Text>
          </div>
        ) : (
          <strong>{formatYuan(item.doc.totalFen)}</strong>
        ),
    },
    {
      key: 'step',
      title: t('travel.col.step'),
      width: 140,
      render: (_, item) => {
        const step = item.doc.steps.find((s) => s.status === 'pending');
        const principals = principalsOf(item);
        return (
          <Space direction="vertical" size={2}>
            <span>{step ? stepLabel(t, step) : '—'}</span>
            {principals.length > 0 && (
              <Tag color="geekblue" style={{ whiteSpace: 'normal' }} data-testid="routed-acting">
                {t('approvals.onBehalfOf', { names: formatList(principals.map(nameOf), i18n.language) })}
              </Tag>
            )}
          </Space>
        );
      },
    },
    { key: 'submitted', title: t('leave.col.submittedAt'), width: 150, render: (_, item) => dayjs(item.doc.createdAt).format('YYYY-MM-DD HH:mm') },
    {
      key: 'actions',
      title: t('travel.col.actions'),
      width: 190,
      render: (_, item) => (
        <Space size={8}>
          <Button size="small" type="primary" icon={<CheckOutlined />} onClick={() => open(item, 'approve')} data-testid="routed-approve">
            {t('travel.routed.approve')}
          </Button>
          <Button size="small" danger icon={<CloseOutlined />} onClick={() => open(item, 'reject')} data-testid="routed-reject">
            {t('travel.routed.reject')}
          </Button>
        </Space>
      ),
    },
  ];

  return (
    <Card title={<span data-testid="page-title">{t('travel.routed.title')}</span>}>
      <Table<RoutedItem>
        rowKey={(item) => `${item.kind}:${item.doc.id}`}
        columns={columns}
        dataSource={items}
        loading={routed === undefined}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        onRow={(item) => testId('routed-row', { id: item.doc.id, kind: item.kind })}
        expandable={{
          expandedRowRender: (item) => (item.kind === 'claim' ? <ClaimSummary claim={item.doc} /> : <TripBrief trip={item.doc} />),
        }}
        locale={{ emptyText: routed === undefined ? ' ' : <Empty description={t('travel.routed.empty')} /> }}
        data-testid="routed-table"
      />
      <RoutedDecisionDialog target={target} onClose={() => setTarget(null)} />
    </Card>
  );
}

function TripBrief({ trip }: { trip: TravelRequest }) {
  const { t } = useTranslation();
  return (
    <Space direction="vertical" size={4} data-testid="routed-trip-brief">
      <Typography.Text>{t('travel.summary.days', { days: trip.tripDays, working: trip.workingDays })} · {t(`travel.scope.${trip.destinationScope}`)}</Typography.Text>
      {trip.legs.map((leg, i) => (
        <Typography.Text key={i} type="secondary">
          {leg.date} {leg.fromCity} → {leg.toCity} · {t(`travel.mode.${leg.mode}`)} {t(`travel.class.${leg.travelClass}`)}
        </Typography.Text>
      ))}
      {trip.advanceFen > 0 && <Typography.Text>{t('travel.detail.advance')}: {formatYuan(trip.advanceFen)}</Typography.Text>}
    </Space>
  );
}

