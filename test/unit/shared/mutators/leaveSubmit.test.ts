import { afterEach, describe, expect, it } from 'vitest';
import { isMutatorName, MUTATOR_NAMES } from '../../../../shared/mutators';
import { MAX_REQUEST_CALENDAR_DAYS } from '../../../../shared/mutators/leave';
import type { MemoryDocTx } from '../../../support/memoryDocTx';
import { agency, attachment, balanceOf, decide, expectAllWritesValid, expectRejected, leaveOf, NOW, on, patch, run, submitArgs } from './helpers';

afterEach(() => {
  expectAllWritesValid();
});

/** Who approves each step of a request, in order. */
const route = (tx: MemoryDocTx, id = 'leave-1') => leaveOf(tx, id).steps.map((s) => ({ kind: s.kind, approverIds: s.approverIds, status: s.status }));

describe('leave.submit', () => {
  it('creates a pending request for the actor, waiting on their manager under the short-leave rule', async () => {
    const tx = await agency();
    await run(tx, 'wangqiang', 'leave.submit', submitArgs({ reason: '  Family visit \n' }));
    expect(leaveOf(tx)).toEqual({
      id: 'leave-1',
      requesterId: 'wangqiang',
      departmentId: 'general',
      type: 'annual',
      startDate: '2026-03-09',
      startHalf: 'am',
      endDate: '2026-03-10',
      endHalf: 'pm',
      days: 2,
      counting: 'working',
      reason: 'Family visit',
      attachments: [],
      status: 'pending',
      ruleId: 'leave-short',
      steps: [{ kind: 'manager', role: null, mode: 'any', approverIds: ['lina'], delegates: [], status: 'pending', decisions: [] }],
      pendingApproverIds: ['lina'],
      cancellation: null,
      reportBack: null,
      revision: 1,
      history: [{ at: NOW, actorId: 'wangqiang', action: 'submitted', comment: null }],
      createdAt: NOW,
      updatedAt: NOW,
    });
    expect(tx.writes).toHaveLength(1);
  });

  it('counts half days and skips the weekend', async () => {
    const tx = await agency();
    // Friday 6 March from noon to Monday 9 March at noon: one working day.
    await run(tx, 'wangqiang', 'leave.submit', submitArgs({ startDate: '2026-03-06', startHalf: 'pm', endDate: '2026-03-09', endHalf: 'am' }));
    expect(leaveOf(tx).days).toBe(1);
  });

  it('takes the requester from the session, never from the arguments', async () => {
    const tx = await agency();
    await run(tx, 'sunlei', 'leave.submit', { ...submitArgs(), requesterId: 'lina', departmentId: 'general', status: 'approved', days: 0.5, steps: [] });
    const leave = leaveOf(tx);
    expect(leave).toMatchObject({ requesterId: 'sunlei', departmentId: 'business', status: 'pending', days: 2, pendingApproverIds: ['liuyang'] });
  });

  it(`accepts a span of exactly ${MAX_REQUEST_CALENDAR_DAYS} calendar days`, async () => {
    const tx = await agency();
    // 2026-03-02 .. 2027-03-02 inclusive is 366 calendar days: 262 weekdays, less the 11 weekday
    // holidays of 2026 after 2 March (清明 1, 劳动节 3, 端午 1, 中秋 1, 国庆 5), plus the 3
    // adjusted working weekend days (9 May, 20 September, 10 October). 2027 has no calendar yet.
    await run(tx, 'chenjing', 'leave.submit', submitArgs({ type: 'personal', startDate: '2026-03-02', endDate: '2027-03-02' }));
    expect(leaveOf(tx).days).toBe(254);
  });

  it('counts working days on the official calendar: the Spring Festival is not leave, its adjusted Saturday is', async () => {
    const tx = await agency();
    // Fri 13, Sat 14 (adjusted working day), then 15-23 off, then Tue 24 to Fri 27: 6 days.
    await run(tx, 'chenjing', 'leave.submit', submitArgs({ type: 'personal', startDate: '2026-02-13', endDate: '2026-02-27' }));
    expect(leaveOf(tx)).toMatchObject({ days: 6, counting: 'working' });
  });

  it('counts calendar days for a calendar type: home-visit leave over National Day counts every day', async () => {
    const tx = await agency();
    // Mon 28 September to Thu 8 October: 11 calendar days, 7 of them public holidays.
    await run(tx, 'wangqiang', 'leave.submit', submitArgs({ type: 'home_visit', startDate: '2026-09-28', endDate: '2026-10-08' }));
    expect(leaveOf(tx)).toMatchObject({ days: 11, counting: 'calendar' });
    // The same dates as annual leave are four working days: 28, 29, 30 September and 8 October.
    await run(tx, 'zhaomin', 'leave.submit', submitArgs({ id: 'leave-2', startDate: '2026-09-28', endDate: '2026-10-08' }));
    expect(leaveOf(tx, 'leave-2')).toMatchObject({ days: 4, counting: 'working' });
  });

  it('counts 158 calendar days of maternity leave across National Day and the New Year, the most one request may take', async () => {
    const tx = await agency();
    const files = [attachment(tx, 'birth-certificate.pdf')];
    // 1 September 2026 + 157 days = 5 February 2027: 30 + 31 + 30 + 31 + 31 + 5 = 158.
    await run(tx, 'zhaomin', 'leave.submit', submitArgs({ type: 'maternity', startDate: '2026-09-01', endDate: '2027-02-05', attachments: files }));
    expect(leaveOf(tx)).toMatchObject({ days: 158, counting: 'calendar', attachments: files });
    await expectRejected(tx, 'chenjing', 'leave.submit', submitArgs({ id: 'leave-2', type: 'maternity', startDate: '2026-09-01', endDate: '2027-02-06', attachments: files }), 'leave.over_max', { max: 158 });
  });

  it('keeps requests of different people apart', async () => {
    const tx = await agency();
    await run(tx, 'chenjing', 'leave.submit', submitArgs({ id: 'a' }));
    await run(tx, 'wangqiang', 'leave.submit', submitArgs({ id: 'b' }));
    expect(leaveOf(tx, 'a').pendingApproverIds).toEqual(['liuyang']);
    expect(leaveOf(tx, 'b').pendingApproverIds).toEqual(['lina']);
    expect((await tx.find('leaveRequests', 'pendingApproverIds', 'lina')).map((l) => l.id)).toEqual(['b']);
  });

  it('stores the attachments of a request whose files the store holds', async () => {
    const tx = await agency();
    const files = [attachment(tx, 'a.pdf'), attachment(tx, 'b.jpg')];
    await run(tx, 'wangqiang', 'leave.submit', submitArgs({ type: 'sick', startDate: '2026-03-09', endDate: '2026-03-11', attachments: files }));
    expect(leaveOf(tx).attachments).toEqual(files);
  });
});

describe('leave.submit: leave types as data', () => {
  it('refuses a type nobody configured, or one HR switched off (leave.unknown_type)', async () => {
    const tx = await agency();
    await expectRejected(tx, 'wangqiang', 'leave.submit', submitArgs({ type: 'sabbatical' }), 'leave.unknown_type', { type: 'sabbatical' });
    patch(tx, 'leaveTypes', 'personal', { active: false });
    await expectRejected(tx, 'wangqiang', 'leave.submit', submitArgs({ type: 'personal' }), 'leave.unknown_type', { type: 'personal' });
  });

  it('accepts a type an agency added itself', async () => {
    const tx = await agency();
    const personal = tx.peek('leaveTypes', 'personal');
    if (!personal) throw new Error('no personal leave type');
    tx.seedDoc('leaveTypes', { ...personal, id: 'study_leave', name: { 'zh-CN': '学习假', en: 'Study leave', es: 'Permiso de estudios' } });
    await run(tx, 'wangqiang', 'leave.submit', submitArgs({ type: 'study_leave' }));
    expect(leaveOf(tx).type).toBe('study_leave');
  });

  it.each([
    ['starting at noon', { startHalf: 'pm' }],
    ['ending at noon', { endHalf: 'am' }],
  ])('refuses half days for a whole-day type: marriage leave %s (leave.whole_days_only)', async (_name, halves) => {
    const tx = await agency();
    await expectRejected(tx, 'wangqiang', 'leave.submit', submitArgs({ type: 'marriage', attachments: [attachment(tx)], ...halves }), 'leave.whole_days_only');
  });

  it('refuses more days than the type allows in one request (leave.over_max), and accepts the limit', async () => {
    const tx = await agency();
    const files = [attachment(tx)];
    // Marriage leave: at most 3 days. Mon 9 to Thu 12 March is 4.
    await expectRejected(tx, 'wangqiang', 'leave.submit', submitArgs({ type: 'marriage', endDate: '2026-03-12', attachments: files }), 'leave.over_max', { max: 3 });
    // Bereavement leave, 3 working days: Fri 6 to Tue 10 March skips the weekend.
    await run(tx, 'wangqiang', 'leave.submit', submitArgs({ type: 'bereavement', startDate: '2026-03-06', endDate: '2026-03-10' }));
    expect(leaveOf(tx).days).toBe(3);
  });

  it('asks for an attachment only above the type\'s threshold (leave.attachment_required)', async () => {
    const tx = await agency();
    // Sick leave: a certificate over 2 days. Exactly 2 needs none; 2.5 does.
    await run(tx, 'wangqiang', 'leave.submit', submitArgs({ type: 'sick' }));
    await expectRejected(tx, 'zhaomin', 'leave.submit', submitArgs({ id: 'leave-2', type: 'sick', endDate: '2026-03-11', endHalf: 'am' }), 'leave.attachment_required', { days: 2 });
    // Marriage leave: always (over 0 days), even for one day.
    await expectRejected(tx, 'zhaomin', 'leave.submit', submitArgs({ id: 'leave-2', type: 'marriage', endDate: '2026-03-09' }), 'leave.attachment_required', { days: 0 });
  });

  it('refuses an attachment whose file never reached the store (blob.missing)', async () => {
    const tx = await agency();
    const files = [attachment(tx, 'held.pdf'), attachment(tx, 'lost.jpg', false)];
    await expectRejected(tx, 'wangqiang', 'leave.submit', submitArgs({ type: 'sick', endDate: '2026-03-11', attachments: files }), 'blob.missing', { name: 'lost.jpg' });
  });
});

describe('leave.submit: overlapping leave', () => {
  it('refuses a span that shares a half day with the requester\'s pending or approved leave (leave.overlap)', async () => {
    const tx = await agency();
    await run(tx, 'wangqiang', 'leave.submit', submitArgs({ type: 'personal' }));
    await expectRejected(tx, 'wangqiang', 'leave.submit', submitArgs({ id: 'leave-2', type: 'sick', startDate: '2026-03-10', endDate: '2026-03-11' }), 'leave.overlap', { start: '2026-03-09', end: '2026-03-10' });
    await run(tx, 'lina', 'approval.decide', decide('approve'));
    await expectRejected(tx, 'wangqiang', 'leave.submit', submitArgs({ id: 'leave-2', type: 'sick', startDate: '2026-03-06', endDate: '2026-03-09', endHalf: 'am' }), 'leave.overlap');
  });

  it('lets a half day follow a half day: the morning is taken, the afternoon is free', async () => {
    const tx = await agency();
    await run(tx, 'wangqiang', 'leave.submit', submitArgs({ type: 'personal', endDate: '2026-03-09', endHalf: 'am' }));
    await run(tx, 'wangqiang', 'leave.submit', submitArgs({ id: 'leave-2', type: 'sick', startHalf: 'pm', endDate: '2026-03-09' }));
    expect(leaveOf(tx, 'leave-2').days).toBe(0.5);
  });

  it('frees the dates of withdrawn, rejected and cancelled requests', async () => {
    const tx = await agency();
    await run(tx, 'wangqiang', 'leave.submit', submitArgs({ id: 'w', type: 'personal' }));
    await run(tx, 'wangqiang', 'leave.withdraw', { id: 'w' });
    await run(tx, 'wangqiang', 'leave.submit', submitArgs({ id: 'r', type: 'personal' }));
    await run(tx, 'lina', 'approval.decide', decide('reject', 'Audit week', 'r'));
    await run(tx, 'wangqiang', 'leave.submit', submitArgs({ id: 'c', type: 'personal' }));
    await run(tx, 'lina', 'approval.decide', decide('approve', '', 'c'));
    await run(tx, 'wangqiang', 'leave.cancel', { id: 'c', reason: 'Trip called off' });
    await run(tx, 'lina', 'approval.decide', decide('approve', '', 'c'));
    expect(leaveOf(tx, 'c').status).toBe('cancelled');
    await run(tx, 'wangqiang', 'leave.submit', submitArgs({ id: 'again', type: 'personal' }));
    expect(leaveOf(tx, 'again').status).toBe('pending');
  });

  it('holds a reported-back request only up to the return', async () => {
    const tx = await agency();
    // Personal leave Monday 9 to Friday 13 March; back on Wednesday 11 at noon.
    await run(tx, 'wangqiang', 'leave.submit', submitArgs({ type: 'personal', endDate: '2026-03-13' }));
    await run(tx, 'lina', 'approval.decide', decide('approve'));
    await run(tx, 'wangqiang', 'leave.reportBack', { id: 'leave-1', returnDate: '2026-03-11', returnHalf: 'pm', comment: '' }, on('2026-03-11'));
    await expectRejected(tx, 'wangqiang', 'leave.submit', submitArgs({ id: 'leave-2', type: 'sick', startDate: '2026-03-11', endDate: '2026-03-11', endHalf: 'am' }), 'leave.overlap', undefined, on('2026-03-11'));
    await run(tx, 'wangqiang', 'leave.submit', submitArgs({ id: 'leave-2', type: 'sick', startDate: '2026-03-12', endDate: '2026-03-13' }), on('2026-03-11'));
    expect(leaveOf(tx, 'leave-2').status).toBe('pending');
  });

  it('does not mind a colleague\'s leave on the same days', async () => {
    const tx = await agency();
    await run(tx, 'wangqiang', 'leave.submit', submitArgs({ id: 'a' }));
    await run(tx, 'zhaomin', 'leave.submit', submitArgs({ id: 'b' }));
    expect(leaveOf(tx, 'b').status).toBe('pending');
  });
});

describe('leave.submit: balances', () => {
  it('refuses annual leave beyond the balance (leave.insufficient_balance), saying what is left', async () => {
    const tx = await agency();
    // chenjing: 4 days for 2026 (one year of work on 1 March, pro-rated).
    await expectRejected(tx, 'chenjing', 'leave.submit', submitArgs({ endDate: '2026-03-13' }), 'leave.insufficient_balance', { available: 4, days: 5 });
    await run(tx, 'chenjing', 'leave.submit', submitArgs({ endDate: '2026-03-12' }));
    expect(balanceOf(tx, 'chenjing', 'annual')).toMatchObject({ allocated: 4, reserved: 4, available: 0 });
  });

  it('counts what pending requests already hold', async () => {
    const tx = await agency();
    await run(tx, 'chenjing', 'leave.submit', submitArgs({ id: 'a', startDate: '2026-03-09', endDate: '2026-03-11' }));
    await expectRejected(tx, 'chenjing', 'leave.submit', submitArgs({ id: 'b', startDate: '2026-03-16', endDate: '2026-03-17' }), 'leave.insufficient_balance', { available: 1, days: 2 });
    // Withdrawing the first frees its days.
    await run(tx, 'chenjing', 'leave.withdraw', { id: 'a' });
    await run(tx, 'chenjing', 'leave.submit', submitArgs({ id: 'b', startDate: '2026-03-16', endDate: '2026-03-17' }));
  });

  it('counts what approved requests used', async () => {
    const tx = await agency();
    await run(tx, 'wangqiang', 'leave.submit', submitArgs({ id: 'a', startDate: '2026-03-09', endDate: '2026-03-11' }));
    await run(tx, 'lina', 'approval.decide', decide('approve', '', 'a'));
    await expectRejected(tx, 'wangqiang', 'leave.submit', submitArgs({ id: 'b', startDate: '2026-03-16', endDate: '2026-03-18' }), 'leave.insufficient_balance', { available: 2, days: 3 });
  });

  it('refuses time off in lieu with nothing credited, unless HR lets that type go below zero', async () => {
    const tx = await agency();
    await expectRejected(tx, 'wangqiang', 'leave.submit', submitArgs({ type: 'compensatory', endDate: '2026-03-09', endHalf: 'am' }), 'leave.insufficient_balance', { available: 0, days: 0.5 });
    patch(tx, 'leaveTypes', 'compensatory', { allowNegative: true });
    await run(tx, 'wangqiang', 'leave.submit', submitArgs({ type: 'compensatory', endDate: '2026-03-09', endHalf: 'am' }));
    expect(leaveOf(tx).days).toBe(0.5);
  });

  it('needs no balance for an untracked type (personal leave)', async () => {
    const tx = await agency({}, { allocations: false });
    await run(tx, 'wangqiang', 'leave.submit', submitArgs({ type: 'personal', endDate: '2026-03-20' }));
    expect(leaveOf(tx).days).toBe(10);
  });
});

describe('leave.submit: routing by the default policy', () => {
  it('up to 3 days: the direct manager only', async () => {
    const tx = await agency({ chenjing: { managerId: 'sunlei' } });
    await run(tx, 'chenjing', 'leave.submit', submitArgs({ type: 'personal', endDate: '2026-03-11' }));
    expect(leaveOf(tx).ruleId).toBe('leave-short');
    expect(route(tx)).toEqual([{ kind: 'manager', approverIds: ['sunlei'], status: 'pending' }]);
  });

  it('over 3 days: the manager, then the department head', async () => {
    const tx = await agency({ chenjing: { managerId: 'sunlei' } });
    await run(tx, 'chenjing', 'leave.submit', submitArgs({ type: 'personal', endDate: '2026-03-12', endHalf: 'am' }));
    expect(leaveOf(tx)).toMatchObject({ days: 3.5, ruleId: 'leave-long', pendingApproverIds: ['sunlei'] });
    expect(route(tx)).toEqual([
      { kind: 'manager', approverIds: ['sunlei'], status: 'pending' },
      { kind: 'department_head', approverIds: ['liuyang'], status: 'waiting' },
    ]);
  });

  it('over 3 days when the manager is the head: one step, not the same person twice', async () => {
    const tx = await agency();
    await run(tx, 'wangqiang', 'leave.submit', submitArgs({ type: 'personal', endDate: '2026-03-12', endHalf: 'am' }));
    expect(route(tx)).toEqual([{ kind: 'department_head', approverIds: ['lina'], status: 'pending' }]);
  });

  it('family leave (marriage, maternity, paternity, home visit): manager, head, then HR', async () => {
    const tx = await agency({ chenjing: { managerId: 'sunlei' } });
    await run(tx, 'chenjing', 'leave.submit', submitArgs({ type: 'marriage', attachments: [attachment(tx)] }));
    expect(leaveOf(tx).ruleId).toBe('leave-family');
    expect(route(tx)).toEqual([
      { kind: 'manager', approverIds: ['sunlei'], status: 'pending' },
      { kind: 'department_head', approverIds: ['liuyang'], status: 'waiting' },
      { kind: 'role', approverIds: ['zhouting'], status: 'waiting' },
    ]);
  });

  it('a department head\'s request goes to the head of the department above', async () => {
    const tx = await agency();
    await run(tx, 'lina', 'leave.submit', submitArgs({ type: 'personal', endDate: '2026-03-13' }));
    expect(route(tx)).toEqual([{ kind: 'department_head', approverIds: ['zhangwei'], status: 'pending' }]);
    await run(tx, 'liuyang', 'leave.submit', submitArgs({ id: 'leave-2', type: 'personal' }));
    expect(route(tx, 'leave-2')).toEqual([{ kind: 'manager', approverIds: ['zhangwei'], status: 'pending' }]);
  });

  it('an HR officer\'s family leave skips the HR step when she is the only HR officer', async () => {
    const tx = await agency();
    await run(tx, 'zhouting', 'leave.submit', submitArgs({ type: 'home_visit' }));
    expect(route(tx)).toEqual([{ kind: 'department_head', approverIds: ['zhangwei'], status: 'pending' }]);
  });

  it('an HR officer\'s family leave goes to the other HR officers when there are some', async () => {
    const tx = await agency({ yangfan: { roles: ['staff', 'finance_officer', 'hr_officer'] } });
    await run(tx, 'zhouting', 'leave.submit', submitArgs({ type: 'home_visit' }));
    expect(route(tx)).toEqual([
      { kind: 'department_head', approverIds: ['zhangwei'], status: 'pending' },
      { kind: 'role', approverIds: ['yangfan'], status: 'waiting' },
    ]);
  });

  it('skips an inactive manager and goes up the line', async () => {
    const tx = await agency({ chenjing: { managerId: 'sunlei' }, sunlei: { active: false } });
    await run(tx, 'chenjing', 'leave.submit', submitArgs({ type: 'personal' }));
    expect(leaveOf(tx).pendingApproverIds).toEqual(['liuyang']);
  });

  it('falls back to the direct manager when no rule matches', async () => {
    const tx = await agency();
    for (const id of ['leave-family', 'leave-long', 'leave-short']) patch(tx, 'approvalRules', id, { active: false });
    await run(tx, 'wangqiang', 'leave.submit', submitArgs({ type: 'personal', endDate: '2026-03-20' }));
    expect(leaveOf(tx).ruleId).toBeNull();
    expect(route(tx)).toEqual([{ kind: 'manager', approverIds: ['lina'], status: 'pending' }]);
  });
});

describe('leave.submit refuses', () => {
  it('an end before the start, and the afternoon-until-noon of one day (leave.invalid_span)', async () => {
    const tx = await agency();
    await expectRejected(tx, 'chenjing', 'leave.submit', submitArgs({ startDate: '2026-03-10', endDate: '2026-03-09' }), 'leave.invalid_span');
    await expectRejected(tx, 'chenjing', 'leave.submit', submitArgs({ endDate: '2026-03-09', startHalf: 'pm', endHalf: 'am' }), 'leave.invalid_span');
  });

  it('a span with no working day in it (leave.no_working_days)', async () => {
    const tx = await agency();
    await expectRejected(tx, 'chenjing', 'leave.submit', submitArgs({ startDate: '2026-03-07', endDate: '2026-03-08' }), 'leave.no_working_days');
    await expectRejected(tx, 'chenjing', 'leave.submit', submitArgs({ startDate: '2026-03-07', endDate: '2026-03-07', endHalf: 'am' }), 'leave.no_working_days');
    // National Day, 1 to 7 October, is all holiday.
    await expectRejected(tx, 'chenjing', 'leave.submit', submitArgs({ startDate: '2026-10-01', endDate: '2026-10-07' }), 'leave.no_working_days');
  });

  it.each(['', '   ', '\n\t '])('a blank reason %j (leave.reason_required)', async (reason) => {
    await expectRejected(await agency(), 'chenjing', 'leave.submit', submitArgs({ reason }), 'leave.reason_required');
  });

  it(`more than ${MAX_REQUEST_CALENDAR_DAYS} calendar days (leave.too_long)`, async () => {
    const tx = await agency();
    await expectRejected(tx, 'chenjing', 'leave.submit', submitArgs({ type: 'personal', startDate: '2026-03-02', endDate: '2027-03-03' }), 'leave.too_long', { max: MAX_REQUEST_CALENDAR_DAYS });
    await expectRejected(tx, 'chenjing', 'leave.submit', submitArgs({ type: 'personal', startDate: '2026-01-01', endDate: '2029-12-31' }), 'leave.too_long', { max: MAX_REQUEST_CALENDAR_DAYS });
  });

  it('an id that already exists, even when someone else sends it (leave.already_exists)', async () => {
    const tx = await agency();
    await run(tx, 'chenjing', 'leave.submit', submitArgs());
    await expectRejected(tx, 'chenjing', 'leave.submit', submitArgs({ startDate: '2026-04-13', endDate: '2026-04-13', reason: 'again' }), 'leave.already_exists');
    await expectRejected(tx, 'wangqiang', 'leave.submit', submitArgs({ reason: 'mine now' }), 'leave.already_exists');
    expect(leaveOf(tx)).toMatchObject({ requesterId: 'chenjing', reason: 'Family visit' });
  });

  it('the director, whom nobody above can approve (leave.no_approver)', async () => {
    await expectRejected(await agency(), 'zhangwei', 'leave.submit', submitArgs(), 'leave.no_approver');
  });

  it('a staff member whose whole management line is inactive (leave.no_approver)', async () => {
    await expectRejected(await agency({ liuyang: { active: false }, zhangwei: { active: false } }), 'chenjing', 'leave.submit', submitArgs({ type: 'personal' }), 'leave.no_approver');
  });

  it.each([
    ['an impossible date', { startDate: '2026-02-30' }, 'startDate'],
    ['an unpadded date', { endDate: '2026-3-10' }, 'endDate'],
    ['a type code that cannot be one', { type: 'Annual Leave' }, 'type'],
    ['an unknown half', { startHalf: 'noon' }, 'startHalf'],
    ['a missing reason', { reason: undefined }, 'reason'],
    ['a reason over 500 characters', { reason: 'x'.repeat(501) }, 'reason'],
    ['an id with a space', { id: 'leave 1' }, 'id'],
    ['an empty id', { id: '' }, 'id'],
    ['a numeric date', { startDate: 20260309 }, 'startDate'],
    ['an attachment with a bad hash', { attachments: [{ sha256: 'xyz', name: 'a.pdf', mediaType: 'application/pdf', size: 1 }] }, 'attachments.0.sha256'],
    ['more than 10 attachments', { attachments: Array.from({ length: 11 }, () => ({ sha256: 'a'.repeat(64), name: 'a.pdf', mediaType: 'application/pdf', size: 1 })) }, 'attachments'],
  ])('bad arguments: %s (validation.invalid)', async (_name, overrides, field) => {
    await expectRejected(await agency(), 'chenjing', 'leave.submit', submitArgs(overrides), 'validation.invalid', { field });
  });

  it.each([null, 'leave', [], 42])('arguments that are not an object: %j (validation.invalid)', async (args) => {
    await expectRejected(await agency(), 'chenjing', 'leave.submit', args, 'validation.invalid');
  });

  it('an inactive actor, or one missing from the directory (auth.forbidden)', async () => {
    await expectRejected(await agency({ chenjing: { active: false } }), 'chenjing', 'leave.submit', submitArgs(), 'auth.forbidden');
    await expectRejected(await agency(), 'nobody', 'leave.submit', submitArgs(), 'auth.forbidden');
  });
});

describe('runMutator', () => {
  it.each(['leave.delete', '', 'toString', 'constructor', '__proto__', 'LEAVE.SUBMIT'])('refuses an unknown name %j (mutation.unknown)', async (name) => {
    await expectRejected(await agency(), 'chenjing', name, submitArgs(), 'mutation.unknown', { name });
  });

  it('knows exactly the registered mutators', () => {
    expect([...MUTATOR_NAMES].sort()).toEqual([
      'approval.decide',
      'calendar.saveYear',
      'calendar.setDay',
      'claim.decide',
      'claim.markPaid',
      'claim.submit',
      'claim.withdraw',
      'delegation.end',
      'delegation.set',
      'form.archive',
      'form.edit',
      'form.publish',
      'leave.cancel',
      'leave.reportBack',
      'leave.submit',
      'leave.withdraw',
      'leaveType.save',
      'ledger.adjust',
      'ledger.allocateYear',
      'meeting.cancel',
      'meeting.issue',
      'meeting.remind',
      'meeting.reply',
      'meeting.update',
      'policy.saveRule',
      'travel.decide',
      'travel.submit',
      'travel.withdraw',
      'travelStandards.save',
    ]);
    for (const name of MUTATOR_NAMES) expect(isMutatorName(name)).toBe(true);
    expect(isMutatorName('hasOwnProperty')).toBe(false);
  });
});
