// Finance edits the standards in force field by field: the name and date, the highest transport
// class per rank band and mode, and the region table. Every change is checked at once with the
// save mutation's schema and checkStandards (standardsDraft.ts); the first problem is shown at
// its field and above the tables, and nothing is saved until it is corrected. Saving goes
// through travelStandards.save, as an import does.
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import dayjs from 'dayjs';
import { Alert, App, Button, DatePicker, Form, Input, Popconfirm, Select, Space, Table, Typography, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { TRANSPORT_CLASSES, TRANSPORT_MODES, type RankBand, type TransportClass, type TransportMode, type TravelStandards } from '../../../../shared/domain/travelStandards';
import { useSave } from '../../admin/useSave';
import { standardsData } from '../standardsFile';
import { FieldProblem, RegionsEditor } from './RegionsEditor';
import { addRegion, draftToData, removeRegion, toDraft, updateClass, updateRegion, type DraftProblem, type StandardsDraft } from './standardsDraft';

const NAME_MAX = 100;

/** The problem in words, on its own (under its field). */
function problemText(t: TFunction, problem: DraftProblem): string {
  return t(`finance.standards.problem.${problem.code}`, problem.params ?? {});
}

/** The problem with where it is, for the banner above the tables. */
function locatedProblem(t: TFunction, problem: DraftProblem, draft: StandardsDraft, bands: readonly RankBand[]): string {
  const text = problemText(t, problem);
  const { place } = problem;
  if (place.at === 'region') {
    const region = draft.regions[place.index];
    const band = bands.find((b) => b.id === place.band);
    const field = {
      name: t('standards.col.region'),
      scope: t('finance.standards.col.scope'),
      cities: t('standards.col.cities'),
      lodging: t('standards.col.lodging', { band: band?.name ?? '' }),
      meals: t('standards.col.meals'),
      local: t('standards.col.local'),
      row: t('standards.col.region'),
    }[place.field];
    return t('finance.standards.problemInRow', { row: place.index + 1, region: region?.name.trim() || t('finance.standards.unnamed'), field, problem: text });
  }
  if (place.at === 'class') {
    return t('finance.standards.problemInClass', { band: bands.find((b) => b.id === place.band)?.name ?? place.band, mode: t(`travel.mode.${place.mode}`), problem: text });
  }
  return text;
}

export function StandardsEditor({ current, onDone }: { current: TravelStandards; onDone: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const saveSteps = useSave();
  // What was in force when editing began: the edit replaces it as a whole.
  const [base] = useState(() => standardsData(current));
  const [initial] = useState(() => toDraft(base));
  const [draft, setDraft] = useState<StandardsDraft>(initial);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const result = useMemo(() => draftToData(draft, base), [draft, base]);
  const problem = result.ok ? null : result.problem;
  const fieldText = problem ? problemText(t, problem) : null;

  function change(next: StandardsDraft): void {
    setDraft(next);
    setError(null);
  }

  async function save(): Promise<void> {
    if (!result.ok) {
      void message.error(locatedProblem(t, result.problem, draft, base.rankBands));
      return;
    }
    setBusy(true);
    setError(null);
    // Said as every settings page says it (kept on this computer while offline).
    const refused = await saveSteps([{ name: 'travelStandards.save', args: result.data }], t('standards.saved'));
    if (refused !== null) {
      setBusy(false);
      setError(refused);
      return;
    }
    onDone();
  }

  const at = (name: 'name' | 'effectiveFrom') => (problem?.place.at === name ? { status: 'error' as const, text: fieldText } : { status: undefined, text: null });

  return (
    <div data-testid="standards-editor">
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('finance.standards.editTitle')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('finance.standards.editHint')}</Typography.Paragraph>
      <Form layout="vertical" disabled={busy} component={false}>
        <Space align="start" wrap size={24}>
          <Form.Item label={t('finance.standards.field.name')} required>
            <Input value={draft.name} status={at('name').status} maxLength={NAME_MAX} onChange={(e) => change({ ...draft, name: e.target.value })} style={{ width: 360 }} data-testid="standards-edit-doc-name" />
            <FieldProblem text={at('name').text} />
            {base.example && draft.name.trim() === base.name && !at('name').text && (
              <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12, marginTop: 2 }} data-testid="standards-example-name">
                {t('finance.standards.exampleName')}
              </Typography.Text>
            )}
          </Form.Item>
          <Form.Item label={t('finance.standards.field.effectiveFrom')} required>
            <DatePicker
              value={dayjs(draft.effectiveFrom, 'YYYY-MM-DD', true).isValid() ? dayjs(draft.effectiveFrom) : null}
              status={at('effectiveFrom').status}
              allowClear={false}
              onChange={(d) => change({ ...draft, effectiveFrom: d ? d.format('YYYY-MM-DD') : '' })}
              data-testid="standards-edit-effective"
            />
            <FieldProblem text={at('effectiveFrom').text} />
          </Form.Item>
        </Space>
      </Form>

      {problem && <Alert type="error" showIcon message={t('finance.standards.problemTitle')} description={locatedProblem(t, problem, draft, base.rankBands)} style={{ marginBottom: 16 }} data-testid="standards-problem" />}
      {error && <Alert type="error" showIcon role="alert" message={error} style={{ marginBottom: 16 }} data-testid="standards-error" />}

      <Typography.Title level={5}>{t('finance.standards.classes')}</Typography.Title>
      <ClassesEditor bands={base.rankBands} draft={draft} problem={problem} problemText={fieldText} disabled={busy} onChange={(band, mode, cls) => change(updateClass(draft, band, mode, cls))} />

      <Typography.Title level={5} style={{ marginTop: 24 }}>
        {t('standards.regions')}
      </Typography.Title>
      <RegionsEditor
        regions={draft.regions}
        bands={base.rankBands}
        defaultRegionId={base.defaultRegionId}
        problem={problem}
        problemText={fieldText}
        onChange={(key, patch) => change(updateRegion(draft, key, patch))}
        onRemove={(key) => change(removeRegion(draft, key, base.defaultRegionId))}
      />
      {problem?.place.at === 'regions' && <FieldProblem text={fieldText} />}
      <Space style={{ marginTop: 12 }} wrap>
        <Button icon={<PlusOutlined />} disabled={busy} onClick={() => change(addRegion(draft, base))} data-testid="standards-edit-add">
          {t('finance.standards.addRegion')}
        </Button>
      </Space>

      <Space style={{ marginTop: 24, display: 'flex' }}>
        <Button type="primary" loading={busy} onClick={() => void save()} data-testid="standards-edit-save">
          {t('finance.standards.save')}
        </Button>
        {draft === initial ? (
          <Button disabled={busy} onClick={onDone} data-testid="standards-edit-cancel">
            {t('finance.standards.discard')}
          </Button>
        ) : (
          <Popconfirm title={t('finance.standards.discardConfirm')} onConfirm={onDone} okText={t('finance.standards.discard')} cancelText={t('common.cancel')}>
            <Button disabled={busy} data-testid="standards-edit-cancel">
              {t('finance.standards.discard')}
            </Button>
          </Popconfirm>
        )}
      </Space>
    </div>
  );
}

interface ClassesProps {
  bands: readonly RankBand[];
  draft: StandardsDraft;
  problem: DraftProblem | null;
  problemText: string | null;
  disabled: boolean;
  onChange: (band: string, mode: TransportMode, cls: TransportClass) => void;
}

/** One row per rank band, one column per mode: the highest class the band may use. */
function ClassesEditor({ bands, draft, problem, problemText: text, disabled, onChange }: ClassesProps) {
  const { t } = useTranslation();
  const columns: TableColumnsType<RankBand> = [
    { key: 'band', title: t('finance.standards.col.band'), width: 200, render: (_, b) => t('standards.bandRanks', { name: b.name, min: b.minRank, max: b.maxRank }) },
    ...TRANSPORT_MODES.map((mode) => ({
      key: mode,
      title: t(`travel.mode.${mode}`),
      render: (_: unknown, b: RankBand) => {
        const here = problem?.place.at === 'class' && problem.place.band === b.id && problem.place.mode === mode;
        const ladder: readonly TransportClass[] = TRANSPORT_CLASSES[mode];
        return (
          <>
            <Select<TransportClass>
              value={draft.transportClasses[b.id]?.[mode]}
              status={here ? 'error' : undefined}
              disabled={disabled || ladder.length < 2}
              onChange={(cls) => onChange(b.id, mode, cls)}
              options={ladder.map((cls) => ({ value: cls, label: t(`travel.class.${cls}`) }))}
              aria-label={`${b.name} ${t(`travel.mode.${mode}`)}`}
              style={{ width: 140 }}
              data-testid={`standards-edit-class-${b.id}-${mode}`}
            />
            <FieldProblem text={here ? text : null} />
          </>
        );
      },
    })),
  ];
  return (
    <>
      <Table<RankBand> rowKey="id" size="small" columns={columns} dataSource={[...bands]} pagination={false} scroll={{ x: 900 }} data-testid="standards-edit-classes" />
      {problem?.place.at === 'bands' && <FieldProblem text={text} />}
    </>
  );
}
