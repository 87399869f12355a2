// What the browser lets this device keep: the user's budget for offline copies of forms is
// capped to the room the browser's storage quota leaves (navigator.storage.estimate()), less a
// reserve for the rest of Bureau (requests, claims, attachments, the outbox), so that a copy is
// never kept at the price of the user's own unsent work. Pinning a category asks the browser to
// keep this site's storage even when the disk runs low (navigator.storage.persist()).

const MiB = 1024 * 1024;
/** Room always left for everything else this app stores: a tenth of the quota, within these bounds. */
export const MIN_STORAGE_RESERVE = 50 * MiB;
export const MAX_STORAGE_RESERVE = 1024 * MiB;

export interface StorageEstimateLike {
  quota?: number;
  usage?: number;
}

/** The room kept free for the rest of the app, for a browser quota of `quota` bytes. */
export function storageReserve(quota: number): number {
  return Math.min(Math.max(quota * 0.1, MIN_STORAGE_RESERVE), MAX_STORAGE_RESERVE);
}

/**
 * The most the offline copies may take, in bytes, given the browser's estimate and what the
 * copies take now (`formsUsed`, part of the estimate's usage): what they take plus the free room,
 * less the reserve. Null when the browser does not say (no limit known: the user's budget rules).
 */
export function storageCap(estimate: StorageEstimateLike | null, formsUsed: number): number | null {
  const quota = estimate?.quota;
  const usage = estimate?.usage;
  if (typeof quota !== 'number' || !Number.isFinite(quota) || quota <= 0) return null;
  if (typeof usage !== 'number' || !Number.isFinite(usage) || usage < 0) return null;
  const free = Math.max(0, quota - usage);
  return Math.max(0, Math.floor(formsUsed + free - storageReserve(quota)));
}

/** The space the copies may take: the user's budget, or less when the browser cannot hold that much. */
export function effectiveBudget(budgetBytes: number, cap: number | null): number {
  return cap === null ? budgetBytes : Math.min(budgetBytes, cap);
}

function storageManager(): StorageManager | undefined {
  return typeof navigator === 'undefined' ? undefined : (navigator as Partial<Navigator>).storage;
}

/** The browser's estimate of this site's quota and usage; null where it gives none (or fails). */
export async function estimateStorage(): Promise<StorageEstimateLike | null> {
  const storage = storageManager();
  if (typeof storage?.estimate !== 'function') return null;
  try {
    return await storage.estimate();
  } catch {
    return null;
  }
}

/**
 * Asks the browser not to clear this site's storage under pressure (pinned forms must survive
 * it). Returns whether storage is persistent; false where the browser declines or cannot say.
 */
export async function requestPersistentStorage(): Promise<boolean> {
  const storage = storageManager();
  if (typeof storage?.persist !== 'function') return false;
  try {
    if (typeof storage.persisted === 'function' && (await storage.persisted())) return true;
    return await storage.persist();
  } catch {
    return false;
  }
}
