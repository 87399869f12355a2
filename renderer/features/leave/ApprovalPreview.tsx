// Who will approve, before the user submits: the rule and steps leave.submit will choose, over
// the policy, directory and delegations already in the local database (so offline too).
import { useTranslation } from 'react-i18next';
import { Typography } from 'antd';
import { useDirectory, useDocQuery } from '../../db';
import { RouteView } from './ApprovalSteps';
import { planRoute } from './route';

export function ApprovalPreview({ typeId, days, today }: { typeId: string; days: number; today: string }) {
  const { t } = useTranslation();
  const directory = useDirectory();
  const route = useDocQuery((tx, userId) => planRoute(tx, userId, typeId, days, today), [typeId, days, today]);

  if (route === undefined || !directory) return <Typography.Text type="secondary">—</Typography.Text>;
  if (route === null || route.steps.length === 0) {
    return (
      <Typography.Text type="warning" data-testid="leave-approvers-none">
        {t('leave.approvers.none')}
      </Typography.Text>
    );
  }
  return (
    <div data-testid="leave-approvers" data-rule={route.rule?.id ?? ''}>
      <RouteView steps={route.steps} ctx={{ users: directory.users, delegations: route.delegations, today }} />
      {route.rule && (
        <div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('leave.approvers.rule', { rule: route.rule.name })}
          </Typography.Text>
        </div>
      )}
    </div>
  );
}
