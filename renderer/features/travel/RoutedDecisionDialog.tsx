// Approve or reject a trip or a claim; a rejection must say why. The revision the approver saw
// goes with the decision, so a request changed meanwhile is refused rather than decided blind.
// An acting approver is told for whom they decide, as the record will say.
import { useTranslation } from 'react-i18next';
import { Alert, App, Form, Input, Modal, Typography } from 'antd';
import type { Claim } from '../../../shared/domain/claim';
import type { TravelRequest } from '../../../shared/domain/travel';
import { capitalAmount, formatYuan } from '../../../shared/money/money';
import { COMMENT_MAX } from '../../../shared/mutators/leave';
import { useStore } from '../../db';
import { testId } from '../../components/testId';
import { useDecisionForm } from '../approvals/useDecisionForm';
import { formatList } from '../leave/format';

export type RoutedItem = { kind: 'trip'; doc: TravelRequest } | { kind: 'claim'; doc: Claim };

export interface RoutedTarget {
  item: RoutedItem;
  decision: 'approve' | 'reject';
  requesterName: string;
  /** Names of the approvers the user decides for, when acting for someone. */
  principalNames: string[];
}

export function RoutedDecisionDialog({ target, onClose }: { target: RoutedTarget | null; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const store = useStore();
  const { form, busy, error, close, submit } = useDecisionForm(onClose);
  const reject = target?.decision === 'reject';

  async function decide({ comment }: { comment: string }): Promise<void> {
    if (!target) return;
    const { item, decision } = target;
    const args = { id: item.doc.id, decision, comment: comment.trim(), revision: item.doc.revision };
    const done = await submit(() => (item.kind === 'trip' ? store.mutate('travel.decide', args) : store.mutate('claim.decide', args)));
    if (!done) return;
    void message.success(t(reject ? 'travel.routed.rejected' : 'travel.routed.approved'));
    close();
  }

  const item = target?.item;
  return (
    <Modal
      open={target !== null}
      title={target ? t(reject ? 'travel.routed.rejectTitle' : 'travel.routed.approveTitle', { name: target.requesterName }) : ''}
      okText={t(reject ? 'travel.routed.reject' : 'travel.routed.approve')}
      cancelText={t('common.cancel')}
      okButtonProps={{ danger: reject, ...testId('routed-confirm') }}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={close}
      destroyOnHidden
    >
      {item && (
        <Typography.Paragraph type="secondary" data-testid="routed-summary">
          {item.kind === 'trip'
            ? `${item.doc.purpose} · ${t('travel.dateRange', { start: item.doc.startDate, end: item.doc.endDate })} · ${formatYuan(item.doc.estimatedFen)}`
            : `${item.doc.title} · ${formatYuan(item.doc.totalFen)}（${capitalAmount(item.doc.totalFen)}）`}
        </Typography.Paragraph>
      )}
      {target && target.principalNames.length > 0 && (
        <Alert type="info" showIcon style={{ marginBottom: 16 }} message={t('approvals.decidingFor', { names: formatList(target.principalNames, i18n.language) })} data-testid="routed-on-behalf" />
      )}
      <Form form={form} layout="vertical" initialValues={{ comment: '' }} onFinish={(v) => void decide(v)} requiredMark={reject}>
        <Form.Item name="comment" label={t('travel.routed.comment')} rules={reject ? [{ required: true, whitespace: true, message: t('travel.routed.commentRequired') }] : []}>
          <Input.TextArea
            autoFocus
            maxLength={COMMENT_MAX}
            showCount
            autoSize={{ minRows: 3, maxRows: 6 }}
            placeholder={reject ? t('travel.routed.commentRequired') : t('travel.routed.commentOptional')}
            data-testid="routed-comment"
          />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon message={error} role="alert" data-testid="routed-error" />}
    </Modal>
  );
}
