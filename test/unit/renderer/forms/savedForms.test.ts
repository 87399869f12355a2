// The new-version notice: a form the user saved a copy of has a newer version in force. It shows
// until the user saves the new version or dismisses it, and comes back for the next version.
import { afterEach, describe, expect, it } from 'vitest';
import { dismissNewerVersion, outdatedSavedForms, recordSavedForm, type BureauDb } from '../../../../renderer/db';
import { openDb, template, TODAY, version } from './fixtures';

const NOW = '2026-06-15T02:00:00.000Z';

let db: BureauDb;
afterEach(() => db?.close());

describe('saved forms and their newer versions', () => {
  const v1 = version('v1', '2026-01-01');
  const v2 = version('v2', '2026-06-01', {}, '增加“出访任务”栏');
  const v3 = version('v3', '2026-06-10');

  it('tells of a newer version in force until the user saves it', async () => {
    db = openDb();
    const form = template('abroad', [v1], { title: '因公出国（境）审批表' });
    await db.formTemplates.put(form);
    await recordSavedForm(db, form, v1, TODAY, NOW);
    expect(await outdatedSavedForms(db, TODAY)).toEqual([]);

    const published = { ...form, versions: [v1, v2] };
    await db.formTemplates.put(published);
    const outdated = await outdatedSavedForms(db, TODAY);
    expect(outdated.map((o) => [o.template.id, o.saved.version, o.newer.version])).toEqual([['abroad', 'v1', 'v2']]);

    await recordSavedForm(db, published, v2, TODAY, NOW);
    expect(await outdatedSavedForms(db, TODAY)).toEqual([]);
  });

  it('says nothing of a version not yet in force, until the day it takes effect', async () => {
    db = openDb();
    const form = template('abroad', [v1, version('v2', '2026-12-01')]);
    await db.formTemplates.put(form);
    await recordSavedForm(db, form, v1, TODAY, NOW);
    expect(await outdatedSavedForms(db, TODAY)).toEqual([]);
    expect((await outdatedSavedForms(db, '2026-12-01')).map((o) => o.newer.version)).toEqual(['v2']);
  });

  it('"dismiss" silences this version only: the next one is told again', async () => {
    db = openDb();
    const form = template('abroad', [v1, v2]);
    await db.formTemplates.put(form);
    await recordSavedForm(db, form, v1, '2026-05-01', NOW);
    expect(await outdatedSavedForms(db, TODAY)).toHaveLength(1);

    await dismissNewerVersion(db, 'abroad', v2.file.sha256);
    expect(await outdatedSavedForms(db, TODAY)).toEqual([]);

    await db.formTemplates.put({ ...form, versions: [v1, v2, v3] });
    expect((await outdatedSavedForms(db, TODAY)).map((o) => o.newer.version)).toEqual(['v3']);
  });

  it('a superseded version saved on purpose raises no notice about the version beside it', async () => {
    db = openDb();
    const form = template('abroad', [v1, v2]);
    await db.formTemplates.put(form);
    const saved = await recordSavedForm(db, form, v1, TODAY, NOW);
    expect(saved.acknowledgedSha256).toBe(v2.file.sha256);
    expect(await outdatedSavedForms(db, TODAY)).toEqual([]);
    await db.formTemplates.put({ ...form, versions: [v1, v2, v3] });
    expect((await outdatedSavedForms(db, TODAY)).map((o) => o.newer.version)).toEqual(['v3']);
  });

  it('a withdrawn form, or one that vanished, raises no notice', async () => {
    db = openDb();
    const withdrawn = template('w', [v1]);
    const vanished = template('gone', [v1]);
    await db.formTemplates.bulkPut([withdrawn, vanished]);
    await recordSavedForm(db, withdrawn, v1, TODAY, NOW);
    await recordSavedForm(db, vanished, v1, TODAY, NOW);
    await db.formTemplates.put({ ...withdrawn, versions: [v1, v2], archived: true });
    await db.formTemplates.delete('gone');
    expect(await outdatedSavedForms(db, TODAY)).toEqual([]);
  });
});
