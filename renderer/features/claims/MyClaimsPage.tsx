// /claims: the user's claims; /claims/:id opens one in a drawer (withdraw while pending, print).
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { App, Button, Card, Drawer, Empty, Popconfirm, Space, Table, type TableColumnsType } from 'antd';
import { EyeOutlined, PlusOutlined, PrinterOutlined, RollbackOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import type { Claim } from '../../../shared/domain/claim';
import { MutationRejected } from '../../../shared/mutators';
import { formatYuan } from '../../../shared/money/money';
import { useMyClaims, useStore } from '../../db';
import { testId } from '../../components/testId';
import { reasonMessage } from '../../i18n/reasons';
import { ClaimDetail } from './ClaimDetail';
import { ClaimStatusTag } from './ClaimStatusTag';

export function MyClaimsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { id } = useParams();
  const claims = useMyClaims();
  const selected = id === undefined || claims === undefined ? undefined : (claims.find((c) => c.id === id) ?? null);

  const columns: TableColumnsType<Claim> = [
    { key: 'title', title: t('claims.col.title'), dataIndex: 'title' },
    { key: 'total', title: t('claims.col.total'), align: 'right', width: 140, render: (_, c) => formatYuan(c.totalFen) },
    { key: 'status', title: t('claims.col.status'), width: 220, render: (_, c) => <ClaimStatusTag claim={c} /> },
    { key: 'createdAt', title: t('claims.col.submittedAt'), width: 160, render: (_, c) => dayjs(c.createdAt).format('YYYY-MM-DD HH:mm') },
    {
      key: 'actions',
      title: t('claims.col.actions'),
      width: 120,
      render: (_, c) => (
        <Button size="small" icon={<EyeOutlined />} onClick={() => navigate(`/claims/${c.id}`)} data-testid="claim-view">
          {t('claims.view')}
        </Button>
      ),
    },
  ];

  return (
    <Card
      title={<span data-testid="page-title">{t('claims.list.title')}</span>}
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/claims/new')} data-testid="new-claim-button">
          {t('claims.list.new')}
        </Button>
      }
    >
      <Table<Claim>
        rowKey="id"
        columns={columns}
        dataSource={claims ?? []}
        loading={claims === undefined}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        onRow={(c) => testId('claim-row', { id: c.id, status: c.status })}
        locale={{ emptyText: claims === undefined ? ' ' : <Empty description={t('claims.list.empty')} /> }}
        scroll={{ x: true }}
      />
      <Drawer open={id !== undefined} onClose={() => navigate('/claims')} width={880} title={t('claims.detail.title')} destroyOnClose>
        {selected === null ? <Empty description={t('claims.detail.notFound')} /> : selected ? <ClaimDetail claim={selected} actions={<ClaimActions claim={selected} />} /> : null}
      </Drawer>
    </Card>
  );
}

function ClaimActions({ claim }: { claim: Claim }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const store = useStore();
  const navigate = useNavigate();

  async function withdraw(): Promise<void> {
    try {
      await store.mutate('claim.withdraw', { id: claim.id });
      void message.success(t('claims.withdrawn'));
    } catch (err) {
      void message.error(err instanceof MutationRejected ? reasonMessage(t, err.code, err.params) : t('common.unexpectedError'));
    }
  }

  return (
    <Space wrap>
      {claim.status === 'pending' && (
        <Popconfirm title={t('claims.withdrawConfirm')} onConfirm={() => withdraw()} okButtonProps={{ danger: true, 'data-testid': 'claim-withdraw-confirm' }}>
          <Button icon={<RollbackOutlined />} data-testid="claim-withdraw">
            {t('claims.withdraw')}
          </Button>
        </Popconfirm>
      )}
      <Button icon={<PrinterOutlined />} onClick={() => navigate(`/print/claim/${claim.id}`)} data-testid="claim-print">
        {t('claims.print')}
      </Button>
    </Space>
  );
}
