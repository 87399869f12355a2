// The offline copies of forms never take more than the browser can store: the user's budget is
// capped to the room its quota leaves, less a reserve for the rest of the app; pinned files that
// cannot fit are not fetched; and pinning a category asks the browser to keep the storage.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { downloadPinnedForms, keepFormFile, setCategoryPinned, type FormDownloader } from '../../../../renderer/features/forms/cache';
import { effectiveBudget, storageCap } from '../../../../renderer/features/forms/storage';
import { readFormCacheSettings, type BureauDb } from '../../../../renderer/db';
import type { FormTemplate } from '../../../../shared/domain/forms';
import { at, blobOf, MiB, openDb, template, TODAY, version } from './fixtures';

const ABROAD = '出国（境）管理';
const FINANCE = '财务报销';

let db: BureauDb;
afterEach(() => {
  db?.close();
  vi.unstubAllGlobals();
});

/**
 * A browser with `quota` bytes for this site, of which the rest of the app uses `others`; the
 * forms' own copies count in its usage as they are written.
 */
function browserWith(quota: number, others: number) {
  const persist = vi.fn(async () => true);
  vi.stubGlobal('navigator', {
    storage: {
      estimate: async () => {
        let forms = 0;
        await db.formFiles.each((row) => {
          forms += row.size;
        });
        return { quota, usage: others + forms };
      },
      persisted: async () => false,
      persist,
    },
  });
  return { persist };
}

async function cachedShas(): Promise<string[]> {
  return ((await db.formFiles.toCollection().primaryKeys()) as string[]).sort();
}

const sha = (t: FormTemplate) => t.versions[0]!.file.sha256;

describe('the room the browser leaves for offline copies', () => {
  it('is what the copies take plus what is free, less a reserve for the rest of the app', () => {
    // 10 % of the quota is kept free, at least 50 MB.
    expect(storageCap({ quota: 1000 * MiB, usage: 300 * MiB }, 100 * MiB)).toBe(700 * MiB);
    expect(storageCap({ quota: 200 * MiB, usage: 120 * MiB }, 0)).toBe(30 * MiB);
    // Already too full: the copies must shrink, never below nothing.
    expect(storageCap({ quota: 200 * MiB, usage: 190 * MiB }, 10 * MiB)).toBe(0);
    // A browser that does not say leaves the user's budget alone.
    expect(storageCap(null, 0)).toBeNull();
    expect(storageCap({ usage: 1 }, 0)).toBeNull();
    expect(effectiveBudget(200 * MiB, null)).toBe(200 * MiB);
    expect(effectiveBudget(200 * MiB, 30 * MiB)).toBe(30 * MiB);
    expect(effectiveBudget(200 * MiB, 900 * MiB)).toBe(200 * MiB);
  });

  it('evicts the least recently used copies to fit the browser, even under the user\'s budget', async () => {
    db = openDb();
    // 200 MB quota, 100 MB used by the rest, 50 MB reserve: 50 MB for forms (budget: 200 MB).
    browserWith(200 * MiB, 100 * MiB);
    const forms = [1, 2, 3].map((n) => template(`f${n}`, [version('v1', '2026-01-01', { size: 20 * MiB })], { category: FINANCE }));
    await db.formTemplates.bulkPut(forms);
    for (const [i, f] of forms.entries()) expect(await keepFormFile(db, f, f.versions[0]!, blobOf(20 * MiB), at(i + 1), TODAY)).toBe(true);
    expect(await cachedShas()).toEqual([sha(forms[1]!), sha(forms[2]!)].sort());
  });

  it('does not fetch pinned files the browser cannot hold, and fetches those that fit', async () => {
    db = openDb();
    const { persist } = browserWith(200 * MiB, 100 * MiB);
    const big = template('big', [version('v1', '2026-01-01', { size: 40 * MiB })], { category: ABROAD, title: '甲' });
    const alsoBig = template('big2', [version('v1', '2026-01-01', { size: 40 * MiB })], { category: ABROAD, title: '乙' });
    const small = template('small', [version('v1', '2026-01-01', { size: 5 * MiB })], { category: ABROAD, title: '丙' });
    await db.formTemplates.bulkPut([big, alsoBig, small]);
    await setCategoryPinned(db, ABROAD, true, TODAY);
    expect(persist).toHaveBeenCalledTimes(1);

    const requested: string[] = [];
    const download: FormDownloader = async (sha256) => {
      requested.push(sha256);
      const size = [big, alsoBig, small].find((t) => sha(t) === sha256)!.versions[0]!.file.size;
      return { ok: true, data: blobOf(size) };
    };
    const report = await downloadPinnedForms(db, download, TODAY, () => at(1));
    // 50 MB of room: one 40 MB file and the 5 MB one; the other 40 MB file is not even downloaded.
    expect(report.downloaded).toHaveLength(2);
    expect(report.failed).toHaveLength(1);
    expect(report.failed[0]!.why).toBe('no_room');
    expect(requested).toHaveLength(2);
    expect(requested).not.toContain(report.failed[0]!.sha256);
    expect(await cachedShas()).toEqual([...report.downloaded].sort());
  });

  it('pinning asks the browser to keep the storage; unpinning does not', async () => {
    db = openDb();
    const { persist } = browserWith(10_000 * MiB, 0);
    await setCategoryPinned(db, FINANCE, false, TODAY);
    expect(persist).not.toHaveBeenCalled();
    await setCategoryPinned(db, FINANCE, true, TODAY);
    expect(persist).toHaveBeenCalledTimes(1);
  });

  it('a browser with no storage manager changes nothing: the user\'s budget rules', async () => {
    db = openDb();
    vi.stubGlobal('navigator', {});
    const forms = [1, 2, 3].map((n) => template(`g${n}`, [version('v1', '2026-01-01', { size: 20 * MiB })], { category: FINANCE }));
    await db.formTemplates.bulkPut(forms);
    for (const [i, f] of forms.entries()) await keepFormFile(db, f, f.versions[0]!, blobOf(20 * MiB), at(i + 1), TODAY);
    expect(await cachedShas()).toHaveLength(3);
    // Pinning still works where the browser cannot be asked to keep the storage.
    await setCategoryPinned(db, FINANCE, true, TODAY);
    expect((await readFormCacheSettings(db)).pinnedCategories).toEqual([FINANCE]);
  });
});
