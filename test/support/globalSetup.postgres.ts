// Vitest globalSetup: one throwaway PostgreSQL for the whole run. Tests read its URL with
// `inject('postgresUrl')` and make their own database with `createDatabase(url)` from
// ./postgres.ts. An empty URL means PostgreSQL is not installed (never under CI, where
// startPostgres throws instead): tests then skip with a message.
//
// Several projects (integration, fault) list this file. Each project loads it separately, so
// the server is kept on globalThis and shared, and stopped when the last project tears down.
import type { TestProject } from 'vitest/node';
import { startPostgres } from './postgres';
import type { PostgresServer } from './postgres';

declare module 'vitest' {
  export interface ProvidedContext {
    /** URL of the run's PostgreSQL (database `postgres`), or '' when none is installed. */
    postgresUrl: string;
  }
}

interface Shared {
  server: Promise<PostgresServer | null>;
  users: number;
}

const KEY = Symbol.for('bureau.test.postgres');
const holder = globalThis as typeof globalThis & { [KEY]?: Shared };

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const shared = (holder[KEY] ??= { server: startPostgres(), users: 0 });
  shared.users += 1;
  let server: PostgresServer | null;
  try {
    server = await shared.server;
  } catch (error) {
    shared.users -= 1;
    if (shared.users === 0) delete holder[KEY];
    throw error;
  }
  if (!server) {
    console.warn('[postgres] PostgreSQL is not installed: tests that need it will be skipped. Install it with: apt-get install -y postgresql');
  }
  project.provide('postgresUrl', server?.url ?? '');

  return async () => {
    shared.users -= 1;
    if (shared.users > 0) return;
    delete holder[KEY];
    await server?.stop();
  };
}
