// The filters of HR's overview: period, department (with those below it), types, statuses, person.
import { useTranslation } from 'react-i18next';
import { Button, DatePicker, Input, Select, Space, TreeSelect } from 'antd';
import dayjs from 'dayjs';
import type { Department } from '../../../shared/domain/directory';
import { LEAVE_STATUSES, type LeaveStatus } from '../../../shared/domain/leave';
import { leaveTypeName, type LeaveTypeDef } from '../../../shared/domain/leaveTypes';
import { statusLabel, type OverviewFilters } from './overview';

interface DepartmentNode {
  value: string;
  title: string;
  children: DepartmentNode[];
}

/** The department tree for the picker, roots first, siblings by name. */
export function departmentTree(departments: Iterable<Department>): DepartmentNode[] {
  const all = [...departments];
  const ids = new Set(all.map((d) => d.id));
  const build = (parentId: string | null): DepartmentNode[] =>
    all
      // A department whose parent is unknown here is shown as a root rather than lost.
      .filter((d) => (parentId === null ? d.parentId === null || !ids.has(d.parentId) : d.parentId === parentId))
      .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'))
      .map((d) => ({ value: d.id, title: d.name, children: build(d.id) }));
  return build(null);
}

interface OverviewFilterBarProps {
  value: OverviewFilters;
  onChange: (next: OverviewFilters) => void;
  onReset: () => void;
  departments: Iterable<Department>;
  types: readonly LeaveTypeDef[];
}

export function OverviewFilterBar({ value, onChange, onReset, departments, types }: OverviewFilterBarProps) {
  const { t, i18n } = useTranslation();
  const set = (patch: Partial<OverviewFilters>) => onChange({ ...value, ...patch });
  return (
    <Space wrap size={[12, 12]} data-testid="hr-filters">
      <DatePicker.RangePicker
        value={value.period ? [dayjs(value.period.from), dayjs(value.period.to)] : null}
        onChange={(range) => set({ period: range?.[0] && range[1] ? { from: range[0].format('YYYY-MM-DD'), to: range[1].format('YYYY-MM-DD') } : null })}
        placeholder={[t('hr.filter.from'), t('hr.filter.to')]}
        presets={[
          { label: t('hr.filter.thisMonth'), value: [dayjs().startOf('month'), dayjs().endOf('month')] },
          { label: t('hr.filter.lastMonth'), value: [dayjs().subtract(1, 'month').startOf('month'), dayjs().subtract(1, 'month').endOf('month')] },
          { label: t('hr.filter.thisYear'), value: [dayjs().startOf('year'), dayjs().endOf('year')] },
          { label: t('hr.filter.lastYear'), value: [dayjs().subtract(1, 'year').startOf('year'), dayjs().subtract(1, 'year').endOf('year')] },
        ]}
        data-testid="hr-filter-period"
      />
      <TreeSelect<string | null>
        value={value.departmentId}
        onChange={(id) => set({ departmentId: id ?? null })}
        treeData={departmentTree(departments)}
        treeDefaultExpandAll
        allowClear
        placeholder={t('hr.filter.allDepartments')}
        style={{ minWidth: 200 }}
        data-testid="hr-filter-department"
      />
      <Select<string[]>
        mode="multiple"
        value={[...value.typeIds]}
        onChange={(typeIds) => set({ typeIds })}
        options={types.map((type) => ({ value: type.id, label: leaveTypeName(type, i18n.language, type.id) }))}
        placeholder={t('hr.filter.allTypes')}
        allowClear
        maxTagCount="responsive"
        style={{ minWidth: 200 }}
        data-testid="hr-filter-type"
      />
      <Select<LeaveStatus[]>
        mode="multiple"
        value={[...value.statuses]}
        onChange={(statuses) => set({ statuses })}
        options={LEAVE_STATUSES.map((status) => ({ value: status, label: statusLabel(t, status) }))}
        placeholder={t('hr.filter.allStatuses')}
        allowClear
        maxTagCount="responsive"
        style={{ minWidth: 200 }}
        data-testid="hr-filter-status"
      />
      <Input.Search
        value={value.search}
        onChange={(e) => set({ search: e.target.value })}
        placeholder={t('hr.filter.person')}
        allowClear
        style={{ width: 200 }}
        data-testid="hr-filter-person"
      />
      <Button onClick={onReset} data-testid="hr-filter-reset">
        {t('hr.filter.reset')}
      </Button>
    </Space>
  );
}
