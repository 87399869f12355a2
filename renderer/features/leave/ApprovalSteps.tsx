// One approval step in detail: who approves, whether one of them suffices or all must sign
// (会签), who has already decided (and for whom, when an acting approver did), and who acts for
// an approver who delegated, from when.
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { Space, Tag, Typography } from 'antd';
import { ArrowRightOutlined, CheckOutlined, CloseOutlined } from '@ant-design/icons';
import { delegationInForce, type Delegation } from '../../../shared/domain/delegation';
import type { User } from '../../../shared/domain/directory';
import type { ApprovalStep } from '../../../shared/domain/leave';
import { stepLabel, stepModeText } from './stepLabel';

export interface StepContext {
  users: Map<string, User> | undefined;
  /** Delegations by id, for the acting approvers' dates. */
  delegations: Map<string, Delegation> | undefined;
  today: string;
}

export function StepView({ step, ctx }: { step: ApprovalStep; ctx: StepContext }) {
  const { t, i18n } = useTranslation();
  const nameOf = (id: string) => ctx.users?.get(id)?.displayName ?? t('common.unknownUser');
  const mode = stepModeText(t, step);
  // Chinese punctuation carries its own space; other languages need one after ':' and ','.
  const gap = { marginInlineEnd: i18n.language.startsWith('zh') ? 0 : 4 };
  return (
    <span data-testid="approval-step" data-kind={step.kind} data-mode={step.mode} data-status={step.status}>
      <Typography.Text type="secondary">{stepLabel(t, step)}</Typography.Text>
      {mode && (
        <Tag color={step.mode === 'all' ? 'purple' : 'blue'} style={{ marginInlineStart: 6 }} data-testid="approval-step-mode">
          {mode}
        </Tag>
      )}
      <Typography.Text type="secondary" style={gap}>
        {t('leave.step.colon')}
      </Typography.Text>
      {step.approverIds.map((id, i) => {
        const decision = step.decisions.find((d) => d.approverId === id);
        const acting = decision ? [] : step.delegates.filter((d) => d.forId === id);
        return (
          <Fragment key={id}>
            {i > 0 && (
              <Typography.Text type="secondary" style={gap}>
                {t('leave.step.separator')}
              </Typography.Text>
            )}
            <span data-testid="approval-step-approver" data-id={id} data-decision={decision?.decision ?? ''}>
              <Typography.Text strong={step.status === 'pending' && !decision}>{nameOf(id)}</Typography.Text>
              {decision && (
                <Typography.Text type={decision.decision === 'approved' ? 'success' : 'danger'} style={{ marginInlineStart: 4 }}>
                  {decision.decision === 'approved' ? <CheckOutlined /> : <CloseOutlined />}{' '}
                  {decision.byId === id
                    ? t(decision.decision === 'approved' ? 'leave.step.signed' : 'leave.step.refused')
                    : t(decision.decision === 'approved' ? 'leave.step.signedBy' : 'leave.step.refusedBy', { name: nameOf(decision.byId) })}
                </Typography.Text>
              )}
              {acting.map((d) => {
                const delegation = ctx.delegations?.get(d.delegationId);
                const later = delegation && !delegationInForce(delegation, ctx.today) && delegation.startDate !== null && delegation.startDate > ctx.today;
                return (
                  <Typography.Text key={d.delegationId} type="secondary" style={{ marginInlineStart: 4 }} data-testid="approval-step-acting" data-id={d.toId}>
                    {later ? t('leave.step.actingFrom', { name: nameOf(d.toId), date: delegation.startDate }) : t('leave.step.acting', { name: nameOf(d.toId) })}
                  </Typography.Text>
                );
              })}
            </span>
          </Fragment>
        );
      })}
    </span>
  );
}

/** A whole route, step after step. */
export function RouteView({ steps, ctx }: { steps: readonly ApprovalStep[]; ctx: StepContext }) {
  return (
    <Space size={[8, 4]} wrap data-testid="approval-route">
      {steps.map((step, i) => (
        <Fragment key={i}>
          {i > 0 && <ArrowRightOutlined style={{ color: '#999' }} />}
          <StepView step={step} ctx={ctx} />
        </Fragment>
      ))}
    </Space>
  );
}
