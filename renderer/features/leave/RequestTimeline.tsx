import type { ReactNode } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Timeline, Typography, type TimelineProps } from 'antd';
import { CheckCircleOutlined, ClockCircleOutlined, CloseCircleOutlined, LoginOutlined, PayCircleOutlined, RollbackOutlined, SendOutlined, StopOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { agencyDate } from '../../../shared/calendar/dates';
import type { User } from '../../../shared/domain/directory';
import type { LeaveRequest, TimelineEvent } from '../../../shared/domain/leave';
import { useDelegations } from '../../db';
import type { MessageKey } from '../../i18n/keys';
import { StepView } from './ApprovalSteps';
import { formatDays } from './format';
import { stepLabel } from './stepLabel';
import { timelineOf, type TimelineItem } from './timeline';

const EVENT_STYLE: Record<TimelineEvent['action'], { color: string; icon: ReactNode }> = {
  submitted: { color: 'blue', icon: <SendOutlined /> },
  approved: { color: 'green', icon: <CheckCircleOutlined /> },
  rejected: { color: 'red', icon: <CloseCircleOutlined /> },
  withdrawn: { color: 'gray', icon: <RollbackOutlined /> },
  cancel_requested: { color: 'orange', icon: <StopOutlined /> },
  cancel_approved: { color: 'gray', icon: <StopOutlined /> },
  cancel_rejected: { color: 'red', icon: <CloseCircleOutlined /> },
  reported_back: { color: 'cyan', icon: <LoginOutlined /> },
  paid: { color: 'green', icon: <PayCircleOutlined /> },
};

type EventItem = Extract<TimelineItem, { kind: 'event' }>;

/** "李娜（直接上级）", or "王芳（代李娜）" when an acting approver decided. */
function actorText(t: TFunction, item: EventItem, nameOf: (id: string) => string): string {
  const name = nameOf(item.actorId);
  if (item.onBehalfOfId) return t('leave.timeline.onBehalf', { name, principal: nameOf(item.onBehalfOfId) });
  if (item.stepKind) return t('common.nameWithRole', { name, role: stepLabel(t, { kind: item.stepKind, role: item.role }) });
  return name;
}

/** The message key of an event: approvals of a cancellation before its last step read as such. */
function eventKey(item: EventItem): MessageKey {
  if (item.phase === 'cancellation' && item.action === 'approved') return 'leave.timeline.cancel_step_approved';
  return `leave.timeline.${item.action}`;
}

export function RequestTimeline({ request, users }: { request: LeaveRequest; users: Map<string, User> | undefined }) {
  const { t } = useTranslation();
  const delegations = useDelegations();
  const nameOf = (id: string) => users?.get(id)?.displayName ?? t('common.unknownUser');
  const ctx = { users, delegations: new Map((delegations ?? []).map((d) => [d.id, d])), today: agencyDate(new Date().toISOString()) };

  const items: TimelineProps['items'] = timelineOf(request).map((item) => {
    if (item.kind === 'step') {
      const lead = item.status === 'waiting' ? 'leave.timeline.waitingFor' : item.phase === 'cancellation' ? 'leave.timeline.cancelPendingAt' : 'leave.timeline.pendingAt';
      return {
        key: item.key,
        color: item.status === 'pending' ? 'blue' : 'gray',
        dot: <ClockCircleOutlined />,
        children: (
          <div data-testid="timeline-step" data-status={item.status} data-phase={item.phase}>
            <Typography.Text type={item.status === 'pending' ? undefined : 'secondary'}>{t(lead)}</Typography.Text>
            <div>
              <StepView step={item.step} ctx={ctx} />
            </div>
          </div>
        ),
      };
    }
    const style = EVENT_STYLE[item.action];
    const report = item.action === 'reported_back' ? request.reportBack : null;
    return {
      key: item.key,
      color: style.color,
      dot: style.icon,
      children: (
        <div data-testid="timeline-event" data-action={item.action} data-on-behalf-of={item.onBehalfOfId ?? ''}>
          <Typography.Text strong>{t(eventKey(item), { name: actorText(t, item, nameOf) })}</Typography.Text>
          <div>
            <Typography.Text type="secondary">{dayjs(item.at).format('YYYY-MM-DD HH:mm')}</Typography.Text>
          </div>
          {report && (
            <Typography.Paragraph style={{ margin: 0 }}>
              {t('leave.timeline.reportBackDetail', {
                date: report.returnDate,
                half: t(`half.${report.returnHalf}`),
                actual: formatDays(t, report.actualDays, request.counting),
                returned: formatDays(t, Math.max(0, request.days - report.actualDays), request.counting),
              })}
            </Typography.Paragraph>
          )}
          {item.comment && (
            <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>
              {t(item.action === 'cancel_requested' ? 'leave.timeline.cancelReason' : 'leave.timeline.comment', { comment: item.comment })}
            </Typography.Paragraph>
          )}
        </div>
      ),
    };
  });

  return <Timeline items={items} data-testid="request-timeline" style={{ marginTop: 8 }} />;
}
