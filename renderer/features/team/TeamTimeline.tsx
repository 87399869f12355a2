// People as rows, the month's days as columns: weekends and official holidays shaded, leave as
// bars (approved solid, pending hatched), half days as half cells. One CSS grid, so a bar is a
// single element spanning its days, with one tooltip.
import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import type { Department, User } from '../../../shared/domain/directory';
import { leaveTypeName, type LeaveTypeDef } from '../../../shared/domain/leaveTypes';
import { formatSpan } from '../leave/format';
import { awayCounts, type DayInfo, type LeaveBar } from './teamCalendar';
import { DAY_BACKGROUND, barStyle, typeColor } from './teamColors';
import { useHolidayName } from './holidayName';

const NAME_WIDTH = 132;
// 31 days fit beside the menu on a 1280-pixel screen; narrower windows scroll sideways.
const DAY_MIN_WIDTH = 26;
const ROW_HEIGHT = 36;

interface TeamTimelineProps {
  days: readonly DayInfo[];
  members: readonly User[];
  bars: ReadonlyMap<string, readonly LeaveBar[]>;
  types: readonly LeaveTypeDef[];
  departments: ReadonlyMap<string, Department>;
  today: string;
  /** Show each person's department under the name (when the team spans several). */
  showDepartment: boolean;
}

export function TeamTimeline({ days, members, bars, types, departments, today, showDepartment }: TeamTimelineProps) {
  const { t } = useTranslation();
  const counts = awayCounts(
    bars,
    members.map((m) => m.id),
    days.length,
  );
  const grid: CSSProperties = {
    display: 'grid',
    gridTemplateColumns: `${NAME_WIDTH}px repeat(${days.length}, minmax(${DAY_MIN_WIDTH}px, 1fr))`,
    gridAutoRows: `minmax(${ROW_HEIGHT}px, auto)`,
    minWidth: NAME_WIDTH + days.length * DAY_MIN_WIDTH,
    fontSize: 12,
  };
  const sticky: CSSProperties = { position: 'sticky', left: 0, zIndex: 3, background: '#fff', borderRight: '1px solid #f0f0f0', padding: '4px 8px' };
  const footerRow = members.length + 2;

  return (
    <div style={{ overflowX: 'auto', border: '1px solid #f0f0f0', borderRadius: 8 }} data-testid="team-timeline">
      <div role="grid" aria-rowcount={members.length + 2} style={grid}>
        <div role="columnheader" style={{ ...sticky, gridRow: 1, gridColumn: 1, fontWeight: 600, display: 'flex', alignItems: 'end' }}>
          {t('team.person')}
        </div>
        {days.map((d, i) => (
          <DayHeader key={d.date} day={d} column={i + 2} isToday={d.date === today} />
        ))}

        {members.map((member, r) => {
          const row = r + 2;
          const department = departments.get(member.departmentId);
          return (
            <div key={member.id} role="row" style={{ display: 'contents' }} data-testid="team-row" data-user={member.id}>
              <div role="rowheader" style={{ ...sticky, gridRow: row, gridColumn: 1, borderTop: '1px solid #f0f0f0', overflow: 'hidden' }}>
                <div style={{ fontWeight: 500, whiteSpace: 'nowrap', textOverflow: 'ellipsis', overflow: 'hidden' }}>{member.displayName}</div>
                {showDepartment && department && (
                  <Typography.Text type="secondary" style={{ fontSize: 11, whiteSpace: 'nowrap' }}>
                    {department.name}
                  </Typography.Text>
                )}
              </div>
              {days.map((d, i) => (
                <div
                  key={d.date}
                  role="gridcell"
                  aria-label={d.date}
                  style={{ gridRow: row, gridColumn: i + 2, background: DAY_BACKGROUND[d.kind], borderTop: '1px solid #f0f0f0', borderLeft: '1px solid #f5f5f5' }}
                />
              ))}
              {(bars.get(member.id) ?? []).map((bar) => (
                <Bar key={bar.requestId} bar={bar} row={row} member={member} types={types} />
              ))}
            </div>
          );
        })}

        <div role="rowheader" style={{ ...sticky, gridRow: footerRow, gridColumn: 1, borderTop: '1px solid #d9d9d9', color: '#595959' }}>
          {t('team.awayCount')}
        </div>
        {days.map((d, i) => {
          const approved = counts.approved[i] ?? 0;
          const pending = counts.pending[i] ?? 0;
          const working = d.kind === 'workday' || d.kind === 'adjusted';
          return (
            <div
              key={d.date}
              role="gridcell"
              data-testid="team-away-count"
              data-date={d.date}
              data-approved={approved}
              data-pending={pending}
              style={{ gridRow: footerRow, gridColumn: i + 2, textAlign: 'center', borderTop: '1px solid #d9d9d9', background: DAY_BACKGROUND[d.kind], padding: '6px 0', lineHeight: 1.2 }}
            >
              {working && approved + pending > 0 && (
                <Tooltip title={t('team.awayCountHint', { approved, pending })}>
                  <span>
                    {approved > 0 && <span style={{ fontWeight: 600 }}>{approved}</span>}
                    {pending > 0 && <span style={{ color: '#8c8c8c' }}>{approved > 0 ? `+${pending}` : pending}</span>}
                  </span>
                </Tooltip>
              )}
            </div>
          );
        })}
      </div>
    </div>
  );
}

function DayHeader({ day, column, isToday }: { day: DayInfo; column: number; isToday: boolean }) {
  const { t } = useTranslation();
  const holidayName = useHolidayName();
  const mark = day.kind === 'holiday' ? t('team.mark.holiday') : day.kind === 'adjusted' ? t('team.mark.adjusted') : null;
  const title = day.holiday ? (day.kind === 'adjusted' ? t('team.adjustedFor', { name: holidayName(day.holiday) }) : holidayName(day.holiday)) : undefined;
  return (
    <div
      role="columnheader"
      title={title}
      data-testid="team-day"
      data-date={day.date}
      data-kind={day.kind}
      style={{
        gridRow: 1,
        gridColumn: column,
        textAlign: 'center',
        padding: '4px 0',
        background: DAY_BACKGROUND[day.kind],
        borderBottom: isToday ? '2px solid #1677ff' : '1px solid #f0f0f0',
        color: day.kind === 'holiday' ? '#cf1322' : day.kind === 'weekend' ? '#8c8c8c' : undefined,
        lineHeight: 1.3,
      }}
    >
      <div style={{ fontWeight: isToday ? 700 : 500, color: isToday ? '#1677ff' : undefined }}>{day.day}</div>
      <div style={{ fontSize: 11 }}>{dayjs(day.date).format('dd')}</div>
      <div style={{ fontSize: 10, minHeight: 13, color: day.kind === 'adjusted' ? '#d46b08' : undefined }}>{mark}</div>
    </div>
  );
}

function Bar({ bar, row, member, types }: { bar: LeaveBar; row: number; member: User; types: readonly LeaveTypeDef[] }) {
  const { t, i18n } = useTranslation();
  const type = types.find((x) => x.id === bar.typeId);
  const name = leaveTypeName(type, i18n.language, bar.typeId);
  const span = bar.last - bar.first + 1;
  const color = typeColor(types, bar.typeId);
  const status = bar.status === 'approved' ? t('team.status.approved') : t('team.status.pending');
  const tip = (
    <div>
      <div style={{ fontWeight: 600 }}>{t('team.barTitle', { name: member.displayName, type: name })}</div>
      <div>{formatSpan(t, bar)}</div>
      <div>
        {t('team.barDays', { count: bar.days })} · {status}
        {bar.cancelling ? ` · ${t('team.cancelling')}` : ''}
      </div>
    </div>
  );
  return (
    <Tooltip title={tip}>
      <div
        data-testid="team-bar"
        data-request={bar.requestId}
        data-status={bar.status}
        data-type={bar.typeId}
        aria-label={`${member.displayName} ${name} ${formatSpan(t, bar)} ${status}`}
        style={{
          gridRow: row,
          gridColumn: `${bar.first + 2} / ${bar.last + 3}`,
          alignSelf: 'center',
          zIndex: 2,
          height: 20,
          // Percentages of a grid item's margins are of its grid area: half of one day's cell.
          marginLeft: bar.startsAtNoon ? `${50 / span}%` : 2,
          marginRight: bar.endsAtNoon ? `${50 / span}%` : 2,
          overflow: 'hidden',
          whiteSpace: 'nowrap',
          textOverflow: 'ellipsis',
          padding: '0 4px',
          lineHeight: '18px',
          cursor: 'default',
          ...barStyle(color, bar.status, bar.continuesBefore, bar.continuesAfter),
        }}
      >
        {span >= 2 ? name : null}
      </div>
    </Tooltip>
  );
}
