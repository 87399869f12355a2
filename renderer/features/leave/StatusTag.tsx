import { useTranslation } from 'react-i18next';
import { Tag, Tooltip } from 'antd';
import { CloudUploadOutlined } from '@ant-design/icons';
import type { LeaveStatus } from '../../../shared/domain/leave';

const COLORS: Record<LeaveStatus, string> = {
  pending: 'processing',
  approved: 'success',
  rejected: 'error',
  withdrawn: 'default',
};

export function StatusTag({ status }: { status: LeaveStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={COLORS[status]} data-testid="status-tag">
      {t(`status.${status}`)}
    </Tag>
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
