import { readdir, readFile } from 'node:fs/promises';
import type { Database, Queryable } from './database';

/** A migration written in TypeScript (data changes SQL cannot express): `export async function up(tx)`. */
export interface CodeMigration {
  up(tx: Queryable): Promise<void>;
}

const MIGRATIONS_DIR = new URL('./migrations/', import.meta.url);
/** Any fixed number: every node of a cluster takes the same lock, so one migrates at a time. */
const MIGRATION_LOCK = 7_320_515;

export interface MigrateOptions {
  /** Stop after this version ('0003'): tests build a database as an older release left it. */
  through?: string;
}

/** Applies numbered migrations (0001-name.sql, 0004-name.ts, ...) not applied yet, in order, in one transaction. */
export async function migrate(db: Database, options: MigrateOptions = {}): Promise<string[]> {
  const files = (await readdir(MIGRATIONS_DIR))
    .filter((f) => /^\d{4}-[\w-]+\.(sql|ts)$/.test(f))
    .filter((f) => options.through === undefined || f.slice(0, 4) <= options.through)
    .sort();
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await tx.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())');
    const done = new Set((await tx.query<{ version: string }>('SELECT version FROM schema_migrations')).rows.map((r) => r.version));
    const applied: string[] = [];
    for (const file of files) {
      const version = file.slice(0, 4);
      if (done.has(version)) continue;
      if (file.endsWith('.ts')) {
        const migration = (await import(new URL(file, MIGRATIONS_DIR).href)) as CodeMigration;
        await migration.up(tx);
      } else {
        await tx.exec(await readFile(new URL(file, MIGRATIONS_DIR), 'utf8'));
      }
      await tx.query('INSERT INTO schema_migrations (version) VALUES ($1)', [version]);
      applied.push(file);
    }
    return applied;
  });
}
