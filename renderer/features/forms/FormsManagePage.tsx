// 表格发布: the general office, HR and finance publish the forms they own, new versions of them
// (the old ones stay, superseded), correct their descriptions, and withdraw or restore them.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { App, Button, Card, Empty, Popconfirm, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { EditOutlined, FolderOpenOutlined, PlusOutlined, RollbackOutlined, StopOutlined, UploadOutlined } from '@ant-design/icons';
import { agencyDate } from '../../../shared/calendar/dates';
import type { FormTemplate } from '../../../shared/domain/forms';
import { currentVersion, sortedVersions, versionStatus } from '../../../shared/forms/catalog';
import { FORM_PUBLISHER_ROLES } from '../../../shared/mutators/forms';
import { mayManageForm } from '../../../shared/domain/forms';
import { useCurrentUser, useFormTemplates, usePendingDocIds } from '../../db';
import { LoadingBlock } from '../../components/LoadingBlock';
import { testId } from '../../components/testId';
import { useSave } from '../admin/useSave';
import { EditFormDrawer } from './EditFormDrawer';
import { fileSummary, VERSION_STATUS_COLOR } from './format';
import { PublishFormDrawer, type PublishTarget } from './PublishFormDrawer';

export function FormsManagePage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const user = useCurrentUser();
  const templates = useFormTemplates();
  const pendingIds = usePendingDocIds();
  const save = useSave();
  const [publish, setPublish] = useState<PublishTarget | null>(null);
  const [editing, setEditing] = useState<FormTemplate | null>(null);
  const today = agencyDate(new Date().toISOString());

  if (user === undefined || templates === undefined) return <LoadingBlock />;
  if (!FORM_PUBLISHER_ROLES.some((r) => user.roles.includes(r))) {
    return (
      <Card title={t('forms.manage.title')}>
        <Empty description={t('forms.manage.notAllowed')} data-testid="forms-manage-forbidden" />
      </Card>
    );
  }

  async function setArchived(template: FormTemplate, archived: boolean): Promise<void> {
    const failed = await save([{ name: 'form.archive', args: { id: template.id, archived } }], t(archived ? 'forms.manage.withdrawn' : 'forms.manage.restored', { title: template.title }));
    if (failed) void message.error(failed);
  }

  const columns: TableColumnsType<FormTemplate> = [
    {
      key: 'title',
      title: t('forms.col.title'),
      render: (_, r) => (
        <Space direction="vertical" size={2} style={{ minWidth: 0 }}>
          <Space size={6} wrap>
            <Typography.Text strong>{r.title}</Typography.Text>
            {r.archived && <Tag data-testid="form-archived-tag">{t('forms.archivedTag')}</Tag>}
            {pendingIds.has(r.id) && <Tag color="orange">{t('forms.manage.waitingSync')}</Tag>}
          </Space>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {r.category} · {r.issuingDepartment}
          </Typography.Text>
        </Space>
      ),
    },
    {
      key: 'version',
      title: t('forms.col.version'),
      width: 150,
      render: (_, r) => {
        const current = currentVersion(r, today);
        return (
          <Space direction="vertical" size={0}>
            <span>{current ? current.version : t('forms.detail.noneInForce')}</span>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('forms.manage.versionCount', { count: r.versions.length })}
            </Typography.Text>
          </Space>
        );
      },
    },
    {
      key: 'actions',
      title: t('forms.col.actions'),
      width: 320,
      render: (_, r) => (
        <Space size={6} wrap>
          <Button size="small" type="primary" icon={<UploadOutlined />} onClick={() => setPublish({ kind: 'version', template: r })} data-testid="form-new-version">
            {t('forms.manage.newVersion')}
          </Button>
          <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(r)} data-testid="form-edit">
            {t('forms.manage.edit')}
          </Button>
          {r.archived ? (
            <Button size="small" icon={<RollbackOutlined />} onClick={() => void setArchived(r, false)} data-testid="form-restore">
              {t('forms.manage.restore')}
            </Button>
          ) : (
            <Popconfirm
              title={t('forms.manage.withdrawConfirm', { title: r.title })}
              description={t('forms.manage.withdrawHint')}
              okText={t('forms.manage.withdraw')}
              cancelText={t('common.cancel')}
              okButtonProps={{ danger: true, ...testId('form-withdraw-confirm') }}
              onConfirm={() => setArchived(r, true)}
            >
              <Button size="small" danger icon={<StopOutlined />} data-testid="form-withdraw">
                {t('forms.manage.withdraw')}
              </Button>
            </Popconfirm>
          )}
        </Space>
      ),
    },
  ];

  return (
    <Card
      title={<span data-testid="page-title">{t('forms.manage.title')}</span>}
      extra={
        <Space>
          <Button icon={<FolderOpenOutlined />} onClick={() => navigate('/forms')}>
            {t('forms.manage.toLibrary')}
          </Button>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setPublish({ kind: 'new' })} data-testid="form-publish-new">
            {t('forms.manage.publishNew')}
          </Button>
        </Space>
      }
    >
      <Table<FormTemplate>
        rowKey="id"
        columns={columns}
        // Each office manages the forms it owns (the mutators refuse the others').
        dataSource={templates.filter((x) => mayManageForm(user, x))}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        onRow={(r) => testId('form-manage-row', { id: r.id, archived: r.archived ? 1 : 0, versions: r.versions.length })}
        expandable={{
          expandedRowRender: (r) => (
            <Table
              size="small"
              rowKey="version"
              pagination={false}
              dataSource={sortedVersions(r)}
              columns={[
                { key: 'version', title: t('forms.col.version'), width: 120, render: (_, v) => v.version },
                {
                  key: 'status',
                  title: t('forms.manage.status'),
                  width: 110,
                  render: (_, v) => {
                    const status = versionStatus(r, v, today);
                    return <Tag color={VERSION_STATUS_COLOR[status]}>{t(`forms.status.${status}`)}</Tag>;
                  },
                },
                { key: 'effective', title: t('forms.col.effectiveOn'), width: 120, render: (_, v) => v.effectiveOn },
                { key: 'file', title: t('forms.col.file'), render: (_, v) => `${v.file.name} · ${fileSummary(v.file, i18n.language)}` },
                { key: 'note', title: t('forms.manage.note'), render: (_, v) => v.note || '—' },
              ]}
            />
          ),
        }}
        locale={{ emptyText: <Empty description={t('forms.manage.empty')} /> }}
        data-testid="forms-manage-table"
      />
      <PublishFormDrawer target={liveTarget(publish, templates)} templates={templates} onClose={() => setPublish(null)} />
      <EditFormDrawer template={editing ? (templates.find((x) => x.id === editing.id) ?? editing) : null} templates={templates} onClose={() => setEditing(null)} />
    </Card>
  );
}

/** The drawer works on the form as it is now (a sync may have brought a version meanwhile). */
function liveTarget(target: PublishTarget | null, templates: readonly FormTemplate[]): PublishTarget | null {
  if (target?.kind !== 'version') return target;
  return { kind: 'version', template: templates.find((x) => x.id === target.template.id) ?? target.template };
}
