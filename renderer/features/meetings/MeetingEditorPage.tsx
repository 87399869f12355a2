import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** Issue or edit a meeting notice (placeholder until the page lands). */
export function MeetingEditorPage() {
  const { t } = useTranslation();
  return <Typography.Title level={3}>{t('meetings.title')}</Typography.Title>;
}
