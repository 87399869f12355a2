// The three catalogs must say the same things: same keys, a message for every reason code,
// nothing empty, and the same {{placeholders}} in every language.
import { describe, expect, it } from 'vitest';
import { REASON_CODES } from '../../../shared/i18n/reasons';
import { LEAVE_STATUSES, LEAVE_TYPES } from '../../../shared/domain/leave';
import { LANGUAGES } from '../../../shared/protocol/ipc';
import { catalogs, createI18n } from '../../../renderer/i18n/createI18n';

const reference = Object.keys(catalogs['zh-CN']).sort();

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1] ?? '').sort();
}

describe('i18n catalogs', () => {
  it.each(LANGUAGES)('%s has exactly the keys of zh-CN', (lng) => {
    expect(Object.keys(catalogs[lng]).sort()).toEqual(reference);
  });

  it.each(LANGUAGES)('%s has a message for every reason code', (lng) => {
    const catalog: Record<string, string> = catalogs[lng];
    const missing = REASON_CODES.filter((code) => !catalog[`reason.${code}`]);
    expect(missing).toEqual([]);
  });

  it.each(LANGUAGES)('%s names every leave type and status', (lng) => {
    const catalog: Record<string, string> = catalogs[lng];
    for (const type of LEAVE_TYPES) {
      expect(catalog[`leaveType.${type}`]).toBeTruthy();
      expect(catalog[`leaveTypeInline.${type}`]).toBeTruthy();
    }
    for (const status of LEAVE_STATUSES) {
      expect(catalog[`status.${status}`]).toBeTruthy();
      expect(catalog[`statusInline.${status}`]).toBeTruthy();
    }
  });

  it.each(LANGUAGES)('%s has no empty or untrimmed message', (lng) => {
    const bad = Object.entries(catalogs[lng]).filter(([, text]) => text.trim() === '' || text !== text.trim());
    expect(bad).toEqual([]);
  });

  it.each(LANGUAGES.filter((lng) => lng !== 'zh-CN'))('%s uses the same placeholders as zh-CN', (lng) => {
    const zh: Record<string, string> = catalogs['zh-CN'];
    const other: Record<string, string> = catalogs[lng];
    const differing = reference.filter((key) => placeholders(other[key] ?? '').join() !== placeholders(zh[key] ?? '').join());
    expect(differing).toEqual([]);
  });

  it('translates with flat keys, plurals and the zh-CN fallback', () => {
    const en = createI18n('en');
    expect(en.t('leave.field.type')).toBe('Leave type');
    expect(en.t('sync.pending', { count: 1 })).toBe('1 change waiting');
    expect(en.t('sync.pending', { count: 3 })).toBe('3 changes waiting');
    expect(en.t('days.count', { count: 1.5 })).toBe('1.5 working days');
    const zh = createI18n('zh-CN');
    expect(zh.t('sync.pending', { count: 3 })).toBe('3 项更改待同步');
    expect(zh.t('leaveType.annual')).toBe('年休假');
    expect(zh.t('reason.leave.too_long', { max: 366 })).toBe('单次请假不能超过 366 天');
  });
});
