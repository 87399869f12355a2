// One server for the tests of an integration file, and the people's machines around it: a
// signed-in, synced Node client per person, shared by the file's tests and closed with the
// server after the last one; what the server itself holds, to check what it accepted; and a
// pull until a machine sees what a test waits for.
import { afterAll, beforeAll } from 'vitest';
import type { CollectionName, Collections } from '../../shared/mutators/types';
import type { Backend } from './backends';
import { connectClient, startTestServer, waitFor, type TestClient, type TestServer } from './harness';

export interface ServerSuite {
  /** The file's server, started before its first test. */
  readonly server: TestServer;
  /** One signed-in, synced machine per person, shared by the tests of the file; restarted if a test stopped it. */
  client(username: string): Promise<TestClient>;
  /** Another machine of the same person (not yet settled), closed with the others after the last test. */
  anotherMachine(username: string): Promise<TestClient>;
  /** A document as the server holds it (undefined when absent or deleted). */
  serverDoc<C extends CollectionName>(collection: C, id: string): Promise<Collections[C] | undefined>;
  /** Whether the server holds the file with this SHA-256. */
  blobStored(sha256: string): Promise<boolean>;
}

export interface ServerSuiteOptions {
  /** Run once on the fresh server before the first test (people the demo agency lacks, ...). */
  setup?: (server: TestServer) => Promise<unknown>;
}

/** Starts a server before the file's tests and closes it and every machine after them. Call inside describe. */
export function serverSuite(backend: Backend, options: ServerSuiteOptions = {}): ServerSuite {
  let started: TestServer | null = null;
  const machines = new Map<string, TestClient>();
  const others: TestClient[] = [];
  const server = (): TestServer => {
    if (!started) throw new Error('the suite server is not started (use it inside a test)');
    return started;
  };

  beforeAll(async () => {
    started = await startTestServer(backend);
    await options.setup?.(started);
  });
  afterAll(async () => {
    for (const c of [...machines.values(), ...others]) c.close();
    await started?.close();
  });

  return {
    get server() {
      return server();
    },
    async client(username) {
      let c = machines.get(username);
      if (!c) {
        c = await connectClient(server().url, username);
        machines.set(username, c);
      }
      if (c.engine.getStatus().connection === 'offline') c.engine.start();
      await c.settle();
      return c;
    },
    async anotherMachine(username) {
      const c = await connectClient(server().url, username);
      others.push(c);
      return c;
    },
    async serverDoc<C extends CollectionName>(collection: C, id: string) {
      const { rows } = await server().db.query<{ data: Collections[C] }>('SELECT data FROM documents WHERE collection = $1 AND id = $2 AND NOT deleted', [collection, id]);
      return rows[0]?.data;
    },
    async blobStored(sha256) {
      return Number((await server().db.query<{ n: unknown }>('SELECT count(*) AS n FROM blobs WHERE sha256 = $1', [sha256])).rows[0]?.n) > 0;
    },
  };
}

/** Pulls until `c` holds what `check` looks for; fails naming `what` after 10 s. */
export async function sees(c: TestClient, what: string, check: () => Promise<boolean>): Promise<void> {
  await waitFor(
    async () => {
      c.engine.syncNow();
      await c.engine.whenIdle();
      return check();
    },
    10_000,
    `${c.username} to see ${what}`,
  );
}
