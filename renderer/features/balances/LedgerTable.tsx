// A person's ledger, newest first: every allocation, use, restoration and adjustment with its
// reason in words. Used on "My balances" and in HR's per-person drawer.
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Table, Tag, Typography, type TableColumnsType } from 'antd';
import type { LeaveRequest } from '../../../shared/domain/leave';
import { leaveTypeName, type LeaveTypeDef } from '../../../shared/domain/leaveTypes';
import type { LedgerEntry, LedgerKind } from '../../../shared/domain/ledger';
import { testId } from '../../components/testId';
import { formatSpan } from '../leave/format';
import { ledgerKindLabel, ledgerNewestFirst, ledgerReasonText, signedDays } from './ledgerText';

const KIND_COLORS: Record<LedgerKind, string> = { allocation: 'blue', usage: 'orange', restoration: 'green', adjustment: 'purple' };

interface LedgerTableProps {
  entries: readonly LedgerEntry[];
  types: readonly LeaveTypeDef[];
  /** The requests the entries refer to, to show their dates (those this client can read). */
  requests?: ReadonlyMap<string, LeaveRequest>;
  /** Link request entries to "My requests" (only for the signed-in user's own ledger). */
  linkRequests?: boolean;
  /** Hide the type column when the table shows one type only. */
  showType?: boolean;
  pageSize?: number;
}

export function LedgerTable({ entries, types, requests, linkRequests = false, showType = true, pageSize = 20 }: LedgerTableProps) {
  const { t, i18n } = useTranslation();
  const typeById = new Map(types.map((type) => [type.id, type]));
  const typeLabel = (id: string) => leaveTypeName(typeById.get(id), i18n.language, id);
  const presentTypes = [...new Set(entries.map((e) => e.typeId))];

  const columns: TableColumnsType<LedgerEntry> = [
    { key: 'date', title: t('balances.ledger.date'), dataIndex: 'effectiveOn', width: 110, render: (date: string) => <span style={{ whiteSpace: 'nowrap' }}>{date}</span> },
    ...(showType
      ? [
          {
            key: 'type',
            title: t('balances.ledger.type'),
            filters: presentTypes.map((id) => ({ text: typeLabel(id), value: id })),
            onFilter: (value: boolean | React.Key, e: LedgerEntry) => e.typeId === value,
            render: (_: unknown, e: LedgerEntry) => typeLabel(e.typeId),
          },
        ]
      : []),
    { key: 'kind', title: t('balances.ledger.kind'), render: (_, e) => <Tag color={KIND_COLORS[e.kind]}>{ledgerKindLabel(t, e.kind)}</Tag> },
    {
      key: 'days',
      title: t('balances.ledger.days'),
      width: 70,
      align: 'right',
      render: (_, e) => (
        <Typography.Text type={e.days < 0 ? 'danger' : 'success'} style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }} data-testid="ledger-days">
          {signedDays(e.days)}
        </Typography.Text>
      ),
    },
    { key: 'expires', title: t('balances.ledger.expires'), render: (_, e) => <span style={{ whiteSpace: 'nowrap' }}>{e.expiresOn ?? '—'}</span> },
    {
      key: 'request',
      title: t('balances.ledger.request'),
      render: (_, e) => {
        if (!e.requestId) return '—';
        const request = requests?.get(e.requestId);
        const label = request ? formatSpan(t, request) : t('balances.ledger.requestUnknown');
        return linkRequests ? (
          <Link to={`/requests/${e.requestId}`} data-testid="ledger-request-link">
            {label}
          </Link>
        ) : (
          label
        );
      },
    },
    { key: 'reason', title: t('balances.ledger.reason'), width: '34%', render: (_, e) => <span data-testid="ledger-reason">{ledgerReasonText(t, e)}</span> },
  ];

  return (
    <Table<LedgerEntry>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={ledgerNewestFirst(entries)}
      pagination={{ pageSize, hideOnSinglePage: true }}
      onRow={(e) => testId('ledger-row', { kind: e.kind, type: e.typeId })}
      locale={{ emptyText: t('balances.ledger.empty') }}
      data-testid="ledger-table"
    />
  );
}
