// "Save a copy" of a form: the bytes come from this device if it has them (an offline copy, or
// the file the publisher picked here), otherwise from the server. Every source is checked against
// the version's SHA-256: a damaged offline copy (a disk error, a half-written file) is dropped and
// the file downloaded again, and a download is kept for offline use; then the platform writes them where the user chooses (the desktop's
// save dialog, the browser's downloads), checking the hash once more. A copy saved is remembered
// so that the user hears of a newer version.
import type { FormTemplate, FormVersion } from '../../../shared/domain/forms';
import { FORM_MEDIA_TYPES, isFormMediaType } from '../../../shared/domain/forms';
import { extensionOf, extensionsFor, safeFileName, type IpcErrorCode } from '../../../shared/protocol/ipc';
import { recordSavedForm, type BureauDb } from '../../db';
import type { SaveFileRequest, SaveOutcome } from '../../platform';
import { sha256Hex } from '../../sync/blobUploader';
import { dropCachedFormFile, keepFormFile, openCachedFormFile, type DownloadFailure, type FormDownloader } from './cache';

export type FileSource = 'cache' | 'local' | 'server';

export type ObtainResult = { ok: true; data: Blob; source: FileSource } | { ok: false; why: DownloadFailure };

async function matches(data: Blob, sha256: string): Promise<boolean> {
  return (await sha256Hex(await data.arrayBuffer())) === sha256;
}

/**
 * A version's bytes, checked against its hash: this device's offline copy, the publisher's own
 * upload still on this device, or a download (null `download`: signed out, which is as good as
 * offline). An offline copy that fails the check is deleted, so it is never offered again.
 */
export async function obtainFormFile(db: BureauDb, template: FormTemplate, version: FormVersion, download: FormDownloader | null, now: string, today: string): Promise<ObtainResult> {
  const sha256 = version.file.sha256;
  const cached = await openCachedFormFile(db, sha256, now);
  if (cached) {
    if (await matches(cached.data, sha256)) return { ok: true, data: cached.data, source: 'cache' };
    await dropCachedFormFile(db, sha256);
  }
  const local = await db.blobs.get(sha256);
  // A damaged upload is the uploader's to deal with (the server refuses it): here it is only skipped.
  if (local && (await matches(local.data, sha256))) {
    await keepFormFile(db, template, version, local.data, now, today);
    return { ok: true, data: local.data, source: 'local' };
  }
  if (!download) return { ok: false, why: 'offline' };
  const fetched = await download(sha256);
  if (!fetched.ok) return fetched;
  await keepFormFile(db, template, version, fetched.data, now, today);
  return { ok: true, data: fetched.data, source: 'server' };
}

/**
 * The name offered for a copy: the form's title and version, "因公出国（境）审批表（v2）.pdf",
 * with an extension the file's type allows.
 */
export function copyFileName(template: Pick<FormTemplate, 'title'>, version: Pick<FormVersion, 'version' | 'file'>): string {
  const allowed = extensionsFor(version.file.mediaType);
  const own = extensionOf(version.file.name);
  const extension = allowed.includes(own) ? own : (allowed[0] ?? (isFormMediaType(version.file.mediaType) ? FORM_MEDIA_TYPES[version.file.mediaType] : 'bin'));
  return safeFileName(`${template.title}（${version.version}）`, extension);
}

export type SaveCopyOutcome =
  | { status: 'saved' | 'downloaded'; fileName: string; source: FileSource }
  | { status: 'cancelled' }
  /** The bytes could not be had: offline and not on this device, or the server's refusal. */
  | { status: 'unavailable'; why: DownloadFailure }
  | { status: 'failed'; error: IpcErrorCode };

export interface SaveCopyDeps {
  db: BureauDb;
  download: FormDownloader | null;
  saveFile: (request: SaveFileRequest) => Promise<SaveOutcome>;
  now?: () => string;
  today: string;
}

export async function saveFormCopy(deps: SaveCopyDeps, template: FormTemplate, version: FormVersion): Promise<SaveCopyOutcome> {
  const now = deps.now ?? (() => new Date().toISOString());
  const obtained = await obtainFormFile(deps.db, template, version, deps.download, now(), deps.today);
  if (!obtained.ok) return { status: 'unavailable', why: obtained.why };
  const bytes = new Uint8Array(await obtained.data.arrayBuffer());
  const outcome = await deps.saveFile({ name: copyFileName(template, version), mediaType: version.file.mediaType, bytes, sha256: version.file.sha256 });
  switch (outcome.status) {
    case 'saved':
    case 'downloaded':
      await recordSavedForm(deps.db, template, version, deps.today, now());
      return { status: outcome.status, fileName: outcome.fileName, source: obtained.source };
    case 'cancelled':
      return { status: 'cancelled' };
    case 'failed':
      return { status: 'failed', error: outcome.error };
    default:
      // 'printDialog' belongs to printing, never to saving a file.
      return { status: 'failed', error: 'ipc.internal_error' };
  }
}
