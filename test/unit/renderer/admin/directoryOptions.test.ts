// The directory as choices: departments as a tree, people by department with their department.
import { describe, expect, it } from 'vitest';
import type { Department } from '../../../../shared/domain/directory';
import { departmentTree, personOptions } from '../../../../renderer/features/admin/directoryOptions';
import { DEMO_DEPARTMENTS, DEMO_USERS } from '../../../../server/seed/demo';

const byId = (list: readonly Department[]) => new Map(list.map((d) => [d.id, d]));

describe('departmentTree', () => {
  it('puts the bureau at the top and its divisions below it', () => {
    const tree = departmentTree(byId(DEMO_DEPARTMENTS));
    expect(tree.map((n) => n.value)).toEqual(['agency']);
    expect(tree[0]?.children.map((n) => n.value).sort()).toEqual(['business', 'finance', 'general', 'hr']);
  });

  it('still offers departments caught in a cycle or under a missing parent', () => {
    const tree = departmentTree(
      byId([
        { id: 'a', name: '甲', parentId: 'b', headId: null },
        { id: 'b', name: '乙', parentId: 'a', headId: null },
        { id: 'c', name: '丙', parentId: 'gone', headId: null },
      ]),
    );
    const all = (nodes: typeof tree): string[] => nodes.flatMap((n) => [n.value, ...all(n.children)]);
    expect(all(tree).sort()).toEqual(['a', 'b', 'c']);
  });
});

describe('personOptions', () => {
  it('offers active people other than the one excluded, each with their department', () => {
    const users = DEMO_USERS.map((u) => (u.id === 'sunlei' ? { ...u, active: false } : u));
    const options = personOptions(users, byId(DEMO_DEPARTMENTS), 'wangqiang');
    const ids = options.map((o) => o.value);
    expect(ids).not.toContain('wangqiang');
    expect(ids).not.toContain('sunlei');
    expect(options.find((o) => o.value === 'lina')?.label).toBe('李娜 · 综合处');
  });
});
