import { useTranslation } from 'react-i18next';
import { App, Button, Popconfirm, type ButtonProps } from 'antd';
import { RollbackOutlined } from '@ant-design/icons';
import { MutationRejected } from '../../../shared/mutators';
import { useStore } from '../../db';
import { reasonMessage } from '../../i18n/reasons';

/** Withdraws a pending request after a confirmation; a refusal is shown in the user's words. */
export function WithdrawButton({ requestId, size }: { requestId: string; size?: ButtonProps['size'] }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const store = useStore();

  async function withdraw(): Promise<void> {
    try {
      await store.mutate('leave.withdraw', { id: requestId });
      void message.success(t('leave.withdrawn'));
    } catch (err) {
      void message.error(err instanceof MutationRejected ? reasonMessage(t, err.code, err.params) : t('common.unexpectedError'));
    }
  }

  return (
    <Popconfirm
      title={t('leave.withdrawConfirm')}
      description={t('leave.withdrawConfirmDetail')}
      okText={t('leave.withdraw')}
      cancelText={t('common.cancel')}
      okButtonProps={{ danger: true, 'data-testid': 'withdraw-confirm' }}
      onConfirm={withdraw}
    >
      <Button danger size={size} icon={<RollbackOutlined />} data-testid="withdraw-button" data-id={requestId}>
        {t('leave.withdraw')}
      </Button>
    </Popconfirm>
  );
}
