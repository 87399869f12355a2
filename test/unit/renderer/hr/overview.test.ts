// HR's overview: which requests the filters select, the days they take within the period, the
// totals, and the rows HR exports.
import { describe, expect, it } from 'vitest';
import { CN_2026 } from '../../../../shared/calendar/cn2026';
import type { LeaveRequest } from '../../../../shared/domain/leave';
import {
  agencyDateTime,
  daysInPeriod,
  decidersOf,
  exportFileName,
  filterRequests,
  NO_FILTERS,
  overviewTable,
  summarize,
  workCalendarOf,
  type Directory,
} from '../../../../renderer/features/hr/overview';
import { createI18n } from '../../../../renderer/i18n/createI18n';
import { systemLeaveTypes } from '../../../../server/seed/system';
import { makeLeave } from '../../../support/leaveFixture';
import { demoDepartments, demoUsers } from '../../shared/fixtures/demoAgency';

const directory: Directory = {
  users: new Map(demoUsers.map((u) => [u.id, u])),
  departments: new Map(demoDepartments.map((d) => [d.id, d])),
};
const types = systemLeaveTypes('2026-01-01T00:00:00.000Z');
const calendar = workCalendarOf([]);

function leave(id: string, requesterId: string, departmentId: string, patch: Partial<LeaveRequest> = {}): LeaveRequest {
  return makeLeave(requesterId, ['lina'], { id, departmentId, ...patch });
}

const requests = [
  leave('a', 'wangqiang', 'general', { type: 'annual', startDate: '2026-03-09', endDate: '2026-03-10', days: 2, status: 'approved' }),
  leave('b', 'zhaomin', 'general', { type: 'sick', startDate: '2026-03-30', endDate: '2026-04-02', days: 4, status: 'pending' }),
  leave('c', 'chenjing', 'business', { type: 'annual', startDate: '2026-05-11', endDate: '2026-05-11', days: 1, status: 'rejected' }),
  leave('d', 'sunlei', 'business', { type: 'personal', startDate: '2025-12-29', endDate: '2026-01-05', days: 4, status: 'approved' }),
];

describe('filterRequests', () => {
  const ids = (filters: Partial<typeof NO_FILTERS>) => filterRequests(requests, { ...NO_FILTERS, ...filters }, directory).map((r) => r.id);

  it('keeps requests overlapping the period, including those that start before or end after it', () => {
    expect(ids({ period: { from: '2026-03-01', to: '2026-03-31' } })).toEqual(['b', 'a']);
    expect(ids({ period: { from: '2026-01-01', to: '2026-01-31' } })).toEqual(['d']);
    expect(ids({ period: { from: '2026-06-01', to: '2026-06-30' } })).toEqual([]);
  });

  it('filters by department, taking in the departments below it', () => {
    expect(ids({ departmentId: 'business' })).toEqual(['c', 'd']);
    expect(ids({ departmentId: 'agency' })).toHaveLength(4);
  });

  it('filters by types and statuses (several at once)', () => {
    expect(ids({ typeIds: ['annual'] })).toEqual(['c', 'a']);
    expect(ids({ statuses: ['approved', 'pending'] })).toEqual(['b', 'a', 'd']);
  });

  it('finds a person by part of the name or the user name', () => {
    expect(ids({ search: '赵' })).toEqual(['b']);
    expect(ids({ search: 'SUNLEI' })).toEqual(['d']);
    expect(ids({ search: '  ' })).toHaveLength(4);
  });

  it('lists the latest leave first', () => {
    expect(ids({})).toEqual(['c', 'b', 'a', 'd']);
  });
});

describe('daysInPeriod', () => {
  it('counts the recorded days when the leave is inside the period', () => {
    expect(daysInPeriod(requests[0]!, { from: '2026-03-01', to: '2026-03-31' }, calendar)).toBe(2);
    expect(daysInPeriod(requests[0]!, null, calendar)).toBe(2);
  });

  it('counts only the working days inside the period when the leave crosses it', () => {
    // 30 and 31 March are Monday and Tuesday; 1 and 2 April fall outside.
    expect(daysInPeriod(requests[1]!, { from: '2026-03-01', to: '2026-03-31' }, calendar)).toBe(2);
    // 29 Dec 2025 to 5 Jan 2026: in January, 1-3 January are the New Year holiday, 4 January an
    // adjusted working Sunday, 5 January a Monday.
    expect(daysInPeriod(requests[3]!, { from: '2026-01-01', to: '2026-01-31' }, calendar)).toBe(2);
  });

  it('keeps half days at the ends that lie inside the period', () => {
    const half = leave('h', 'wangqiang', 'general', { startDate: '2026-03-31', startHalf: 'pm', endDate: '2026-04-01', endHalf: 'pm', days: 1.5, status: 'approved' });
    expect(daysInPeriod(half, { from: '2026-03-01', to: '2026-03-31' }, calendar)).toBe(0.5);
    expect(daysInPeriod(half, { from: '2026-04-01', to: '2026-04-30' }, calendar)).toBe(1);
  });

  it('stops approved leave at the report-back', () => {
    const back = leave('r', 'wangqiang', 'general', {
      startDate: '2026-03-09',
      endDate: '2026-03-13',
      days: 5,
      status: 'approved',
      reportBack: { returnDate: '2026-03-11', returnHalf: 'am', actualDays: 2, at: '2026-03-11T01:00:00.000Z', comment: null },
    });
    expect(daysInPeriod(back, { from: '2026-03-01', to: '2026-03-31' }, calendar)).toBe(2);
    expect(daysInPeriod(back, { from: '2026-03-10', to: '2026-03-31' }, calendar)).toBe(1);
  });

  it('uses the calendar documents HR keeps, over the shipped ones', () => {
    const extraHoliday = workCalendarOf([{ year: 2026, holidays: [...CN_2026.holidays, { date: '2026-03-31', holiday: 'local' }], workdays: CN_2026.workdays }]);
    expect(daysInPeriod(requests[1]!, { from: '2026-03-01', to: '2026-03-31' }, extraHoliday)).toBe(1);
  });
});

describe('summarize', () => {
  it('counts requests and people, and days of approved and pending leave by type in HR order', () => {
    const summary = summarize(requests, { from: '2026-01-01', to: '2026-12-31' }, calendar, types);
    expect(summary.requests).toBe(4);
    expect(summary.people).toBe(4);
    // 'd' has 2 of its 4 days in 2026; the rejected 'c' counts as a request but takes no days.
    expect(summary.approvedDays).toBe(2 + 2);
    expect(summary.pendingDays).toBe(4);
    expect(summary.byType).toEqual([
      { typeId: 'annual', requests: 2, approvedDays: 2, pendingDays: 0 },
      { typeId: 'sick', requests: 1, approvedDays: 0, pendingDays: 4 },
      { typeId: 'personal', requests: 1, approvedDays: 2, pendingDays: 0 },
    ]);
  });
});

describe('the exported table', () => {
  const zh = createI18n('zh-CN').t;
  const en = createI18n('en').t;

  it('has one row per request in the user language, with the days in the period when one is set', () => {
    const period = { from: '2026-03-01', to: '2026-03-31' };
    const table = overviewTable([requests[1]!], { t: zh, language: 'zh-CN', directory, types, period, calendar });
    expect(table.columns).toEqual(['姓名', '用户名', '处室', '假期类型', '开始时间', '结束时间', '天数', '统计期内天数', '状态', '销假情况', '请假事由', '提交时间', '审批意见']);
    expect(table.rows[0]).toEqual(['赵敏', 'zhaomin', '综合处', '病假', '2026-03-30', '2026-04-02', 4, 2, '待审批', null, 'Family visit', '2026-03-02 09:00', null]);
    const english = overviewTable([requests[0]!], { t: en, language: 'en', directory, types, period: null, calendar });
    expect(english.columns).not.toContain('Days in period');
    expect(english.rows[0]?.slice(0, 4)).toEqual(['王强', 'wangqiang', '综合处', 'Annual leave']);
  });

  it('names half days and who decided, including on whose behalf', () => {
    const decided = leave('x', 'wangqiang', 'general', {
      startHalf: 'pm',
      endHalf: 'am',
      status: 'approved',
      steps: [
        {
          kind: 'manager',
          role: null,
          mode: 'any',
          approverIds: ['lina'],
          delegates: [{ forId: 'lina', toId: 'zhaomin', delegationId: 'dg-1' }],
          status: 'approved',
          decisions: [{ approverId: 'lina', byId: 'zhaomin', decision: 'approved', at: '2026-03-03T01:00:00.000Z', comment: null }],
        },
        {
          kind: 'department_head',
          role: null,
          mode: 'any',
          approverIds: ['zhangwei'],
          delegates: [],
          status: 'approved',
          decisions: [{ approverId: 'zhangwei', byId: 'zhangwei', decision: 'approved', at: '2026-03-03T02:00:00.000Z', comment: null }],
        },
      ],
    });
    const row = overviewTable([decided], { t: zh, language: 'zh-CN', directory, types, period: null, calendar }).rows[0]!;
    expect(row[4]).toBe('2026-03-09 下午');
    expect(row[5]).toBe('2026-03-10 上午');
    expect(row.at(-1)).toBe('赵敏（代李娜）批准；张伟批准');
    const nameOf = (id: string) => directory.users.get(id)?.displayName ?? id;
    expect(decidersOf(en, decided, nameOf)).toBe('赵敏 (for 李娜) approved; 张伟 approved');
  });

  it('gives times in the agency zone and file names without characters a file system refuses', () => {
    expect(agencyDateTime('2026-03-02T17:30:00.000Z')).toBe('2026-03-03 01:30');
    expect(exportFileName('请假总览', { from: '2026-01-01', to: '2026-12-31' }, '2026-06-01')).toBe('请假总览_2026-01-01_2026-12-31');
    expect(exportFileName('a/b:c', null, '2026-06-01')).toBe('a-b-c_2026-06-01');
  });
});
