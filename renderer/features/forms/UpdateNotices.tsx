// At the top of the library: "您保存过的《…》已发布新版本 v2（2026-12-01 起施行）", one notice per
// saved form that a newer version has replaced, with "save the new version" and "dismiss".
import { useTranslation } from 'react-i18next';
import { Alert, Button, Space, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { agencyDate } from '../../../shared/calendar/dates';
import type { FormTemplate, FormVersion } from '../../../shared/domain/forms';
import { dismissNewerVersion, useStore, type OutdatedSavedForm } from '../../db';

interface Props {
  outdated: readonly OutdatedSavedForm[];
  onSave: (template: FormTemplate, version: FormVersion) => Promise<boolean>;
  saving: string | null;
}

export function UpdateNotices({ outdated, onSave, saving }: Props) {
  if (outdated.length === 0) return null;
  return (
    <Space direction="vertical" size={8} style={{ width: '100%' }} data-testid="form-update-notices">
      {outdated.map((o) => (
        <NewVersionNotice key={o.template.id} item={o} onSave={onSave} saving={saving} />
      ))}
    </Space>
  );
}

/** One saved form's notice; also shown in the form's drawer. */
export function NewVersionNotice({ item, onSave, saving }: { item: OutdatedSavedForm; onSave: Props['onSave']; saving: string | null }) {
  const { t } = useTranslation();
  const store = useStore();
  const { template, saved, newer } = item;
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="form-update-notice"
      data-id={template.id}
      data-version={newer.version}
      message={<Typography.Text strong>{t('forms.notice.newVersion', { title: template.title, version: newer.version, date: newer.effectiveOn })}</Typography.Text>}
      description={
        <Space direction="vertical" size={2}>
          <span>{t('forms.notice.yourCopy', { version: saved.version, date: agencyDate(saved.savedAt) })}</span>
          {newer.note !== '' && <span>{t('forms.notice.changes', { note: newer.note })}</span>}
        </Space>
      }
      action={
        <Space direction="vertical" size={6}>
          <Button type="primary" size="small" icon={<DownloadOutlined />} loading={saving === newer.file.sha256} onClick={() => void onSave(template, newer)} data-testid="form-update-save">
            {t('forms.notice.save', { version: newer.version })}
          </Button>
          <Button size="small" onClick={() => void dismissNewerVersion(store.db, template.id, newer.file.sha256)} data-testid="form-update-dismiss">
            {t('forms.notice.dismiss')}
          </Button>
        </Space>
      }
    />
  );
}
