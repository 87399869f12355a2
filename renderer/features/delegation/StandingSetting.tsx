// "When I am on approved leave, route to": one standing rule per person (delegation.set, kind
// 'standing'). Each approval of my leave then puts a delegation in force for exactly its dates.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Card, Select, Space, Typography } from 'antd';
import type { Delegation } from '../../../shared/domain/delegation';
import { randomId, useDirectory, useStore } from '../../db';
import { personOptions } from '../admin/directoryOptions';
import { useDelegationAction } from './useDelegationAction';

/** The select's value for "nobody". */
const NOBODY = '';

export function StandingSetting({ current }: { current: Delegation | null }) {
  // Remounted when the saved setting changes, so the choice starts from it.
  return <StandingForm key={current ? `${current.id}:${current.toUserId}` : 'none'} current={current} />;
}

function StandingForm({ current }: { current: Delegation | null }) {
  const { t } = useTranslation();
  const store = useStore();
  const directory = useDirectory();
  const act = useDelegationAction();
  const saved = current?.toUserId ?? NOBODY;
  const [choice, setChoice] = useState(saved);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const people = directory ? personOptions(directory.users.values(), directory.departments, store.userId) : [];
  const nameOf = (id: string) => directory?.users.get(id)?.displayName ?? t('common.unknownUser');

  async function save(): Promise<void> {
    setBusy(true);
    setError(null);
    let failed: string | null = null;
    if (choice === NOBODY) {
      if (current) failed = await act({ name: 'delegation.end', args: { id: current.id } }, t('delegation.standing.cleared'));
    } else {
      // Keeps the rule's id when changing the person: one standing rule, edited in place.
      const args = { id: current?.id ?? randomId(), kind: 'standing' as const, toUserId: choice, startDate: null, endDate: null, note: '' };
      failed = await act({ name: 'delegation.set', args }, t('delegation.standing.saved', { name: nameOf(choice) }));
    }
    setBusy(false);
    setError(failed);
  }

  return (
    <Card title={t('delegation.standing.title')} data-testid="delegation-standing">
      <Space direction="vertical" size={12} style={{ width: '100%' }}>
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {t('delegation.standing.hint')}
        </Typography.Paragraph>
        <Typography.Text data-testid="delegation-standing-current" data-to={current?.toUserId ?? ''}>
          {current ? t('delegation.standing.current', { name: nameOf(current.toUserId) }) : t('delegation.standing.currentNone')}
        </Typography.Text>
        <Space wrap>
          <Select
            showSearch
            value={choice}
            onChange={(v: string) => {
              setChoice(v);
              setError(null);
            }}
            options={[{ value: NOBODY, label: t('delegation.standing.none') }, ...people]}
            optionFilterProp="label"
            aria-label={t('delegation.standing.person')}
            style={{ width: 280 }}
            data-testid="delegation-standing-select"
          />
          <Button type="primary" loading={busy} disabled={choice === saved} onClick={() => void save()} data-testid="delegation-standing-save">
            {t('delegation.standing.save')}
          </Button>
        </Space>
        {error && <Alert type="error" showIcon role="alert" message={error} data-testid="delegation-standing-error" />}
      </Space>
    </Card>
  );
}
