// One migrated, in-memory PGlite database per test file (opening one costs seconds on these
// machines), emptied before each test so that tests stay independent.
import { afterAll, beforeAll, beforeEach } from 'vitest';
import type { Database } from '../../../server/store/database';
import { openDatabase } from '../../../server/store/open';

const EMPTY = `
  ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update;
  ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_truncate;
  TRUNCATE audit_log, revocations, documents, login_attempts, sessions, clients, accounts;
  ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_truncate;
  UPDATE counters SET value = 0, head_hash = CASE name WHEN 'audit' THEN repeat('0', 64) ELSE '' END;`;

/** Call at the top of a test file; the returned function gives the (empty) database in a test. */
export function useMemoryDatabase(): () => Database {
  let db: Database | undefined;
  beforeAll(async () => {
    db = await openDatabase({ kind: 'pglite', dataDir: null });
  }, 120_000);
  afterAll(async () => {
    await db?.close();
  });
  beforeEach(async () => {
    await db?.exec(EMPTY);
  });
  return () => {
    if (!db) throw new Error('the database is not open yet');
    return db;
  };
}
