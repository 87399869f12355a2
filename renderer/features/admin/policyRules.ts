// Editing approval rules: their order (the first matching rule decides), and the conversion
// between a rule document and the drawer form, which keeps only what each step kind uses and
// shows amounts in yuan (stored in fen). Each scope shows the conditions that concern it
// (SCOPE_CONDITIONS); the others pass through the form unchanged.
import type { Role } from '../../../shared/domain/directory';
import type { ApprovalRule, DestinationScope, PolicyScope, StepKind, StepMode } from '../../../shared/domain/policy';
import { formatYuan, parseYuan } from '../../../shared/money/money';
import type { policySaveRuleArgs } from '../../../shared/mutators/admin';
import type { z } from 'zod';

export type RuleArgs = z.input<typeof policySaveRuleArgs>;

/** In the order chooseRule (shared/leave/policy.ts) tries them: lowest order first, then id. */
export function sortRules(rules: readonly ApprovalRule[]): ApprovalRule[] {
  return [...rules].sort((a, b) => a.order - b.order || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** What policy.saveRule takes: the document without its stamps. */
export function ruleArgs(rule: ApprovalRule): RuleArgs {
  const { updatedAt: _at, updatedBy: _by, ...args } = rule;
  return args;
}

const ORDER_STEP = 10;

/** The order for a new rule: after every existing one. */
export function orderAfterLast(rules: readonly ApprovalRule[]): number {
  return rules.reduce((max, r) => Math.max(max, r.order), 0) + ORDER_STEP;
}

/**
 * Moves a rule one place up (-1) or down (+1) and returns the rules whose order must change to
 * say so. Rules are renumbered 10, 20, 30 ... in their new places: two rules with the same
 * order (possible after imports or concurrent edits) cannot be swapped by exchanging numbers.
 */
export function moveRule(rules: readonly ApprovalRule[], id: string, direction: -1 | 1): Array<{ rule: ApprovalRule; order: number }> {
  const sorted = sortRules(rules);
  const from = sorted.findIndex((r) => r.id === id);
  const to = from + direction;
  if (from < 0 || to < 0 || to >= sorted.length) return [];
  const moved = [...sorted];
  const [rule] = moved.splice(from, 1);
  if (!rule) return [];
  moved.splice(to, 0, rule);
  return moved.flatMap((r, i) => (r.order === (i + 1) * ORDER_STEP ? [] : [{ rule: r, order: (i + 1) * ORDER_STEP }]));
}

export interface StepFormValues {
  kind: StepKind;
  role: Role | null;
  userIds: string[];
  mode: StepMode;
}

export interface RuleFormValues {
  name: string;
  leaveTypes: string[];
  minDays: number | null;
  maxDays: number | null;
  minRank: number | null;
  maxRank: number | null;
  departmentIds: string[];
  /** Trips: how far they go. */
  destinationScopes: DestinationScope[];
  /** Trips (estimated cost) and claims (total): yuan as typed, '' for no bound. */
  minAmount: string;
  maxAmount: string;
  /** Claims: expense categories. */
  categories: string[];
  steps: StepFormValues[];
}

export const NEW_STEP: StepFormValues = { kind: 'manager', role: null, userIds: [], mode: 'any' };

export function emptyRuleForm(): RuleFormValues {
  return {
    name: '',
    leaveTypes: [],
    minDays: null,
    maxDays: null,
    minRank: null,
    maxRank: null,
    departmentIds: [],
    destinationScopes: [],
    minAmount: '',
    maxAmount: '',
    categories: [],
    steps: [{ ...NEW_STEP }],
  };
}

export function ruleToForm(rule: ApprovalRule): RuleFormValues {
  const c = rule.conditions;
  return {
    name: rule.name,
    leaveTypes: [...c.leaveTypes],
    minDays: c.minDays,
    maxDays: c.maxDays,
    minRank: c.minRank,
    maxRank: c.maxRank,
    departmentIds: [...c.departmentIds],
    destinationScopes: [...c.destinationScopes],
    minAmount: yuanText(c.minAmountFen),
    maxAmount: yuanText(c.maxAmountFen),
    categories: [...c.categories],
    steps: rule.steps.map((s) => ({ kind: s.kind, role: s.role, userIds: [...s.userIds], mode: s.mode })),
  };
}

/** The conditions the drawer shows for each scope (departments: every scope). */
export type ConditionField = 'leaveTypes' | 'days' | 'rank' | 'departments' | 'destinations' | 'amount' | 'categories';

export const SCOPE_CONDITIONS: Record<PolicyScope, readonly ConditionField[]> = {
  leave: ['leaveTypes', 'days', 'rank', 'departments'],
  travel: ['destinations', 'amount', 'rank', 'departments'],
  reimbursement: ['amount', 'categories', 'departments'],
};

/** Empty values for the conditions a scope does not show: a new rule whose scope changed keeps nothing it cannot see. */
export function clearHiddenConditions(values: RuleFormValues, scope: PolicyScope): RuleFormValues {
  const shown = new Set(SCOPE_CONDITIONS[scope]);
  const empty = emptyRuleForm();
  return {
    ...values,
    ...(shown.has('leaveTypes') ? {} : { leaveTypes: empty.leaveTypes }),
    ...(shown.has('days') ? {} : { minDays: null, maxDays: null }),
    ...(shown.has('rank') ? {} : { minRank: null, maxRank: null }),
    ...(shown.has('departments') ? {} : { departmentIds: empty.departmentIds }),
    ...(shown.has('destinations') ? {} : { destinationScopes: empty.destinationScopes }),
    ...(shown.has('amount') ? {} : { minAmount: '', maxAmount: '' }),
    ...(shown.has('categories') ? {} : { categories: empty.categories }),
  };
}

/** Fen as the yuan a user types: 500000 → '5000', 12345 → '123.45'; '' for no bound. */
export function yuanText(fen: number | null): string {
  if (fen === null) return '';
  return formatYuan(fen, { symbol: false, grouping: false }).replace(/\.00$/, '');
}

/**
 * An amount field: null when empty (no bound), the fen typed, or undefined when the text is
 * not an amount (the form refuses it before saving).
 */
export function parseAmountField(text: string | null | undefined): number | null | undefined {
  const trimmed = text?.trim() ?? '';
  if (trimmed === '') return null;
  return parseYuan(trimmed) ?? undefined;
}

function amountBound(text: string | null | undefined): number | null {
  const fen = parseAmountField(text);
  if (fen === undefined) throw new RangeError(`not an amount: ${text}`);
  return fen;
}

/** An emptied number field comes back as null or undefined: both mean "no bound". */
const bound = (n: number | null | undefined): number | null => (n === undefined || n === null ? null : n);

/**
 * The rule to save from the form. A step keeps only what its kind uses (a role for 'role',
 * people for 'person'); the managers' kinds name one person, so their mode is always 'any'.
 * Amounts must have passed parseAmountField (RangeError otherwise).
 */
export function formToRuleArgs(values: RuleFormValues, base: { id: string; order: number; active: boolean; scope: PolicyScope }): RuleArgs {
  return {
    ...base,
    name: values.name.trim(),
    conditions: {
      leaveTypes: values.leaveTypes,
      minDays: bound(values.minDays),
      maxDays: bound(values.maxDays),
      minRank: bound(values.minRank),
      maxRank: bound(values.maxRank),
      departmentIds: values.departmentIds,
      destinationScopes: values.destinationScopes,
      minAmountFen: amountBound(values.minAmount),
      maxAmountFen: amountBound(values.maxAmount),
      categories: values.categories,
    },
    steps: values.steps.map((s) => ({
      kind: s.kind,
      role: s.kind === 'role' ? s.role : null,
      userIds: s.kind === 'person' ? s.userIds : [],
      mode: s.kind === 'role' || s.kind === 'person' ? s.mode : 'any',
    })),
  };
}

/** Whether a step's approvers are a group, where "any of" versus "everyone" matters. */
export const stepHasMode = (kind: StepKind): boolean => kind === 'role' || kind === 'person';
