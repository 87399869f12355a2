// Sends attachments' bytes to the server before the mutations that reference them: the server
// refuses, for good, a mutation whose blob it does not hold (blob.missing), so the sync engine
// runs uploadPending before every push and holds the push while an upload is still owed.
//
// An attachment is kept in the local `blobs` table (renderer/db) from the moment the user picks
// it, so it survives going offline and restarting. Each pending row is HEADed first (the server
// may have it already: a second device, a colleague with the same file, an upload whose answer
// was lost) and PUT otherwise. Resuming after a cut connection is simply running again: rows
// are marked uploaded one by one, and only those still unmarked are sent.
import { sha256HexOf, toHex } from '../../shared/crypto/sha256';
import { isReasonCode, type ReasonCode } from '../../shared/i18n/reasons';
import type { LocalBlob } from '../db';

/** A row of the local `blobs` table (its type lives with the Dexie schema). */
export type LocalBlobRow = LocalBlob;

/**
 * What the uploader needs of the local table: a structural slice of Dexie's Table, so that
 * renderer/sync does not import Dexie (renderer/db is the only importer).
 */
export interface LocalBlobTable {
  where(index: 'uploaded'): { equals(value: 0): { primaryKeys(): PromiseLike<unknown[]> } };
  get(sha256: string): PromiseLike<LocalBlobRow | undefined>;
  update(sha256: string, changes: Partial<Pick<LocalBlobRow, 'uploaded' | 'error'>>): PromiseLike<number>;
}

/** The LocalStore, or anything with a `db.table('blobs')`. */
export interface BlobStoreLike {
  readonly db: { table(name: 'blobs'): LocalBlobTable };
}

export interface BlobUploaderOptions {
  serverUrl: string;
  /** The current session token; null when signed out. Read before every request: it is renewed. */
  getToken: () => string | null | Promise<string | null>;
  fetch?: typeof fetch;
}

export interface UploadReport {
  /** Sent to the server by this run. */
  uploaded: string[];
  /** Already on the server (HEAD said so): marked uploaded without sending the bytes. */
  present: string[];
  /** Refused by the server for good: marked with the reason, never sent again. */
  failed: Array<{ sha256: string; error: ReasonCode }>;
  /**
   * Why the run ended with rows still owed, or null when none are. 'offline': the server could
   * not be reached or was busy (retry later, and do not push meanwhile); 'unauthorized': the
   * session is no longer valid (sign in again).
   */
  stopped: null | 'offline' | 'unauthorized';
}

/** Statuses that say "not now" rather than "never": retried on the next run. */
const TRANSIENT = new Set([408, 425, 429]);

/** When a refusal comes without a JSON reason (a proxy's 413, say), the status tells. */
const REASON_BY_STATUS: Record<number, ReasonCode> = { 413: 'blob.too_large', 415: 'blob.bad_type' };

class Stop extends Error {
  constructor(readonly why: 'offline' | 'unauthorized') {
    super(why);
  }
}

export type DownloadResult = { ok: true; data: Blob } | { ok: false; why: 'offline' | 'unauthorized' | 'missing' | 'corrupt' };

export class BlobUploader {
  private readonly fetch: typeof fetch;
  private running: Promise<UploadReport> | null = null;
  private queued: Promise<UploadReport> | null = null;

  constructor(private readonly options: BlobUploaderOptions) {
    this.fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  }

  /**
   * Uploads every row not yet uploaded. Calls that overlap a run wait for it and then share one
   * more run, so a row added while a run was under way is always covered by the run a caller
   * awaits (a push right after attaching a file must find its blob on the server).
   */
  uploadPending(store: BlobStoreLike): Promise<UploadReport> {
    if (this.queued) return this.queued;
    if (this.running) {
      const queued = this.running
        .catch(() => undefined)
        .then(() => {
          this.queued = null;
          return this.start(store);
        });
      this.queued = queued;
      return queued;
    }
    return this.start(store);
  }

  private start(store: BlobStoreLike): Promise<UploadReport> {
    const run = this.run(store.db.table('blobs')).finally(() => {
      if (this.running === run) this.running = null;
    });
    this.running = run;
    return run;
  }

  private async run(table: LocalBlobTable): Promise<UploadReport> {
    const report: UploadReport = { uploaded: [], present: [], failed: [], stopped: null };
    // Keys first, then one row at a time: only one attachment's bytes are in memory at once.
    const keys = (await table.where('uploaded').equals(0).primaryKeys()).filter((k): k is string => typeof k === 'string');
    try {
      for (const sha256 of keys) {
        const row = await table.get(sha256);
        if (!row || row.uploaded === 1 || row.error) continue;
        const outcome = await this.send(row);
        if (outcome === 'present' || outcome === 'uploaded') {
          await table.update(sha256, { uploaded: 1 });
          report[outcome].push(sha256);
        } else {
          await table.update(sha256, { error: outcome.error });
          report.failed.push({ sha256, error: outcome.error });
        }
      }
    } catch (err) {
      if (!(err instanceof Stop)) throw err;
      report.stopped = err.why;
    }
    return report;
  }

  private async send(row: LocalBlobRow): Promise<'present' | 'uploaded' | { error: ReasonCode }> {
    const url = `${this.options.serverUrl.replace(/\/+$/, '')}/api/blobs/${row.sha256}`;
    const head = await this.request(url, { method: 'HEAD' });
    if (head.ok) return 'present';
    if (head.status !== 404) throw new Stop('offline');
    let error: ReasonCode = 'validation.invalid';
    // A hash mismatch may be damage on the way (a proxy, a flaky card): sent once more at once.
    // A second one means the stored bytes themselves do not match their name: final.
    for (let attempt = 0; attempt < 2; attempt++) {
      const put = await this.request(url, { method: 'PUT', headers: { 'content-type': row.mediaType }, body: row.data });
      if (put.ok) return 'uploaded';
      // A server without the blob routes (older, or a proxy in front of it) is not a verdict on
      // this file: marking it failed would never send it again once the server is upgraded.
      if (put.status === 404 || put.status === 405) throw new Stop('offline');
      error = await refusal(put);
      if (error !== 'blob.hash_mismatch') break;
    }
    return { error };
  }

  /**
   * Fetches an attachment someone else uploaded (an approver opening a certificate). The bytes
   * are checked against their name: what arrives damaged or substituted is never shown.
   */
  async download(sha256: string): Promise<DownloadResult> {
    const url = `${this.options.serverUrl.replace(/\/+$/, '')}/api/blobs/${sha256}`;
    try {
      const res = await this.request(url, { method: 'GET' });
      // The server answers 404 both for a missing blob and for one this user may not read.
      if (!res.ok) return { ok: false, why: 'missing' };
      const bytes = await res.arrayBuffer();
      if ((await sha256Hex(bytes)) !== sha256) return { ok: false, why: 'corrupt' };
      return { ok: true, data: new Blob([bytes], { type: res.headers.get('content-type') ?? 'application/octet-stream' }) };
    } catch (err) {
      if (err instanceof Stop) return { ok: false, why: err.why };
      throw err;
    }
  }

  /** One request with the session token; throws Stop for what no row can get past now. */
  private async request(url: string, init: { method: string; headers?: Record<string, string>; body?: Blob }): Promise<Response> {
    const token = await this.options.getToken();
    if (!token) throw new Stop('unauthorized');
    let res: Response;
    try {
      res = await this.fetch(url, { ...init, headers: { ...init.headers, authorization: `Bearer ${token}` } });
    } catch {
      throw new Stop('offline');
    }
    if (res.status === 401) throw new Stop('unauthorized');
    if (res.status >= 500 || TRANSIENT.has(res.status)) throw new Stop('offline');
    return res;
  }
}

/** The reason of a final refusal (4xx): the server's code if it sent one. */
async function refusal(res: Response): Promise<ReasonCode> {
  const body: unknown = await res.json().catch(() => null);
  const code = typeof body === 'object' && body !== null && 'error' in body ? body.error : undefined;
  if (typeof code === 'string' && isReasonCode(code)) return code;
  return REASON_BY_STATUS[res.status] ?? 'validation.invalid';
}

/** Lower-case hex SHA-256 of the bytes: the blob's name on the server. */
export async function sha256Hex(data: ArrayBuffer): Promise<string> {
  // crypto.subtle exists only in secure contexts: the desktop app and https, or localhost. The
  // browser client opened at a plain http:// LAN address has none, hence the fallback.
  const subtle = (globalThis.crypto as Crypto | undefined)?.subtle;
  return subtle ? toHex(new Uint8Array(await subtle.digest('SHA-256', data))) : sha256HexOf(new Uint8Array(data));
}

/** The pure SHA-256 now lives in shared/; the old name stays for existing importers and tests. */
export { sha256 as sha256Fallback } from '../../shared/crypto/sha256';
