import { useTranslation } from 'react-i18next';
import { Space, Tag } from 'antd';
import type { ClaimStatus } from '../../../shared/domain/claim';

const COLORS: Record<ClaimStatus, string> = { pending: 'processing', approved: 'success', rejected: 'error', withdrawn: 'default', paid: 'green' };

/** A trip's or a claim's status, and "not synced" while a local change has not reached the server. */
export function TripStatusTag({ status, waitingSync }: { status: ClaimStatus; waitingSync: boolean }) {
  const { t } = useTranslation();
  return (
    <Space size={4} wrap>
      <Tag color={COLORS[status]} data-testid="trip-status" data-status={status}>
        {t(`travel.status.${status}`)}
      </Tag>
      {waitingSync && (
        <Tag color="warning" data-testid="trip-waiting-sync">
          {t('travel.waitingSync')}
        </Tag>
      )}
    </Space>
  );
}
