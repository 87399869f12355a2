// Server configuration from flags and environment, shared by the start and admin commands.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { DatabaseConfig } from '../store/open';
import { DEFAULT_PORT } from '../app';

export const DEFAULT_DATA_DIR = '.bureau-data';

export interface CliConfig {
  database: DatabaseConfig;
  dataDir: string;
  host: string;
  port: number;
  client: boolean;
  demo: boolean;
  demoPassword: string | undefined;
  help: boolean;
  positionals: string[];
  /** For `admin move-user`. */
  move: { department?: string; manager?: string; roles?: string[] };
}

export function readConfig(argv: string[], env: NodeJS.ProcessEnv = process.env): CliConfig {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      'data-dir': { type: 'string' },
      'no-client': { type: 'boolean', default: false },
      'no-demo': { type: 'boolean', default: false },
      'demo-password': { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
      department: { type: 'string' },
      manager: { type: 'string' },
      roles: { type: 'string' },
    },
  });
  const port = Number(values.port ?? env.BUREAU_PORT ?? DEFAULT_PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`invalid port: ${values.port ?? env.BUREAU_PORT}`);
  const dataDir = resolve(values['data-dir'] ?? env.BUREAU_DATA_DIR ?? DEFAULT_DATA_DIR);
  const url = env.DATABASE_URL;
  return {
    database: url ? { kind: 'postgres', url } : { kind: 'pglite', dataDir: resolve(dataDir, 'pglite') },
    dataDir,
    host: values.host ?? env.BUREAU_HOST ?? '127.0.0.1',
    port,
    client: !values['no-client'],
    demo: !values['no-demo'],
    demoPassword: values['demo-password'] ?? env.BUREAU_DEMO_PASSWORD,
    help: values.help ?? false,
    positionals,
    move: {
      ...(values.department ? { department: values.department } : {}),
      ...(values.manager ? { manager: values.manager } : {}),
      ...(values.roles ? { roles: values.roles.split(',').map((r) => r.trim()).filter(Boolean) } : {}),
    },
  };
}

/** For messages: the database without credentials. */
export function describeDatabase(db: DatabaseConfig): string {
  if (db.kind === 'pglite') return `embedded PGlite in ${db.dataDir}`;
  const u = new URL(db.url);
  return `PostgreSQL at ${u.hostname}:${u.port || 5432}${u.pathname}`;
}
