import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { Alert, App, Button, Card, DatePicker, Form, Input, Radio, Select, Space, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { agencyDate } from '../../../shared/calendar/dates';
import type { HalfDay } from '../../../shared/calendar/workingDays';
import type { Attachment } from '../../../shared/domain/attachment';
import { REASON_MAX } from '../../../shared/domain/leave';
import { leaveTypeName, type LeaveTypeDef } from '../../../shared/domain/leaveTypes';
import { MutationRejected } from '../../../shared/mutators';
import { randomId, useDirectory, useDocQuery, useLeaveTypes, useStore } from '../../db';
import { useAppSelector } from '../../app/hooks';
import { selectSyncStatus } from '../../app/syncSlice';
import { LoadingBlock } from '../../components/LoadingBlock';
import { reasonMessage } from '../../i18n/reasons';
import { ApprovalPreview } from './ApprovalPreview';
import { AttachmentPicker } from './AttachmentPicker';
import { assessDraft } from './draft';
import { BalanceView, DaysView, daysHint, ProblemsView } from './DraftSummary';
import { previewDays, spanOf, type SpanDraft } from './leaveDays';

const ISO = 'YYYY-MM-DD';

interface LeaveFormValues {
  type?: string;
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
  const types = useLeaveTypes();
  if (!directory || !types) return <LoadingBlock />;
  // The mutator needs the requester, their managers and the leave types; until the first pull
  // brings them, a submission could only be refused.
  const active = types.filter((type) => type.active);
  return <LeaveForm ready={directory.users.has(store.userId) && active.length > 0} types={active} />;
}

function LeaveForm({ ready, types }: { ready: boolean; types: LeaveTypeDef[] }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const store = useStore();
  const { connection } = useAppSelector(selectSyncStatus);
  const [form] = Form.useForm<LeaveFormValues>();
  const values = (Form.useWatch([], form) as Partial<LeaveFormValues> | undefined) ?? {};
  const [attachments, setAttachments] = useState<Attachment[]>([]);
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const today = agencyDate(new Date().toISOString());
  const type = types.find((x) => x.id === values.type);
  const span = draftOf(values);
  const assessment = useDocQuery(
    (tx, userId) => assessDraft(tx, userId, { typeId: values.type, ...span, attachments: attachments.length }, today),
    [values.type, span.startDate, span.startHalf, span.endDate, span.endHalf, attachments.length, today],
  );
  // A preview made for other inputs (the query is still running) is not shown as current.
  const current = assessment && assessment.type?.id === type?.id ? assessment : undefined;
  const days = current?.days.kind === 'days' ? current.days.days : 0;

  async function submit(v: LeaveFormValues): Promise<void> {
    const chosen = types.find((x) => x.id === v.type);
    const whole = chosen ? spanOf(draftOf(v), chosen.unit) : null;
    if (!chosen || !whole) return;
    setBusy(true);
    setFormError(null);
    try {
      await store.mutate('leave.submit', { id: randomId(), type: chosen.id, ...whole, reason: v.reason ?? '', attachments });
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
          <Select<string>
            placeholder={t('leave.field.typePlaceholder')}
            data-testid="leave-type"
            virtual={false}
            style={{ maxWidth: 320 }}
            options={types.map((x) => ({ value: x.id, label: leaveTypeName(x, i18n.language), 'data-testid': `leave-type-option-${x.id}` }))}
          />
        </Form.Item>
        <DateAndHalf which="start" halves={type?.unit !== 'day'} />
        <DateAndHalf which="end" halves={type?.unit !== 'day'} />
        <Form.Item label={t('leave.days.label')} extra={daysHint(t, current)}>
          <DaysView assessment={current} />
          <BalanceView assessment={current} />
        </Form.Item>
        <Form.Item label={t('leave.approvers.label')}>
          <div style={{ minHeight: 22 }}>{type && days > 0 ? <ApprovalPreview typeId={type.id} days={days} today={today} /> : <Typography.Text type="secondary">—</Typography.Text>}</div>
        </Form.Item>
        <Form.Item name="reason" label={t('leave.field.reason')} rules={[{ required: true, whitespace: true, message: t('leave.field.reasonRequired') }]}>
          <Input.TextArea placeholder={t('leave.field.reasonPlaceholder')} maxLength={REASON_MAX} showCount autoSize={{ minRows: 3, maxRows: 8 }} data-testid="leave-reason" />
        </Form.Item>
        <Form.Item
          label={t('leave.attachments.label')}
          required={current?.attachmentRequired ?? false}
          extra={type && type.attachmentOverDays !== null ? t(type.attachmentOverDays === 0 ? 'leave.attachments.alwaysNeeded' : 'leave.attachments.neededOver', { days: type.attachmentOverDays }) : undefined}
        >
          <AttachmentPicker value={attachments} onChange={setAttachments} disabled={busy} />
        </Form.Item>
        <ProblemsView assessment={current} />
        {formError && <Alert type="error" showIcon message={formError} role="alert" style={{ marginBottom: 24 }} data-testid="leave-form-error" />}
        <Space>
          <Button type="primary" htmlType="submit" loading={busy} disabled={!ready} data-testid="leave-submit">
            {t('leave.submit')}
          </Button>
          <Button onClick={() => navigate('/requests')}>{t('leave.back')}</Button>
        </Space>
      </Form>
    </Card>
  );
}

/**
 * A date (typeable as YYYY-MM-DD) and, for types taken in half days, which half of that day the
 * leave starts or ends.
 */
function DateAndHalf({ which, halves }: { which: 'start' | 'end'; halves: boolean }) {
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
              const draft = draftOf({ ...v, end });
              if (!halves) Object.assign(draft, { startHalf: 'am', endHalf: 'pm' });
              if (end && previewDays(draft).kind === 'invalid') throw new Error(t('leave.field.endBeforeStart'));
            },
          },
        ];
  return (
    <Form.Item label={t(`leave.field.${which}`)} required style={{ marginBottom: 0 }}>
      <Space wrap align="start" size={12}>
        <Form.Item name={which} rules={rules} dependencies={which === 'end' ? ['start', 'startHalf', 'endHalf', 'type'] : []}>
          <DatePicker format={ISO} placeholder={t('leave.field.datePlaceholder')} style={{ width: 180 }} data-testid={`leave-${which}`} aria-label={t(`leave.field.${which}`)} />
        </Form.Item>
        {/* Kept in the form while hidden, so switching back to a half-day type restores the choice. */}
        <Form.Item name={halfName} hidden={!halves}>
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
