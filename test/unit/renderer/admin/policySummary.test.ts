// Approval rules in words, as the policy list shows them in each language.
import { describe, expect, it } from 'vitest';
import type { PolicyConditions, PolicyStep } from '../../../../shared/domain/policy';
import { createI18n } from '../../../../renderer/i18n/createI18n';
import { conditionsSummary, stepsSummary, type SummaryContext } from '../../../../renderer/features/admin/policySummary';
import { defaultApprovalRules, systemLeaveTypes } from '../../../../server/seed/system';
import { DEMO_DEPARTMENTS, DEMO_USERS } from '../../../../server/seed/demo';
import { leaveTypeName } from '../../../../shared/domain/leaveTypes';

const types = systemLeaveTypes('2026-01-01T00:00:00.000Z');

function context(language: 'zh-CN' | 'en' | 'es'): SummaryContext {
  const { t } = createI18n(language);
  return {
    t,
    language,
    typeName: (id) => leaveTypeName(types.find((x) => x.id === id), language, id),
    userName: (id) => DEMO_USERS.find((u) => u.id === id)?.displayName ?? '?',
    departmentName: (id) => DEMO_DEPARTMENTS.find((d) => d.id === id)?.name ?? id,
  };
}

const none: PolicyConditions = { leaveTypes: [], minDays: null, maxDays: null, minRank: null, maxRank: null, departmentIds: [], destinationScopes: [], minAmountFen: null, maxAmountFen: null, categories: [] };
const [family, long, short] = defaultApprovalRules('2026-01-01T00:00:00.000Z');

describe('stepsSummary', () => {
  it('reads the default rules as the office says them', () => {
    const zh = context('zh-CN');
    expect(family && stepsSummary(family.steps, zh)).toBe('直接上级 → 部门负责人 → 人事处（任一人）');
    expect(long && stepsSummary(long.steps, zh)).toBe('直接上级 → 部门负责人');
    expect(short && stepsSummary(short.steps, zh)).toBe('直接上级');
    expect(family && stepsSummary(family.steps, context('en'))).toBe('Direct manager → Department head → HR office (any one)');
  });

  it('names the people of a step, and says countersign only where several must decide', () => {
    const steps: PolicyStep[] = [
      { kind: 'person', role: null, userIds: ['zhangwei'], mode: 'all' },
      { kind: 'person', role: null, userIds: ['lina', 'liuyang'], mode: 'all' },
      { kind: 'parent_department_head', role: null, userIds: [], mode: 'any' },
    ];
    expect(stepsSummary(steps, context('zh-CN'))).toBe('张伟 → 李娜、刘洋（会签） → 上级部门负责人');
    expect(stepsSummary(steps, context('es'))).toBe('张伟 → 李娜, 刘洋 (firma conjunta) → Jefe del departamento superior');
  });
});

describe('conditionsSummary', () => {
  it('says "all leave requests" for a rule without conditions', () => {
    expect(conditionsSummary(none, context('zh-CN'))).toBe('所有请假申请');
    expect(conditionsSummary(none, context('en'))).toBe('All leave requests');
  });

  it('lists types, days, rank and departments as clauses', () => {
    const c: PolicyConditions = { leaveTypes: ['marriage', 'maternity'], minDays: 3.5, maxDays: null, minRank: 5, maxRank: 9, departmentIds: ['general', 'business'], destinationScopes: [], minAmountFen: null, maxAmountFen: null, categories: [] };
    expect(conditionsSummary(c, context('zh-CN'))).toBe('婚假、产假；3.5 天及以上；职级 5 至 9 级；综合处、业务处（含下属部门）');
    expect(conditionsSummary(c, context('en'))).toBe('Marriage leave, Maternity leave; 3.5 days or more; rank 5 to 9; 综合处, 业务处 (and the departments below)');
  });

  it('words one-sided and equal bounds, in the singular where English needs it', () => {
    const en = context('en');
    expect(conditionsSummary({ ...none, maxDays: 3 }, en)).toBe('up to 3 days');
    expect(conditionsSummary({ ...none, minDays: 1 }, en)).toBe('1 day or more');
    expect(conditionsSummary({ ...none, minDays: 2, maxDays: 2 }, en)).toBe('exactly 2 days');
    expect(conditionsSummary({ ...none, maxRank: 4 }, context('zh-CN'))).toBe('职级 4 级及以下');
  });

  it('shows a leave type that no longer exists by its code rather than a blank', () => {
    expect(conditionsSummary({ ...none, leaveTypes: ['study_leave'] }, context('zh-CN'))).toBe('study_leave');
  });
});
