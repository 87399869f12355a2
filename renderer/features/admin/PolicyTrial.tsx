// "Test this policy": for a person and a leave request (type, days), a trip (destination,
// estimated cost) or a claim (amount, expense categories), which rule applies and who would
// approve, computed by the same chooseRule and planSteps the mutators run, over the local data
// (so an edit not yet synced is already reflected).
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Card, Form, Input, InputNumber, Segmented, Select, Space, Steps, Typography } from 'antd';
import { agencyDate } from '../../../shared/calendar/dates';
import { CLAIM_CATEGORIES } from '../../../shared/domain/claim';
import type { ApprovalStep } from '../../../shared/domain/leave';
import { leaveTypeName } from '../../../shared/domain/leaveTypes';
import { DESTINATION_SCOPES, POLICY_SCOPES, type DestinationScope, type PolicyScope } from '../../../shared/domain/policy';
import { useDelegations, useDirectory, useDocReader, useLeaveTypes, useScopeRules } from '../../db';
import { personOptions } from './directoryOptions';
import { categoryName, joinNames } from './policySummary';
import { EMPTY_TRIAL, trialRequestOf, trialRoute, type TrialInput, type TrialRoute } from './trialRoute';
import { useSummaryContext } from './useSummaryContext';

interface TrialResult extends TrialRoute {
  input: TrialInput;
}

const HINT_KEYS = { leave: 'admin.policy.trial.hint', travel: 'admin.policy.trial.hintTravel', reimbursement: 'admin.policy.trial.hintClaims' } as const;
const CHOOSE_KEYS = { leave: 'admin.policy.trial.choose', travel: 'admin.policy.trial.chooseTravel', reimbursement: 'admin.policy.trial.chooseClaims' } as const;

export function PolicyTrial() {
  const { t, i18n } = useTranslation();
  const reader = useDocReader();
  const directory = useDirectory();
  const types = useLeaveTypes();
  const [input, setInput] = useState<TrialInput>(EMPTY_TRIAL);
  // Not read here, but a change to any of them changes the answer: they re-run the trial.
  const rules = useScopeRules(input.scope);
  const delegations = useDelegations();
  const [result, setResult] = useState<TrialResult | null>(null);
  const request = trialRequestOf(input);

  useEffect(() => {
    const wanted = trialRequestOf(input);
    if (wanted === null || wanted === 'invalid') return;
    let cancelled = false;
    void trialRoute(reader, wanted, agencyDate(new Date().toISOString())).then((r) => {
      if (!cancelled && r) setResult({ input, ...r });
    });
    return () => {
      cancelled = true;
    };
  }, [reader, input, rules, directory, delegations]);

  const people = directory ? personOptions(directory.users.values(), directory.departments) : [];
  const current = result?.input === input ? result : null;
  const set = (patch: Partial<TrialInput>) => setInput({ ...input, ...patch });
  const amountLabel = t(input.scope === 'travel' ? 'admin.policy.trial.estimate' : 'admin.policy.trial.claimAmount');

  return (
    <Card title={t('admin.policy.trial.title')} data-testid="policy-trial">
      <Typography.Paragraph type="secondary">{t(HINT_KEYS[input.scope])}</Typography.Paragraph>
      <Form layout="inline" style={{ rowGap: 12, marginBottom: 16 }}>
        <Form.Item label={t('admin.policy.trial.scope')}>
          <Segmented<PolicyScope>
            value={input.scope}
            onChange={(scope) => set({ scope })}
            options={POLICY_SCOPES.map((s) => ({ value: s, label: t(`admin.policy.scope.${s}`) }))}
            data-testid="policy-trial-scope"
          />
        </Form.Item>
        <Form.Item label={t('admin.policy.trial.person')}>
          <Select
            showSearch
            value={input.userId}
            onChange={(userId: string) => set({ userId })}
            options={people}
            optionFilterProp="label"
            placeholder={t('admin.policy.trial.personPlaceholder')}
            style={{ width: 220 }}
            data-testid="policy-trial-person"
          />
        </Form.Item>
        {input.scope === 'leave' && (
          <>
            <Form.Item label={t('admin.policy.trial.type')}>
              <Select
                value={input.typeId}
                onChange={(typeId: string) => set({ typeId })}
                options={(types ?? []).filter((x) => x.active).map((x) => ({ value: x.id, label: leaveTypeName(x, i18n.language, x.id) }))}
                placeholder={t('admin.policy.trial.typePlaceholder')}
                style={{ width: 180 }}
                data-testid="policy-trial-type"
              />
            </Form.Item>
            <Form.Item label={t('admin.policy.trial.days')}>
              <InputNumber min={0.5} max={366} step={0.5} value={input.days} onChange={(days) => set({ days })} style={{ width: 100 }} data-testid="policy-trial-days" />
            </Form.Item>
          </>
        )}
        {input.scope === 'travel' && (
          <Form.Item label={t('admin.policy.trial.destination')}>
            <Select<DestinationScope>
              value={input.destinationScope}
              onChange={(destinationScope) => set({ destinationScope })}
              options={DESTINATION_SCOPES.map((d) => ({ value: d, label: t(`travel.scope.${d}`) }))}
              placeholder={t('admin.policy.trial.destinationPlaceholder')}
              style={{ width: 180 }}
              data-testid="policy-trial-destination"
            />
          </Form.Item>
        )}
        {input.scope !== 'leave' && (
          <Form.Item label={amountLabel} validateStatus={request === 'invalid' ? 'error' : undefined} help={request === 'invalid' ? t('admin.policy.trial.amountInvalid') : undefined}>
            <Input value={input.amount} onChange={(e) => set({ amount: e.target.value })} inputMode="decimal" placeholder="0" aria-label={amountLabel} style={{ width: 140 }} data-testid="policy-trial-amount" />
          </Form.Item>
        )}
        {input.scope === 'reimbursement' && (
          <Form.Item label={t('admin.policy.trial.categories')}>
            <Select
              mode="multiple"
              allowClear
              value={input.categories}
              onChange={(categories: string[]) => set({ categories })}
              options={CLAIM_CATEGORIES.map((k) => ({ value: k, label: categoryName(t, k) }))}
              placeholder={t('admin.policy.trial.categoriesPlaceholder')}
              style={{ minWidth: 240 }}
              data-testid="policy-trial-categories"
            />
          </Form.Item>
        )}
      </Form>
      {current ? <TrialOutcome result={current} /> : <Typography.Text type="secondary">{t(CHOOSE_KEYS[input.scope])}</Typography.Text>}
    </Card>
  );
}

function TrialOutcome({ result }: { result: TrialResult }) {
  const { t } = useTranslation();
  const ctx = useSummaryContext();
  const name = (id: string) => ctx.userName(id);
  const title = (s: ApprovalStep) => (s.kind === 'role' && s.role ? t(`admin.role.${s.role}`) : t(`admin.policy.step.${s.kind}`));
  const description = (s: ApprovalStep) => {
    const who = joinNames(ctx.language, s.approverIds.map(name));
    const text = s.approverIds.length > 1 ? t('admin.policy.stepWithMode', { who, mode: t(`admin.policy.mode.${s.mode}`) }) : who;
    const acting = s.delegates.map((d) => t('admin.policy.trial.delegate', { delegate: name(d.toId), approver: name(d.forId) }));
    return [text, ...acting].join(' · ');
  };
  const fallback = result.input.scope === 'reimbursement' ? t('admin.policy.trial.fallbackClaims') : t('admin.policy.trial.fallback');
  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }} data-testid="policy-trial-result" data-rule={result.rule?.id ?? ''}>
      <Typography.Text strong data-testid="policy-trial-rule">
        {result.rule ? t('admin.policy.trial.rule', { name: result.rule.name }) : fallback}
      </Typography.Text>
      {result.steps.length === 0 ? (
        <Alert type="warning" showIcon message={t('admin.policy.trial.noApprover')} data-testid="policy-trial-no-approver" />
      ) : (
        <Steps
          direction="vertical"
          size="small"
          current={-1}
          items={result.steps.map((s, i) => ({ key: i, title: title(s), description: <span data-testid="policy-trial-step">{description(s)}</span>, status: 'wait' }))}
        />
      )}
    </Space>
  );
}
