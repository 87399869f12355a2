// The forms library's mutators over the demo agency: who may publish (the general office's
// meeting organizer lina, HR's zhouting, finance's yangfan), a new version that keeps the old
// ones, and every refusal, each of which writes nothing.
import { afterEach, describe, expect, it } from 'vitest';
import { versionStatus } from '../../../../shared/forms/catalog';
import type { MemoryDocTx } from '../../../support/memoryDocTx';
import { agency, attachment, expectAllWritesValid, expectRejected, NOW, on, run } from './helpers';

afterEach(() => {
  expectAllWritesValid();
});

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** A form file the server holds (unless `held` is false). */
function file(tx: MemoryDocTx, name = '请假审批表.docx', mediaType = DOCX, held = true) {
  return { ...attachment(tx, name, held), mediaType, size: 18_432 };
}

function publishArgs(tx: MemoryDocTx, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: 'form-leave',
    title: '请假审批表',
    category: '人事',
    issuingDepartment: '人事处',
    description: '  年休假、事假、病假通用  ',
    version: '2025版',
    effectiveOn: '2025-01-01',
    note: '  首次发布  ',
    file: file(tx),
    ...overrides,
  };
}

const formOf = (tx: MemoryDocTx, id = 'form-leave') => {
  const doc = tx.peek('formTemplates', id);
  if (!doc) throw new Error(`no form ${id}`);
  return doc;
};

describe('form.publish', () => {
  it('publishes a form with its first version, by any of the three publishing roles', async () => {
    const tx = await agency();
    const args = publishArgs(tx);
    await run(tx, 'zhouting', 'form.publish', args);
    expect(formOf(tx)).toEqual({
      id: 'form-leave',
      title: '请假审批表',
      category: '人事',
      issuingDepartment: '人事处',
      description: '年休假、事假、病假通用',
      versions: [{ version: '2025版', effectiveOn: '2025-01-01', file: args.file, note: '首次发布', publishedAt: NOW, publishedBy: 'zhouting' }],
      archived: false,
      ownerRole: 'hr_officer',
      createdAt: NOW,
      updatedAt: NOW,
    });
    await run(tx, 'yangfan', 'form.publish', publishArgs(tx, { id: 'form-claim', title: '差旅费报销单', category: '财务', issuingDepartment: '财务处', file: file(tx, '报销单.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet') }));
    await run(tx, 'lina', 'form.publish', publishArgs(tx, { id: 'form-scan', title: '公文处理单', category: '综合', issuingDepartment: '综合处', file: file(tx, '处理单.png', 'image/png') }));
    expect(tx.all('formTemplates').map((f) => [f.id, f.ownerRole])).toEqual([
      ['form-leave', 'hr_officer'],
      ['form-claim', 'finance_officer'],
      ['form-scan', 'meeting_organizer'],
    ]);
  });

  it('adds a new version and keeps the old one, which is superseded once the new one takes effect', async () => {
    const tx = await agency();
    const first = publishArgs(tx);
    await run(tx, 'zhouting', 'form.publish', first);
    const later = on('2026-01-05');
    const second = publishArgs(tx, { version: '2026版', effectiveOn: '2026-02-01', note: '增加调休栏', description: '新版', file: file(tx, '请假审批表2026.docx') });
    await run(tx, 'zhouting', 'form.publish', second, later);
    const form = formOf(tx);
    expect(form.versions.map((v) => [v.version, v.effectiveOn, v.file.sha256, v.publishedAt])).toEqual([
      ['2025版', '2025-01-01', (first.file as { sha256: string }).sha256, NOW],
      ['2026版', '2026-02-01', (second.file as { sha256: string }).sha256, later],
    ]);
    expect(form).toMatchObject({ description: '新版', createdAt: NOW, updatedAt: later });
    const [old, current] = form.versions;
    expect([versionStatus(form, old!, '2026-01-31'), versionStatus(form, current!, '2026-01-31')]).toEqual(['current', 'upcoming']);
    expect([versionStatus(form, old!, '2026-02-01'), versionStatus(form, current!, '2026-02-01')]).toEqual(['superseded', 'current']);
  });

  it('refuses staff and administrators (auth.forbidden)', async () => {
    const tx = await agency();
    for (const who of ['wangqiang', 'zhangwei', 'admin']) await expectRejected(tx, who, 'form.publish', publishArgs(tx), 'auth.forbidden');
  });

  it('refuses a file the server does not hold yet (blob.missing), naming it', async () => {
    const tx = await agency();
    await expectRejected(tx, 'zhouting', 'form.publish', publishArgs(tx, { file: file(tx, '未上传.docx', DOCX, false) }), 'blob.missing', { name: '未上传.docx' });
  });

  it('refuses a version label already used, whatever its case, width or spacing (form.version_exists)', async () => {
    const tx = await agency();
    await run(tx, 'zhouting', 'form.publish', publishArgs(tx, { version: 'V2.1' }));
    for (const label of ['V2.1', 'v2.1', 'ｖ２．１', ' V 2.1 ']) {
      await expectRejected(tx, 'zhouting', 'form.publish', publishArgs(tx, { version: label, file: file(tx, `${label}.docx`) }), 'form.version_exists', { version: label.trim() });
    }
    expect(formOf(tx).versions).toHaveLength(1);
  });

  it('refuses a file type the library does not offer (form.bad_file_type)', async () => {
    const tx = await agency();
    for (const mediaType of ['text/html', 'image/svg+xml', 'application/zip', 'image/webp']) {
      await expectRejected(tx, 'zhouting', 'form.publish', publishArgs(tx, { file: file(tx, 'x.bin', mediaType) }), 'form.bad_file_type');
    }
  });

  it('refuses an empty title, and arguments that do not validate', async () => {
    const tx = await agency();
    await expectRejected(tx, 'zhouting', 'form.publish', publishArgs(tx, { title: '   ' }), 'form.title_required');
    await expectRejected(tx, 'zhouting', 'form.publish', publishArgs(tx, { effectiveOn: '2026-02-30' }), 'validation.invalid', { field: 'effectiveOn' });
    await expectRejected(tx, 'zhouting', 'form.publish', publishArgs(tx, { category: ' ' }), 'validation.invalid', { field: 'category' });
  });
});

describe('form.edit and form.archive', () => {
  async function published() {
    const tx = await agency();
    await run(tx, 'zhouting', 'form.publish', publishArgs(tx));
    return tx;
  }
  const editArgs = (overrides: Record<string, unknown> = {}) => ({ id: 'form-leave', title: '请假审批表（试行）', category: '人事', issuingDepartment: '人事处', description: ' 说明 ', ...overrides });

  it('edits the description and filing of a form without touching its versions', async () => {
    const tx = await published();
    const versions = formOf(tx).versions;
    await run(tx, 'zhouting', 'form.edit', editArgs(), on('2026-03-03'));
    expect(formOf(tx)).toMatchObject({ title: '请假审批表（试行）', description: '说明', versions, updatedAt: on('2026-03-03') });
    // Sent again as it now stands: nothing to record.
    await expectRejected(tx, 'zhouting', 'form.edit', editArgs({ description: '说明  ' }), 'change.nothing');
  });

  it("leaves a form to the office it belongs to: another publishing office can neither change it nor add a version", async () => {
    const tx = await published();
    await expectRejected(tx, 'yangfan', 'form.edit', editArgs(), 'form.not_owner');
    await expectRejected(tx, 'lina', 'form.archive', { id: 'form-leave', archived: true }, 'form.not_owner');
    await expectRejected(tx, 'yangfan', 'form.publish', publishArgs(tx, { version: '2027版', file: file(tx, '请假审批表2027.docx') }), 'form.not_owner');
    expect(formOf(tx).versions).toHaveLength(1);
  });

  it('withdraws a form and puts it back; the same state twice is change.nothing', async () => {
    const tx = await published();
    await run(tx, 'zhouting', 'form.archive', { id: 'form-leave', archived: true });
    expect(formOf(tx).archived).toBe(true);
    await expectRejected(tx, 'zhouting', 'form.archive', { id: 'form-leave', archived: true }, 'change.nothing');
    // A withdrawn form takes no new version until it is put back.
    await expectRejected(tx, 'zhouting', 'form.publish', publishArgs(tx, { version: '2027版', file: file(tx, '请假审批表2027.docx') }), 'form.archived');
    await run(tx, 'zhouting', 'form.archive', { id: 'form-leave', archived: false });
    expect(formOf(tx).archived).toBe(false);
    expect(formOf(tx).versions).toHaveLength(1);
  });

  it('refuses staff, an unknown form and an empty title', async () => {
    const tx = await published();
    await expectRejected(tx, 'wangqiang', 'form.edit', editArgs(), 'auth.forbidden');
    await expectRejected(tx, 'wangqiang', 'form.archive', { id: 'form-leave', archived: true }, 'auth.forbidden');
    await expectRejected(tx, 'zhouting', 'form.edit', editArgs({ id: 'form-none' }), 'form.not_found');
    await expectRejected(tx, 'zhouting', 'form.archive', { id: 'form-none', archived: true }, 'form.not_found');
    await expectRejected(tx, 'zhouting', 'form.edit', editArgs({ title: ' ' }), 'form.title_required');
  });
});
