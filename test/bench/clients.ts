// Node-side clients for the benchmarks: sign-in, real sync clients (LocalStore + SyncEngine on
// fake-indexeddb, as test/support/harness.ts builds them), idle sockets, and raw pushers that
// speak the sync protocol directly.
import { randomBytes } from 'node:crypto';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { io, type Socket } from 'socket.io-client';
import { databaseName, LocalStore } from '../../renderer/db';
import { SyncEngine } from '../../renderer/sync';
import { loginResponseSchema } from '../../shared/protocol/http';
import { SCHEMA_VERSION, type Mutation, type PushResponse } from '../../shared/protocol/sync';
import { BENCH_PASSWORD } from './serverChild';

export async function login(url: string, username: string): Promise<{ token: string; userId: string }> {
  const res = await fetch(`${url}/api/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: BENCH_PASSWORD }) });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  const session = loginResponseSchema.parse(await res.json());
  return { token: session.token, userId: session.user.id };
}

/** Signs each user in once; their sockets share the token, as tabs of one user would. */
export async function tokensFor(url: string, usernames: readonly string[]): Promise<Map<string, string>> {
  const tokens = new Map<string, string>();
  for (const u of new Set(usernames)) tokens.set(u, (await login(url, u)).token);
  return tokens;
}

export interface NodeSyncClient {
  userId: string;
  store: LocalStore;
  engine: SyncEngine;
  close(): void;
}

/** A real sync client (production LocalStore + SyncEngine) on fake-indexeddb, synced once. */
export async function connectSyncClient(url: string, username: string): Promise<NodeSyncClient> {
  const { token, userId } = await login(url, username);
  const store = LocalStore.open(databaseName(url, userId), userId, { indexedDB: new IDBFactory(), IDBKeyRange });
  let synced!: () => void;
  const first = new Promise<void>((resolve) => (synced = resolve));
  const engine = new SyncEngine({ store, serverUrl: url, token, ackTimeoutMs: 15_000, onStatus: (s) => s.lastSyncedAt && synced() });
  engine.start();
  await withTimeout(first, 30_000, `${username} to sync`);
  await engine.whenIdle();
  return {
    userId,
    store,
    engine,
    close() {
      engine.stop();
      store.close();
    },
  };
}

/** Opens `count` authenticated sockets that do nothing (they answer pings), `parallel` handshakes at a time. */
export async function openIdleSockets(url: string, tokens: readonly string[], count: number, parallel = 100): Promise<Socket[]> {
  const sockets: Socket[] = [];
  const open = (token: string) =>
    new Promise<Socket>((resolve, reject) => {
      const socket = io(url, { auth: { token }, transports: ['websocket'], reconnection: false, forceNew: true, timeout: 60_000 });
      socket.once('connect', () => resolve(socket));
      socket.once('connect_error', (err) => reject(err));
    });
  for (let i = 0; i < count; i += parallel) {
    const batch = [];
    for (let j = i; j < Math.min(count, i + parallel); j++) batch.push(open(tokens[j % tokens.length] as string));
    sockets.push(...(await Promise.all(batch)));
  }
  return sockets;
}

export function closeSockets(sockets: readonly Socket[]): void {
  for (const s of sockets) s.disconnect();
}

/** A client that pushes mutations straight over the sync protocol (no local store, no pulls). */
export class RawPusher {
  readonly clientId = randomBytes(12).toString('hex');
  private nextId = 1;

  private constructor(private readonly socket: Socket) {}

  static async connect(url: string, token: string): Promise<RawPusher> {
    const [socket] = await openIdleSockets(url, [token], 1);
    return new RawPusher(socket as Socket);
  }

  /** Pushes the mutations in one request; returns how many the server applied. */
  async push(mutations: ReadonlyArray<Pick<Mutation, 'name' | 'args'>>): Promise<number> {
    const clientTime = new Date().toISOString();
    const batch = mutations.map((m) => ({ ...m, id: this.nextId++, clientTime }));
    const res = (await this.socket.timeout(60_000).emitWithAck('sync:push', { schemaVersion: SCHEMA_VERSION, clientId: this.clientId, mutations: batch })) as PushResponse;
    if (!res.ok) throw new Error(`push refused: ${res.error}`);
    const refused = res.results.find((r) => r.status !== 'applied');
    if (refused) throw new Error(`mutation ${refused.id} ${refused.status}${refused.reason ? `: ${refused.reason.code}` : ''}`);
    return res.results.length;
  }

  close(): void {
    this.socket.disconnect();
  }
}

export function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return Promise.race([
    p.finally(() => clearTimeout(timer)),
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms);
    }),
  ]);
}
