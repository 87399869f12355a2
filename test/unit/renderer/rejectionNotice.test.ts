// A refused change is explained as the action the user took plus the translated reason.
import { describe, expect, it } from 'vitest';
import { describeRejection, subjectIdOf } from '../../../renderer/features/notices/describeRejection';
import { reasonMessage, reasonText } from '../../../renderer/i18n/reasons';
import { createI18n } from '../../../renderer/i18n/createI18n';
import { leaveRequest } from './fixtures';

const en = createI18n('en').t;
const zh = createI18n('zh-CN').t;
const es = createI18n('es').t;
const nameOf = (id: string) => (id === 'u-wangqiang' ? 'Wang Qiang' : 'Somebody');

describe('describeRejection', () => {
  const request = leaveRequest();

  it('explains a refused withdrawal with the request it was about', () => {
    const notice = { name: 'leave.withdraw', args: { id: 'req-1' }, code: 'leave.not_withdrawable' as const, params: { status: 'approved' } };
    expect(subjectIdOf(notice)).toBe('req-1');
    expect(describeRejection(en, notice, { request, nameOf })).toBe(
      'Your withdrawal of the annual leave request (2026-03-02 to 2026-03-04) was refused: it was approved meanwhile and can no longer be withdrawn',
    );
    expect(describeRejection(zh, notice, { request, nameOf })).toBe('您对年休假申请（2026-03-02 至 2026-03-04）的撤回未被接受：该申请当前状态为“已批准”，不能撤回');
    expect(describeRejection(es, notice, { request, nameOf })).toContain('entretanto fue aprobada');
  });

  it('explains a refused submission from its own arguments', () => {
    const notice = {
      name: 'leave.submit',
      args: { id: 'req-9', type: 'sick', startDate: '2026-03-02', startHalf: 'am', endDate: '2026-03-02', endHalf: 'pm', reason: 'x' },
      code: 'leave.no_approver' as const,
      params: {},
    };
    expect(describeRejection(en, notice, { request: undefined, nameOf })).toBe('Your sick leave request (2026-03-02) was refused: no approver was found; please contact HR');
  });

  it('explains a refused decision with the requester', () => {
    const notice = { name: 'approval.decide', args: { requestId: 'req-1', decision: 'approve', comment: '' }, code: 'approval.already_decided' as const, params: { status: 'withdrawn' } };
    expect(subjectIdOf(notice)).toBe('req-1');
    expect(describeRejection(en, notice, { request, nameOf })).toBe(
      'Your approval of Wang Qiang’s annual leave request (2026-03-02 to 2026-03-04) was refused: it was already withdrawn',
    );
  });

  it('falls back to a generic action when the request is gone', () => {
    const notice = { name: 'leave.withdraw', args: { id: 'req-1' }, code: 'leave.not_found' as const, params: {} };
    expect(describeRejection(en, notice, { request: undefined, nameOf })).toBe('One of your changes was refused: the leave request does not exist');
  });
});

describe('reason messages', () => {
  it('capitalise when standing alone and translate code parameters', () => {
    expect(reasonMessage(en, 'auth.invalid_credentials')).toBe('Wrong user name or password');
    expect(reasonText(en, 'leave.too_long', { max: 366 })).toBe('a single request cannot exceed 366 days');
    expect(reasonMessage(zh, 'leave.not_withdrawable', { status: 'rejected' })).toBe('该申请当前状态为“已驳回”，不能撤回');
  });

  it('never show an unknown code raw', () => {
    expect(reasonMessage(en, 'no.such.code')).toBe('That did not work. Please try again.');
  });
});
