import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** The forms library: browse, search, save a copy (placeholder until the page lands). */
export function FormsLibraryPage() {
  const { t } = useTranslation();
  return <Typography.Title level={3}>{t('forms.title')}</Typography.Title>;
}
