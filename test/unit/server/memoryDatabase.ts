// One migrated, in-memory PGlite database per test file (opening one costs seconds on these
// machines), emptied before each test so that tests stay independent. Emptied means empty: the
// system documents migration 0004 inserted are gone too (seedSystem puts them back).
import { afterAll, beforeAll, beforeEach } from 'vitest';
import type { Database } from '../../../server/store/database';
import { openDatabase } from '../../../server/store/open';
import { writeDocuments } from '../../../server/store/documents';
import { systemDocuments } from '../../../server/seed/system';

const EMPTY = `
  ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update;
  ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_truncate;
  TRUNCATE audit_log, revocations, documents, login_attempts, sessions, clients, accounts, blobs, blob_refs;
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

/** The built-in leave types, the default approval rules and the 2026 calendar, as a new server has them. */
export async function seedSystem(db: Database, now = '2025-12-01T00:00:00.000Z'): Promise<void> {
  await db.transaction((tx) => writeDocuments(tx, systemDocuments(now)));
}
