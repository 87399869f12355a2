import { useApprovalRules, useDelegations, useDirectory, useStore } from '../../db';

/**
 * Whether the signed-in user approves anyone's leave, so the menu offers the inbox even while it
 * is empty: someone reports to them, they head a department, the approval policy names them or
 * a role they hold, or someone delegated their approvals to them.
 */
export function useIsApprover(): boolean {
  const store = useStore();
  const directory = useDirectory();
  const rules = useApprovalRules();
  const delegations = useDelegations();
  const me = directory?.users.get(store.userId);
  if (!directory) return false;
  for (const user of directory.users.values()) if (user.active && user.managerId === store.userId) return true;
  for (const department of directory.departments.values()) if (department.headId === store.userId) return true;
  for (const rule of rules ?? []) {
    if (!rule.active) continue;
    for (const step of rule.steps) {
      if (step.kind === 'person' && step.userIds.includes(store.userId)) return true;
      if (step.kind === 'role' && step.role !== null && me?.roles.includes(step.role)) return true;
    }
  }
  return (delegations ?? []).some((d) => d.active && d.toUserId === store.userId);
}
