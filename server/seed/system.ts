// What every agency starts with, demo or not: the built-in leave types, the official 2026
// calendar and a default approval policy. Inserted once by a migration; from then on they are
// ordinary documents HR and administrators edit.
import { CN_2026 } from '../../shared/calendar/cn2026';
import { calendarYearId, type CalendarYearDoc } from '../../shared/domain/calendarYear';
import type { LeaveTypeDef } from '../../shared/domain/leaveTypes';
import type { ApprovalRule, PolicyConditions, PolicyStep } from '../../shared/domain/policy';
import type { CollectionName, Collections } from '../../shared/mutators/types';
import { STANDARDS_ID } from '../../shared/mutators/travel';
import { EXAMPLE_TRAVEL_STANDARDS } from '../../shared/travel/exampleStandards';

type TypeSeed = Omit<LeaveTypeDef, 'updatedAt' | 'active' | 'order' | 'fixedDays' | 'allowNegative' | 'carryOverUntil'> &
  Partial<Pick<LeaveTypeDef, 'fixedDays' | 'allowNegative' | 'carryOverUntil'>>;

const base = { maxDaysPerRequest: null, attachmentOverDays: null, allocation: 'none' as const };
const types: TypeSeed[] = [
  // Decree 514: usable into the following year (年休假可跨1个年度安排).
  { ...base, id: 'annual', name: { 'zh-CN': '年休假', en: 'Annual leave', es: 'Vacaciones anuales' }, unit: 'half_day', counting: 'working', tracksBalance: true, paid: true, allocation: 'decree514', carryOverUntil: '12-31' },
  { ...base, id: 'sick', name: { 'zh-CN': '病假', en: 'Sick leave', es: 'Baja por enfermedad' }, unit: 'half_day', counting: 'working', tracksBalance: false, paid: true, attachmentOverDays: 2 },
  { ...base, id: 'personal', name: { 'zh-CN': '事假', en: 'Personal leave', es: 'Permiso personal' }, unit: 'half_day', counting: 'working', tracksBalance: false, paid: false },
  { ...base, id: 'marriage', name: { 'zh-CN': '婚假', en: 'Marriage leave', es: 'Permiso por matrimonio' }, unit: 'day', counting: 'working', tracksBalance: false, paid: true, maxDaysPerRequest: 3, attachmentOverDays: 0 },
  // 98 days nationally, extended by most provinces; counted in calendar days.
  { ...base, id: 'maternity', name: { 'zh-CN': '产假', en: 'Maternity leave', es: 'Permiso de maternidad' }, unit: 'day', counting: 'calendar', tracksBalance: false, paid: true, maxDaysPerRequest: 158, attachmentOverDays: 0 },
  { ...base, id: 'paternity', name: { 'zh-CN': '陪产假', en: 'Paternity leave', es: 'Permiso de paternidad' }, unit: 'day', counting: 'calendar', tracksBalance: false, paid: true, maxDaysPerRequest: 15, attachmentOverDays: 0 },
  { ...base, id: 'bereavement', name: { 'zh-CN': '丧假', en: 'Bereavement leave', es: 'Permiso por duelo' }, unit: 'day', counting: 'working', tracksBalance: false, paid: true, maxDaysPerRequest: 3 },
  // Visiting parents: 20 days a year, public holidays included (calendar days).
  { ...base, id: 'home_visit', name: { 'zh-CN': '探亲假', en: 'Home visit leave', es: 'Permiso para visitar a la familia' }, unit: 'day', counting: 'calendar', tracksBalance: true, paid: true, allocation: 'fixed', fixedDays: 20 },
  // Time off in lieu of overtime: HR credits it, so no yearly allocation.
  { ...base, id: 'compensatory', name: { 'zh-CN': '调休', en: 'Time off in lieu', es: 'Compensación de horas' }, unit: 'half_day', counting: 'working', tracksBalance: true, paid: true },
];

export function systemLeaveTypes(now: string): LeaveTypeDef[] {
  return types.map((t, i) => ({ fixedDays: 0, allowNegative: false, carryOverUntil: null, ...t, order: (i + 1) * 10, active: true, updatedAt: now }));
}

const step = (kind: PolicyStep['kind'], role: PolicyStep['role'] = null): PolicyStep => ({ kind, role, userIds: [], mode: 'any' });
const anyCondition: PolicyConditions = { leaveTypes: [], minDays: null, maxDays: null, minRank: null, maxRank: null, departmentIds: [], destinationScopes: [], minAmountFen: null, maxAmountFen: null, categories: [] };

export function defaultApprovalRules(now: string): ApprovalRule[] {
  const rule = (r: Omit<ApprovalRule, 'active' | 'updatedAt' | 'updatedBy' | 'scope'>): ApprovalRule => ({ ...r, scope: 'leave', active: true, updatedAt: now, updatedBy: null });
  return [
    rule({ id: 'leave-family', name: '婚假、产假、陪产假、探亲假：直接上级、处长、人事处', order: 10, conditions: { ...anyCondition, leaveTypes: ['marriage', 'maternity', 'paternity', 'home_visit'] }, steps: [step('manager'), step('department_head'), step('role', 'hr_officer')] }),
    rule({ id: 'leave-long', name: '3 天以上：直接上级、处长', order: 20, conditions: { ...anyCondition, minDays: 3.5 }, steps: [step('manager'), step('department_head')] }),
    rule({ id: 'leave-short', name: '3 天以内：直接上级', order: 30, conditions: anyCondition, steps: [step('manager')] }),
  ];
}

export function shippedCalendar(now: string): CalendarYearDoc {
  return { id: calendarYearId(CN_2026.year), ...CN_2026, updatedAt: now, updatedBy: null };
}

export type SeedDoc = { [C in CollectionName]: { c: C; doc: Collections[C] } }[CollectionName];

export function systemDocuments(now: string): SeedDoc[] {
  return [
    ...systemLeaveTypes(now).map((doc): SeedDoc => ({ c: 'leaveTypes', doc })),
    ...defaultApprovalRules(now).map((doc): SeedDoc => ({ c: 'approvalRules', doc })),
    { c: 'calendars', doc: shippedCalendar(now) },
  ];
}

/**
 * Default routes for trips and claims. Trips: the direct manager; out of the province, the
 * department head too; abroad, the head above as well. Claims: the direct manager, the
 * department head from 5,000 yuan or for hospitality, and always finance last (the claim
 * mutator adds finance when a rule forgets it).
 */
export function defaultTravelRules(now: string): ApprovalRule[] {
  const rule = (r: Omit<ApprovalRule, 'active' | 'updatedAt' | 'updatedBy'>): ApprovalRule => ({ ...r, active: true, updatedAt: now, updatedBy: null });
  const finance = step('role', 'finance_officer');
  return [
    rule({ id: 'travel-abroad', scope: 'travel', name: '出境：直接上级、处长、局领导', order: 10, conditions: { ...anyCondition, destinationScopes: ['abroad'] }, steps: [step('manager'), step('department_head'), step('parent_department_head')] }),
    rule({ id: 'travel-out', scope: 'travel', name: '出省：直接上级、处长', order: 20, conditions: { ...anyCondition, destinationScopes: ['out_of_province'] }, steps: [step('manager'), step('department_head')] }),
    rule({ id: 'travel-default', scope: 'travel', name: '省内：直接上级', order: 30, conditions: anyCondition, steps: [step('manager')] }),
    rule({ id: 'claim-hospitality', scope: 'reimbursement', name: '公务接待：直接上级、处长、财务审核', order: 10, conditions: { ...anyCondition, categories: ['hospitality'] }, steps: [step('manager'), step('department_head'), finance] }),
    rule({ id: 'claim-large', scope: 'reimbursement', name: '5000 元以上：直接上级、处长、财务审核', order: 20, conditions: { ...anyCondition, minAmountFen: 500_000 }, steps: [step('manager'), step('department_head'), finance] }),
    rule({ id: 'claim-default', scope: 'reimbursement', name: '其他：直接上级、财务审核', order: 30, conditions: anyCondition, steps: [step('manager'), finance] }),
  ];
}

/** The example travel standards, as the standards in force until finance imports its own. */
export function travelSystemDocuments(now: string): SeedDoc[] {
  return [{ c: 'travelStandards', doc: { ...EXAMPLE_TRAVEL_STANDARDS, id: STANDARDS_ID, updatedAt: now } }, ...defaultTravelRules(now).map((doc): SeedDoc => ({ c: 'approvalRules', doc }))];
}
