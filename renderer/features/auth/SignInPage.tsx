import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { GlobalOutlined, LockOutlined, UserOutlined, CloudServerOutlined } from '@ant-design/icons';
import { platform } from '../../platform';
import { useAppDispatch, useAppSelector } from '../../app/hooks';
import { useSessionController } from '../../app/sessionContext';
import { languageChanged, selectLanguage } from '../../app/uiSlice';
import { LanguageSelect } from '../../components/LanguageSelect';
import { login, normalizeServerUrl } from './authApi';
import { loginErrorMessage } from './loginMessage';

interface SignInValues {
  server: string;
  username: string;
  password: string;
}

/** Served by the intranet server itself, the page's own origin is the server. */
function pageOrigin(): string {
  const origin = globalThis.location?.origin ?? '';
  return /^https?:\/\//.test(origin) ? origin : '';
}

export function SignInPage() {
  const { t } = useTranslation();
  const dispatch = useAppDispatch();
  const controller = useSessionController();
  const language = useAppSelector(selectLanguage);
  const [form] = Form.useForm<SignInValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  // The desktop app remembers the last server in its settings; prefer it unless the user
  // has already started typing.
  useEffect(() => {
    let cancelled = false;
    platform.settings.get().then(
      (settings) => {
        if (!cancelled && !form.isFieldTouched('server')) form.setFieldValue('server', settings.serverUrl);
      },
      () => undefined,
    );
    return () => {
      cancelled = true;
    };
  }, [form]);

  async function submit(values: SignInValues): Promise<void> {
    const serverUrl = normalizeServerUrl(values.server);
    if (!serverUrl) return;
    setBusy(true);
    setError(null);
    const outcome = await login(serverUrl, { username: values.username.trim(), password: values.password });
    if (!outcome.ok) {
      setBusy(false);
      setError(loginErrorMessage(t, outcome));
      return;
    }
    platform.settings.set({ serverUrl, language }).catch(() => undefined);
    await controller.signIn(serverUrl, outcome.login);
  }

  return (
    <main style={{ minHeight: '100vh', display: 'flex', alignItems: 'center', justifyContent: 'center', padding: 24, background: '#f0f2f5' }}>
      <Card style={{ width: 420, maxWidth: '100%' }}>
        <Typography.Title level={2} style={{ marginBottom: 0 }}>
          {t('app.name')}
        </Typography.Title>
        <Typography.Text type="secondary">{t('app.tagline')}</Typography.Text>
        <Typography.Title level={4} style={{ marginTop: 24 }}>
          {t('signin.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('signin.subtitle')}</Typography.Paragraph>
        <Form<SignInValues>
          form={form}
          layout="vertical"
          requiredMark={false}
          initialValues={{ server: pageOrigin(), username: '', password: '' }}
          onFinish={(values) => void submit(values)}
          disabled={busy}
        >
          <Form.Item
            name="server"
            label={t('signin.server')}
            rules={[{ validator: async (_rule, value: string | undefined) => (normalizeServerUrl(value ?? '') ? undefined : Promise.reject(new Error(t('signin.serverInvalid')))) }]}
          >
            <Input prefix={<CloudServerOutlined />} placeholder={t('signin.serverPlaceholder')} autoComplete="url" spellCheck={false} data-testid="signin-server" />
          </Form.Item>
          <Form.Item name="username" label={t('signin.username')} rules={[{ required: true, whitespace: true, message: t('signin.usernameRequired') }]}>
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus spellCheck={false} data-testid="signin-username" />
          </Form.Item>
          <Form.Item name="password" label={t('signin.password')} rules={[{ required: true, message: t('signin.passwordRequired') }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" data-testid="signin-password" />
          </Form.Item>
          <Form.Item label={t('signin.language')}>
            <LanguageSelect
              value={language}
              onChange={(next) => dispatch(languageChanged(next))}
              prefix={<GlobalOutlined />}
              testId="signin-language"
            />
          </Form.Item>
          {error && <Alert type="error" showIcon message={error} role="alert" data-testid="signin-error" style={{ marginBottom: 16 }} />}
          <Button type="primary" htmlType="submit" block size="large" loading={busy} data-testid="signin-submit">
            {t('signin.submit')}
          </Button>
        </Form>
      </Card>
    </main>
  );
}
