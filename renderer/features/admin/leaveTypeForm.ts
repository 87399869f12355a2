// A leave type between its document and the HR form. The form says things the way HR thinks
// of them ("no limit", "never needs a certificate", "expires at year end"); the document says
// them as nulls. Fields that mean nothing in the chosen setting are normalised away, so a type
// that stops tracking a balance is not left with a yearly allocation.
import type { z } from 'zod';
import type { LeaveTypeDef } from '../../../shared/domain/leaveTypes';
import type { leaveTypeSaveArgs } from '../../../shared/mutators/admin';

export type LeaveTypeArgs = z.input<typeof leaveTypeSaveArgs>;

export interface LeaveTypeFormValues {
  id: string;
  nameZh: string;
  nameEn: string;
  nameEs: string;
  unit: LeaveTypeDef['unit'];
  counting: LeaveTypeDef['counting'];
  tracksBalance: boolean;
  allowNegative: boolean;
  paid: boolean;
  /** Empty: no limit per request. */
  maxDaysPerRequest: number | null;
  /** 'never', 'always' (any length) or 'over' (longer than attachmentOverDays). */
  attachment: 'never' | 'always' | 'over';
  attachmentOverDays: number | null;
  allocation: LeaveTypeDef['allocation'];
  fixedDays: number | null;
  /** 'MM-DD' of the next year; empty: expires on 31 December. */
  carryOverUntil: string;
  order: number;
  active: boolean;
}

export const CARRY_OVER_PATTERN = /^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

export function newTypeForm(order: number): LeaveTypeFormValues {
  return {
    id: '',
    nameZh: '',
    nameEn: '',
    nameEs: '',
    unit: 'half_day',
    counting: 'working',
    tracksBalance: false,
    allowNegative: false,
    paid: true,
    maxDaysPerRequest: null,
    attachment: 'never',
    attachmentOverDays: null,
    allocation: 'none',
    fixedDays: null,
    carryOverUntil: '',
    order,
    active: true,
  };
}

export function typeToForm(type: LeaveTypeDef): LeaveTypeFormValues {
  const over = type.attachmentOverDays;
  return {
    id: type.id,
    nameZh: type.name['zh-CN'],
    nameEn: type.name.en,
    nameEs: type.name.es,
    unit: type.unit,
    counting: type.counting,
    tracksBalance: type.tracksBalance,
    allowNegative: type.allowNegative,
    paid: type.paid,
    maxDaysPerRequest: type.maxDaysPerRequest,
    attachment: over === null ? 'never' : over === 0 ? 'always' : 'over',
    attachmentOverDays: over !== null && over > 0 ? over : null,
    allocation: type.allocation,
    fixedDays: type.allocation === 'fixed' ? type.fixedDays : null,
    carryOverUntil: type.carryOverUntil ?? '',
    order: type.order,
    active: type.active,
  };
}

const orNull = (n: number | null | undefined): number | null => (n === undefined || n === null ? null : n);

export function formToTypeArgs(v: LeaveTypeFormValues): LeaveTypeArgs {
  const tracks = v.tracksBalance;
  const allocation = tracks ? v.allocation : 'none';
  const carry = v.carryOverUntil.trim();
  return {
    id: v.id.trim(),
    name: { 'zh-CN': v.nameZh.trim(), en: v.nameEn.trim(), es: v.nameEs.trim() },
    unit: v.unit,
    counting: v.counting,
    tracksBalance: tracks,
    allowNegative: tracks && v.allowNegative,
    paid: v.paid,
    maxDaysPerRequest: orNull(v.maxDaysPerRequest),
    attachmentOverDays: v.attachment === 'never' ? null : v.attachment === 'always' ? 0 : (orNull(v.attachmentOverDays) ?? 0),
    allocation,
    fixedDays: allocation === 'fixed' ? (orNull(v.fixedDays) ?? 0) : 0,
    // Unused days carry over only where there is a balance to carry.
    carryOverUntil: tracks && carry !== '' ? carry : null,
    order: v.order,
    active: v.active,
  };
}
