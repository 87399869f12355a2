// HR's balance administration: choose a year and a balance-tracked type, allocate the year,
// see every member of staff's balance, adjust one, or open one person's ledger.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Card, Empty, Input, Select, Space, Table, Typography, type TableColumnsType } from 'antd';
import { agencyDate } from '../../../shared/calendar/dates';
import { leaveTypeName } from '../../../shared/domain/leaveTypes';
import { useAllLedger, useDirectory, useLeaveTypes, usePendingRequests } from '../../db';
import { LoadingBlock } from '../../components/LoadingBlock';
import { testId } from '../../components/testId';
import { AdjustDialog } from './AdjustDialog';
import { AllocateYear } from './AllocateYear';
import { balanceDateFor, staffBalanceRows, type StaffBalanceRow } from './hrBalances';
import { PersonLedgerDrawer } from './PersonLedgerDrawer';

export function HrBalancesPage() {
  const { t, i18n } = useTranslation();
  const today = agencyDate(new Date().toISOString());
  const currentYear = Number(today.slice(0, 4));
  const [year, setYear] = useState(currentYear);
  const [chosenType, setChosenType] = useState<string | null>(null);
  const [search, setSearch] = useState('');
  const [adjusting, setAdjusting] = useState<string | null>(null);
  const [viewing, setViewing] = useState<string | null>(null);
  const types = useLeaveTypes();
  const ledger = useAllLedger();
  const pending = usePendingRequests();
  const directory = useDirectory();
  if (types === undefined || ledger === undefined || pending === undefined || directory === undefined) return <LoadingBlock />;

  const tracked = types.filter((type) => type.tracksBalance && type.active);
  const type = tracked.find((x) => x.id === chosenType) ?? tracked[0];
  if (!type) {
    return (
      <Card title={<span data-testid="page-title">{t('hr.balances.title')}</span>}>
        <Empty description={t('hr.balances.noTypes')} />
      </Card>
    );
  }
  const typeName = leaveTypeName(type, i18n.language, type.id);
  const asOf = balanceDateFor(year, today);
  const allRows = staffBalanceRows({ users: directory.users.values(), departments: directory.departments, entries: ledger, pending, typeId: type.id, year, asOf });
  const needle = search.trim().toLocaleLowerCase();
  const rows = needle === '' ? allRows : allRows.filter((r) => `${r.user.displayName} ${r.user.username} ${r.departmentName}`.toLocaleLowerCase().includes(needle));
  const adjustRow = allRows.find((r) => r.user.id === adjusting);
  const viewRow = allRows.find((r) => r.user.id === viewing);
  const days = (count: number) => t('balances.days', { count });

  const columns: TableColumnsType<StaffBalanceRow> = [
    { key: 'name', title: t('hr.col.requester'), render: (_, r) => r.user.displayName },
    { key: 'department', title: t('hr.col.department'), dataIndex: 'departmentName' },
    {
      key: 'allocation',
      title: t('hr.balances.allocation', { year }),
      align: 'right',
      render: (_, r) => (r.allocation ? days(r.allocation.days) : <Typography.Text type="secondary">{t('hr.balances.notAllocated')}</Typography.Text>),
    },
    { key: 'allocated', title: t('balances.allocated'), align: 'right', render: (_, r) => r.balance.allocated },
    { key: 'used', title: t('balances.used'), align: 'right', render: (_, r) => r.balance.used },
    { key: 'reserved', title: t('balances.reserved'), align: 'right', render: (_, r) => r.balance.reserved },
    {
      key: 'available',
      title: t('balances.available'),
      align: 'right',
      sorter: (a, b) => a.balance.available - b.balance.available,
      render: (_, r) => (
        <Typography.Text strong type={r.balance.available < 0 ? 'danger' : undefined} data-testid="hr-balance-available">
          {r.balance.available}
        </Typography.Text>
      ),
    },
    {
      key: 'expiring',
      title: t('hr.balances.expiring'),
      render: (_, r) =>
        r.balance.expiring.length === 0 ? '—' : r.balance.expiring.map((e) => <div key={e.on}>{t('balances.expiresOn', { count: e.days, date: e.on })}</div>),
    },
    {
      key: 'actions',
      title: t('hr.col.actions'),
      render: (_, r) => (
        <Space size={8}>
          <Button size="small" onClick={() => setAdjusting(r.user.id)} data-testid="hr-adjust">
            {t('hr.balances.adjust')}
          </Button>
          <Button size="small" onClick={() => setViewing(r.user.id)} data-testid="hr-ledger">
            {t('hr.balances.ledger')}
          </Button>
        </Space>
      ),
    },
  ];

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title={<span data-testid="page-title">{t('hr.balances.title')}</span>}
        extra={
          <Space wrap>
            <Select<number>
              value={year}
              onChange={setYear}
              options={[currentYear - 1, currentYear, currentYear + 1].map((y) => ({ value: y, label: t('hr.balances.year', { year: y }) }))}
              style={{ width: 120 }}
              data-testid="hr-year"
            />
            <Select<string>
              value={type.id}
              onChange={setChosenType}
              options={tracked.map((x) => ({ value: x.id, label: leaveTypeName(x, i18n.language, x.id) }))}
              style={{ width: 160 }}
              data-testid="hr-type"
            />
          </Space>
        }
      >
        <AllocateYear type={type} typeName={typeName} year={year} users={directory.users.values()} entries={ledger} />
      </Card>
      <Card
        title={t('hr.balances.staffTitle', { type: typeName, date: asOf })}
        extra={<Input.Search allowClear placeholder={t('hr.filter.person')} value={search} onChange={(e) => setSearch(e.target.value)} style={{ width: 200 }} data-testid="hr-balances-search" />}
      >
        <Table<StaffBalanceRow>
          rowKey={(r) => r.user.id}
          size="middle"
          columns={columns}
          dataSource={rows}
          pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
          onRow={(r) => testId('hr-balance-row', { user: r.user.id, available: r.balance.available })}
          locale={{ emptyText: t('hr.empty') }}
          scroll={{ x: 'max-content' }}
          data-testid="hr-balances-table"
        />
      </Card>
      {adjustRow && <AdjustDialog user={adjustRow.user} type={type} typeName={typeName} balance={adjustRow.balance} onClose={() => setAdjusting(null)} />}
      <PersonLedgerDrawer row={viewRow} type={type} typeName={typeName} types={types} onClose={() => setViewing(null)} onAdjust={setAdjusting} />
    </Space>
  );
}
