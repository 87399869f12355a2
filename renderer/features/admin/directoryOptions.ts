// The directory as choices in the rule editor: departments as a tree (a rule on a department
// covers the ones below it) and people by name with their department.
import type { Department, User } from '../../../shared/domain/directory';

export interface DepartmentNode {
  value: string;
  title: string;
  children: DepartmentNode[];
}

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, 'zh-CN');

/**
 * Departments as a tree. A department whose parent is unknown is a root; a cycle in the data
 * (which the server does not forbid) is broken rather than looping.
 */
export function departmentTree(departments: ReadonlyMap<string, Department>): DepartmentNode[] {
  const children = new Map<string | null, Department[]>();
  for (const d of departments.values()) {
    const parent = d.parentId !== null && departments.has(d.parentId) ? d.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), d]);
  }
  const placed = new Set<string>();
  const build = (parent: string | null): DepartmentNode[] =>
    (children.get(parent) ?? [])
      .filter((d) => !placed.has(d.id))
      .sort(byName)
      .map((d) => {
        placed.add(d.id);
        return { value: d.id, title: d.name, children: build(d.id) };
      });
  const roots = build(null);
  // Departments only reachable through a cycle: shown at the top level, so they can be chosen.
  for (const d of [...departments.values()].sort(byName)) {
    if (!placed.has(d.id)) {
      placed.add(d.id);
      roots.push({ value: d.id, title: d.name, children: build(d.id) });
    }
  }
  return roots;
}

export interface PersonOption {
  value: string;
  label: string;
}

/** Active people (except `exclude`), "张伟 · 局领导", sorted by department then name. */
export function personOptions(users: Iterable<User>, departments: ReadonlyMap<string, Department>, exclude?: string): PersonOption[] {
  return [...users]
    .filter((u) => u.active && u.id !== exclude)
    .map((u) => ({ user: u, department: departments.get(u.departmentId)?.name ?? '' }))
    .sort((a, b) => a.department.localeCompare(b.department, 'zh-CN') || a.user.displayName.localeCompare(b.user.displayName, 'zh-CN'))
    .map(({ user, department }) => ({ value: user.id, label: department ? `${user.displayName} · ${department}` : user.displayName }));
}
