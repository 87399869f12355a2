import { describe, expect, it } from 'vitest';
import type { User } from '../../../../shared/domain/directory';
import { initialSteps, MANAGER_LIMIT_DAYS, planApprovalChain } from '../../../../shared/workflow/approvalChain';
import { demoTx, demoUser } from '../fixtures/demoAgency';

async function plan(requesterId: string, days: number, tx = demoTx()) {
  const requester = await tx.get('users', requesterId);
  if (!requester) throw new Error(`no user ${requesterId}`);
  return planApprovalChain(tx, requester, days);
}

const person = (id: string, managerId: string | null, departmentId = 'general', active = true): User => ({
  ...demoUser('wangqiang'),
  id,
  username: id,
  managerId,
  departmentId,
  active,
});

describe('planApprovalChain over the demo agency', () => {
  it('sends a short request of a staff member to their manager only', async () => {
    expect(await plan('chenjing', 1)).toEqual([{ approverId: 'liuyang', role: 'manager' }]);
    expect(await plan('chenjing', 0.5)).toEqual([{ approverId: 'liuyang', role: 'manager' }]);
  });

  it(`keeps exactly ${MANAGER_LIMIT_DAYS} days with the manager`, async () => {
    expect(await plan('sunlei', MANAGER_LIMIT_DAYS)).toEqual([{ approverId: 'liuyang', role: 'manager' }]);
  });

  it('adds the department head after the manager beyond the limit (3.5 days is beyond)', async () => {
    // Rewire chenjing to report to sunlei so that manager and head differ.
    const tx = demoTx({ chenjing: { managerId: 'sunlei' } });
    expect(await plan('chenjing', 3.5, tx)).toEqual([
      { approverId: 'sunlei', role: 'manager' },
      { approverId: 'liuyang', role: 'department_head' },
    ]);
    expect(await plan('chenjing', 3, tx)).toEqual([{ approverId: 'sunlei', role: 'manager' }]);
  });

  it('asks a manager who is also the department head once, with the head role', async () => {
    const steps = await plan('wangqiang', 10);
    expect(steps).toEqual([{ approverId: 'lina', role: 'department_head' }]);
  });

  it("sends a department head's request to the director", async () => {
    expect(await plan('lina', 1)).toEqual([{ approverId: 'zhangwei', role: 'manager' }]);
    // Beyond the limit the head of her own department is herself: it goes one level up, to the
    // director, who then approves once.
    expect(await plan('lina', 5)).toEqual([{ approverId: 'zhangwei', role: 'department_head' }]);
  });

  it('finds nobody for the director, whatever the length', async () => {
    expect(await plan('zhangwei', 1)).toEqual([]);
    expect(await plan('zhangwei', 20)).toEqual([]);
  });

  it('never lets the requester approve their own request', async () => {
    for (const id of ['wangqiang', 'lina', 'zhouting', 'zhangwei', 'sunlei']) {
      for (const days of [1, 10]) {
        const steps = await plan(id, days);
        expect(steps.map((s) => s.approverId)).not.toContain(id);
      }
    }
  });

  it('never asks the same person twice', async () => {
    const tx = demoTx({ chenjing: { managerId: 'sunlei' } });
    for (const id of ['wangqiang', 'zhaomin', 'chenjing', 'sunlei', 'lina', 'liuyang', 'zhouting', 'yangfan']) {
      const ids = (await plan(id, 10, tx)).map((s) => s.approverId);
      expect(new Set(ids).size).toBe(ids.length);
    }
  });
});

describe('planApprovalChain when people are away from the directory', () => {
  it('skips an inactive manager to the next level up', async () => {
    const tx = demoTx({ liuyang: { active: false } });
    expect(await plan('chenjing', 1, tx)).toEqual([{ approverId: 'zhangwei', role: 'manager' }]);
  });

  it('skips an inactive department head to the next level up', async () => {
    const tx = demoTx({ chenjing: { managerId: 'sunlei' }, liuyang: { active: false } });
    expect(await plan('chenjing', 5, tx)).toEqual([
      { approverId: 'sunlei', role: 'manager' },
      { approverId: 'zhangwei', role: 'department_head' },
    ]);
  });

  it('skips several inactive levels', async () => {
    const tx = demoTx({ chenjing: { managerId: 'sunlei' }, sunlei: { active: false }, liuyang: { active: false } });
    expect(await plan('chenjing', 1, tx)).toEqual([{ approverId: 'zhangwei', role: 'manager' }]);
  });

  it('finds nobody when the whole line above is inactive', async () => {
    const tx = demoTx({ liuyang: { active: false }, zhangwei: { active: false } });
    expect(await plan('chenjing', 1, tx)).toEqual([]);
  });

  it('never names a manager who is missing from the directory', async () => {
    const tx = demoTx({ sunlei: { managerId: 'ghost' } });
    const steps = await plan('sunlei', 10, tx);
    expect(steps.map((s) => s.approverId)).not.toContain('ghost');
  });

  it('does not loop forever on a cycle of inactive managers', async () => {
    const tx = demoTx({}, [person('a', 'b', 'general', false), person('b', 'c', 'general', false), person('c', 'a', 'general', false), person('x', 'a')]);
    expect(await plan('x', 1, tx)).toEqual([]);
  });

  it('does not loop forever when the management line leads back to the requester', async () => {
    const tx = demoTx({}, [person('p', 'q'), person('q', 'p', 'general', false)]);
    expect(await plan('p', 1, tx)).toEqual([]);
  });
});

describe('initialSteps', () => {
  it('makes the first step pending and the rest waiting, undecided', () => {
    const steps = initialSteps([
      { approverId: 'sunlei', role: 'manager' },
      { approverId: 'liuyang', role: 'department_head' },
    ]);
    expect(steps).toEqual([
      { approverId: 'sunlei', role: 'manager', status: 'pending', decidedAt: null, comment: null },
      { approverId: 'liuyang', role: 'department_head', status: 'waiting', decidedAt: null, comment: null },
    ]);
  });
});
