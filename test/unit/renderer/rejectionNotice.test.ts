// A refused change is explained as the action the user took plus the translated reason.
import { describe, expect, it } from 'vitest';
import { describeRejection, inlineTypeName, subjectIdOf, type NoticeContext } from '../../../renderer/features/notices/describeRejection';
import { reasonMessage, reasonText } from '../../../renderer/i18n/reasons';
import { createI18n } from '../../../renderer/i18n/createI18n';
import { systemLeaveTypes } from '../../../server/seed/system';
import { leaveRequest } from './fixtures';

const en = createI18n('en').t;
const zh = createI18n('zh-CN').t;
const es = createI18n('es').t;
const types = systemLeaveTypes('2026-01-01T00:00:00.000Z');
const names: Record<string, string> = { 'u-wangqiang': 'Wang Qiang', zhaomin: 'Zhao Min' };

function ctx(language: string, request = leaveRequest()): NoticeContext {
  return { request, nameOf: (id) => names[id] ?? 'Somebody', typeName: inlineTypeName(types, language), language };
}

describe('describeRejection', () => {
  it('explains a refused withdrawal with the request it was about', () => {
    const notice = { name: 'leave.withdraw', args: { id: 'req-1' }, code: 'leave.not_withdrawable' as const, params: { status: 'approved' } };
    expect(subjectIdOf(notice)).toBe('req-1');
    expect(describeRejection(en, notice, ctx('en'))).toBe(
      'Your withdrawal of the annual leave request (2026-03-02 to 2026-03-04) was refused: it was approved meanwhile and can no longer be withdrawn',
    );
    expect(describeRejection(zh, notice, ctx('zh-CN'))).toBe('您对年休假申请（2026-03-02 至 2026-03-04）的撤回未被接受：该申请当前状态为“已批准”，不能撤回');
    expect(describeRejection(es, notice, ctx('es'))).toContain('vacaciones anuales');
    expect(describeRejection(es, notice, ctx('es'))).toContain('entretanto fue aprobada');
  });

  it('explains a refused submission from its own arguments', () => {
    const notice = {
      name: 'leave.submit',
      args: { id: 'req-9', type: 'sick', startDate: '2026-03-02', startHalf: 'am', endDate: '2026-03-02', endHalf: 'pm', reason: 'x' },
      code: 'leave.no_approver' as const,
      params: {},
    };
    expect(describeRejection(en, notice, { ...ctx('en'), request: undefined })).toBe('Your sick leave request (2026-03-02) was refused: no approver was found; please contact HR');
  });

  it('explains a refused decision with the requester, and a stale one with what changed', () => {
    const notice = { name: 'approval.decide', args: { requestId: 'req-1', decision: 'approve', comment: '' }, code: 'approval.already_decided' as const, params: { status: 'withdrawn' } };
    expect(subjectIdOf(notice)).toBe('req-1');
    expect(describeRejection(en, notice, ctx('en'))).toBe('Your approval of Wang Qiang’s annual leave request (2026-03-02 to 2026-03-04) was refused: it was already withdrawn');
    const stale = { ...notice, code: 'approval.request_changed' as const, params: { change: 'cancel_requested' } };
    expect(describeRejection(zh, stale, ctx('zh-CN'))).toBe('您对Wang Qiang的年休假申请（2026-03-02 至 2026-03-04）的批准未被接受：申请人已申请取消假期，与您审批时看到的不同，请重新查看后再审批');
  });

  it('explains refused cancellations and report-backs of the request', () => {
    const cancel = { name: 'leave.cancel', args: { id: 'req-1', reason: '计划有变' }, code: 'leave.cancel_started' as const, params: {} };
    expect(subjectIdOf(cancel)).toBe('req-1');
    expect(describeRejection(zh, cancel, ctx('zh-CN'))).toBe('您对年休假（2026-03-02 至 2026-03-04）的取消申请未被接受：假期已开始，请改为办理销假');
    const back = { name: 'leave.reportBack', args: { id: 'req-1', returnDate: '2026-03-05', returnHalf: 'pm', comment: '' }, code: 'leave.report_back_late' as const, params: {} };
    expect(describeRejection(en, back, ctx('en'))).toBe(
      'Your report back from annual leave (2026-03-02 to 2026-03-04; back on 2026-03-05, afternoon) was refused: the return is later than the approved leave; submit a new request for the extra days',
    );
  });

  it('explains refused delegations and administration without a leave request', () => {
    const none = { ...ctx('zh-CN'), request: undefined };
    const delegation = { name: 'delegation.set', args: { id: 'd1', kind: 'manual', toUserId: 'zhaomin', startDate: '2026-03-05', endDate: '2026-03-20', note: '' }, code: 'delegation.invalid_user' as const, params: {} };
    expect(subjectIdOf(delegation)).toBeNull();
    expect(describeRejection(zh, delegation, none)).toBe('您设置的审批委托（2026-03-05 至 2026-03-20 由Zhao Min代为审批）未被接受：被委托人不存在或已停用');
    expect(describeRejection(en, { ...delegation, args: { ...delegation.args, kind: 'standing' } }, { ...ctx('en'), request: undefined })).toBe(
      'Your delegation to Zhao Min while you are on leave was refused: the acting approver does not exist or is disabled',
    );
    const type = { name: 'leaveType.save', args: { id: 'study', name: { 'zh-CN': '学习假', en: 'Study leave', es: 'Permiso de estudios' } }, code: 'auth.forbidden' as const, params: {} };
    expect(describeRejection(zh, type, none)).toBe('您对假期类型“学习假”的修改未被接受：您没有执行此操作的权限');
    const adjust = { name: 'ledger.adjust', args: { id: 'a', userId: 'u-wangqiang', typeId: 'annual', days: -2, effectiveOn: '2026-03-01', expiresOn: null, reason: 'x' }, code: 'ledger.would_go_negative' as const, params: { available: 3 } };
    expect(describeRejection(en, adjust, { ...ctx('en'), request: undefined })).toBe('Your adjustment of Wang Qiang’s annual leave balance (-2 days) was refused: the balance would go below zero (3 days available)');
    const day = { name: 'calendar.setDay', args: { date: '2026-10-10', kind: 'workday', name: '' }, code: 'calendar.workday_not_weekend' as const, params: {} };
    expect(describeRejection(zh, day, none)).toBe('您对 2026-10-10 的日历调整（设为调休上班）未被接受：调休上班日必须是周六或周日');
    expect(describeRejection(zh, { name: 'policy.saveRule', args: { name: '长假' }, code: 'policy.unknown_user' as const, params: {} }, none)).toBe(
      '您对审批规则“长假”的修改未被接受：审批规则中指定的人员不存在',
    );
    expect(describeRejection(zh, { name: 'ledger.allocateYear', args: { typeId: 'annual', year: 2026 }, code: 'ledger.type_untracked' as const, params: {} }, none)).toBe(
      '您发放 2026 年年休假额度的操作未被接受：该假期类型不记余额',
    );
  });

  it('falls back to a generic action when the request is gone', () => {
    const notice = { name: 'leave.withdraw', args: { id: 'req-1' }, code: 'leave.not_found' as const, params: {} };
    expect(describeRejection(en, notice, { ...ctx('en'), request: undefined })).toBe('One of your changes was refused: the leave request does not exist');
  });
});

describe('reason messages', () => {
  it('capitalise when standing alone and translate code parameters', () => {
    expect(reasonMessage(en, 'auth.invalid_credentials')).toBe('Wrong user name or password');
    expect(reasonText(en, 'leave.too_long', { max: 366 })).toBe('a single request cannot exceed 366 days');
    expect(reasonMessage(zh, 'leave.not_withdrawable', { status: 'rejected' })).toBe('该申请当前状态为“已驳回”，不能撤回');
    expect(reasonMessage(zh, 'leave.not_cancellable', { status: 'cancelled' })).toBe('只有已批准的假期可以申请取消（当前状态：已取消）');
    expect(reasonMessage(en, 'approval.request_changed', { change: 'withdrawn' })).toBe('The requester withdrew it after you opened it; look at it again before deciding');
    // A type that always needs a document does not say "more than 0 days".
    expect(reasonMessage(zh, 'leave.attachment_required', { days: 2 })).toBe('请假超过 2 天须上传证明材料');
    expect(reasonMessage(zh, 'leave.attachment_required', { days: 0 })).toBe('此类假期须上传证明材料');
  });

  it('never show an unknown code raw', () => {
    expect(reasonMessage(en, 'no.such.code')).toBe('That did not work. Please try again.');
    expect(reasonMessage(en, 'approval.request_changed', { change: 'exploded' })).toBe('The request was updated after you opened it; look at it again before deciding');
  });
});
