// The working calendar (/admin/calendar): a year at a glance with its holidays and adjusted
// working days, where they come from, and the tools to keep it right: mark a day, import a
// year from a file, export a year for another office. Everyone's day counts use it.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Card, Select, Space, Tag, Typography } from 'antd';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { SHIPPED_YEARS } from '../../../shared/calendar/agencyCalendar';
import { agencyDate } from '../../../shared/calendar/dates';
import { useCalendarYears, useCurrentUser, useDirectory } from '../../db';
import { LoadingBlock } from '../../components/LoadingBlock';
import { exportFileName, exportYearJson, resolveYear, type ResolvedYear } from './calendarData';
import { selectableYears, type DayCell } from './calendarGrid';
import { CalendarLegend, CalendarYearView } from './CalendarYearView';
import { DayDialog } from './DayDialog';
import { HolidayList } from './HolidayList';
import { ImportCalendarDialog } from './ImportCalendarDialog';
import { canAdministerPolicy } from './permissions';

/** Saves text as a file through the browser's download (Electron handles it the same way). */
function download(fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  // After the click has been handled: revoking at once can cancel the download in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

export function CalendarAdminPage() {
  const { t } = useTranslation();
  const docs = useCalendarYears();
  const user = useCurrentUser();
  const today = agencyDate(new Date().toISOString());
  const currentYear = Number(today.slice(0, 4));
  const [year, setYear] = useState(currentYear);
  const [picked, setPicked] = useState<DayCell | null>(null);
  const [importing, setImporting] = useState(false);

  if (!docs) return <LoadingBlock rows={12} />;
  const canEdit = user !== undefined && canAdministerPolicy(user);
  const resolved = resolveYear(year, docs);
  const years = selectableYears(
    docs.map((d) => d.year),
    SHIPPED_YEARS.map((y) => y.year),
    currentYear,
  );

  return (
    <Card
      title={<span data-testid="page-title">{t('admin.calendar.title')}</span>}
      extra={
        <Space wrap>
          <Select<number>
            value={year}
            onChange={setYear}
            options={years.map((y) => ({ value: y, label: t('admin.calendar.yearOption', { year: y }) }))}
            aria-label={t('admin.calendar.year')}
            style={{ width: 120 }}
            data-testid="calendar-year-select"
          />
          {canEdit && (
            <Button icon={<UploadOutlined />} onClick={() => setImporting(true)} data-testid="calendar-import">
              {t('admin.calendar.import')}
            </Button>
          )}
          <Button icon={<DownloadOutlined />} disabled={resolved.origin === 'none'} onClick={() => download(exportFileName(year), exportYearJson(resolved.days))} data-testid="calendar-export">
            {t('admin.calendar.export')}
          </Button>
        </Space>
      }
    >
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        {!canEdit && <Alert type="info" showIcon message={t('admin.readOnly')} data-testid="admin-read-only" />}
        <YearHeader resolved={resolved} />
        <CalendarLegend />
        {canEdit && <Typography.Text type="secondary">{t('admin.calendar.clickHint')}</Typography.Text>}
        <CalendarYearView days={resolved.days} today={today} onPick={canEdit ? setPicked : null} />
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t('admin.calendar.holidays')}
        </Typography.Title>
        <HolidayList days={resolved.days} />
      </Space>
      <DayDialog cell={picked} onClose={() => setPicked(null)} />
      <ImportCalendarDialog
        open={importing}
        docs={docs}
        onClose={(imported) => {
          setImporting(false);
          if (imported !== undefined) setYear(imported);
        }}
      />
    </Card>
  );
}

/** Where the year's data comes from, who changed it last, and how many days it marks. */
function YearHeader({ resolved }: { resolved: ResolvedYear }) {
  const { t } = useTranslation();
  const directory = useDirectory();
  const { days, origin, doc } = resolved;
  if (origin === 'none') return <Alert type="warning" showIcon message={t('admin.calendar.noData', { year: days.year })} data-testid="calendar-no-data" />;
  const editor = doc?.updatedBy ? (directory?.users.get(doc.updatedBy)?.displayName ?? t('common.unknownUser')) : null;
  return (
    <Space direction="vertical" size={4} data-testid="calendar-source" data-origin={origin}>
      <Typography.Text>{t('admin.calendar.source', { source: days.source || t('admin.calendar.sourceNone') })}</Typography.Text>
      <Space size={8} wrap>
        <Tag color="red">{t('admin.calendar.count.holidays', { count: days.holidays.length })}</Tag>
        <Tag color="blue">{t('admin.calendar.count.workdays', { count: days.workdays.length })}</Tag>
        <Typography.Text type="secondary">
          {origin === 'shipped' || !doc || !editor ? t('admin.calendar.origin.shipped') : t('admin.calendar.updated', { time: dayjs(doc.updatedAt).format('YYYY-MM-DD HH:mm'), name: editor })}
        </Typography.Text>
      </Space>
    </Space>
  );
}
