import { useTranslation } from 'react-i18next';
import { Descriptions, Empty, Typography } from 'antd';
import dayjs from 'dayjs';
import type { LeaveRequest } from '../../../shared/domain/leave';
import { useDirectory } from '../../db';
import { AttachmentList } from './AttachmentList';
import { formatDays, formatSpan } from './format';
import { RequestTags } from './StatusTag';
import { RequestTimeline } from './RequestTimeline';
import { useLeaveTypeName } from './useLeaveTypeName';

export function RequestDetail({ request, waitingSync }: { request: LeaveRequest | null; waitingSync: boolean }) {
  const { t } = useTranslation();
  const directory = useDirectory();
  const typeName = useLeaveTypeName();
  if (!request) return <Empty description={t('leave.detail.notFound')} />;
  const requester = directory?.users.get(request.requesterId);
  const department = directory?.departments.get(request.departmentId);
  const { cancellation, reportBack } = request;

  return (
    <div data-testid="request-detail" data-id={request.id} data-status={request.status}>
      <Descriptions column={1} size="small" bordered styles={{ label: { width: 120 } }}>
        <Descriptions.Item label={t('leave.col.type')}>{typeName(request.type)}</Descriptions.Item>
        <Descriptions.Item label={t('leave.col.dates')}>{formatSpan(t, request)}</Descriptions.Item>
        <Descriptions.Item label={t('leave.col.days')}>{formatDays(t, request.days, request.counting)}</Descriptions.Item>
        <Descriptions.Item label={t('leave.col.status')}>
          <RequestTags request={request} waitingSync={waitingSync} />
        </Descriptions.Item>
        <Descriptions.Item label={t('leave.detail.requester')}>{requester?.displayName ?? t('common.unknownUser')}</Descriptions.Item>
        <Descriptions.Item label={t('leave.detail.department')}>{department?.name ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('leave.col.submittedAt')}>{dayjs(request.createdAt).format('YYYY-MM-DD HH:mm')}</Descriptions.Item>
        <Descriptions.Item label={t('leave.detail.reason')}>
          <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{request.reason}</Typography.Paragraph>
        </Descriptions.Item>
        {cancellation && (
          <Descriptions.Item label={t('leave.detail.cancellation')}>
            <div data-testid="request-cancellation" data-status={cancellation.status}>
              <Typography.Text>{t(`leave.detail.cancellationStatus.${cancellation.status}`)}</Typography.Text>
              <Typography.Paragraph type="secondary" style={{ margin: 0, whiteSpace: 'pre-wrap' }}>
                {t('leave.timeline.cancelReason', { comment: cancellation.reason })}
              </Typography.Paragraph>
            </div>
          </Descriptions.Item>
        )}
        {reportBack && (
          <Descriptions.Item label={t('leave.detail.reportBack')}>
            <div data-testid="request-report-back" data-actual={reportBack.actualDays}>
              {t('leave.timeline.reportBackDetail', {
                date: reportBack.returnDate,
                half: t(`half.${reportBack.returnHalf}`),
                actual: formatDays(t, reportBack.actualDays, request.counting),
                returned: formatDays(t, Math.max(0, request.days - reportBack.actualDays), request.counting),
              })}
            </div>
          </Descriptions.Item>
        )}
        {request.attachments.length > 0 && (
          <Descriptions.Item label={t('leave.attachments.label')}>
            <AttachmentList attachments={request.attachments} />
          </Descriptions.Item>
        )}
      </Descriptions>
      <Typography.Title level={5} style={{ marginTop: 24 }}>
        {t('leave.detail.progress')}
      </Typography.Title>
      <RequestTimeline request={request} users={directory?.users} />
    </div>
  );
}
