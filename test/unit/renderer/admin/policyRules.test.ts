// Editing approval rules: moving a rule changes only the orders it must, and the drawer form
// saves exactly what policy.saveRule accepts.
import { describe, expect, it } from 'vitest';
import type { ApprovalRule } from '../../../../shared/domain/policy';
import { policySaveRuleArgs } from '../../../../shared/mutators/admin';
import {
  clearHiddenConditions,
  emptyRuleForm,
  formToRuleArgs,
  moveRule,
  orderAfterLast,
  parseAmountField,
  ruleArgs,
  ruleToForm,
  sortRules,
  yuanText,
} from '../../../../renderer/features/admin/policyRules';
import { defaultApprovalRules, defaultTravelRules } from '../../../../server/seed/system';

const NOW = '2026-03-01T00:00:00.000Z';
const rules = defaultApprovalRules(NOW);
const rule = (id: string, order: number): ApprovalRule => ({ ...(rules[0] as ApprovalRule), id, name: id, order });

describe('sortRules and moveRule', () => {
  it('sorts as chooseRule tries them: order, then id', () => {
    expect(sortRules([rule('b', 10), rule('c', 5), rule('a', 10)]).map((r) => r.id)).toEqual(['c', 'a', 'b']);
  });

  it('moving a rule up renumbers only the rules whose place changed', () => {
    const changes = moveRule(rules, 'leave-short', -1);
    expect(changes.map((c) => [c.rule.id, c.order])).toEqual([
      ['leave-short', 20],
      ['leave-long', 30],
    ]);
  });

  it('can swap rules that share an order', () => {
    const same = [rule('a', 10), rule('b', 10)];
    const changes = moveRule(same, 'b', -1);
    const after = sortRules(same.map((r) => ({ ...r, order: changes.find((c) => c.rule.id === r.id)?.order ?? r.order })));
    expect(after.map((r) => r.id)).toEqual(['b', 'a']);
  });

  it('does nothing past either end', () => {
    expect(moveRule(rules, 'leave-family', -1)).toEqual([]);
    expect(moveRule(rules, 'leave-short', 1)).toEqual([]);
    expect(moveRule(rules, 'unknown', 1)).toEqual([]);
  });

  it('puts a new rule after the last', () => {
    expect(orderAfterLast(rules)).toBe(40);
    expect(orderAfterLast([])).toBe(10);
  });
});

describe('the rule form', () => {
  it('saves an unchanged rule exactly as it was, of every scope', () => {
    for (const r of [...rules, ...defaultTravelRules(NOW)]) {
      expect(formToRuleArgs(ruleToForm(r), { id: r.id, order: r.order, active: r.active, scope: r.scope })).toEqual(ruleArgs(r));
    }
  });

  it('keeps only what each step kind uses and treats emptied bounds as no bound', () => {
    const form = {
      ...emptyRuleForm(),
      name: '  长假  ',
      minDays: undefined as unknown as null,
      steps: [
        { kind: 'manager' as const, role: 'hr_officer' as const, userIds: ['lina'], mode: 'all' as const },
        { kind: 'role' as const, role: 'hr_officer' as const, userIds: ['lina'], mode: 'all' as const },
        { kind: 'person' as const, role: 'hr_officer' as const, userIds: ['lina', 'zhangwei'], mode: 'any' as const },
      ],
    };
    const args = formToRuleArgs(form, { id: 'r1', order: 40, active: true, scope: 'leave' });
    expect(args.name).toBe('长假');
    expect(args.conditions.minDays).toBeNull();
    expect(args.steps).toEqual([
      { kind: 'manager', role: null, userIds: [], mode: 'any' },
      { kind: 'role', role: 'hr_officer', userIds: [], mode: 'all' },
      { kind: 'person', role: null, userIds: ['lina', 'zhangwei'], mode: 'any' },
    ]);
    expect(policySaveRuleArgs.safeParse(args).success).toBe(true);
  });

  it('starts a new rule with one step for the direct manager', () => {
    expect(emptyRuleForm().steps).toEqual([{ kind: 'manager', role: null, userIds: [], mode: 'any' }]);
  });
});

describe('the conditions of trips and claims in the rule form', () => {
  const travel = defaultTravelRules(NOW);
  const byId = (id: string) => {
    const r = travel.find((x) => x.id === id);
    if (!r) throw new Error(id);
    return r;
  };

  it('shows amounts in yuan and saves them in fen', () => {
    expect(ruleToForm(byId('claim-large'))).toMatchObject({ minAmount: '5000', maxAmount: '' });
    expect(yuanText(12_345)).toBe('123.45');
    expect(yuanText(50)).toBe('0.50');
    expect(yuanText(null)).toBe('');
    const form = { ...ruleToForm(byId('claim-large')), minAmount: ' 5,000.50 ', maxAmount: '２００００' };
    const args = formToRuleArgs(form, { id: 'claim-large', order: 20, active: true, scope: 'reimbursement' });
    expect([args.conditions.minAmountFen, args.conditions.maxAmountFen]).toEqual([500_050, 2_000_000]);
    expect(policySaveRuleArgs.safeParse(args).success).toBe(true);
  });

  it('reads an empty amount as no bound and refuses one that is not yuan', () => {
    expect(parseAmountField('')).toBeNull();
    expect(parseAmountField('  ')).toBeNull();
    expect(parseAmountField(undefined)).toBeNull();
    expect(parseAmountField('¥1,000')).toBe(100_000);
    for (const bad of ['abc', '-5', '1.234', '1,00']) expect(parseAmountField(bad), bad).toBeUndefined();
    expect(() => formToRuleArgs({ ...emptyRuleForm(), name: 'x', minAmount: '5千' }, { id: 'r', order: 10, active: true, scope: 'travel' })).toThrow(RangeError);
  });

  it('saves a trip rule’s destinations, estimate and rank', () => {
    const form = { ...emptyRuleForm(), name: '出境或两万元以上', destinationScopes: ['abroad' as const], minAmount: '20000', minRank: 12 };
    const args = formToRuleArgs(form, { id: 'r9', order: 40, active: true, scope: 'travel' });
    expect(args).toMatchObject({ scope: 'travel', conditions: { destinationScopes: ['abroad'], minAmountFen: 2_000_000, maxAmountFen: null, minRank: 12, leaveTypes: [], categories: [] } });
    expect(policySaveRuleArgs.safeParse(args).success).toBe(true);
  });

  it('drops what a new rule’s former scope showed when its scope changes', () => {
    const leaveForm = { ...emptyRuleForm(), name: '长假', leaveTypes: ['annual'], minDays: 3, minRank: 5, departmentIds: ['general'] };
    const asTrip = clearHiddenConditions(leaveForm, 'travel');
    expect(asTrip).toMatchObject({ name: '长假', leaveTypes: [], minDays: null, maxDays: null, minRank: 5, departmentIds: ['general'] });
    const tripForm = { ...asTrip, destinationScopes: ['abroad' as const], minAmount: '1000' };
    const asClaim = clearHiddenConditions(tripForm, 'reimbursement');
    expect(asClaim).toMatchObject({ destinationScopes: [], minAmount: '1000', minRank: null, maxRank: null, departmentIds: ['general'] });
    expect(clearHiddenConditions({ ...asClaim, categories: ['hospitality'] }, 'leave')).toMatchObject({ categories: [], minAmount: '', maxAmount: '' });
  });
});
