// The leave form's live day count and the words used for spans and timelines.
import { describe, expect, it } from 'vitest';
import { previewDays, spanOf } from '../../../renderer/features/leave/leaveDays';
import { formatDays, formatSpan } from '../../../renderer/features/leave/format';
import { timelineOf } from '../../../renderer/features/leave/timeline';
import { createI18n } from '../../../renderer/i18n/createI18n';
import { demoUser, leaveRequest, lina, zhangwei } from './fixtures';

describe('previewDays', () => {
  it('waits for both dates', () => {
    expect(previewDays({})).toEqual({ kind: 'incomplete' });
    expect(previewDays({ startDate: '2026-03-02' })).toEqual({ kind: 'incomplete' });
    expect(previewDays({ startDate: '2026-03-02', endDate: '2026-3-4' })).toEqual({ kind: 'incomplete' });
  });

  it('counts working days in half-day steps, like the mutator', () => {
    // Monday 2 March 2026 to Friday 6 March.
    expect(previewDays({ startDate: '2026-03-02', startHalf: 'am', endDate: '2026-03-06', endHalf: 'pm' })).toEqual({ kind: 'days', days: 5 });
    expect(previewDays({ startDate: '2026-03-02', startHalf: 'pm', endDate: '2026-03-06', endHalf: 'am' })).toEqual({ kind: 'days', days: 4 });
    expect(previewDays({ startDate: '2026-03-02', startHalf: 'am', endDate: '2026-03-02', endHalf: 'am' })).toEqual({ kind: 'days', days: 0.5 });
    // Friday to Monday: the weekend does not count.
    expect(previewDays({ startDate: '2026-03-06', endDate: '2026-03-09' })).toEqual({ kind: 'days', days: 2 });
  });

  it('a weekend alone has no working days; an inverted span is invalid', () => {
    expect(previewDays({ startDate: '2026-03-07', endDate: '2026-03-08' })).toEqual({ kind: 'days', days: 0 });
    expect(previewDays({ startDate: '2026-03-04', endDate: '2026-03-02' })).toEqual({ kind: 'invalid' });
    expect(previewDays({ startDate: '2026-03-02', startHalf: 'pm', endDate: '2026-03-02', endHalf: 'am' })).toEqual({ kind: 'invalid' });
  });

  it('defaults the halves to whole days', () => {
    expect(spanOf({ startDate: '2026-03-02', endDate: '2026-03-03' })).toEqual({ startDate: '2026-03-02', startHalf: 'am', endDate: '2026-03-03', endHalf: 'pm' });
  });
});

describe('formatSpan / formatDays', () => {
  const zh = createI18n('zh-CN').t;
  const en = createI18n('en').t;

  it('leaves out halves for whole days', () => {
    expect(formatSpan(zh, { startDate: '2026-03-02', startHalf: 'am', endDate: '2026-03-04', endHalf: 'pm' })).toBe('2026-03-02 至 2026-03-04');
    expect(formatSpan(zh, { startDate: '2026-03-02', startHalf: 'am', endDate: '2026-03-02', endHalf: 'pm' })).toBe('2026-03-02');
    expect(formatSpan(en, { startDate: '2026-03-02', startHalf: 'am', endDate: '2026-03-04', endHalf: 'pm' })).toBe('2026-03-02 to 2026-03-04');
  });

  it('names the halves otherwise', () => {
    expect(formatSpan(zh, { startDate: '2026-03-02', startHalf: 'pm', endDate: '2026-03-04', endHalf: 'am' })).toBe('2026-03-02 下午 至 2026-03-04 上午');
    expect(formatSpan(zh, { startDate: '2026-03-02', startHalf: 'pm', endDate: '2026-03-02', endHalf: 'pm' })).toBe('2026-03-02 下午');
    expect(formatSpan(en, { startDate: '2026-03-02', startHalf: 'pm', endDate: '2026-03-04', endHalf: 'pm' })).toBe('2026-03-02 afternoon to 2026-03-04 afternoon');
  });

  it('counts days with plurals', () => {
    expect(formatDays(zh, 2.5)).toBe('2.5 个工作日');
    expect(formatDays(en, 1)).toBe('1 working day');
    expect(formatDays(en, 0.5)).toBe('0.5 working days');
  });
});

describe('timelineOf', () => {
  it('tells what happened, then who still has to act', () => {
    const request = leaveRequest({
      days: 5,
      steps: [
        { approverId: lina.id, role: 'manager', status: 'approved', decidedAt: '2026-02-21T01:00:00.000Z', comment: '同意' },
        { approverId: zhangwei.id, role: 'department_head', status: 'pending', decidedAt: null, comment: null },
      ],
      pendingApproverId: zhangwei.id,
      history: [
        { at: '2026-02-20T01:00:00.000Z', actorId: demoUser.id, action: 'submitted', comment: null },
        { at: '2026-02-21T01:00:00.000Z', actorId: lina.id, action: 'approved', comment: '同意' },
      ],
    });
    expect(timelineOf(request)).toEqual([
      { kind: 'event', key: 'e0', action: 'submitted', at: '2026-02-20T01:00:00.000Z', actorId: demoUser.id, role: null, comment: null },
      { kind: 'event', key: 'e1', action: 'approved', at: '2026-02-21T01:00:00.000Z', actorId: lina.id, role: 'manager', comment: '同意' },
      { kind: 'step', key: 's1', status: 'pending', approverId: zhangwei.id, role: 'department_head' },
    ]);
  });

  it('shows no open steps once the request is final', () => {
    const request = leaveRequest({
      status: 'withdrawn',
      pendingApproverId: null,
      steps: [{ approverId: lina.id, role: 'manager', status: 'skipped', decidedAt: null, comment: null }],
      history: [
        { at: '2026-02-20T01:00:00.000Z', actorId: demoUser.id, action: 'submitted', comment: null },
        { at: '2026-02-20T02:00:00.000Z', actorId: demoUser.id, action: 'withdrawn', comment: null },
      ],
    });
    expect(timelineOf(request).map((i) => (i.kind === 'event' ? i.action : i.status))).toEqual(['submitted', 'withdrawn']);
  });
});
