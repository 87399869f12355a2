// The region table in edit mode: one row per region, its name, scope and cities, its lodging
// cap per rank band and its daily allowances, each in its own field. The first problem of the
// draft is shown under the field it is in.
import { useTranslation } from 'react-i18next';
import { Button, Input, Select, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { DeleteOutlined } from '@ant-design/icons';
import { DESTINATION_SCOPES } from '../../../../shared/domain/policy';
import type { RankBand } from '../../../../shared/domain/travelStandards';
import type { DestinationScope } from '../../../../shared/travel/standards';
import { problemAt, type DraftProblem, type RegionDraft, type RegionField } from './standardsDraft';

interface Props {
  regions: RegionDraft[];
  bands: readonly RankBand[];
  defaultRegionId: string;
  problem: DraftProblem | null;
  problemText: string | null;
  onChange: (key: string, patch: Partial<Omit<RegionDraft, 'key' | 'id'>>) => void;
  onRemove: (key: string) => void;
}

const NAME_MAX = 60;
const CITY_SEPARATORS = ['、', ',', '，', ';', '；'];

/** The problem's text under the field it is about. */
export function FieldProblem({ text }: { text: string | null }) {
  if (!text) return null;
  return (
    <Typography.Text type="danger" style={{ display: 'block', fontSize: 12, marginTop: 2 }} data-testid="standards-field-problem">
      {text}
    </Typography.Text>
  );
}

export function RegionsEditor({ regions, bands, defaultRegionId, problem, problemText, onChange, onRemove }: Props) {
  const { t } = useTranslation();
  /** Error status and message for one field of one row (and band, for a lodging cap). */
  const at = (index: number, field: RegionField, band?: string) => {
    const here = problemAt(problem, index, field, band);
    return { status: here ? ('error' as const) : undefined, text: here ? problemText : null };
  };

  const amountCell = (index: number, field: 'lodging' | 'meals' | 'local', value: string, onValue: (text: string) => void, label: string, band?: string) => {
    const { status, text } = at(index, field, band);
    return (
      <>
        <Input value={value} status={status} onChange={(e) => onValue(e.target.value)} inputMode="decimal" aria-label={label} style={{ width: 100, textAlign: 'right' }} data-testid={`standards-edit-${field}${band ? `-${band}` : ''}`} />
        <FieldProblem text={text} />
      </>
    );
  };

  const columns: TableColumnsType<RegionDraft> = [
    {
      key: 'name',
      title: t('standards.col.region'),
      width: 190,
      render: (_, r, index) => {
        const { status, text } = at(index, 'name');
        return (
          <>
            <Input value={r.name} status={status} maxLength={NAME_MAX} placeholder={t('finance.standards.namePlaceholder')} onChange={(e) => onChange(r.key, { name: e.target.value })} aria-label={t('standards.col.region')} style={{ width: 170 }} data-testid="standards-edit-name" />
            {r.id === defaultRegionId && (
              <Tooltip title={t('finance.standards.defaultRegionHint')}>
                <Tag style={{ marginTop: 4 }}>{t('standards.default')}</Tag>
              </Tooltip>
            )}
            <FieldProblem text={text} />
          </>
        );
      },
    },
    {
      key: 'scope',
      title: t('finance.standards.col.scope'),
      width: 150,
      render: (_, r, index) => {
        const { status, text } = at(index, 'scope');
        return (
          <>
            <Select<DestinationScope>
              value={r.scope}
              status={status}
              onChange={(scope) => onChange(r.key, { scope })}
              options={DESTINATION_SCOPES.map((s) => ({ value: s, label: t(`travel.scope.${s}`) }))}
              aria-label={t('finance.standards.col.scope')}
              style={{ width: 130 }}
              data-testid="standards-edit-scope"
            />
            <FieldProblem text={text} />
          </>
        );
      },
    },
    {
      key: 'cities',
      title: t('standards.col.cities'),
      render: (_, r, index) => {
        const { status, text } = at(index, 'cities');
        return (
          <>
            <Select<string[]>
              mode="tags"
              value={r.cities}
              status={status}
              tokenSeparators={CITY_SEPARATORS}
              onChange={(cities) => onChange(r.key, { cities })}
              placeholder={t('finance.standards.citiesPlaceholder')}
              notFoundContent={null}
              suffixIcon={null}
              aria-label={t('standards.col.cities')}
              style={{ minWidth: 220, width: '100%' }}
              data-testid="standards-edit-cities"
            />
            <FieldProblem text={text} />
          </>
        );
      },
    },
    ...bands.map((band) => ({
      key: `lodging-${band.id}`,
      title: t('standards.col.lodging', { band: band.name }),
      width: 130,
      render: (_: unknown, r: RegionDraft, index: number) =>
        amountCell(index, 'lodging', r.lodging[band.id] ?? '', (text) => onChange(r.key, { lodging: { ...r.lodging, [band.id]: text } }), t('standards.col.lodging', { band: band.name }), band.id),
    })),
    { key: 'meals', title: t('standards.col.meals'), width: 120, render: (_, r, index) => amountCell(index, 'meals', r.meals, (meals) => onChange(r.key, { meals }), t('standards.col.meals')) },
    { key: 'local', title: t('standards.col.local'), width: 120, render: (_, r, index) => amountCell(index, 'local', r.local, (local) => onChange(r.key, { local }), t('standards.col.local')) },
    {
      key: 'actions',
      title: t('finance.standards.col.actions'),
      width: 70,
      render: (_, r) => (
        <Tooltip title={r.id === defaultRegionId ? t('finance.standards.defaultRegionHint') : t('finance.standards.removeRegion')}>
          <Button size="small" danger icon={<DeleteOutlined />} disabled={r.id === defaultRegionId} onClick={() => onRemove(r.key)} aria-label={t('finance.standards.removeRegion')} data-testid="standards-edit-remove" />
        </Tooltip>
      ),
    },
  ];

  return <Table<RegionDraft> rowKey="key" size="small" columns={columns} dataSource={regions} pagination={false} scroll={{ x: 1200 }} data-testid="standards-edit-regions" />;
}
