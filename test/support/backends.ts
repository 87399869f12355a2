// The two storage back ends every server test runs against: the embedded PGlite and a real
// PostgreSQL (the throwaway server started by globalSetup.postgres.ts).
import { inject } from 'vitest';
import type { DatabaseConfig } from '../../server/store/open';
import { createDatabase } from './postgres';

export type Backend = 'pglite' | 'postgres';

const postgresUrl = inject('postgresUrl');
export const postgresMissing = !postgresUrl && !process.env.CI;
if (postgresMissing) console.warn('[tests] PostgreSQL back end skipped: PostgreSQL is not installed (apt-get install -y postgresql).');

/** The back ends to run a suite against, for describe.each. */
export const BACKENDS: Backend[] = postgresMissing ? ['pglite'] : ['pglite', 'postgres'];

/** A fresh, empty database of the given kind. */
export async function freshDatabase(backend: Backend): Promise<DatabaseConfig> {
  if (backend === 'pglite') return { kind: 'pglite', dataDir: null };
  return { kind: 'postgres', url: await createDatabase(postgresUrl) };
}
