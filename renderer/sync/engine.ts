// The client sync engine: pushes the outbox in order, pulls on connect and on every poke, and
// retries with backoff. It never drops an outbox entry itself: entries leave the outbox only
// when a pull shows the server has processed them (LocalStore.applyPull).
import { io, type Socket } from 'socket.io-client';
import {
  MAX_PUSH_BATCH,
  pullResponseSchema,
  pushResponseSchema,
  SCHEMA_VERSION,
  type ClientToServerEvents,
  type PullResponse,
  type PushResponse,
  type ServerToClientEvents,
  type SyncError,
} from '../../shared/protocol/sync';
import type { Attachment } from '../../shared/domain/attachment';
import { keepDownloadedBlob, type LocalStore } from '../db';
import { BlobUploader } from './blobUploader';
import { initialSyncStatus, type SyncProblem, type SyncStatus } from './status';

export interface SyncEngineOptions {
  store: LocalStore;
  serverUrl: string;
  token: string;
  onStatus?: (status: SyncStatus) => void;
  /** Called after rejections were recorded, so the UI can tell the user. */
  onRejected?: () => void;
  /** Milliseconds to wait for an acknowledgement before treating the request as lost. */
  ackTimeoutMs?: number;
  schemaVersion?: number;
}

type BureauSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

const BACKOFF_MS = [250, 500, 1000, 2000, 5000, 10000];

class TransientError extends Error {}

export class SyncEngine {
  private socket: BureauSocket | null = null;
  private status: SyncStatus = initialSyncStatus;
  private running = false;
  private dirty = { push: false, pull: false };
  private loop: Promise<void> | null = null;
  private failures = 0;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private unsubscribe: (() => void) | null = null;
  private idleWaiters: Array<() => void> = [];
  private clientIdCache: string | null = null;
  private readonly blobs: BlobUploader;

  constructor(private readonly options: SyncEngineOptions) {
    this.blobs = new BlobUploader({ serverUrl: options.serverUrl, getToken: () => this.options.token });
  }

  /** The store's client id never changes: read it once, not before every request. */
  private async clientId(): Promise<string> {
    this.clientIdCache ??= await this.options.store.clientId();
    return this.clientIdCache;
  }

  private get schemaVersion(): number {
    return this.options.schemaVersion ?? SCHEMA_VERSION;
  }

  start(): void {
    if (this.socket) return;
    const socket: BureauSocket = io(this.options.serverUrl, {
      auth: (cb) => cb({ token: this.options.token }),
      transports: ['websocket'],
      reconnectionDelay: 250,
      reconnectionDelayMax: 5000,
      randomizationFactor: 0.3,
    });
    this.socket = socket;
    socket.on('connect', () => {
      this.failures = 0;
      this.update({ connection: 'online', problem: null });
      this.schedule({ push: true, pull: true });
    });
    socket.on('disconnect', (reason) => {
      this.update({ connection: 'offline' });
      // A server that ends the socket itself is not retried by socket.io; unless the session
      // was revoked, try again: the server may be restarting.
      if (reason === 'io server disconnect' && !this.status.problem) {
        setTimeout(() => {
          if (this.socket === socket && !this.status.problem) socket.connect();
        }, 1000);
      }
    });
    socket.on('connect_error', (err) => {
      const code = err.message;
      if (code === 'auth.session_expired' || code === 'auth.account_disabled') {
        // Stop retrying with a dead token; the outbox stays until the user signs in again.
        socket.disconnect();
        this.update({ connection: 'offline', problem: 'auth_expired' });
      } else {
        // The server is unreachable (LAN down, server stopped): that is "offline" to the
        // user; socket.io keeps retrying with backoff.
        this.update({ connection: 'offline' });
      }
    });
    socket.on('sync:poke', () => this.schedule({ pull: true }));
    socket.on('session:revoked', () => {
      socket.disconnect();
      this.update({ connection: 'offline', problem: 'auth_expired' });
    });
    this.unsubscribe = this.options.store.onOutboxChanged(() => {
      void this.refreshPending();
      this.schedule({ push: true });
    });
    this.update({ connection: 'connecting' });
    void this.refreshPending();
  }

  stop(): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.socket?.removeAllListeners();
    this.socket?.disconnect();
    this.socket = null;
    this.update({ connection: 'offline' });
  }

  /** Fetches an attachment from the server into this device's store (then it opens offline too). */
  async fetchAttachment(attachment: Attachment): Promise<'ok' | 'offline' | 'unauthorized' | 'missing' | 'corrupt'> {
    const result = await this.blobs.download(attachment.sha256);
    if (!result.ok) return result.why;
    await keepDownloadedBlob(this.options.store, attachment, result.data);
    return 'ok';
  }

  /** After signing in again: continue with the new token; the outbox was kept. */
  setToken(token: string): void {
    this.options.token = token;
    this.update({ problem: null });
    if (this.socket && !this.socket.connected) this.socket.connect();
  }

  getStatus(): SyncStatus {
    return this.status;
  }

  /** Ask for a push and a pull now (after a local action, or from a "sync now" button). */
  syncNow(): void {
    this.schedule({ push: true, pull: true });
  }

  /** Resolves once nothing is left to push or pull (for tests and "sync before quit"). */
  whenIdle(): Promise<void> {
    if (!this.loop && !this.dirty.push && !this.dirty.pull && this.status.pending === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private update(patch: Partial<SyncStatus>): void {
    this.status = { ...this.status, ...patch };
    this.options.onStatus?.(this.status);
  }

  private async refreshPending(): Promise<void> {
    const pending = await this.options.store.pendingCount();
    if (pending !== this.status.pending) this.update({ pending });
  }

  private schedule(work: { push?: boolean; pull?: boolean }): void {
    if (work.push) this.dirty.push = true;
    if (work.pull) this.dirty.pull = true;
    if (!this.loop && this.socket?.connected && !this.retryTimer) {
      this.loop = this.run().finally(() => {
        this.loop = null;
        if ((this.dirty.push || this.dirty.pull) && this.socket?.connected && !this.retryTimer) this.schedule({});
        else this.notifyIdle();
      });
    }
  }

  private notifyIdle(): void {
    // Still busy: work flagged, or changes waiting that an online, unblocked engine will push.
    if (this.dirty.push || this.dirty.pull || (this.status.pending > 0 && this.status.connection === 'online' && !this.status.problem)) return;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const w of waiters) w();
  }

  private async run(): Promise<void> {
    try {
      while (this.socket?.connected && (this.dirty.push || this.dirty.pull)) {
        if (this.dirty.push) {
          this.dirty.push = false;
          // What the server processed leaves the outbox only with the pull that shows it.
          if (await this.pushOnce()) this.dirty.pull = true;
        }
        if (this.dirty.pull) {
          this.dirty.pull = false;
          await this.pullAll();
          if ((await this.options.store.pendingCount()) > 0) this.dirty.push = true;
        }
      }
      this.failures = 0;
    } catch (err) {
      if (err instanceof ProblemError) {
        this.dirty = { push: false, pull: false };
        this.update({ problem: err.problem });
        return;
      }
      // Lost ack, timeout, server busy: keep the flags and retry with backoff.
      this.dirty = { push: true, pull: true };
      const delay = BACKOFF_MS[Math.min(this.failures, BACKOFF_MS.length - 1)] ?? 10000;
      this.failures++;
      this.retryTimer = setTimeout(() => {
        this.retryTimer = null;
        this.schedule({});
      }, delay);
    }
  }

  /** Pushes one batch. Returns true when something was sent (so pull, then look for more). */
  private async pushOnce(): Promise<boolean> {
    const { store } = this.options;
    const batch = await store.pending(MAX_PUSH_BATCH);
    if (batch.length === 0) return false;
    // Files first: a mutation naming an attachment the server does not hold yet would be
    // refused for good (blob.missing). Files the server refused are skipped, not retried
    // forever; their mutation then carries the reason to the user.
    const upload = await this.blobs.uploadPending(store);
    if (upload.stopped === 'unauthorized') throw new ProblemError('auth_expired');
    if (upload.stopped === 'offline') throw new TransientError('blobs');
    const raw = await this.request('sync:push', {
      schemaVersion: this.schemaVersion,
      clientId: await this.clientId(),
      mutations: batch.map(({ id, name, args, clientTime }) => ({ id, name, args, clientTime })),
    });
    const res: PushResponse = pushResponseSchema.parse(raw);
    if (!res.ok) this.fail(res);
    else {
      await store.recordResults(res.results, batch);
      if (res.results.some((r) => r.status === 'rejected')) this.options.onRejected?.();
      // Everything up to lastMutationId is processed; the next pull shows its effects.
      return res.lastMutationId >= (batch[0]?.id ?? 0);
    }
    return false;
  }

  private async pullAll(): Promise<void> {
    const { store } = this.options;
    let next: Promise<PullResponse> | null = this.pullPage(await store.cursor());
    while (next) {
      const res: PullResponse = await next;
      if (!res.ok) return this.fail(res);
      // Ask for the following page while this one is written: the network and the server
      // work while IndexedDB does. Pages are still applied strictly in order.
      next = res.more ? this.pullPage({ cursor: res.cursor, scope: res.scope }) : null;
      try {
        await store.applyPull(res);
      } catch (err) {
        next?.catch(() => undefined);
        throw err;
      }
    }
    await this.refreshPending();
    this.update({ lastSyncedAt: new Date().toISOString() });
  }

  private async pullPage(position: { cursor: number; scope: number }): Promise<PullResponse> {
    const raw = await this.request('sync:pull', { schemaVersion: this.schemaVersion, clientId: await this.clientId(), ...position });
    return pullResponseSchema.parse(raw);
  }

  private fail(res: SyncError): never {
    const problems: Partial<Record<SyncError['error'], Exclude<SyncProblem, null>>> = {
      'sync.upgrade_required': 'upgrade_required',
      'auth.session_expired': 'auth_expired',
      'sync.client_mismatch': 'client_mismatch',
    };
    const problem = problems[res.error];
    if (problem) throw new ProblemError(problem);
    if (res.error === 'sync.gap') void this.options.store.resetCursor();
    throw new TransientError(res.error);
  }

  private request<E extends keyof ClientToServerEvents>(event: E, payload: Parameters<ClientToServerEvents[E]>[0]): Promise<unknown> {
    const socket = this.socket;
    if (!socket?.connected) return Promise.reject(new TransientError('offline'));
    const timeout = this.options.ackTimeoutMs ?? 15000;
    // emitWithAck's typing wants the exact tuple; the payload type is checked by the caller.
    return (socket.timeout(timeout) as unknown as { emitWithAck(e: string, p: unknown): Promise<unknown> }).emitWithAck(event, payload);
  }
}

class ProblemError extends Error {
  constructor(readonly problem: Exclude<SyncProblem, null>) {
    super(problem);
  }
}
