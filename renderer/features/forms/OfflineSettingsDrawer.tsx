// 离线设置: how much room the offline copies of forms may take on this device (used / budget,
// and the browser's cap when it allows less),
// which categories are kept "available offline", and freeing the space of the other copies.
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, App, Button, Drawer, InputNumber, List, Popconfirm, Progress, Space, Switch, Typography } from 'antd';
import { agencyDate } from '../../../shared/calendar/dates';
import type { FormTemplate } from '../../../shared/domain/forms';
import { currentVersion } from '../../../shared/forms/catalog';
import { MAX_FORM_CACHE_BUDGET, MIN_FORM_CACHE_BUDGET, useStore, type FormCacheState } from '../../db';
import { testId } from '../../components/testId';
import { clearUnpinnedFormFiles, setCategoryPinned, setFormCacheBudget } from './cache';
import { formatBytes } from './format';
import { effectiveBudget } from './storage';

const MiB = 1024 * 1024;

interface Props {
  open: boolean;
  onClose: () => void;
  templates: readonly FormTemplate[];
  cache: FormCacheState;
  /** The most the browser lets the copies take (./storage.ts); null: unknown. */
  cap: number | null;
}

export function OfflineSettingsDrawer({ open, onClose, templates, cache, cap }: Props) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const store = useStore();
  const today = agencyDate(new Date().toISOString());

  const pinned = new Set(cache.pinnedCategories);
  const categories = useMemo(() => {
    const byCategory = new Map<string, { forms: number; bytes: number }>();
    for (const template of templates) {
      if (template.archived) continue;
      const entry = byCategory.get(template.category) ?? { forms: 0, bytes: 0 };
      entry.forms += 1;
      entry.bytes += currentVersion(template, today)?.file.size ?? 0;
      byCategory.set(template.category, entry);
    }
    // A pinned category whose forms were all withdrawn or moved still shows, so it can be unpinned.
    for (const category of cache.pinnedCategories) if (!byCategory.has(category)) byCategory.set(category, { forms: 0, bytes: 0 });
    return [...byCategory.entries()].sort(([a], [b]) => a.localeCompare(b, 'zh-CN'));
  }, [templates, cache.pinnedCategories, today]);

  const budget = effectiveBudget(cache.budgetBytes, cap);
  const capped = budget < cache.budgetBytes;
  const percent = budget > 0 ? Math.min(100, Math.round((cache.usedBytes / budget) * 100)) : 100;
  const over = cache.usedBytes > budget;
  const size = (bytes: number) => formatBytes(bytes, i18n.language);

  async function clear(): Promise<void> {
    const removed = await clearUnpinnedFormFiles(store.db, today);
    void message.success(t('forms.cache.cleared', { count: removed }));
  }

  return (
    <Drawer open={open} onClose={onClose} title={t('forms.cache.title')} width={520} destroyOnHidden data-testid="forms-offline-drawer">
      <Space direction="vertical" size={20} style={{ width: '100%' }}>
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {t('forms.cache.intro')}
        </Typography.Paragraph>

        <Space direction="vertical" size={4} style={{ width: '100%' }}>
          <Typography.Text strong>{t('forms.cache.usage')}</Typography.Text>
          <Progress percent={percent} status={over ? 'exception' : 'normal'} showInfo={false} />
          <Typography.Text data-testid="forms-cache-usage-detail">
            {t('forms.cache.usedOfBudget', { used: size(cache.usedBytes), budget: size(budget), count: cache.files.length })}
          </Typography.Text>
          {capped && (
            <Alert
              type="info"
              showIcon
              data-testid="forms-cache-capped"
              data-cap={budget}
              message={t('forms.cache.capped', { cap: size(budget), budget: size(cache.budgetBytes) })}
              description={cache.pinnedCategories.length > 0 ? t('forms.cache.cappedPinned') : undefined}
            />
          )}
          {over && <Alert type="warning" showIcon message={t('forms.cache.overBudget')} />}
        </Space>

        {/* Keyed by the saved value: a change saved elsewhere (another tab) shows at once. */}
        <BudgetEditor key={cache.budgetBytes} budgetBytes={cache.budgetBytes} />

        <Space direction="vertical" size={4} style={{ width: '100%' }}>
          <Typography.Text strong>{t('forms.pin.title')}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('forms.pin.hint')}
          </Typography.Text>
          <List
            size="small"
            bordered
            dataSource={categories}
            locale={{ emptyText: t('forms.pin.none') }}
            renderItem={([category, stats]) => (
              <List.Item
                {...testId('forms-pin-row', { category })}
                actions={[
                  <Switch
                    key="pin"
                    checked={pinned.has(category)}
                    onChange={(on) => void setCategoryPinned(store.db, category, on, today)}
                    aria-label={t('forms.pin.label', { category })}
                    data-testid="forms-pin"
                    data-category={category}
                  />,
                ]}
              >
                <List.Item.Meta title={category} description={t('forms.pin.stats', { count: stats.forms, size: size(stats.bytes) })} />
              </List.Item>
            )}
          />
        </Space>

        <Popconfirm title={t('forms.cache.clearConfirm')} okText={t('forms.cache.clear')} cancelText={t('common.cancel')} onConfirm={clear}>
          <Button danger disabled={cache.files.length === 0} data-testid="forms-cache-clear">
            {t('forms.cache.clear')}
          </Button>
        </Popconfirm>
      </Space>
    </Drawer>
  );
}

/** The space limit, in MB, checked before it is kept. */
function BudgetEditor({ budgetBytes }: { budgetBytes: number }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const store = useStore();
  const [budgetMb, setBudgetMb] = useState<number | null>(Math.round(budgetBytes / MiB));
  const [budgetError, setBudgetError] = useState<string | null>(null);

  async function saveBudget(): Promise<void> {
    if (budgetMb === null) {
      setBudgetError(t('forms.cache.budgetRequired'));
      return;
    }
    const result = await setFormCacheBudget(store.db, budgetMb * MiB, agencyDate(new Date().toISOString()));
    if (!result.ok) {
      setBudgetError(t(`forms.cache.budgetRefused.${result.why}`, { min: MIN_FORM_CACHE_BUDGET / MiB, max: MAX_FORM_CACHE_BUDGET / MiB }));
      return;
    }
    setBudgetError(null);
    void message.success(result.evicted.length > 0 ? t('forms.cache.budgetSavedEvicted', { count: result.evicted.length }) : t('forms.cache.budgetSaved'));
  }

  return (
    <Space direction="vertical" size={4} style={{ width: '100%' }}>
      <Typography.Text strong>{t('forms.cache.budget')}</Typography.Text>
      <Space.Compact>
        <InputNumber<number>
          min={MIN_FORM_CACHE_BUDGET / MiB}
          max={MAX_FORM_CACHE_BUDGET / MiB}
          step={50}
          precision={0}
          value={budgetMb}
          onChange={(v) => {
            setBudgetMb(v);
            setBudgetError(null);
          }}
          addonAfter="MB"
          status={budgetError ? 'error' : undefined}
          aria-label={t('forms.cache.budget')}
          data-testid="forms-cache-budget"
        />
        <Button type="primary" onClick={() => void saveBudget()} data-testid="forms-cache-budget-save">
          {t('forms.cache.saveBudget')}
        </Button>
      </Space.Compact>
      {budgetError ? (
        <Typography.Text type="danger" data-testid="forms-cache-budget-error">
          {budgetError}
        </Typography.Text>
      ) : (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('forms.cache.budgetHint')}
        </Typography.Text>
      )}
    </Space>
  );
}
