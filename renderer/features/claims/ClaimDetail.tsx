// A claim as its reader needs it: who and what, each line with its receipts, the allowances,
// the totals, the payment, and what happened to it so far.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Descriptions, Empty, List, Space, Table, Timeline, Typography, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import type { Claim, ClaimLine } from '../../../shared/domain/claim';
import { capitalAmount, formatYuan } from '../../../shared/money/money';
import { useDirectory, useTravelStandardsInForce } from '../../db';
import { AttachmentList } from '../leave/AttachmentList';
import { ClaimStatusTag } from './ClaimStatusTag';

export function ClaimDetail({ claim, actions }: { claim: Claim; actions?: ReactNode }) {
  const { t } = useTranslation();
  const directory = useDirectory();
  const standards = useTravelStandardsInForce();
  const nameOf = (id: string) => directory?.users.get(id)?.displayName ?? id;
  const regionName = (id: string) => standards?.regions.find((r) => r.id === id)?.name ?? id;
  const receipts = claim.lines.flatMap((l) => l.receipts);

  const columns: TableColumnsType<ClaimLine> = [
    { key: 'date', title: t('claims.col.date'), dataIndex: 'date', width: 110 },
    { key: 'category', title: t('claims.col.category'), render: (_, l) => t(`claims.category.${l.category}`), width: 120 },
    {
      key: 'description',
      title: t('claims.col.description'),
      render: (_, l) => (
        <Space direction="vertical" size={0}>
          <span>{[l.description, l.category === 'lodging' && l.city ? `${l.city} · ${l.nights}` : ''].filter(Boolean).join(' · ')}</span>
          {l.overStandard && (
            <Typography.Text type="warning" style={{ fontSize: 12 }}>
              {t('claims.detail.overStandard', { limit: formatYuan(l.overStandard.limitFen), explanation: l.overStandard.explanation })}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    { key: 'invoice', title: t('claims.col.invoice'), render: (_, l) => l.invoiceNumber ?? '—', width: 160 },
    { key: 'amount', title: t('claims.col.amount'), align: 'right', render: (_, l) => (l.currency === 'CNY' ? formatYuan(l.amountFen) : `${l.currency} ${(l.amountMinor / 100).toFixed(2)} → ${formatYuan(l.amountFen)}`), width: 180 },
  ];

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }} data-testid="claim-detail" data-id={claim.id} data-status={claim.status}>
      <Descriptions size="small" column={2} bordered>
        <Descriptions.Item label={t('claims.col.title')} span={2}>
          {claim.title}
        </Descriptions.Item>
        <Descriptions.Item label={t('claims.detail.requester')}>{nameOf(claim.requesterId)}</Descriptions.Item>
        <Descriptions.Item label={t('claims.detail.department')}>{directory?.departments.get(claim.departmentId)?.name ?? claim.departmentId}</Descriptions.Item>
        <Descriptions.Item label={t('claims.col.status')}>
          <ClaimStatusTag claim={claim} />
        </Descriptions.Item>
        <Descriptions.Item label={t('claims.col.submittedAt')}>{dayjs(claim.createdAt).format('YYYY-MM-DD HH:mm')}</Descriptions.Item>
        <Descriptions.Item label={t('claims.totals.total')}>
          <span data-testid="claim-detail-total">{formatYuan(claim.totalFen)}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('claims.totals.capital')}>{capitalAmount(claim.totalFen)}</Descriptions.Item>
        <Descriptions.Item label={t('claims.totals.advance')}>{formatYuan(claim.advanceFen)}</Descriptions.Item>
        <Descriptions.Item label={t('claims.totals.payable')}>{formatYuan(claim.payableFen)}</Descriptions.Item>
        {claim.payment && (
          <Descriptions.Item label={t('claims.detail.payment')} span={2}>
            {t('claims.detail.paidOn', { date: claim.payment.paidOn, reference: claim.payment.reference })}
          </Descriptions.Item>
        )}
      </Descriptions>
      {actions}
      <Typography.Title level={5}>{t('claims.detail.lines')}</Typography.Title>
      <Table<ClaimLine> rowKey="id" size="small" columns={columns} dataSource={claim.lines} pagination={false} scroll={{ x: true }} />
      {claim.allowances.length > 0 && (
        <>
          <Typography.Title level={5}>{t('claims.detail.allowances')}</Typography.Title>
          <List
            size="small"
            bordered
            dataSource={claim.allowances}
            renderItem={(a) => (
              <List.Item extra={formatYuan(a.amountFen)}>
                {t('claims.allowances.row', { kind: t(`claims.allowances.${a.kind}`), region: regionName(a.regionId), days: a.days, rate: formatYuan(a.rateFen) })}
              </List.Item>
            )}
          />
        </>
      )}
      <Typography.Title level={5}>{t('claims.detail.receipts')}</Typography.Title>
      {receipts.length > 0 ? <AttachmentList attachments={receipts} /> : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('claims.detail.noReceipts')} />}
      <Typography.Title level={5}>{t('claims.detail.timeline')}</Typography.Title>
      <Timeline
        items={[
          ...claim.history.map((e) => {
            const actor = e.onBehalfOfId ? t('claims.timeline.onBehalf', { name: nameOf(e.actorId), principal: nameOf(e.onBehalfOfId) }) : nameOf(e.actorId);
            return {
              color: e.action === 'rejected' ? 'red' : e.action === 'withdrawn' ? 'gray' : 'green',
              children: (
                <Space direction="vertical" size={0} data-testid="claim-timeline-event" data-action={e.action}>
                  <span>{t(`claims.timeline.${e.action}`, { name: actor })}</span>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {dayjs(e.at).format('YYYY-MM-DD HH:mm')}
                    {e.comment ? ` · ${e.comment}` : ''}
                  </Typography.Text>
                </Space>
              ),
            };
          }),
          ...(claim.status === 'pending' && claim.pendingApproverIds.length > 0
            ? [{ color: 'blue', children: <span>{t('claims.timeline.waiting', { names: claim.pendingApproverIds.map(nameOf).join('、') })}</span> }]
            : []),
        ]}
      />
    </Space>
  );
}
