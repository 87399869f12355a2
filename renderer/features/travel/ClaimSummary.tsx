// What an approver needs to see of a claim: the total (and in capital numerals, as on the
// printed sheet), the advance offset, each line with its over-standard flag and the
// requester's explanation, and the per-diem allowances.
import { useTranslation } from 'react-i18next';
import { Space, Table, Tag, Typography } from 'antd';
import type { Claim, ClaimLine } from '../../../shared/domain/claim';
import { capitalAmount, formatYuan } from '../../../shared/money/money';

export function ClaimSummary({ claim }: { claim: Claim }) {
  const { t } = useTranslation();
  return (
    <div data-testid="routed-claim" data-id={claim.id}>
      <Space direction="vertical" size={2} style={{ marginBottom: 8 }}>
        <Typography.Text strong data-testid="routed-claim-total" data-fen={claim.totalFen}>
          {t('travel.routed.total')}: {formatYuan(claim.totalFen)}
        </Typography.Text>
        <Typography.Text data-testid="routed-claim-capital">{t('travel.routed.capital', { amount: capitalAmount(claim.totalFen) })}</Typography.Text>
        {claim.advanceFen > 0 && <Typography.Text type="secondary">{t('travel.routed.advance', { amount: formatYuan(claim.advanceFen), payable: formatYuan(claim.payableFen) })}</Typography.Text>}
      </Space>
      <Table<ClaimLine>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={claim.lines}
        data-testid="routed-claim-lines"
        columns={[
          { key: 'date', title: t('travel.leg.date'), dataIndex: 'date', width: 110 },
          { key: 'category', title: t('travel.col.what'), render: (_, l) => `${t(`travel.claimCategory.${l.category}`)}${l.city ? ` · ${l.city}` : ''}${l.description ? ` · ${l.description}` : ''}` },
          { key: 'amount', title: t('travel.col.amount'), align: 'right', width: 120, render: (_, l) => formatYuan(l.amountFen) },
          {
            key: 'over',
            title: '',
            render: (_, l) =>
              l.overStandard ? (
                <div data-testid="routed-over-standard" data-line={l.id}>
                  <Tag color="error">{t('travel.routed.overStandard', { limit: formatYuan(l.overStandard.limitFen) })}</Tag>
                  <Typography.Text type="secondary">{t('travel.routed.explanation', { text: l.overStandard.explanation })}</Typography.Text>
                </div>
              ) : null,
          },
        ]}
      />
      {claim.allowances.length > 0 && (
        <div style={{ marginTop: 8 }}>
          <Typography.Text type="secondary">{t('travel.routed.allowances')}: </Typography.Text>
          {claim.allowances.map((a, i) => (
            <Tag key={i}>
              {t(`travel.allowance.${a.kind}`, { days: a.days })} {formatYuan(a.amountFen)}
            </Tag>
          ))}
        </div>
      )}
    </div>
  );
}
