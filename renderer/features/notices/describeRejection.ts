// Which action the server refused, in words: "Your withdrawal of the annual leave request
// (2026-03-02 to 2026-03-04) was refused", followed by the translated reason. The arguments are
// read with lenient schemas of just the fields the sentence needs: a notice may come from an
// older client's mutation, and a sentence with less detail beats none.
import type { TFunction } from 'i18next';
import { z } from 'zod';
import type { LeaveRequest } from '../../../shared/domain/leave';
import { leaveTypeName, type LeaveTypeDef } from '../../../shared/domain/leaveTypes';
import type { RejectionNotice } from '../../db';
import { reasonText } from '../../i18n/reasons';
import { formatSpan, inlineName } from '../leave/format';

const half = z.enum(['am', 'pm']);
const withId = z.object({ id: z.string() });
const decideArgs = z.object({ requestId: z.string(), decision: z.enum(['approve', 'reject']) });
const submitArgs = z.object({ type: z.string(), startDate: z.string(), startHalf: half, endDate: z.string(), endHalf: half });
const reportBackArgs = z.object({ returnDate: z.string(), returnHalf: half });
const delegationArgs = z.object({ kind: z.enum(['manual', 'standing']), toUserId: z.string(), startDate: z.string().nullable(), endDate: z.string().nullable() });
const leaveTypeArgs = z.object({ id: z.string(), name: z.object({ 'zh-CN': z.string(), en: z.string().optional(), es: z.string().optional() }) });
const yearArgs = z.object({ year: z.number() });
const travelArgs = z.object({ purpose: z.string() });
const claimArgs = z.object({ title: z.string() });
const routedDecideArgs = z.object({ decision: z.enum(['approve', 'reject']) });
const paidArgs = z.object({ reference: z.string() });
const dayArgs = z.object({ date: z.string(), kind: z.enum(['holiday', 'workday', 'normal']) });
const ruleArgs = z.object({ name: z.string() });
const adjustArgs = z.object({ userId: z.string(), typeId: z.string(), days: z.number() });
const allocateArgs = z.object({ typeId: z.string(), year: z.number() });
const titled = z.object({ title: z.string() });
const formPublishArgs = z.object({ title: z.string(), version: z.string() });

/** The leave request a refused mutation was about, so the page can load it for the description. */
export function subjectIdOf(notice: Pick<RejectionNotice, 'name' | 'args'>): string | null {
  if (notice.name === 'approval.decide') {
    const parsed = decideArgs.safeParse(notice.args);
    return parsed.success ? parsed.data.requestId : null;
  }
  if (!notice.name.startsWith('leave.')) return null;
  const parsed = withId.safeParse(notice.args);
  return parsed.success ? parsed.data.id : null;
}

export interface NoticeContext {
  /** The request the notice is about, if this client still has it. */
  request: LeaveRequest | undefined;
  nameOf(userId: string): string;
  /** A leave type's name as it reads inside a sentence ("annual leave"). */
  typeName(typeId: string): string;
  language: string;
}

function leaveWords(t: TFunction, ctx: NoticeContext, leave: Pick<LeaveRequest, 'type' | 'startDate' | 'startHalf' | 'endDate' | 'endHalf'>) {
  return { type: ctx.typeName(leave.type), span: formatSpan(t, leave) };
}

/** "您对……的撤回未被接受": the refused action, with what it was about where the client still knows. */
export function describeAction(t: TFunction, notice: Pick<RejectionNotice, 'name' | 'args'>, ctx: NoticeContext): string {
  const { args } = notice;
  switch (notice.name) {
    case 'leave.submit': {
      const parsed = submitArgs.safeParse(args);
      if (parsed.success) return t('notice.action.leave.submit', leaveWords(t, ctx, parsed.data));
      break;
    }
    case 'leave.withdraw':
    case 'leave.cancel':
      if (ctx.request) return t(`notice.action.${notice.name}`, leaveWords(t, ctx, ctx.request));
      break;
    case 'leave.reportBack': {
      const parsed = reportBackArgs.safeParse(args);
      if (ctx.request && parsed.success) {
        return t('notice.action.leave.reportBack', { ...leaveWords(t, ctx, ctx.request), date: parsed.data.returnDate, half: t(`half.${parsed.data.returnHalf}`) });
      }
      break;
    }
    case 'approval.decide': {
      const parsed = decideArgs.safeParse(args);
      if (parsed.success && ctx.request) {
        const key = parsed.data.decision === 'approve' ? 'notice.action.approval.approve' : 'notice.action.approval.reject';
        return t(key, { ...leaveWords(t, ctx, ctx.request), name: ctx.nameOf(ctx.request.requesterId) });
      }
      break;
    }
    case 'delegation.set': {
      const parsed = delegationArgs.safeParse(args);
      if (!parsed.success) break;
      const { kind, toUserId, startDate, endDate } = parsed.data;
      if (kind === 'standing') return t('notice.action.delegation.standing', { name: ctx.nameOf(toUserId) });
      return t('notice.action.delegation.set', { name: ctx.nameOf(toUserId), start: startDate ?? '', end: endDate ?? '' });
    }
    case 'delegation.end':
      return t('notice.action.delegation.end');
    case 'leaveType.save': {
      const parsed = leaveTypeArgs.safeParse(args);
      if (parsed.success) return t('notice.action.leaveType.save', { type: leaveTypeName({ name: { en: '', es: '', ...parsed.data.name } }, ctx.language, parsed.data.id) });
      break;
    }
    case 'calendar.saveYear': {
      const parsed = yearArgs.safeParse(args);
      if (parsed.success) return t('notice.action.calendar.saveYear', { year: parsed.data.year });
      break;
    }
    case 'calendar.setDay': {
      const parsed = dayArgs.safeParse(args);
      if (parsed.success) return t('notice.action.calendar.setDay', { date: parsed.data.date, kind: t(`notice.dayKind.${parsed.data.kind}`) });
      break;
    }
    case 'policy.saveRule': {
      const parsed = ruleArgs.safeParse(args);
      if (parsed.success) return t('notice.action.policy.saveRule', { rule: parsed.data.name });
      break;
    }
    case 'ledger.adjust': {
      const parsed = adjustArgs.safeParse(args);
      if (parsed.success) {
        const { userId, typeId, days } = parsed.data;
        return t('notice.action.ledger.adjust', { name: ctx.nameOf(userId), type: ctx.typeName(typeId), days: days > 0 ? `+${days}` : String(days) });
      }
      break;
    }
    case 'ledger.allocateYear': {
      const parsed = allocateArgs.safeParse(args);
      if (parsed.success) return t('notice.action.ledger.allocateYear', { year: parsed.data.year, type: ctx.typeName(parsed.data.typeId) });
      break;
    }
    case 'travel.submit': {
      const parsed = travelArgs.safeParse(args);
      if (parsed.success) return t('notice.action.travel.submit', { purpose: parsed.data.purpose });
      break;
    }
    case 'claim.submit': {
      const parsed = claimArgs.safeParse(args);
      if (parsed.success) return t('notice.action.claim.submit', { title: parsed.data.title });
      break;
    }
    case 'travel.decide':
    case 'claim.decide': {
      const parsed = routedDecideArgs.safeParse(args);
      const what = notice.name === 'travel.decide' ? 'travel' : 'claim';
      if (parsed.success) return t(`notice.action.${what}.${parsed.data.decision}`);
      break;
    }
    case 'claim.markPaid': {
      const parsed = paidArgs.safeParse(args);
      if (parsed.success) return t('notice.action.claim.markPaid', { reference: parsed.data.reference });
      break;
    }
    case 'travel.withdraw':
    case 'claim.withdraw':
      return t(`notice.action.${notice.name === 'travel.withdraw' ? 'travel' : 'claim'}.withdraw`);
    case 'travelStandards.save':
      return t('notice.action.travelStandards.save');
    case 'form.publish': {
      const parsed = formPublishArgs.safeParse(args);
      if (parsed.success) return t('notice.action.form.publish', { title: parsed.data.title, version: parsed.data.version });
      break;
    }
    case 'form.edit': {
      const parsed = titled.safeParse(args);
      if (parsed.success) return t('notice.action.form.edit', { title: parsed.data.title });
      break;
    }
    case 'meeting.issue':
    case 'meeting.update': {
      const parsed = titled.safeParse(args);
      if (parsed.success) return t(`notice.action.${notice.name}`, { title: parsed.data.title });
      break;
    }
    case 'form.archive':
    case 'meeting.cancel':
    case 'meeting.remind':
    case 'meeting.reply':
      return t(`notice.action.${notice.name}`);
  }
  return t('notice.action.unknown');
}

/** The whole sentence: the action, then why it was refused. */
export function describeRejection(t: TFunction, notice: Pick<RejectionNotice, 'name' | 'args' | 'code' | 'params'>, ctx: NoticeContext): string {
  return t('notice.because', { action: describeAction(t, notice, ctx), reason: reasonText(t, notice.code, notice.params) });
}

/** A type name for sentences, from the types this client knows (the id if it knows none). */
export function inlineTypeName(types: ReadonlyArray<Pick<LeaveTypeDef, 'id' | 'name'>> | undefined, language: string) {
  return (typeId: string): string => inlineName(leaveTypeName(types?.find((x) => x.id === typeId), language, typeId), language);
}
