// The steps of a rule, in order: who approves at each (direct manager, department head, the
// head above, everyone with a role, or named people) and, for a group, whether one of them
// suffices or all must countersign.
import { useTranslation } from 'react-i18next';
import { Button, Card, Form, Radio, Select, Space, Tooltip } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { ROLES } from '../../../shared/domain/directory';
import { STEP_KINDS, type StepKind } from '../../../shared/domain/policy';
import { useDirectory } from '../../db';
import { personOptions } from './directoryOptions';
import { NEW_STEP, stepHasMode, type RuleFormValues } from './policyRules';

/** A rule has at most this many steps (approvalRuleSchema). */
const MAX_STEPS = 10;
const MAX_PEOPLE = 20;

export function StepsEditor() {
  const { t } = useTranslation();
  return (
    <Form.List
      name="steps"
      rules={[
        {
          validator: async (_, steps: unknown[] | undefined) => {
            if (!steps || steps.length === 0) throw new Error(t('admin.policy.step.atLeastOne'));
          },
        },
      ]}
    >
      {(fields, { add, remove, move }, { errors }) => (
        <Space direction="vertical" size={12} style={{ width: '100%', marginBottom: 24 }} data-testid="policy-steps-editor">
          {fields.map((field, index) => (
            <Card
              key={field.key}
              size="small"
              title={t('admin.policy.step.index', { index: index + 1 })}
              data-testid="policy-step"
              extra={
                <Space size={4}>
                  <Tooltip title={t('admin.policy.moveUp')}>
                    <Button size="small" type="text" icon={<ArrowUpOutlined />} disabled={index === 0} onClick={() => move(index, index - 1)} aria-label={t('admin.policy.moveUp')} />
                  </Tooltip>
                  <Tooltip title={t('admin.policy.moveDown')}>
                    <Button size="small" type="text" icon={<ArrowDownOutlined />} disabled={index === fields.length - 1} onClick={() => move(index, index + 1)} aria-label={t('admin.policy.moveDown')} />
                  </Tooltip>
                  <Tooltip title={t('admin.policy.step.remove')}>
                    <Button size="small" type="text" danger icon={<DeleteOutlined />} disabled={fields.length === 1} onClick={() => remove(index)} aria-label={t('admin.policy.step.remove')} data-testid="policy-step-remove" />
                  </Tooltip>
                </Space>
              }
            >
              <StepFields name={field.name} />
            </Card>
          ))}
          <Form.ErrorList errors={errors} />
          <Button type="dashed" icon={<PlusOutlined />} disabled={fields.length >= MAX_STEPS} onClick={() => add({ ...NEW_STEP })} block data-testid="policy-step-add">
            {t('admin.policy.step.add')}
          </Button>
        </Space>
      )}
    </Form.List>
  );
}

function StepFields({ name }: { name: number }) {
  const { t } = useTranslation();
  const directory = useDirectory();
  const form = Form.useFormInstance<RuleFormValues>();
  const kind = (Form.useWatch(['steps', name, 'kind'], form) as StepKind | undefined) ?? (form.getFieldValue(['steps', name, 'kind']) as StepKind | undefined);
  const people = directory ? personOptions(directory.users.values(), directory.departments) : [];
  return (
    <>
      <Form.Item name={[name, 'kind']} label={t('admin.policy.field.kind')} extra={kind ? t(`admin.policy.step.hint.${kind}`) : null} style={{ marginBottom: 12 }}>
        <Select<StepKind> options={STEP_KINDS.map((k) => ({ value: k, label: t(`admin.policy.step.${k}`) }))} style={{ maxWidth: 280 }} data-testid="policy-step-kind" />
      </Form.Item>
      {kind === 'role' && (
        <Form.Item name={[name, 'role']} label={t('admin.policy.field.role')} rules={[{ required: true, message: t('admin.policy.field.roleRequired') }]} style={{ marginBottom: 12 }}>
          <Select options={ROLES.map((r) => ({ value: r, label: t(`admin.role.${r}`) }))} style={{ maxWidth: 280 }} data-testid="policy-step-role" />
        </Form.Item>
      )}
      {kind === 'person' && (
        <Form.Item
          name={[name, 'userIds']}
          label={t('admin.policy.field.people')}
          rules={[
            { required: true, type: 'array', min: 1, message: t('admin.policy.field.peopleRequired') },
            { type: 'array', max: MAX_PEOPLE, message: t('admin.policy.field.peopleTooMany', { max: MAX_PEOPLE }) },
          ]}
          style={{ marginBottom: 12 }}
        >
          <Select mode="multiple" options={people} optionFilterProp="label" placeholder={t('admin.policy.field.peoplePlaceholder')} data-testid="policy-step-people" />
        </Form.Item>
      )}
      {kind !== undefined && stepHasMode(kind) && (
        <Form.Item name={[name, 'mode']} label={t('admin.policy.field.mode')} style={{ marginBottom: 0 }}>
          <Radio.Group data-testid="policy-step-mode">
            <Radio value="any">
              <span data-testid="policy-step-mode-any">{t('admin.policy.mode.anyLong')}</span>
            </Radio>
            <Radio value="all">
              <span data-testid="policy-step-mode-all">{t('admin.policy.mode.allLong')}</span>
            </Radio>
          </Radio.Group>
        </Form.Item>
      )}
    </>
  );
}
