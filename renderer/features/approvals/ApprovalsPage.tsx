import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Card, Empty, Space, Table, Typography, type TableColumnsType } from 'antd';
import { CheckOutlined, CloseOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import type { LeaveRequest } from '../../../shared/domain/leave';
import { useApprovalInbox, useDirectory, useStore } from '../../db';
import { testId } from '../../components/testId';
import { formatDays, formatSpan } from '../leave/format';
import { DecisionDialog, type Decision, type DecisionTarget } from './DecisionDialog';

/** Requests waiting for the signed-in user's decision, oldest first. */
export function ApprovalsPage() {
  const { t } = useTranslation();
  const store = useStore();
  const inbox = useApprovalInbox();
  const directory = useDirectory();
  const [target, setTarget] = useState<DecisionTarget | null>(null);

  const nameOf = (id: string) => directory?.users.get(id)?.displayName ?? t('common.unknownUser');
  const open = (request: LeaveRequest, decision: Decision) => setTarget({ request, decision, requesterName: nameOf(request.requesterId) });

  const columns: TableColumnsType<LeaveRequest> = [
    {
      key: 'requester',
      title: t('approvals.col.requester'),
      width: 170,
      render: (_, r) => (
        <div>
          <Typography.Text strong>{nameOf(r.requesterId)}</Typography.Text>
          <div>
            <Typography.Text type="secondary">{directory?.departments.get(r.departmentId)?.name ?? '—'}</Typography.Text>
          </div>
        </div>
      ),
    },
    {
      key: 'leave',
      title: t('approvals.col.leave'),
      width: 260,
      render: (_, r) => {
        const index = r.steps.findIndex((s) => s.status === 'pending');
        const step = r.steps[index];
        return (
          <div>
            <Typography.Text>
              {t(`leaveType.${r.type}`)} · {formatDays(t, r.days)}
            </Typography.Text>
            <div>
              <Typography.Text>{formatSpan(t, r)}</Typography.Text>
            </div>
            {step && step.approverId === store.userId && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('approvals.stepInfo', { index: index + 1, total: r.steps.length, role: t(`role.${step.role}`) })}
              </Typography.Text>
            )}
          </div>
        );
      },
    },
    {
      key: 'reason',
      title: t('approvals.col.reason'),
      render: (_, r) => (
        <Typography.Paragraph ellipsis={{ rows: 2, tooltip: r.reason }} style={{ margin: 0 }}>
          {r.reason}
        </Typography.Paragraph>
      ),
    },
    { key: 'createdAt', title: t('leave.col.submittedAt'), width: 150, render: (_, r) => dayjs(r.createdAt).format('YYYY-MM-DD HH:mm') },
    {
      key: 'actions',
      title: t('leave.col.actions'),
      width: 190,
      fixed: 'right',
      render: (_, r) => (
        <Space size={8}>
          <Button type="primary" size="small" icon={<CheckOutlined />} onClick={() => open(r, 'approve')} data-testid="approve-button">
            {t('approvals.approve')}
          </Button>
          <Button danger size="small" icon={<CloseOutlined />} onClick={() => open(r, 'reject')} data-testid="reject-button">
            {t('approvals.reject')}
          </Button>
        </Space>
      ),
    },
  ];

  return (
    <Card title={<span data-testid="page-title">{t('approvals.title')}</span>}>
      <Table<LeaveRequest>
        rowKey="id"
        columns={columns}
        dataSource={inbox ?? []}
        loading={inbox === undefined}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        onRow={(r) => testId('inbox-row', { id: r.id })}
        locale={{ emptyText: inbox === undefined ? ' ' : <Empty description={t('approvals.empty')} /> }}
        scroll={{ x: 900 }}
      />
      <DecisionDialog target={target} onClose={() => setTarget(null)} />
    </Card>
  );
}
