// Creating or editing an approval rule: what it applies to (leave, trips or claims; chosen when
// the rule is created), its name, the conditions of that scope a request must meet, and the
// steps it passes (saved with policy.saveRule). Empty conditions mean "no limit".
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Divider, Drawer, Form, Input, Radio, Space, Switch, Tag, Typography } from 'antd';
import { POLICY_SCOPES, type ApprovalRule, type PolicyScope } from '../../../shared/domain/policy';
import { randomId } from '../../db';
import { clearHiddenConditions, emptyRuleForm, formToRuleArgs, orderAfterLast, ruleToForm, type RuleFormValues } from './policyRules';
import { RuleConditions } from './RuleConditions';
import { StepsEditor } from './StepsEditor';
import { useSave } from './useSave';

/** The rule to edit; null for a new one, of `scope` unless the user picks another. */
export interface RuleDrawerTarget {
  rule: ApprovalRule | null;
  scope: PolicyScope;
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
      {target && <RuleForm key={rule?.id ?? `new-${target.scope}`} rule={rule} initialScope={target.scope} rules={rules} onDone={onClose} />}
    </Drawer>
  );
}

function RuleForm({ rule, initialScope, rules, onDone }: { rule: ApprovalRule | null; initialScope: PolicyScope; rules: readonly ApprovalRule[]; onDone: () => void }) {
  const { t } = useTranslation();
  const save = useSave();
  const [form] = Form.useForm<RuleFormValues>();
  const [active, setActive] = useState(rule?.active ?? true);
  const [scope, setScope] = useState<PolicyScope>(rule?.scope ?? initialScope);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  function changeScope(next: PolicyScope): void {
    // A new rule keeps none of the conditions the other scope showed: they would be invisible here.
    form.setFieldsValue(clearHiddenConditions(form.getFieldsValue(true) as RuleFormValues, next));
    setScope(next);
  }

  async function submit(): Promise<void> {
    setBusy(true);
    setError(null);
    // With the values of hidden fields too (a step's role while its kind is another): the
    // conversion keeps what each kind uses; onFinish would leave them out.
    const values = form.getFieldsValue(true) as RuleFormValues;
    // Rules are tried scope by scope: a new one goes after the last of its own scope.
    const order = rule?.order ?? orderAfterLast(rules.filter((r) => r.scope === scope));
    const args = formToRuleArgs(values, { id: rule?.id ?? randomId(), order, active, scope });
    const failed = await save([{ name: 'policy.saveRule', args }], t('admin.policy.saved', { name: args.name }));
    setBusy(false);
    if (failed) setError(failed);
    else onDone();
  }

  return (
    <Form<RuleFormValues>
      form={form}
      layout="vertical"
      initialValues={rule ? ruleToForm(rule) : emptyRuleForm()}
      onFinish={() => void submit()}
      onValuesChange={() => setError(null)}
      disabled={busy}
      data-testid="policy-form"
      data-scope={scope}
    >
      <Form.Item label={t('admin.policy.field.scope')} extra={rule ? undefined : t('admin.policy.field.scopeHint')}>
        {rule ? (
          <Tag data-testid="policy-scope">{t(`admin.policy.scope.${rule.scope}`)}</Tag>
        ) : (
          <Radio.Group
            value={scope}
            onChange={(e) => changeScope(e.target.value as PolicyScope)}
            optionType="button"
            options={POLICY_SCOPES.map((s) => ({ value: s, label: t(`admin.policy.scope.${s}`) }))}
            data-testid="policy-scope"
          />
        )}
      </Form.Item>
      <Form.Item name="name" label={t('admin.policy.field.name')} rules={[{ required: true, whitespace: true, message: t('admin.policy.field.nameRequired') }]}>
        <Input maxLength={NAME_MAX} placeholder={t('admin.policy.field.namePlaceholder')} data-testid="policy-name" />
      </Form.Item>
      <Form.Item label={t('admin.policy.field.active')}>
        <Switch checked={active} onChange={setActive} data-testid="policy-form-active" />
      </Form.Item>

      <Divider orientation="left" orientationMargin={0}>
        {t('admin.policy.section.conditions')}
      </Divider>
      <RuleConditions scope={scope} />

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
