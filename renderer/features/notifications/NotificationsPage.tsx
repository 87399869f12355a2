// Every notification, newest first, with an unread / all filter and "mark all read". Opening one
// marks it read and goes to what it is about.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { Button, Card, Segmented, Skeleton, Space } from 'antd';
import { BrowserNotificationsCard } from './BrowserNotificationsCard';
import { linkOf, type NotificationItem } from './derive';
import { MeetingReminderCard } from './MeetingReminderCard';
import { NotificationList } from './NotificationList';
import { useNotifications } from './useNotifications';

type Filter = 'unread' | 'all';

export function NotificationsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { items, unreadCount, started, describe, markRead, markAllRead } = useNotifications();
  // Unread first when there is something new; otherwise the history is more useful than an empty page.
  const [chosen, setChosen] = useState<Filter | null>(null);
  const filter: Filter = chosen ?? (unreadCount > 0 ? 'unread' : 'all');

  const openItem = (item: NotificationItem) => {
    if (item.unread) void markRead([item.id]);
    navigate(linkOf(item));
  };

  const shown = (items ?? []).filter((i) => filter === 'all' || i.unread);
  const emptyText = !started ? t('notifications.firstSync') : filter === 'unread' ? t('notifications.emptyUnread') : t('notifications.empty');

  return (
    <>
      <BrowserNotificationsCard />
      <MeetingReminderCard />
      <Card
        title={<span data-testid="page-title">{t('notifications.title')}</span>}
        extra={
          <Space size={12} wrap>
            <Segmented<Filter>
              value={filter}
              onChange={setChosen}
              options={[
                { value: 'unread', label: <span data-testid="notifications-filter-unread">{`${t('notifications.filter.unread')} (${unreadCount})`}</span> },
                { value: 'all', label: <span data-testid="notifications-filter-all">{t('notifications.filter.all')}</span> },
              ]}
            />
            <Button disabled={unreadCount === 0} onClick={() => void markAllRead()} data-testid="notifications-page-mark-all-read">
              {t('notifications.markAllRead')}
            </Button>
          </Space>
        }
        styles={{ body: { padding: 0 } }}
      >
        {items === undefined ? (
          <div style={{ padding: 16 }} aria-busy="true" aria-label={t('notifications.loading')} data-testid="loading">
            <Skeleton active paragraph={{ rows: 4 }} />
          </div>
        ) : (
          <div data-testid="notifications-list" data-filter={filter} data-count={shown.length}>
            <NotificationList items={shown} describe={describe} onOpen={openItem} emptyText={emptyText} />
          </div>
        )}
      </Card>
    </>
  );
}
