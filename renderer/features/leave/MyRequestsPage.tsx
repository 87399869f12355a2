import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { Button, Card, Drawer, Empty, Space, Table, type TableColumnsType } from 'antd';
import { EyeOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import type { LeaveRequest } from '../../../shared/domain/leave';
import { useMyLeaveRequests, usePendingDocIds } from '../../db';
import { testId } from '../../components/testId';
import { formatDays, formatSpan } from './format';
import { RequestActionButtons } from './RequestActionButtons';
import { RequestDetail } from './RequestDetail';
import { RequestTags } from './StatusTag';
import { useLeaveTypeName } from './useLeaveTypeName';

/** The user's own requests; /requests/:id opens one in a drawer over the list. */
export function MyRequestsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { id } = useParams();
  const requests = useMyLeaveRequests();
  const pendingIds = usePendingDocIds();
  const typeName = useLeaveTypeName();

  const columns: TableColumnsType<LeaveRequest> = [
    { key: 'type', title: t('leave.col.type'), width: 120, render: (_, r) => <span style={{ whiteSpace: 'nowrap' }}>{typeName(r.type)}</span> },
    { key: 'dates', title: t('leave.col.dates'), render: (_, r) => <span style={{ whiteSpace: 'nowrap' }}>{formatSpan(t, r)}</span> },
    { key: 'days', title: t('leave.col.days'), render: (_, r) => <span style={{ whiteSpace: 'nowrap' }}>{formatDays(t, r.days, r.counting)}</span> },
    {
      key: 'status',
      title: t('leave.col.status'),
      width: 200,
      render: (_, r) => <RequestTags request={r} waitingSync={pendingIds.has(r.id)} />,
    },
    { key: 'createdAt', title: t('leave.col.submittedAt'), render: (_, r) => dayjs(r.createdAt).format('YYYY-MM-DD HH:mm'), width: 160 },
    {
      key: 'actions',
      title: t('leave.col.actions'),
      width: 260,
      render: (_, r) => (
        <Space size={8} wrap>
          <Button size="small" icon={<EyeOutlined />} onClick={() => navigate(`/requests/${r.id}`)} data-testid="request-view">
            {t('leave.view')}
          </Button>
          <RequestActionButtons request={r} size="small" />
        </Space>
      ),
    },
  ];

  const selected = id === undefined || requests === undefined ? undefined : (requests.find((r) => r.id === id) ?? null);

  return (
    <Card
      title={<span data-testid="page-title">{t('leave.list.title')}</span>}
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/new')} data-testid="new-request-button">
          {t('leave.list.new')}
        </Button>
      }
    >
      <Table<LeaveRequest>
        rowKey="id"
        columns={columns}
        dataSource={requests ?? []}
        loading={requests === undefined}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        onRow={(r) => testId('request-row', { id: r.id, status: r.status })}
        locale={{
          emptyText:
            requests === undefined ? (
              ' '
            ) : (
              <Empty description={t('leave.list.empty')}>
                <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/new')}>
                  {t('leave.list.new')}
                </Button>
              </Empty>
            ),
        }}
        data-testid="request-table"
      />
      <Drawer
        open={id !== undefined}
        onClose={() => navigate('/requests')}
        title={t('leave.detail.title')}
        width={560}
        extra={selected ? <RequestActionButtons request={selected} /> : null}
        destroyOnHidden
      >
        {selected === undefined ? null : <RequestDetail request={selected} waitingSync={selected ? pendingIds.has(selected.id) : false} />}
      </Drawer>
    </Card>
  );
}
