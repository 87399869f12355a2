// The team calendar's model: a month on the official calendar, the manager's team, and leave
// as bars over the days.
import { describe, expect, it } from 'vitest';
import { CN_2026 } from '../../../../shared/calendar/cn2026';
import type { LeaveRequest } from '../../../../shared/domain/leave';
import { awayCounts, leaveBars, monthDays, monthRange, shiftMonth, teamMembers } from '../../../../renderer/features/team/teamCalendar';
import { holidayName } from '../../../../renderer/features/team/holidayName';
import { createI18n } from '../../../../renderer/i18n/createI18n';
import { fixtureSteps, makeLeave } from '../../../support/leaveFixture';
import { demoDepartments, demoUsers } from '../../shared/fixtures/demoAgency';

describe('months', () => {
  it('knows their first and last days, leap years and December included', () => {
    expect(monthRange('2026-02')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(monthRange('2028-02')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(monthRange('2026-12')).toEqual({ from: '2026-12-01', to: '2026-12-31' });
  });

  it('steps across years', () => {
    expect(shiftMonth('2026-12', 1)).toBe('2027-01');
    expect(shiftMonth('2026-01', -1)).toBe('2025-12');
    expect(shiftMonth('2026-03', 12)).toBe('2027-03');
  });
});

describe('monthDays', () => {
  it('marks the Spring Festival, its adjusted Saturdays and ordinary weekends from the official calendar', () => {
    const days = monthDays('2026-02', []);
    expect(days).toHaveLength(28);
    const kind = (date: string) => days.find((d) => d.date === date)?.kind;
    expect(kind('2026-02-02')).toBe('workday');
    expect(kind('2026-02-07')).toBe('weekend');
    // Saturday 14 February is worked; 15-23 February are the holiday, weekdays included.
    expect(kind('2026-02-14')).toBe('adjusted');
    expect(kind('2026-02-16')).toBe('holiday');
    expect(kind('2026-02-23')).toBe('holiday');
    expect(kind('2026-02-24')).toBe('workday');
    expect(days.find((d) => d.date === '2026-02-16')).toMatchObject({ day: 16, weekday: 1, holiday: 'spring_festival' });
  });

  it('prefers the calendar document an administrator edited to the shipped year', () => {
    const edited = { year: 2026, holidays: [...CN_2026.holidays, { date: '2026-03-06', holiday: '局庆' }], workdays: CN_2026.workdays };
    const march = monthDays('2026-03', [edited]);
    expect(march.find((d) => d.date === '2026-03-06')).toMatchObject({ kind: 'holiday', holiday: '局庆' });
  });

  it('falls back to the ordinary week for a year with no calendar', () => {
    const days = monthDays('2030-01', []);
    expect(days.filter((d) => d.kind === 'holiday')).toEqual([]);
    expect(days.find((d) => d.date === '2030-01-05')?.kind).toBe('weekend');
  });

  it('translates the official holiday names and keeps local ones as typed', () => {
    expect(holidayName(createI18n('zh-CN').t, 'spring_festival')).toBe('春节');
    expect(holidayName(createI18n('en').t, 'national_day')).toBe('National Day');
    expect(holidayName(createI18n('en').t, '局庆')).toBe('局庆');
  });
});

const leave = (id: string, requesterId: string, approvers: string[], patch: Partial<LeaveRequest> = {}) => makeLeave(requesterId, approvers, { id, ...patch });

describe('teamMembers', () => {
  const ids = (meId: string, requests: LeaveRequest[] = [], users = demoUsers) => teamMembers(meId, users, demoDepartments, requests).map((u) => u.id);

  it('shows a department head themselves first, then their people', () => {
    expect(ids('lina')).toEqual(['lina', 'zhaomin', 'wangqiang']);
    expect(ids('liuyang')).toEqual(['liuyang', 'chenjing', 'sunlei']);
  });

  it('takes in the departments below the ones a director heads', () => {
    const director = ids('zhangwei');
    expect(director[0]).toBe('zhangwei');
    expect(director).toEqual(expect.arrayContaining(['lina', 'liuyang', 'wangqiang', 'chenjing', 'zhouting']));
  });

  it('adds people whose leave the user approves through a role step, not everyone HR can read', () => {
    const family = leave('f', 'chenjing', ['liuyang'], { steps: [...fixtureSteps(['liuyang']), { ...fixtureSteps(['zhouting'])[0]!, kind: 'role', role: 'hr_officer', status: 'waiting' }] });
    const other = leave('o', 'sunlei', ['liuyang']);
    expect(ids('zhouting', [family, other])).toEqual(['zhouting', 'chenjing']);
  });

  it('leaves out colleagues who left, unless they have leave the user approves', () => {
    const users = demoUsers.map((u) => (u.id === 'zhaomin' ? { ...u, active: false } : u));
    expect(ids('lina', [], users)).toEqual(['lina', 'wangqiang']);
    expect(ids('lina', [leave('z', 'zhaomin', ['lina'])], users)).toContain('zhaomin');
  });
});

describe('leaveBars', () => {
  it('places approved and pending leave on the days of the month, half days marked', () => {
    const bars = leaveBars(
      [
        leave('a', 'wangqiang', ['lina'], { status: 'approved', startDate: '2026-03-09', endDate: '2026-03-10' }),
        leave('p', 'zhaomin', ['lina'], { status: 'pending', startDate: '2026-03-16', startHalf: 'pm', endDate: '2026-03-17', endHalf: 'am', days: 1 }),
      ],
      '2026-03',
    );
    expect(bars.get('wangqiang')).toEqual([expect.objectContaining({ requestId: 'a', status: 'approved', first: 8, last: 9, startsAtNoon: false, endsAtNoon: false })]);
    expect(bars.get('zhaomin')).toEqual([expect.objectContaining({ requestId: 'p', status: 'pending', first: 15, last: 16, startsAtNoon: true, endsAtNoon: true })]);
  });

  it('cuts leave at the edges of the month and says it goes on', () => {
    const across = leave('x', 'wangqiang', ['lina'], { status: 'approved', startDate: '2026-02-26', startHalf: 'pm', endDate: '2026-03-03', endHalf: 'am', days: 3 });
    const [feb] = leaveBars([across], '2026-02').get('wangqiang')!;
    expect(feb).toMatchObject({ first: 25, last: 27, startsAtNoon: true, endsAtNoon: false, continuesBefore: false, continuesAfter: true });
    const [march] = leaveBars([across], '2026-03').get('wangqiang')!;
    expect(march).toMatchObject({ first: 0, last: 2, startsAtNoon: false, endsAtNoon: true, continuesBefore: true, continuesAfter: false });
    expect(leaveBars([across], '2026-04').size).toBe(0);
  });

  it('leaves out refused, withdrawn and cancelled leave', () => {
    const statuses = ['rejected', 'withdrawn', 'cancelled'] as const;
    expect(leaveBars(statuses.map((status) => leave(status, 'wangqiang', ['lina'], { status })), '2026-03').size).toBe(0);
  });

  it('ends approved leave where the person reported back, and flags a pending cancellation', () => {
    const back = leave('b', 'wangqiang', ['lina'], {
      status: 'approved',
      startDate: '2026-03-09',
      endDate: '2026-03-13',
      days: 5,
      reportBack: { returnDate: '2026-03-11', returnHalf: 'am', actualDays: 2, at: '2026-03-11T01:00:00.000Z', comment: null },
      cancellation: { reason: '计划有变', requestedAt: '2026-03-02T01:00:00.000Z', status: 'pending', steps: fixtureSteps(['lina']) },
    });
    const [bar] = leaveBars([back], '2026-03').get('wangqiang')!;
    expect(bar).toMatchObject({ first: 8, last: 9, days: 2, cancelling: true });
  });

  it('counts the people away each day, someone on approved leave not counted again as pending', () => {
    const requests = [
      leave('a', 'wangqiang', ['lina'], { status: 'approved', startDate: '2026-03-09', endDate: '2026-03-10' }),
      leave('p', 'zhaomin', ['lina'], { status: 'pending', startDate: '2026-03-10', endDate: '2026-03-11' }),
      leave('q', 'wangqiang', ['lina'], { status: 'pending', startDate: '2026-03-10', endDate: '2026-03-10' }),
    ];
    const counts = awayCounts(leaveBars(requests, '2026-03'), ['lina', 'wangqiang', 'zhaomin'], 31);
    expect(counts.approved.slice(8, 11)).toEqual([1, 1, 0]);
    expect(counts.pending.slice(8, 11)).toEqual([0, 1, 1]);
  });
});
