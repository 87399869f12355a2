// Who will approve, before the user submits: the same planApprovalChain the mutator runs,
// over the directory already in the local database.
import { Fragment, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Typography } from 'antd';
import { ArrowRightOutlined } from '@ant-design/icons';
import type { Department, User } from '../../../shared/domain/directory';
import type { CollectionName, Collections, DocTx } from '../../../shared/mutators/types';
import { planApprovalChain, type PlannedStep } from '../../../shared/workflow/approvalChain';
import { useDirectory, useStore } from '../../db';

interface Directory {
  users: Map<string, User>;
  departments: Map<string, Department>;
}

/** A read-only DocTx over the in-memory directory (the chain reads users and departments). */
export function directoryLookup(directory: Directory): Pick<DocTx, 'get'> {
  return {
    async get<C extends CollectionName>(collection: C, id: string): Promise<Collections[C] | undefined> {
      if (collection === 'users') return directory.users.get(id) as Collections[C] | undefined;
      if (collection === 'departments') return directory.departments.get(id) as Collections[C] | undefined;
      return undefined;
    },
  };
}

export function ApprovalPreview({ days }: { days: number }) {
  const { t } = useTranslation();
  const store = useStore();
  const directory = useDirectory();
  const [plan, setPlan] = useState<{ days: number; directory: Directory; steps: PlannedStep[] } | null>(null);

  useEffect(() => {
    const requester = directory?.users.get(store.userId);
    if (!directory || !requester || days <= 0) return;
    let cancelled = false;
    void planApprovalChain(directoryLookup(directory), requester, days).then((steps) => {
      if (!cancelled) setPlan({ days, directory, steps });
    });
    return () => {
      cancelled = true;
    };
  }, [directory, store.userId, days]);

  // Show nothing stale: only a plan made for these days and this directory.
  if (!plan || plan.days !== days || plan.directory !== directory) return <Typography.Text type="secondary">—</Typography.Text>;
  if (plan.steps.length === 0) return <Typography.Text type="warning">{t('leave.approvers.none')}</Typography.Text>;
  return (
    <span data-testid="leave-approvers">
      {plan.steps.map((step, i) => (
        <Fragment key={`${step.approverId}-${step.role}`}>
          {i > 0 && <ArrowRightOutlined style={{ margin: '0 8px', color: '#999' }} />}
          <Typography.Text>{t('leave.approvers.step', { name: plan.directory.users.get(step.approverId)?.displayName ?? t('common.unknownUser'), role: t(`role.${step.role}`) })}</Typography.Text>
        </Fragment>
      ))}
    </span>
  );
}
