import { useDirectory, useStore } from '../../db';

/**
 * Whether the signed-in user approves anyone's leave: someone reports to them, or they head a
 * department. Approval is derived from position, not granted as a role.
 */
export function useIsApprover(): boolean {
  const store = useStore();
  const directory = useDirectory();
  if (!directory) return false;
  for (const user of directory.users.values()) if (user.active && user.managerId === store.userId) return true;
  for (const department of directory.departments.values()) if (department.headId === store.userId) return true;
  return false;
}
