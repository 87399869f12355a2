// `npm start`: the server with its embedded database (created, migrated and seeded with the
// demo agency on first start) and the client: the desktop app where an Electron binary exists,
// otherwise the same client over HTTP at the printed address.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { startServer } from '../app';
import { clusterHook } from '../cluster';
import { consoleLogger } from '../log';
import { describeDatabase, readConfig } from './config';

const root = fileURLToPath(new URL('../../', import.meta.url));
const HELP = `Usage: npm start [-- options]
  --port N            port to listen on (env BUREAU_PORT, default 8470; 0 = any free port)
  --host ADDR         address to bind (env BUREAU_HOST, default 127.0.0.1)
  --data-dir DIR      data folder for the embedded database (env BUREAU_DATA_DIR, default .bureau-data)
  --no-client         serve no client and start no desktop app
  --no-demo           do not seed the demo agency into an empty database
  --demo-password P   give every demo account this password (env BUREAU_DEMO_PASSWORD)
Set DATABASE_URL=postgres://user:pass@host:5432/db to use a real PostgreSQL instead of PGlite;
several servers (each with its own --port or host) may then share it behind a load balancer.`;

function electronBinary(): string | null {
  try {
    const path = createRequire(import.meta.url)('electron') as unknown;
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

async function main(): Promise<void> {
  const config = readConfig(process.argv.slice(2));
  if (config.help) {
    console.log(HELP);
    return;
  }
  if (config.database.kind === 'pglite') mkdirSync(config.dataDir, { recursive: true });
  const staticDir = config.client ? fileURLToPath(new URL('../../dist/renderer/', import.meta.url)) : null;
  if (staticDir && !existsSync(`${staticDir}index.html`)) {
    console.error('The client is not built: run `npm run build:web` (npm start does this for you).');
    process.exitCode = 1;
    return;
  }
  const log = consoleLogger(process.env.BUREAU_LOG_LEVEL === 'warn' ? 'warn' : 'info');
  const server = await startServer({
    database: config.database,
    host: config.host,
    port: config.port,
    staticDir,
    seedDemo: config.demo ? (config.demoPassword ?? true) : false,
    demoContent: true,
    log,
    // With PostgreSQL every node joins the cluster, even alone: another may start at any time.
    configureIo: clusterHook(config.database, log),
  });
  console.log(`\nBureau server ready at ${server.url}  (${describeDatabase(config.database)})`);
  if (server.demoPasswords) {
    console.log('\nDemo agency created. These passwords are shown ONCE; reset one with `npm run admin -- reset-password <user>`:');
    console.table(Object.entries(server.demoPasswords).map(([user, password]) => ({ user, password })));
  }

  const electron = config.client ? electronBinary() : null;
  if (electron) {
    const built = spawnSync(process.execPath, [`${root}node_modules/electron-vite/bin/electron-vite.js`, 'build'], { cwd: root, stdio: 'inherit' });
    if (built.status === 0) {
      const app = spawn(electron, [root], { cwd: root, stdio: 'inherit', env: { ...process.env, BUREAU_SERVER_URL: server.url } });
      app.on('exit', () => void server.close().then(() => process.exit(0)));
    }
  } else if (config.client) {
    console.log(`\nNo Electron binary on this machine: open ${server.url} in a browser (Chromium, Firefox, Edge).`);
  }

  const stop = () => {
    void server.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
