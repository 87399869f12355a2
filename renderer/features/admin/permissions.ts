// Who may change what, as the mutators check it (shared/mutators/admin.ts): pages show the
// editing tools only to those whose changes would be accepted.
import type { User } from '../../../shared/domain/directory';

/** The working calendar and the approval policy: system administrators and HR officers. */
export function canAdministerPolicy(user: Pick<User, 'roles'>): boolean {
  return user.roles.includes('system_admin') || user.roles.includes('hr_officer');
}

/** Leave types: HR officers. */
export function canEditLeaveTypes(user: Pick<User, 'roles'>): boolean {
  return user.roles.includes('hr_officer');
}
