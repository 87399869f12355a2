// "Allocate for the year": explains the rule of the chosen type, shows what the run would do,
// and runs ledger.allocateYear. Running it twice is harmless: people who already have the
// year's allocation are skipped, so HR can run it again after new colleagues join.
import { useTranslation } from 'react-i18next';
import { Alert, App, Button, Space, Typography } from 'antd';
import type { User } from '../../../shared/domain/directory';
import type { LeaveTypeDef } from '../../../shared/domain/leaveTypes';
import type { LedgerEntry } from '../../../shared/domain/ledger';
import { MutationRejected } from '../../../shared/mutators';
import { useStore } from '../../db';
import { reasonMessage } from '../../i18n/reasons';
import { allocationPlan } from './hrBalances';

interface AllocateYearProps {
  type: LeaveTypeDef;
  typeName: string;
  year: number;
  users: Iterable<User>;
  entries: readonly LedgerEntry[];
}

export function AllocateYear({ type, typeName, year, users, entries }: AllocateYearProps) {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const store = useStore();

  if (type.allocation === 'none') {
    return <Alert type="info" showIcon message={t('hr.allocate.none', { type: typeName })} data-testid="hr-allocate-none" />;
  }

  const plan = allocationPlan(type, year, users, entries);
  const expires = type.carryOverUntil ? `${year + 1}-${type.carryOverUntil}` : `${year}-12-31`;
  const rule = type.allocation === 'decree514' ? t('hr.allocate.ruleDecree514') : t('hr.allocate.ruleFixed', { days: type.fixedDays });

  async function run(): Promise<void> {
    try {
      await store.mutate('ledger.allocateYear', { typeId: type.id, year });
      void message.success(t('hr.allocate.done', { count: plan.toAllocate.length, year, type: typeName }));
    } catch (e) {
      if (e instanceof MutationRejected) void message.error(reasonMessage(t, e.code, e.params));
      else throw e;
    }
  }

  function confirm(): void {
    modal.confirm({
      title: t('hr.allocate.confirmTitle', { year, type: typeName }),
      content: (
        <Space direction="vertical">
          <span>{t('hr.allocate.confirmBody', { count: plan.toAllocate.length, days: plan.totalDays })}</span>
          {plan.alreadyAllocated > 0 && <span>{t('hr.allocate.skipped', { count: plan.alreadyAllocated })}</span>}
          <span>{t('hr.allocate.expires', { date: expires })}</span>
        </Space>
      ),
      okText: t('hr.allocate.run'),
      cancelText: t('common.cancel'),
      okButtonProps: { 'data-testid': 'hr-allocate-confirm' },
      onOk: run,
    });
  }

  return (
    <Space direction="vertical" size={8} style={{ width: '100%' }} data-testid="hr-allocate">
      <Typography.Paragraph style={{ margin: 0 }}>{rule}</Typography.Paragraph>
      <Typography.Text type="secondary">
        {t('hr.allocate.status', { year, allocated: plan.alreadyAllocated, remaining: plan.toAllocate.length })} {t('hr.allocate.expires', { date: expires })}
      </Typography.Text>
      <div>
        <Button type="primary" onClick={confirm} disabled={plan.toAllocate.length === 0} data-testid="hr-allocate-button">
          {plan.toAllocate.length === 0 ? t('hr.allocate.allDone', { year }) : t('hr.allocate.button', { year })}
        </Button>
      </div>
    </Space>
  );
}
