// A form in the drawer: what it is for, who issued it, and every version newest first (in force,
// superseded, or taking effect later), each with its note, file and whether this device has it.
import { useTranslation } from 'react-i18next';
import { Button, Descriptions, List, Space, Tag, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { agencyDate } from '../../../shared/calendar/dates';
import type { FormTemplate, FormVersion } from '../../../shared/domain/forms';
import { currentVersion, sortedVersions, versionStatus } from '../../../shared/forms/catalog';
import type { FormCacheState, SavedForm } from '../../db';
import { fileSummary, VERSION_STATUS_COLOR } from './format';
import { OfflineTag } from './OfflineTag';
import { NewVersionNotice } from './UpdateNotices';

interface Props {
  template: FormTemplate;
  cache: FormCacheState;
  /** Its category is pinned "available offline". */
  pinned: boolean;
  saved: SavedForm | undefined;
  /** The newer version in force that the user has not saved yet (and not dismissed). */
  newer: FormVersion | null;
  onSave: (template: FormTemplate, version: FormVersion) => Promise<boolean>;
  saving: string | null;
}

export function FormDetail({ template, cache, pinned, saved, newer, onSave, saving }: Props) {
  const { t, i18n } = useTranslation();
  const today = agencyDate(new Date().toISOString());
  const current = currentVersion(template, today);
  const versions = sortedVersions(template);

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }} data-testid="form-detail" data-id={template.id}>
      {newer && saved && <NewVersionNotice item={{ template, saved, newer }} onSave={onSave} saving={saving} />}
      {template.archived && <Tag color="default">{t('forms.archivedTag')}</Tag>}
      <Descriptions column={1} size="small" bordered>
        <Descriptions.Item label={t('forms.col.category')}>{template.category}</Descriptions.Item>
        <Descriptions.Item label={t('forms.col.department')}>{template.issuingDepartment}</Descriptions.Item>
        <Descriptions.Item label={t('forms.col.version')}>{current ? t('forms.detail.currentSince', { version: current.version, date: current.effectiveOn }) : t('forms.detail.noneInForce')}</Descriptions.Item>
        {saved && <Descriptions.Item label={t('forms.detail.yourCopy')}>{t('forms.detail.yourCopyText', { version: saved.version, date: agencyDate(saved.savedAt) })}</Descriptions.Item>}
        <Descriptions.Item label={t('forms.detail.description')}>
          {template.description === '' ? <Typography.Text type="secondary">{t('forms.detail.noDescription')}</Typography.Text> : <span style={{ whiteSpace: 'pre-wrap' }}>{template.description}</span>}
        </Descriptions.Item>
      </Descriptions>

      <Typography.Title level={5} style={{ margin: 0 }}>
        {t('forms.detail.versions', { count: versions.length })}
      </Typography.Title>
      <List
        itemLayout="vertical"
        bordered
        dataSource={versions}
        rowKey={(v) => v.version}
        data-testid="form-versions"
        renderItem={(v) => {
          const status = versionStatus(template, v, today);
          return (
            <List.Item
              data-testid="form-version"
              data-version={v.version}
              data-status={status}
              actions={[
                <Button
                  key="save"
                  size="small"
                  type={status === 'current' ? 'primary' : 'default'}
                  icon={<DownloadOutlined />}
                  loading={saving === v.file.sha256}
                  onClick={() => void onSave(template, v)}
                  data-testid="form-version-save"
                >
                  {status === 'current' ? t('forms.saveCopy') : t('forms.detail.saveThisVersion')}
                </Button>,
              ]}
            >
              <Space direction="vertical" size={4} style={{ width: '100%' }}>
                <Space size={8} wrap>
                  <Typography.Text strong>{v.version}</Typography.Text>
                  <Tag color={VERSION_STATUS_COLOR[status]}>{t(`forms.status.${status}`)}</Tag>
                  <Typography.Text type="secondary">{t('forms.detail.effectiveOn', { date: v.effectiveOn })}</Typography.Text>
                  <OfflineTag cached={cache.bySha.has(v.file.sha256)} pinned={pinned && status === 'current' && !template.archived} />
                </Space>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('forms.detail.fileLine', { name: v.file.name, summary: fileSummary(v.file, i18n.language), date: agencyDate(v.publishedAt) })}
                </Typography.Text>
                {v.note !== '' && <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{v.note}</Typography.Paragraph>}
              </Space>
            </List.Item>
          );
        }}
      />
    </Space>
  );
}
