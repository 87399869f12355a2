// Creating or editing a leave type: every field of shared/domain/leaveTypes.ts, grouped the way
// HR thinks about a type (its names; how days are counted; the balance it draws on; display).
// The id is chosen once, on creation: requests and ledger entries refer to it.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Col, Divider, Drawer, Form, Input, InputNumber, Radio, Row, Select, Space, Switch, Typography } from 'antd';
import { ALLOCATION_RULES, leaveTypeIdSchema, leaveTypeName, type LeaveTypeDef } from '../../../shared/domain/leaveTypes';
import { CARRY_OVER_PATTERN, formToTypeArgs, newTypeForm, typeToForm, type LeaveTypeFormValues } from './leaveTypeForm';
import { useSave } from './useSave';

export interface LeaveTypeDrawerTarget {
  /** Null: a new type. */
  type: LeaveTypeDef | null;
}

const NAME_MAX = 40;
const ID_MAX = 40;

export function LeaveTypeDrawer({ target, types, onClose }: { target: LeaveTypeDrawerTarget | null; types: readonly LeaveTypeDef[]; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const type = target?.type ?? null;
  return (
    <Drawer
      open={target !== null}
      onClose={onClose}
      title={type ? t('admin.types.drawer.edit', { name: leaveTypeName(type, i18n.language, type.id) }) : t('admin.types.drawer.new')}
      width={640}
      // A half-filled form is not thrown away by Esc (also used to close a dropdown) or a stray click.
      keyboard={false}
      maskClosable={false}
      destroyOnHidden
      data-testid="leave-type-drawer"
    >
      {target && <TypeForm key={type?.id ?? 'new'} type={type} types={types} onDone={onClose} />}
    </Drawer>
  );
}

function TypeForm({ type, types, onDone }: { type: LeaveTypeDef | null; types: readonly LeaveTypeDef[]; onDone: () => void }) {
  const { t } = useTranslation();
  const save = useSave();
  const [form] = Form.useForm<LeaveTypeFormValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const creating = type === null;
  const initial = type ? typeToForm(type) : newTypeForm(types.reduce((max, x) => Math.max(max, x.order), 0) + 10);
  // Undefined until the form has mounted: the initial values meanwhile, so nothing flickers.
  const tracks = (Form.useWatch('tracksBalance', form) as boolean | undefined) ?? initial.tracksBalance;
  const allocation = (Form.useWatch('allocation', form) as LeaveTypeDef['allocation'] | undefined) ?? initial.allocation;
  const attachment = (Form.useWatch('attachment', form) as LeaveTypeFormValues['attachment'] | undefined) ?? initial.attachment;

  async function submit(): Promise<void> {
    setBusy(true);
    setError(null);
    // Every value, including those of fields hidden by the current choices (the conversion
    // decides what they are worth); onFinish would give only the visible ones.
    const args = formToTypeArgs({ ...initial, ...(form.getFieldsValue(true) as Partial<LeaveTypeFormValues>) });
    const failed = await save([{ name: 'leaveType.save', args }], t('admin.types.saved', { name: args.name['zh-CN'] }));
    setBusy(false);
    if (failed) setError(failed);
    else onDone();
  }

  const idRules = [
    { required: true, whitespace: true, message: t('admin.types.field.idRequired') },
    {
      validator: async (_: unknown, value: string | undefined) => {
        const id = (value ?? '').trim();
        if (id === '') return;
        if (!leaveTypeIdSchema.safeParse(id).success) throw new Error(t('admin.types.field.idPattern'));
        // leaveType.save would replace the existing type: a new one needs its own id.
        if (types.some((x) => x.id === id)) throw new Error(t('admin.types.field.idTaken'));
      },
    },
  ];

  return (
    <Form<LeaveTypeFormValues> form={form} layout="vertical" initialValues={initial} onFinish={() => void submit()} onValuesChange={() => setError(null)} disabled={busy} data-testid="leave-type-form">
      <Form.Item name="id" label={t('admin.types.field.id')} extra={creating ? t('admin.types.field.idHint') : null} rules={creating ? idRules : []}>
        <Input maxLength={ID_MAX} disabled={!creating} placeholder="study_leave" style={{ maxWidth: 280 }} data-testid="leave-type-id" />
      </Form.Item>
      <Form.Item name="nameZh" label={t('admin.types.field.nameZh')} rules={[{ required: true, whitespace: true, message: t('admin.types.field.nameRequired') }]}>
        <Input maxLength={NAME_MAX} data-testid="leave-type-name-zh" />
      </Form.Item>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name="nameEn" label={t('admin.types.field.nameEn')}>
            <Input maxLength={NAME_MAX} data-testid="leave-type-name-en" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="nameEs" label={t('admin.types.field.nameEs')}>
            <Input maxLength={NAME_MAX} data-testid="leave-type-name-es" />
          </Form.Item>
        </Col>
      </Row>
      <Typography.Paragraph type="secondary" style={{ marginTop: -12 }}>
        {t('admin.types.field.nameFallbackHint')}
      </Typography.Paragraph>

      <Divider orientation="left" orientationMargin={0}>
        {t('admin.types.section.rules')}
      </Divider>
      <Form.Item name="unit" label={t('admin.types.field.unit')}>
        <Radio.Group options={(['half_day', 'day'] as const).map((u) => ({ value: u, label: t(`admin.types.unit.${u}`) }))} data-testid="leave-type-unit" />
      </Form.Item>
      <Form.Item name="counting" label={t('admin.types.field.counting')} extra={t('admin.types.field.countingHint')}>
        <Radio.Group options={(['working', 'calendar'] as const).map((c) => ({ value: c, label: t(`admin.types.counting.${c}`) }))} data-testid="leave-type-counting" />
      </Form.Item>
      <Form.Item name="paid" label={t('admin.types.field.paid')} valuePropName="checked">
        <Switch data-testid="leave-type-paid" />
      </Form.Item>
      <Form.Item name="maxDaysPerRequest" label={t('admin.types.field.maxDays')}>
        <InputNumber min={0.5} max={366} step={0.5} placeholder={t('admin.types.max.none')} style={{ width: 160 }} data-testid="leave-type-max" />
      </Form.Item>
      <Form.Item label={t('admin.types.field.attachment')} style={{ marginBottom: 0 }}>
        <Space align="start" wrap>
          <Form.Item name="attachment">
            <Select
              options={(['never', 'always', 'over'] as const).map((a) => ({ value: a, label: t(`admin.types.field.attachment.${a}`) }))}
              style={{ width: 220 }}
              data-testid="leave-type-attachment"
            />
          </Form.Item>
          {attachment === 'over' && (
            <Form.Item name="attachmentOverDays" rules={[{ required: true, message: t('admin.types.field.attachmentOverDaysRequired') }]}>
              <InputNumber min={0.5} max={366} step={0.5} addonAfter={t('admin.types.field.daysUnit')} style={{ width: 160 }} data-testid="leave-type-attachment-days" />
            </Form.Item>
          )}
        </Space>
      </Form.Item>

      <Divider orientation="left" orientationMargin={0}>
        {t('admin.types.section.balance')}
      </Divider>
      <Form.Item name="tracksBalance" label={t('admin.types.field.tracksBalance')} extra={t('admin.types.field.tracksBalanceHint')} valuePropName="checked">
        <Switch data-testid="leave-type-tracks" />
      </Form.Item>
      {tracks && (
        <>
          <Form.Item name="allowNegative" valuePropName="checked" label={t('admin.types.field.allowNegative')} extra={t('admin.types.field.allowNegativeHint')}>
            <Switch data-testid="leave-type-negative" />
          </Form.Item>
          <Form.Item label={t('admin.types.field.allocation')} style={{ marginBottom: 0 }}>
            <Space align="start" wrap>
              <Form.Item name="allocation">
                <Select options={ALLOCATION_RULES.map((a) => ({ value: a, label: t(`admin.types.allocation.option.${a}`) }))} style={{ width: 300 }} data-testid="leave-type-allocation" />
              </Form.Item>
              {allocation === 'fixed' && (
                <Form.Item name="fixedDays" rules={[{ required: true, message: t('admin.types.field.fixedDaysRequired') }]}>
                  <InputNumber min={0.5} max={366} step={0.5} addonAfter={t('admin.types.field.daysUnit')} style={{ width: 160 }} data-testid="leave-type-fixed-days" />
                </Form.Item>
              )}
            </Space>
          </Form.Item>
          <Form.Item
            name="carryOverUntil"
            label={t('admin.types.field.carryOver')}
            extra={t('admin.types.field.carryOverHint')}
            rules={[{ pattern: CARRY_OVER_PATTERN, message: t('admin.types.field.carryOverPattern') }]}
          >
            <Input placeholder="03-31" maxLength={5} style={{ width: 120 }} data-testid="leave-type-carry" />
          </Form.Item>
        </>
      )}

      <Divider orientation="left" orientationMargin={0}>
        {t('admin.types.section.display')}
      </Divider>
      <Space size={32} align="start" wrap>
        <Form.Item name="order" label={t('admin.types.field.order')} extra={t('admin.types.field.orderHint')} rules={[{ required: true, message: t('admin.types.field.orderRequired') }]}>
          <InputNumber min={0} max={1000} step={10} precision={0} style={{ width: 120 }} data-testid="leave-type-order" />
        </Form.Item>
        <Form.Item name="active" label={t('admin.types.field.active')} extra={t('admin.types.field.activeHint')} valuePropName="checked">
          <Switch data-testid="leave-type-active" />
        </Form.Item>
      </Space>

      {error && <Alert type="error" showIcon role="alert" message={error} style={{ marginBottom: 16 }} data-testid="leave-type-form-error" />}
      <Space>
        <Button type="primary" htmlType="submit" loading={busy} data-testid="leave-type-save">
          {t('admin.save')}
        </Button>
        <Button onClick={onDone}>{t('common.cancel')}</Button>
      </Space>
    </Form>
  );
}
