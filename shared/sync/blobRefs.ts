// Which blobs a document references, so the server can let the document's readers read them
// (server/blobs/store.ts recordBlobRefs, called for every document it writes). Attachments are
// found by shape, not per collection: an `attachments: [{ sha256, ... }]` array on the document
// itself or on one of its direct sub-objects (a leave request's cancellation or report-back),
// so a new document type with attachments is covered without a change here.
import { sha256HexSchema } from '../domain/attachment';

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function collect(holder: Record<string, unknown>, into: Set<string>, field = 'attachments'): void {
  const list = holder[field];
  if (!Array.isArray(list)) return;
  for (const item of list) {
    const sha = isObject(item) ? item.sha256 : undefined;
    if (typeof sha === 'string' && sha256HexSchema.safeParse(sha).success) into.add(sha);
  }
}

/**
 * The SHA-256s a document references, sorted and without repeats. Collections that keep files
 * elsewhere are special-cased by name (an expense claim's receipts are on its lines).
 */
export function blobRefsOf(collection: string, doc: unknown): string[] {
  if (!isObject(doc)) return [];
  const found = new Set<string>();
  collect(doc, found);
  // One level down only: attachments deeper than that are not part of any document's shape,
  // and a bounded scan keeps a write's cost independent of how a document nests.
  for (const value of Object.values(doc)) if (isObject(value)) collect(value, found);
  // An expense claim's receipts sit on its lines.
  if (collection === 'expenseClaims' && Array.isArray(doc.lines)) for (const line of doc.lines) if (isObject(line)) collect(line, found, 'receipts');
  // A form's files are its versions' files: every version stays readable (superseded ones too).
  if (collection === 'formTemplates' && Array.isArray(doc.versions)) {
    for (const version of doc.versions) {
      const sha = isObject(version) && isObject(version.file) ? version.file.sha256 : undefined;
      if (typeof sha === 'string' && sha256HexSchema.safeParse(sha).success) found.add(sha);
    }
  }
  return [...found].sort();
}
