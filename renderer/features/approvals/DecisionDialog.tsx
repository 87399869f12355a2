// Approve or reject with a comment; a rejection must say why. The decision applies locally at
// once and goes to the server with the next push, carrying the revision the approver saw: if
// the requester changed the request meanwhile (offline), the server refuses and says so.
import { useTranslation } from 'react-i18next';
import { Alert, App, Form, Input, Modal, Typography } from 'antd';
import { COMMENT_MAX } from '../../../shared/mutators/leave';
import { useStore } from '../../db';
import type { MessageKey } from '../../i18n/keys';
import { formatDays, formatList, formatSpan } from '../leave/format';
import { useLeaveTypeName } from '../leave/useLeaveTypeName';
import type { InboxItem } from './inbox';
import { useDecisionForm } from './useDecisionForm';

export type Decision = 'approve' | 'reject';

export interface DecisionTarget {
  item: InboxItem;
  requesterName: string;
  /** Names of the approvers the user decides for, when acting for someone. */
  principalNames: string[];
  decision: Decision;
}

function titleKey(target: DecisionTarget): MessageKey {
  const cancellation = target.item.phase === 'cancellation';
  if (target.decision === 'reject') return cancellation ? 'approvals.rejectCancellationTitle' : 'approvals.rejectTitle';
  return cancellation ? 'approvals.approveCancellationTitle' : 'approvals.approveTitle';
}

export function DecisionDialog({ target, onClose }: { target: DecisionTarget | null; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const store = useStore();
  const typeName = useLeaveTypeName();
  const { form, busy, error, close, submit } = useDecisionForm(onClose);
  const reject = target?.decision === 'reject';

  async function decide({ comment }: { comment: string }): Promise<void> {
    if (!target) return;
    const { request } = target.item;
    const done = await submit(() => store.mutate('approval.decide', { requestId: request.id, decision: target.decision, comment: comment.trim(), revision: request.revision }));
    if (!done) return;
    void message.success(t(reject ? 'approvals.rejected' : 'approvals.approved'));
    close();
  }

  const request = target?.item.request;
  return (
    <Modal
      open={target !== null}
      title={target ? t(titleKey(target), { name: target.requesterName }) : ''}
      okText={t(reject ? 'approvals.reject' : 'approvals.approve')}
      cancelText={t('common.cancel')}
      okButtonProps={{ danger: reject, 'data-testid': 'decision-confirm' }}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={close}
      destroyOnHidden
    >
      {target && request && (
        <>
          <Typography.Paragraph type="secondary" data-testid="decision-summary">
            {typeName(request.type)} · {formatSpan(t, request)} · {formatDays(t, request.days, request.counting)}
          </Typography.Paragraph>
          {target.item.phase === 'cancellation' && request.cancellation && (
            <Typography.Paragraph data-testid="decision-cancellation-reason">{t('leave.timeline.cancelReason', { comment: request.cancellation.reason })}</Typography.Paragraph>
          )}
          {target.principalNames.length > 0 && (
            <Alert type="info" showIcon style={{ marginBottom: 16 }} message={t('approvals.decidingFor', { names: formatList(target.principalNames, i18n.language) })} data-testid="decision-on-behalf" />
          )}
        </>
      )}
      <Form form={form} layout="vertical" initialValues={{ comment: '' }} onFinish={(v) => void decide(v)} requiredMark={reject ? true : false}>
        <Form.Item name="comment" label={t('approvals.comment')} rules={reject ? [{ required: true, whitespace: true, message: t('approvals.commentRequired') }] : []}>
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
