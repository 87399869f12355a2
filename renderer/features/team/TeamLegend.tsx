// What the colours and patterns of the team calendar mean.
import type { CSSProperties, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Space, Typography } from 'antd';
import { leaveTypeName, type LeaveTypeDef } from '../../../shared/domain/leaveTypes';
import { DAY_BACKGROUND, barStyle, typeColor } from './teamColors';

const SWATCH: CSSProperties = { display: 'inline-block', width: 18, height: 12, verticalAlign: 'middle', marginRight: 6 };

function Item({ swatch, children }: { swatch: CSSProperties; children: ReactNode }) {
  return (
    <span style={{ whiteSpace: 'nowrap' }}>
      <span style={{ ...SWATCH, ...swatch }} aria-hidden />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {children}
      </Typography.Text>
    </span>
  );
}

export function TeamLegend({ types, typesInMonth }: { types: readonly LeaveTypeDef[]; typesInMonth: readonly LeaveTypeDef[] }) {
  const { t, i18n } = useTranslation();
  const neutral = '#8c8c8c';
  return (
    <Space wrap size={[16, 4]} data-testid="team-legend">
      {typesInMonth.map((type) => (
        <Item key={type.id} swatch={barStyle(typeColor(types, type.id), 'approved')}>
          {leaveTypeName(type, i18n.language, type.id)}
        </Item>
      ))}
      <Item swatch={barStyle(neutral, 'approved')}>{t('team.legend.approved')}</Item>
      <Item swatch={barStyle(neutral, 'pending')}>{t('team.legend.pending')}</Item>
      <Item swatch={{ background: DAY_BACKGROUND.weekend, border: '1px solid #d9d9d9' }}>{t('team.legend.weekend')}</Item>
      <Item swatch={{ background: DAY_BACKGROUND.holiday, border: '1px solid #ffccc7' }}>{t('team.legend.holiday')}</Item>
      <Item swatch={{ background: DAY_BACKGROUND.adjusted, border: '1px solid #ffd591' }}>{t('team.legend.adjusted')}</Item>
    </Space>
  );
}
