import { describe, expect, it } from 'vitest';
import type { LeaveRequest } from '../../../shared/domain/leave';
import { runMutator } from '../../../shared/mutators';
import { SqlDocTx, writeDocuments } from '../../../server/store/documents';
import { toNumber } from '../../../server/store/database';
import { demoDepartments, demoUser, demoUsers } from '../shared/fixtures/demoAgency';
import { useMemoryDatabase } from './memoryDatabase';
import { makeLeave } from '../../support/leaveFixture';

const database = useMemoryDatabase();

const NOW = '2026-03-02T01:00:00.000Z';

const leave = (approvers: string[], overrides: Partial<LeaveRequest> = {}): LeaveRequest =>
  makeLeave('chenjing', approvers, { endDate: '2026-03-12', endHalf: 'am', days: 3.5, ...overrides });

async function row(collection: string, id: string) {
  const { rows } = await database().query<{ seq: unknown; readers: string[]; data: unknown }>('SELECT seq, readers, data FROM documents WHERE collection = $1 AND id = $2', [collection, id]);
  return rows[0] ? { ...rows[0], seq: toNumber(rows[0].seq) } : undefined;
}

async function revocations() {
  const { rows } = await database().query<{ principal: string; collection: string; id: string; seq: unknown }>('SELECT principal, collection, id, seq FROM revocations ORDER BY principal');
  return rows.map((r) => ({ ...r, seq: toNumber(r.seq) }));
}

const write = (docs: Parameters<typeof writeDocuments>[1]) => database().transaction((tx) => writeDocuments(tx, docs));

describe('writeDocuments', () => {
  it('gives each call a new, strictly increasing seq, shared by the documents of one call', async () => {
    const a = await write(demoDepartments.map((doc) => ({ c: 'departments' as const, doc })));
    const b = await write(demoUsers.map((doc) => ({ c: 'users' as const, doc })));
    const c = await write([{ c: 'leaveRequests', doc: leave(['liuyang']) }]);
    const d = await write([{ c: 'leaveRequests', doc: leave(['liuyang'], { reason: 'Changed' }) }]);
    expect(a.seq).toBeGreaterThan(0);
    expect(b.seq).toBeGreaterThan(a.seq);
    expect(c.seq).toBeGreaterThan(b.seq);
    expect(d.seq).toBeGreaterThan(c.seq);
    expect((await row('departments', 'agency'))?.seq).toBe(a.seq);
    expect((await row('departments', 'finance'))?.seq).toBe(a.seq);
    expect((await row('users', 'auditor'))?.seq).toBe(b.seq);
    // A rewritten document moves to the new seq, so a reader past the old one still sees it.
    expect((await row('leaveRequests', 'leave-1'))?.seq).toBe(d.seq);
  });

  it('stores who may read each document', async () => {
    await write([
      { c: 'users', doc: demoUser('chenjing') },
      { c: 'leaveRequests', doc: leave(['sunlei', 'liuyang']) },
    ]);
    expect((await row('users', 'chenjing'))?.readers).toEqual(['all']);
    expect(new Set((await row('leaveRequests', 'leave-1'))?.readers)).toEqual(new Set(['user:chenjing', 'user:sunlei', 'user:liuyang', 'role:hr_officer']));
  });

  it('revokes an approver taken off the chain, and pokes them', async () => {
    await write([{ c: 'leaveRequests', doc: leave(['sunlei', 'liuyang']) }]);
    const second = await write([{ c: 'leaveRequests', doc: leave(['liuyang']) }]);
    expect(await revocations()).toEqual([{ principal: 'user:sunlei', collection: 'leaveRequests', id: 'leave-1', seq: second.seq }]);
    expect(second.audience).toContain('user:sunlei');
    expect(second.audience).toContain('user:liuyang');
    expect(second.touched).toEqual([{ c: 'leaveRequests', id: 'leave-1' }]);
    expect((await row('leaveRequests', 'leave-1'))?.readers).not.toContain('user:sunlei');
  });

  it('moves a repeated revocation to the newest seq', async () => {
    await write([{ c: 'leaveRequests', doc: leave(['sunlei']) }]);
    await write([{ c: 'leaveRequests', doc: leave(['liuyang']) }]);
    await write([{ c: 'leaveRequests', doc: leave(['sunlei']) }]);
    const last = await write([{ c: 'leaveRequests', doc: leave(['liuyang']) }]);
    const sunlei = (await revocations()).find((r) => r.principal === 'user:sunlei');
    expect(sunlei?.seq).toBe(last.seq);
  });

  it('revokes no one when the readers stay the same', async () => {
    await write([{ c: 'leaveRequests', doc: leave(['sunlei', 'liuyang']) }]);
    await write([{ c: 'leaveRequests', doc: leave(['sunlei', 'liuyang'], { status: 'withdrawn', pendingApproverId: null }) }]);
    expect(await revocations()).toEqual([]);
  });
});

describe('SqlDocTx', () => {
  async function seedDirectory() {
    await write([...demoDepartments.map((doc) => ({ c: 'departments' as const, doc })), ...demoUsers.map((doc) => ({ c: 'users' as const, doc }))]);
  }

  it('runs a shared mutator against the database and commits it under one seq', async () => {
    await seedDirectory();
    const args = { id: 'leave-9', type: 'sick', startDate: '2026-03-09', startHalf: 'am', endDate: '2026-03-09', endHalf: 'pm', reason: 'Flu' };
    const result = await database().transaction(async (tx) => {
      const docs = new SqlDocTx(tx);
      await runMutator('leave.submit', args, { tx: docs, actorId: 'wangqiang', now: NOW });
      return docs.commit();
    });
    const stored = await row('leaveRequests', 'leave-9');
    expect(stored?.seq).toBe(result.seq);
    expect(stored?.data).toMatchObject({ requesterId: 'wangqiang', pendingApproverId: 'lina', status: 'pending', days: 1 });
    expect(new Set(stored?.readers)).toEqual(new Set(['user:wangqiang', 'user:lina', 'role:hr_officer']));
    expect(result.audience).toEqual(new Set(['user:wangqiang', 'user:lina', 'role:hr_officer']));
  });

  it('sees its own uncommitted writes through get and find', async () => {
    await seedDirectory();
    await database().transaction(async (tx) => {
      const docs = new SqlDocTx(tx);
      await docs.put('leaveRequests', leave(['liuyang']));
      expect((await docs.get('leaveRequests', 'leave-1'))?.pendingApproverId).toBe('liuyang');
      expect((await docs.find('leaveRequests', 'pendingApproverId', 'liuyang')).map((l) => l.id)).toEqual(['leave-1']);
      await docs.put('leaveRequests', leave(['sunlei']));
      expect(await docs.find('leaveRequests', 'pendingApproverId', 'liuyang')).toEqual([]);
      expect((await docs.find('users', 'managerId', 'lina')).map((u) => u.id).sort()).toEqual(['wangqiang', 'zhaomin']);
    });
  });

  it('refuses to write a malformed document', async () => {
    await database().transaction(async (tx) => {
      const docs = new SqlDocTx(tx);
      await expect(docs.put('leaveRequests', leave(['liuyang'], { days: 0 }))).rejects.toThrow();
      await expect(docs.put('leaveRequests', leave([]))).rejects.toThrow();
      expect(docs.hasWrites).toBe(false);
    });
    expect(await row('leaveRequests', 'leave-1')).toBeUndefined();
  });

  it('revokes the approver a mutation takes off a request, using the readers it read', async () => {
    await seedDirectory();
    await write([{ c: 'leaveRequests', doc: leave(['sunlei', 'liuyang']) }]);
    const result = await database().transaction(async (tx) => {
      const docs = new SqlDocTx(tx);
      const current = await docs.get('leaveRequests', 'leave-1');
      if (!current) throw new Error('missing');
      await docs.put('leaveRequests', { ...current, steps: current.steps.slice(1), pendingApproverId: 'liuyang' });
      return docs.commit();
    });
    expect((await revocations()).map((r) => [r.principal, r.seq])).toEqual([['user:sunlei', result.seq]]);
  });
});
