// Whether a form file opens without the network: on this device, on its way (its category is
// pinned and the download has not happened yet), or only online.
import { useTranslation } from 'react-i18next';
import { Tag, Tooltip } from 'antd';
import { CheckCircleOutlined, CloudOutlined, SyncOutlined } from '@ant-design/icons';

export function OfflineTag({ cached, pinned }: { cached: boolean; pinned: boolean }) {
  const { t } = useTranslation();
  if (cached) {
    return (
      <Tooltip title={pinned ? t('forms.offline.pinnedHint') : t('forms.offline.cachedHint')}>
        <Tag color="green" icon={<CheckCircleOutlined />} data-testid="form-offline" data-state="cached">
          {t('forms.offline.cached')}
        </Tag>
      </Tooltip>
    );
  }
  if (pinned) {
    return (
      <Tooltip title={t('forms.offline.pendingHint')}>
        <Tag color="processing" icon={<SyncOutlined />} data-testid="form-offline" data-state="pending">
          {t('forms.offline.pending')}
        </Tag>
      </Tooltip>
    );
  }
  return (
    <Tooltip title={t('forms.offline.onlineOnlyHint')}>
      <Tag icon={<CloudOutlined />} data-testid="form-offline" data-state="online">
        {t('forms.offline.onlineOnly')}
      </Tag>
    </Tooltip>
  );
}
