// A year of the official working calendar as a synced document ('calendars', id 'y2026'):
// shipped for 2026, imported or edited by administrators for other years, read by everyone.
import { z } from 'zod';
import { checkOfficialYear, calendarDaySchema } from '../calendar/official';
import { idSchema, isoInstantSchema } from './ids';

export const calendarYearId = (year: number): string => `y${year}`;

export const calendarYearDocSchema = z
  .object({
    id: idSchema,
    year: z.number().int().min(2000).max(2100),
    source: z.string().max(200),
    holidays: z.array(calendarDaySchema).max(80),
    workdays: z.array(calendarDaySchema).max(30),
    updatedAt: isoInstantSchema,
    updatedBy: idSchema.nullable(),
  })
  .superRefine((y, ctx) => {
    if (y.id !== calendarYearId(y.year)) ctx.addIssue({ code: 'custom', path: ['id'], message: 'validation.id' });
    checkOfficialYear(y, ctx);
  });
export type CalendarYearDoc = z.infer<typeof calendarYearDocSchema>;
