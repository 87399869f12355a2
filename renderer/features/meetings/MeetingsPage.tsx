import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** Meeting notices: mine to answer and mine to organize (placeholder until the page lands). */
export function MeetingsPage() {
  const { t } = useTranslation();
  return <Typography.Title level={3}>{t('meetings.title')}</Typography.Title>;
}
