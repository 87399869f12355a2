import { useTranslation } from 'react-i18next';
import { Card, Skeleton } from 'antd';

/** Stands in for a page while its live query loads, at the page's size (no layout jump). */
export function LoadingBlock({ rows = 6 }: { rows?: number }) {
  const { t } = useTranslation();
  return (
    <Card aria-busy="true" aria-label={t('common.loading')} data-testid="loading">
      <Skeleton active paragraph={{ rows }} />
    </Card>
  );
}
