// /finance/claims: every claim, filtered by status, department and submission period, with the
// totals of what is shown; finance officers record payments; everything shown can be exported
// to CSV or Excel.
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { Button, Card, DatePicker, Drawer, Empty, Result, Select, Space, Statistic, Table, type TableColumnsType } from 'antd';
import { DownloadOutlined, EyeOutlined, PayCircleOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { CLAIM_STATUSES, type Claim, type ClaimStatus } from '../../../shared/domain/claim';
import { formatYuan } from '../../../shared/money/money';
import { useAllClaims, useCurrentUser, useDirectory } from '../../db';
import { testId } from '../../components/testId';
import { ClaimDetail } from '../claims/ClaimDetail';
import { ClaimStatusTag } from '../claims/ClaimStatusTag';
import { csvBlob, downloadBlob, preloadXlsx, xlsxBlob } from '../hr/export';
import { ALL_CLAIMS, claimsExportTable, filterClaims, submittedOn, sumClaims, type ClaimFilter } from './financeClaims';
import { MarkPaidDialog } from './financeMarkPaidDialog';

export function FinanceClaimsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const me = useCurrentUser();
  const claims = useAllClaims();
  const directory = useDirectory();
  const [filter, setFilter] = useState<ClaimFilter>({ ...ALL_CLAIMS, status: 'approved' });
  const [paying, setPaying] = useState<Claim | null>(null);
  const [viewing, setViewing] = useState<Claim | null>(null);
  const isFinance = me?.roles.includes('finance_officer') ?? false;

  useEffect(() => preloadXlsx(), []);

  const shown = useMemo(() => filterClaims(claims ?? [], filter), [claims, filter]);
  const sums = sumClaims(shown);
  const nameOf = (id: string) => directory?.users.get(id)?.displayName ?? id;
  const deptOf = (id: string) => directory?.departments.get(id)?.name ?? id;

  if (me && !isFinance && !me.roles.includes('system_admin')) return <Result status="403" title={t('finance.forbidden')} />;

  const columns: TableColumnsType<Claim> = [
    { key: 'date', title: t('finance.col.submittedOn'), width: 110, render: (_, c) => submittedOn(c) },
    { key: 'requester', title: t('finance.col.claimant'), width: 100, render: (_, c) => nameOf(c.requesterId) },
    { key: 'department', title: t('finance.col.department'), width: 120, render: (_, c) => deptOf(c.departmentId) },
    { key: 'title', title: t('finance.col.title'), dataIndex: 'title' },
    { key: 'total', title: t('finance.col.total'), align: 'right', width: 120, render: (_, c) => formatYuan(c.totalFen) },
    { key: 'payable', title: t('finance.col.payable'), align: 'right', width: 120, render: (_, c) => formatYuan(c.payableFen) },
    { key: 'status', title: t('finance.col.status'), width: 200, render: (_, c) => <ClaimStatusTag claim={c} /> },
    {
      key: 'actions',
      title: t('finance.col.actions'),
      width: 200,
      render: (_, c) => (
        <Space size={8}>
          <Button size="small" icon={<EyeOutlined />} onClick={() => setViewing(c)} data-testid="finance-claim-view">
            {t('finance.view')}
          </Button>
          {isFinance && c.status === 'approved' && (
            <Button size="small" type="primary" icon={<PayCircleOutlined />} onClick={() => setPaying(c)} data-testid="finance-mark-paid">
              {t('finance.markPaid')}
            </Button>
          )}
        </Space>
      ),
    },
  ];

  function exportTable() {
    return claimsExportTable(shown, {
      columns: [t('finance.col.number'), t('finance.col.submittedOn'), t('finance.col.claimant'), t('finance.col.department'), t('finance.col.title'), t('finance.col.totalYuan'), t('finance.col.advanceYuan'), t('finance.col.payableYuan'), t('finance.col.status'), t('finance.col.reference'), t('finance.col.paidOn')],
      status: (s) => t(`claims.status.${s}`),
      person: nameOf,
      department: deptOf,
    });
  }
  const fileBase = `${t('finance.exportName')}-${dayjs().format('YYYYMMDD')}`;

  return (
    <Card
      title={<span data-testid="page-title">{t('finance.claims.title')}</span>}
      extra={
        <Space>
          <Button icon={<DownloadOutlined />} onClick={() => downloadBlob(csvBlob(exportTable()), `${fileBase}.csv`)} disabled={shown.length === 0} data-testid="finance-export-csv">
            {t('finance.exportCsv')}
          </Button>
          <Button icon={<DownloadOutlined />} onClick={() => void xlsxBlob(exportTable(), t('finance.exportName')).then((b) => downloadBlob(b, `${fileBase}.xlsx`))} disabled={shown.length === 0} data-testid="finance-export-xlsx">
            {t('finance.exportXlsx')}
          </Button>
        </Space>
      }
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <Select<ClaimStatus | 'all'>
          value={filter.status}
          onChange={(status) => setFilter({ ...filter, status })}
          options={[{ value: 'all', label: t('finance.filter.allStatuses') }, ...CLAIM_STATUSES.map((s) => ({ value: s, label: t(`claims.status.${s}`) }))]}
          style={{ width: 180 }}
          data-testid="finance-filter-status"
          aria-label={t('finance.col.status')}
        />
        <Select<string>
          value={filter.departmentId ?? ''}
          onChange={(d) => setFilter({ ...filter, departmentId: d === '' ? null : d })}
          options={[{ value: '', label: t('finance.filter.allDepartments') }, ...[...(directory?.departments.values() ?? [])].map((d) => ({ value: d.id, label: d.name }))]}
          style={{ width: 180 }}
          data-testid="finance-filter-department"
          aria-label={t('finance.col.department')}
        />
        <DatePicker.RangePicker
          value={filter.from && filter.to ? [dayjs(filter.from), dayjs(filter.to)] : null}
          onChange={(range) => setFilter({ ...filter, from: range?.[0]?.format('YYYY-MM-DD') ?? null, to: range?.[1]?.format('YYYY-MM-DD') ?? null })}
          format="YYYY-MM-DD"
          data-testid="finance-filter-period"
        />
      </Space>
      <Space size={32} wrap style={{ marginBottom: 16 }} data-testid="finance-totals">
        <Statistic title={t('finance.totals.count')} value={sums.count} />
        <Statistic title={t('finance.totals.total')} value={formatYuan(sums.totalFen)} />
        <Statistic title={t('finance.totals.payable')} value={formatYuan(sums.payableFen)} />
        <Statistic title={t('finance.totals.paid')} value={formatYuan(sums.paidFen)} />
      </Space>
      <Table<Claim>
        rowKey="id"
        columns={columns}
        dataSource={shown}
        loading={claims === undefined}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        onRow={(c) => testId('finance-claim-row', { id: c.id, status: c.status })}
        locale={{ emptyText: claims === undefined ? ' ' : <Empty description={t('finance.empty')} /> }}
        scroll={{ x: true }}
      />
      {paying && <MarkPaidDialog claim={paying} onClose={() => setPaying(null)} />}
      <Drawer open={viewing !== null} onClose={() => setViewing(null)} width={880} title={t('claims.detail.title')} destroyOnClose>
        {viewing && (
          <ClaimDetail
            claim={claims?.find((c) => c.id === viewing.id) ?? viewing}
            actions={
              <Button onClick={() => navigate(`/print/claim/${viewing.id}`)} data-testid="claim-print">
                {t('claims.print')}
              </Button>
            }
          />
        )}
      </Drawer>
    </Card>
  );
}
