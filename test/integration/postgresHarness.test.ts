// The PostgreSQL harness itself: the run's server (globalSetup.postgres.ts) is reachable, a
// test can make its own database, and it is the PostgreSQL 15 that production targets.
import { Client } from 'pg';
import { describe, expect, inject, it } from 'vitest';
import { createDatabase } from '../support/postgres';

const postgresUrl = inject('postgresUrl');
const skip = !postgresUrl && !process.env.CI;
if (skip) console.warn('[postgresHarness] skipped: PostgreSQL is not installed (apt-get install -y postgresql).');

describe.skipIf(skip)('PostgreSQL test harness', () => {
  it('has a server URL (PostgreSQL is required under CI)', () => {
    expect(postgresUrl).toMatch(/^postgres:\/\/bureau@127\.0\.0\.1:\d+\/postgres$/);
  });

  it('creates a database, queries it, and runs PostgreSQL 15', async () => {
    const url = await createDatabase(postgresUrl, `harness_${process.pid}`);
    expect(url).toMatch(new RegExp(`/harness_${process.pid}$`));
    const client = new Client({ connectionString: url });
    await client.connect();
    try {
      const one = await client.query<{ one: number }>('select 1 as one');
      expect(one.rows).toEqual([{ one: 1 }]);
      const database = await client.query<{ name: string }>('select current_database() as name');
      expect(database.rows[0]?.name).toBe(`harness_${process.pid}`);
      const version = await client.query<{ server_version: string }>('show server_version');
      expect(version.rows[0]?.server_version).toMatch(/^15(\.|$)/);
    } finally {
      await client.end();
    }
  });

  it('gives each call of createDatabase without a name a fresh database', async () => {
    const [a, b] = await Promise.all([createDatabase(postgresUrl), createDatabase(postgresUrl)]);
    expect(a).not.toBe(b);
  });
});
