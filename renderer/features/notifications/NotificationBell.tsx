// The bell in the header: the unread count, and a drop-down of the latest notifications with
// "mark all read" and a way to the full list. It also runs the notification side effects
// (badge, desktop pop-ups, starting point) and the meeting reminders, since it is on screen
// whenever someone is signed in.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { Badge, Button, Popover, Typography } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { linkOf, type NotificationItem } from './derive';
import { NotificationList } from './NotificationList';
import { useMeetingReminders } from './useMeetingReminders';
import { useNotificationEffects } from './useNotificationEffects';
import { useNotifications } from './useNotifications';

/** How many the drop-down shows; the page shows all. */
export const BELL_LIMIT = 8;
const BADGE_OVERFLOW = 99;

export function NotificationBell() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const view = useNotifications();
  useNotificationEffects(view);
  useMeetingReminders();
  const [open, setOpen] = useState(false);
  const { items, unreadCount, describe, markRead, markAllRead } = view;

  const openItem = (item: NotificationItem) => {
    setOpen(false);
    if (item.unread) void markRead([item.id]);
    navigate(linkOf(item));
  };

  const content = (
    <div style={{ width: 380, maxWidth: 'calc(100vw - 32px)' }} data-testid="notification-dropdown">
      <div style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', padding: '4px 4px 8px' }}>
        <Typography.Text strong>{t('notifications.title')}</Typography.Text>
        <Button type="link" size="small" disabled={unreadCount === 0} onClick={() => void markAllRead()} data-testid="notifications-mark-all-read">
          {t('notifications.markAllRead')}
        </Button>
      </div>
      <div style={{ maxHeight: 420, overflowY: 'auto', margin: '0 -12px' }}>
        <NotificationList items={(items ?? []).slice(0, BELL_LIMIT)} describe={describe} onOpen={openItem} emptyText={t('notifications.empty')} compact />
      </div>
      <div style={{ textAlign: 'center', paddingTop: 8, borderTop: '1px solid #f0f0f0' }}>
        <Button
          type="link"
          onClick={() => {
            setOpen(false);
            navigate('/notifications');
          }}
          data-testid="notifications-view-all"
        >
          {t('notifications.viewAll')}
        </Button>
      </div>
    </div>
  );

  const label = unreadCount > 0 ? `${t('notifications.bell')} · ${t('notifications.bell.unread', { count: unreadCount })}` : t('notifications.bell');
  return (
    <Popover content={content} trigger="click" placement="bottomRight" open={open} onOpenChange={setOpen} arrow={false}>
      <span style={{ display: 'inline-flex' }}>
        <Badge count={unreadCount} overflowCount={BADGE_OVERFLOW} size="small" offset={[-4, 4]}>
          <Button type="text" shape="circle" icon={<BellOutlined style={{ fontSize: 18 }} />} aria-label={label} title={label} data-testid="notification-bell" data-count={unreadCount} />
        </Badge>
      </span>
    </Popover>
  );
}
