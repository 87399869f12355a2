// A form file picked by a publisher: checked (a type the library takes, at most the server's
// 20 MiB), then kept in the local `blobs` table as not yet uploaded, named by its SHA-256. The
// sync engine uploads it before the form.publish mutation that references it, so a form can be
// published offline. (renderer/db/blobs.ts does the same for certificates, which may only be
// pictures or PDFs.)
import { FORM_MEDIA_TYPES, isFormMediaType, type FormFile, type FormMediaType } from '../../../shared/domain/forms';
import { extensionOf } from '../../../shared/protocol/ipc';
import { MAX_ATTACHMENT_BYTES, type BureauDb, type PickedFile } from '../../db';
import { sha256Hex } from '../../sync/blobUploader';

/** The server's limit for one blob (server/blobs/store.ts). */
export const MAX_FORM_FILE_BYTES = MAX_ATTACHMENT_BYTES;

/** For the file input: the extensions of every type the library takes. */
export const FORM_FILE_ACCEPT = [...new Set(Object.values(FORM_MEDIA_TYPES))].map((ext) => `.${ext}`).concat('.jpeg').join(',');

const TYPE_BY_EXTENSION: ReadonlyMap<string, FormMediaType> = new Map([
  ...Object.entries(FORM_MEDIA_TYPES).map(([type, ext]) => [ext, type as FormMediaType] as const),
  ['jpeg', 'image/jpeg'],
]);

/** What browsers report when they do not know a type (an .odt on many systems): then the extension tells. */
const UNKNOWN_TYPES = new Set(['', 'application/octet-stream', 'application/zip', 'application/x-zip-compressed']);

/** The file's media type as the library knows it, or null when the library does not take it. */
export function formMediaTypeOf(file: Pick<PickedFile, 'name' | 'type'>): FormMediaType | null {
  const reported = file.type.split(';')[0]?.trim().toLowerCase() ?? '';
  if (isFormMediaType(reported)) return reported;
  if (!UNKNOWN_TYPES.has(reported)) return null;
  return TYPE_BY_EXTENSION.get(extensionOf(file.name)) ?? null;
}

export type FormFileRefusal = 'bad_type' | 'too_large' | 'empty';

export function formFileRefusal(file: Pick<PickedFile, 'name' | 'type' | 'size'>): FormFileRefusal | null {
  if (formMediaTypeOf(file) === null) return 'bad_type';
  if (file.size === 0) return 'empty';
  if (file.size > MAX_FORM_FILE_BYTES) return 'too_large';
  return null;
}

export type StoreFormFileResult = { ok: true; file: FormFile } | { ok: false; why: FormFileRefusal };

/**
 * Keeps a picked file for publishing and returns the reference a version carries. The same
 * bytes picked twice are one row, and a row the server already holds stays marked uploaded.
 */
export async function storeFormFile(store: { db: BureauDb }, picked: PickedFile, now = new Date().toISOString()): Promise<StoreFormFileResult> {
  const refusal = formFileRefusal(picked);
  const mediaType = formMediaTypeOf(picked);
  if (refusal || mediaType === null) return { ok: false, why: refusal ?? 'bad_type' };
  const bytes = await picked.arrayBuffer();
  // The size read may differ from the one announced (a file changed on disk meanwhile).
  if (bytes.byteLength === 0) return { ok: false, why: 'empty' };
  if (bytes.byteLength > MAX_FORM_FILE_BYTES) return { ok: false, why: 'too_large' };
  const sha256 = await sha256Hex(bytes);
  const name = (picked.name.trim() || `${sha256.slice(0, 12)}.${FORM_MEDIA_TYPES[mediaType]}`).slice(-200);
  const { db } = store;
  await db.transaction('rw', db.blobs, async () => {
    if (await db.blobs.get(sha256)) return;
    await db.blobs.put({ sha256, name, mediaType, size: bytes.byteLength, data: new Blob([bytes], { type: mediaType }), uploaded: 0, createdAt: now });
  });
  return { ok: true, file: { sha256, name, mediaType, size: bytes.byteLength } };
}

/**
 * Forgets a picked file whose publication was refused on this device, unless something still
 * needs it: a queued mutation or a form version referencing the same bytes. Otherwise the
 * uploader would send a file nobody asked for.
 */
export async function discardFormFile(store: { db: BureauDb }, sha256: string): Promise<void> {
  const { db } = store;
  await db.transaction('rw', [db.blobs, db.outbox, db.formTemplates], async () => {
    const row = await db.blobs.get(sha256);
    if (!row || row.uploaded === 1) return;
    if ((await db.outbox.filter((m) => JSON.stringify(m.args).includes(sha256)).count()) > 0) return;
    if ((await db.formTemplates.filter((t) => t.versions.some((v) => v.file.sha256 === sha256)).count()) > 0) return;
    await db.blobs.delete(sha256);
  });
}
