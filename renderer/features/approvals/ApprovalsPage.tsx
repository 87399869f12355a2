import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Card, Empty, Space, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { CheckOutlined, CloseOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { agencyDate } from '../../../shared/calendar/dates';
import { useDelegations, useDirectory, useDocQuery, usePendingDocIds } from '../../db';
import { testId } from '../../components/testId';
import { StepView } from '../leave/ApprovalSteps';
import { AttachmentList } from '../leave/AttachmentList';
import { formatDays, formatList, formatSpan } from '../leave/format';
import { RequestTimeline } from '../leave/RequestTimeline';
import { WaitingSyncTag } from '../leave/StatusTag';
import { stepLabel } from '../leave/stepLabel';
import { useLeaveTypeName } from '../leave/useLeaveTypeName';
import { DecisionDialog, type Decision, type DecisionTarget } from './DecisionDialog';
import { loadInbox, type InboxItem } from './inbox';
import { RequesterBalanceView } from './RequesterBalanceView';

/** Requests (and cancellations of approved leave) waiting for the signed-in user's decision, oldest first. */
export function ApprovalsPage() {
  const { t, i18n } = useTranslation();
  const today = agencyDate(new Date().toISOString());
  const inbox = useDocQuery((tx, userId) => loadInbox(tx, userId, today), [today]);
  const directory = useDirectory();
  const delegations = useDelegations();
  const pendingIds = usePendingDocIds();
  const typeName = useLeaveTypeName();
  const [target, setTarget] = useState<DecisionTarget | null>(null);

  const nameOf = (id: string) => directory?.users.get(id)?.displayName ?? t('common.unknownUser');
  const stepCtx = { users: directory?.users, delegations: new Map((delegations ?? []).map((d) => [d.id, d])), today };
  const open = (item: InboxItem, decision: Decision) => setTarget({ item, decision, requesterName: nameOf(item.request.requesterId), principalNames: item.principals.map(nameOf) });

  const columns: TableColumnsType<InboxItem> = [
    {
      key: 'requester',
      title: t('approvals.col.requester'),
      width: 150,
      render: (_, { request, phase }) => (
        <div>
          <Typography.Text strong>{nameOf(request.requesterId)}</Typography.Text>
          <div>
            <Typography.Text type="secondary">{directory?.departments.get(request.departmentId)?.name ?? '—'}</Typography.Text>
          </div>
          <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
            {dayjs(phase === 'cancellation' && request.cancellation ? request.cancellation.requestedAt : request.createdAt).format('YYYY-MM-DD HH:mm')}
          </Typography.Text>
        </div>
      ),
    },
    {
      key: 'leave',
      title: t('approvals.col.leave'),
      render: (_, item) => {
        const { request } = item;
        const reason = item.phase === 'cancellation' && request.cancellation ? t('leave.timeline.cancelReason', { comment: request.cancellation.reason }) : request.reason;
        return (
          <Space direction="vertical" size={2}>
            {item.phase === 'cancellation' && (
              <Tag color="warning" data-testid="inbox-cancellation-tag">
                {t('approvals.cancellationRequest')}
              </Tag>
            )}
            <Typography.Text>
              {typeName(request.type)} · {formatDays(t, request.days, request.counting)}
            </Typography.Text>
            <Typography.Text>{formatSpan(t, request)}</Typography.Text>
            <Typography.Paragraph type="secondary" ellipsis={{ rows: 2, tooltip: reason }} style={{ margin: 0, maxWidth: 420 }} data-testid="inbox-reason">
              {reason}
            </Typography.Paragraph>
            <RequesterBalanceView item={item} />
            {request.attachments.length > 0 && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('approvals.attachments', { count: request.attachments.length })}
              </Typography.Text>
            )}
          </Space>
        );
      },
    },
    {
      key: 'step',
      title: t('approvals.col.step'),
      width: 240,
      render: (_, item) => (
        <Space direction="vertical" size={2}>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('approvals.stepInfo', { index: item.index + 1, total: item.total, role: stepLabel(t, item.step) })}
          </Typography.Text>
          {/* Several approvers: show who has signed and who has not (会签, or any one of them). */}
          {item.step.approverIds.length > 1 && <StepView step={item.step} ctx={stepCtx} />}
          {item.principals.length > 0 && (
            <Tag color="geekblue" data-testid="inbox-acting" style={{ whiteSpace: 'normal' }}>
              {t('approvals.onBehalfOf', { names: formatList(item.principals.map(nameOf), i18n.language) })}
            </Tag>
          )}
          {item.startsOn && (
            <Typography.Text type="warning" style={{ fontSize: 12 }} data-testid="inbox-not-yet" data-starts={item.startsOn}>
              {t('approvals.actingStartsOn', { date: item.startsOn })}
            </Typography.Text>
          )}
          {pendingIds.has(item.request.id) && <WaitingSyncTag />}
        </Space>
      ),
    },
    {
      key: 'actions',
      title: t('approvals.col.actions'),
      width: 230,
      fixed: 'right',
      render: (_, item) => {
        const buttons = (
          <Space size={8}>
            <Button type="primary" size="small" icon={<CheckOutlined />} disabled={!item.canDecide} onClick={() => open(item, 'approve')} data-testid="approve-button">
              {t(item.phase === 'cancellation' ? 'approvals.approveCancellation' : 'approvals.approve')}
            </Button>
            <Button danger size="small" icon={<CloseOutlined />} disabled={!item.canDecide} onClick={() => open(item, 'reject')} data-testid="reject-button">
              {t(item.phase === 'cancellation' ? 'approvals.rejectCancellation' : 'approvals.reject')}
            </Button>
          </Space>
        );
        // A disabled button shows no tooltip of its own: the wrapper explains why.
        return item.canDecide ? buttons : <Tooltip title={item.startsOn ? t('approvals.actingStartsOn', { date: item.startsOn }) : t('approvals.cannotDecide')}>{buttons}</Tooltip>;
      },
    },
  ];

  return (
    <Card title={<span data-testid="page-title">{t('approvals.title')}</span>}>
      <Table<InboxItem>
        rowKey={(item) => item.request.id}
        columns={columns}
        dataSource={inbox ?? []}
        loading={inbox === undefined}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        onRow={(item) => testId('inbox-row', { id: item.request.id, phase: item.phase, can: item.canDecide ? 1 : 0 })}
        expandable={{
          expandedRowRender: (item) => (
            <div style={{ maxWidth: 760 }} data-testid="inbox-detail">
              {item.request.attachments.length > 0 && (
                <div style={{ marginBottom: 16 }}>
                  <Typography.Text strong>{t('leave.attachments.label')}</Typography.Text>
                  <AttachmentList attachments={item.request.attachments} />
                </div>
              )}
              <RequestTimeline request={item.request} users={directory?.users} />
            </div>
          ),
        }}
        locale={{ emptyText: inbox === undefined ? ' ' : <Empty description={t('approvals.empty')} /> }}
        scroll={{ x: 900 }}
      />
      <DecisionDialog target={target} onClose={() => setTarget(null)} />
    </Card>
  );
}
