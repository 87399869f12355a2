import { it, expect } from 'vitest';
import { openDatabase } from '/work/main/server/store/open';
import { appendAudit, verifyAudit } from '/work/main/server/audit/log';
import { isoInstantSchema } from '/work/main/shared/domain/ids';
it('x', async () => {
  console.log(isoInstantSchema.safeParse('2026-03-02T09:00:00.000Z').success, isoInstantSchema.safeParse('2026-03-02T09:00:00+08:00').success);
  const db = await openDatabase({ kind: 'pglite', dataDir: null });
  for (const detail of [{ a: 'x\u0000y' }, { a: '\ud800' }, { d: new Date(0) as unknown }, { n: 1e21 }, { big: 12345678901234567890 }]) {
    try {
      await db.transaction((tx) => appendAudit(tx, { actorId: null, kind: 'logout', detail: detail as Record<string, unknown> }));
      console.log('ok', JSON.stringify(detail), JSON.stringify(await verifyAudit(db)));
    } catch (e) { console.log('ERR', JSON.stringify(detail), (e as Error).message); }
  }
  await db.close();
});
