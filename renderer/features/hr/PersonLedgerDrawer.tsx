// One person's balance of a type and its ledger, for HR: what was allocated, used, given back
// and adjusted, each with its reason and the leave it belongs to.
import { useTranslation } from 'react-i18next';
import { Button, Drawer, Space } from 'antd';
import type { LeaveTypeDef } from '../../../shared/domain/leaveTypes';
import { useRequestsOf } from '../../db';
import { BalanceCard } from '../balances/BalanceCard';
import { LedgerTable } from '../balances/LedgerTable';
import type { StaffBalanceRow } from './hrBalances';

interface PersonLedgerDrawerProps {
  row: StaffBalanceRow | undefined;
  type: LeaveTypeDef;
  typeName: string;
  types: readonly LeaveTypeDef[];
  onClose: () => void;
  onAdjust: (userId: string) => void;
}

export function PersonLedgerDrawer({ row, type, typeName, types, onClose, onAdjust }: PersonLedgerDrawerProps) {
  const { t } = useTranslation();
  const requests = useRequestsOf(row?.user.id ?? null);
  return (
    <Drawer
      open={row !== undefined}
      onClose={onClose}
      title={row ? t('hr.balances.ledgerTitle', { name: row.user.displayName, type: typeName }) : ''}
      width={760}
      destroyOnHidden
      extra={
        row && (
          <Button type="primary" onClick={() => onAdjust(row.user.id)} data-testid="hr-drawer-adjust">
            {t('hr.balances.adjust')}
          </Button>
        )
      }
    >
      {row && (
        <Space direction="vertical" size={16} style={{ width: '100%' }} data-testid="hr-ledger-drawer">
          <BalanceCard type={type} balance={row.balance} />
          <LedgerTable entries={row.entries} types={types} requests={new Map((requests ?? []).map((r) => [r.id, r]))} showType={false} pageSize={10} />
        </Space>
      )}
    </Drawer>
  );
}
