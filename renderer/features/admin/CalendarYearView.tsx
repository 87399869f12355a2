// Twelve month grids of the working calendar with their legend. Holidays carry 休 and
// adjusted working days 班, as on a printed Chinese calendar; the name is in the tooltip and
// in the day's accessible label.
import { memo, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { Card, Col, Row, Space, Tooltip, Typography, theme } from 'antd';
import { markedDays, monthGrid, monthName, weekdayInitials, type DayCell, type DayKind, type YearDays } from './calendarGrid';
import { holidayLabel } from './calendarData';

const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1);

interface Palette {
  background: string;
  color: string;
  mark: string;
}

function usePalette(): Record<DayKind, Palette> {
  const { token } = theme.useToken();
  return {
    holiday: { background: token.colorErrorBg, color: token.colorError, mark: token.colorError },
    workday: { background: token.colorInfoBg, color: token.colorText, mark: token.colorInfo },
    weekend: { background: token.colorFillTertiary, color: token.colorTextTertiary, mark: token.colorTextTertiary },
    normal: { background: 'transparent', color: token.colorText, mark: token.colorText },
  };
}

const cellBase: CSSProperties = {
  position: 'relative',
  width: '100%',
  height: 34,
  padding: 0,
  border: '1px solid transparent',
  borderRadius: 4,
  font: 'inherit',
  fontSize: 13,
  lineHeight: '32px',
  textAlign: 'center',
};

const markStyle: CSSProperties = { position: 'absolute', top: 1, right: 2, fontSize: 9, lineHeight: '10px', fontWeight: 600 };

interface ViewProps {
  days: YearDays;
  today: string;
  /** Null: the days are not clickable (read-only). */
  onPick: ((cell: DayCell) => void) | null;
}

export function CalendarYearView({ days, today, onPick }: ViewProps) {
  const marks = markedDays(days);
  return (
    <Row gutter={[16, 16]} data-testid="calendar-grid" data-year={days.year}>
      {MONTHS.map((month) => (
        <Col key={month} xs={24} sm={12} lg={8} xl={6}>
          <MonthCard year={days.year} month={month} marks={marks} today={today} onPick={onPick} />
        </Col>
      ))}
    </Row>
  );
}

interface MonthProps {
  year: number;
  month: number;
  marks: ReturnType<typeof markedDays>;
  today: string;
  onPick: ((cell: DayCell) => void) | null;
}

const MonthCard = memo(function MonthCard({ year, month, marks, today, onPick }: MonthProps) {
  const { i18n } = useTranslation();
  const weeks = monthGrid(year, month, marks);
  return (
    <Card size="small" title={monthName(i18n.language, month)} data-testid="calendar-month" data-month={month} styles={{ body: { padding: 8 } }}>
      {/* Each day's button names its date and kind; the weekday row is for the eye only. */}
      <div role="group" aria-label={monthName(i18n.language, month)} style={{ display: 'grid', gridTemplateColumns: 'repeat(7, 1fr)', gridTemplateRows: '20px repeat(6, 34px)', gap: 2 }}>
        {weekdayInitials(i18n.language).map((w, i) => (
          <Typography.Text key={i} type="secondary" aria-hidden style={{ textAlign: 'center', fontSize: 12 }}>
            {w}
          </Typography.Text>
        ))}
        {weeks.flat().map((cell, i) => (cell ? <Day key={cell.date} cell={cell} today={today} onPick={onPick} /> : <span key={`pad-${i}`} aria-hidden />))}
      </div>
    </Card>
  );
});

function Day({ cell, today, onPick }: { cell: DayCell; today: string; onPick: ((cell: DayCell) => void) | null }) {
  const { t } = useTranslation();
  const palette = usePalette();
  const { token } = theme.useToken();
  const colors = palette[cell.kind];
  const name = cell.holiday === null ? '' : holidayLabel(t, cell.holiday);
  const label = t(`admin.calendar.dayAria.${cell.kind}`, { date: cell.date, name });
  const style: CSSProperties = {
    ...cellBase,
    background: colors.background,
    color: colors.color,
    cursor: onPick ? 'pointer' : 'default',
    borderColor: cell.date === today ? token.colorPrimary : 'transparent',
    fontWeight: cell.kind === 'holiday' ? 600 : 400,
  };
  const mark = cell.kind === 'holiday' || cell.kind === 'workday' ? t(`admin.calendar.mark.${cell.kind}`) : null;
  const content = (
    <button
      type="button"
      aria-label={label}
      aria-disabled={onPick ? undefined : true}
      tabIndex={onPick ? 0 : -1}
      style={style}
      onClick={onPick ? () => onPick(cell) : undefined}
      data-testid="calendar-day"
      data-date={cell.date}
      data-kind={cell.kind}
      data-holiday={cell.holiday ?? ''}
    >
      {cell.day}
      {mark && (
        <span aria-hidden style={{ ...markStyle, color: colors.mark }}>
          {mark}
        </span>
      )}
    </button>
  );
  return name ? <Tooltip title={label}>{content}</Tooltip> : content;
}

/** What the colours and marks mean. */
export function CalendarLegend() {
  const { t } = useTranslation();
  const palette = usePalette();
  const { token } = theme.useToken();
  const swatch = (kind: DayKind, text: string, mark: string | null, border?: string) => (
    <Space size={6} key={kind + text}>
      <span
        aria-hidden
        style={{ ...cellBase, display: 'inline-block', width: 28, height: 22, lineHeight: '20px', fontSize: 12, fontWeight: 600, background: palette[kind].background, color: palette[kind].mark, borderColor: border ?? 'transparent' }}
      >
        {mark}
      </span>
      <Typography.Text>{text}</Typography.Text>
    </Space>
  );
  return (
    <Space wrap size={[20, 8]} data-testid="calendar-legend">
      {swatch('holiday', t('admin.calendar.legend.holiday'), t('admin.calendar.mark.holiday'))}
      {swatch('workday', t('admin.calendar.legend.workday'), t('admin.calendar.mark.workday'))}
      {swatch('weekend', t('admin.calendar.legend.weekend'), null)}
      {swatch('normal', t('admin.calendar.legend.normal'), null, token.colorBorderSecondary)}
      {swatch('normal', t('admin.calendar.legend.today'), null, token.colorPrimary)}
    </Space>
  );
}
