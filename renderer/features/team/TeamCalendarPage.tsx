// The team calendar: who on the manager's team is away in a month, approved and pending, on the
// official working calendar. The month is in the address (?month=2026-03), so Back and a
// bookmark return to it.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { Button, Card, DatePicker, Empty, Select, Space, Switch, Typography } from 'antd';
import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { agencyDate } from '../../../shared/calendar/dates';
import { useCalendarYears, useDirectory, useLeaveTypes, useRequestsOverlapping, useStore } from '../../db';
import { LoadingBlock } from '../../components/LoadingBlock';
import { leaveBars, monthDays, monthRange, shiftMonth, teamMembers } from './teamCalendar';
import { TeamLegend } from './TeamLegend';
import { TeamTimeline } from './TeamTimeline';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

export function TeamCalendarPage() {
  const { t } = useTranslation();
  const store = useStore();
  const [params, setParams] = useSearchParams();
  const today = agencyDate(new Date().toISOString());
  const asked = params.get('month') ?? '';
  const month = MONTH.test(asked) ? asked : today.slice(0, 7);
  const { from, to } = monthRange(month);
  const [departmentId, setDepartmentId] = useState<string | null>(null);
  const [onlyAway, setOnlyAway] = useState(false);

  const requests = useRequestsOverlapping(from, to);
  const directory = useDirectory();
  const types = useLeaveTypes();
  const years = useCalendarYears();

  const goTo = (next: string) => setParams(next === today.slice(0, 7) ? {} : { month: next }, { replace: false });

  const header = (
    <Space wrap size={8}>
      <Button icon={<LeftOutlined />} onClick={() => goTo(shiftMonth(month, -1))} aria-label={t('team.previousMonth')} data-testid="team-prev" />
      <DatePicker
        picker="month"
        allowClear={false}
        value={dayjs(`${month}-01`)}
        onChange={(d) => d && goTo(d.format('YYYY-MM'))}
        format={t('team.monthFormat')}
        data-testid="team-month"
      />
      <Button icon={<RightOutlined />} onClick={() => goTo(shiftMonth(month, 1))} aria-label={t('team.nextMonth')} data-testid="team-next" />
      <Button onClick={() => goTo(today.slice(0, 7))} disabled={month === today.slice(0, 7)} data-testid="team-this-month">
        {t('team.thisMonth')}
      </Button>
    </Space>
  );

  if (requests === undefined || directory === undefined || types === undefined || years === undefined) {
    return (
      <Card title={<span data-testid="page-title">{t('team.title')}</span>} extra={header}>
        <LoadingBlock />
      </Card>
    );
  }

  const members = teamMembers(store.userId, directory.users.values(), directory.departments.values(), requests);
  const bars = leaveBars(requests, month);
  const memberDepartments = [...new Set(members.map((m) => m.departmentId))];
  const shown = members.filter((m) => (departmentId === null || m.departmentId === departmentId) && (!onlyAway || (bars.get(m.id)?.length ?? 0) > 0));
  const days = monthDays(month, years);
  const typesInMonth = types.filter((type) => shown.some((m) => bars.get(m.id)?.some((b) => b.typeId === type.id)));

  return (
    <Card title={<span data-testid="page-title">{t('team.title')}</span>} extra={header}>
      <Space direction="vertical" size={12} style={{ width: '100%' }}>
        <Space wrap size={16} style={{ justifyContent: 'space-between', width: '100%' }}>
          <Space wrap size={16}>
            {memberDepartments.length > 1 && (
              <Select<string | null>
                value={departmentId}
                onChange={setDepartmentId}
                style={{ minWidth: 180 }}
                options={[
                  { value: null, label: t('team.allDepartments') },
                  ...memberDepartments.map((id) => ({ value: id, label: directory.departments.get(id)?.name ?? id })),
                ]}
                data-testid="team-department"
              />
            )}
            <Space size={6}>
              <Switch size="small" checked={onlyAway} onChange={setOnlyAway} data-testid="team-only-away" />
              <Typography.Text>{t('team.onlyAway')}</Typography.Text>
            </Space>
          </Space>
          <TeamLegend types={types} typesInMonth={typesInMonth} />
        </Space>
        {members.length <= 1 && (
          <Typography.Text type="secondary" data-testid="team-no-members">
            {t('team.noMembers')}
          </Typography.Text>
        )}
        {shown.length === 0 ? (
          <Empty description={t('team.nobodyAway')} />
        ) : (
          <TeamTimeline days={days} members={shown} bars={bars} types={types} departments={directory.departments} today={today} showDepartment={memberDepartments.length > 1} />
        )}
      </Space>
    </Card>
  );
}
