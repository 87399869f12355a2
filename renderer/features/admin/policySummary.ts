// An approval rule in words, for the policy list and the rule tester: what it applies to
// ("婚假、产假；3.5 天及以上", "目的地在省外或境外；预计费用 ¥5,000.00 及以上") and who approves
// ("直接上级 → 部门负责人 → 人事处（任一人）").
import type { TFunction } from 'i18next';
import type { PolicyConditions, PolicyScope, PolicyStep } from '../../../shared/domain/policy';
import { CLAIM_CATEGORIES, type ClaimCategory } from '../../../shared/domain/claim';
import { formatYuan } from '../../../shared/money/money';

export interface SummaryContext {
  t: TFunction;
  language: string;
  typeName(id: string): string;
  userName(id: string): string;
  departmentName(id: string): string;
  /** An expense category ('hospitality') in the user's language; the code itself if unknown. */
  categoryName(id: string): string;
}

const isChinese = (language: string) => language.startsWith('zh');

const isCategory = (id: string): id is ClaimCategory => (CLAIM_CATEGORIES as readonly string[]).includes(id);

/** An expense category in the user's language; a code no longer known is shown as it is. */
export function categoryName(t: TFunction, id: string): string {
  return isCategory(id) ? t(`claims.category.${id}`) : id;
}

/** A list of names: "婚假、产假" in Chinese, "Marriage, Maternity" otherwise. */
export function joinNames(language: string, names: readonly string[]): string {
  return names.join(isChinese(language) ? '、' : ', ');
}

/** Alternatives: "省外或境外", "公务接待费、会议费或培训费"; "a, b or c" otherwise. */
export function joinOr(t: TFunction, language: string, names: readonly string[]): string {
  if (names.length < 2) return names.join('');
  const or = t('admin.policy.cond.or');
  const head = names.slice(0, -1).join(isChinese(language) ? '、' : ', ');
  return isChinese(language) ? `${head}${or}${names.at(-1)}` : `${head} ${or} ${names.at(-1)}`;
}

/** A category or scope name inside a sentence: lower case, except in Chinese. */
const inSentence = (language: string, name: string) => (isChinese(language) ? name : name.toLocaleLowerCase(language));

/** Clauses of one sentence: "婚假；3 天以上" / "Marriage; over 3 days". */
function joinClauses(language: string, clauses: readonly string[]): string {
  return clauses.join(isChinese(language) ? '；' : '; ');
}

/** "3 至 5 天", "3.5 天及以上", "不超过 3 天"; null when the rule sets no bound. */
function dayBounds(t: TFunction, min: number | null, max: number | null): string | null {
  if (min !== null && max !== null) return min === max ? t('admin.policy.cond.daysExactly', { count: min }) : t('admin.policy.cond.daysBetween', { min, max });
  if (min !== null) return t('admin.policy.cond.daysMin', { count: min });
  if (max !== null) return t('admin.policy.cond.daysMax', { count: max });
  return null;
}

/** "职级 5 至 9 级", "职级 5 级及以上"; null when the rule sets no bound. */
function rankBounds(t: TFunction, min: number | null, max: number | null): string | null {
  if (min !== null && max !== null) return min === max ? t('admin.policy.cond.rankExactly', { value: min }) : t('admin.policy.cond.rankBetween', { min, max });
  if (min !== null) return t('admin.policy.cond.rankMin', { min });
  if (max !== null) return t('admin.policy.cond.rankMax', { max });
  return null;
}

/** "预计费用 ¥1,000.00 至 ¥5,000.00", "报销金额 ¥5,000.00 及以上"; null when the rule sets no bound. */
function amountBounds(t: TFunction, scope: PolicyScope, min: number | null, max: number | null): string | null {
  const what = t(`admin.policy.cond.amountLabel.${scope}`);
  const yuan = (fen: number) => formatYuan(fen);
  if (min !== null && max !== null) return min === max ? t('admin.policy.cond.amountExactly', { what, amount: yuan(min) }) : t('admin.policy.cond.amountBetween', { what, min: yuan(min), max: yuan(max) });
  if (min !== null) return t('admin.policy.cond.amountMin', { what, min: yuan(min) });
  if (max !== null) return t('admin.policy.cond.amountMax', { what, max: yuan(max) });
  return null;
}

const ALL_KEYS = { leave: 'admin.policy.cond.all', travel: 'admin.policy.cond.allTravel', reimbursement: 'admin.policy.cond.allClaims' } as const;

/**
 * The conditions of a rule in words; "all leave requests" (trips, claims) when it has none.
 * Every condition set is said, also one the scope's form does not show, so that nothing that
 * decides the route is hidden.
 */
export function conditionsSummary(c: PolicyConditions, ctx: SummaryContext, scope: PolicyScope = 'leave'): string {
  const { t, language } = ctx;
  const clauses: string[] = [];
  if (c.leaveTypes.length > 0) clauses.push(joinNames(language, c.leaveTypes.map((id) => ctx.typeName(id))));
  if (c.destinationScopes.length > 0) clauses.push(t('admin.policy.cond.destinations', { scopes: joinOr(t, language, c.destinationScopes.map((d) => t(`admin.policy.destination.${d}`))) }));
  const days = dayBounds(t, c.minDays, c.maxDays);
  if (days) clauses.push(days);
  const amount = amountBounds(t, scope, c.minAmountFen, c.maxAmountFen);
  if (amount) clauses.push(amount);
  if (c.categories.length > 0) clauses.push(t('admin.policy.cond.categories', { categories: joinOr(t, language, c.categories.map((k) => inSentence(language, ctx.categoryName(k)))) }));
  const rank = rankBounds(t, c.minRank, c.maxRank);
  if (rank) clauses.push(rank);
  if (c.departmentIds.length > 0) clauses.push(t('admin.policy.cond.departments', { departments: joinNames(language, c.departmentIds.map((id) => ctx.departmentName(id))) }));
  return clauses.length === 0 ? t(ALL_KEYS[scope]) : joinClauses(language, clauses);
}

/** Who a step names, before the people are looked up: "直接上级", "人事处（任一人）", "张伟、李娜（会签）". */
export function stepLabel(step: PolicyStep, ctx: SummaryContext): string {
  const { t } = ctx;
  switch (step.kind) {
    case 'manager':
    case 'department_head':
    case 'parent_department_head':
      return t(`admin.policy.step.${step.kind}`);
    case 'role':
      return t('admin.policy.stepWithMode', { who: step.role ? t(`admin.role.${step.role}`) : t('admin.policy.step.role'), mode: t(`admin.policy.mode.${step.mode}`) });
    case 'person': {
      const who = joinNames(ctx.language, step.userIds.map((id) => ctx.userName(id)));
      // One named person approves alone: "any of" or "everyone" says nothing then.
      return step.userIds.length > 1 ? t('admin.policy.stepWithMode', { who, mode: t(`admin.policy.mode.${step.mode}`) }) : who;
    }
  }
}

export function stepsSummary(steps: readonly PolicyStep[], ctx: SummaryContext): string {
  return steps.map((s) => stepLabel(s, ctx)).join(' → ');
}
