// Editing approval rules: moving a rule changes only the orders it must, and the drawer form
// saves exactly what policy.saveRule accepts.
import { describe, expect, it } from 'vitest';
import type { ApprovalRule } from '../../../../shared/domain/policy';
import { policySaveRuleArgs } from '../../../../shared/mutators/admin';
import { emptyRuleForm, formToRuleArgs, moveRule, orderAfterLast, ruleArgs, ruleToForm, sortRules } from '../../../../renderer/features/admin/policyRules';
import { defaultApprovalRules } from '../../../../server/seed/system';

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
  it('saves an unchanged rule exactly as it was', () => {
    for (const r of rules) {
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
