import { useTranslation } from 'react-i18next';
import { Space, Tag, Tooltip } from 'antd';
import { CloudUploadOutlined } from '@ant-design/icons';
import type { LeaveRequest, LeaveStatus } from '../../../shared/domain/leave';

const COLORS: Record<LeaveStatus, string> = {
  pending: 'processing',
  approved: 'success',
  rejected: 'error',
  withdrawn: 'default',
  cancelled: 'default',
};

export function StatusTag({ status }: { status: LeaveStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={COLORS[status]} data-testid="status-tag" data-status={status}>
      {t(`status.${status}`)}
    </Tag>
  );
}

/**
 * The status and what is going on beyond it: approved leave whose cancellation is awaiting
 * approval, leave reported back, a local change not yet on the server.
 */
export function RequestTags({ request, waitingSync }: { request: LeaveRequest; waitingSync: boolean }) {
  const { t } = useTranslation();
  const cancellation = request.status === 'approved' ? request.cancellation : null;
  return (
    <Space size={4} wrap>
      <StatusTag status={request.status} />
      {cancellation?.status === 'pending' && (
        <Tag color="warning" data-testid="cancellation-pending-tag">
          {t('leave.tag.cancellationPending')}
        </Tag>
      )}
      {cancellation?.status === 'rejected' && <Tag data-testid="cancellation-rejected-tag">{t('leave.tag.cancellationRejected')}</Tag>}
      {request.reportBack && (
        <Tag color="cyan" data-testid="reported-back-tag">
          {t('leave.tag.reportedBack')}
        </Tag>
      )}
      {waitingSync && <WaitingSyncTag />}
    </Space>
  );
}

/** Shown while a local change to the document has not reached the server. */
export function WaitingSyncTag() {
  const { t } = useTranslation();
  return (
    <Tooltip title={t('leave.waitingSyncHint')}>
      <Tag icon={<CloudUploadOutlined />} color="warning" data-testid="waiting-sync-tag">
        {t('leave.waitingSync')}
      </Tag>
    </Tooltip>
  );
}
