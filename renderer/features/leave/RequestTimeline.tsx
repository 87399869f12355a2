import { useTranslation } from 'react-i18next';
import { Timeline, Typography, type TimelineProps } from 'antd';
import { CheckCircleOutlined, ClockCircleOutlined, CloseCircleOutlined, RollbackOutlined, SendOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import type { User } from '../../../shared/domain/directory';
import type { LeaveRequest } from '../../../shared/domain/leave';
import { timelineOf } from './timeline';

const EVENT_STYLE = {
  submitted: { color: 'blue', icon: <SendOutlined /> },
  approved: { color: 'green', icon: <CheckCircleOutlined /> },
  rejected: { color: 'red', icon: <CloseCircleOutlined /> },
  withdrawn: { color: 'gray', icon: <RollbackOutlined /> },
} as const;

export function RequestTimeline({ request, users }: { request: LeaveRequest; users: Map<string, User> | undefined }) {
  const { t } = useTranslation();
  const nameOf = (id: string) => users?.get(id)?.displayName ?? t('common.unknownUser');

  const items: TimelineProps['items'] = timelineOf(request).map((item) => {
    if (item.kind === 'step') {
      const text = t(item.status === 'pending' ? 'timeline.pendingAt' : 'timeline.waitingFor', { name: nameOf(item.approverId), role: t(`role.${item.role}`) });
      return {
        key: item.key,
        color: item.status === 'pending' ? 'blue' : 'gray',
        dot: <ClockCircleOutlined />,
        children: <Typography.Text type={item.status === 'pending' ? undefined : 'secondary'}>{text}</Typography.Text>,
      };
    }
    const name = item.role ? t('common.nameWithRole', { name: nameOf(item.actorId), role: t(`role.${item.role}`) }) : nameOf(item.actorId);
    const style = EVENT_STYLE[item.action];
    return {
      key: item.key,
      color: style.color,
      dot: style.icon,
      children: (
        <div>
          <Typography.Text strong>{t(`timeline.${item.action}`, { name })}</Typography.Text>
          <div>
            <Typography.Text type="secondary">{dayjs(item.at).format('YYYY-MM-DD HH:mm')}</Typography.Text>
          </div>
          {item.comment && <Typography.Paragraph style={{ margin: 0 }}>{t('timeline.comment', { comment: item.comment })}</Typography.Paragraph>}
        </div>
      ),
    };
  });

  return <Timeline items={items} data-testid="request-timeline" style={{ marginTop: 8 }} />;
}
