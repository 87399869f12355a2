// Attachments picked on this device (a sick note photographed with the camera, a scanned PDF).
// The bytes go into the local `blobs` table at once, named by their SHA-256, so a request can be
// submitted offline and survive a restart; the sync engine's uploader sends them to the server
// before the mutation that references them (renderer/sync/blobUploader.ts).
import { useLiveQuery } from 'dexie-react-hooks';
import type { Attachment } from '../../shared/domain/attachment';
import type { ReasonCode } from '../../shared/i18n/reasons';
import { sha256Hex } from '../sync/blobUploader';
import type { BureauDb, LocalBlob } from './database';
import { useStore } from './hooks';

/** The server's limit (server/blobs/store.ts): checked here too, so a big file is refused at once, not after an upload. */
export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;

/** Pictures and PDFs: what a certificate arrives as. The server accepts these (and office files, not offered here). */
export const ATTACHMENT_MEDIA_TYPES: readonly string[] = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'];

/** For the file input: what the picker offers (the check above still refuses HEIC and the like). */
export const ATTACHMENT_ACCEPT = 'image/*,application/pdf';

export type AttachmentRefusal = Extract<ReasonCode, 'blob.too_large' | 'blob.bad_type'>;

export type StoreAttachmentResult = { ok: true; attachment: Attachment } | { ok: false; code: AttachmentRefusal };

/** A picked file: the browser's File, or any Blob with a name (tests). */
export interface PickedFile {
  readonly name: string;
  readonly type: string;
  readonly size: number;
  arrayBuffer(): Promise<ArrayBuffer>;
}

/** Why a file cannot be attached, or null when it can. */
export function attachmentRefusal(file: Pick<PickedFile, 'type' | 'size'>): AttachmentRefusal | null {
  if (!ATTACHMENT_MEDIA_TYPES.includes(file.type.toLowerCase())) return 'blob.bad_type';
  if (file.size > MAX_ATTACHMENT_BYTES) return 'blob.too_large';
  return null;
}

/**
 * Keeps a picked file in the local blobs table and returns the reference a request carries.
 * The same bytes picked twice are one row (the key is their hash), and a row the server already
 * holds stays marked as uploaded.
 */
export async function storeAttachment(store: { db: BureauDb }, file: PickedFile, now = new Date().toISOString()): Promise<StoreAttachmentResult> {
  const refusal = attachmentRefusal(file);
  if (refusal) return { ok: false, code: refusal };
  const bytes = await file.arrayBuffer();
  const sha256 = await sha256Hex(bytes);
  const mediaType = file.type.toLowerCase();
  const name = (file.name.trim() || sha256.slice(0, 12)).slice(0, 200);
  await store.db.transaction('rw', store.db.blobs, async () => {
    if (await store.db.blobs.get(sha256)) return;
    await store.db.blobs.put({ sha256, name, mediaType, size: bytes.byteLength, data: new Blob([bytes], { type: mediaType }), uploaded: 0, createdAt: now });
  });
  return { ok: true, attachment: { sha256, name, mediaType, size: bytes.byteLength } };
}

/** Keeps a copy fetched from the server (already there, so never uploaded again). */
export async function keepDownloadedBlob(store: { db: BureauDb }, attachment: Attachment, data: Blob, now = new Date().toISOString()): Promise<void> {
  await store.db.blobs.put({ sha256: attachment.sha256, name: attachment.name, mediaType: attachment.mediaType, size: data.size, data, uploaded: 1, createdAt: now });
}

/**
 * Forgets a file the user removed from a form before submitting, unless something still needs
 * it: a local request that references it, or a queued mutation (another request attached the
 * same bytes). Otherwise the uploader would send a file nobody asked for.
 */
export async function discardAttachment(store: { db: BureauDb }, sha256: string): Promise<void> {
  const { db } = store;
  await db.transaction('rw', [db.blobs, db.leaveRequests, db.outbox], async () => {
    const row = await db.blobs.get(sha256);
    if (!row || row.uploaded === 1) return;
    const referenced = await db.leaveRequests.filter((r) => r.attachments.some((a) => a.sha256 === sha256)).count();
    if (referenced > 0) return;
    const queued = await db.outbox.filter((m) => JSON.stringify(m.args).includes(sha256)).count();
    if (queued > 0) return;
    await db.blobs.delete(sha256);
  });
}

/** The local copies of these attachments (absent ones are missing from the map). */
export function useLocalBlobs(sha256s: readonly string[]): Map<string, LocalBlob> | undefined {
  const store = useStore();
  const key = sha256s.join(',');
  // Keyed by the joined hashes, so a new array with the same hashes does not re-query.
  return useLiveQuery(async () => {
    const rows = key === '' ? [] : await store.db.blobs.bulkGet(key.split(','));
    return new Map(rows.filter((r): r is LocalBlob => r !== undefined).map((r) => [r.sha256, r]));
  }, [store, key]);
}
