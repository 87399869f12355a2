import { useTranslation } from 'react-i18next';
import { Descriptions, Empty, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import type { LeaveRequest } from '../../../shared/domain/leave';
import { useDirectory } from '../../db';
import { formatDays, formatSpan } from './format';
import { RequestTimeline } from './RequestTimeline';
import { StatusTag, WaitingSyncTag } from './StatusTag';

export function RequestDetail({ request, waitingSync }: { request: LeaveRequest | null; waitingSync: boolean }) {
  const { t } = useTranslation();
  const directory = useDirectory();
  if (!request) return <Empty description={t('leave.detail.notFound')} />;
  const requester = directory?.users.get(request.requesterId);
  const department = directory?.departments.get(request.departmentId);

  return (
    <div data-testid="request-detail" data-id={request.id} data-status={request.status}>
      <Descriptions column={1} size="small" bordered labelStyle={{ width: 120 }}>
        <Descriptions.Item label={t('leave.col.type')}>{t(`leaveType.${request.type}`)}</Descriptions.Item>
        <Descriptions.Item label={t('leave.col.dates')}>{formatSpan(t, request)}</Descriptions.Item>
        <Descriptions.Item label={t('leave.col.days')}>{formatDays(t, request.days)}</Descriptions.Item>
        <Descriptions.Item label={t('leave.col.status')}>
          <Space size={4} wrap>
            <StatusTag status={request.status} />
            {waitingSync && <WaitingSyncTag />}
          </Space>
        </Descriptions.Item>
        <Descriptions.Item label={t('leave.detail.requester')}>{requester?.displayName ?? t('common.unknownUser')}</Descriptions.Item>
        <Descriptions.Item label={t('leave.detail.department')}>{department?.name ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('leave.col.submittedAt')}>{dayjs(request.createdAt).format('YYYY-MM-DD HH:mm')}</Descriptions.Item>
        <Descriptions.Item label={t('leave.detail.reason')}>
          <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{request.reason}</Typography.Paragraph>
        </Descriptions.Item>
      </Descriptions>
      <Typography.Title level={5} style={{ marginTop: 24 }}>
        {t('leave.detail.progress')}
      </Typography.Title>
      <RequestTimeline request={request} users={directory?.users} />
    </div>
  );
}
