// The travel standards in force: rank bands, transport classes and the region table, in yuan.
// Finance edits them field by field (standards/StandardsEditor), imports a new edition from a
// JSON or CSV file (previewed before it takes effect) and exports the current one as JSON;
// everyone else reads.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, App, Button, Card, Descriptions, Empty, Space, Table, Tag, Typography, Upload, type TableColumnsType } from 'antd';
import { DownloadOutlined, EditOutlined, UploadOutlined } from '@ant-design/icons';
import type { RegionStandard, TravelStandards } from '../../../shared/domain/travelStandards';
import { hasRole } from '../../../shared/domain/directory';
import { importStandards } from '../../../shared/travel/importStandards';
import type { StandardsData } from '../../../shared/travel/standards';
import { useCurrentUser, useTravelStandards } from '../../db';
import { useSave } from '../admin/useSave';
import { LoadingBlock } from '../../components/LoadingBlock';
import { reasonMessage } from '../../i18n/reasons';
import { exportFileName, exportStandardsJson, importBase, yuanCell } from './standardsFile';
import { StandardsEditor } from './standards/StandardsEditor';

export function StandardsPage() {
  const { t } = useTranslation();
  const standards = useTravelStandards();
  const me = useCurrentUser();
  const [preview, setPreview] = useState<StandardsData | null>(null);
  const [editing, setEditing] = useState(false);
  if (standards === undefined) return <LoadingBlock />;
  const canEdit = me ? hasRole(me, 'finance_officer') : false;
  if (!standards) {
    return (
      <Card title={<span data-testid="page-title">{t('standards.title')}</span>}>
        <Empty description={t('standards.none')} data-testid="standards-none" />
      </Card>
    );
  }
  return (
    <Card
      title={<span data-testid="page-title">{t('standards.title')}</span>}
      extra={
        <StandardsActions
          current={standards}
          // Import and edit each replace the whole document: one at a time.
          canEdit={canEdit && !editing && !preview}
          onPreview={setPreview}
          onEdit={() => setEditing(true)}
        />
      }
    >
      {!canEdit && <Alert type="info" showIcon message={t('standards.readOnly')} style={{ marginBottom: 16 }} data-testid="standards-read-only" />}
      {canEdit && editing ? (
        <StandardsEditor current={standards} onDone={() => setEditing(false)} />
      ) : preview ? (
        <ImportPreview data={preview} onDone={() => setPreview(null)} />
      ) : (
        <StandardsView data={standards} />
      )}
    </Card>
  );
}

function StandardsActions({ current, canEdit, onPreview, onEdit }: { current: TravelStandards; canEdit: boolean; onPreview: (data: StandardsData) => void; onEdit: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();

  function exportJson(): void {
    const url = URL.createObjectURL(new Blob([exportStandardsJson(current)], { type: 'application/json' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = exportFileName(current);
    a.click();
    URL.revokeObjectURL(url);
  }

  async function read(file: File): Promise<void> {
    const result = importStandards(file.name, await file.text(), importBase(current));
    if (result.ok) onPreview(result.standards);
    else void message.error(reasonMessage(t, result.code, result.params));
  }

  return (
    <Space>
      {canEdit && (
        <Button icon={<EditOutlined />} onClick={onEdit} data-testid="standards-edit">
          {t('finance.standards.edit')}
        </Button>
      )}
      {canEdit && (
        <Upload
          accept=".json,.csv,application/json,text/csv"
          showUploadList={false}
          beforeUpload={(file) => {
            void read(file);
            return false; // read here, never uploaded anywhere
          }}
        >
          <Button icon={<UploadOutlined />} data-testid="standards-import">
            {t('standards.import')}
          </Button>
        </Upload>
      )}
      <Button icon={<DownloadOutlined />} onClick={exportJson} data-testid="standards-export">
        {t('standards.export')}
      </Button>
    </Space>
  );
}

function ImportPreview({ data, onDone }: { data: StandardsData; onDone: () => void }) {
  const { t } = useTranslation();
  const saveSteps = useSave();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function save(): Promise<void> {
    setBusy(true);
    setError(null);
    // Said as every settings page says it (kept on this computer while offline).
    const refused = await saveSteps([{ name: 'travelStandards.save', args: data }], t('standards.saved'));
    if (refused !== null) {
      setBusy(false);
      setError(refused);
      return;
    }
    onDone();
  }

  return (
    <div data-testid="standards-preview">
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 16 }}
        message={t('standards.preview')}
        description={t('standards.previewSummary', { name: data.name, regions: data.regions.length, bands: data.rankBands.length, date: data.effectiveFrom })}
        action={
          <Space direction="vertical">
            <Button type="primary" loading={busy} onClick={() => void save()} data-testid="standards-save">
              {t('standards.save')}
            </Button>
            <Button onClick={onDone} disabled={busy} data-testid="standards-cancel">
              {t('standards.cancel')}
            </Button>
          </Space>
        }
      />
      {error && <Alert type="error" showIcon message={error} role="alert" style={{ marginBottom: 16 }} data-testid="standards-error" />}
      <StandardsView data={data} />
    </div>
  );
}

function StandardsView({ data }: { data: StandardsData }) {
  const { t } = useTranslation();
  const columns: TableColumnsType<RegionStandard> = [
    {
      key: 'region',
      title: t('standards.col.region'),
      width: 160,
      render: (_, r) => (
        <Space size={4} wrap>
          <span>{r.name}</span>
          {r.abroad && <Tag color="red">{t('standards.abroad')}</Tag>}
          {r.id === data.defaultRegionId && <Tag>{t('standards.default')}</Tag>}
        </Space>
      ),
    },
    { key: 'cities', title: t('standards.col.cities'), render: (_, r) => <Typography.Text type="secondary">{r.cities.join('、') || '—'}</Typography.Text> },
    ...data.rankBands.map((band) => ({
      key: `lodging-${band.id}`,
      title: t('standards.col.lodging', { band: band.name }),
      align: 'right' as const,
      width: 150,
      render: (_: unknown, r: RegionStandard) => yuanCell(r.lodgingCapFen[band.id]),
    })),
    { key: 'meals', title: t('standards.col.meals'), align: 'right', width: 120, render: (_, r) => yuanCell(r.mealFenPerDay) },
    { key: 'local', title: t('standards.col.local'), align: 'right', width: 120, render: (_, r) => yuanCell(r.localTransportFenPerDay) },
  ];
  return (
    <div data-testid="standards-view">
      {data.example && <Alert type="warning" showIcon message={t('standards.example')} style={{ marginBottom: 16 }} data-testid="standards-example" />}
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {data.name}
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        {t('standards.effectiveFrom', { date: data.effectiveFrom })} · {t('standards.homeProvince', { province: data.homeProvince })}
      </Typography.Paragraph>
      <Descriptions title={t('standards.bands')} column={1} size="small" bordered style={{ marginBottom: 24 }} data-testid="standards-bands">
        {data.rankBands.map((band) => {
          const classes = data.transportClasses[band.id];
          return (
            <Descriptions.Item key={band.id} label={t('standards.bandRanks', { name: band.name, min: band.minRank, max: band.maxRank })}>
              {classes
                ? Object.entries(classes).map(([mode, cls]) => (
                    <Tag key={mode}>
                      {t(`travel.mode.${mode as keyof typeof classes}`)} · {t(`travel.class.${cls}`)}
                    </Tag>
                  ))
                : '—'}
            </Descriptions.Item>
          );
        })}
      </Descriptions>
      <Typography.Title level={5}>{t('standards.regions')}</Typography.Title>
      <Table<RegionStandard> rowKey="id" size="small" columns={columns} dataSource={data.regions} pagination={{ pageSize: 50, hideOnSinglePage: true }} scroll={{ x: 900 }} data-testid="standards-regions" />
    </div>
  );
}
