// The timer behind the desktop reminder before a meeting. Mounted once, with the other
// notification effects (the bell in the header). Each reminder is claimed in the database
// before it is shown, so a second tab or a restart does not show it again; a device started
// after the reminder fell due but before the meeting shows it at once.
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from '../../db';
import { claimMeetingReminders, useMeetingReminderSetting, useMeetingReminderSources } from '../../db/hooks/notificationsMeetings';
import { platform } from '../../platform';
import { meetingRemindersDue, nextReminderAt, reminderNotification, upcomingReminderKeys } from './meetingReminders';
import { useAgencyToday } from './useNotifications';

/**
 * The longest wait between two looks while a meeting lies ahead: a computer that slept, a
 * throttled background tab or a clock set right is caught up with within a minute.
 */
const MAX_WAIT_MS = 60_000;
const MIN_WAIT_MS = 1_000;

function ignore(): void {
  // A reminder is a courtesy: its failure must not disturb the page.
}

export function useMeetingReminders(): void {
  const { t } = useTranslation();
  const store = useStore();
  const minutes = useMeetingReminderSetting();
  // Only the notices not long over are read; the window moves on with the date.
  const sources = useMeetingReminderSources(useAgencyToday());
  // Read when a reminder is shown, so a change of language does not restart the timer.
  const translate = useRef(t);
  useEffect(() => {
    translate.current = t;
  });

  useEffect(() => {
    if (!sources || minutes === undefined || minutes === null) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;

    const look = async () => {
      const now = new Date().toISOString();
      const input = { userId: store.userId, meetings: sources.meetings, replies: sources.replies, minutes, now, fired: new Set<string>() };
      const due = meetingRemindersDue(input);
      const upcoming = upcomingReminderKeys(input);
      // Without permission nothing is claimed: a user who allows notifications before the
      // meeting still gets its reminder.
      if (due.length > 0 && platform.notify.permission() === 'granted') {
        const fresh = new Set(
          await claimMeetingReminders(
            store,
            due.map((d) => d.key),
            upcoming,
          ),
        );
        for (const { key, meeting } of due) {
          if (fresh.has(key)) await platform.notify.show(reminderNotification(translate.current, meeting, now)).catch(ignore);
        }
      }
      if (stopped || upcoming.length === 0) return;
      const next = nextReminderAt(input);
      const wait = next === null ? MAX_WAIT_MS : Math.min(Math.max(next - Date.now(), MIN_WAIT_MS), MAX_WAIT_MS);
      timer = setTimeout(() => void look().catch(ignore), wait);
    };

    void look().catch(ignore);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [store, sources, minutes]);
}
