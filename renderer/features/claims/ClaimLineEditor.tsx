// One expense line of the claim form: what, when, how much (yuan, or a foreign currency at a
// rate), the invoice number (warned about at once when the agency registry already holds it),
// the city and nights of a lodging line (checked against the standard), and its receipts.
import { useTranslation } from 'react-i18next';
import { Alert, Button, Card, Col, DatePicker, Input, InputNumber, Row, Select, Space, Typography } from 'antd';
import { DeleteOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { CLAIM_CATEGORIES, type ClaimCategory } from '../../../shared/domain/claim';
import { CURRENCIES, type Currency } from '../../../shared/domain/money';
import { formatYuan } from '../../../shared/money/money';
import type { MessageKey } from '../../i18n/keys';
import { AttachmentPicker } from '../leave/AttachmentPicker';
import { lineAmountMinor, lineFen, type LineDraft } from './draft';

interface Props {
  index: number;
  line: LineDraft;
  onChange: (next: LineDraft) => void;
  onRemove: () => void;
  /** The invoice number is already claimed in the agency (and not released). */
  duplicateInvoice: boolean;
  /** The cap this lodging line exceeds, in fen; null when within the standard. */
  overLimitFen: number | null;
  disabled: boolean;
}

export function ClaimLineEditor({ index, line, onChange, onRemove, duplicateInvoice, overLimitFen, disabled }: Props) {
  const { t } = useTranslation();
  const set = (patch: Partial<LineDraft>) => onChange({ ...line, ...patch });
  const typed = line.amountText.trim() !== '';
  const amountBad = typed && lineAmountMinor(line) === null;
  const foreign = line.currency !== 'CNY';
  const fen = lineFen(line);
  const label = (key: MessageKey) => (
    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
      {t(key)}
    </Typography.Text>
  );

  return (
    <Card
      size="small"
      title={t('claims.line.heading', { n: index + 1 })}
      extra={
        <Button size="small" type="link" danger icon={<DeleteOutlined />} onClick={onRemove} disabled={disabled} data-testid={`claim-line-remove-${index}`}>
          {t('claims.removeLine')}
        </Button>
      }
      data-testid="claim-line"
    >
      <Row gutter={[12, 8]}>
        <Col xs={24} sm={12} md={6}>
          {label('claims.col.category')}
          <Select<ClaimCategory>
            value={line.category}
            onChange={(category) => set({ category })}
            options={CLAIM_CATEGORIES.map((c) => ({ value: c, label: t(`claims.category.${c}`) }))}
            style={{ width: '100%' }}
            disabled={disabled}
            data-testid={`claim-line-category-${index}`}
            aria-label={t('claims.col.category')}
          />
        </Col>
        <Col xs={24} sm={12} md={6}>
          {label('claims.col.date')}
          <DatePicker
            value={line.date ? dayjs(line.date) : null}
            onChange={(d) => set({ date: d ? d.format('YYYY-MM-DD') : null })}
            format="YYYY-MM-DD"
            style={{ width: '100%' }}
            disabled={disabled}
            data-testid={`claim-line-date-${index}`}
            aria-label={t('claims.col.date')}
          />
        </Col>
        <Col xs={24} sm={12} md={6}>
          {label('claims.col.amount')}
          <Space.Compact style={{ width: '100%' }}>
            <Select<Currency> value={line.currency} onChange={(currency) => set({ currency })} options={CURRENCIES.map((c) => ({ value: c, label: c }))} style={{ width: 90 }} disabled={disabled} data-testid={`claim-line-currency-${index}`} aria-label={t('claims.col.currency')} />
            <Input
              value={line.amountText}
              onChange={(e) => set({ amountText: e.target.value })}
              inputMode="decimal"
              status={amountBad ? 'error' : undefined}
              disabled={disabled}
              data-testid={`claim-line-amount-${index}`}
              aria-label={t('claims.col.amount')}
            />
          </Space.Compact>
          {amountBad && <Typography.Text type="danger" style={{ fontSize: 12 }}>{t('claims.line.amountInvalid')}</Typography.Text>}
        </Col>
        {foreign && (
          <Col xs={24} sm={12} md={6}>
            {label('claims.col.rate')}
            <Input value={line.rate} onChange={(e) => set({ rate: e.target.value })} inputMode="decimal" placeholder="7.1234" disabled={disabled} data-testid={`claim-line-rate-${index}`} aria-label={t('claims.col.rate')} />
            <Typography.Text type={fen === null ? 'danger' : 'secondary'} style={{ fontSize: 12 }}>
              {fen === null ? t('claims.line.rateRequired') : t('claims.line.converted', { amount: formatYuan(fen) })}
            </Typography.Text>
          </Col>
        )}
        <Col xs={24} sm={12} md={6}>
          {label('claims.col.invoice')}
          <Input
            value={line.invoiceNumber}
            onChange={(e) => set({ invoiceNumber: e.target.value })}
            maxLength={40}
            status={duplicateInvoice ? 'error' : undefined}
            disabled={disabled}
            data-testid={`claim-line-invoice-${index}`}
            aria-label={t('claims.col.invoice')}
          />
          {duplicateInvoice && (
            <Typography.Text type="danger" style={{ fontSize: 12 }} data-testid={`claim-line-duplicate-${index}`}>
              {t('claims.line.duplicateInvoice')}
            </Typography.Text>
          )}
        </Col>
        <Col xs={24} md={12}>
          {label('claims.col.description')}
          <Input value={line.description} onChange={(e) => set({ description: e.target.value })} maxLength={200} disabled={disabled} data-testid={`claim-line-description-${index}`} aria-label={t('claims.col.description')} />
        </Col>
        {line.category === 'lodging' && (
          <>
            <Col xs={12} md={6}>
              {label('claims.col.city')}
              <Input value={line.city} onChange={(e) => set({ city: e.target.value })} maxLength={40} disabled={disabled} data-testid={`claim-line-city-${index}`} aria-label={t('claims.col.city')} />
            </Col>
            <Col xs={12} md={6}>
              {label('claims.col.nights')}
              <InputNumber<number>
                value={line.nights}
                min={0}
                max={366}
                precision={0}
                onChange={(n) => set({ nights: n ?? 0 })}
                style={{ width: '100%' }}
                disabled={disabled}
                data-testid={`claim-line-nights-${index}`}
                aria-label={t('claims.col.nights')}
              />
            </Col>
          </>
        )}
        {overLimitFen !== null && (
          <Col span={24}>
            <Alert type="warning" showIcon message={t('claims.line.overStandard', { limit: formatYuan(overLimitFen) })} data-testid={`claim-line-over-${index}`} />
            <Input.TextArea
              value={line.explanation}
              onChange={(e) => set({ explanation: e.target.value })}
              maxLength={500}
              autoSize={{ minRows: 2 }}
              placeholder={t('claims.col.explanation')}
              status={line.explanation.trim() === '' ? 'warning' : undefined}
              style={{ marginTop: 8 }}
              disabled={disabled}
              data-testid={`claim-line-explanation-${index}`}
              aria-label={t('claims.col.explanation')}
            />
          </Col>
        )}
        <Col span={24} data-testid={`claim-line-receipts-${index}`}>
          {label('claims.col.receipts')}
          <AttachmentPicker value={line.receipts} onChange={(receipts) => set({ receipts })} disabled={disabled} />
        </Col>
      </Row>
    </Card>
  );
}
