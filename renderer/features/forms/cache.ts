// Offline copies of form files on this device (the Dexie `formFiles` table), within a size budget
// the user sets. The current versions of forms in categories pinned "available offline" are
// fetched in the background while online and never evicted; everything else goes least recently
// used first once the copies exceed the budget. Pinned files may by themselves exceed the budget:
// the user asked for them, so they stay, and the page says the budget is exceeded. The budget is
// capped to what the browser can store (./storage.ts): no copy, pinned or not, is fetched into
// room the rest of the app needs.
import type { FormTemplate, FormVersion } from '../../../shared/domain/forms';
import { currentVersion } from '../../../shared/forms/catalog';
import {
  FORM_CACHE_BUDGET_KEY,
  FORM_CACHE_PINNED_KEY,
  MAX_FORM_CACHE_BUDGET,
  MIN_FORM_CACHE_BUDGET,
  readFormCacheSettings,
  type BureauDb,
  type CachedFormFile,
} from '../../db';
import type { DownloadResult } from '../../sync/blobUploader';
import { effectiveBudget, estimateStorage, requestPersistentStorage, storageCap } from './storage';

/** Fetches a blob from the server, its bytes checked against their hash. */
export type FormDownloader = (sha256: string) => Promise<DownloadResult>;

export type DownloadFailure = Extract<DownloadResult, { ok: false }>['why'];

/** Hashes of the files that must stay: the current versions of live forms in pinned categories. */
export function pinnedShas(templates: readonly FormTemplate[], pinnedCategories: readonly string[], today: string): Set<string> {
  const pinned = new Set(pinnedCategories);
  const out = new Set<string>();
  for (const template of templates) {
    if (template.archived || !pinned.has(template.category)) continue;
    const current = currentVersion(template, today);
    if (current) out.add(current.file.sha256);
  }
  return out;
}

/** The versions a pinned category still lacks on this device. */
export function missingPinnedVersions(
  templates: readonly FormTemplate[],
  pinnedCategories: readonly string[],
  cached: { has(sha256: string): boolean },
  today: string,
): Array<{ template: FormTemplate; version: FormVersion }> {
  const pinned = new Set(pinnedCategories);
  const out: Array<{ template: FormTemplate; version: FormVersion }> = [];
  const seen = new Set<string>();
  for (const template of templates) {
    if (template.archived || !pinned.has(template.category)) continue;
    const version = currentVersion(template, today);
    if (!version || cached.has(version.file.sha256) || seen.has(version.file.sha256)) continue;
    seen.add(version.file.sha256);
    out.push({ template, version });
  }
  return out;
}

/**
 * Evicts unpinned copies, least recently used first, until the copies fit the budget, or the
 * smaller room the browser leaves (or only pinned ones are left). Returns the hashes evicted.
 */
export async function enforceFormCacheBudget(db: BureauDb, today: string): Promise<string[]> {
  // Asked before the transaction: a Dexie transaction commits when it awaits anything else.
  const estimate = await estimateStorage();
  return db.transaction('rw', [db.formFiles, db.formTemplates, db.meta], async () => {
    const settings = await readFormCacheSettings(db);
    const keep = pinnedShas(await db.formTemplates.toArray(), settings.pinnedCategories, today);
    const rows: Array<Pick<CachedFormFile, 'sha256' | 'size'>> = [];
    await db.formFiles.orderBy('lastUsedAt').each((row) => {
      rows.push({ sha256: row.sha256, size: row.size });
    });
    let used = rows.reduce((sum, row) => sum + row.size, 0);
    const limit = effectiveBudget(settings.budgetBytes, storageCap(estimate, used));
    const evicted: string[] = [];
    for (const row of rows) {
      if (used <= limit) break;
      if (keep.has(row.sha256)) continue;
      evicted.push(row.sha256);
      used -= row.size;
    }
    if (evicted.length > 0) await db.formFiles.bulkDelete(evicted);
    return evicted;
  });
}

export type BudgetRefusal = 'too_small' | 'too_large' | 'not_a_number';

/** Sets the budget (then evicts what no longer fits); refuses a value out of range and changes nothing. */
export async function setFormCacheBudget(db: BureauDb, bytes: number, today: string): Promise<{ ok: true; evicted: string[] } | { ok: false; why: BudgetRefusal }> {
  if (!Number.isFinite(bytes)) return { ok: false, why: 'not_a_number' };
  const rounded = Math.round(bytes);
  if (rounded < MIN_FORM_CACHE_BUDGET) return { ok: false, why: 'too_small' };
  if (rounded > MAX_FORM_CACHE_BUDGET) return { ok: false, why: 'too_large' };
  await db.meta.put({ key: FORM_CACHE_BUDGET_KEY, value: rounded });
  return { ok: true, evicted: await enforceFormCacheBudget(db, today) };
}

/**
 * Pins a category "available offline" or unpins it. Pinning also asks the browser to keep this
 * site's storage under disk pressure, so the pinned files are still there offline. Unpinning
 * makes its files ordinary copies, evicted like the others if the budget is exceeded.
 */
export async function setCategoryPinned(db: BureauDb, category: string, pinned: boolean, today: string): Promise<void> {
  // Not awaited: the browser may take its time (or ask the user); the pin does not depend on it.
  if (pinned) void requestPersistentStorage();
  await db.transaction('rw', db.meta, async () => {
    const { pinnedCategories } = await readFormCacheSettings(db);
    const next = pinned ? [...new Set([...pinnedCategories, category])] : pinnedCategories.filter((c) => c !== category);
    await db.meta.put({ key: FORM_CACHE_PINNED_KEY, value: next.sort((a, b) => a.localeCompare(b, 'zh-CN')) });
  });
  if (!pinned) await enforceFormCacheBudget(db, today);
}

/** Frees the space taken by copies outside pinned categories; returns how many were removed. */
export async function clearUnpinnedFormFiles(db: BureauDb, today: string): Promise<number> {
  return db.transaction('rw', [db.formFiles, db.formTemplates, db.meta], async () => {
    const keep = pinnedShas(await db.formTemplates.toArray(), (await readFormCacheSettings(db)).pinnedCategories, today);
    const keys = (await db.formFiles.toCollection().primaryKeys()).filter((k): k is string => typeof k === 'string' && !keep.has(k));
    await db.formFiles.bulkDelete(keys);
    return keys.length;
  });
}

/** Whether a write failed because the browser's storage is full. */
function isQuotaError(err: unknown): boolean {
  const name = (err as { name?: unknown } | null)?.name;
  const inner = (err as { inner?: { name?: unknown } } | null)?.inner?.name;
  return name === 'QuotaExceededError' || inner === 'QuotaExceededError';
}

/** The offline copy of a file, marked as just used; undefined when this device has none. */
export async function openCachedFormFile(db: BureauDb, sha256: string, now: string): Promise<CachedFormFile | undefined> {
  return db.transaction('rw', db.formFiles, async () => {
    const row = await db.formFiles.get(sha256);
    if (!row) return undefined;
    await db.formFiles.update(sha256, { lastUsedAt: now });
    return { ...row, lastUsedAt: now };
  });
}

/** Forgets an offline copy (one whose bytes no longer match their hash). */
export async function dropCachedFormFile(db: BureauDb, sha256: string): Promise<void> {
  await db.formFiles.delete(sha256);
}

/**
 * Keeps a verified copy of a version's file, then enforces the budget. False when the copy did
 * not fit (larger than the budget left over by pinned files, or the browser's storage is full):
 * the caller still has the bytes.
 */
export async function keepFormFile(db: BureauDb, template: FormTemplate, version: FormVersion, data: Blob, now: string, today: string): Promise<boolean> {
  try {
    await putFormFile(db, template, version, data, now);
  } catch (err) {
    if (isQuotaError(err)) return false;
    throw err;
  }
  await enforceFormCacheBudget(db, today);
  return (await db.formFiles.get(version.file.sha256)) !== undefined;
}

async function putFormFile(db: BureauDb, template: FormTemplate, version: FormVersion, data: Blob, now: string): Promise<void> {
  await db.formFiles.put({
    sha256: version.file.sha256,
    templateId: template.id,
    version: version.version,
    name: version.file.name,
    mediaType: version.file.mediaType,
    size: data.size,
    data,
    category: template.category,
    fetchedAt: now,
    lastUsedAt: now,
  });
}

export interface PinnedDownloadReport {
  downloaded: string[];
  /** 'no_room': the browser cannot hold the file beside what the rest of the app needs. */
  failed: Array<{ sha256: string; why: 'missing' | 'corrupt' | 'no_room' }>;
  /** Why the run stopped before the end: offline, or the session needs signing in again. */
  stopped: null | 'offline' | 'unauthorized';
}

async function downloadPinnedOnce(db: BureauDb, download: FormDownloader, today: string, now: () => string): Promise<PinnedDownloadReport> {
  const report: PinnedDownloadReport = { downloaded: [], failed: [], stopped: null };
  const estimate = await estimateStorage();
  const { templates, pinned, sizes } = await db.transaction('r', [db.formTemplates, db.formFiles, db.meta], async () => {
    const sizes = new Map<string, number>();
    await db.formFiles.each((row) => {
      sizes.set(row.sha256, row.size);
    });
    return { templates: await db.formTemplates.toArray(), pinned: (await readFormCacheSettings(db)).pinnedCategories, sizes };
  });
  // The room the browser leaves for pinned files: the cap less what pinned copies already take
  // (unpinned copies are evicted to make way). No estimate: no limit but the browser's own.
  const keep = pinnedShas(templates, pinned, today);
  const used = [...sizes.values()].reduce((sum, size) => sum + size, 0);
  const pinnedUsed = [...sizes].reduce((sum, [sha, size]) => (keep.has(sha) ? sum + size : sum), 0);
  const cap = storageCap(estimate, used);
  let room = cap === null ? Infinity : cap - pinnedUsed;
  // One file at a time: only one form's bytes are in memory at once.
  for (const { template, version } of missingPinnedVersions(templates, pinned, sizes, today)) {
    if (version.file.size > room) {
      report.failed.push({ sha256: version.file.sha256, why: 'no_room' });
      continue;
    }
    const result = await download(version.file.sha256);
    if (result.ok) {
      if (!(await keepFormFile(db, template, version, result.data, now(), today))) {
        report.failed.push({ sha256: version.file.sha256, why: 'no_room' });
        continue;
      }
      room -= version.file.size;
      report.downloaded.push(version.file.sha256);
    } else if (result.why === 'offline' || result.why === 'unauthorized') {
      report.stopped = result.why;
      break;
    } else {
      report.failed.push({ sha256: version.file.sha256, why: result.why });
    }
  }
  return report;
}

const running = new WeakMap<BureauDb, { run: Promise<PinnedDownloadReport>; again: Promise<PinnedDownloadReport> | null }>();

/**
 * Fetches the current versions of pinned categories that this device lacks. A call made while a
 * run is under way waits for it and shares one more run, so a category pinned meanwhile, or a
 * version published meanwhile, is always covered by the run its caller awaits.
 */
export function downloadPinnedForms(db: BureauDb, download: FormDownloader, today: string, now: () => string = () => new Date().toISOString()): Promise<PinnedDownloadReport> {
  const current = running.get(db);
  if (current) {
    current.again ??= current.run.catch(() => undefined).then(() => downloadPinnedForms(db, download, today, now));
    return current.again;
  }
  const entry: { run: Promise<PinnedDownloadReport>; again: Promise<PinnedDownloadReport> | null } = {
    run: downloadPinnedOnce(db, download, today, now).finally(() => {
      if (running.get(db) === entry) running.delete(db);
    }),
    again: null,
  };
  running.set(db, entry);
  return entry.run;
}
