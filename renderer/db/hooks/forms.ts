// Live queries and this device's own state for the forms library. The catalog is synced
// (formTemplates); what is local is the offline copies of form files (formFiles), the user's
// settings for them (size budget, categories pinned "available offline", in `meta`) and which
// version of each form the user saved a copy of (savedForms), to tell them of a newer one.
import { useLiveQuery } from 'dexie-react-hooks';
import { agencyDate } from '../../../shared/calendar/dates';
import type { FormTemplate, FormVersion } from '../../../shared/domain/forms';
import { compareVersions, currentVersion, newerVersionThan } from '../../../shared/forms/catalog';
import type { BureauDb, CachedFormFile, SavedForm } from '../database';
import { useStore } from '../hooks';

export type { CachedFormFile, SavedForm } from '../database';

const MiB = 1024 * 1024;

/** The user's budget for offline copies of forms, in bytes. */
export const FORM_CACHE_BUDGET_KEY = 'forms.cache.budgetBytes';
/** Categories whose current versions are kept on this device whatever the budget. */
export const FORM_CACHE_PINNED_KEY = 'forms.cache.pinnedCategories';
export const DEFAULT_FORM_CACHE_BUDGET = 200 * MiB;
/** At least one form of the largest size allowed (20 MiB) must fit. */
export const MIN_FORM_CACHE_BUDGET = 20 * MiB;
export const MAX_FORM_CACHE_BUDGET = 20 * 1024 * MiB;

export interface FormCacheSettings {
  budgetBytes: number;
  pinnedCategories: string[];
}

function isBudget(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= MIN_FORM_CACHE_BUDGET && value <= MAX_FORM_CACHE_BUDGET;
}

export async function readFormCacheSettings(db: BureauDb): Promise<FormCacheSettings> {
  const [budget, pinned] = await Promise.all([db.meta.get(FORM_CACHE_BUDGET_KEY), db.meta.get(FORM_CACHE_PINNED_KEY)]);
  const categories = Array.isArray(pinned?.value) ? pinned.value.filter((c): c is string => typeof c === 'string') : [];
  return { budgetBytes: isBudget(budget?.value) ? budget.value : DEFAULT_FORM_CACHE_BUDGET, pinnedCategories: [...new Set(categories)] };
}

/** An offline copy without its bytes (what the pages show). */
export type CachedFormFileInfo = Omit<CachedFormFile, 'data'>;

export interface FormCacheState extends FormCacheSettings {
  files: CachedFormFileInfo[];
  /** By file hash: whether a version is available offline. */
  bySha: ReadonlyMap<string, CachedFormFileInfo>;
  usedBytes: number;
}

/** The offline copies on this device and the settings that govern them. */
export function useFormCache(): FormCacheState | undefined {
  const store = useStore();
  return useLiveQuery(async () => {
    const { db } = store;
    return db.transaction('r', [db.formFiles, db.meta], async () => {
      const settings = await readFormCacheSettings(db);
      const files: CachedFormFileInfo[] = [];
      // Row by row, dropping the bytes: the list never holds every file's Blob at once.
      await db.formFiles.each((row) => {
        const { data: _data, ...info } = row;
        files.push(info);
      });
      return { ...settings, files, bySha: new Map(files.map((f) => [f.sha256, f])), usedBytes: files.reduce((sum, f) => sum + f.size, 0) };
    });
  }, [store]);
}

/** Every form in the library, withdrawn ones included (the library page leaves those out). */
export function useFormTemplates(): FormTemplate[] | undefined {
  const store = useStore();
  return useLiveQuery(async () => (await store.db.formTemplates.toArray()).sort((a, b) => a.title.localeCompare(b.title, 'zh-CN') || a.id.localeCompare(b.id)), [store]);
}

/** Which version of each form the user saved a copy of, by form id. */
export function useSavedForms(): ReadonlyMap<string, SavedForm> | undefined {
  const store = useStore();
  return useLiveQuery(async () => new Map((await store.db.savedForms.toArray()).map((s) => [s.templateId, s])), [store]);
}

export interface OutdatedSavedForm {
  template: FormTemplate;
  saved: SavedForm;
  /** The version now in force, newer than the one the user saved. */
  newer: FormVersion;
}

/**
 * Saved copies that a newer version has replaced and the user has not dismissed yet, newest
 * version first. Withdrawn forms are left out: there is nothing newer to fetch from the library.
 */
export async function outdatedSavedForms(db: BureauDb, today: string): Promise<OutdatedSavedForm[]> {
  return db.transaction('r', [db.savedForms, db.formTemplates], async () => {
    const saved = await db.savedForms.toArray();
    const templates = await db.formTemplates.bulkGet(saved.map((s) => s.templateId));
    const out: OutdatedSavedForm[] = [];
    saved.forEach((s, i) => {
      const template = templates[i];
      if (!template || template.archived) return;
      const newer = newerVersionThan(template, s.sha256, today);
      if (newer && newer.file.sha256 !== s.acknowledgedSha256) out.push({ template, saved: s, newer });
    });
    return out.sort((a, b) => b.newer.publishedAt.localeCompare(a.newer.publishedAt) || a.template.title.localeCompare(b.template.title, 'zh-CN'));
  });
}

/**
 * Forms the user saved a copy of that have a newer version in force (for the library's notice
 * and the notification bell); empty while loading.
 */
export function useOutdatedSavedForms(): OutdatedSavedForm[] {
  const store = useStore();
  // The date is taken when the query runs, so a version that takes effect today counts.
  return useLiveQuery(() => outdatedSavedForms(store.db, agencyDate(new Date().toISOString())), [store]) ?? [];
}

/**
 * Remembers that the user saved a copy of this version. A copy of an older version saved on
 * purpose (the current one is listed right beside it) does not raise a notice about the current
 * one; a version published after it still will.
 */
export async function recordSavedForm(db: BureauDb, template: FormTemplate, version: FormVersion, today: string, now: string): Promise<SavedForm> {
  const current = currentVersion(template, today);
  const knowinglyOlder = current !== null && current.file.sha256 !== version.file.sha256 && compareVersions(version, current) < 0;
  const row: SavedForm = {
    templateId: template.id,
    version: version.version,
    sha256: version.file.sha256,
    savedAt: now,
    acknowledgedSha256: knowinglyOlder ? current.file.sha256 : null,
  };
  await db.savedForms.put(row);
  return row;
}

/** "Dismiss": the user knows of this newer version and keeps the copy they have. */
export async function dismissNewerVersion(db: BureauDb, templateId: string, newerSha256: string): Promise<void> {
  await db.savedForms.update(templateId, { acknowledgedSha256: newerSha256 });
}
