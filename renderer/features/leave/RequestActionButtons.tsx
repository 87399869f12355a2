import { Space, type ButtonProps } from 'antd';
import { agencyDate } from '../../../shared/calendar/dates';
import type { LeaveRequest } from '../../../shared/domain/leave';
import { CancelLeaveButton } from './CancelLeaveButton';
import { ReportBackButton } from './ReportBackButton';
import { actionsFor } from './requestActions';
import { WithdrawButton } from './WithdrawButton';

/** What the requester can do with the request now: withdraw it, ask to cancel it, or report back. */
export function RequestActionButtons({ request, size }: { request: LeaveRequest; size?: ButtonProps['size'] }) {
  const actions = actionsFor(request, agencyDate(new Date().toISOString()));
  if (!actions.withdraw && !actions.cancel && !actions.reportBack) return null;
  return (
    <Space size={8} wrap>
      {actions.withdraw && <WithdrawButton requestId={request.id} size={size} />}
      {actions.cancel && <CancelLeaveButton request={request} size={size} />}
      {actions.reportBack && <ReportBackButton request={request} size={size} />}
    </Space>
  );
}
