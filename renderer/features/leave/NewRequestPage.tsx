import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { Alert, App, Button, Card, DatePicker, Form, Input, Radio, Select, Space, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import type { HalfDay } from '../../../shared/calendar/workingDays';
import { LEAVE_TYPES, REASON_MAX, type LeaveType } from '../../../shared/domain/leave';
import { MutationRejected } from '../../../shared/mutators';
import { randomId, useDirectory, useStore } from '../../db';
import { useAppSelector } from '../../app/hooks';
import { selectSyncStatus } from '../../app/syncSlice';
import { LoadingBlock } from '../../components/LoadingBlock';
import { reasonMessage } from '../../i18n/reasons';
import { ApprovalPreview } from './ApprovalPreview';
import { formatDays } from './format';
import { previewDays, type SpanDraft } from './leaveDays';

const ISO = 'YYYY-MM-DD';

interface LeaveFormValues {
  type?: LeaveType;
  start?: Dayjs | null;
  startHalf: HalfDay;
  end?: Dayjs | null;
  endHalf: HalfDay;
  reason?: string;
}

function draftOf(values: Partial<LeaveFormValues>): SpanDraft {
  return { startDate: values.start?.format(ISO), startHalf: values.startHalf, endDate: values.end?.format(ISO), endHalf: values.endHalf };
}

export function NewRequestPage() {
  const store = useStore();
  const directory = useDirectory();
  if (!directory) return <LoadingBlock />;
  // The mutator needs the requester and their managers; until the first pull brings the
  // directory, a submission could only be refused.
  return <LeaveForm ready={directory.users.has(store.userId)} />;
}

function LeaveForm({ ready }: { ready: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const store = useStore();
  const { connection } = useAppSelector(selectSyncStatus);
  const [form] = Form.useForm<LeaveFormValues>();
  const values = Form.useWatch([], form) as Partial<LeaveFormValues> | undefined;
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const preview = previewDays(draftOf(values ?? {}));

  async function submit(v: LeaveFormValues): Promise<void> {
    if (!v.type || !v.start || !v.end) return;
    setBusy(true);
    setFormError(null);
    try {
      await store.mutate('leave.submit', {
        id: randomId(),
        type: v.type,
        startDate: v.start.format(ISO),
        startHalf: v.startHalf,
        endDate: v.end.format(ISO),
        endHalf: v.endHalf,
        reason: v.reason ?? '',
      });
    } catch (err) {
      setBusy(false);
      setFormError(err instanceof MutationRejected ? reasonMessage(t, err.code, err.params) : t('common.unexpectedError'));
      return;
    }
    void message.success(connection === 'online' ? t('leave.submitted') : t('leave.submittedOffline'));
    navigate('/requests');
  }

  function onValuesChange(changed: Partial<LeaveFormValues>): void {
    // Picking a start after the end (or with no end yet) moves the end along: most leave is
    // a single stretch, and it saves a second trip through the calendar.
    const start = changed.start;
    if (start) {
      const end = form.getFieldValue('end') as Dayjs | null | undefined;
      if (!end || end.isBefore(start, 'day')) form.setFieldValue('end', start);
    }
    if (formError) setFormError(null);
  }

  let daysView;
  if (preview.kind === 'incomplete') daysView = <Typography.Text type="secondary">{t('leave.days.unknown')}</Typography.Text>;
  else if (preview.kind === 'invalid') daysView = <Typography.Text type="danger">{t('leave.field.endBeforeStart')}</Typography.Text>;
  else if (preview.days === 0) daysView = <Typography.Text type="warning">{t('leave.days.none')}</Typography.Text>;
  else daysView = <Typography.Text strong>{formatDays(t, preview.days)}</Typography.Text>;

  return (
    <Card title={<span data-testid="page-title">{t('leave.new.title')}</span>}>
      {!ready && <Alert type="info" showIcon message={t('leave.directoryLoading')} style={{ marginBottom: 24 }} data-testid="leave-directory-loading" />}
      <Form<LeaveFormValues>
        form={form}
        layout="vertical"
        style={{ maxWidth: 720 }}
        initialValues={{ startHalf: 'am', endHalf: 'pm', reason: '' }}
        onFinish={(v) => void submit(v)}
        onValuesChange={onValuesChange}
        disabled={busy}
        data-testid="leave-form"
      >
        <Form.Item name="type" label={t('leave.field.type')} rules={[{ required: true, message: t('leave.field.typeRequired') }]}>
          <Select<LeaveType>
            placeholder={t('leave.field.typePlaceholder')}
            data-testid="leave-type"
            virtual={false}
            style={{ maxWidth: 320 }}
            options={LEAVE_TYPES.map((type) => ({ value: type, label: t(`leaveType.${type}`), 'data-testid': `leave-type-option-${type}` }))}
          />
        </Form.Item>
        <DateAndHalf which="start" />
        <DateAndHalf which="end" />
        <Form.Item label={t('leave.days.label')} extra={t('leave.days.hint')}>
          <div data-testid="leave-days" data-days={preview.kind === 'days' ? preview.days : ''} style={{ minHeight: 22 }}>
            {daysView}
          </div>
        </Form.Item>
        <Form.Item label={t('leave.approvers.label')}>
          <div style={{ minHeight: 22 }}>{preview.kind === 'days' && preview.days > 0 ? <ApprovalPreview days={preview.days} /> : <Typography.Text type="secondary">—</Typography.Text>}</div>
        </Form.Item>
        <Form.Item name="reason" label={t('leave.field.reason')} rules={[{ required: true, whitespace: true, message: t('leave.field.reasonRequired') }]}>
          <Input.TextArea placeholder={t('leave.field.reasonPlaceholder')} maxLength={REASON_MAX} showCount autoSize={{ minRows: 3, maxRows: 8 }} data-testid="leave-reason" />
        </Form.Item>
        {formError && <Alert type="error" showIcon message={formError} role="alert" style={{ marginBottom: 24 }} data-testid="leave-form-error" />}
        <Space>
          <Button type="primary" htmlType="submit" loading={busy} disabled={!ready} data-testid="leave-submit">
            {t('leave.submit')}
          </Button>
          <Button onClick={() => navigate('/requests')}>{t('leave.cancel')}</Button>
        </Space>
      </Form>
    </Card>
  );
}

/** A date (typeable as YYYY-MM-DD) and which half of that day the leave starts or ends. */
function DateAndHalf({ which }: { which: 'start' | 'end' }) {
  const { t } = useTranslation();
  const form = Form.useFormInstance<LeaveFormValues>();
  const halfName = which === 'start' ? 'startHalf' : 'endHalf';
  const rules =
    which === 'start'
      ? [{ required: true, message: t('leave.field.startRequired') }]
      : [
          { required: true, message: t('leave.field.endRequired') },
          {
            validator: async (_rule: unknown, end: Dayjs | null | undefined) => {
              const v = form.getFieldsValue() as Partial<LeaveFormValues>;
              if (end && previewDays(draftOf({ ...v, end })).kind === 'invalid') throw new Error(t('leave.field.endBeforeStart'));
            },
          },
        ];
  return (
    <Form.Item label={t(`leave.field.${which}`)} required style={{ marginBottom: 0 }}>
      <Space wrap align="start" size={12}>
        <Form.Item name={which} rules={rules} dependencies={which === 'end' ? ['start', 'startHalf', 'endHalf'] : []}>
          <DatePicker format={ISO} placeholder={t('leave.field.datePlaceholder')} style={{ width: 180 }} data-testid={`leave-${which}`} aria-label={t(`leave.field.${which}`)} />
        </Form.Item>
        <Form.Item name={halfName}>
          <Radio.Group optionType="button" data-testid={`leave-${which}-half`} aria-label={t(`leave.field.${which}`)}>
            {(['am', 'pm'] as const).map((half) => (
              <Radio.Button key={half} value={half}>
                {/* On the label text: antd's radio input itself has no size to click. */}
                <span data-testid={`leave-${which}-half-${half}`}>{t(`half.${which}.${half}`)}</span>
              </Radio.Button>
            ))}
          </Radio.Group>
        </Form.Item>
      </Space>
    </Form.Item>
  );
}
