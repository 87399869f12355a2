// Pull by cursor: pages that never split one commit, filtered by what the reader may see, with
// tombstones for documents a reader lost, and a reset when the reader's scope changed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS, freshDatabase } from '../support/backends';
import { openDatabase } from '../../server/store/open';
import type { Database } from '../../server/store/database';
import { writeDocuments } from '../../server/store/documents';
import { seedDemo } from '../../server/seed/demo';
import { processPull } from '../../server/sync/pull';
import { agencyDate } from '../../shared/calendar/dates';
import type { LeaveRequest } from '../../shared/domain/leave';
import type { Change, PullResponse } from '../../shared/protocol/sync';
import { makeLeave } from '../support/leaveFixture';

const leave = (id: string, requesterId: string, approverId: string): LeaveRequest =>
  makeLeave(requesterId, [approverId], { id, departmentId: 'general', startDate: '2026-03-02', endDate: '2026-03-02', days: 1, reason: 'r' });

type Ok = Extract<PullResponse, { ok: true }>;
/** The year the demo seed allocated balances for. */
const year = Number(agencyDate(new Date().toISOString()).slice(0, 4));
async function pullAll(db: Database, userId: string, pageSize: number, from = { cursor: 0, scope: 0 }): Promise<{ pages: Ok[]; changes: Change[] }> {
  const pages: Ok[] = [];
  let position = from;
  for (;;) {
    const res = await processPull({ db, userId, clientId: `client-${userId}-0000`, pageSize }, position);
    if (!res.ok) throw new Error(res.error);
    pages.push(res);
    position = { cursor: res.cursor, scope: res.scope };
    if (!res.more) break;
  }
  return { pages, changes: pages.flatMap((p) => p.changes) };
}

describe.each(BACKENDS)('pull (%s)', (backend) => {
  let db: Database;
  beforeAll(async () => {
    db = await openDatabase(await freshDatabase(backend));
    await seedDemo(db, 'pw-for-pull-tests');
    // 30 commits of 3 documents each (one seq per commit), then 40 single-document commits.
    for (let i = 0; i < 30; i++) {
      await db.transaction((tx) => writeDocuments(tx, [0, 1, 2].map((j) => ({ c: 'leaveRequests' as const, doc: leave(`batch-${i}-${j}`, 'wangqiang', 'lina') }))));
    }
    for (let i = 0; i < 40; i++) await db.transaction((tx) => writeDocuments(tx, [{ c: 'leaveRequests', doc: leave(`other-${i}`, 'chenjing', 'liuyang') }]));
  });
  afterAll(async () => {
    await db.close();
  });

  it('delivers everything readable exactly once in seq order, never splitting a commit across pages', async () => {
    const { pages, changes } = await pullAll(db, 'wangqiang', 7);
    const leaveIds = changes.filter((c) => c.c === 'leaveRequests').map((c) => c.id);
    expect(new Set(leaveIds).size).toBe(90);
    expect(leaveIds.length).toBe(90);
    expect(leaveIds.some((id) => id.startsWith('other-'))).toBe(false);
    expect(changes.filter((c) => c.c === 'users')).toHaveLength(12);
    expect(pages[0]?.reset).toBe(true);
    expect(pages.slice(1).every((p) => !p.reset)).toBe(true);
    // Migration 0004 wrote the leave system documents in one commit (9 leave types, 3 approval
    // rules, the 2026 calendar), 0005 the travel ones in another (the standards, 6 rules), and
    // the demo seed the directory in a third (5 departments, 12 people): each is larger than a
    // page, and each arrives whole, on a page of its own.
    expect(pages[0]?.changes.map((c) => c.c).sort()).toEqual([...Array<string>(9).fill('leaveTypes'), ...Array<string>(3).fill('approvalRules'), 'calendars'].sort());
    expect(pages[1]?.changes.map((c) => c.c).sort()).toEqual([...Array<string>(6).fill('approvalRules'), 'travelStandards'].sort());
    expect(pages[2]?.changes).toHaveLength(17);
    for (const page of pages.slice(3).filter((p) => p.more)) expect(page.changes.length).toBeLessThanOrEqual(7);
    // Each batch's three documents arrive on the same page.
    for (let i = 0; i < 30; i++) {
      const holding = pages.filter((p) => p.changes.some((c) => c.id.startsWith(`batch-${i}-`)));
      expect(holding).toHaveLength(1);
      expect(holding[0]?.changes.filter((c) => c.id.startsWith(`batch-${i}-`))).toHaveLength(3);
    }
  });

  it('gives HR every request and an approver only theirs', async () => {
    const hr = await pullAll(db, 'zhouting', 1000);
    expect(hr.changes.filter((c) => c.c === 'leaveRequests')).toHaveLength(130);
    const head = await pullAll(db, 'liuyang', 1000);
    expect(head.changes.filter((c) => c.c === 'leaveRequests')).toHaveLength(40);
  });

  it('gives a leave balance entry to its owner and HR only; types, calendars and rules to everyone', async () => {
    const ledgerOwners = (changes: Change[]) => [...new Set(changes.flatMap((c) => (c.c === 'leaveLedger' && 'doc' in c ? [c.doc.userId] : [])))].sort();
    // The demo seed allocated this year's annual and home-visit leave to the nine staff members.
    expect(ledgerOwners((await pullAll(db, 'wangqiang', 1000)).changes)).toEqual(['wangqiang']);
    expect((await pullAll(db, 'wangqiang', 1000)).changes.filter((c) => c.c === 'leaveLedger').map((c) => c.id).sort()).toEqual([
      `al-${year}-annual-wangqiang`,
      `al-${year}-home_visit-wangqiang`,
    ]);
    expect(ledgerOwners((await pullAll(db, 'chenjing', 1000)).changes)).toEqual(['chenjing']);
    // The department head is no HR officer: only his own.
    expect(ledgerOwners((await pullAll(db, 'liuyang', 1000)).changes)).toEqual(['liuyang']);
    const hr = await pullAll(db, 'zhouting', 1000);
    expect(hr.changes.filter((c) => c.c === 'leaveLedger')).toHaveLength(18);
    // The administrators hold no leave of their own, but route and count like everyone.
    const admin = await pullAll(db, 'admin', 1000);
    expect(admin.changes.filter((c) => c.c === 'leaveLedger')).toEqual([]);
    expect(admin.changes.filter((c) => c.c === 'leaveTypes' || c.c === 'calendars' || c.c === 'approvalRules' || c.c === 'travelStandards')).toHaveLength(20);
  });

  it('sends a tombstone to a reader who lost access, and nothing more once caught up', async () => {
    const before = await pullAll(db, 'lina', 1000);
    const last = before.pages[before.pages.length - 1];
    if (!last) throw new Error('no page');
    // The request is rerouted to another approver: lina may no longer read it.
    await db.transaction((tx) => writeDocuments(tx, [{ c: 'leaveRequests', doc: leave('batch-0-0', 'wangqiang', 'zhangwei') }]));
    const after = await pullAll(db, 'lina', 1000, { cursor: last.cursor, scope: last.scope });
    expect(after.changes).toEqual([{ c: 'leaveRequests', id: 'batch-0-0', deleted: true }]);
    const again = await pullAll(db, 'lina', 1000, { cursor: after.pages[0]?.cursor ?? 0, scope: last.scope });
    expect(again.changes).toEqual([]);
  });

  it('starts over when what the user may read changed wholesale', async () => {
    const first = await pullAll(db, 'sunlei', 1000);
    const last = first.pages[first.pages.length - 1];
    await db.query('UPDATE accounts SET scope_epoch = scope_epoch + 1 WHERE user_id = $1', ['sunlei']);
    const res = await processPull({ db, userId: 'sunlei', clientId: 'client-sunlei-0000' }, { cursor: last?.cursor ?? 0, scope: last?.scope ?? 0 });
    expect(res).toMatchObject({ ok: true, reset: true, scope: (last?.scope ?? 0) + 1 });
  });
});
