// The agency directory: departments in a tree and the people in them. Every signed-in user
// may read the directory (names, departments, managers); secrets live only on the server.
import { z } from 'zod';
import { isoDateSchema } from '../calendar/dates';
import { idSchema } from './ids';

export const ROLES = [
  'staff',
  'hr_officer',
  'finance_officer',
  'meeting_organizer',
  // The three separated administrators of a classified system (三员): none can do the
  // others' work.
  'system_admin',
  'security_admin',
  'audit_admin',
] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

export const departmentSchema = z.object({
  id: idSchema,
  name: z.string().min(1).max(100),
  parentId: idSchema.nullable(),
  headId: idSchema.nullable(),
});
export type Department = z.infer<typeof departmentSchema>;

export const userSchema = z.object({
  id: idSchema,
  username: z.string().min(1).max(64),
  displayName: z.string().min(1).max(100),
  departmentId: idSchema,
  managerId: idSchema.nullable(),
  /** Civil-service rank (职级), 1 = most junior; used by later policy rules. */
  rank: z.number().int().min(1).max(30),
  title: z.string().max(100),
  roles: z.array(roleSchema),
  active: z.boolean(),
  /** First day of employment anywhere (参加工作时间): annual leave counts total working years from it. */
  firstEmployedOn: isoDateSchema.nullable().optional(),
  /** First day at this agency: the first year's annual leave is pro-rated from it. */
  joinedOn: isoDateSchema.nullable().optional(),
});
export type User = z.infer<typeof userSchema>;

export function hasRole(user: Pick<User, 'roles'>, role: Role): boolean {
  return user.roles.includes(role);
}
