// HR adjusts one person's balance (ledger.adjust): add or deduct days in half-day steps, with a
// reason that stays in the ledger for the person to read. A deduction the balance cannot cover
// is refused by the mutator; its reason is shown in the dialog at once.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, App, DatePicker, Form, Input, InputNumber, Modal, Radio, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { User } from '../../../shared/domain/directory';
import type { LeaveTypeDef } from '../../../shared/domain/leaveTypes';
import type { Balance } from '../../../shared/leave/ledger';
import { MutationRejected } from '../../../shared/mutators';
import { randomId, useStore } from '../../db';
import { reasonMessage } from '../../i18n/reasons';
import { isHalfDayStep } from './hrBalances';

const ISO = 'YYYY-MM-DD';
const REASON_MAX = 500;

interface AdjustValues {
  direction: 'add' | 'deduct';
  days: number | null;
  effectiveOn: Dayjs;
  expiresOn: Dayjs | null;
  reason: string;
}

interface AdjustDialogProps {
  user: User;
  type: LeaveTypeDef;
  typeName: string;
  balance: Balance;
  onClose: () => void;
}

export function AdjustDialog({ user, type, typeName, balance, onClose }: AdjustDialogProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const store = useStore();
  const [form] = Form.useForm<AdjustValues>();
  const direction = Form.useWatch('direction', form) ?? 'add';
  const days = Form.useWatch('days', form);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const signed = typeof days === 'number' && days > 0 ? (direction === 'add' ? days : -days) : 0;

  async function submit(values: AdjustValues): Promise<void> {
    if (values.days === null) return;
    setBusy(true);
    setError(null);
    try {
      await store.mutate('ledger.adjust', {
        id: randomId(),
        userId: user.id,
        typeId: type.id,
        days: values.direction === 'add' ? values.days : -values.days,
        effectiveOn: values.effectiveOn.format(ISO),
        expiresOn: values.direction === 'add' && values.expiresOn ? values.expiresOn.format(ISO) : null,
        reason: values.reason.trim(),
      });
      void message.success(t('hr.adjust.done', { name: user.displayName }));
      onClose();
    } catch (e) {
      if (e instanceof MutationRejected) setError(reasonMessage(t, e.code, e.params));
      else throw e;
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      open
      title={t('hr.adjust.title', { name: user.displayName, type: typeName })}
      okText={t('hr.adjust.submit')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={busy}
      okButtonProps={{ 'data-testid': 'hr-adjust-submit' }}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        {t('hr.adjust.current', { available: balance.available })}
        {signed !== 0 && ` ${t('hr.adjust.after', { available: balance.available + signed })}`}
      </Typography.Paragraph>
      <Form<AdjustValues>
        form={form}
        layout="vertical"
        initialValues={{ direction: 'add', days: null, effectiveOn: dayjs(balance.asOf), expiresOn: null, reason: '' }}
        onFinish={(v) => void submit(v)}
        onValuesChange={() => setError(null)}
        data-testid="hr-adjust-form"
      >
        <Form.Item name="direction" label={t('hr.adjust.direction')}>
          <Radio.Group
            optionType="button"
            options={[
              { value: 'add', label: t('hr.adjust.add') },
              { value: 'deduct', label: t('hr.adjust.deduct') },
            ]}
            data-testid="hr-adjust-direction"
          />
        </Form.Item>
        <Form.Item
          name="days"
          label={t('hr.adjust.days')}
          extra={t('hr.adjust.daysHint')}
          rules={[
            { required: true, message: t('hr.adjust.daysRequired') },
            {
              validator: async (_, value: number | null) => {
                if (value !== null && (value <= 0 || !isHalfDayStep(value))) throw new Error(t('hr.adjust.daysInvalid'));
              },
            },
          ]}
        >
          <InputNumber min={0.5} max={366} step={0.5} style={{ width: 160 }} addonAfter={t('hr.daysUnit')} data-testid="hr-adjust-days" />
        </Form.Item>
        <Form.Item name="effectiveOn" label={t('hr.adjust.effectiveOn')} rules={[{ required: true, message: t('hr.adjust.effectiveOnRequired') }]}>
          <DatePicker allowClear={false} data-testid="hr-adjust-effective" />
        </Form.Item>
        {direction === 'add' && (
          <Form.Item
            name="expiresOn"
            label={t('hr.adjust.expiresOn')}
            extra={t('hr.adjust.expiresOnHint')}
            dependencies={['effectiveOn']}
            rules={[
              {
                validator: async (_, value: Dayjs | null) => {
                  const from = form.getFieldValue('effectiveOn') as Dayjs | undefined;
                  if (value && from && value.isBefore(from, 'day')) throw new Error(t('hr.adjust.expiresBeforeEffective'));
                },
              },
            ]}
          >
            <DatePicker data-testid="hr-adjust-expires" />
          </Form.Item>
        )}
        <Form.Item
          name="reason"
          label={t('hr.adjust.reason')}
          extra={t('hr.adjust.reasonHint')}
          rules={[{ required: true, whitespace: true, message: t('hr.adjust.reasonRequired') }]}
        >
          <Input.TextArea rows={3} maxLength={REASON_MAX} showCount data-testid="hr-adjust-reason" />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon message={error} data-testid="hr-adjust-error" />}
    </Modal>
  );
}
