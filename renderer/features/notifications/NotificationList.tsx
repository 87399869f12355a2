// One list of notifications, used by the bell's drop-down and by the notifications page. A
// click (or Enter) opens what the notification is about and marks it read.
import type { KeyboardEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Badge, Empty, List, Tag, Typography } from 'antd';
import {
  AuditOutlined,
  CalendarOutlined,
  CarOutlined,
  CheckCircleTwoTone,
  CloseCircleTwoTone,
  ClockCircleTwoTone,
  EnvironmentOutlined,
  FieldTimeOutlined,
  FileSyncOutlined,
  NotificationOutlined,
  PayCircleOutlined,
  SolutionOutlined,
  StopOutlined,
  SwapOutlined,
  UserSwitchOutlined,
  WarningOutlined,
} from '@ant-design/icons';
import dayjs from 'dayjs';
import { awaitsReply, TO_DO_KINDS, type NotificationItem, type NotificationKind } from './derive';
import type { NotificationText } from './describe';

const ICONS: Record<NotificationKind, ReactNode> = {
  approval_requested: <AuditOutlined style={{ color: '#1677ff' }} />,
  cancellation_requested: <AuditOutlined style={{ color: '#fa8c16' }} />,
  approved: <CheckCircleTwoTone twoToneColor="#52c41a" />,
  approved_step: <ClockCircleTwoTone twoToneColor="#52c41a" />,
  rejected: <CloseCircleTwoTone twoToneColor="#ff4d4f" />,
  cancel_approved: <CheckCircleTwoTone twoToneColor="#52c41a" />,
  cancel_approved_step: <ClockCircleTwoTone twoToneColor="#52c41a" />,
  cancel_rejected: <CloseCircleTwoTone twoToneColor="#ff4d4f" />,
  delegation_received: <SwapOutlined style={{ color: '#722ed1' }} />,
  trip_approval_requested: <AuditOutlined style={{ color: '#1677ff' }} />,
  trip_approved: <CheckCircleTwoTone twoToneColor="#52c41a" />,
  trip_approved_step: <ClockCircleTwoTone twoToneColor="#52c41a" />,
  trip_rejected: <CloseCircleTwoTone twoToneColor="#ff4d4f" />,
  trip_companion: <CarOutlined style={{ color: '#13c2c2' }} />,
  claim_approval_requested: <AuditOutlined style={{ color: '#1677ff' }} />,
  claim_approved: <CheckCircleTwoTone twoToneColor="#52c41a" />,
  claim_approved_step: <ClockCircleTwoTone twoToneColor="#52c41a" />,
  claim_rejected: <CloseCircleTwoTone twoToneColor="#ff4d4f" />,
  claim_paid: <PayCircleOutlined style={{ color: '#52c41a' }} />,
  meeting_invited: <CalendarOutlined style={{ color: '#1677ff' }} />,
  meeting_substitute: <UserSwitchOutlined style={{ color: '#1677ff' }} />,
  meeting_rescheduled: <FieldTimeOutlined style={{ color: '#fa8c16' }} />,
  meeting_relocated: <EnvironmentOutlined style={{ color: '#fa8c16' }} />,
  meeting_cancelled: <StopOutlined style={{ color: '#ff4d4f' }} />,
  meeting_reminded: <NotificationOutlined style={{ color: '#1677ff' }} />,
  meeting_reply: <SolutionOutlined style={{ color: '#13c2c2' }} />,
  meeting_leave_conflict: <WarningOutlined style={{ color: '#faad14' }} />,
  form_new_version: <FileSyncOutlined style={{ color: '#722ed1' }} />,
};

export interface NotificationListProps {
  items: readonly NotificationItem[];
  describe(item: NotificationItem): NotificationText;
  onOpen(item: NotificationItem): void;
  /** What to say when there is nothing to show. */
  emptyText: string;
  /** The drop-down leaves out the remark to stay short. */
  compact?: boolean;
}

export function NotificationList({ items, describe, onOpen, emptyText, compact = false }: NotificationListProps) {
  if (items.length === 0) {
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={emptyText} data-testid="notifications-empty" />;
  }
  return (
    <List
      itemLayout="horizontal"
      dataSource={[...items]}
      rowKey="id"
      split
      renderItem={(item) => <NotificationRow item={item} text={describe(item)} onOpen={onOpen} compact={compact} />}
    />
  );
}

interface RowProps {
  item: NotificationItem;
  text: NotificationText;
  onOpen(item: NotificationItem): void;
  compact: boolean;
}

function NotificationRow({ item, text, onOpen, compact }: RowProps) {
  const { t } = useTranslation();
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      onOpen(item);
    }
  };
  return (
    <List.Item
      role="link"
      tabIndex={0}
      onClick={() => onOpen(item)}
      onKeyDown={onKeyDown}
      style={{ cursor: 'pointer', padding: compact ? '10px 12px' : '12px 16px', background: item.unread ? '#f0f7ff' : undefined }}
      data-testid="notification-item"
      data-id={item.id}
      data-kind={item.kind}
      data-unread={item.unread ? 'true' : 'false'}
      data-request={item.requestId ?? ''}
    >
      <List.Item.Meta
        avatar={<span style={{ fontSize: 18, lineHeight: '22px' }}>{ICONS[item.kind]}</span>}
        title={
          <span style={{ display: 'flex', alignItems: 'flex-start', gap: 8 }}>
            <Typography.Text strong={item.unread} style={{ flex: 1, whiteSpace: 'normal' }} data-testid="notification-headline">
              {text.headline}
            </Typography.Text>
            {item.unread && <Badge status="processing" aria-label={t('notifications.unread')} />}
          </span>
        }
        description={
          <div>
            {text.subject && <div>{text.subject}</div>}
            {!compact && text.remark && (
              <Typography.Paragraph type="secondary" ellipsis={{ rows: 2, tooltip: text.remark }} style={{ margin: 0 }}>
                {text.remark}
              </Typography.Paragraph>
            )}
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {dayjs(item.at).format('YYYY-MM-DD HH:mm')}
            </Typography.Text>
            {TO_DO_KINDS.has(item.kind) && (
              <Tag color="blue" style={{ marginInlineStart: 8 }}>
                {t('notifications.toDo')}
              </Tag>
            )}
            {awaitsReply(item, new Date().toISOString()) && (
              <Tag color="orange" style={{ marginInlineStart: 8 }} data-testid="notification-to-reply">
                {t('notifications.toReply')}
              </Tag>
            )}
          </div>
        }
      />
    </List.Item>
  );
}
