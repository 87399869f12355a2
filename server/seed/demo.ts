// The demo agency seeded on first start: a small municipal bureau with a director, two
// department heads, staff, HR and finance officers and the three separated administrators.
import type { Department, Role, User } from '../../shared/domain/directory';
import { appendAudit } from '../audit/log';
import { createAccounts, generatePassword } from '../admin/accounts';
import type { Database } from '../store/database';
import { SqlDocTx } from '../store/documents';
import { runMutator } from '../../shared/mutators';
import { agencyDate } from '../../shared/calendar/dates';
import { seedDemoContent } from './demoContent';

export const DEMO_DEPARTMENTS: readonly Department[] = [
  { id: 'agency', name: '市政务服务管理局', parentId: null, headId: 'zhangwei' },
  { id: 'general', name: '综合处', parentId: 'agency', headId: 'lina' },
  { id: 'business', name: '业务处', parentId: 'agency', headId: 'liuyang' },
  { id: 'hr', name: '人事处', parentId: 'agency', headId: 'zhouting' },
  { id: 'finance', name: '财务处', parentId: 'agency', headId: 'yangfan' },
];

type Seed = [id: string, name: string, dept: string, manager: string | null, rank: number, title: string, roles: Role[], firstEmployedOn?: string, joinedOn?: string];
const people: Seed[] = [
  ['zhangwei', '张伟', 'agency', null, 12, '局长', ['staff'], '1993-07-01', '2015-03-01'],
  ['lina', '李娜', 'general', 'zhangwei', 9, '综合处处长', ['staff', 'meeting_organizer'], '2005-07-01', '2005-07-01'],
  ['liuyang', '刘洋', 'business', 'zhangwei', 9, '业务处处长', ['staff'], '2010-08-01', '2012-01-01'],
  ['wangqiang', '王强', 'general', 'lina', 5, '一级科员', ['staff'], '2019-07-01', '2019-07-01'],
  // Ten years on 1 September 2026: annual leave pro-rated between 5 and 10 days.
  ['zhaomin', '赵敏', 'general', 'lina', 6, '四级主任科员', ['staff'], '2016-09-01', '2016-09-01'],
  // One year on 1 March 2026: no annual leave before it.
  ['chenjing', '陈静', 'business', 'liuyang', 5, '一级科员', ['staff'], '2025-03-01', '2025-03-01'],
  ['sunlei', '孙磊', 'business', 'liuyang', 4, '二级科员', ['staff'], '2012-07-01', '2020-05-01'],
  ['zhouting', '周婷', 'hr', 'zhangwei', 8, '人事处处长', ['staff', 'hr_officer'], '2000-07-01', '2008-01-01'],
  ['yangfan', '杨帆', 'finance', 'zhangwei', 8, '财务处处长', ['staff', 'finance_officer'], '2003-07-01', '2003-07-01'],
  ['admin', '系统管理员', 'agency', null, 1, '系统管理员', ['system_admin']],
  ['secadmin', '安全保密管理员', 'agency', null, 1, '安全保密管理员', ['security_admin']],
  ['auditor', '安全审计员', 'agency', null, 1, '安全审计员', ['audit_admin']],
];

/** The demo agency's people as directory documents (every account active). */
export const DEMO_USERS: readonly User[] = people.map(([id, displayName, departmentId, managerId, rank, title, roles, firstEmployedOn, joinedOn]) => ({
  id,
  username: id,
  displayName,
  departmentId,
  managerId,
  rank,
  title,
  roles,
  active: true,
  ...(firstEmployedOn ? { firstEmployedOn, joinedOn: joinedOn ?? firstEmployedOn } : {}),
}));

/** The year whose balances the demo allocates: the current one on the agency's calendar (UTC+8), whatever the server's zone. */
const demoYear = (now: string) => Number(agencyDate(now).slice(0, 4));

/** Any fixed number, distinct from the migrations' lock: the nodes of a cluster seed one at a time. */
const SEED_LOCK = 7_320_516;

/**
 * Seeds the demo agency if the database has no accounts yet. Returns the passwords (to print
 * once), or null when there was something already. With `password` every account gets it
 * (for tests); otherwise each gets a random one. `content` adds demo forms and a meeting.
 */
export async function seedDemo(db: Database, password?: string, options: { content?: boolean } = {}): Promise<Record<string, string> | null> {
  return db.transaction(async (tx) => {
    // Several nodes may start at once on an empty database: one seeds, the others then count
    // its accounts (the lock is held to commit, and each statement sees what committed before).
    await tx.query('SELECT pg_advisory_xact_lock($1)', [SEED_LOCK]);
    const { rows } = await tx.query<{ n: unknown }>('SELECT count(*) AS n FROM accounts');
    if (Number(rows[0]?.n ?? 0) > 0) return null;
    const users = DEMO_USERS.map((user) => ({ user, password: password ?? generatePassword() }));
    await createAccounts(tx, null, users, DEMO_DEPARTMENTS);
    // This year's annual and home-visit leave, allocated the way HR would (by the shared mutator).
    const now = new Date().toISOString();
    for (const typeId of ['annual', 'home_visit']) {
      const docs = new SqlDocTx(tx);
      await runMutator('ledger.allocateYear', { typeId, year: demoYear(now) }, { tx: docs, actorId: 'zhouting', now });
      await docs.commit();
    }
    // Forms and a meeting notice for someone trying the product; tests start without them.
    if (options.content) await seedDemoContent(tx, now);
    await appendAudit(tx, { actorId: null, kind: 'system.seeded', detail: { departments: DEMO_DEPARTMENTS.length, users: users.length } });
    return Object.fromEntries(users.map(({ user, password: p }) => [user.username, p]));
  });
}
