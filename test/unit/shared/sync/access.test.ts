import { describe, expect, it } from 'vitest';
import type { LeaveRequest } from '../../../../shared/domain/leave';
import { principalsOf, readersOf } from '../../../../shared/sync/access';
import { demoDepartments, demoUser } from '../fixtures/demoAgency';
import { makeLeave } from '../../../support/leaveFixture';

const leave = (requesterId: string, approvers: string[]): LeaveRequest => makeLeave(requesterId, approvers, { history: [] });

/** May a user read a document? The same test the server's pull applies. */
const canRead = (userId: string, readers: readonly string[]) => principalsOf(demoUser(userId)).some((p) => readers.includes(p));

describe('readersOf a leave request', () => {
  it('is the requester, every approver in the chain and the HR officers', () => {
    expect(new Set(readersOf('leaveRequests', leave('chenjing', ['sunlei', 'liuyang'])))).toEqual(new Set(['user:chenjing', 'user:sunlei', 'user:liuyang', 'role:hr_officer']));
  });

  it('names each principal once when a person holds two steps', () => {
    const readers = readersOf('leaveRequests', leave('chenjing', ['liuyang', 'liuyang']));
    expect(readers.filter((r) => r === 'user:liuyang')).toHaveLength(1);
  });

  it('lets the requester, the approvers and HR read it, and no one else in the agency', () => {
    const readers = readersOf('leaveRequests', leave('chenjing', ['sunlei', 'liuyang']));
    expect(['chenjing', 'sunlei', 'liuyang', 'zhouting'].filter((u) => canRead(u, readers))).toHaveLength(4);
    // Same department, the director, finance and the three administrators may not.
    for (const other of ['wangqiang', 'zhangwei', 'yangfan', 'admin', 'secadmin', 'auditor', 'lina']) {
      expect(canRead(other, readers), other).toBe(false);
    }
  });

  it('is not open to everyone or to the department', () => {
    const readers = readersOf('leaveRequests', leave('chenjing', ['liuyang']));
    expect(readers).not.toContain('all');
    expect(readers).not.toContain('dept:business');
  });
});

describe('readersOf the directory', () => {
  it('opens users and departments to every signed-in colleague', () => {
    expect(readersOf('users', demoUser('chenjing'))).toEqual(['all']);
    for (const d of demoDepartments) expect(readersOf('departments', d)).toEqual(['all']);
    expect(canRead('auditor', readersOf('users', demoUser('zhangwei')))).toBe(true);
  });
});

describe('principalsOf', () => {
  it('includes everyone, the user, their department and each of their roles', () => {
    expect(new Set(principalsOf(demoUser('zhouting')))).toEqual(new Set(['all', 'user:zhouting', 'dept:hr', 'role:staff', 'role:hr_officer']));
    expect(new Set(principalsOf(demoUser('auditor')))).toEqual(new Set(['all', 'user:auditor', 'dept:agency', 'role:audit_admin']));
  });

  it('gives a user with no roles only everyone, self and department', () => {
    expect(new Set(principalsOf({ id: 'temp', departmentId: 'general', roles: [] }))).toEqual(new Set(['all', 'user:temp', 'dept:general']));
  });
});
