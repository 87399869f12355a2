// The offline copies of forms: kept within the user's budget, least recently used out first;
// the current versions of pinned categories stay whatever the budget, and are fetched while
// online when missing.
import { afterEach, describe, expect, it } from 'vitest';
import {
  clearUnpinnedFormFiles,
  downloadPinnedForms,
  enforceFormCacheBudget,
  keepFormFile,
  openCachedFormFile,
  setCategoryPinned,
  setFormCacheBudget,
  type FormDownloader,
} from '../../../../renderer/features/forms/cache';
import { DEFAULT_FORM_CACHE_BUDGET, readFormCacheSettings, type BureauDb } from '../../../../renderer/db';
import type { FormTemplate } from '../../../../shared/domain/forms';
import { at, blobOf, MiB, openDb, template, TODAY, version } from './fixtures';

const ABROAD = '出国（境）管理';
const FINANCE = '财务报销';

let db: BureauDb;
afterEach(() => db?.close());

async function cachedShas(): Promise<string[]> {
  return ((await db.formFiles.toCollection().primaryKeys()) as string[]).sort();
}

async function keep(t: FormTemplate, minute: number, v = t.versions.at(-1)!): Promise<boolean> {
  return keepFormFile(db, t, v, blobOf(v.file.size), at(minute), TODAY);
}

describe('the offline copies of forms', () => {
  it('starts with a 200 MB budget and nothing pinned', async () => {
    db = openDb();
    expect(await readFormCacheSettings(db)).toEqual({ budgetBytes: DEFAULT_FORM_CACHE_BUDGET, pinnedCategories: [] });
    expect(DEFAULT_FORM_CACHE_BUDGET).toBe(200 * MiB);
  });

  it('evicts the least recently used copy first once over the budget', async () => {
    db = openDb();
    await setFormCacheBudget(db, 20 * MiB, TODAY);
    const a = template('a', [version('v1', '2026-01-01', { size: 8 * MiB })], { category: FINANCE });
    const b = template('b', [version('v1', '2026-01-02', { size: 8 * MiB })], { category: FINANCE });
    const c = template('c', [version('v1', '2026-01-03', { size: 8 * MiB })], { category: FINANCE });
    await db.formTemplates.bulkPut([a, b, c]);
    expect(await keep(a, 1)).toBe(true);
    expect(await keep(b, 2)).toBe(true);
    // A is used again (a copy saved from it), so B is now the one used least recently.
    expect(await openCachedFormFile(db, a.versions[0]!.file.sha256, at(3))).toBeDefined();
    expect(await keep(c, 4)).toBe(true);

    expect(await cachedShas()).toEqual([a, c].map((t) => t.versions[0]!.file.sha256).sort());
  });

  it('keeps the current versions of a pinned category over the budget, and evicts other copies instead', async () => {
    db = openDb();
    await setFormCacheBudget(db, 20 * MiB, TODAY);
    await setCategoryPinned(db, ABROAD, true, TODAY);
    const pinned1 = template('p1', [version('v1', '2026-01-01', { size: 12 * MiB })], { category: ABROAD });
    const pinned2 = template('p2', [version('v1', '2026-01-01', { size: 12 * MiB })], { category: ABROAD });
    const other = template('o', [version('v1', '2026-01-01', { size: 1 * MiB })], { category: FINANCE });
    await db.formTemplates.bulkPut([pinned1, pinned2, other]);

    expect(await keep(pinned1, 1)).toBe(true);
    expect(await keep(other, 2)).toBe(true);
    // 25 MB against 20: the pinned files stay (they were used earlier, but are pinned); the other goes.
    expect(await keep(pinned2, 3)).toBe(true);
    expect(await cachedShas()).toEqual([pinned1, pinned2].map((t) => t.versions[0]!.file.sha256).sort());

    // A copy that cannot fit beside the pinned ones is not kept (the caller still has its bytes).
    expect(await keep(other, 4)).toBe(false);
    expect(await cachedShas()).toHaveLength(2);
  });

  it('protects only the version in force: a superseded version of a pinned form is evicted like any copy', async () => {
    db = openDb();
    await setFormCacheBudget(db, 20 * MiB, TODAY);
    await setCategoryPinned(db, ABROAD, true, TODAY);
    const v1 = version('v1', '2026-01-01', { size: 9 * MiB });
    const v2 = version('v2', '2026-05-01', { size: 9 * MiB });
    const form = template('f', [v1, v2], { category: ABROAD });
    const other = template('o', [version('v1', '2026-01-01', { size: 9 * MiB })], { category: FINANCE });
    await db.formTemplates.bulkPut([form, other]);

    await keep(form, 1, v1);
    await keep(form, 2, v2);
    await keep(other, 3);

    // 27 MB: v1 (oldest, superseded) goes first, which is enough.
    expect(await cachedShas()).toEqual([v2.file.sha256, other.versions[0]!.file.sha256].sort());
  });

  it('a withdrawn form is no longer kept for its category', async () => {
    db = openDb();
    await setFormCacheBudget(db, 20 * MiB, TODAY);
    await setCategoryPinned(db, ABROAD, true, TODAY);
    const withdrawn = template('w', [version('v1', '2026-01-01', { size: 12 * MiB })], { category: ABROAD, archived: true });
    const other = template('o', [version('v1', '2026-01-01', { size: 12 * MiB })], { category: FINANCE });
    await db.formTemplates.bulkPut([withdrawn, other]);
    await keep(withdrawn, 1);
    await keep(other, 2);
    expect(await cachedShas()).toEqual([other.versions[0]!.file.sha256]);
  });

  it('unpinning a category makes its files ordinary copies, evicted when over the budget', async () => {
    db = openDb();
    await setFormCacheBudget(db, 20 * MiB, TODAY);
    await setCategoryPinned(db, ABROAD, true, TODAY);
    const p1 = template('p1', [version('v1', '2026-01-01', { size: 12 * MiB })], { category: ABROAD });
    const p2 = template('p2', [version('v1', '2026-01-01', { size: 12 * MiB })], { category: ABROAD });
    await db.formTemplates.bulkPut([p1, p2]);
    await keep(p1, 1);
    await keep(p2, 2);
    expect(await cachedShas()).toHaveLength(2);

    await setCategoryPinned(db, ABROAD, false, TODAY);
    expect((await readFormCacheSettings(db)).pinnedCategories).toEqual([]);
    expect(await cachedShas()).toEqual([p2.versions[0]!.file.sha256]);
  });

  it('lowering the budget evicts at once; a budget out of range is refused and changes nothing', async () => {
    db = openDb();
    const forms = [1, 2, 3, 4].map((n) => template(`f${n}`, [version('v1', '2026-01-01', { size: 10 * MiB })], { category: FINANCE }));
    await db.formTemplates.bulkPut(forms);
    for (const [i, f] of forms.entries()) await keep(f, i + 1);
    expect(await cachedShas()).toHaveLength(4);

    expect(await setFormCacheBudget(db, 5 * MiB, TODAY)).toEqual({ ok: false, why: 'too_small' });
    expect(await setFormCacheBudget(db, Number.NaN, TODAY)).toEqual({ ok: false, why: 'not_a_number' });
    expect(await setFormCacheBudget(db, 1e15, TODAY)).toEqual({ ok: false, why: 'too_large' });
    expect((await readFormCacheSettings(db)).budgetBytes).toBe(DEFAULT_FORM_CACHE_BUDGET);
    expect(await cachedShas()).toHaveLength(4);

    const result = await setFormCacheBudget(db, 25 * MiB, TODAY);
    expect(result).toEqual({ ok: true, evicted: [forms[0]!.versions[0]!.file.sha256, forms[1]!.versions[0]!.file.sha256] });
    expect((await readFormCacheSettings(db)).budgetBytes).toBe(25 * MiB);
    expect(await cachedShas()).toEqual([forms[2], forms[3]].map((f) => f!.versions[0]!.file.sha256).sort());
  });

  it('"clear" removes every copy outside the pinned categories', async () => {
    db = openDb();
    await setCategoryPinned(db, ABROAD, true, TODAY);
    const pinned = template('p', [version('v1', '2026-01-01')], { category: ABROAD });
    const other = template('o', [version('v1', '2026-01-01')], { category: FINANCE });
    await db.formTemplates.bulkPut([pinned, other]);
    await keep(pinned, 1);
    await keep(other, 2);
    expect(await clearUnpinnedFormFiles(db, TODAY)).toBe(1);
    expect(await cachedShas()).toEqual([pinned.versions[0]!.file.sha256]);
    expect(await enforceFormCacheBudget(db, TODAY)).toEqual([]);
  });
});

describe('keeping pinned categories available offline', () => {
  function fakeServer(files: Map<string, number>, offlineAfter = Infinity) {
    const requested: string[] = [];
    const download: FormDownloader = async (sha256) => {
      requested.push(sha256);
      if (requested.length > offlineAfter) return { ok: false, why: 'offline' };
      const size = files.get(sha256);
      return size === undefined ? { ok: false, why: 'missing' } : { ok: true, data: blobOf(size) };
    };
    return { download, requested };
  }

  it('downloads the version in force of every live form in a pinned category, and nothing else', async () => {
    db = openDb();
    const v1 = version('v1', '2026-01-01');
    const v2 = version('v2', '2026-05-01');
    const upcoming = version('v3', '2026-12-01');
    const abroad = template('abroad', [v1, v2, upcoming], { category: ABROAD });
    const withdrawn = template('old', [version('v1', '2025-01-01')], { category: ABROAD, archived: true });
    const finance = template('fin', [version('v1', '2026-01-01')], { category: FINANCE });
    await db.formTemplates.bulkPut([abroad, withdrawn, finance]);
    await setCategoryPinned(db, ABROAD, true, TODAY);
    const server = fakeServer(new Map([v1, v2, upcoming, withdrawn.versions[0]!, finance.versions[0]!].map((v) => [v.file.sha256, v.file.size])));

    const report = await downloadPinnedForms(db, server.download, TODAY, () => at(1));
    expect(report).toEqual({ downloaded: [v2.file.sha256], failed: [], stopped: null });
    expect(await cachedShas()).toEqual([v2.file.sha256]);
    const row = await db.formFiles.get(v2.file.sha256);
    expect(row).toMatchObject({ templateId: 'abroad', version: 'v2', category: ABROAD });

    // Nothing is missing any more: a second run asks the server for nothing.
    await downloadPinnedForms(db, server.download, TODAY);
    expect(server.requested).toEqual([v2.file.sha256]);
  });

  it('stops at the first sign of being offline, and records files the server does not have', async () => {
    db = openDb();
    const forms = [1, 2, 3].map((n) => template(`f${n}`, [version(`v${n}`, '2026-01-01')], { category: ABROAD, title: `表格${n}` }));
    await db.formTemplates.bulkPut(forms);
    await setCategoryPinned(db, ABROAD, true, TODAY);
    const [first, second] = forms.map((f) => f.versions[0]!);
    // The server has the first file only; the connection drops at the third request.
    const server = fakeServer(new Map([[first!.file.sha256, first!.file.size]]), 2);

    const report = await downloadPinnedForms(db, server.download, TODAY);
    expect(report.downloaded).toEqual([first!.file.sha256]);
    expect(report.failed).toEqual([{ sha256: second!.file.sha256, why: 'missing' }]);
    expect(report.stopped).toBe('offline');
    expect(await cachedShas()).toEqual([first!.file.sha256]);
  });
});
