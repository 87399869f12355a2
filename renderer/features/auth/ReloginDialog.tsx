// After the session expired, only the password is asked: the user, the server and the local
// data stay as they are, and the outbox drains once the engine has the new token.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Form, Input, Modal, Typography } from 'antd';
import { useAppDispatch, useAppSelector } from '../../app/hooks';
import { useSessionController } from '../../app/sessionContext';
import { selectSession } from '../../app/sessionSlice';
import { reloginDismissed, selectReloginOpen } from '../../app/uiSlice';
import { login } from './authApi';
import { loginErrorMessage } from './loginMessage';

export function ReloginDialog() {
  const { t } = useTranslation();
  const dispatch = useAppDispatch();
  const controller = useSessionController();
  const open = useAppSelector(selectReloginOpen);
  const session = useAppSelector(selectSession);
  const [form] = Form.useForm<{ password: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit({ password }: { password: string }): Promise<void> {
    if (!session) return;
    setBusy(true);
    setError(null);
    const outcome = await login(session.serverUrl, { username: session.user.username, password });
    setBusy(false);
    if (!outcome.ok) {
      setError(loginErrorMessage(t, outcome));
      return;
    }
    if (outcome.login.user.id !== session.user.id) {
      setError(t('relogin.wrongUser'));
      return;
    }
    await controller.renew(outcome.login);
    form.resetFields();
  }

  function close(): void {
    setError(null);
    form.resetFields();
    dispatch(reloginDismissed());
  }

  return (
    <Modal
      open={open && session !== null}
      title={t('relogin.title')}
      okText={t('relogin.submit')}
      cancelText={t('relogin.later')}
      onOk={() => form.submit()}
      onCancel={close}
      confirmLoading={busy}
      okButtonProps={{ 'data-testid': 'relogin-submit' }}
      destroyOnHidden
      data-testid="relogin-dialog"
    >
      <Typography.Paragraph>{t('relogin.description', { name: session?.user.displayName ?? '' })}</Typography.Paragraph>
      <Form form={form} layout="vertical" requiredMark={false} onFinish={(values) => void submit(values)}>
        <Form.Item name="password" label={t('relogin.password')} rules={[{ required: true, message: t('signin.passwordRequired') }]}>
          <Input.Password autoComplete="current-password" autoFocus data-testid="relogin-password" />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon message={error} role="alert" data-testid="relogin-error" />}
    </Modal>
  );
}
