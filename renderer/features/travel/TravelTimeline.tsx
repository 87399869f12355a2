// The story of a trip or a claim: what happened (history), then who still has to act. The
// leave timeline is written for leave requests (cancellation, report-back); this one reuses
// its step view for the pending steps.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Timeline, Typography, type TimelineProps } from 'antd';
import { CheckCircleOutlined, ClockCircleOutlined, CloseCircleOutlined, PayCircleOutlined, RollbackOutlined, SendOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { agencyDate } from '../../../shared/calendar/dates';
import type { User } from '../../../shared/domain/directory';
import type { ApprovalStep, TimelineEvent } from '../../../shared/domain/leave';
import { useDelegations } from '../../db';
import { StepView } from '../leave/ApprovalSteps';

const ICONS: Partial<Record<TimelineEvent['action'], { color: string; icon: ReactNode }>> = {
  submitted: { color: 'blue', icon: <SendOutlined /> },
  approved: { color: 'green', icon: <CheckCircleOutlined /> },
  rejected: { color: 'red', icon: <CloseCircleOutlined /> },
  withdrawn: { color: 'gray', icon: <RollbackOutlined /> },
  paid: { color: 'green', icon: <PayCircleOutlined /> },
};

const KNOWN = ['submitted', 'approved', 'rejected', 'withdrawn', 'paid'] as const;
type Known = (typeof KNOWN)[number];
const isKnown = (a: string): a is Known => (KNOWN as readonly string[]).includes(a);

export function TravelTimeline({ doc, users }: { doc: { history: TimelineEvent[]; steps: ApprovalStep[]; status: string }; users: Map<string, User> | undefined }) {
  const { t } = useTranslation();
  const delegations = useDelegations();
  const nameOf = (id: string) => users?.get(id)?.displayName ?? t('common.unknownUser');
  const ctx = { users, delegations: new Map((delegations ?? []).map((d) => [d.id, d])), today: agencyDate(new Date().toISOString()) };

  const items: NonNullable<TimelineProps['items']> = doc.history.map((event, i) => {
    const style = ICONS[event.action] ?? { color: 'gray', icon: <ClockCircleOutlined /> };
    const name = event.onBehalfOfId ? t('leave.timeline.onBehalf', { name: nameOf(event.actorId), principal: nameOf(event.onBehalfOfId) }) : nameOf(event.actorId);
    return {
      key: `e${i}`,
      color: style.color,
      dot: style.icon,
      children: (
        <div data-testid="timeline-event" data-action={event.action} data-on-behalf-of={event.onBehalfOfId ?? ''}>
          <Typography.Text strong>{t(isKnown(event.action) ? `travel.timeline.${event.action}` : 'travel.timeline.other', { name })}</Typography.Text>
          <div>
            <Typography.Text type="secondary">{dayjs(event.at).format('YYYY-MM-DD HH:mm')}</Typography.Text>
          </div>
          {event.comment && <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{t('travel.timeline.comment', { comment: event.comment })}</Typography.Paragraph>}
        </div>
      ),
    };
  });
  if (doc.status === 'pending') {
    for (const [i, step] of doc.steps.entries()) {
      if (step.status !== 'pending' && step.status !== 'waiting') continue;
      items.push({
        key: `s${i}`,
        color: step.status === 'pending' ? 'blue' : 'gray',
        dot: <ClockCircleOutlined />,
        children: (
          <div data-testid="timeline-step" data-status={step.status}>
            <StepView step={step} ctx={ctx} />
          </div>
        ),
      });
    }
  }
  return <Timeline items={items} data-testid="travel-timeline" style={{ marginTop: 8 }} />;
}
