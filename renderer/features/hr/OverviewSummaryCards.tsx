// The figures above HR's table: requests, people, days approved and pending, and days by type.
import { useTranslation } from 'react-i18next';
import { Col, Row, Statistic, Table, type TableColumnsType } from 'antd';
import { leaveTypeName, type LeaveTypeDef } from '../../../shared/domain/leaveTypes';
import type { OverviewSummary, TypeTotal } from './overview';

export function OverviewSummaryCards({ summary, types, inPeriod }: { summary: OverviewSummary; types: readonly LeaveTypeDef[]; inPeriod: boolean }) {
  const { t, i18n } = useTranslation();
  const typeById = new Map(types.map((type) => [type.id, type]));
  const columns: TableColumnsType<TypeTotal> = [
    { key: 'type', title: t('hr.col.type'), render: (_, row) => leaveTypeName(typeById.get(row.typeId), i18n.language, row.typeId) },
    { key: 'requests', title: t('hr.summary.requests'), dataIndex: 'requests', align: 'right' },
    { key: 'approved', title: t('hr.summary.approvedDays'), dataIndex: 'approvedDays', align: 'right' },
    { key: 'pending', title: t('hr.summary.pendingDays'), dataIndex: 'pendingDays', align: 'right' },
  ];
  return (
    <Row gutter={[16, 16]} data-testid="hr-summary">
      <Col xs={24} lg={10}>
        <Row gutter={[16, 16]}>
          <Col span={12}>
            <Statistic title={t('hr.summary.requests')} value={summary.requests} data-testid="hr-summary-requests" />
          </Col>
          <Col span={12}>
            <Statistic title={t('hr.summary.people')} value={summary.people} data-testid="hr-summary-people" />
          </Col>
          <Col span={12}>
            <Statistic title={inPeriod ? t('hr.summary.approvedDaysInPeriod') : t('hr.summary.approvedDays')} value={summary.approvedDays} data-testid="hr-summary-approved" />
          </Col>
          <Col span={12}>
            <Statistic title={inPeriod ? t('hr.summary.pendingDaysInPeriod') : t('hr.summary.pendingDays')} value={summary.pendingDays} data-testid="hr-summary-pending" />
          </Col>
        </Row>
      </Col>
      <Col xs={24} lg={14}>
        <Table<TypeTotal> rowKey="typeId" size="small" columns={columns} dataSource={summary.byType} pagination={false} data-testid="hr-summary-by-type" locale={{ emptyText: t('hr.empty') }} />
      </Col>
    </Row>
  );
}
