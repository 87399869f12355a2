// Leave types (/hr/types): every type HR has configured, with the rules each applies, and a
// drawer to change one or add a new one (leaveType.save). A type is retired by switching it
// off, never deleted: past requests keep pointing at it.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Card, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import type { TFunction } from 'i18next';
import { leaveTypeName, type LeaveTypeDef } from '../../../shared/domain/leaveTypes';
import { useCurrentUser, useLeaveTypes, usePendingDocIds } from '../../db';
import { LoadingBlock } from '../../components/LoadingBlock';
import { testId } from '../../components/testId';
import { monthDay } from '../admin/calendarGrid';
import { LeaveTypeDrawer, type LeaveTypeDrawerTarget } from '../admin/LeaveTypeDrawer';
import { canEditLeaveTypes } from '../admin/permissions';
import { WaitingSyncTag } from '../leave/StatusTag';

function balanceText(t: TFunction, type: LeaveTypeDef): string {
  if (!type.tracksBalance) return t('admin.types.balance.none');
  return t(type.allowNegative ? 'admin.types.balance.negative' : 'admin.types.balance.tracked');
}

function attachmentText(t: TFunction, type: LeaveTypeDef): string {
  if (type.attachmentOverDays === null) return t('admin.types.attachment.never');
  if (type.attachmentOverDays === 0) return t('admin.types.attachment.always');
  return t('admin.types.attachment.over', { count: type.attachmentOverDays });
}

function allocationText(t: TFunction, type: LeaveTypeDef): string {
  if (!type.tracksBalance) return '—';
  if (type.allocation === 'fixed') return t('admin.types.allocation.fixedDays', { count: type.fixedDays });
  return t(`admin.types.allocation.${type.allocation}`);
}

function carryText(t: TFunction, language: string, type: LeaveTypeDef): string {
  if (!type.tracksBalance) return '—';
  // The year is only there to name the day; 2001 has no 29 February, so use a leap year.
  return type.carryOverUntil === null ? t('admin.types.carry.yearEnd') : t('admin.types.carry.until', { date: monthDay(language, `2000-${type.carryOverUntil}`) });
}

export function LeaveTypesPage() {
  const { t, i18n } = useTranslation();
  const types = useLeaveTypes();
  const user = useCurrentUser();
  const pendingIds = usePendingDocIds();
  const [editing, setEditing] = useState<LeaveTypeDrawerTarget | null>(null);

  if (!types) return <LoadingBlock />;
  const canEdit = user !== undefined && canEditLeaveTypes(user);
  const lang = i18n.language;

  const columns: TableColumnsType<LeaveTypeDef> = [
    {
      key: 'name',
      title: t('admin.types.col.name'),
      fixed: 'left',
      render: (_, x) => (
        <Space size={4} wrap>
          <Typography.Text strong={x.active} type={x.active ? undefined : 'secondary'}>
            {leaveTypeName(x, lang, x.id)}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {x.id}
          </Typography.Text>
          {pendingIds.has(x.id) && <WaitingSyncTag />}
        </Space>
      ),
    },
    { key: 'unit', title: t('admin.types.col.unit'), render: (_, x) => t(`admin.types.unit.${x.unit}`) },
    { key: 'counting', title: t('admin.types.col.counting'), render: (_, x) => t(`admin.types.counting.${x.counting}`) },
    { key: 'balance', title: t('admin.types.col.balance'), render: (_, x) => balanceText(t, x) },
    { key: 'paid', title: t('admin.types.col.paid'), render: (_, x) => t(x.paid ? 'admin.types.paid.yes' : 'admin.types.paid.no') },
    { key: 'max', title: t('admin.types.col.maxPerRequest'), render: (_, x) => (x.maxDaysPerRequest === null ? t('admin.types.max.none') : t('admin.types.max.days', { count: x.maxDaysPerRequest })) },
    { key: 'attachment', title: t('admin.types.col.attachment'), render: (_, x) => attachmentText(t, x) },
    { key: 'allocation', title: t('admin.types.col.allocation'), render: (_, x) => allocationText(t, x) },
    { key: 'carry', title: t('admin.types.col.carryOver'), render: (_, x) => carryText(t, lang, x) },
    {
      key: 'active',
      title: t('admin.types.col.active'),
      render: (_, x) => <Tag color={x.active ? 'success' : 'default'}>{t(x.active ? 'admin.types.active.yes' : 'admin.types.active.no')}</Tag>,
    },
  ];
  if (canEdit) {
    columns.push({
      key: 'actions',
      title: t('admin.types.col.actions'),
      fixed: 'right',
      render: (_, x) => (
        <Button size="small" icon={<EditOutlined />} onClick={() => setEditing({ type: x })} data-testid="leave-type-edit">
          {t('admin.types.edit')}
        </Button>
      ),
    });
  }

  return (
    <Card
      title={<span data-testid="page-title">{t('admin.types.title')}</span>}
      extra={
        canEdit && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ type: null })} data-testid="leave-type-new">
            {t('admin.types.new')}
          </Button>
        )
      }
    >
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        {!canEdit && <Alert type="info" showIcon message={t('admin.types.readOnly')} data-testid="admin-read-only" />}
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {t('admin.types.intro')}
        </Typography.Paragraph>
        <Table<LeaveTypeDef>
          rowKey="id"
          columns={columns}
          dataSource={types}
          pagination={false}
          scroll={{ x: 'max-content' }}
          onRow={(x) => testId('leave-type-row', { id: x.id, active: String(x.active) })}
          data-testid="leave-type-table"
        />
      </Space>
      <LeaveTypeDrawer target={editing} types={types} onClose={() => setEditing(null)} />
    </Card>
  );
}
