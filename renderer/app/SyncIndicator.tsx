// The header's answer to "is my work safe and sent?": online / offline / connecting, how many
// changes wait for the server, when it last synced, and the two states that need the user
// (session expired, upgrade required).
import { useTranslation } from 'react-i18next';
import { Badge, Button, Space, Tooltip, Typography } from 'antd';
import { ExclamationCircleFilled } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useAppDispatch, useAppSelector } from './hooks';
import { selectIndicatorState, selectSyncStatus, type IndicatorState } from './syncSlice';
import { reloginRequested } from './uiSlice';

const BADGE: Record<Exclude<IndicatorState, 'problem'>, 'success' | 'default' | 'processing'> = {
  online: 'success',
  offline: 'default',
  connecting: 'processing',
};

export function SyncIndicator() {
  const { t } = useTranslation();
  const dispatch = useAppDispatch();
  const status = useAppSelector(selectSyncStatus);
  const state = useAppSelector(selectIndicatorState);
  const { pending, problem, connection, lastSyncedAt } = status;

  let content;
  let hint: string;
  if (problem) {
    hint = t(`sync.hint.${problem}`);
    content = (
      <Space size={8}>
        <Typography.Text type="danger">
          <ExclamationCircleFilled /> {t(`sync.problem.${problem}`)}
        </Typography.Text>
        {pending > 0 && <Typography.Text type="secondary">{t('sync.pending', { count: pending })}</Typography.Text>}
        {problem === 'auth_expired' && (
          <Button size="small" type="primary" onClick={() => dispatch(reloginRequested())} data-testid="relogin-open">
            {t('sync.signInAgain')}
          </Button>
        )}
      </Space>
    );
  } else {
    hint = t(`sync.hint.${connection}`);
    const connectionText =
      connection === 'online'
        ? lastSyncedAt
          ? t('sync.lastSynced', { time: dayjs(lastSyncedAt).format('HH:mm:ss') })
          : t('sync.online')
        : t(`sync.${connection}`);
    content = (
      <Space size={8}>
        <Badge status={connection === 'online' && pending > 0 ? 'processing' : BADGE[connection]} text={connection === 'online' && pending > 0 ? t('sync.online') : connectionText} />
        {pending > 0 && <Typography.Text strong>{t('sync.pending', { count: pending })}</Typography.Text>}
      </Space>
    );
  }

  return (
    <Tooltip title={hint} placement="bottomRight">
      <div data-testid="sync-indicator" data-state={state} data-pending={pending} role="status" aria-live="polite" aria-label={hint} style={{ display: 'flex', alignItems: 'center', whiteSpace: 'nowrap' }}>
        {content}
      </div>
    </Tooltip>
  );
}
