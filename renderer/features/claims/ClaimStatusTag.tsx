import { useTranslation } from 'react-i18next';
import { Tag } from 'antd';
import type { Claim, ClaimStatus } from '../../../shared/domain/claim';

const COLOR: Record<ClaimStatus, string> = { pending: 'processing', approved: 'warning', rejected: 'error', withdrawn: 'default', paid: 'success' };

/** A claim's status; a paid claim names its payment reference, which staff quote to finance. */
export function ClaimStatusTag({ claim }: { claim: Pick<Claim, 'status' | 'payment'> }) {
  const { t } = useTranslation();
  return (
    <Tag color={COLOR[claim.status]} data-testid="claim-status">
      {claim.status === 'paid' && claim.payment ? t('claims.paidWith', { reference: claim.payment.reference }) : t(`claims.status.${claim.status}`)}
    </Tag>
  );
}
