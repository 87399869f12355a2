// Upgrading a database the first release left behind: migration 0004 (leave as data) converts
// leave requests written in the first shape (one approver per step), records the days that
// approved annual leave already used, and inserts what every agency starts with. Migration 0006
// (forms and meetings) writes the absences of leave approved before it, so an organizer is
// warned of that leave too. On PGlite and on PostgreSQL.
import { afterEach, describe, expect, it } from 'vitest';
import { BACKENDS, freshDatabase, type Backend } from '../support/backends';
import type { Database } from '../../server/store/database';
import { toNumber } from '../../server/store/database';
import { migrate } from '../../server/store/migrate';
import { openPglite } from '../../server/store/pglite';
import { openPostgres } from '../../server/store/postgres';
import { processPull } from '../../server/sync/pull';
import { docSchemas } from '../../shared/sync/docSchemas';
import type { ApprovalStep, LeaveRequest } from '../../shared/domain/leave';
import type { LedgerEntry } from '../../shared/domain/ledger';
import type { Absence } from '../../shared/domain/meeting';
import { writeDocuments } from '../../server/store/documents';
import { makeLeave } from '../support/leaveFixture';

const AT = '2026-03-02T01:00:00.000Z';
const DECIDED = '2026-03-02T03:00:00.000Z';

/** A request as the first release stored it. */
function v1Request(id: string, overrides: Record<string, unknown>): Record<string, unknown> {
  return {
    id,
    requesterId: 'wangqiang',
    departmentId: 'general',
    type: 'annual',
    startDate: '2026-03-09',
    startHalf: 'am',
    endDate: '2026-03-10',
    endHalf: 'pm',
    days: 2,
    reason: '回老家',
    status: 'pending',
    steps: [{ approverId: 'lina', role: 'manager', status: 'pending', decidedAt: null, comment: null }],
    pendingApproverId: 'lina',
    history: [{ at: AT, actorId: 'wangqiang', action: 'submitted', comment: null }],
    createdAt: AT,
    updatedAt: AT,
    ...overrides,
  };
}

const V1_REQUESTS = [
  // Waiting on the manager, a department head after her.
  v1Request('v1-pending', {
    days: 4,
    endDate: '2026-03-12',
    steps: [
      { approverId: 'lina', role: 'manager', status: 'pending', decidedAt: null, comment: null },
      { approverId: 'zhangwei', role: 'department_head', status: 'waiting', decidedAt: null, comment: null },
    ],
  }),
  // Approved annual leave: its days were used before there was a ledger.
  v1Request('v1-approved', {
    startDate: '2026-03-16',
    endDate: '2026-03-17',
    status: 'approved',
    steps: [{ approverId: 'lina', role: 'manager', status: 'approved', decidedAt: DECIDED, comment: '同意' }],
    pendingApproverId: null,
    history: [
      { at: AT, actorId: 'wangqiang', action: 'submitted', comment: null },
      { at: DECIDED, actorId: 'lina', action: 'approved', comment: '同意' },
    ],
  }),
  // Approved, but personal leave uses no balance.
  v1Request('v1-personal', {
    type: 'personal',
    startDate: '2026-03-23',
    endDate: '2026-03-23',
    days: 1,
    status: 'approved',
    steps: [{ approverId: 'lina', role: 'manager', status: 'approved', decidedAt: DECIDED, comment: null }],
    pendingApproverId: null,
  }),
  // Rejected annual leave used nothing.
  v1Request('v1-rejected', {
    startDate: '2026-03-25',
    endDate: '2026-03-25',
    days: 1,
    status: 'rejected',
    steps: [{ approverId: 'lina', role: 'manager', status: 'rejected', decidedAt: DECIDED, comment: '人手不足' }],
    pendingApproverId: null,
  }),
];

async function openUnmigrated(backend: Backend): Promise<Database> {
  const config = await freshDatabase(backend);
  return config.kind === 'pglite' ? openPglite(null) : openPostgres(config.url, 2);
}

describe.each(BACKENDS)('migration 0004: leave as data (%s)', (backend) => {
  let db: Database | null = null;
  afterEach(async () => {
    await db?.close();
    db = null;
  });

  it('converts requests of the first release, records used annual leave, and adds the system documents', async () => {
    db = await openUnmigrated(backend);
    // The first release's database: its two migrations, its documents, a client well along.
    expect(await migrate(db, { through: '0002' })).toEqual(['0001-init.sql', '0002-socket-io-attachments.sql']);
    await db.query("UPDATE counters SET value = 40 WHERE name = 'seq'");
    for (const [i, doc] of V1_REQUESTS.entries()) {
      const approvers = (doc.steps as Array<{ approverId: string }>).map((s) => `user:${s.approverId}`);
      await db.query('INSERT INTO documents (collection, id, data, deleted, seq, readers) VALUES ($1, $2, $3, false, $4, $5)', [
        'leaveRequests',
        doc.id,
        JSON.stringify(doc),
        31 + i,
        ['user:wangqiang', 'role:hr_officer', ...approvers],
      ]);
    }
    // A request deleted long ago: a tombstone keeps its old data and stays as it is.
    await db.query("INSERT INTO documents (collection, id, data, deleted, seq, readers) VALUES ('leaveRequests', 'v1-gone', $1, true, 35, $2)", [
      JSON.stringify(v1Request('v1-gone', {})),
      ['user:wangqiang'],
    ]);

    expect(await migrate(db)).toEqual(['0003-blobs.sql', '0004-leave-as-data.ts', '0005-travel.ts', '0006-forms-and-meetings.ts']);
    expect(await migrate(db)).toEqual([]);

    const docs = async <T>(collection: string) =>
      (await db!.query<{ id: string; data: T; seq: unknown; readers: string[] }>('SELECT id, data, seq, readers FROM documents WHERE collection = $1 AND NOT deleted ORDER BY id', [collection])).rows;
    const requests = await docs<LeaveRequest>('leaveRequests');
    expect(requests.map((r) => r.id)).toEqual(['v1-approved', 'v1-pending', 'v1-personal', 'v1-rejected']);
    for (const r of requests) {
      // Valid in the new shape, and after every cursor a client of the first release holds.
      expect(docSchemas.leaveRequests.safeParse(r.data).error?.issues ?? []).toEqual([]);
      expect(toNumber(r.seq)).toBeGreaterThan(40);
    }
    const byId = new Map(requests.map((r) => [r.id, r]));
    expect(byId.get('v1-pending')?.data).toMatchObject({
      status: 'pending',
      pendingApproverIds: ['lina'],
      revision: 1,
      counting: 'working',
      attachments: [],
      cancellation: null,
      reportBack: null,
      steps: [
        { kind: 'manager', mode: 'any', approverIds: ['lina'], status: 'pending', decisions: [], delegates: [] },
        { kind: 'department_head', mode: 'any', approverIds: ['zhangwei'], status: 'waiting', decisions: [] },
      ],
    });
    expect(byId.get('v1-pending')?.data).not.toHaveProperty('pendingApproverId');
    expect(new Set(byId.get('v1-pending')?.readers)).toEqual(new Set(['user:wangqiang', 'role:hr_officer', 'user:lina', 'user:zhangwei']));
    expect(byId.get('v1-approved')?.data.steps[0]?.decisions).toEqual([{ approverId: 'lina', byId: 'lina', decision: 'approved', at: DECIDED, comment: '同意' }]);
    expect(byId.get('v1-rejected')?.data.steps[0]?.decisions).toEqual([{ approverId: 'lina', byId: 'lina', decision: 'rejected', at: DECIDED, comment: '人手不足' }]);

    // Only the approved annual leave used days; the balance now shows them as used.
    const ledger = await docs<LedgerEntry>('leaveLedger');
    expect(ledger.map((e) => e.data)).toEqual([
      expect.objectContaining({ id: 'use-v1-approved', userId: 'wangqiang', typeId: 'annual', kind: 'usage', days: -2, effectiveOn: '2026-03-16', requestId: 'v1-approved' }),
    ]);
    expect(new Set(ledger[0]?.readers)).toEqual(new Set(['user:wangqiang', 'role:hr_officer']));

    const gone = (await db.query<{ data: Record<string, unknown>; seq: unknown }>("SELECT data, seq FROM documents WHERE id = 'v1-gone'")).rows[0];
    expect(gone?.data).toHaveProperty('pendingApproverId', 'lina');
    expect(toNumber(gone?.seq)).toBe(35);

    expect((await docs<{ id: string }>('leaveTypes')).map((t) => t.id).sort()).toEqual(
      ['annual', 'bereavement', 'compensatory', 'home_visit', 'marriage', 'maternity', 'paternity', 'personal', 'sick'],
    );
    const rules = (await docs<{ scope: string }>('approvalRules')).map((r) => ({ id: r.id, scope: r.data.scope }));
    expect(rules.filter((r) => r.scope === 'leave').map((r) => r.id)).toEqual(['leave-family', 'leave-long', 'leave-short']);
    // 0005 adds the routes of trips and claims, and the example travel standards.
    expect(rules.filter((r) => r.scope !== 'leave').map((r) => r.id)).toEqual(['claim-default', 'claim-hospitality', 'claim-large', 'travel-abroad', 'travel-default', 'travel-out']);
    expect((await docs<{ example: boolean }>('travelStandards')).map((d) => [d.id, d.data.example])).toEqual([['travel-standards', true]]);
    expect((await docs<{ id: string }>('calendars')).map((c) => c.id)).toEqual(['y2026']);

    const indexes = (await db.query<{ indexname: string }>("SELECT indexname FROM pg_indexes WHERE tablename = 'documents'")).rows.map((r) => r.indexname);
    expect(indexes).toEqual(expect.arrayContaining(['documents_leave_pending_ids', 'documents_user_roles', 'documents_ledger_user', 'documents_rule_scope', 'documents_delegation_from', 'documents_delegation_to']));
    expect(indexes).not.toContain('documents_leave_pending');

    // 0006: the two approved requests are now free/busy for meeting organizers.
    expect((await docs<{ userId: string; startDate: string; endDate: string; active: boolean }>('absences')).map((a) => [a.id, a.data.userId, a.data.startDate, a.data.endDate, a.data.active])).toEqual([
      ['ab-v1-approved', 'wangqiang', '2026-03-16', '2026-03-17', true],
      ['ab-v1-personal', 'wangqiang', '2026-03-23', '2026-03-23', true],
    ]);
  });

  it('sends a client of the first release the converted requests on its next pull', async () => {
    db = await openUnmigrated(backend);
    await migrate(db, { through: '0002' });
    await db.query("INSERT INTO accounts (user_id, username, password_hash) VALUES ('lina', 'lina', 'x')");
    await db.query(`INSERT INTO documents (collection, id, data, deleted, seq, readers) VALUES
      ('users', 'lina', '{"id":"lina","username":"lina","displayName":"李娜","departmentId":"general","managerId":null,"rank":9,"title":"处长","roles":["staff"],"active":true}', false, 1, '{all}'),
      ('leaveRequests', 'v1-pending', $1, false, 2, '{user:wangqiang,role:hr_officer,user:lina}')`, [JSON.stringify(V1_REQUESTS[0])]);
    await db.query("UPDATE counters SET value = 2 WHERE name = 'seq'");
    await migrate(db);
    // lina's client had pulled up to seq 2 before the upgrade.
    const page = await processPull({ db, userId: 'lina', clientId: 'client-lina-0000' }, { cursor: 2, scope: 0 });
    if (!page.ok) throw new Error(page.error);
    const request = page.changes.find((c) => c.c === 'leaveRequests');
    expect(request && 'doc' in request ? request.doc : null).toMatchObject({ id: 'v1-pending', pendingApproverIds: ['lina'] });
    expect(page.changes.filter((c) => c.c === 'leaveTypes')).toHaveLength(9);
  });
});

/** A request approved by its one approver (lina), as 0005's release stored it (no absence yet). */
function approvedBefore0006(id: string, requesterId: string, overrides: Partial<LeaveRequest> = {}): LeaveRequest {
  const step: ApprovalStep = { kind: 'manager', role: null, mode: 'any', approverIds: ['lina'], delegates: [], status: 'approved', decisions: [{ approverId: 'lina', byId: 'lina', decision: 'approved', at: DECIDED, comment: null }] };
  const leave = makeLeave(requesterId, ['lina'], {
    id,
    type: 'personal',
    status: 'approved',
    steps: [step],
    pendingApproverIds: [],
    history: [
      { at: AT, actorId: requesterId, action: 'submitted', comment: null },
      { at: DECIDED, actorId: 'lina', action: 'approved', comment: null },
    ],
    ...overrides,
  });
  expect(docSchemas.leaveRequests.safeParse(leave).error?.issues ?? []).toEqual([]);
  return leave;
}

describe.each(BACKENDS)('migration 0006: absences of leave approved before it (%s)', (backend) => {
  let db: Database | null = null;
  afterEach(async () => {
    await db?.close();
    db = null;
  });

  it('writes one active absence per approved request, over the days really taken, readable by meeting organizers and the person; nothing for leave not taken', async () => {
    db = await openUnmigrated(backend);
    await migrate(db, { through: '0005' });
    const cancellationStep: ApprovalStep = { kind: 'manager', role: null, mode: 'any', approverIds: ['lina'], delegates: [], status: 'pending', decisions: [] };
    const requests: LeaveRequest[] = [
      approvedBefore0006('m6-approved', 'wangqiang'),
      approvedBefore0006('m6-half', 'zhaomin', { startDate: '2026-03-11', startHalf: 'pm', endDate: '2026-03-12', endHalf: 'am', days: 1 }),
      // Back on Wednesday morning from a week off: Monday and Tuesday taken.
      approvedBefore0006('m6-back', 'sunlei', {
        startDate: '2026-03-16',
        endDate: '2026-03-20',
        days: 5,
        revision: 2,
        reportBack: { returnDate: '2026-03-18', returnHalf: 'am', actualDays: 2, at: '2026-03-18T01:00:00.000Z', comment: null },
      }),
      // Back on the first morning: nothing taken.
      approvedBefore0006('m6-none-taken', 'chenjing', {
        startDate: '2026-03-23',
        endDate: '2026-03-24',
        revision: 2,
        reportBack: { returnDate: '2026-03-23', returnHalf: 'am', actualDays: 0, at: '2026-03-23T01:00:00.000Z', comment: null },
      }),
      // A cancellation asked for and not yet decided: still away.
      approvedBefore0006('m6-cancel-pending', 'liuyang', {
        startDate: '2026-03-25',
        endDate: '2026-03-25',
        days: 1,
        revision: 2,
        pendingApproverIds: ['lina'],
        cancellation: { reason: '行程取消', requestedAt: DECIDED, status: 'pending', steps: [cancellationStep] },
      }),
      approvedBefore0006('m6-cancelled', 'yangfan', {
        status: 'cancelled',
        revision: 2,
        cancellation: { reason: '行程取消', requestedAt: DECIDED, status: 'approved', steps: [{ ...cancellationStep, status: 'approved' }] },
      }),
      makeLeave('zhouting', ['zhangwei'], { id: 'm6-pending', type: 'personal' }),
      approvedBefore0006('m6-rejected', 'zhangwei', { status: 'rejected' }),
    ];
    await db.transaction((tx) => writeDocuments(tx, requests.map((doc) => ({ c: 'leaveRequests' as const, doc }))));
    const seqBefore = toNumber((await db.query<{ value: unknown }>("SELECT value FROM counters WHERE name = 'seq'")).rows[0]?.value);

    expect(await migrate(db)).toEqual(['0006-forms-and-meetings.ts']);
    expect(await migrate(db)).toEqual([]);

    const rows = (await db.query<{ id: string; data: Absence; seq: unknown; readers: string[] }>("SELECT id, data, seq, readers FROM documents WHERE collection = 'absences' AND NOT deleted ORDER BY id")).rows;
    const span = (a: Absence) => [a.userId, a.leaveRequestId, a.startDate, a.startHalf, a.endDate, a.endHalf, a.active];
    expect(rows.map((r) => span(r.data))).toEqual([
      ['wangqiang', 'm6-approved', '2026-03-09', 'am', '2026-03-10', 'pm', true],
      ['sunlei', 'm6-back', '2026-03-16', 'am', '2026-03-17', 'pm', true],
      ['liuyang', 'm6-cancel-pending', '2026-03-25', 'am', '2026-03-25', 'pm', true],
      ['zhaomin', 'm6-half', '2026-03-11', 'pm', '2026-03-12', 'am', true],
    ]);
    for (const r of rows) {
      expect(r.id).toBe(`ab-${r.data.leaveRequestId}`);
      expect(docSchemas.absences.safeParse(r.data).error?.issues ?? []).toEqual([]);
      expect([...r.readers].sort()).toEqual([`user:${r.data.userId}`, 'role:meeting_organizer'].sort());
      // After every cursor a client held before the upgrade: its next pull brings them.
      expect(toNumber(r.seq)).toBeGreaterThan(seqBefore);
    }

    // A meeting organizer's client receives them on its next pull.
    await db.query("INSERT INTO accounts (user_id, username, password_hash) VALUES ('chenjing', 'chenjing', 'x')");
    await db.query(`INSERT INTO documents (collection, id, data, deleted, seq, readers) VALUES
      ('users', 'chenjing', '{"id":"chenjing","username":"chenjing","displayName":"陈静","departmentId":"business","managerId":null,"rank":5,"title":"一级科员","roles":["staff","meeting_organizer"],"active":true}', false, $1, '{all}')`, [seqBefore]);
    const page = await processPull({ db, userId: 'chenjing', clientId: 'client-chenjing-06' }, { cursor: seqBefore, scope: 0 });
    if (!page.ok) throw new Error(page.error);
    expect(page.changes.filter((c) => c.c === 'absences').map((c) => c.id).sort()).toEqual(['ab-m6-approved', 'ab-m6-back', 'ab-m6-cancel-pending', 'ab-m6-half']);
  });
});
