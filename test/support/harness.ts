// An in-process Bureau server and Node sync clients (Dexie on fake-indexeddb, the real
// SyncEngine over socket.io), for integration and fault tests.
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { loginResponseSchema, type LoginResponse } from '../../shared/protocol/http';
import { startServer, type RunningServer } from '../../server/app';
import { silentLogger } from '../../server/log';
import { openDatabase } from '../../server/store/open';
import type { Database } from '../../server/store/database';
import { LocalStore, databaseName } from '../../renderer/db';
import { SyncEngine, type SyncStatus } from '../../renderer/sync';
import { freshDatabase, type Backend } from './backends';

export const DEMO_PASSWORD = 'demo-password-1';

export interface TestServer {
  url: string;
  db: Database;
  server: RunningServer;
  /** Stops the server (sockets drop; clients go offline). The database stays. */
  stop(): Promise<void>;
  /** Starts it again on the same port and database. */
  restart(): Promise<void>;
  close(): Promise<void>;
}

export async function startTestServer(backend: Backend, options: { sessionTtlMs?: number } = {}): Promise<TestServer> {
  const db = await openDatabase(await freshDatabase(backend));
  const start = (port = 0) =>
    startServer({ database: { kind: 'open', db }, port, seedDemo: DEMO_PASSWORD, log: silentLogger, ...(options.sessionTtlMs ? { sessionTtlMs: options.sessionTtlMs } : {}) });
  let server: RunningServer | null = await start();
  const port = server.port;
  const handle: TestServer = {
    url: server.url,
    db,
    get server() {
      if (!server) throw new Error('server is stopped');
      return server;
    },
    async stop() {
      await server?.close();
      server = null;
    },
    async restart() {
      if (!server) server = await start(port);
    },
    async close() {
      await server?.close();
      server = null;
      await db.close();
    },
  };
  return handle;
}

export async function login(url: string, username: string, password = DEMO_PASSWORD): Promise<LoginResponse> {
  const res = await fetch(`${url}/api/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  return loginResponseSchema.parse(await res.json());
}

export interface TestClient {
  username: string;
  userId: string;
  store: LocalStore;
  engine: SyncEngine;
  statuses: SyncStatus[];
  /** Waits until the outbox is empty and the last pull finished. */
  settle(): Promise<void>;
  close(): void;
}

export interface ClientOptions {
  /** Where the socket goes, if not to the server itself (a fault proxy, another node). */
  syncUrl?: string;
  ackTimeoutMs?: number;
  settleTimeoutMs?: number;
}

/** A signed-in client with its own IndexedDB (a separate machine), syncing with the server. */
export async function connectClient(url: string, username: string, indexedDB: IDBFactory = new IDBFactory(), options: ClientOptions = {}): Promise<TestClient> {
  const session = await login(url, username);
  const store = LocalStore.open(databaseName(url, session.user.id), session.user.id, { indexedDB, IDBKeyRange });
  const statuses: SyncStatus[] = [];
  const engine = new SyncEngine({
    store,
    serverUrl: options.syncUrl ?? url,
    token: session.token,
    onStatus: (s) => statuses.push(s),
    ackTimeoutMs: options.ackTimeoutMs ?? 5000,
  });
  engine.start();
  const client: TestClient = {
    username,
    userId: session.user.id,
    store,
    engine,
    statuses,
    settle: () =>
      waitFor(
        async () => engine.getStatus().connection === 'online' && (await store.pendingCount()) === 0 && engine.getStatus().lastSyncedAt !== null,
        options.settleTimeoutMs ?? 10_000,
        () => `${username} to settle (status ${JSON.stringify(engine.getStatus())})`,
      ).then(() => engine.whenIdle()),
    close() {
      engine.stop();
      store.close();
    },
  };
  return client;
}

/** Polls a condition (every 20 ms) until it holds; fails with the description after timeoutMs. */
export async function waitFor(condition: () => boolean | Promise<boolean>, timeoutMs = 10_000, what: string | (() => string) = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await condition()) return;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${typeof what === 'function' ? what() : what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
