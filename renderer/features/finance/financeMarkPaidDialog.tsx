// Recording a payment: the bank or voucher reference and the day it was paid (claim.markPaid).
// A refusal (not approved any more, no reference) is shown in the dialog at once.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, App, DatePicker, Form, Input, Modal, Typography } from 'antd';
import dayjs from 'dayjs';
import { agencyDate } from '../../../shared/calendar/dates';
import type { Claim } from '../../../shared/domain/claim';
import { MutationRejected } from '../../../shared/mutators';
import { formatYuan } from '../../../shared/money/money';
import { useStore } from '../../db';
import { reasonMessage } from '../../i18n/reasons';

export function MarkPaidDialog({ claim, onClose }: { claim: Claim; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const store = useStore();
  const [reference, setReference] = useState('');
  const [paidOn, setPaidOn] = useState(agencyDate(new Date().toISOString()));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function confirm(): Promise<void> {
    if (reference.trim() === '') {
      setError(t('finance.pay.referenceRequired'));
      return;
    }
    setBusy(true);
    try {
      await store.mutate('claim.markPaid', { id: claim.id, reference, paidOn });
      void message.success(t('finance.pay.done'));
      onClose();
    } catch (err) {
      setError(err instanceof MutationRejected ? reasonMessage(t, err.code, err.params) : t('common.unexpectedError'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      open
      title={t('finance.pay.title')}
      onCancel={onClose}
      onOk={() => void confirm()}
      okText={t('finance.pay.confirm')}
      confirmLoading={busy}
      okButtonProps={{ 'data-testid': 'finance-payment-confirm' }}
      destroyOnClose
    >
      <Typography.Paragraph>{t('finance.pay.summary', { title: claim.title, amount: formatYuan(claim.payableFen) })}</Typography.Paragraph>
      <Form layout="vertical">
        <Form.Item label={t('finance.pay.reference')} required>
          <Input value={reference} onChange={(e) => setReference(e.target.value)} maxLength={60} data-testid="finance-payment-reference" />
        </Form.Item>
        <Form.Item label={t('finance.pay.paidOn')} required>
          <DatePicker value={dayjs(paidOn)} onChange={(d) => d && setPaidOn(d.format('YYYY-MM-DD'))} format="YYYY-MM-DD" allowClear={false} data-testid="finance-payment-date" />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon message={error} data-testid="form-error" />}
    </Modal>
  );
}
