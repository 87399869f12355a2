// Assembles a Bureau server: database, HTTP API, socket.io sync. Used by the CLI and by tests
// (in-process), so everything it needs comes in through options.
import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { createApiHandler } from './http/api';
import { consoleLogger, type Logger } from './log';
import { seedDemo } from './seed/demo';
import { openDatabase, type DatabaseConfig } from './store/open';
import type { Database } from './store/database';
import { attachSync, disconnectSessions, poke, type BureauServer } from './sync/socket';
import type { Principal } from '../shared/sync/access';

/** Undoes what `configureIo` set up (e.g. closes the cluster's connections), after io closed. */
export type IoDisposer = () => Promise<void>;

export interface ServerOptions {
  database: DatabaseConfig | { kind: 'open'; db: Database };
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  /** The built client (dist/renderer), served at /; null serves no client. */
  staticDir?: string | null;
  /** Seed the demo agency on an empty database; a string gives every account that password. */
  seedDemo?: boolean | string;
  /** With seedDemo: also demo forms and a meeting notice (npm start); tests start without. */
  demoContent?: boolean;
  sessionTtlMs?: number;
  allowedOrigins?: readonly string[];
  log?: Logger;
  version?: string;
  /** Lets several nodes share pokes (see server/cluster.ts); what it returns runs on close. */
  configureIo?: (io: BureauServer, db: Database) => Promise<IoDisposer | void> | IoDisposer | void;
}

export interface RunningServer {
  url: string;
  port: number;
  db: Database;
  io: BureauServer;
  http: HttpServer;
  /** Demo passwords, when this start seeded the demo agency. */
  demoPasswords: Record<string, string> | null;
  /** Tells clients that can read these principals' documents to pull (after admin changes). */
  poke(audience: Iterable<Principal>): void;
  revokeSessions(tokenHashes: readonly string[]): void;
  close(): Promise<void>;
}

export const DEFAULT_PORT = 8470;
export const DEFAULT_SESSION_TTL_MS = 12 * 3600_000;

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const log = options.log ?? consoleLogger();
  const ownsDb = options.database.kind !== 'open';
  const db = options.database.kind === 'open' ? options.database.db : await openDatabase(options.database);
  const demoPasswords = options.seedDemo ? await seedDemo(db, typeof options.seedDemo === 'string' ? options.seedDemo : undefined, { content: options.demoContent ?? false }) : null;

  let io: BureauServer | null = null;
  const revokeSessions = (hashes: readonly string[]) => io && disconnectSessions(io, hashes);
  const http = createServer(
    createApiHandler({
      db,
      log,
      version: options.version ?? '0.1.0',
      sessionTtlMs: options.sessionTtlMs ?? DEFAULT_SESSION_TTL_MS,
      staticDir: options.staticDir ?? null,
      allowedOrigins: options.allowedOrigins ?? ['app://bureau'],
      onLogout: (hash) => revokeSessions([hash]),
    }),
  );
  // Idle keep-alive connections stay open longer than clients and balancers keep theirs, so a
  // client never sends a request down a socket the server is closing (ECONNRESET on sign-in).
  http.keepAliveTimeout = 65_000;
  http.headersTimeout = 66_000;
  io = new Server(http, {
    transports: ['websocket'],
    serveClient: false,
    maxHttpBufferSize: 1_000_000,
    pingInterval: 10_000,
    pingTimeout: 8_000,
  }) as BureauServer;
  const disposeIo = await options.configureIo?.(io, db);
  attachSync(io, { db, log });

  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(options.port ?? DEFAULT_PORT, options.host ?? '127.0.0.1', () => resolve());
  });
  const { port, address } = http.address() as AddressInfo;
  const host = address.includes(':') ? `[${address}]` : address;
  const server = io;
  return {
    url: `http://${host}:${port}`,
    port,
    db,
    io: server,
    http,
    demoPasswords,
    poke: (audience) => poke(server, audience),
    revokeSessions,
    async close() {
      // No disconnect packet: clients must see a dropped transport and keep reconnecting.
      await new Promise<void>((resolve) => {
        void server.close(() => resolve());
      });
      if (disposeIo) await disposeIo();
      if (ownsDb) await db.close();
    },
  };
}
