// Importing a year's calendar from a file brought on a USB stick (no internet): read it with
// the shared importer, show what it holds and what it changes, and save only on confirmation.
// A bad file says why, with the line, and nothing is saved.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Card, Modal, Space, Table, Tag, Typography, Upload } from 'antd';
import { InboxOutlined } from '@ant-design/icons';
import { importCalendar, type ImportResult } from '../../../shared/calendar/importCalendar';
import type { OfficialYear } from '../../../shared/calendar/official';
import type { CalendarYearDoc } from '../../../shared/domain/calendarYear';
import { testId } from '../../components/testId';
import { calendarChanges, canonicalYear, holidayLabel, importErrorText, resolveYear, type DayChange } from './calendarData';
import type { DayMark } from './calendarGrid';
import { HolidayList } from './HolidayList';
import { useSave } from './useSave';

const ACCEPT = '.json,.csv,.ics,.ical,.txt';

interface Parsed {
  fileName: string;
  result: ImportResult;
}

export function ImportCalendarDialog({ open, docs, onClose }: { open: boolean; docs: readonly CalendarYearDoc[]; onClose: (importedYear?: number) => void }) {
  const { t } = useTranslation();
  const save = useSave();
  const [parsed, setParsed] = useState<Parsed | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  function close(importedYear?: number): void {
    setParsed(null);
    setError(null);
    setBusy(false);
    onClose(importedYear);
  }

  async function read(file: File): Promise<void> {
    setError(null);
    setParsed({ fileName: file.name, result: importCalendar(file.name, await file.text()) });
  }

  // Official holidays by their keys, like the shipped data, so they show in every language.
  const years = parsed?.result.ok ? parsed.result.years.map(canonicalYear) : [];
  const unchanged = years.every((y) => {
    const current = resolveYear(y.year, docs);
    return current.origin !== 'none' && current.days.source === y.source && calendarChanges(current.days, y).length === 0;
  });

  async function confirm(): Promise<void> {
    setBusy(true);
    const failed = await save(
      years.map((y) => ({ name: 'calendar.saveYear', args: { year: y.year, source: y.source, holidays: y.holidays, workdays: y.workdays } })),
      t('admin.calendar.imported', { years: years.map((y) => y.year).join(', ') }),
    );
    setBusy(false);
    if (failed) setError(failed);
    else close(years[0]?.year);
  }

  return (
    <Modal
      open={open}
      title={t('admin.calendar.importTitle')}
      width={760}
      okText={t('admin.calendar.importConfirm')}
      cancelText={t('common.cancel')}
      okButtonProps={{ disabled: years.length === 0 || unchanged, ...testId('calendar-import-confirm') }}
      confirmLoading={busy}
      onOk={() => void confirm()}
      onCancel={() => close()}
      destroyOnHidden
    >
      <Space direction="vertical" size={16} style={{ width: '100%' }} data-testid="calendar-import-dialog">
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {t('admin.calendar.importHint')}
        </Typography.Paragraph>
        <Upload.Dragger
          accept={ACCEPT}
          multiple={false}
          showUploadList={false}
          beforeUpload={(file) => {
            void read(file);
            // Read here, never uploaded anywhere: the file goes through the preview first.
            return false;
          }}
          data-testid="calendar-import-file"
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">{parsed ? parsed.fileName : t('admin.calendar.importDrop')}</p>
        </Upload.Dragger>
        {parsed && !parsed.result.ok && <Alert type="error" showIcon role="alert" message={importErrorText(t, parsed.fileName, parsed.result)} data-testid="calendar-import-error" />}
        {years.map((y) => (
          <YearPreview key={y.year} year={y} docs={docs} />
        ))}
        {error && <Alert type="error" showIcon role="alert" message={error} data-testid="calendar-import-save-error" />}
      </Space>
    </Modal>
  );
}

function YearPreview({ year, docs }: { year: OfficialYear; docs: readonly CalendarYearDoc[] }) {
  const { t } = useTranslation();
  const current = resolveYear(year.year, docs);
  const changes = calendarChanges(current.days, year);
  let status: string;
  if (current.origin === 'none') status = t('admin.calendar.preview.new');
  else if (changes.length === 0) status = t('admin.calendar.preview.noChanges');
  else status = t(current.origin === 'shipped' ? 'admin.calendar.preview.changesShipped' : 'admin.calendar.preview.changes', { count: changes.length });
  return (
    <Card size="small" title={t('admin.calendar.yearOption', { year: year.year })} data-testid="calendar-import-preview" data-year={year.year} data-changes={changes.length}>
      <Space direction="vertical" size={12} style={{ width: '100%' }}>
        <Typography.Text>{t('admin.calendar.source', { source: year.source || t('admin.calendar.sourceNone') })}</Typography.Text>
        <Space size={8} wrap>
          <Tag color="red" data-testid="calendar-import-holidays" data-count={year.holidays.length}>
            {t('admin.calendar.count.holidays', { count: year.holidays.length })}
          </Tag>
          <Tag color="blue" data-testid="calendar-import-workdays" data-count={year.workdays.length}>
            {t('admin.calendar.count.workdays', { count: year.workdays.length })}
          </Tag>
        </Space>
        <HolidayList days={year} testId="calendar-import-holiday-list" />
        <Typography.Text strong>{status}</Typography.Text>
        {current.origin !== 'none' && changes.length > 0 && <ChangeTable changes={changes} />}
      </Space>
    </Card>
  );
}

function ChangeTable({ changes }: { changes: DayChange[] }) {
  const { t } = useTranslation();
  const state = (mark: DayMark | null) => (mark ? t(`admin.calendar.state.${mark.kind}`, { name: holidayLabel(t, mark.holiday) }) : t('admin.calendar.state.normal'));
  return (
    <Table<DayChange>
      size="small"
      rowKey="date"
      dataSource={changes}
      pagination={{ pageSize: 8, hideOnSinglePage: true, size: 'small' }}
      columns={[
        { key: 'date', title: t('admin.calendar.col.date'), dataIndex: 'date', width: 120 },
        { key: 'before', title: t('admin.calendar.col.before'), render: (_, c) => state(c.before) },
        { key: 'after', title: t('admin.calendar.col.after'), render: (_, c) => state(c.after) },
      ]}
      data-testid="calendar-import-changes"
    />
  );
}
