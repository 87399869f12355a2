// Delegation (/delegation): who approves for me while I am away, and for whom I approve.
// A delegation in force sends my pending and new approvals to the acting approver, and the
// record says "approved by X on behalf of Y"; when it ends, what is still pending comes back.
import { useTranslation } from 'react-i18next';
import { Alert, App, Button, Card, Empty, List, Popconfirm, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { StopOutlined } from '@ant-design/icons';
import { agencyDate } from '../../../shared/calendar/dates';
import type { Delegation } from '../../../shared/domain/delegation';
import { useDirectory, useMyDelegations, useStore } from '../../db';
import { LoadingBlock } from '../../components/LoadingBlock';
import { testId } from '../../components/testId';
import { delegationLists, delegationPhase, type DelegationPhase } from './delegationLists';
import { DelegateForm } from './DelegateForm';
import { StandingSetting } from './StandingSetting';
import { useDelegationAction } from './useDelegationAction';

const PHASE_COLORS: Record<DelegationPhase, string> = { in_force: 'success', upcoming: 'processing', ended: 'default', standing: 'default' };

function useNameOf(): (id: string) => string {
  const { t } = useTranslation();
  const directory = useDirectory();
  return (id) => directory?.users.get(id)?.displayName ?? t('common.unknownUser');
}

function Dates({ d }: { d: Delegation }) {
  const { t } = useTranslation();
  if (d.startDate === null || d.endDate === null) return <>—</>;
  return <span style={{ whiteSpace: 'nowrap' }}>{d.startDate === d.endDate ? t('span.oneDay', { date: d.startDate }) : t('span.range', { start: d.startDate, end: d.endDate })}</span>;
}

function PhaseTag({ d, today }: { d: Delegation; today: string }) {
  const { t } = useTranslation();
  const phase = delegationPhase(d, today);
  return (
    <Tag color={PHASE_COLORS[phase]} data-testid="delegation-phase" data-phase={phase}>
      {t(`delegation.phase.${phase}`)}
    </Tag>
  );
}

export function DelegationPage() {
  const { t } = useTranslation();
  const store = useStore();
  const delegations = useMyDelegations();
  const directory = useDirectory();
  if (!delegations || !directory) return <LoadingBlock />;
  const today = agencyDate(new Date().toISOString());
  const lists = delegationLists(delegations, store.userId, today);

  return (
    <Space direction="vertical" size={24} style={{ width: '100%' }}>
      <Card title={<span data-testid="page-title">{t('delegation.title')}</span>}>
        <Space direction="vertical" size={16} style={{ width: '100%' }}>
          <Alert type="info" showIcon message={t('delegation.intro')} data-testid="delegation-intro" />
          <Typography.Title level={5} style={{ margin: 0 }}>
            {t('delegation.given.title')}
          </Typography.Title>
          <GivenTable delegations={lists.given} today={today} />
          <DelegateForm today={today} />
        </Space>
      </Card>
      <StandingSetting current={lists.standing} />
      <ActingCard acting={lists.actingFor} standingFor={lists.standingFor} today={today} />
    </Space>
  );
}

function GivenTable({ delegations, today }: { delegations: Delegation[]; today: string }) {
  const { t } = useTranslation();
  const nameOf = useNameOf();
  const act = useDelegationAction();
  const { message } = App.useApp();

  async function end(d: Delegation): Promise<void> {
    const failed = await act({ name: 'delegation.end', args: { id: d.id } }, t('delegation.ended', { name: nameOf(d.toUserId) }));
    if (failed) void message.error(failed);
  }

  const columns: TableColumnsType<Delegation> = [
    { key: 'to', title: t('delegation.col.to'), render: (_, d) => nameOf(d.toUserId) },
    { key: 'dates', title: t('delegation.col.dates'), render: (_, d) => <Dates d={d} /> },
    { key: 'kind', title: t('delegation.col.kind'), render: (_, d) => t(`delegation.kind.${d.kind}`) },
    { key: 'status', title: t('delegation.col.status'), render: (_, d) => <PhaseTag d={d} today={today} /> },
    { key: 'note', title: t('delegation.col.note'), render: (_, d) => d.note || '—' },
    {
      key: 'actions',
      title: t('delegation.col.actions'),
      render: (_, d) => {
        const upcoming = delegationPhase(d, today) === 'upcoming';
        return (
          <Popconfirm
            title={t(upcoming ? 'delegation.cancelConfirm' : 'delegation.endConfirm')}
            description={t('delegation.endConfirmDetail')}
            okText={t(upcoming ? 'delegation.cancel' : 'delegation.end')}
            cancelText={t('common.cancel')}
            okButtonProps={{ danger: true, ...testId('delegation-end-confirm') }}
            onConfirm={() => end(d)}
          >
            <Button size="small" danger icon={<StopOutlined />} data-testid="delegation-end">
              {t(upcoming ? 'delegation.cancel' : 'delegation.end')}
            </Button>
          </Popconfirm>
        );
      },
    },
  ];

  return (
    <Table<Delegation>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={delegations}
      pagination={false}
      onRow={(d) => testId('delegation-row', { id: d.id, to: d.toUserId })}
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('delegation.given.empty')} /> }}
      data-testid="delegation-given"
    />
  );
}

function ActingCard({ acting, standingFor, today }: { acting: Delegation[]; standingFor: Delegation[]; today: string }) {
  const { t } = useTranslation();
  const nameOf = useNameOf();
  const columns: TableColumnsType<Delegation> = [
    { key: 'from', title: t('delegation.col.from'), render: (_, d) => nameOf(d.fromUserId) },
    { key: 'dates', title: t('delegation.col.dates'), render: (_, d) => <Dates d={d} /> },
    { key: 'kind', title: t('delegation.col.kind'), render: (_, d) => t(`delegation.kind.${d.kind}`) },
    { key: 'status', title: t('delegation.col.status'), render: (_, d) => <PhaseTag d={d} today={today} /> },
    { key: 'note', title: t('delegation.col.note'), render: (_, d) => d.note || '—' },
  ];
  return (
    <Card title={t('delegation.acting.title')} data-testid="delegation-acting-card">
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {t('delegation.acting.hint')}
        </Typography.Paragraph>
        <Table<Delegation>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={acting}
          pagination={false}
          onRow={(d) => testId('delegation-acting-row', { id: d.id, from: d.fromUserId })}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('delegation.acting.empty')} /> }}
          data-testid="delegation-acting"
        />
        {standingFor.length > 0 && (
          <List
            size="small"
            dataSource={standingFor}
            renderItem={(d) => <List.Item data-testid="delegation-standing-for">{t('delegation.acting.standing', { name: nameOf(d.fromUserId) })}</List.Item>}
          />
        )}
      </Space>
    </Card>
  );
}
