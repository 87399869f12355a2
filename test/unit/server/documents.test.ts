import { describe, expect, it } from 'vitest';
import type { LeaveRequest } from '../../../shared/domain/leave';
import { runMutator } from '../../../shared/mutators';
import { SqlDocTx, writeDocuments } from '../../../server/store/documents';
import { toNumber } from '../../../server/store/database';
import { demoDepartments, demoUser, demoUsers } from '../shared/fixtures/demoAgency';
import type { Queryable } from '../../../server/store/database';
import { seedSystem, useMemoryDatabase } from './memoryDatabase';
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
    await write([{ c: 'leaveRequests', doc: leave(['sunlei', 'liuyang'], { status: 'withdrawn', pendingApproverIds: [] }) }]);
    expect(await revocations()).toEqual([]);
  });
});

describe('SqlDocTx', () => {
  async function seedDirectory() {
    await seedSystem(database());
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
    expect(stored?.data).toMatchObject({ requesterId: 'wangqiang', pendingApproverIds: ['lina'], status: 'pending', days: 1, ruleId: 'leave-short' });
    expect(new Set(stored?.readers)).toEqual(new Set(['user:wangqiang', 'user:lina', 'role:hr_officer']));
    expect(result.audience).toEqual(new Set(['user:wangqiang', 'user:lina', 'role:hr_officer']));
  });

  it('sees its own uncommitted writes through get and find', async () => {
    await seedDirectory();
    await database().transaction(async (tx) => {
      const docs = new SqlDocTx(tx);
      await docs.put('leaveRequests', leave(['liuyang']));
      expect((await docs.get('leaveRequests', 'leave-1'))?.pendingApproverIds).toEqual(['liuyang']);
      expect((await docs.find('leaveRequests', 'pendingApproverIds', 'liuyang')).map((l) => l.id)).toEqual(['leave-1']);
      await docs.put('leaveRequests', leave(['sunlei']));
      expect(await docs.find('leaveRequests', 'pendingApproverIds', 'liuyang')).toEqual([]);
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
      await docs.put('leaveRequests', { ...current, steps: current.steps.slice(1).map((s) => ({ ...s, status: 'pending' as const })), pendingApproverIds: ['liuyang'] });
      return docs.commit();
    });
    expect((await revocations()).map((r) => [r.principal, r.seq])).toEqual([['user:sunlei', result.seq]]);
  });

  it('finds by an element of an array field: a step naming several approvers, a role among several', async () => {
    await seedDirectory();
    const countersign = leave(['sunlei']);
    const step = countersign.steps[0];
    if (!step) throw new Error('no step');
    await write([{ c: 'leaveRequests', doc: { ...countersign, steps: [{ ...step, approverIds: ['sunlei', 'yangfan'], mode: 'all' }], pendingApproverIds: ['sunlei', 'yangfan'] } }]);
    await database().transaction(async (tx) => {
      const docs = new SqlDocTx(tx);
      expect((await docs.find('leaveRequests', 'pendingApproverIds', 'yangfan')).map((l) => l.id)).toEqual(['leave-1']);
      expect((await docs.find('leaveRequests', 'pendingApproverIds', 'sunlei')).map((l) => l.id)).toEqual(['leave-1']);
      // Not a substring match on the JSON text.
      expect(await docs.find('leaveRequests', 'pendingApproverIds', 'yang')).toEqual([]);
      expect((await docs.find('users', 'roles', 'hr_officer')).map((u) => u.id)).toEqual(['zhouting']);
      expect((await docs.find('users', 'roles', 'staff')).length).toBe(9);
    });
  });

  it('looks documents up through the expression indexes of the migrations', async () => {
    await seedDirectory();
    // Enough documents that an index is worth using: the planner ignores one on a near-empty table.
    const people = Array.from({ length: 300 }, (_, i) => `p${String(i).padStart(3, '0')}`);
    await write(people.map((id, i) => ({ c: 'users' as const, doc: { ...demoUser('sunlei'), id, username: id, roles: i === 0 ? ['staff' as const, 'hr_officer' as const] : ['staff' as const] } })));
    await write(people.map((id, i) => ({ c: 'leaveRequests' as const, doc: makeLeave(id, [people[(i + 1) % 60] ?? 'lina'], { id: `r-${id}` }) })));
    await write(
      people.map((id) => ({
        c: 'leaveLedger' as const,
        doc: { id: `al-2026-annual-${id}`, userId: id, typeId: 'annual', kind: 'allocation' as const, days: 5, effectiveOn: '2026-01-01', expiresOn: '2026-12-31', requestId: null, year: 2026, reason: 'fixed', actorId: null, createdAt: NOW },
      })),
    );
    await write(
      people.map((id, i) => ({
        c: 'delegations' as const,
        doc: { id: `d-${id}`, kind: 'manual' as const, fromUserId: id, toUserId: people[(i + 1) % 300] ?? 'lina', startDate: '2026-03-02', endDate: '2026-03-06', sourceRequestId: null, active: true, note: '', createdAt: NOW, updatedAt: NOW },
      })),
    );
    await database().exec('ANALYZE documents');
    const plans: string[] = [];
    await database().transaction(async (tx) => {
      // Record the statements find() sends, then ask the planner how it would run each: an
      // index scan is only possible when the SQL names the field the way the index does.
      const sent: Array<{ sql: string; params: readonly unknown[] }> = [];
      const recording: Queryable = {
        query: (sql, params) => {
          sent.push({ sql, params: params ?? [] });
          return tx.query(sql, params);
        },
        exec: (sql) => tx.exec(sql),
      };
      const docs = new SqlDocTx(recording);
      expect(await docs.find('leaveRequests', 'pendingApproverIds', 'p007')).toHaveLength(5);
      expect(await docs.find('leaveRequests', 'requesterId', 'p007')).toHaveLength(1);
      expect(await docs.find('leaveLedger', 'userId', 'p007')).toHaveLength(1);
      expect((await docs.find('users', 'roles', 'hr_officer')).map((u) => u.id).sort()).toEqual(['p000', 'zhouting']);
      expect(await docs.find('delegations', 'fromUserId', 'p007')).toHaveLength(1);
      for (const { sql, params } of sent) {
        const rows = (await tx.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${sql}`, params)).rows;
        plans.push(rows.map((r) => r['QUERY PLAN']).join('\n'));
      }
    });
    const indexes = ['documents_leave_pending_ids', 'documents_leave_requester', 'documents_ledger_user', 'documents_user_roles', 'documents_delegation_from'];
    expect(plans.map((plan, i) => (plan.includes(indexes[i] ?? '?') ? indexes[i] : plan))).toEqual(indexes);
    // Seeds 1,500 documents into an embedded database: seconds on a busy 2-core machine.
  }, 60_000);

  it('knows which blobs the server holds', async () => {
    const sha = 'a'.repeat(64);
    await database().query("INSERT INTO blobs (sha256, size, media_type, data, uploaded_by) VALUES ($1, 3, 'image/png', '\\x010203', 'wangqiang')", [sha]);
    await database().transaction(async (tx) => {
      const docs = new SqlDocTx(tx);
      expect(await docs.hasBlob(sha)).toBe(true);
      expect(await docs.hasBlob('b'.repeat(64))).toBe(false);
    });
  });
});
