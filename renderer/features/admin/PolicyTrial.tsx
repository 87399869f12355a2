// "Test this policy": for a person, a leave type and a number of days, which rule applies and
// who would approve, computed by the same chooseRule and planSteps leave.submit runs, over the
// local data (so an edit not yet synced is already reflected).
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Card, Form, InputNumber, Select, Space, Steps, Typography } from 'antd';
import { agencyDate } from '../../../shared/calendar/dates';
import type { ApprovalStep } from '../../../shared/domain/leave';
import { leaveTypeName } from '../../../shared/domain/leaveTypes';
import { useDelegations, useDirectory, useDocReader, useLeaveTypes, useScopeRules } from '../../db';
import { personOptions } from './directoryOptions';
import { joinNames } from './policySummary';
import { trialRoute, type TrialRoute } from './trialRoute';
import { useSummaryContext } from './useSummaryContext';

interface TrialInput {
  userId: string | undefined;
  typeId: string | undefined;
  days: number | null;
}

interface TrialResult extends TrialRoute {
  input: TrialInput;
}

export function PolicyTrial() {
  const { t, i18n } = useTranslation();
  const reader = useDocReader();
  const directory = useDirectory();
  const types = useLeaveTypes();
  // Not read here, but a change to any of them changes the answer: they re-run the trial.
  const rules = useScopeRules('leave');
  const delegations = useDelegations();
  const [input, setInput] = useState<TrialInput>({ userId: undefined, typeId: undefined, days: 1 });
  const [result, setResult] = useState<TrialResult | null>(null);

  useEffect(() => {
    const { userId, typeId, days } = input;
    if (!userId || !typeId || days === null || days <= 0) return;
    let cancelled = false;
    void trialRoute(reader, { userId, typeId, days }, agencyDate(new Date().toISOString())).then((r) => {
      if (!cancelled && r) setResult({ input, ...r });
    });
    return () => {
      cancelled = true;
    };
  }, [reader, input, rules, directory, delegations]);

  const people = directory ? personOptions(directory.users.values(), directory.departments) : [];
  const current = result?.input === input ? result : null;

  return (
    <Card title={t('admin.policy.trial.title')} data-testid="policy-trial">
      <Typography.Paragraph type="secondary">{t('admin.policy.trial.hint')}</Typography.Paragraph>
      <Form layout="inline" style={{ rowGap: 12, marginBottom: 16 }}>
        <Form.Item label={t('admin.policy.trial.person')}>
          <Select
            showSearch
            value={input.userId}
            onChange={(userId: string) => setInput({ ...input, userId })}
            options={people}
            optionFilterProp="label"
            placeholder={t('admin.policy.trial.personPlaceholder')}
            style={{ width: 220 }}
            data-testid="policy-trial-person"
          />
        </Form.Item>
        <Form.Item label={t('admin.policy.trial.type')}>
          <Select
            value={input.typeId}
            onChange={(typeId: string) => setInput({ ...input, typeId })}
            options={(types ?? []).filter((x) => x.active).map((x) => ({ value: x.id, label: leaveTypeName(x, i18n.language, x.id) }))}
            placeholder={t('admin.policy.trial.typePlaceholder')}
            style={{ width: 180 }}
            data-testid="policy-trial-type"
          />
        </Form.Item>
        <Form.Item label={t('admin.policy.trial.days')}>
          <InputNumber min={0.5} max={366} step={0.5} value={input.days} onChange={(days) => setInput({ ...input, days })} style={{ width: 100 }} data-testid="policy-trial-days" />
        </Form.Item>
      </Form>
      {current ? <TrialOutcome result={current} /> : <Typography.Text type="secondary">{t('admin.policy.trial.choose')}</Typography.Text>}
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
  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }} data-testid="policy-trial-result" data-rule={result.rule?.id ?? ''}>
      <Typography.Text strong data-testid="policy-trial-rule">
        {result.rule ? t('admin.policy.trial.rule', { name: result.rule.name }) : t('admin.policy.trial.fallback')}
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
