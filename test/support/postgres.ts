// A throwaway PostgreSQL server for tests: a fresh data folder in the temp directory, a free
// port on 127.0.0.1, trust authentication, durability switched off for speed, and everything
// removed again by stop(). Uses the Debian packages under /usr/lib/postgresql/<version>/bin.
//
// PostgreSQL refuses to run as root, so when the tests run as root (containers, CI) initdb and
// pg_ctl run as the `postgres` user through `runuser`, in a folder owned by that user.
import { spawn, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';

export interface PostgresServer {
  /** Connection URL of the `postgres` database, as superuser `bureau`. */
  readonly url: string;
  /** Creates a database (a fresh unique name when none is given) and returns its URL. */
  createDatabase(name?: string): Promise<string>;
  /** Stops the server immediately and deletes its data folder. Safe to call twice. */
  stop(): Promise<void>;
}

const PG_ROOT = '/usr/lib/postgresql';
const INSTALL_HINT = 'apt-get install -y postgresql (or run: node build/ensure-deps.mjs --test)';

/** The newest /usr/lib/postgresql/<version>/bin with initdb and pg_ctl, or null. */
export function findPostgresBinDir(): string | null {
  const override = process.env.BUREAU_PG_BINDIR;
  if (override) return hasServerBinaries(override) ? override : null;
  if (!existsSync(PG_ROOT)) return null;
  const versions = readdirSync(PG_ROOT)
    .filter((name) => /^\d+(\.\d+)?$/.test(name))
    .sort((a, b) => Number(b) - Number(a));
  for (const version of versions) {
    const dir = join(PG_ROOT, version, 'bin');
    if (hasServerBinaries(dir)) return dir;
  }
  return null;
}

function hasServerBinaries(dir: string): boolean {
  return existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl')) && existsSync(join(dir, 'postgres'));
}

/** True when a PostgreSQL server can be started on this machine. */
export function postgresAvailable(): boolean {
  return findPostgresBinDir() !== null;
}

/**
 * Starts a throwaway PostgreSQL. Returns null when PostgreSQL is not installed (the caller
 * skips with a message), except under CI, where a missing server is an error.
 */
export async function startPostgres(): Promise<PostgresServer | null> {
  const binDir = findPostgresBinDir();
  if (!binDir) {
    const where = process.env.BUREAU_PG_BINDIR ? `in BUREAU_PG_BINDIR=${process.env.BUREAU_PG_BINDIR}` : `under ${PG_ROOT}/<version>/bin`;
    const message = `PostgreSQL server binaries (initdb, pg_ctl, postgres) not found ${where}. Install them: ${INSTALL_HINT}`;
    if (process.env.CI) throw new Error(message);
    return null;
  }

  const asPostgres = process.getuid?.() === 0;
  const baseDir = mkdtempSync(join(tmpdir(), 'bureau-pg-'));
  const dataDir = join(baseDir, 'data');
  const logFile = join(baseDir, 'postgres.log');
  if (asPostgres) {
    const user = systemUser('postgres');
    if (!user) throw new Error('Running as root but there is no `postgres` user to run PostgreSQL as (PostgreSQL refuses to run as root).');
    chownSync(baseDir, user.uid, user.gid);
  }

  const pg = (program: string, args: string[]) => runCommand(asPostgres, join(binDir, program), args, baseDir);
  let stopped = false;
  let started = false;
  const cleanupSync = () => {
    if (stopped) return;
    stopped = true;
    if (started) {
      const [command, args] = commandLine(asPostgres, join(binDir, 'pg_ctl'), ['-D', dataDir, '-m', 'immediate', 'stop']);
      spawnSync(command, args, { cwd: baseDir, stdio: 'ignore' });
    }
    rmSync(baseDir, { recursive: true, force: true });
  };
  // A crashed or interrupted test run must not leave a server and a data folder behind.
  process.once('exit', cleanupSync);

  try {
    await pg('initdb', ['-D', dataDir, '-A', 'trust', '-U', 'bureau', '--encoding=UTF8', '--no-locale', '--no-sync']);
    let port = 0;
    for (let attempt = 1; ; attempt++) {
      port = await freePort();
      const options = [
        `-p ${port}`,
        '-h 127.0.0.1',
        `-k ${baseDir}`,
        '-c fsync=off',
        '-c synchronous_commit=off',
        '-c full_page_writes=off',
        '-c max_connections=200',
      ].join(' ');
      try {
        await pg('pg_ctl', ['-D', dataDir, '-l', logFile, '-w', '-t', '60', '-o', options, 'start']);
        started = true;
        break;
      } catch (error) {
        // Another process may have taken the port between freePort() and the bind: try again.
        if (attempt >= 3) throw new Error(`${(error as Error).message}\n--- ${logFile} ---\n${readLog(logFile)}`, { cause: error });
      }
    }

    const url = `postgres://bureau@127.0.0.1:${port}/postgres`;
    return {
      url,
      createDatabase: (name?: string) => createDatabase(url, name),
      async stop() {
        if (stopped) return;
        process.removeListener('exit', cleanupSync);
        stopped = true;
        try {
          await pg('pg_ctl', ['-D', dataDir, '-m', 'immediate', 'stop']);
        } finally {
          rmSync(baseDir, { recursive: true, force: true });
        }
      },
    };
  } catch (error) {
    process.removeListener('exit', cleanupSync);
    cleanupSync();
    throw error;
  }
}

let databaseCounter = 0;

/**
 * Creates a database on the server of `serverUrl` (any database URL of it) and returns the
 * new database's URL. Works from test files with the URL from `inject('postgresUrl')`.
 */
export async function createDatabase(serverUrl: string, name?: string): Promise<string> {
  const database = name ?? `test_${process.pid}_${Date.now().toString(36)}_${++databaseCounter}`;
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(database)) {
    throw new Error(`Invalid database name ${JSON.stringify(database)}: use lower-case letters, digits and _ (at most 63).`);
  }
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE "${database}"`);
  } finally {
    await client.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/** A free TCP port on 127.0.0.1 (bind to port 0, read it, close). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port ? resolve(port) : reject(new Error('Could not find a free port'))));
    });
  });
}

function systemUser(name: string): { uid: number; gid: number } | null {
  for (const line of readFileSync('/etc/passwd', 'utf8').split('\n')) {
    const fields = line.split(':');
    if (fields[0] === name && fields.length >= 4) return { uid: Number(fields[2]), gid: Number(fields[3]) };
  }
  return null;
}

function commandLine(asPostgres: boolean, program: string, args: string[]): [string, string[]] {
  return asPostgres ? ['runuser', ['-u', 'postgres', '--', program, ...args]] : [program, args];
}

/** Runs a PostgreSQL program to completion; rejects with its output when it fails. */
function runCommand(asPostgres: boolean, program: string, args: string[], cwd: string): Promise<void> {
  const [command, commandArgs] = commandLine(asPostgres, program, args);
  return new Promise((resolve, reject) => {
    // cwd: the postgres user may not be allowed into the test's working directory.
    const child = spawn(command, commandArgs, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('error', reject);
    // 'exit', not 'close': with -l the server itself does not hold our pipes, but be safe.
    child.once('exit', (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(`${[command, ...commandArgs].join(' ')} failed (${signal ?? `exit ${code}`}):\n${output.trim()}`));
    });
  });
}

function readLog(file: string): string {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-30).join('\n');
  } catch {
    return '(no log)';
  }
}
