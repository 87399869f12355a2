// Leave types are data configured by HR, not code: what a type counts, whether it draws on a
// balance, when it needs an attachment. The built-in types are seeded on a new server; an
// agency adds its own (any id HR chooses).
import { z } from 'zod';
import { LANGUAGES } from '../protocol/ipc';
import { isoInstantSchema } from './ids';

/** Short, stable codes: 'annual', 'sick', 'study_leave', ... */
export const leaveTypeIdSchema = z
  .string()
  .min(1)
  .max(40)
  .regex(/^[a-z][a-z0-9_]*$/, { message: 'validation.id' });
export type LeaveTypeId = z.infer<typeof leaveTypeIdSchema>;

/** The types every agency starts with (Chinese labour and civil-service rules). */
export const BUILTIN_LEAVE_TYPES = ['annual', 'sick', 'personal', 'marriage', 'maternity', 'paternity', 'bereavement', 'home_visit', 'compensatory'] as const;

export const localizedNameSchema = z.object({
  'zh-CN': z.string().trim().min(1).max(40),
  en: z.string().trim().max(40),
  es: z.string().trim().max(40),
});
export type LocalizedName = z.infer<typeof localizedNameSchema>;

export const ALLOCATION_RULES = ['none', 'decree514', 'fixed'] as const;

export const leaveTypeSchema = z.object({
  id: leaveTypeIdSchema,
  name: localizedNameSchema,
  /** 'half_day': a request may start or end at noon; 'day': whole days only. */
  unit: z.enum(['day', 'half_day']),
  /** Working days skip weekends and public holidays (annual leave); calendar days count every day (maternity). */
  counting: z.enum(['working', 'calendar']),
  /** Whether requests draw on a balance (a ledger of allocations and usage). */
  tracksBalance: z.boolean(),
  /** Whether the balance may go below zero (e.g. compensatory leave taken in advance). */
  allowNegative: z.boolean(),
  paid: z.boolean(),
  /** Most days one request may ask for; null: no limit (beyond the year-long span limit). */
  maxDaysPerRequest: z.number().multipleOf(0.5).positive().max(366).nullable(),
  /** An attachment (certificate, photo or PDF) is required when a request is longer than this many days; null: never. 0: always. */
  attachmentOverDays: z.number().multipleOf(0.5).min(0).max(366).nullable(),
  /** How the yearly allocation is made: Decree 514 by working years, a fixed number of days, or none (HR adjusts). */
  allocation: z.enum(ALLOCATION_RULES),
  /** Days allocated each year when allocation is 'fixed'. */
  fixedDays: z.number().multipleOf(0.5).min(0).max(366),
  /** Unused allocation may be used until this day of the next year ('03-31'); null: expires on 31 December. */
  carryOverUntil: z
    .string()
    .regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/)
    .nullable(),
  /** Display order in lists. */
  order: z.number().int().min(0).max(1000),
  active: z.boolean(),
  updatedAt: isoInstantSchema,
});
export type LeaveTypeDef = z.infer<typeof leaveTypeSchema>;

export function leaveTypeName(type: Pick<LeaveTypeDef, 'name'> | undefined, language: string, fallback = ''): string {
  if (!type) return fallback;
  const lang = (LANGUAGES as readonly string[]).includes(language) ? (language as keyof LocalizedName) : 'zh-CN';
  return type.name[lang] || type.name['zh-CN'];
}
