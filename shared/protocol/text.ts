// Text that PostgreSQL cannot store: NUL characters and lone UTF-16 surrogates (jsonb and text
// refuse both). Input carrying them is refused at the boundary as invalid, so it can never
// fail later inside a transaction and block a client's queue.
// eslint-disable-next-line no-control-regex
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function isStorableText(text: string): boolean {
  return !UNSTORABLE.test(text);
}

/** True if any string (or object key) anywhere inside the value cannot be stored. */
export function containsUnstorableText(value: unknown, depth = 0): boolean {
  if (depth > 64) return true;
  if (typeof value === 'string') return !isStorableText(value);
  if (value === null || typeof value !== 'object') return false;
  if (Array.isArray(value)) return value.some((v) => containsUnstorableText(v, depth + 1));
  return Object.entries(value).some(([k, v]) => !isStorableText(k) || containsUnstorableText(v, depth + 1));
}

/** Replaces what cannot be stored with visible escapes (for the audit log, which must never fail). */
export function toStorableText(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\u0000/g, '\\u0000').replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}
