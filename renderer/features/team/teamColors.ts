// Colours of the team calendar: one hue per leave type (by its place in HR's list, so a type
// keeps its colour from month to month), solid for approved leave, hatched for pending.
import type { CSSProperties } from 'react';
import type { LeaveTypeDef } from '../../../shared/domain/leaveTypes';
import type { BarStatus, DayKind } from './teamCalendar';

/**
 * antd's palette, one hue per type and none alike (two blues side by side read as one type).
 * No red and no grey: those mean holidays and the neutral legend swatches.
 */
const PALETTE = ['#1677ff', '#fa8c16', '#52c41a', '#eb2f96', '#13c2c2', '#722ed1', '#d4b106', '#ad4e00', '#5b8c00', '#c41d7f'] as const;

export const DAY_BACKGROUND: Record<DayKind, string> = {
  workday: '#ffffff',
  weekend: '#f5f5f5',
  holiday: '#fff1f0',
  adjusted: '#fff7e6',
};

export function typeColor(types: readonly Pick<LeaveTypeDef, 'id'>[], typeId: string): string {
  const index = types.findIndex((t) => t.id === typeId);
  return PALETTE[(index < 0 ? 0 : index) % PALETTE.length] ?? PALETTE[0];
}

/** A bar's look: approved solid; pending lighter, hatched and dashed, so it reads as "not yet". */
export function barStyle(color: string, status: BarStatus, continuesBefore = false, continuesAfter = false): CSSProperties {
  const radius = `${continuesBefore ? 0 : 4}px ${continuesAfter ? 0 : 4}px ${continuesAfter ? 0 : 4}px ${continuesBefore ? 0 : 4}px`;
  if (status === 'approved') return { background: color, color: '#fff', border: `1px solid ${color}`, borderRadius: radius };
  return {
    background: `repeating-linear-gradient(135deg, ${color}33 0 4px, #ffffff 4px 8px)`,
    color,
    border: `1px dashed ${color}`,
    borderRadius: radius,
  };
}
