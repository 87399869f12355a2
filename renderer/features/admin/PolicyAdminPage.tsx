// The approval policy (/admin/policy): for leave, trips and claims (one tab each), the rules in
// the order they are tried, each in words, with its switch and its place in the order; a
// drawer to edit or create one; and a tester that shows which rule a given request would meet
// and who would approve it.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Card, Empty, Space, Switch, Table, Tabs, Tooltip, Typography, type TableColumnsType } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { POLICY_SCOPES, type ApprovalRule, type PolicyScope } from '../../../shared/domain/policy';
import { useCurrentUser, usePendingDocIds, useScopeRules } from '../../db';
import { LoadingBlock } from '../../components/LoadingBlock';
import { testId } from '../../components/testId';
import { WaitingSyncTag } from '../leave/StatusTag';
import { canAdministerPolicy } from './permissions';
import { conditionsSummary, stepsSummary } from './policySummary';
import { moveRule, ruleArgs } from './policyRules';
import { PolicyTrial } from './PolicyTrial';
import { RuleDrawer, type RuleDrawerTarget } from './RuleDrawer';
import { useSave } from './useSave';
import { useSummaryContext } from './useSummaryContext';

const INTRO_KEYS = { leave: 'admin.policy.intro', travel: 'admin.policy.introTravel', reimbursement: 'admin.policy.introClaims' } as const;
const EMPTY_KEYS = { leave: 'admin.policy.empty', travel: 'admin.policy.emptyTravel', reimbursement: 'admin.policy.emptyClaims' } as const;

export function PolicyAdminPage() {
  const { t } = useTranslation();
  const leave = useScopeRules('leave');
  const travel = useScopeRules('travel');
  const reimbursement = useScopeRules('reimbursement');
  const user = useCurrentUser();
  const [scope, setScope] = useState<PolicyScope>('leave');
  const [editing, setEditing] = useState<RuleDrawerTarget | null>(null);

  if (!leave || !travel || !reimbursement) return <LoadingBlock />;
  const byScope: Record<PolicyScope, ApprovalRule[]> = { leave, travel, reimbursement };
  const canEdit = user !== undefined && canAdministerPolicy(user);

  return (
    <Space direction="vertical" size={24} style={{ width: '100%' }}>
      <Card
        title={<span data-testid="page-title">{t('admin.policy.title')}</span>}
        extra={
          canEdit && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ rule: null, scope })} data-testid="policy-new">
              {t('admin.policy.new')}
            </Button>
          )
        }
      >
        <Space direction="vertical" size={16} style={{ width: '100%' }}>
          {!canEdit && <Alert type="info" showIcon message={t('admin.readOnly')} data-testid="admin-read-only" />}
          <Tabs
            activeKey={scope}
            onChange={(key) => setScope(key as PolicyScope)}
            // One rule table in the page at a time.
            destroyOnHidden
            items={POLICY_SCOPES.map((s) => ({
              key: s,
              label: <span data-testid={`policy-tab-${s}`}>{t(`admin.policy.scope.${s}`)}</span>,
              children: (
                <Space direction="vertical" size={16} style={{ width: '100%' }}>
                  <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
                    {t(INTRO_KEYS[s])}
                  </Typography.Paragraph>
                  <RuleTable scope={s} rules={byScope[s]} canEdit={canEdit} onEdit={(rule) => setEditing({ rule, scope: rule.scope })} />
                </Space>
              ),
            }))}
          />
        </Space>
      </Card>
      <PolicyTrial />
      <RuleDrawer target={editing} rules={[...leave, ...travel, ...reimbursement]} onClose={() => setEditing(null)} />
    </Space>
  );
}

function RuleTable({ scope, rules, canEdit, onEdit }: { scope: PolicyScope; rules: ApprovalRule[]; canEdit: boolean; onEdit: (rule: ApprovalRule) => void }) {
  const { t } = useTranslation();
  const ctx = useSummaryContext();
  const save = useSave();
  const pendingIds = usePendingDocIds();
  const [error, setError] = useState<string | null>(null);

  async function run(steps: Parameters<typeof save>[0], success: string): Promise<void> {
    setError(await save(steps, success));
  }

  function move(rule: ApprovalRule, direction: -1 | 1): void {
    const changes = moveRule(rules, rule.id, direction);
    void run(
      changes.map(({ rule: r, order }) => ({ name: 'policy.saveRule', args: { ...ruleArgs(r), order } })),
      t('admin.policy.moved', { name: rule.name }),
    );
  }

  function toggle(rule: ApprovalRule, active: boolean): void {
    void run([{ name: 'policy.saveRule', args: { ...ruleArgs(rule), active } }], t(active ? 'admin.policy.activated' : 'admin.policy.deactivated', { name: rule.name }));
  }

  const columns: TableColumnsType<ApprovalRule> = [
    { key: 'order', title: t('admin.policy.col.order'), width: 64, render: (_, _r, i) => i + 1 },
    {
      key: 'name',
      title: t('admin.policy.col.name'),
      render: (_, r) => (
        <Space size={4} wrap>
          <Typography.Text strong={r.active} type={r.active ? undefined : 'secondary'}>
            {r.name}
          </Typography.Text>
          {pendingIds.has(r.id) && <WaitingSyncTag />}
        </Space>
      ),
    },
    { key: 'conditions', title: t('admin.policy.col.conditions'), render: (_, r) => <span data-testid="policy-conditions">{conditionsSummary(r.conditions, ctx, r.scope)}</span> },
    { key: 'steps', title: t('admin.policy.col.steps'), render: (_, r) => <span data-testid="policy-steps">{stepsSummary(r.steps, ctx)}</span> },
    {
      key: 'active',
      title: t('admin.policy.col.active'),
      width: 80,
      render: (_, r) => <Switch checked={r.active} disabled={!canEdit} onChange={(on) => toggle(r, on)} aria-label={t('admin.policy.col.active')} data-testid="policy-active" />,
    },
  ];
  if (canEdit) {
    columns.push({
      key: 'actions',
      title: t('admin.policy.col.actions'),
      width: 150,
      render: (_, r, i) => (
        <Space size={4}>
          <Button size="small" icon={<EditOutlined />} onClick={() => onEdit(r)} data-testid="policy-edit">
            {t('admin.policy.edit')}
          </Button>
          <Tooltip title={t('admin.policy.moveUp')}>
            <Button size="small" icon={<ArrowUpOutlined />} disabled={i === 0} onClick={() => move(r, -1)} aria-label={t('admin.policy.moveUp')} data-testid="policy-move-up" />
          </Tooltip>
          <Tooltip title={t('admin.policy.moveDown')}>
            <Button size="small" icon={<ArrowDownOutlined />} disabled={i === rules.length - 1} onClick={() => move(r, 1)} aria-label={t('admin.policy.moveDown')} data-testid="policy-move-down" />
          </Tooltip>
        </Space>
      ),
    });
  }

  return (
    <>
      {error && <Alert type="error" showIcon closable role="alert" message={error} onClose={() => setError(null)} data-testid="policy-error" />}
      <Table<ApprovalRule>
        rowKey="id"
        columns={columns}
        dataSource={rules}
        pagination={false}
        onRow={(r) => testId('policy-row', { id: r.id, active: String(r.active) })}
        locale={{ emptyText: <Empty description={t(EMPTY_KEYS[scope])} /> }}
        data-testid="policy-table"
      />
    </>
  );
}
