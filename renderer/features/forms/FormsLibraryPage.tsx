// 表格下载: the catalog of live forms, searched and filtered on this device (offline too), each
// with its version in force, whether it is available offline, and "save a copy". /forms/:id opens
// a form's versions in a drawer. Above the list, a notice for each saved form that has a newer
// version in force.
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { Button, Card, Drawer, Empty, Input, Select, Space, Switch, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { CloudUploadOutlined, DownloadOutlined, EyeOutlined, SettingOutlined } from '@ant-design/icons';
import { agencyDate } from '../../../shared/calendar/dates';
import type { FormTemplate } from '../../../shared/domain/forms';
import { catalogFacets, currentVersion, searchCatalog } from '../../../shared/forms/catalog';
import { FORM_PUBLISHER_ROLES } from '../../../shared/mutators/forms';
import { useCurrentUser, useFormCache, useFormTemplates, useOutdatedSavedForms, useSavedForms, useStore, type FormCacheState } from '../../db';
import { testId } from '../../components/testId';
import { LoadingBlock } from '../../components/LoadingBlock';
import { setCategoryPinned } from './cache';
import { FormDetail } from './FormDetail';
import { fileSummary, formatBytes, offeredVersion } from './format';
import { OfflineSettingsDrawer } from './OfflineSettingsDrawer';
import { OfflineTag } from './OfflineTag';
import { UpdateNotices } from './UpdateNotices';
import { effectiveBudget } from './storage';
import { useFormsOfflineSync, useSaveCopy, useStorageCap } from './useFormFiles';

export function FormsLibraryPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const { id } = useParams();
  const store = useStore();
  const user = useCurrentUser();
  const templates = useFormTemplates();
  const cache = useFormCache();
  const saved = useSavedForms();
  const outdated = useOutdatedSavedForms();
  const { saveCopy, saving } = useSaveCopy();
  useFormsOfflineSync();
  const cap = useStorageCap(cache?.usedBytes);
  const [text, setText] = useState('');
  const [category, setCategory] = useState<string | null>(null);
  const [department, setDepartment] = useState<string | null>(null);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const today = agencyDate(new Date().toISOString());

  const facets = useMemo(() => catalogFacets(templates ?? []), [templates]);
  const results = useMemo(() => searchCatalog(templates ?? [], { text, category, issuingDepartment: department }), [templates, text, category, department]);
  const newerById = useMemo(() => new Map(outdated.map((o) => [o.template.id, o.newer])), [outdated]);

  if (templates === undefined || cache === undefined) return <LoadingBlock />;

  const isPublisher = user !== undefined && FORM_PUBLISHER_ROLES.some((r) => user.roles.includes(r));
  const pinned = new Set(cache.pinnedCategories);
  const selected = id === undefined ? undefined : (templates.find((x) => x.id === id) ?? null);

  const columns: TableColumnsType<FormTemplate> = [
    {
      key: 'title',
      title: t('forms.col.title'),
      render: (_, r) => {
        const newer = newerById.get(r.id);
        const mine = saved?.get(r.id);
        return (
          <Space direction="vertical" size={2} style={{ minWidth: 0 }}>
            <Link to={`/forms/${encodeURIComponent(r.id)}`} style={{ fontWeight: 600 }} data-testid="form-title">
              {r.title}
            </Link>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              <span data-testid="form-category">{r.category}</span>
              {' · '}
              <span data-testid="form-department">{r.issuingDepartment}</span>
            </Typography.Text>
            {(newer || mine) && (
              <Space size={4} wrap>
                {newer && (
                  <Tag color="volcano" data-testid="form-row-newer">
                    {t('forms.tag.newer', { version: newer.version })}
                  </Tag>
                )}
                {mine && !newer && <Tag data-testid="form-row-saved">{t('forms.tag.saved', { version: mine.version })}</Tag>}
              </Space>
            )}
          </Space>
        );
      },
    },
    {
      key: 'version',
      title: t('forms.col.version'),
      width: 170,
      render: (_, r) => {
        const current = currentVersion(r, today);
        if (!current) {
          const next = offeredVersion(r, today);
          return <Typography.Text type="secondary">{t('forms.notYetInForce', { version: next?.version ?? '', date: next?.effectiveOn ?? '' })}</Typography.Text>;
        }
        return (
          <Space direction="vertical" size={0}>
            <span data-testid="form-current-version">{current.version}</span>
            <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
              {t('forms.inForceSince', { date: current.effectiveOn })}
            </Typography.Text>
          </Space>
        );
      },
    },
    {
      key: 'file',
      title: t('forms.col.file'),
      width: 120,
      render: (_, r) => {
        const version = offeredVersion(r, today);
        return version ? <span style={{ whiteSpace: 'nowrap' }}>{fileSummary(version.file, i18n.language)}</span> : null;
      },
    },
    {
      key: 'offline',
      title: t('forms.col.offline'),
      width: 116,
      render: (_, r) => {
        const version = offeredVersion(r, today);
        return version ? <OfflineTag cached={cache.bySha.has(version.file.sha256)} pinned={pinned.has(r.category)} /> : null;
      },
    },
    {
      key: 'actions',
      title: t('forms.col.actions'),
      width: 200,
      render: (_, r) => {
        const version = offeredVersion(r, today);
        return (
          <Space size={8}>
            <Button size="small" icon={<EyeOutlined />} onClick={() => navigate(`/forms/${encodeURIComponent(r.id)}`)} data-testid="form-view">
              {t('forms.view')}
            </Button>
            {version && (
              <Button size="small" type="primary" icon={<DownloadOutlined />} loading={saving === version.file.sha256} onClick={() => void saveCopy(r, version)} data-testid="form-save">
                {t('forms.saveCopy')}
              </Button>
            )}
          </Space>
        );
      },
    },
  ];

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <UpdateNotices outdated={outdated} onSave={saveCopy} saving={saving} />
      <Card
        title={<span data-testid="page-title">{t('forms.library.title')}</span>}
        extra={
          <Space>
            <CacheSummary cache={cache} cap={cap} onOpen={() => setSettingsOpen(true)} />
            {isPublisher && (
              <Button icon={<CloudUploadOutlined />} onClick={() => navigate('/forms/manage')} data-testid="forms-manage-link">
                {t('forms.library.manage')}
              </Button>
            )}
          </Space>
        }
      >
        <Space direction="vertical" size={12} style={{ width: '100%' }}>
          <Space wrap size={12}>
            <Input.Search
              allowClear
              value={text}
              onChange={(e) => setText(e.target.value)}
              placeholder={t('forms.search.placeholder')}
              aria-label={t('forms.search.label')}
              style={{ width: 320 }}
              data-testid="forms-search"
            />
            <Select
              allowClear
              value={category}
              onChange={(v: string | undefined) => setCategory(v ?? null)}
              placeholder={t('forms.filter.category')}
              aria-label={t('forms.filter.category')}
              options={facets.categories.map((c) => ({ value: c, label: c }))}
              style={{ width: 200 }}
              data-testid="forms-filter-category"
            />
            <Select
              allowClear
              showSearch
              value={department}
              onChange={(v: string | undefined) => setDepartment(v ?? null)}
              placeholder={t('forms.filter.department')}
              aria-label={t('forms.filter.department')}
              options={facets.departments.map((d) => ({ value: d, label: d }))}
              style={{ width: 220 }}
              data-testid="forms-filter-department"
            />
            {category !== null && (
              <Space size={6}>
                <Switch
                  size="small"
                  checked={pinned.has(category)}
                  onChange={(on) => void setCategoryPinned(store.db, category, on, today)}
                  data-testid="forms-pin-selected"
                  data-category={category}
                  aria-label={t('forms.pin.label', { category })}
                />
                <Typography.Text>{t('forms.pin.label', { category })}</Typography.Text>
              </Space>
            )}
          </Space>
          <Table<FormTemplate>
            rowKey="id"
            columns={columns}
            dataSource={results}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            onRow={(r) => {
              const version = offeredVersion(r, today);
              return testId('form-row', { id: r.id, offline: version && cache.bySha.has(version.file.sha256) ? 1 : 0, newer: newerById.has(r.id) ? 1 : 0 });
            }}
            locale={{ emptyText: <Empty description={templates.some((x) => !x.archived) ? t('forms.library.noMatch') : t('forms.library.empty')} /> }}
            data-testid="forms-table"
          />
        </Space>
      </Card>
      <Drawer open={id !== undefined} onClose={() => navigate('/forms')} title={selected ? selected.title : t('forms.detail.title')} width={680} destroyOnHidden data-testid="form-drawer">
        {selected === null ? (
          <Empty description={t('forms.detail.notFound')} />
        ) : selected ? (
          <FormDetail template={selected} cache={cache} pinned={pinned.has(selected.category)} saved={saved?.get(selected.id)} newer={newerById.get(selected.id) ?? null} onSave={saveCopy} saving={saving} />
        ) : null}
      </Drawer>
      <OfflineSettingsDrawer open={settingsOpen} onClose={() => setSettingsOpen(false)} templates={templates} cache={cache} cap={cap} />
    </Space>
  );
}

/** "离线 35.2 MB / 200 MB": what the offline copies take, always in sight (against the browser's cap when lower). */
function CacheSummary({ cache, cap, onOpen }: { cache: FormCacheState; cap: number | null; onOpen: () => void }) {
  const { t, i18n } = useTranslation();
  const budget = effectiveBudget(cache.budgetBytes, cap);
  const over = cache.usedBytes > budget;
  return (
    <Tooltip title={t('forms.cache.summaryHint')}>
      <Button icon={<SettingOutlined />} onClick={onOpen} danger={over} data-testid="forms-offline-settings">
        <span data-testid="forms-cache-usage" data-used={cache.usedBytes} data-budget={budget}>
          {t('forms.cache.summary', { used: formatBytes(cache.usedBytes, i18n.language), budget: formatBytes(budget, i18n.language) })}
        </span>
      </Button>
    </Tooltip>
  );
}
