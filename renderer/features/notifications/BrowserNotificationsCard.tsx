// In a plain browser, desktop notifications need the user's permission. Bureau never asks by
// itself (an unexpected prompt is usually refused, and a refusal is final); this card asks only
// when the user clicks its button. The desktop app needs none of this.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { platform, type NotificationPermissionState } from '../../platform';

export function BrowserNotificationsCard() {
  const { t } = useTranslation();
  const [permission, setPermission] = useState<NotificationPermissionState>(() => platform.notify.permission());
  const [asking, setAsking] = useState(false);
  if (platform.isDesktop) return null;

  const ask = async () => {
    setAsking(true);
    try {
      setPermission(await platform.notify.requestPermission());
    } finally {
      setAsking(false);
    }
  };

  const common = { showIcon: true, style: { marginBottom: 16 }, 'data-testid': 'browser-notifications', 'data-permission': permission } as const;
  switch (permission) {
    case 'granted':
      return <Alert {...common} type="success" message={t('notifications.browser.enabled')} />;
    case 'denied':
      return <Alert {...common} type="warning" message={t('notifications.browser.title')} description={t('notifications.browser.denied')} />;
    case 'unsupported':
      return <Alert {...common} type="info" message={t('notifications.browser.title')} description={t('notifications.browser.unsupported')} />;
    default:
      return (
        <Alert
          {...common}
          type="info"
          icon={<BellOutlined />}
          message={t('notifications.browser.title')}
          description={t('notifications.browser.hint')}
          action={
            <Button type="primary" size="small" loading={asking} onClick={() => void ask()} data-testid="browser-notifications-enable">
              {t('notifications.browser.enable')}
            </Button>
          }
        />
      );
  }
}
