// The forms catalog as staff use it offline: which version of a form is the one to use (by
// effective date, then the label read naturally), substring search that works for Chinese and
// folds full-width characters, the filters, and the "a newer version was published" check.
import { describe, expect, it } from 'vitest';
import type { FormTemplate, FormVersion } from '../../../../shared/domain/forms';
import { formTemplateSchema } from '../../../../shared/domain/forms';
import {
  catalogFacets,
  compareVersions,
  currentVersion,
  newerVersionThan,
  normalizeForSearch,
  searchCatalog,
  sortedVersions,
  versionStatus,
} from '../../../../shared/forms/catalog';

const AT = '2026-01-05T02:00:00.000Z';
let fileCounter = 0;

function version(label: string, effectiveOn: string, overrides: Partial<FormVersion> = {}): FormVersion {
  fileCounter++;
  return {
    version: label,
    effectiveOn,
    file: { sha256: fileCounter.toString(16).padStart(64, '0'), name: `${label}.docx`, mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', size: 2048 },
    note: '',
    publishedAt: AT,
    publishedBy: 'zhouting',
    ...overrides,
  };
}

function form(id: string, title: string, overrides: Partial<FormTemplate> = {}): FormTemplate {
  const template: FormTemplate = {
    id,
    title,
    category: '人事',
    issuingDepartment: '人事处',
    description: '',
    versions: [version('2025版', '2025-01-01')],
    archived: false,
    ownerRole: 'hr_officer',
    createdAt: AT,
    updatedAt: AT,
    ...overrides,
  };
  // Every fixture is a document the server would accept.
  formTemplateSchema.parse(template);
  return template;
}

const labels = (versions: readonly FormVersion[]) => versions.map((v) => v.version);

describe('version order', () => {
  it('puts the later effective date first, whatever the labels say', () => {
    const older = version('v9', '2026-03-01');
    const newer = version('v1', '2026-06-01');
    expect(compareVersions(older, newer)).toBeLessThan(0);
    expect(labels(sortedVersions({ versions: [newer, older] }))).toEqual(['v1', 'v9']);
  });

  it('reads labels of the same date naturally: v1.9 before v1.10, 2024版 before 2025版, 第9版 before 第10版', () => {
    const d = '2026-01-01';
    expect(labels(sortedVersions({ versions: [version('v1.10', d), version('v1.9', d), version('v1.2', d)] }))).toEqual(['v1.10', 'v1.9', 'v1.2']);
    expect(labels(sortedVersions({ versions: [version('2024版', d), version('2025版', d)] }))).toEqual(['2025版', '2024版']);
    expect(labels(sortedVersions({ versions: [version('第10版', d), version('第9版', d)] }))).toEqual(['第10版', '第9版']);
  });

  it('reads labels regardless of case and of full-width digits typed with a Chinese input method', () => {
    const d = '2026-01-01';
    expect(labels(sortedVersions({ versions: [version('v2', d), version('V10', d)] }))).toEqual(['V10', 'v2']);
    expect(labels(sortedVersions({ versions: [version('第２版', d), version('第10版', d)] }))).toEqual(['第10版', '第２版']);
  });

  it('orders the same date and an equal-reading label by publication time', () => {
    const first = version('V2', '2026-01-01', { publishedAt: '2026-01-03T00:00:00.000Z' });
    const second = version('v2', '2026-01-01', { publishedAt: '2026-01-04T00:00:00.000Z' });
    expect(compareVersions(first, second)).toBeLessThan(0);
    expect(compareVersions(second, first)).toBeGreaterThan(0);
    expect(compareVersions(first, first)).toBe(0);
  });

  it('keeps a correction published later for an earlier date behind the version already in force after it', () => {
    const y2025 = version('2025版', '2025-01-01', { publishedAt: '2025-01-01T00:00:00.000Z' });
    const y2026 = version('2026版', '2026-01-01', { publishedAt: '2026-01-01T00:00:00.000Z' });
    const correction = version('2025版修正', '2025-06-01', { publishedAt: '2026-02-01T00:00:00.000Z' });
    const template = { versions: [y2025, y2026, correction] };
    expect(labels(sortedVersions(template))).toEqual(['2026版', '2025版修正', '2025版']);
    expect(currentVersion(template, '2026-02-02')?.version).toBe('2026版');
  });
});

describe('currentVersion and versionStatus', () => {
  const v2025 = version('2025版', '2025-01-01');
  const v2026 = version('2026版', '2026-01-01');
  const v2027 = version('2027版', '2027-01-01');
  const template = { versions: [v2025, v2026, v2027] };

  it('is the newest version already in effect; one announced for later is upcoming', () => {
    expect(currentVersion(template, '2026-06-30')).toBe(v2026);
    expect(versionStatus(template, v2025, '2026-06-30')).toBe('superseded');
    expect(versionStatus(template, v2026, '2026-06-30')).toBe('current');
    expect(versionStatus(template, v2027, '2026-06-30')).toBe('upcoming');
  });

  it('moves to the upcoming version on its effective date, not the day before', () => {
    expect(currentVersion(template, '2026-12-31')?.version).toBe('2026版');
    expect(currentVersion(template, '2027-01-01')?.version).toBe('2027版');
    expect(versionStatus(template, v2026, '2027-01-01')).toBe('superseded');
    expect(versionStatus(template, v2027, '2027-01-01')).toBe('current');
  });

  it('is none while every version is still to come', () => {
    const early = { versions: [v2027] };
    expect(currentVersion(early, '2026-06-30')).toBeNull();
    expect(versionStatus(early, v2027, '2026-06-30')).toBe('upcoming');
  });
});

describe('normalizeForSearch', () => {
  it('folds full-width letters, digits and punctuation, case and spaces', () => {
    expect(normalizeForSearch('ＰＤＦ 表格')).toBe('pdf表格');
    expect(normalizeForSearch('２０２６年　因公出国（境）审批表')).toBe('2026年因公出国(境)审批表');
    expect(normalizeForSearch('  V2.1  ')).toBe('v2.1');
  });
});

describe('searchCatalog', () => {
  const abroad = form('f-abroad', '因公出国（境）审批表', { category: '外事', issuingDepartment: '市外事办公室', description: '因公临时出国（境）人员填写' });
  const leave = form('f-leave', '请假审批表', { category: '人事', issuingDepartment: '人事处', description: '年休假、事假、病假通用' });
  const travel = form('f-travel', '差旅费报销单', { category: '财务', issuingDepartment: '财务处', description: '出差返回后报销填写，需附出国审批表复印件的除外' });
  const pdf = form('f-pdf', 'ＰＤＦ版公文处理单', { category: '综合', issuingDepartment: '综合处', description: '' });
  const withdrawn = form('f-old', '出国人员备案表', { category: '外事', issuingDepartment: '市外事办公室', archived: true });
  const versioned = form('f-v', '加班登记表', { category: '人事', issuingDepartment: '人事处', versions: [version('2024版', '2024-01-01'), version('２０２６修订版', '2026-01-01')] });
  const all = [abroad, leave, travel, pdf, withdrawn, versioned];
  const ids = (found: readonly FormTemplate[]) => found.map((t) => t.id);

  it('finds a Chinese word inside a title with no spaces: “出国” finds 《因公出国（境）审批表》', () => {
    expect(ids(searchCatalog(all, { text: '出国' }))).toContain('f-abroad');
    expect(ids(searchCatalog(all, { text: '审批' }))).toEqual(expect.arrayContaining(['f-abroad', 'f-leave']));
    expect(searchCatalog(all, { text: '会议纪要' })).toEqual([]);
  });

  it('folds full-width and half-width forms both ways', () => {
    expect(ids(searchCatalog(all, { text: 'pdf' }))).toEqual(['f-pdf']);
    expect(ids(searchCatalog(all, { text: 'PDF版' }))).toEqual(['f-pdf']);
    expect(ids(searchCatalog(all, { text: '出国(境)' }))).toEqual(['f-abroad']);
    expect(ids(searchCatalog(all, { text: '2026修订' }))).toEqual(['f-v']);
    expect(ids(searchCatalog(all, { text: '２０２４版' }))).toEqual(['f-v']);
  });

  it('requires every term, split by half-width or full-width spaces, each anywhere', () => {
    expect(ids(searchCatalog(all, { text: '审批 人事处' }))).toEqual(['f-leave']);
    expect(ids(searchCatalog(all, { text: '审批　外事' }))).toEqual(['f-abroad']);
    expect(searchCatalog(all, { text: '请假 财务处' })).toEqual([]);
  });

  it('ranks a title match above a match in the description, then by title', () => {
    // 差旅费报销单 mentions 出国 only in its description.
    expect(ids(searchCatalog(all, { text: '出国' }))).toEqual(['f-abroad', 'f-travel']);
    // Both match 表 in the title: in title order (pinyin: jia, qing, yin).
    expect(ids(searchCatalog([abroad, leave, versioned], { text: '表' }))).toEqual(['f-v', 'f-leave', 'f-abroad']);
  });

  it('filters by category and by issuing department, and hides withdrawn forms unless asked', () => {
    expect(ids(searchCatalog(all, { category: '人事' }))).toEqual(['f-v', 'f-leave']);
    expect(ids(searchCatalog(all, { text: '审批', category: '外事' }))).toEqual(['f-abroad']);
    expect(ids(searchCatalog(all, { issuingDepartment: '财务处' }))).toEqual(['f-travel']);
    expect(ids(searchCatalog(all, { text: '出国', issuingDepartment: '市外事办公室' }))).toEqual(['f-abroad']);
    expect(ids(searchCatalog(all, { text: '备案' }))).toEqual([]);
    expect(ids(searchCatalog(all, { text: '备案', includeArchived: true }))).toEqual(['f-old']);
  });

  it('lists every live form with an empty query', () => {
    expect(new Set(ids(searchCatalog(all, { text: '   ' })))).toEqual(new Set(['f-abroad', 'f-leave', 'f-travel', 'f-pdf', 'f-v']));
    expect(searchCatalog(all, {})).toHaveLength(5);
  });

  it('offers the categories and departments of live forms as filters', () => {
    expect(catalogFacets(all)).toEqual({
      categories: ['财务', '人事', '外事', '综合'],
      departments: ['财务处', '人事处', '市外事办公室', '综合处'],
    });
  });
});

describe('newerVersionThan', () => {
  const v1 = version('2025版', '2025-01-01');
  const v2 = version('2026版', '2026-01-01');
  const v3 = version('2027版', '2027-01-01');
  const template = { versions: [v1, v2, v3] };

  it('names the current version to someone who saved an older one', () => {
    expect(newerVersionThan(template, v1.file.sha256, '2026-06-30')).toBe(v2);
    expect(newerVersionThan(template, v1.file.sha256, '2027-01-01')).toBe(v3);
  });

  it('is silent for a copy of the current version, or of one not yet in force', () => {
    expect(newerVersionThan(template, v2.file.sha256, '2026-06-30')).toBeNull();
    expect(newerVersionThan(template, v3.file.sha256, '2026-06-30')).toBeNull();
  });

  it('is silent when the new version carries the very same file', () => {
    const same = version('2026版重发', '2026-02-01', { file: v2.file });
    expect(newerVersionThan({ versions: [v1, v2, same] }, v2.file.sha256, '2026-06-30')).toBeNull();
  });

  it('names the current version for a copy of a file no version has any more', () => {
    expect(newerVersionThan(template, 'f'.repeat(64), '2026-06-30')).toBe(v2);
  });

  it('is silent while no version is in force', () => {
    expect(newerVersionThan({ versions: [v3] }, v1.file.sha256, '2026-06-30')).toBeNull();
  });
});
