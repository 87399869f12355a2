import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** Publishing forms and new versions (placeholder until the page lands). */
export function FormsManagePage() {
  const { t } = useTranslation();
  return <Typography.Title level={3}>{t('forms.title')}</Typography.Title>;
}
