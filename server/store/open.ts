import type { Database } from './database';
import { migrate } from './migrate';
import { openPglite } from './pglite';
import { openPostgres } from './postgres';

export type DatabaseConfig = { kind: 'pglite'; dataDir: string | null } | { kind: 'postgres'; url: string; poolSize?: number };

/** Opens and migrates the configured database. */
export async function openDatabase(config: DatabaseConfig): Promise<Database> {
  const db = config.kind === 'pglite' ? await openPglite(config.dataDir) : await openPostgres(config.url, config.poolSize);
  try {
    await migrate(db);
  } catch (err) {
    await db.close();
    throw err;
  }
  return db;
}
