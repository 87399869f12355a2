// Test projects (run one with `npx vitest run --project <name>`):
//   unit         test/unit/**         fast, no external processes
//   integration  test/integration/**  with a throwaway PostgreSQL (inject('postgresUrl'))
//   fault        test/fault/**        sync guarantees under failure (DESIGN.md section 3), same PostgreSQL
//   e2e          test/e2e/**          Debian's Chromium via playwright-core against a real server,
//                                     after one `npm run build:web`; one file at a time
// test/bench/ is not part of `npm test`.
//
// The machines have 2 cores: at most 2 worker processes for the whole run.
import { defineConfig } from 'vitest/config';

const postgresSetup = './test/support/globalSetup.postgres.ts';

export default defineConfig({
  test: {
    pool: 'forks',
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts', 'test/unit/**/*.test.tsx'],
          environment: 'node',
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          environment: 'node',
          globalSetup: [postgresSetup],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'fault',
          include: ['test/fault/**/*.test.ts'],
          environment: 'node',
          globalSetup: [postgresSetup],
          testTimeout: 300_000,
          hookTimeout: 120_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['./test/support/globalSetup.e2e.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
