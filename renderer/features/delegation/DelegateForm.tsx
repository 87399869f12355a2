// Names an acting approver for a date range (delegation.set, kind 'manual'). Items already
// waiting for me move to them as soon as it is saved, on this computer too.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Card, DatePicker, Form, Input, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { daysBetween } from '../../../shared/calendar/dates';
import { MAX_DELEGATION_DAYS } from '../../../shared/mutators/delegation';
import { randomId, useDirectory, useStore } from '../../db';
import { personOptions } from '../admin/directoryOptions';
import { useDelegationAction } from './useDelegationAction';

const ISO = 'YYYY-MM-DD';
const NOTE_MAX = 200;

interface FormValues {
  toUserId?: string;
  dates?: [Dayjs, Dayjs] | null;
  note?: string;
}

export function DelegateForm({ today }: { today: string }) {
  const { t } = useTranslation();
  const store = useStore();
  const directory = useDirectory();
  const act = useDelegationAction();
  const [form] = Form.useForm<FormValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const people = directory ? personOptions(directory.users.values(), directory.departments, store.userId) : [];

  async function submit(v: FormValues): Promise<void> {
    if (!v.toUserId || !v.dates) return;
    setBusy(true);
    setError(null);
    const name = directory?.users.get(v.toUserId)?.displayName ?? '';
    const failed = await act(
      {
        name: 'delegation.set',
        args: { id: randomId(), kind: 'manual', toUserId: v.toUserId, startDate: v.dates[0].format(ISO), endDate: v.dates[1].format(ISO), note: (v.note ?? '').trim() },
      },
      t('delegation.created', { name }),
    );
    setBusy(false);
    if (failed) setError(failed);
    else form.resetFields();
  }

  return (
    <Card size="small" title={t('delegation.form.title')} data-testid="delegation-form-card">
      <Form<FormValues> form={form} layout="vertical" onFinish={(v) => void submit(v)} onValuesChange={() => setError(null)} disabled={busy} style={{ maxWidth: 640 }} data-testid="delegation-form">
        <Form.Item name="toUserId" label={t('delegation.form.to')} rules={[{ required: true, message: t('delegation.form.toRequired') }]}>
          <Select showSearch options={people} optionFilterProp="label" placeholder={t('delegation.form.toPlaceholder')} style={{ maxWidth: 320 }} data-testid="delegation-to" />
        </Form.Item>
        <Form.Item
          name="dates"
          label={t('delegation.form.dates')}
          extra={t('delegation.form.datesHint')}
          rules={[
            { required: true, message: t('delegation.form.datesRequired') },
            {
              validator: async (_, dates: FormValues['dates']) => {
                if (dates && daysBetween(dates[0].format(ISO), dates[1].format(ISO)) >= MAX_DELEGATION_DAYS) throw new Error(t('delegation.form.tooLong'));
              },
            },
          ]}
        >
          <DatePicker.RangePicker
            format={ISO}
            // A delegation that has already ended would do nothing: the mutator refuses it.
            disabledDate={(d) => d.format(ISO) < today}
            data-testid="delegation-dates"
          />
        </Form.Item>
        <Form.Item name="note" label={t('delegation.form.note')}>
          <Input maxLength={NOTE_MAX} placeholder={t('delegation.form.notePlaceholder')} data-testid="delegation-note" />
        </Form.Item>
        {error && <Alert type="error" showIcon role="alert" message={error} style={{ marginBottom: 16 }} data-testid="delegation-form-error" />}
        <Button type="primary" htmlType="submit" loading={busy} data-testid="delegation-submit">
          {t('delegation.form.submit')}
        </Button>
      </Form>
    </Card>
  );
}
