// Approve or reject a trip or a claim; a rejection must say why. The revision the approver saw
// goes with the decision, so a request changed meanwhile is refused rather than decided blind.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, App, Form, Input, Modal, Typography } from 'antd';
import type { Claim } from '../../../shared/domain/claim';
import type { TravelRequest } from '../../../shared/domain/travel';
import { capitalAmount, formatYuan } from '../../../shared/money/money';
import { MutationRejected } from '../../../shared/mutators';
import { COMMENT_MAX } from '../../../shared/mutators/leave';
import { useStore } from '../../db';
import { testId } from '../../components/testId';
import { reasonMessage } from '../../i18n/reasons';

export type RoutedItem = { kind: 'trip'; doc: TravelRequest } | { kind: 'claim'; doc: Claim };

export interface RoutedTarget {
  item: RoutedItem;
  decision: 'approve' | 'reject';
  requesterName: string;
}

export function RoutedDecisionDialog({ target, onClose }: { target: RoutedTarget | null; onClose: () => void }) {
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
    const { item, decision } = target;
    const args = { id: item.doc.id, decision, comment: comment.trim(), revision: item.doc.revision };
    setBusy(true);
    setError(null);
    try {
      if (item.kind === 'trip') await store.mutate('travel.decide', args);
      else await store.mutate('claim.decide', args);
    } catch (err) {
      setBusy(false);
      setError(err instanceof MutationRejected ? reasonMessage(t, err.code, err.params) : t('common.unexpectedError'));
      return;
    }
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
