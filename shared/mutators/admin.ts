// Administration of leave as data: HR configures leave types, allocates yearly entitlements
// and adjusts balances; administrators keep the working calendar and the approval policy.
import { z } from 'zod';
import { isoDateSchema } from '../calendar/dates';
import { calendarDaySchema } from '../calendar/official';
import { calendarYearDocSchema, calendarYearId, type CalendarYearDoc } from '../domain/calendarYear';
import { idSchema } from '../domain/ids';
import { leaveTypeSchema } from '../domain/leaveTypes';
import { approvalRuleSchema } from '../domain/policy';
import { isReasonCode } from '../i18n/reasons';
import { loadYears } from '../leave/calendar';
import { annualEntitlement } from '../leave/entitlement';
import { computeBalance } from '../leave/ledger';
import { requireRole } from './common';
import { defineMutator, MutationRejected } from './types';

/** The first issue of a failed parse as a rejection (its message is a reason code where the schema names one). */
function rejectIssues(error: z.ZodError): never {
  const issue = error.issues[0];
  const field = issue ? issue.path.join('.') : '';
  if (issue && isReasonCode(issue.message) && issue.message !== 'validation.invalid') throw new MutationRejected(issue.message, { field });
  throw new MutationRejected('validation.invalid', { field });
}

export const leaveTypeSaveArgs = leaveTypeSchema.omit({ updatedAt: true });

export const leaveTypeSave = defineMutator({
  args: leaveTypeSaveArgs,
  async run(ctx, args) {
    await requireRole(ctx, 'hr_officer');
    await ctx.tx.put('leaveTypes', { ...args, updatedAt: ctx.now });
  },
});

export const calendarSaveYearArgs = z.object({
  year: z.number().int().min(2000).max(2100),
  source: z.string().max(200),
  holidays: z.array(calendarDaySchema).max(80),
  workdays: z.array(calendarDaySchema).max(30),
});

function saveYear(doc: Omit<CalendarYearDoc, 'id'>): CalendarYearDoc {
  const parsed = calendarYearDocSchema.safeParse({ ...doc, id: calendarYearId(doc.year) });
  if (!parsed.success) rejectIssues(parsed.error);
  return parsed.data;
}

/** Replaces a year's calendar (an imported file). Requests already submitted keep the days they were counted with. */
export const calendarSaveYear = defineMutator({
  args: calendarSaveYearArgs,
  async run(ctx, args) {
    const actor = await requireRole(ctx, 'system_admin', 'hr_officer');
    await ctx.tx.put('calendars', saveYear({ ...args, updatedAt: ctx.now, updatedBy: actor.id }));
  },
});

export const calendarSetDayArgs = z.object({
  date: isoDateSchema,
  /** 'holiday': a day off; 'workday': an adjusted working day; 'normal': back to the ordinary week. */
  kind: z.enum(['holiday', 'workday', 'normal']),
  name: z.string().trim().max(40),
});

/** Edits one day of a year's calendar, starting from the shipped data when the year has no document yet. */
export const calendarSetDay = defineMutator({
  args: calendarSetDayArgs,
  async run(ctx, args) {
    const actor = await requireRole(ctx, 'system_admin', 'hr_officer');
    const year = Number(args.date.slice(0, 4));
    const [current] = await loadYears(ctx.tx, args.date, args.date);
    const source = (current && 'source' in current ? String(current.source) : '') || '';
    const holidays = (current?.holidays ?? []).filter((d) => d.date !== args.date);
    const workdays = (current?.workdays ?? []).filter((d) => d.date !== args.date);
    const name = args.name || (args.kind === 'workday' ? 'adjusted' : 'holiday');
    if (args.kind === 'holiday') holidays.push({ date: args.date, holiday: name });
    if (args.kind === 'workday') workdays.push({ date: args.date, holiday: name });
    const byDate = (a: { date: string }, b: { date: string }) => (a.date < b.date ? -1 : 1);
    await ctx.tx.put('calendars', saveYear({ year, source, holidays: holidays.sort(byDate), workdays: workdays.sort(byDate), updatedAt: ctx.now, updatedBy: actor.id }));
  },
});

export const policySaveRuleArgs = approvalRuleSchema.omit({ updatedAt: true, updatedBy: true });

export const policySaveRule = defineMutator({
  args: policySaveRuleArgs,
  async run(ctx, args) {
    const actor = await requireRole(ctx, 'system_admin', 'hr_officer');
    for (const step of args.steps) {
      for (const id of step.userIds) if (!(await ctx.tx.get('users', id))) throw new MutationRejected('policy.unknown_user', { id });
    }
    for (const id of args.conditions.departmentIds) if (!(await ctx.tx.get('departments', id))) throw new MutationRejected('validation.invalid', { field: 'conditions.departmentIds' });
    await ctx.tx.put('approvalRules', { ...args, updatedAt: ctx.now, updatedBy: actor.id });
  },
});

export const ledgerAdjustArgs = z.object({
  id: idSchema,
  userId: idSchema,
  typeId: z.string().min(1).max(40),
  days: z.number().multipleOf(0.5).min(-366).max(366),
  effectiveOn: isoDateSchema,
  expiresOn: isoDateSchema.nullable(),
  reason: z.string().max(500),
});

/** HR corrects a balance, always with a reason; a balance never goes below zero unless the type allows it. */
export const ledgerAdjust = defineMutator({
  args: ledgerAdjustArgs,
  async run(ctx, args) {
    const actor = await requireRole(ctx, 'hr_officer');
    const reason = args.reason.trim();
    if (reason === '') throw new MutationRejected('ledger.reason_required');
    if (args.days === 0) throw new MutationRejected('ledger.zero');
    const type = await ctx.tx.get('leaveTypes', args.typeId);
    if (!type) throw new MutationRejected('leave.unknown_type', { type: args.typeId });
    if (!type.tracksBalance) throw new MutationRejected('ledger.type_untracked');
    if (!(await ctx.tx.get('users', args.userId))) throw new MutationRejected('validation.invalid', { field: 'userId' });
    if (await ctx.tx.get('leaveLedger', args.id)) throw new MutationRejected('leave.already_exists');
    const entry = {
      id: args.id,
      userId: args.userId,
      typeId: args.typeId,
      kind: 'adjustment' as const,
      days: args.days,
      effectiveOn: args.effectiveOn,
      expiresOn: args.days > 0 ? args.expiresOn : null,
      requestId: null,
      year: null,
      reason,
      actorId: actor.id,
      createdAt: ctx.now,
    };
    if (args.days < 0 && !type.allowNegative) {
      const entries = (await ctx.tx.find('leaveLedger', 'userId', args.userId)).filter((e) => e.typeId === args.typeId);
      const reservations = (await ctx.tx.find('leaveRequests', 'requesterId', args.userId))
        .filter((r) => r.status === 'pending' && r.type === args.typeId)
        .map((r) => ({ requestId: r.id, days: r.days, effectiveOn: r.startDate }));
      const after = computeBalance([...entries, entry], { asOf: args.effectiveOn, reservations });
      if (after.overdraft > 0 || after.available < 0) {
        const before = computeBalance(entries, { asOf: args.effectiveOn, reservations });
        throw new MutationRejected('ledger.would_go_negative', { available: Math.max(0, before.available) });
      }
    }
    await ctx.tx.put('leaveLedger', entry);
  },
});

export const ledgerAllocateYearArgs = z.object({
  typeId: z.string().min(1).max(40),
  year: z.number().int().min(2000).max(2100),
});

/**
 * Allocates a year's entitlement of a type to every active member of staff: by Decree 514
 * (total working years, pro-rated) or a fixed number of days. Running it again allocates only
 * to people who have none yet for that year (the entry id names type, year and person).
 */
export const ledgerAllocateYear = defineMutator({
  args: ledgerAllocateYearArgs,
  async run(ctx, args) {
    const actor = await requireRole(ctx, 'hr_officer');
    const type = await ctx.tx.get('leaveTypes', args.typeId);
    if (!type) throw new MutationRejected('leave.unknown_type', { type: args.typeId });
    if (!type.tracksBalance || type.allocation === 'none') throw new MutationRejected('ledger.type_untracked');
    const expiresOn = type.carryOverUntil ? `${args.year + 1}-${type.carryOverUntil}` : `${args.year}-12-31`;
    const staff = (await ctx.tx.find('users', 'roles', 'staff')).filter((u) => u.active).sort((a, b) => (a.id < b.id ? -1 : 1));
    for (const user of staff) {
      const id = `al-${args.year}-${type.id}-${user.id}`;
      if (await ctx.tx.get('leaveLedger', id)) continue;
      const entitlement =
        type.allocation === 'decree514' ? annualEntitlement({ firstEmployedOn: user.firstEmployedOn ?? null, joinedOn: user.joinedOn ?? null }, args.year) : null;
      const days = entitlement ? entitlement.days : type.fixedDays;
      const effectiveOn = user.joinedOn && user.joinedOn > `${args.year}-01-01` && user.joinedOn.startsWith(`${args.year}`) ? user.joinedOn : `${args.year}-01-01`;
      await ctx.tx.put('leaveLedger', {
        id,
        userId: user.id,
        typeId: type.id,
        kind: 'allocation',
        days,
        effectiveOn,
        expiresOn,
        requestId: null,
        year: args.year,
        reason: entitlement ? `decree514:${entitlement.fullYearDays}` : 'fixed',
        actorId: actor.id,
        createdAt: ctx.now,
      });
    }
  },
});
