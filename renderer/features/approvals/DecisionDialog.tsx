// Approve or reject with a comment; a rejection must say why. The decision applies locally at
// once and goes to the server with the next push.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, App, Form, Input, Modal, Typography } from 'antd';
import type { LeaveRequest } from '../../../shared/domain/leave';
import { COMMENT_MAX } from '../../../shared/mutators/leave';
import { MutationRejected } from '../../../shared/mutators';
import { useStore } from '../../db';
import { reasonMessage } from '../../i18n/reasons';
import { formatDays, formatSpan } from '../leave/format';

export type Decision = 'approve' | 'reject';

export interface DecisionTarget {
  request: LeaveRequest;
  requesterName: string;
  decision: Decision;
}

export function DecisionDialog({ target, onClose }: { target: DecisionTarget | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const store = useStore();
  const [form] = Form.useForm<{ comment: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const reject = target?.decision === 'reject';

  function close(): void {
    setError(null);
    setBusy(false);
    form.resetFields();
    onClose();
  }

  async function decide({ comment }: { comment: string }): Promise<void> {
    if (!target) return;
    setBusy(true);
    setError(null);
    try {
      await store.mutate('approval.decide', { requestId: target.request.id, decision: target.decision, comment: comment.trim() });
    } catch (err) {
      setBusy(false);
      setError(err instanceof MutationRejected ? reasonMessage(t, err.code, err.params) : t('common.unexpectedError'));
      return;
    }
    void message.success(t(reject ? 'approvals.rejected' : 'approvals.approved'));
    close();
  }

  return (
    <Modal
      open={target !== null}
      title={target ? t(reject ? 'approvals.rejectTitle' : 'approvals.approveTitle', { name: target.requesterName }) : ''}
      okText={t(reject ? 'approvals.reject' : 'approvals.approve')}
      cancelText={t('common.cancel')}
      okButtonProps={{ danger: reject, 'data-testid': 'decision-confirm' }}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={close}
      destroyOnHidden
    >
      {target && (
        <Typography.Paragraph type="secondary" data-testid="decision-summary">
          {t(`leaveType.${target.request.type}`)} · {formatSpan(t, target.request)} · {formatDays(t, target.request.days)}
        </Typography.Paragraph>
      )}
      <Form form={form} layout="vertical" initialValues={{ comment: '' }} onFinish={(v) => void decide(v)} requiredMark={reject ? true : false}>
        <Form.Item
          name="comment"
          label={t('approvals.comment')}
          rules={reject ? [{ required: true, whitespace: true, message: t('approvals.commentRequired') }] : []}
        >
          <Input.TextArea
            autoFocus
            maxLength={COMMENT_MAX}
            showCount
            autoSize={{ minRows: 3, maxRows: 6 }}
            placeholder={reject ? t('approvals.commentRequired') : t('approvals.commentOptional')}
            data-testid="decision-comment"
          />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon message={error} role="alert" data-testid="decision-error" />}
    </Modal>
  );
}
