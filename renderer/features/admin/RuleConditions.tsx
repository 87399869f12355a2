// The conditions of an approval rule, as far as they concern its scope (SCOPE_CONDITIONS):
// leave types and days for leave; destination and estimated cost for trips; amount and expense
// categories for claims; the requester's rank and department where they apply. Amounts are
// typed in yuan and kept in fen.
import { useTranslation } from 'react-i18next';
import { Form, Input, InputNumber, Select, Space, TreeSelect, Typography } from 'antd';
import { CLAIM_CATEGORIES } from '../../../shared/domain/claim';
import { DESTINATION_SCOPES, type PolicyScope } from '../../../shared/domain/policy';
import { leaveTypeName } from '../../../shared/domain/leaveTypes';
import { useDirectory, useLeaveTypes } from '../../db';
import { departmentTree } from './directoryOptions';
import { parseAmountField, SCOPE_CONDITIONS, type RuleFormValues } from './policyRules';
import { categoryName } from './policySummary';

type Validator = { validator: (rule: unknown, value: unknown) => Promise<void> };

const HINT_KEYS = {
  leave: 'admin.policy.section.conditionsHint',
  travel: 'admin.policy.section.conditionsHintTravel',
  reimbursement: 'admin.policy.section.conditionsHintClaims',
} as const;

export function RuleConditions({ scope }: { scope: PolicyScope }) {
  const { t, i18n } = useTranslation();
  const form = Form.useFormInstance<RuleFormValues>();
  const directory = useDirectory();
  const types = useLeaveTypes();
  const shown = new Set(SCOPE_CONDITIONS[scope]);
  const amountLabel = t(scope === 'travel' ? 'admin.policy.field.estimate' : 'admin.policy.field.claimAmount');

  /** The lower bound of a pair must not exceed the upper one. */
  const notAbove = (other: 'maxDays' | 'maxRank'): Validator => ({
    validator: async (_, value) => {
      const upper = form.getFieldValue(other) as number | null | undefined;
      if (typeof value === 'number' && typeof upper === 'number' && value > upper) throw new Error(t('admin.policy.field.rangeInvalid'));
    },
  });
  const isAmount: Validator = {
    validator: async (_, value) => {
      if (parseAmountField(value as string | undefined) === undefined) throw new Error(t('admin.policy.field.amountInvalid'));
    },
  };
  const amountNotAbove: Validator = {
    validator: async (_, value) => {
      const lower = parseAmountField(value as string | undefined);
      const upper = parseAmountField(form.getFieldValue('maxAmount') as string | undefined);
      if (typeof lower === 'number' && typeof upper === 'number' && lower > upper) throw new Error(t('admin.policy.field.rangeInvalid'));
    },
  };

  return (
    <>
      <Typography.Paragraph type="secondary">{t(HINT_KEYS[scope])}</Typography.Paragraph>
      {shown.has('leaveTypes') && (
        <Form.Item name="leaveTypes" label={t('admin.policy.field.leaveTypes')}>
          <Select
            mode="multiple"
            allowClear
            placeholder={t('admin.policy.field.leaveTypesPlaceholder')}
            options={(types ?? []).map((type) => ({ value: type.id, label: leaveTypeName(type, i18n.language, type.id) }))}
            optionFilterProp="label"
            data-testid="policy-leave-types"
          />
        </Form.Item>
      )}
      {shown.has('destinations') && (
        <Form.Item name="destinationScopes" label={t('admin.policy.field.destinations')} extra={t('admin.policy.field.destinationsHint')}>
          <Select
            mode="multiple"
            allowClear
            placeholder={t('admin.policy.field.destinationsPlaceholder')}
            options={DESTINATION_SCOPES.map((d) => ({ value: d, label: t(`travel.scope.${d}`) }))}
            data-testid="policy-destinations"
          />
        </Form.Item>
      )}
      {shown.has('days') && <RangeItem label={t('admin.policy.field.days')} min="minDays" max="maxDays" step={0.5} limit={10_000} validator={notAbove('maxDays')} testId="policy-days" />}
      {shown.has('amount') && (
        <Form.Item label={amountLabel} style={{ marginBottom: 0 }}>
          <Space align="start" wrap>
            <Form.Item name="minAmount" rules={[isAmount, amountNotAbove]} dependencies={['maxAmount']}>
              <Input inputMode="decimal" placeholder={t('admin.policy.field.unbounded')} aria-label={`${amountLabel} ${t('admin.policy.field.from')}`} style={{ width: 140 }} data-testid="policy-amount-min" />
            </Form.Item>
            <Typography.Text style={{ lineHeight: '32px' }}>{t('admin.policy.field.to')}</Typography.Text>
            <Form.Item name="maxAmount" rules={[isAmount]}>
              <Input inputMode="decimal" placeholder={t('admin.policy.field.unbounded')} aria-label={`${amountLabel} ${t('admin.policy.field.to')}`} style={{ width: 140 }} data-testid="policy-amount-max" />
            </Form.Item>
          </Space>
        </Form.Item>
      )}
      {shown.has('categories') && (
        <Form.Item name="categories" label={t('admin.policy.field.categories')} extra={t('admin.policy.field.categoriesHint')}>
          <Select
            mode="multiple"
            allowClear
            placeholder={t('admin.policy.field.categoriesPlaceholder')}
            options={CLAIM_CATEGORIES.map((k) => ({ value: k, label: categoryName(t, k) }))}
            optionFilterProp="label"
            data-testid="policy-categories"
          />
        </Form.Item>
      )}
      {shown.has('rank') && <RangeItem label={t('admin.policy.field.rank')} min="minRank" max="maxRank" step={1} limit={30} lowest={1} validator={notAbove('maxRank')} testId="policy-rank" />}
      {shown.has('departments') && (
        <Form.Item name="departmentIds" label={t('admin.policy.field.departments')} extra={t('admin.policy.field.departmentsHint')}>
          <TreeSelect
            multiple
            allowClear
            treeDefaultExpandAll
            placeholder={t('admin.policy.field.departmentsPlaceholder')}
            treeData={directory ? departmentTree(directory.departments) : []}
            treeNodeFilterProp="title"
            data-testid="policy-departments"
          />
        </Form.Item>
      )}
    </>
  );
}

interface RangeProps {
  label: string;
  min: 'minDays' | 'minRank';
  max: 'maxDays' | 'maxRank';
  step: number;
  limit: number;
  lowest?: number;
  validator: Validator;
  testId: string;
}

/** "At least … at most …", either side left empty for no bound. */
function RangeItem({ label, min, max, step, limit, lowest = 0, validator, testId }: RangeProps) {
  const { t } = useTranslation();
  return (
    <Form.Item label={label} style={{ marginBottom: 0 }}>
      <Space align="start" wrap>
        <Form.Item name={min} rules={[validator]} dependencies={[max]}>
          <InputNumber min={lowest} max={limit} step={step} placeholder={t('admin.policy.field.unbounded')} aria-label={`${label} ${t('admin.policy.field.from')}`} style={{ width: 140 }} data-testid={`${testId}-min`} />
        </Form.Item>
        <Typography.Text style={{ lineHeight: '32px' }}>{t('admin.policy.field.to')}</Typography.Text>
        <Form.Item name={max}>
          <InputNumber min={lowest} max={limit} step={step} placeholder={t('admin.policy.field.unbounded')} aria-label={`${label} ${t('admin.policy.field.to')}`} style={{ width: 140 }} data-testid={`${testId}-max`} />
        </Form.Item>
      </Space>
    </Form.Item>
  );
}
