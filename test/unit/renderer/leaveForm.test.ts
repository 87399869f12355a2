// The leave form's synchronous day count, and the words used for spans, days, files and timelines.
import { describe, expect, it } from 'vitest';
import type { ApprovalStep, LeaveRequest } from '../../../shared/domain/leave';
import { previewDays, spanOf } from '../../../renderer/features/leave/leaveDays';
import { formatBytes, formatDays, formatList, formatSpan, inlineName } from '../../../renderer/features/leave/format';
import { currentStep, timelineOf } from '../../../renderer/features/leave/timeline';
import { stepLabel, stepModeText } from '../../../renderer/features/leave/stepLabel';
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

  it('counts calendar days for types that count them', () => {
    expect(previewDays({ startDate: '2026-03-06', endDate: '2026-03-09' }, 'calendar')).toEqual({ kind: 'days', days: 4 });
  });

  it('a weekend alone has no working days; an inverted span is invalid', () => {
    expect(previewDays({ startDate: '2026-03-07', endDate: '2026-03-08' })).toEqual({ kind: 'days', days: 0 });
    expect(previewDays({ startDate: '2026-03-04', endDate: '2026-03-02' })).toEqual({ kind: 'invalid' });
    expect(previewDays({ startDate: '2026-03-02', startHalf: 'pm', endDate: '2026-03-02', endHalf: 'am' })).toEqual({ kind: 'invalid' });
  });

  it('defaults the halves to whole days, and a whole-day type ignores them', () => {
    expect(spanOf({ startDate: '2026-03-02', endDate: '2026-03-03' })).toEqual({ startDate: '2026-03-02', startHalf: 'am', endDate: '2026-03-03', endHalf: 'pm' });
    expect(spanOf({ startDate: '2026-03-02', startHalf: 'pm', endDate: '2026-03-03', endHalf: 'am' }, 'day')).toEqual({ startDate: '2026-03-02', startHalf: 'am', endDate: '2026-03-03', endHalf: 'pm' });
  });
});

describe('formatting', () => {
  const zh = createI18n('zh-CN').t;
  const en = createI18n('en').t;
  const es = createI18n('es').t;

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

  it('counts days as the type counts them, with plurals', () => {
    expect(formatDays(zh, 2.5)).toBe('2.5 个工作日');
    expect(formatDays(en, 1)).toBe('1 working day');
    expect(formatDays(en, 0.5)).toBe('0.5 working days');
    expect(formatDays(zh, 98, 'calendar')).toBe('98 天（自然日）');
    expect(formatDays(en, 1, 'calendar')).toBe('1 calendar day');
    expect(formatDays(es, 15, 'calendar')).toBe('15 días naturales');
  });

  it('puts data names into sentences', () => {
    expect(inlineName('Annual leave', 'en')).toBe('annual leave');
    expect(inlineName('Vacaciones anuales', 'es')).toBe('vacaciones anuales');
    expect(inlineName('HR leave', 'en')).toBe('HR leave');
    expect(inlineName('年休假', 'zh-CN')).toBe('年休假');
  });

  it('sizes files and joins names as people write them', () => {
    expect(formatBytes(900, 'en')).toBe('900 B');
    expect(formatBytes(840 * 1024, 'en')).toBe('840 KB');
    expect(formatBytes(3.25 * 1024 * 1024, 'en')).toBe('3.3 MB');
    expect(formatList(['张伟', '李娜'], 'zh-CN')).toBe('张伟和李娜');
    expect(formatList(['Zhang Wei', 'Li Na'], 'en')).toBe('Zhang Wei and Li Na');
  });

  it('names steps by what they are, and says how several approvers decide', () => {
    expect(stepLabel(zh, { kind: 'manager', role: null })).toBe('直接上级');
    expect(stepLabel(zh, { kind: 'role', role: 'hr_officer' })).toBe('人事干部');
    expect(stepLabel(en, { kind: 'parent_department_head', role: null })).toBe('Head of the parent department');
    expect(stepModeText(zh, { mode: 'all', approverIds: ['a', 'b'] })).toBe('会签');
    expect(stepModeText(en, { mode: 'any', approverIds: ['a', 'b'] })).toBe('any one of them');
    expect(stepModeText(en, { mode: 'all', approverIds: ['a'] })).toBeNull();
  });
});

function step(patch: Partial<ApprovalStep>): ApprovalStep {
  return { kind: 'manager', role: null, mode: 'any', approverIds: [lina.id], delegates: [], status: 'pending', decisions: [], ...patch };
}

describe('timelineOf', () => {
  it('tells what happened, who decided in which step and for whom, then who still has to act', () => {
    const request = leaveRequest({
      days: 5,
      steps: [
        step({ status: 'approved', decisions: [{ approverId: lina.id, byId: 'u-zhaomin', decision: 'approved', at: '2026-02-21T01:00:00.000Z', comment: '同意' }] }),
        step({ kind: 'department_head', approverIds: [zhangwei.id], status: 'pending' }),
      ],
      history: [
        { at: '2026-02-20T01:00:00.000Z', actorId: demoUser.id, action: 'submitted', comment: null },
        { at: '2026-02-21T01:00:00.000Z', actorId: 'u-zhaomin', action: 'approved', comment: '同意', onBehalfOfId: lina.id },
      ],
    });
    expect(timelineOf(request)).toEqual([
      { kind: 'event', key: 'e0', action: 'submitted', phase: 'request', at: '2026-02-20T01:00:00.000Z', actorId: demoUser.id, onBehalfOfId: null, stepKind: null, role: null, comment: null },
      { kind: 'event', key: 'e1', action: 'approved', phase: 'request', at: '2026-02-21T01:00:00.000Z', actorId: 'u-zhaomin', onBehalfOfId: lina.id, stepKind: 'manager', role: null, comment: '同意' },
      { kind: 'step', key: 'r1', phase: 'request', status: 'pending', step: request.steps[1] },
    ]);
    expect(currentStep(request)).toMatchObject({ phase: 'request', index: 1, total: 2 });
  });

  it('shows no open steps once the request is final', () => {
    const request = leaveRequest({
      status: 'withdrawn',
      pendingApproverIds: [],
      steps: [step({ status: 'skipped' })],
      history: [
        { at: '2026-02-20T01:00:00.000Z', actorId: demoUser.id, action: 'submitted', comment: null },
        { at: '2026-02-20T02:00:00.000Z', actorId: demoUser.id, action: 'withdrawn', comment: null },
      ],
    });
    expect(timelineOf(request).map((i) => (i.kind === 'event' ? i.action : i.status))).toEqual(['submitted', 'withdrawn']);
    expect(currentStep(request)).toBeNull();
  });

  it('tells a cancellation’s approvals apart from the request’s, and shows what it still waits for', () => {
    const approvedStep = step({ status: 'approved', decisions: [{ approverId: lina.id, byId: lina.id, decision: 'approved', at: '2026-02-21T01:00:00.000Z', comment: null }] });
    const cancellationSteps = [
      step({ status: 'approved', decisions: [{ approverId: lina.id, byId: lina.id, decision: 'approved', at: '2026-02-24T01:00:00.000Z', comment: null }] }),
      step({ kind: 'department_head', approverIds: [zhangwei.id], status: 'pending' }),
    ];
    const request: LeaveRequest = leaveRequest({
      status: 'approved',
      steps: [approvedStep],
      cancellation: { reason: '工作安排变化', requestedAt: '2026-02-23T01:00:00.000Z', status: 'pending', steps: cancellationSteps },
      pendingApproverIds: [zhangwei.id],
      history: [
        { at: '2026-02-20T01:00:00.000Z', actorId: demoUser.id, action: 'submitted', comment: null },
        { at: '2026-02-21T01:00:00.000Z', actorId: lina.id, action: 'approved', comment: null },
        { at: '2026-02-23T01:00:00.000Z', actorId: demoUser.id, action: 'cancel_requested', comment: '工作安排变化' },
        { at: '2026-02-24T01:00:00.000Z', actorId: lina.id, action: 'approved', comment: null },
      ],
    });
    const items = timelineOf(request);
    expect(items.map((i) => (i.kind === 'event' ? `${i.action}:${i.phase}` : `${i.status}:${i.phase}`))).toEqual([
      'submitted:request',
      'approved:request',
      'cancel_requested:cancellation',
      'approved:cancellation',
      'pending:cancellation',
    ]);
    expect(currentStep(request)).toMatchObject({ phase: 'cancellation', index: 1, total: 2 });
  });
});
