// The small labels of the meeting pages: a reply's state, the notice's own state (cancelled,
// rescheduled, moved, over) and "not sent yet" while a change waits in the outbox.
import { useTranslation } from 'react-i18next';
import { Tag } from 'antd';
import type { Meeting } from '../../../shared/domain/meeting';
import type { ReceiptState } from '../../../shared/meetings/receipts';
import { isEnded, lastRelocation, lastTimeChange } from './meetingView';

const STATE_COLORS: Record<ReceiptState, string> = {
  attending: 'success',
  absent: 'default',
  substitute: 'purple',
  no_reply: 'warning',
  needs_reconfirm: 'orange',
};

export function ReplyStateTag({ state, testId = 'meeting-reply-state' }: { state: ReceiptState; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATE_COLORS[state]} data-testid={testId} data-state={state} style={{ marginInlineEnd: 0 }}>
      {t(`meetings.state.${state}`)}
    </Tag>
  );
}

export function WaitingSyncTag() {
  const { t } = useTranslation();
  return (
    <Tag color="warning" data-testid="meeting-waiting-sync" style={{ marginInlineEnd: 0 }}>
      {t('meetings.waitingSync')}
    </Tag>
  );
}

/** Cancelled, over, or changed since it was issued. */
export function MeetingStatusTags({ meeting, now }: { meeting: Meeting; now: string }) {
  const { t } = useTranslation();
  if (meeting.status === 'cancelled') {
    return (
      <Tag color="error" data-testid="meeting-status" data-status="cancelled">
        {t('meetings.status.cancelled')}
      </Tag>
    );
  }
  const tags = [];
  if (isEnded(meeting, now)) {
    tags.push(
      <Tag key="ended" data-testid="meeting-status" data-status="ended">
        {t('meetings.status.ended')}
      </Tag>,
    );
  }
  if (lastTimeChange(meeting)) {
    tags.push(
      <Tag key="rescheduled" color="orange" data-testid="meeting-status" data-status="rescheduled">
        {t('meetings.status.rescheduled')}
      </Tag>,
    );
  }
  if (lastRelocation(meeting)) {
    tags.push(
      <Tag key="relocated" color="blue" data-testid="meeting-status" data-status="relocated">
        {t('meetings.status.relocated')}
      </Tag>,
    );
  }
  return <>{tags}</>;
}
