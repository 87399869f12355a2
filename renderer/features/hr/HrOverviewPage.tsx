// HR's overview of every leave request: filters, totals, the table, and export of exactly the
// rows the filters select. Read from this device's copy (HR receives every request), so it
// works offline too.
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Card, Drawer, Space, Table, Typography, type TableColumnsType } from 'antd';
import { EyeOutlined } from '@ant-design/icons';
import { agencyDate } from '../../../shared/calendar/dates';
import type { LeaveRequest } from '../../../shared/domain/leave';
import { leaveTypeName } from '../../../shared/domain/leaveTypes';
import { useCalendarYears, useDirectory, useLeaveTypes, useRequestsInPeriod } from '../../db';
import { LoadingBlock } from '../../components/LoadingBlock';
import { testId } from '../../components/testId';
import { formatSpan } from '../leave/format';
import { RequestDetail } from '../leave/RequestDetail';
import { StatusTag } from '../leave/StatusTag';
import { ExportButtons } from './ExportButtons';
import { OverviewFilterBar } from './OverviewFilterBar';
import { OverviewSummaryCards } from './OverviewSummaryCards';
import { agencyDateTime, daysInPeriod, exportFileName, filterRequests, NO_FILTERS, overviewTable, summarize, workCalendarOf, type OverviewFilters } from './overview';

function thisYear(today: string): OverviewFilters {
  const year = today.slice(0, 4);
  return { ...NO_FILTERS, period: { from: `${year}-01-01`, to: `${year}-12-31` } };
}

export function HrOverviewPage() {
  const { t, i18n } = useTranslation();
  const today = agencyDate(new Date().toISOString());
  const [filters, setFilters] = useState<OverviewFilters>(() => thisYear(today));
  const [openId, setOpenId] = useState<string | null>(null);
  const requests = useRequestsInPeriod(filters.period);
  const directory = useDirectory();
  const types = useLeaveTypes();
  const years = useCalendarYears();
  // Thousands of requests: filtered and totalled when the data or the filters change, not when a drawer opens.
  const calendar = useMemo(() => workCalendarOf(years ?? []), [years]);
  const rows = useMemo(() => (requests && directory ? filterRequests(requests, filters, directory) : undefined), [requests, filters, directory]);
  const summary = useMemo(() => (rows && types ? summarize(rows, filters.period, calendar, types) : undefined), [rows, filters.period, calendar, types]);
  if (rows === undefined || summary === undefined || requests === undefined || directory === undefined || types === undefined || years === undefined) return <LoadingBlock />;

  const typeById = new Map(types.map((type) => [type.id, type]));
  const opened = openId === null ? undefined : rows.find((r) => r.id === openId) ?? requests.find((r) => r.id === openId);

  const columns: TableColumnsType<LeaveRequest> = [
    {
      key: 'requester',
      title: t('hr.col.requester'),
      render: (_, r) => (
        <div>
          <div>{directory.users.get(r.requesterId)?.displayName ?? t('common.unknownUser')}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {directory.departments.get(r.departmentId)?.name ?? ''}
          </Typography.Text>
        </div>
      ),
    },
    { key: 'type', title: t('hr.col.type'), render: (_, r) => leaveTypeName(typeById.get(r.type), i18n.language, r.type) },
    {
      key: 'dates',
      title: t('hr.col.dates'),
      sorter: (a, b) => a.startDate.localeCompare(b.startDate),
      render: (_, r) => <span style={{ whiteSpace: 'nowrap' }}>{formatSpan(t, r)}</span>,
    },
    { key: 'days', title: t('hr.col.days'), align: 'right', sorter: (a, b) => a.days - b.days, render: (_, r) => r.days },
    ...(filters.period
      ? [
          {
            key: 'inPeriod',
            title: t('hr.col.daysInPeriod'),
            align: 'right' as const,
            render: (_: unknown, r: LeaveRequest) => (r.status === 'approved' || r.status === 'pending' ? daysInPeriod(r, filters.period, calendar) : '—'),
          },
        ]
      : []),
    { key: 'status', title: t('hr.col.status'), render: (_, r) => <StatusTag status={r.status} /> },
    { key: 'submitted', title: t('hr.col.submittedAt'), render: (_, r) => <span style={{ whiteSpace: 'nowrap' }}>{agencyDateTime(r.createdAt)}</span> },
    {
      key: 'actions',
      title: t('hr.col.actions'),
      render: (_, r) => (
        <Button size="small" icon={<EyeOutlined />} onClick={() => setOpenId(r.id)} data-testid="hr-request-view">
          {t('hr.view')}
        </Button>
      ),
    },
  ];

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title={<span data-testid="page-title">{t('hr.overview.title')}</span>}
        extra={
          <ExportButtons
            table={() => overviewTable(rows, { t, language: i18n.language, directory, types, period: filters.period, calendar })}
            fileName={exportFileName(t('hr.export.filePrefix'), filters.period, today)}
            sheetName={t('hr.export.sheetName')}
            disabled={rows.length === 0}
          />
        }
      >
        <Space direction="vertical" size={16} style={{ width: '100%' }}>
          <OverviewFilterBar value={filters} onChange={setFilters} onReset={() => setFilters(thisYear(today))} departments={directory.departments.values()} types={types} />
          <OverviewSummaryCards summary={summary} types={types} inPeriod={filters.period !== null} />
        </Space>
      </Card>
      <Card>
        <Table<LeaveRequest>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={rows}
          pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false, showTotal: (total) => t('hr.total', { count: total }) }}
          onRow={(r) => testId('hr-row', { id: r.id, status: r.status, type: r.type })}
          locale={{ emptyText: t('hr.empty') }}
          scroll={{ x: 'max-content' }}
          data-testid="hr-table"
        />
      </Card>
      <Drawer open={openId !== null} onClose={() => setOpenId(null)} title={t('hr.detail')} width={560} destroyOnHidden>
        {opened ? <RequestDetail request={opened} waitingSync={false} /> : null}
      </Drawer>
    </Space>
  );
}
