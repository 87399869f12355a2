// The live totals of a claim: expenses and allowances, the advance offset, what finance pays (or
// what the traveller repays), and the total in capital numerals as the paper form asks for it.
import { useTranslation } from 'react-i18next';
import { Descriptions, Typography } from 'antd';
import { formatYuan } from '../../../shared/money/money';
import type { ClaimTotals } from './draft';

export function ClaimTotalsView({ totals }: { totals: ClaimTotals }) {
  const { t } = useTranslation();
  return (
    <>
      <Descriptions size="small" bordered column={{ xs: 1, sm: 2, md: 3 }}>
        <Descriptions.Item label={t('claims.totals.lines')}>{formatYuan(totals.linesFen)}</Descriptions.Item>
        <Descriptions.Item label={t('claims.totals.allowances')}>{formatYuan(totals.allowancesFen)}</Descriptions.Item>
        <Descriptions.Item label={t('claims.totals.total')}>
          <Typography.Text strong data-testid="claim-total">
            {formatYuan(totals.totalFen)}
          </Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('claims.totals.capital')} span={{ xs: 1, sm: 2, md: 3 }}>
          <span data-testid="claim-capital">{totals.capital}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('claims.totals.advance')}>{formatYuan(totals.advanceFen)}</Descriptions.Item>
        <Descriptions.Item label={t('claims.totals.payable')} span={{ xs: 1, sm: 1, md: 2 }}>
          <Typography.Text strong type={totals.payableFen < 0 ? 'warning' : undefined} data-testid="claim-payable">
            {formatYuan(totals.payableFen)}
          </Typography.Text>
          {totals.payableFen < 0 && <Typography.Text type="warning"> {t('claims.totals.refund', { amount: formatYuan(-totals.payableFen) })}</Typography.Text>}
        </Descriptions.Item>
      </Descriptions>
      {totals.incomplete.length > 0 && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('claims.totals.incomplete', { count: totals.incomplete.length })}
        </Typography.Text>
      )}
    </>
  );
}
