// The forms catalog: which version of a form is the one to use, and search. Pure functions over
// the synced documents, so the catalog works offline with the same answers everywhere.
import type { FormTemplate, FormVersion } from '../domain/forms';

/**
 * Chunks of digits compare as numbers ("v10" after "v9"); everything else as text. Labels are
 * folded first as the version_exists check folds them (forms mutator): "V10" follows "v2", and
 * full-width digits typed with a Chinese input method ("第２版") count as digits.
 */
function naturalCompare(a: string, b: string): number {
  const chunks = (s: string) => normalizeForSearch(s).match(/\d+|\D+/g) ?? [];
  const x = chunks(a);
  const y = chunks(b);
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const p = x[i]!;
    const q = y[i]!;
    const numeric = /^\d/.test(p) && /^\d/.test(q);
    const c = numeric ? Number(p) - Number(q) || p.length - q.length : p < q ? -1 : p > q ? 1 : 0;
    if (c !== 0) return c;
  }
  return x.length - y.length;
}

/**
 * Version order: by effective date, then by the version label read naturally (2024版 < 2025版,
 * v1.9 < v1.10), then by when it was published. A correction published later for an earlier
 * effective date does not jump ahead of the version already in force after it.
 */
export function compareVersions(a: FormVersion, b: FormVersion): number {
  if (a.effectiveOn !== b.effectiveOn) return a.effectiveOn < b.effectiveOn ? -1 : 1;
  return naturalCompare(a.version, b.version) || (a.publishedAt < b.publishedAt ? -1 : a.publishedAt > b.publishedAt ? 1 : 0);
}

/** Newest first. */
export function sortedVersions(template: Pick<FormTemplate, 'versions'>): FormVersion[] {
  return [...template.versions].sort((a, b) => compareVersions(b, a));
}

/** The version to use on `today` (agency date): the newest already in effect; null if none is yet. */
export function currentVersion(template: Pick<FormTemplate, 'versions'>, today: string): FormVersion | null {
  return sortedVersions(template).find((v) => v.effectiveOn <= today) ?? null;
}

export type VersionStatus = 'current' | 'superseded' | 'upcoming';

export function versionStatus(template: Pick<FormTemplate, 'versions'>, version: FormVersion, today: string): VersionStatus {
  if (version.effectiveOn > today) return 'upcoming';
  const current = currentVersion(template, today);
  return current && current.version === version.version ? 'current' : 'superseded';
}

/**
 * Text as compared by search: full-width letters and digits folded to ASCII (ＰＤＦ → pdf),
 * lower case, spaces removed. Chinese has no spaces between words, so search is by substring,
 * never by word; NFKC also folds compatibility ideographs to their standard form.
 */
export function normalizeForSearch(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
}

export interface CatalogQuery {
  text?: string;
  category?: string | null;
  issuingDepartment?: string | null;
  includeArchived?: boolean;
}

/**
 * Forms matching a query, best first: every term of the text (terms split by spaces) must occur
 * in the title, category, issuing department, description or a version label; a title match
 * ranks above a match elsewhere, then titles in order.
 */
export function searchCatalog<T extends FormTemplate>(templates: readonly T[], query: CatalogQuery): T[] {
  const terms = (query.text ?? '')
    .split(/\s+/)
    .map(normalizeForSearch)
    .filter((t) => t !== '');
  const scored: { template: T; score: number }[] = [];
  for (const template of templates) {
    if (template.archived && !query.includeArchived) continue;
    if (query.category && template.category !== query.category) continue;
    if (query.issuingDepartment && template.issuingDepartment !== query.issuingDepartment) continue;
    const title = normalizeForSearch(template.title);
    const rest = normalizeForSearch([template.category, template.issuingDepartment, template.description, ...template.versions.map((v) => v.version)].join('\u0000'));
    let score = 0;
    let all = true;
    for (const term of terms) {
      if (title.includes(term)) score += 2;
      else if (rest.includes(term)) score += 1;
      else {
        all = false;
        break;
      }
    }
    if (all) scored.push({ template, score });
  }
  return scored.sort((a, b) => b.score - a.score || a.template.title.localeCompare(b.template.title, 'zh-CN')).map((s) => s.template);
}

/** Categories and issuing departments present, for the filters. */
export function catalogFacets(templates: readonly FormTemplate[]): { categories: string[]; departments: string[] } {
  const live = templates.filter((t) => !t.archived);
  const uniq = (values: string[]) => [...new Set(values)].sort((a, b) => a.localeCompare(b, 'zh-CN'));
  return { categories: uniq(live.map((t) => t.category)), departments: uniq(live.map((t) => t.issuingDepartment)) };
}

/**
 * A saved copy is out of date when the form's current version is another one than the copy's
 * (by file hash: a re-published identical file is not news).
 */
export function newerVersionThan(template: Pick<FormTemplate, 'versions'>, savedSha256: string, today: string): FormVersion | null {
  const current = currentVersion(template, today);
  if (!current || current.file.sha256 === savedSha256) return null;
  const saved = template.versions.find((v) => v.file.sha256 === savedSha256);
  if (saved && compareVersions(saved, current) >= 0) return null;
  return current;
}
