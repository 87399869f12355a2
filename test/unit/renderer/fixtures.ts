import type { User } from '../../../shared/domain/directory';
import type { LeaveRequest } from '../../../shared/domain/leave';
import { makeLeave } from '../../support/leaveFixture';
import { createBrowserSessionPersistence, type SessionPersistence, type StorageLike } from '../../../renderer/platform/browser';

export const demoUser: User = {
  id: 'u-wangqiang',
  username: 'wangqiang',
  displayName: '王强',
  departmentId: 'general',
  managerId: 'u-lina',
  rank: 3,
  title: '科员',
  roles: ['staff'],
  active: true,
};

export const lina: User = { ...demoUser, id: 'u-lina', username: 'lina', displayName: '李娜', managerId: 'u-zhangwei', title: '处长' };
export const zhangwei: User = { ...demoUser, id: 'u-zhangwei', username: 'zhangwei', displayName: '张伟', departmentId: 'agency', managerId: null, title: '局长' };

export function leaveRequest(patch: Partial<LeaveRequest> = {}): LeaveRequest {
  return makeLeave(demoUser.id, [lina.id], {
    id: 'req-1',
    departmentId: 'general',
    startDate: '2026-03-02',
    endDate: '2026-03-04',
    days: 3,
    reason: '探亲',
    history: [{ at: '2026-02-20T01:00:00.000Z', actorId: demoUser.id, action: 'submitted', comment: null }],
    createdAt: '2026-02-20T01:00:00.000Z',
    updatedAt: '2026-02-20T01:00:00.000Z',
    ...patch,
  });
}

export function memoryStorage(): StorageLike & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v), removeItem: (k) => void data.delete(k) };
}

/** The browser's session persistence over an in-memory localStorage. */
export function memorySessions(storage = memoryStorage()): SessionPersistence & { storage: ReturnType<typeof memoryStorage> } {
  return { storage, ...createBrowserSessionPersistence(() => storage) };
}
