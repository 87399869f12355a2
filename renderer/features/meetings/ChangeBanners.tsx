// What changed since the notice went out, shown above everything else: a cancellation with its
// reason, a new time (to confirm again when the user had said they would attend), a new place,
// and the organizer's reminder to someone who has not answered. A change made before the person
// was put on the list (a substitute named after a reschedule) is no news to them.
import { useTranslation } from 'react-i18next';
import { Alert, Space } from 'antd';
import type { Attendee, Meeting, MeetingReply } from '../../../shared/domain/meeting';
import type { ReceiptState } from '../../../shared/meetings/receipts';
import { formatCompact, formatSpan } from './time';
import { relocationToAnnounce, revisionSeen, timeChangeSince } from './meetingView';

interface Props {
  meeting: Meeting;
  /** The user's place on the list; null for the organizer. */
  attendee: Attendee | null;
  /** The user's reply (null: none yet); undefined when the user is not on the list (the organizer). */
  myReply: MeetingReply | null | undefined;
  myState: ReceiptState | null;
  userId: string;
  ended: boolean;
}

export function ChangeBanners({ meeting, attendee, myReply, myState, userId, ended }: Props) {
  const { t, i18n } = useTranslation();
  const banners = [];

  if (meeting.status === 'cancelled') {
    const at = [...meeting.changes].reverse().find((c) => c.kind === 'cancelled')?.at;
    banners.push(
      <Alert
        key="cancelled"
        type="error"
        showIcon
        data-testid="meeting-cancelled-banner"
        message={t('meetings.banner.cancelled')}
        description={
          <Space direction="vertical" size={0}>
            <span>{meeting.cancelReason ? t('meetings.banner.cancelReason', { reason: meeting.cancelReason }) : t('meetings.banner.cancelNoReason')}</span>
            {at && <span>{t('meetings.banner.changedAt', { when: formatCompact(at) })}</span>}
          </Space>
        }
      />,
    );
    return <Space direction="vertical" size={12} style={{ width: '100%' }}>{banners}</Space>;
  }

  // The organizer sees the latest move; an attendee the move from the time they answered for, or
  // were invited at.
  const since = attendee === null ? meeting.scheduleRevision - 1 : revisionSeen(meeting, attendee, myReply ?? null);
  const moved = timeChangeSince(meeting, since);
  if (moved && !ended) {
    const needsConfirm = myState === 'needs_reconfirm';
    const from = formatSpan(moved.fromStartAt, moved.fromEndAt, i18n.language);
    const to = formatSpan(meeting.startAt, meeting.endAt, i18n.language);
    banners.push(
      <Alert
        key="rescheduled"
        type="warning"
        showIcon
        data-testid="meeting-rescheduled-banner"
        data-needs-confirm={needsConfirm ? 1 : 0}
        message={<strong>{needsConfirm ? t('meetings.banner.rescheduledConfirm', { from, to }) : t('meetings.banner.rescheduled', { from, to })}</strong>}
        description={
          <Space direction="vertical" size={0}>
            {moved.change.note && <span>{t('meetings.banner.note', { note: moved.change.note })}</span>}
            <span>{t('meetings.banner.changedAt', { when: formatCompact(moved.change.at) })}</span>
          </Space>
        }
      />,
    );
  }

  const relocation = relocationToAnnounce(meeting, attendee, myReply ?? null);
  if (relocation && relocation.previousLocation !== null && !ended) {
    banners.push(
      <Alert
        key="relocated"
        type="info"
        showIcon
        data-testid="meeting-relocated-banner"
        message={<strong>{t('meetings.banner.relocated', { from: relocation.previousLocation || t('meetings.noLocation'), to: meeting.location || t('meetings.noLocation') })}</strong>}
        description={relocation.note && relocation.kind === 'relocated' ? t('meetings.banner.note', { note: relocation.note }) : undefined}
      />,
    );
  }

  const reminder = [...meeting.reminders].reverse().find((r) => r.userIds.includes(userId));
  if (reminder && !ended && (myState === 'no_reply' || myState === 'needs_reconfirm')) {
    banners.push(<Alert key="reminded" type="warning" showIcon data-testid="meeting-reminded-banner" message={t('meetings.banner.reminded', { when: formatCompact(reminder.at) })} />);
  }

  if (banners.length === 0) return null;
  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }}>
      {banners}
    </Space>
  );
}
