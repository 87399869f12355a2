// Approval rules in words, as the policy list shows them in each language.
import { describe, expect, it } from 'vitest';
import type { PolicyConditions, PolicyStep } from '../../../../shared/domain/policy';
import { createI18n } from '../../../../renderer/i18n/createI18n';
import { categoryName, conditionsSummary, stepsSummary, type SummaryContext } from '../../../../renderer/features/admin/policySummary';
import { defaultApprovalRules, defaultTravelRules, systemLeaveTypes } from '../../../../server/seed/system';
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
    categoryName: (id) => categoryName(t, id),
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

describe('conditionsSummary for trips and claims', () => {
  const zh = context('zh-CN');
  const en = context('en');
  const es = context('es');

  it('says "all trips" and "all claims" for rules without conditions', () => {
    expect(conditionsSummary(none, zh, 'travel')).toBe('所有出差申请');
    expect(conditionsSummary(none, zh, 'reimbursement')).toBe('所有报销单');
    expect(conditionsSummary(none, en, 'travel')).toBe('All trips');
    expect(conditionsSummary(none, es, 'reimbursement')).toBe('Todos los reembolsos');
  });

  it('reads the default trip and claim rules as the office says them', () => {
    const words = defaultTravelRules('2026-01-01T00:00:00.000Z').map((r) => [r.id, conditionsSummary(r.conditions, zh, r.scope)]);
    expect(words).toEqual([
      ['travel-abroad', '目的地在境外'],
      ['travel-out', '目的地在省外'],
      ['travel-default', '所有出差申请'],
      ['claim-hospitality', '含公务接待费'],
      ['claim-large', '报销金额 ¥5,000.00 及以上'],
      ['claim-default', '所有报销单'],
    ]);
  });

  it('lists several destinations or categories as alternatives', () => {
    expect(conditionsSummary({ ...none, destinationScopes: ['out_of_province', 'abroad'] }, zh, 'travel')).toBe('目的地在省外或境外');
    expect(conditionsSummary({ ...none, destinationScopes: ['in_province', 'out_of_province', 'abroad'] }, en, 'travel')).toBe('destination in the province, elsewhere in China or abroad');
    expect(conditionsSummary({ ...none, destinationScopes: ['abroad'] }, es, 'travel')).toBe('destino en el extranjero');
    const categories = { ...none, categories: ['hospitality', 'conference'] };
    expect(conditionsSummary(categories, zh, 'reimbursement')).toBe('含公务接待费或会议费');
    expect(conditionsSummary(categories, en, 'reimbursement')).toBe('with a line for official hospitality or conference');
    expect(conditionsSummary(categories, es, 'reimbursement')).toBe('con algún gasto de atenciones oficiales o conferencias');
  });

  it('words amount bounds in yuan, named for the scope', () => {
    expect(conditionsSummary({ ...none, minAmountFen: 100_000, maxAmountFen: 500_050 }, zh, 'travel')).toBe('预计费用 ¥1,000.00 至 ¥5,000.50');
    expect(conditionsSummary({ ...none, maxAmountFen: 300_000 }, zh, 'travel')).toBe('预计费用不超过 ¥3,000.00');
    expect(conditionsSummary({ ...none, maxAmountFen: 300_000 }, es, 'travel')).toBe('coste estimado hasta ¥3,000.00');
    expect(conditionsSummary({ ...none, minAmountFen: 500_000 }, en, 'reimbursement')).toBe('amount claimed ¥5,000.00 or more');
    expect(conditionsSummary({ ...none, minAmountFen: 80_000, maxAmountFen: 80_000 }, en, 'reimbursement')).toBe('amount claimed exactly ¥800.00');
  });

  it('joins a trip rule’s clauses, and still says a condition its form does not show', () => {
    const c: PolicyConditions = { ...none, destinationScopes: ['abroad'], minAmountFen: 2_000_000, minRank: 12, departmentIds: ['general'] };
    expect(conditionsSummary(c, zh, 'travel')).toBe('目的地在境外；预计费用 ¥20,000.00 及以上；职级 12 级及以上；综合处（含下属部门）');
    expect(conditionsSummary({ ...none, minDays: 3 }, zh, 'travel')).toBe('3 天及以上');
    expect(conditionsSummary({ ...none, categories: ['catering'] }, zh, 'reimbursement')).toBe('含catering');
  });
});
