// Asking to cancel approved leave that has not started: with a reason, approved like the
// request was. The dialog shows who will decide before the user sends it.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, App, Button, Form, Input, Modal, Typography, type ButtonProps } from 'antd';
import { StopOutlined } from '@ant-design/icons';
import { agencyDate } from '../../../shared/calendar/dates';
import { REASON_MAX, type LeaveRequest } from '../../../shared/domain/leave';
import { MutationRejected } from '../../../shared/mutators';
import { useDelegations, useDirectory, useDocQuery, useStore } from '../../db';
import { reasonMessage } from '../../i18n/reasons';
import { RouteView } from './ApprovalSteps';
import { formatSpan, inlineName } from './format';
import { previewCancellation } from './requestActions';
import { useLeaveTypeName } from './useLeaveTypeName';

export function CancelLeaveButton({ request, size }: { request: LeaveRequest; size?: ButtonProps['size'] }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button size={size} icon={<StopOutlined />} onClick={() => setOpen(true)} data-testid="cancel-leave-button" data-id={request.id}>
        {t('leave.cancelLeave.action')}
      </Button>
      {open && <CancelLeaveDialog request={request} onClose={() => setOpen(false)} />}
    </>
  );
}

function CancelLeaveDialog({ request, onClose }: { request: LeaveRequest; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const store = useStore();
  const directory = useDirectory();
  const delegations = useDelegations();
  const typeName = useLeaveTypeName();
  const [form] = Form.useForm<{ reason: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const now = new Date().toISOString();
  const today = agencyDate(now);
  const preview = useDocQuery((tx, userId) => previewCancellation(tx, request, userId, now), [request, today]);

  async function send({ reason }: { reason: string }): Promise<void> {
    setBusy(true);
    setError(null);
    try {
      await store.mutate('leave.cancel', { id: request.id, reason: reason.trim() });
    } catch (err) {
      setBusy(false);
      setError(err instanceof MutationRejected ? reasonMessage(t, err.code, err.params) : t('common.unexpectedError'));
      return;
    }
    void message.success(t('leave.cancelLeave.sent'));
    onClose();
  }

  return (
    <Modal
      open
      title={t('leave.cancelLeave.title')}
      okText={t('leave.cancelLeave.submit')}
      cancelText={t('common.cancel')}
      okButtonProps={{ 'data-testid': 'cancel-leave-confirm', disabled: preview !== undefined && !preview.ok }}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph>{t('leave.cancelLeave.explain', { type: inlineName(typeName(request.type), i18n.language), span: formatSpan(t, request) })}</Typography.Paragraph>
      {preview && !preview.ok && <Alert type="warning" showIcon message={reasonMessage(t, preview.code, preview.params)} style={{ marginBottom: 16 }} data-testid="cancel-leave-refusal" />}
      {preview?.ok && preview.steps.length > 0 && (
        <Typography.Paragraph data-testid="cancel-leave-route">
          <Typography.Text type="secondary">{t('leave.cancelLeave.route')}</Typography.Text>{' '}
          <RouteView steps={preview.steps} ctx={{ users: directory?.users, delegations: new Map((delegations ?? []).map((d) => [d.id, d])), today }} />
        </Typography.Paragraph>
      )}
      <Form form={form} layout="vertical" initialValues={{ reason: '' }} onFinish={(v) => void send(v)}>
        <Form.Item name="reason" label={t('leave.cancelLeave.reason')} rules={[{ required: true, whitespace: true, message: t('leave.cancelLeave.reasonRequired') }]}>
          <Input.TextArea autoFocus maxLength={REASON_MAX} showCount autoSize={{ minRows: 3, maxRows: 6 }} placeholder={t('leave.cancelLeave.reasonPlaceholder')} data-testid="cancel-leave-reason" />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon message={error} role="alert" data-testid="cancel-leave-error" />}
    </Modal>
  );
}
