import { describe, expect, it } from 'vitest';
import type { Claim } from '../../../../shared/domain/claim';
import { toCsv } from '../../../../renderer/features/hr/export';
import { ALL_CLAIMS, claimsExportTable, filterClaims, sumClaims, yuanCell } from '../../../../renderer/features/finance/financeClaims';

function claim(id: string, patch: Partial<Claim>): Claim {
  return {
    id,
    requesterId: 'wangqiang',
    departmentId: 'zonghe',
    travelRequestId: null,
    title: '差旅费',
    lines: [],
    allowances: [],
    totalFen: 100000,
    advanceFen: 0,
    payableFen: 100000,
    status: 'approved',
    ruleId: null,
    steps: [{ kind: 'role', role: 'finance_officer', mode: 'any', approverIds: ['yangfan'], delegates: [], status: 'pending', decisions: [] }],
    pendingApproverIds: [],
    payment: null,
    revision: 1,
    history: [],
    // 2026-03-01 17:00 UTC is 2026-03-02 in the agency's zone (UTC+8).
    createdAt: '2026-03-01T17:00:00.000Z',
    updatedAt: '2026-03-01T17:00:00.000Z',
    ...patch,
  };
}

const claims = [
  claim('a', {}),
  claim('b', { status: 'paid', departmentId: 'yewu', payableFen: 50050, totalFen: 50050, payment: { reference: 'BK-001', paidOn: '2026-03-10', byId: 'yangfan' } }),
  claim('c', { status: 'pending', createdAt: '2026-04-05T02:00:00.000Z' }),
];

describe('finance claims view', () => {
  it('filters by status, department and the agency day of submission', () => {
    expect(filterClaims(claims, { ...ALL_CLAIMS, status: 'approved' }).map((c) => c.id)).toEqual(['a']);
    expect(filterClaims(claims, { ...ALL_CLAIMS, departmentId: 'yewu' }).map((c) => c.id)).toEqual(['b']);
    expect(filterClaims(claims, { ...ALL_CLAIMS, from: '2026-03-02', to: '2026-03-31' }).map((c) => c.id)).toEqual(['a', 'b']);
    expect(filterClaims(claims, { ...ALL_CLAIMS, from: '2026-03-03', to: null }).map((c) => c.id)).toEqual(['c']);
  });

  it('sums in fen and counts only paid claims as paid', () => {
    expect(sumClaims(claims)).toEqual({ count: 3, totalFen: 250050, payableFen: 250050, paidFen: 50050 });
  });

  it('exports one row per claim with yuan figures a spreadsheet can add up', () => {
    expect(yuanCell(50050)).toBe(500.5);
    const table = claimsExportTable(claims.slice(0, 2), {
      columns: ['单号', '提交日期', '报销人', '部门', '报销事由', '总额', '借款', '应付', '状态', '凭证号', '付款日期'],
      status: (s) => (s === 'paid' ? '已付款' : '待付款'),
      person: (id) => (id === 'wangqiang' ? '王强' : id),
      department: (id) => id,
    });
    expect(table.rows[1]).toEqual(['b', '2026-03-02', '王强', 'yewu', '差旅费', 500.5, 0, 500.5, '已付款', 'BK-001', '2026-03-10']);
    expect(toCsv(table).split('\r\n')[2]).toBe('b,2026-03-02,王强,yewu,差旅费,500.5,0,500.5,已付款,BK-001,2026-03-10');
  });
});
