// "Remind me N minutes before a meeting": kept on this device (the meta table), used by the
// desktop reminder (./useMeetingReminders.ts) and by the .ics export's alarm.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { App, Card, Select, Space, Typography } from 'antd';
import { ClockCircleOutlined } from '@ant-design/icons';
import { useStore } from '../../db';
import { MEETING_REMINDER_CHOICES, setMeetingReminderMinutes, useMeetingReminderSetting } from '../../db/hooks/notificationsMeetings';
import { platform } from '../../platform';

const OFF = 'off';
type Choice = number | typeof OFF;

export function MeetingReminderCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const store = useStore();
  const minutes = useMeetingReminderSetting();
  const [saving, setSaving] = useState(false);

  const choose = async (choice: Choice) => {
    setSaving(true);
    try {
      await setMeetingReminderMinutes(store, choice === OFF ? null : choice);
      void message.success(t('notifications.meetingReminder.saved'));
    } catch {
      void message.error(t('notifications.meetingReminder.failed'));
    } finally {
      setSaving(false);
    }
  };

  const options = [
    { value: OFF as Choice, label: t('notifications.meetingReminder.off') },
    ...MEETING_REMINDER_CHOICES.map((n) => ({ value: n as Choice, label: t('notifications.meetingReminder.minutes', { count: n }) })),
  ];
  // Without permission in a browser, the reminder would silently not appear: say so.
  const blocked = minutes !== null && minutes !== undefined && platform.notify.permission() !== 'granted';

  return (
    <Card
      size="small"
      style={{ marginBottom: 16 }}
      title={
        <Space size={8}>
          <ClockCircleOutlined />
          <span>{t('notifications.meetingReminder.title')}</span>
        </Space>
      }
      data-testid="meeting-reminder-setting"
      data-minutes={minutes === undefined ? '' : minutes === null ? OFF : String(minutes)}
    >
      <Space direction="vertical" size={8} style={{ width: '100%' }}>
        <Typography.Text type="secondary">{t('notifications.meetingReminder.hint')}</Typography.Text>
        <Space size={8} wrap>
          <label htmlFor="meeting-reminder-minutes">{t('notifications.meetingReminder.label')}</label>
          <Select<Choice>
            id="meeting-reminder-minutes"
            style={{ minWidth: 180 }}
            loading={minutes === undefined || saving}
            disabled={minutes === undefined || saving}
            value={minutes === undefined ? undefined : minutes === null ? OFF : minutes}
            options={options}
            onChange={(choice) => void choose(choice)}
            data-testid="meeting-reminder-select"
          />
        </Space>
        {blocked && (
          <Typography.Text type="warning" data-testid="meeting-reminder-no-permission">
            {t('notifications.meetingReminder.noPermission')}
          </Typography.Text>
        )}
      </Space>
    </Card>
  );
}
