// The live summary under the trip form: days and working days (official calendar), how far
// the trip goes, and who the policy will route it to, all as travel.submit would decide them.
import { useTranslation } from 'react-i18next';
import { Descriptions, Tag, Typography } from 'antd';
import type { TravelStandards } from '../../../shared/domain/travelStandards';
import { useDirectory, useDocQuery } from '../../db';
import { RouteView } from '../leave/ApprovalSteps';
import { delegationsOf } from '../leave/route';
import { previewTrip, tripScope, tripSpan, type LegDraft } from './tripDraft';

interface TripSummaryProps {
  standards: TravelStandards | null;
  drafts: LegDraft[];
  amountFen: number;
  today: string;
}

export function TripSummary({ standards, drafts, amountFen, today }: TripSummaryProps) {
  const { t } = useTranslation();
  const directory = useDirectory();
  const span = tripSpan(drafts);
  const datedLegs = drafts.filter((d) => d.date).length;
  const scope = tripScope(standards, drafts.map((d) => d.toCity ?? ''));
  const preview = useDocQuery(
    async (tx, userId) => {
      if (!span || !scope) return null;
      const result = await previewTrip(tx, userId, span, scope, amountFen, today);
      return result ? { ...result, delegations: await delegationsOf(tx, result.steps) } : null;
    },
    [span?.startDate, span?.endDate, span?.tripDays, scope, amountFen, today],
  );
  const none = <Typography.Text type="secondary">—</Typography.Text>;

  return (
    <Descriptions column={1} size="small" bordered style={{ marginBottom: 24, maxWidth: 720 }} title={t('travel.summary.label')} data-testid="trip-summary">
      <Descriptions.Item label={t('travel.detail.days')}>
        <span data-testid="trip-days" data-days={span?.tripDays ?? ''} data-working={preview?.workingDays ?? ''}>
          {span && preview
            ? t('travel.summary.days', { days: span.tripDays, working: preview.workingDays })
            : t(datedLegs > 0 && !span ? 'travel.summary.backwards' : 'travel.summary.incomplete')}
        </span>
      </Descriptions.Item>
      <Descriptions.Item label={t('travel.detail.scope')}>
        {scope ? (
          <Tag color={scope === 'in_province' ? 'green' : scope === 'abroad' ? 'red' : 'orange'} data-testid="trip-scope" data-scope={scope}>
            {t(`travel.scope.${scope}`)}
          </Tag>
        ) : (
          none
        )}
      </Descriptions.Item>
      <Descriptions.Item label={t('travel.approvers.label')}>
        {preview && directory ? (
          <div data-testid="trip-approvers">
            <RouteView steps={preview.steps} ctx={{ users: directory.users, delegations: preview.delegations, today }} />
          </div>
        ) : (
          none
        )}
      </Descriptions.Item>
    </Descriptions>
  );
}
