// Creating or editing an approval rule: its name, the conditions a request must meet, and the
// steps it passes (saved with policy.saveRule). Empty conditions mean "no limit".
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Divider, Drawer, Form, Input, InputNumber, Select, Space, Switch, TreeSelect, Typography } from 'antd';
import type { ApprovalRule } from '../../../shared/domain/policy';
import { leaveTypeName } from '../../../shared/domain/leaveTypes';
import { randomId, useDirectory, useLeaveTypes } from '../../db';
import { departmentTree } from './directoryOptions';
import { emptyRuleForm, formToRuleArgs, orderAfterLast, ruleToForm, type RuleFormValues } from './policyRules';
import { StepsEditor } from './StepsEditor';
import { useSave } from './useSave';

/** The rule to edit; null for a new one. */
export interface RuleDrawerTarget {
  rule: ApprovalRule | null;
}

const NAME_MAX = 100;

export function RuleDrawer({ target, rules, onClose }: { target: RuleDrawerTarget | null; rules: readonly ApprovalRule[]; onClose: () => void }) {
  const { t } = useTranslation();
  const rule = target?.rule ?? null;
  return (
    <Drawer
      open={target !== null}
      onClose={onClose}
      title={t(rule ? 'admin.policy.drawer.edit' : 'admin.policy.drawer.new')}
      width={680}
      // A half-filled form is not thrown away by Esc (also used to close a dropdown) or a stray click.
      keyboard={false}
      maskClosable={false}
      destroyOnHidden
      data-testid="policy-drawer"
    >
      {target && <RuleForm key={rule?.id ?? 'new'} rule={rule} rules={rules} onDone={onClose} />}
    </Drawer>
  );
}

function RuleForm({ rule, rules, onDone }: { rule: ApprovalRule | null; rules: readonly ApprovalRule[]; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const save = useSave();
  const directory = useDirectory();
  const types = useLeaveTypes();
  const [form] = Form.useForm<RuleFormValues>();
  const [active, setActive] = useState(rule?.active ?? true);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(): Promise<void> {
    setBusy(true);
    setError(null);
    // With the values of hidden fields too (a step's role while its kind is another): the
    // conversion keeps what each kind uses; onFinish would leave them out.
    const values = form.getFieldsValue(true) as RuleFormValues;
    const base = { id: rule?.id ?? randomId(), order: rule?.order ?? orderAfterLast(rules), active, scope: rule?.scope ?? ('leave' as const) };
    const args = formToRuleArgs(values, base);
    const failed = await save([{ name: 'policy.saveRule', args }], t('admin.policy.saved', { name: args.name }));
    setBusy(false);
    if (failed) setError(failed);
    else onDone();
  }

  /** The lower bound of a pair must not exceed the upper one. */
  const notAbove = (other: keyof RuleFormValues) => ({
    validator: async (_: unknown, value: number | null | undefined) => {
      const upper = form.getFieldValue(other) as number | null | undefined;
      if (value !== null && value !== undefined && upper !== null && upper !== undefined && value > upper) throw new Error(t('admin.policy.field.rangeInvalid'));
    },
  });

  return (
    <Form<RuleFormValues>
      form={form}
      layout="vertical"
      initialValues={rule ? ruleToForm(rule) : emptyRuleForm()}
      onFinish={() => void submit()}
      onValuesChange={() => setError(null)}
      disabled={busy}
      data-testid="policy-form"
    >
      <Form.Item name="name" label={t('admin.policy.field.name')} rules={[{ required: true, whitespace: true, message: t('admin.policy.field.nameRequired') }]}>
        <Input maxLength={NAME_MAX} placeholder={t('admin.policy.field.namePlaceholder')} data-testid="policy-name" />
      </Form.Item>
      <Form.Item label={t('admin.policy.field.active')}>
        <Switch checked={active} onChange={setActive} data-testid="policy-form-active" />
      </Form.Item>

      <Divider orientation="left" orientationMargin={0}>
        {t('admin.policy.section.conditions')}
      </Divider>
      <Typography.Paragraph type="secondary">{t('admin.policy.section.conditionsHint')}</Typography.Paragraph>
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
      <RangeItem label={t('admin.policy.field.days')} min="minDays" max="maxDays" step={0.5} limit={10_000} validator={notAbove('maxDays')} testId="policy-days" />
      <RangeItem label={t('admin.policy.field.rank')} min="minRank" max="maxRank" step={1} limit={30} lowest={1} validator={notAbove('maxRank')} testId="policy-rank" />
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

      <Divider orientation="left" orientationMargin={0}>
        {t('admin.policy.section.steps')}
      </Divider>
      <Typography.Paragraph type="secondary">{t('admin.policy.section.stepsHint')}</Typography.Paragraph>
      <StepsEditor />

      {error && <Alert type="error" showIcon role="alert" message={error} style={{ marginBottom: 16 }} data-testid="policy-form-error" />}
      <Space>
        <Button type="primary" htmlType="submit" loading={busy} data-testid="policy-save">
          {t('admin.save')}
        </Button>
        <Button onClick={onDone}>{t('common.cancel')}</Button>
      </Space>
    </Form>
  );
}

interface RangeProps {
  label: string;
  min: 'minDays' | 'minRank';
  max: 'maxDays' | 'maxRank';
  step: number;
  limit: number;
  lowest?: number;
  validator: { validator: (rule: unknown, value: number | null | undefined) => Promise<void> };
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
