// Attachments as content-addressed blobs (leave certificates now; receipts and form templates
// later). The key is the SHA-256 of the bytes, checked here, so a blob can never be stored under
// another file's name, and the same file sent twice (a retry after a cut connection) is one row.
// Who may read a blob follows the documents that reference it (blob_refs -> documents.readers),
// plus its uploader, who needs it before the referencing document reaches the server.
import { createHash } from 'node:crypto';
import { sha256HexSchema } from '../../shared/domain/attachment';
import type { ReasonCode } from '../../shared/i18n/reasons';
import { toNumber, type Queryable } from '../store/database';

/** Largest blob accepted: a multi-page scanned certificate fits, a video does not. */
export const MAX_BLOB_BYTES = 20 * 1024 * 1024;

/**
 * What may be attached: pictures and PDFs (certificates, receipts) and office documents (forms).
 * Nothing a browser would run (HTML, SVG, scripts): blobs come from users and go to colleagues.
 */
export const ALLOWED_MEDIA_TYPES: ReadonlySet<string> = new Set([
  'image/jpeg',
  'image/png',
  'image/webp',
  'application/pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.oasis.opendocument.text',
  'application/vnd.oasis.opendocument.spreadsheet',
  'application/msword',
  'application/vnd.ms-excel',
]);

export type BlobError = Extract<ReasonCode, 'blob.too_large' | 'blob.bad_type' | 'blob.hash_mismatch'>;

export interface BlobInfo {
  sha256: string;
  size: number;
  mediaType: string;
  uploadedBy: string;
  uploadedAt: Date;
}

export interface StoredBlob extends BlobInfo {
  data: Uint8Array;
}

export type PutBlobResult =
  | {
      ok: true;
      /** False when the blob was already stored (by this user or another). */
      created: boolean;
      /** Who first uploaded it: a re-send by someone else does not change that. */
      uploadedBy: string;
    }
  | { ok: false; error: BlobError };

export const isSha256Hex = (value: string): boolean => sha256HexSchema.safeParse(value).success;

/** `Image/JPEG; charset=binary` -> `image/jpeg`: the comparable part of a Content-Type. */
export function normalizeMediaType(contentType: string | undefined): string {
  return (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

export function checkBlobHeader(sha256: string, mediaType: string, size?: number): BlobError | null {
  if (!isSha256Hex(sha256)) return 'blob.hash_mismatch';
  if (!ALLOWED_MEDIA_TYPES.has(mediaType)) return 'blob.bad_type';
  if (size !== undefined && size > MAX_BLOB_BYTES) return 'blob.too_large';
  return null;
}

/**
 * Bytes travel to and from the database as base64 text, decoded and encoded by the database
 * itself: PGlite converts a bytea parameter or result to hex in JavaScript, which took 9 s for
 * 20 MiB (during which its single connection serves no one else), against about 1 s this way.
 * PostgreSQL is indifferent. Node's decoder skips the line breaks encode() puts in.
 */
const toBase64 = (data: Uint8Array): string => Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('base64');

/**
 * Stores a blob after checking its hash, type and size. Idempotent: the same bytes again are
 * accepted without a second row, whoever sends them (their hash proves they have the content).
 * The first media type stays: the bytes are the same, whatever a later client calls them.
 */
export async function putBlob(db: Queryable, input: { sha256: string; mediaType: string; data: Uint8Array; userId: string }): Promise<PutBlobResult> {
  const { sha256, data, userId } = input;
  const mediaType = normalizeMediaType(input.mediaType);
  const refused = checkBlobHeader(sha256, mediaType, data.byteLength);
  if (refused) return { ok: false, error: refused };
  if (createHash('sha256').update(data).digest('hex') !== sha256) return { ok: false, error: 'blob.hash_mismatch' };
  // ON CONFLICT: two clients sending the same file at once both succeed, on PGlite and PostgreSQL.
  const inserted = await db.query<{ uploaded_by: string }>(
    `INSERT INTO blobs (sha256, size, media_type, data, uploaded_by) VALUES ($1, $2, $3, decode($4, 'base64'), $5)
     ON CONFLICT (sha256) DO NOTHING RETURNING uploaded_by`,
    [sha256, data.byteLength, mediaType, toBase64(data), userId],
  );
  if (inserted.rows[0]) return { ok: true, created: true, uploadedBy: inserted.rows[0].uploaded_by };
  const existing = (await db.query<{ uploaded_by: string }>('SELECT uploaded_by FROM blobs WHERE sha256 = $1', [sha256])).rows[0];
  return { ok: true, created: false, uploadedBy: existing?.uploaded_by ?? userId };
}

type InfoRow = { sha256: string; size: unknown; media_type: string; uploaded_by: string; uploaded_at: Date | string };

const toInfo = (r: InfoRow): BlobInfo => ({
  sha256: r.sha256,
  size: toNumber(r.size),
  mediaType: r.media_type,
  uploadedBy: r.uploaded_by,
  uploadedAt: new Date(r.uploaded_at),
});

/** A blob's description without its bytes (for HEAD). */
export async function getBlobInfo(db: Queryable, sha256: string): Promise<BlobInfo | null> {
  if (!isSha256Hex(sha256)) return null;
  const row = (await db.query<InfoRow>('SELECT sha256, size, media_type, uploaded_by, uploaded_at FROM blobs WHERE sha256 = $1', [sha256])).rows[0];
  return row ? toInfo(row) : null;
}

export async function getBlob(db: Queryable, sha256: string): Promise<StoredBlob | null> {
  if (!isSha256Hex(sha256)) return null;
  const row = (
    await db.query<InfoRow & { data64: string }>(
      "SELECT sha256, size, media_type, uploaded_by, uploaded_at, encode(data, 'base64') AS data64 FROM blobs WHERE sha256 = $1",
      [sha256],
    )
  ).rows[0];
  if (!row) return null;
  const data = Buffer.from(row.data64, 'base64');
  return { ...toInfo(row), data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength) };
}

/** Whether the server holds the blob (the mutators' DocTx.hasBlob on the server). */
export async function hasBlob(tx: Queryable, sha256: string): Promise<boolean> {
  if (!isSha256Hex(sha256)) return false;
  return (await tx.query('SELECT 1 FROM blobs WHERE sha256 = $1', [sha256])).rows.length > 0;
}

/**
 * Replaces the blobs one document references (call with every write of the document, in its
 * transaction; an empty list clears them). Anything that is not a SHA-256 is ignored: the
 * documents' schemas already refuse it, and a reference must never fail a document write.
 */
export async function recordBlobRefs(tx: Queryable, collection: string, id: string, shas: readonly string[]): Promise<void> {
  const wanted = [...new Set(shas)].filter(isSha256Hex);
  await tx.query('DELETE FROM blob_refs WHERE collection = $1 AND id = $2', [collection, id]);
  if (wanted.length === 0) return;
  await tx.query(
    `INSERT INTO blob_refs (sha256, collection, id) SELECT s, $2, $3 FROM unnest($1::text[]) AS s
     ON CONFLICT DO NOTHING`,
    [wanted, collection, id],
  );
}

/**
 * Whether a user (with these principals, see shared/sync/access.ts principalsOf) may read a
 * blob: they uploaded it, or they may read a live document that references it.
 */
export async function mayReadBlob(db: Queryable, sha256: string, principals: readonly string[], userId: string): Promise<boolean> {
  if (!isSha256Hex(sha256)) return false;
  const row = (
    await db.query<{ ok: boolean }>(
      `SELECT EXISTS (SELECT 1 FROM blobs WHERE sha256 = $1 AND uploaded_by = $2)
           OR EXISTS (SELECT 1 FROM blob_refs r JOIN documents d ON d.collection = r.collection AND d.id = r.id
                       WHERE r.sha256 = $1 AND NOT d.deleted AND d.readers && $3::text[]) AS ok`,
      [sha256, userId, [...principals]],
    )
  ).rows[0];
  return row?.ok === true;
}
