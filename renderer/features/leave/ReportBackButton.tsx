// Report-back (销假): the requester says when they were back at work. The dialog shows, before
// sending, the days actually taken and the days that go back to the balance, as the mutator
// will count them.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, App, Button, DatePicker, Form, Input, Modal, Radio, Space, Typography, type ButtonProps } from 'antd';
import { LoginOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { addDays, agencyDate } from '../../../shared/calendar/dates';
import type { HalfDay } from '../../../shared/calendar/workingDays';
import { REASON_MAX, type LeaveRequest } from '../../../shared/domain/leave';
import { MutationRejected } from '../../../shared/mutators';
import { useDocQuery, useLeaveTypes, useStore } from '../../db';
import { reasonMessage } from '../../i18n/reasons';
import { formatDays, formatSpan } from './format';
import { previewReportBack } from './requestActions';

const ISO = 'YYYY-MM-DD';

export function ReportBackButton({ request, size }: { request: LeaveRequest; size?: ButtonProps['size'] }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button size={size} type="primary" ghost icon={<LoginOutlined />} onClick={() => setOpen(true)} data-testid="report-back-button" data-id={request.id}>
        {t('leave.reportBack.action')}
      </Button>
      {open && <ReportBackDialog request={request} onClose={() => setOpen(false)} />}
    </>
  );
}

/** The first half day after the approved leave, or today if that is still to come. */
export function defaultReturn(request: Pick<LeaveRequest, 'endDate' | 'endHalf'>, today: string): { date: string; half: HalfDay } {
  const after = request.endHalf === 'am' ? { date: request.endDate, half: 'pm' as const } : { date: addDays(request.endDate, 1), half: 'am' as const };
  return after.date <= today ? after : { date: today, half: 'am' };
}

interface Values {
  returnDate: Dayjs | null;
  returnHalf: HalfDay;
  comment: string;
}

function ReportBackDialog({ request, onClose }: { request: LeaveRequest; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const store = useStore();
  const tracked = useLeaveTypes()?.find((x) => x.id === request.type)?.tracksBalance ?? false;
  const now = new Date().toISOString();
  const today = agencyDate(now);
  const initial = defaultReturn(request, today);
  const [form] = Form.useForm<Values>();
  const returnDate = (Form.useWatch('returnDate', form) as Dayjs | null | undefined)?.format(ISO) ?? null;
  const returnHalf = (Form.useWatch('returnHalf', form) as HalfDay | undefined) ?? initial.half;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const preview = useDocQuery(
    async (tx, userId) => (returnDate ? previewReportBack(tx, request, { returnDate, returnHalf }, userId, now) : null),
    [request, returnDate, returnHalf, today],
  );

  async function send(v: Values): Promise<void> {
    if (!v.returnDate) return;
    setBusy(true);
    setError(null);
    try {
      await store.mutate('leave.reportBack', { id: request.id, returnDate: v.returnDate.format(ISO), returnHalf: v.returnHalf, comment: v.comment.trim() });
    } catch (err) {
      setBusy(false);
      setError(err instanceof MutationRejected ? reasonMessage(t, err.code, err.params) : t('common.unexpectedError'));
      return;
    }
    void message.success(t('leave.reportBack.sent'));
    onClose();
  }

  return (
    <Modal
      open
      title={t('leave.reportBack.title')}
      okText={t('leave.reportBack.submit')}
      cancelText={t('common.cancel')}
      okButtonProps={{ 'data-testid': 'report-back-confirm', disabled: !preview?.ok }}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph>{t('leave.reportBack.explain', { span: formatSpan(t, request), days: formatDays(t, request.days, request.counting) })}</Typography.Paragraph>
      {/* No <form> element: Enter in the date field confirms the date, it must not send the report before the user has seen what it does. */}
      <Form<Values> form={form} component={false} layout="vertical" initialValues={{ returnDate: dayjs(initial.date), returnHalf: initial.half, comment: '' }} onFinish={(v) => void send(v)}>
        <Form.Item label={t('leave.reportBack.returnedOn')} required style={{ marginBottom: 0 }}>
          <Space wrap align="start" size={12}>
            <Form.Item name="returnDate" rules={[{ required: true, message: t('leave.reportBack.dateRequired') }]}>
              <DatePicker
                format={ISO}
                style={{ width: 180 }}
                // Nothing before the leave began, nothing after today.
                disabledDate={(d) => d.format(ISO) < request.startDate || d.format(ISO) > today}
                data-testid="report-back-date"
                aria-label={t('leave.reportBack.returnedOn')}
              />
            </Form.Item>
            <Form.Item name="returnHalf">
              <Radio.Group optionType="button" data-testid="report-back-half">
                {(['am', 'pm'] as const).map((half) => (
                  <Radio.Button key={half} value={half}>
                    <span data-testid={`report-back-half-${half}`}>{t(`leave.reportBack.half.${half}`)}</span>
                  </Radio.Button>
                ))}
              </Radio.Group>
            </Form.Item>
          </Space>
        </Form.Item>
        <div style={{ minHeight: 40, marginBottom: 16 }} data-testid="report-back-preview" data-actual={preview?.ok ? preview.actualDays : ''} data-returned={preview?.ok ? preview.returnedDays : ''}>
          {preview?.ok && (
            <Alert
              type={preview.returnedDays > 0 ? 'info' : 'success'}
              showIcon
              message={
                preview.returnedDays > 0
                  ? t(tracked ? 'leave.reportBack.earlierRestored' : 'leave.reportBack.earlier', {
                      actual: formatDays(t, preview.actualDays, request.counting),
                      returned: formatDays(t, preview.returnedDays, request.counting),
                    })
                  : t('leave.reportBack.asApproved', { actual: formatDays(t, preview.actualDays, request.counting) })
              }
            />
          )}
          {preview && !preview.ok && <Alert type="warning" showIcon message={reasonMessage(t, preview.code, preview.params)} data-testid="report-back-refusal" />}
        </div>
        <Form.Item name="comment" label={t('leave.reportBack.comment')}>
          <Input.TextArea maxLength={REASON_MAX} showCount autoSize={{ minRows: 2, maxRows: 5 }} placeholder={t('leave.reportBack.commentPlaceholder')} data-testid="report-back-comment" />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon message={error} role="alert" data-testid="report-back-error" />}
    </Modal>
  );
}
