// The three catalogs must say the same things: same keys, a message for every reason code,
// nothing empty, and the same {{placeholders}} in every language.
import { describe, expect, it } from 'vitest';
import { REASON_CODES } from '../../../shared/i18n/reasons';
import { MUTATOR_NAMES } from '../../../shared/mutators';
import { ROLES } from '../../../shared/domain/directory';
import { LEAVE_STATUSES, TIMELINE_ACTIONS } from '../../../shared/domain/leave';
import { STEP_KINDS } from '../../../shared/domain/policy';
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

  // Leave type names are data (each type carries its own in every language): no catalog keys.
  it.each(LANGUAGES)('%s names every status, timeline action, approval step and role', (lng) => {
    const catalog: Record<string, string> = catalogs[lng];
    const missing = [
      ...LEAVE_STATUSES.flatMap((status) => [`status.${status}`, `statusInline.${status}`]),
      ...TIMELINE_ACTIONS.flatMap((action) => [`leave.timeline.${action}`, `changeInline.${action}`]),
      ...STEP_KINDS.map((kind) => `stepKind.${kind}`),
      ...ROLES.map((role) => `userRole.${role}`),
      ...(['pending', 'approved', 'rejected'] as const).map((status) => `leave.detail.cancellationStatus.${status}`),
    ].filter((key) => !catalog[key]);
    expect(missing).toEqual([]);
  });

  it.each(LANGUAGES)('%s explains every refused mutation in its own words', (lng) => {
    const catalog: Record<string, string> = catalogs[lng];
    // Decisions are told apart by what was decided (approve / reject); delegations by their kind.
    const split = ['approval.decide', 'travel.decide', 'claim.decide', 'delegation.set'];
    const own = MUTATOR_NAMES.filter((name) => !split.includes(name)).map((name) => `notice.action.${name}`);
    const decisions = ['approval', 'travel', 'claim'].flatMap((what) => [`notice.action.${what}.approve`, `notice.action.${what}.reject`]);
    const missing = [...own, ...decisions, 'notice.action.delegation.set', 'notice.action.delegation.standing'].filter((key) => !catalog[key]);
    expect(missing).toEqual([]);
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
    expect(zh.t('days.calendarCount', { count: 98 })).toBe('98 天（自然日）');
    expect(zh.t('reason.leave.too_long', { max: 366 })).toBe('单次请假不能超过 366 天');
  });
});
