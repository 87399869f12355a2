// The leave type form: a type opened and saved unchanged stays the same, and what HR chooses
// becomes a document leaveType.save accepts, with settings that no longer apply cleared.
import { describe, expect, it } from 'vitest';
import { leaveTypeSaveArgs } from '../../../../shared/mutators/admin';
import { formToTypeArgs, newTypeForm, typeToForm } from '../../../../renderer/features/admin/leaveTypeForm';
import { systemLeaveTypes } from '../../../../server/seed/system';

const types = systemLeaveTypes('2026-01-01T00:00:00.000Z');

describe('leave type form', () => {
  it.each(types.map((x) => [x.id, x] as const))('saves %s unchanged when nothing was edited', (_id, type) => {
    const { updatedAt: _at, ...args } = type;
    expect(formToTypeArgs(typeToForm(type))).toEqual(args);
  });

  it('reads the attachment rule as HR says it: never, always, or over a number of days', () => {
    const byId = new Map(types.map((x) => [x.id, typeToForm(x)]));
    expect(byId.get('personal')).toMatchObject({ attachment: 'never', attachmentOverDays: null });
    expect(byId.get('marriage')).toMatchObject({ attachment: 'always', attachmentOverDays: null });
    expect(byId.get('sick')).toMatchObject({ attachment: 'over', attachmentOverDays: 2 });
  });

  it('makes a new type from a filled-in form, trimming names and ids', () => {
    const args = formToTypeArgs({ ...newTypeForm(100), id: ' study_leave ', nameZh: ' 学习假 ', nameEn: 'Study leave', maxDaysPerRequest: 10, attachment: 'over', attachmentOverDays: 5 });
    expect(args).toMatchObject({ id: 'study_leave', name: { 'zh-CN': '学习假', en: 'Study leave', es: '' }, maxDaysPerRequest: 10, attachmentOverDays: 5, order: 100, active: true });
    expect(leaveTypeSaveArgs.safeParse(args).success).toBe(true);
  });

  it('clears balance settings when the type stops drawing on a balance', () => {
    const type = types.find((x) => x.id === 'annual');
    if (!type) throw new Error('no annual leave type');
    const annual = typeToForm(type);
    const args = formToTypeArgs({ ...annual, tracksBalance: false, allowNegative: true });
    expect(args).toMatchObject({ tracksBalance: false, allowNegative: false, allocation: 'none', fixedDays: 0, carryOverUntil: null });
  });

  it('keeps fixed days only for a fixed allocation, and an empty carry-over date as expiry at year end', () => {
    const form = { ...newTypeForm(10), id: 'x', nameZh: '甲', tracksBalance: true, allocation: 'fixed' as const, fixedDays: 5, carryOverUntil: ' ' };
    expect(formToTypeArgs(form)).toMatchObject({ allocation: 'fixed', fixedDays: 5, carryOverUntil: null });
    expect(formToTypeArgs({ ...form, allocation: 'decree514', carryOverUntil: '03-31' })).toMatchObject({ allocation: 'decree514', fixedDays: 0, carryOverUntil: '03-31' });
  });
});
