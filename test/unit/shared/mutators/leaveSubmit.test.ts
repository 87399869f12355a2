import { afterEach, describe, expect, it } from 'vitest';
import { isMutatorName, MUTATOR_NAMES } from '../../../../shared/mutators';
import { MAX_REQUEST_CALENDAR_DAYS } from '../../../../shared/mutators/leave';
import { agency, expectAllWritesValid, expectRejected, leaveOf, NOW, run, submitArgs } from './helpers';

afterEach(() => {
  expectAllWritesValid();
});

describe('leave.submit', () => {
  it('creates a pending request for the actor, waiting on their manager', async () => {
    const tx = agency();
    await run(tx, 'chenjing', 'leave.submit', submitArgs({ reason: '  Family visit \n' }));
    expect(leaveOf(tx)).toEqual({
      id: 'leave-1',
      requesterId: 'chenjing',
      departmentId: 'business',
      type: 'annual',
      startDate: '2026-03-09',
      startHalf: 'am',
      endDate: '2026-03-10',
      endHalf: 'pm',
      days: 2,
      reason: 'Family visit',
      status: 'pending',
      steps: [{ approverId: 'liuyang', role: 'manager', status: 'pending', decidedAt: null, comment: null }],
      pendingApproverId: 'liuyang',
      history: [{ at: NOW, actorId: 'chenjing', action: 'submitted', comment: null }],
      createdAt: NOW,
      updatedAt: NOW,
    });
    expect(tx.writes).toHaveLength(1);
  });

  it('plans two steps for a long request, the second waiting', async () => {
    const tx = agency({ chenjing: { managerId: 'sunlei' } });
    await run(tx, 'chenjing', 'leave.submit', submitArgs({ endDate: '2026-03-12', endHalf: 'am' }));
    const leave = leaveOf(tx);
    expect(leave.days).toBe(3.5);
    expect(leave.steps.map((s) => [s.approverId, s.role, s.status])).toEqual([
      ['sunlei', 'manager', 'pending'],
      ['liuyang', 'department_head', 'waiting'],
    ]);
    expect(leave.pendingApproverId).toBe('sunlei');
  });

  it('counts half days and skips the weekend', async () => {
    const tx = agency();
    // Friday 6 March from noon to Monday 9 March at noon: one working day.
    await run(tx, 'wangqiang', 'leave.submit', submitArgs({ startDate: '2026-03-06', startHalf: 'pm', endDate: '2026-03-09', endHalf: 'am' }));
    expect(leaveOf(tx).days).toBe(1);
  });

  it('takes the requester from the session, never from the arguments', async () => {
    const tx = agency();
    await run(tx, 'sunlei', 'leave.submit', { ...submitArgs(), requesterId: 'lina', departmentId: 'general', status: 'approved', days: 0.5 });
    const leave = leaveOf(tx);
    expect(leave.requesterId).toBe('sunlei');
    expect(leave.departmentId).toBe('business');
    expect(leave.status).toBe('pending');
    expect(leave.days).toBe(2);
  });

  it(`accepts a span of exactly ${MAX_REQUEST_CALENDAR_DAYS} calendar days`, async () => {
    const tx = agency();
    // 2026-03-02 .. 2027-03-02 inclusive is 366 calendar days: 262 weekdays, less the 11 weekday
    // holidays of 2026 after 2 March (清明 1, 劳动节 3, 端午 1, 中秋 1, 国庆 5), plus the 3
    // adjusted working weekend days (9 May, 20 September, 10 October).
    await run(tx, 'chenjing', 'leave.submit', submitArgs({ type: 'maternity', startDate: '2026-03-02', endDate: '2027-03-02' }));
    expect(leaveOf(tx).days).toBe(254);
  });

  it('counts days on the official calendar: the Spring Festival is not leave, its adjusted Saturday is', async () => {
    const tx = agency();
    await run(tx, 'chenjing', 'leave.submit', submitArgs({ startDate: '2026-02-13', endDate: '2026-02-27' }));
    expect(leaveOf(tx).days).toBe(6);
    // Six working days: more than the manager's limit, so the department head approves too.
    expect(leaveOf(tx).steps.map((st) => st.role)).toEqual(['department_head']);
  });

  it('refuses a request that falls entirely on statutory holidays', async () => {
    await expectRejected(agency(), 'chenjing', 'leave.submit', submitArgs({ startDate: '2026-10-01', endDate: '2026-10-07' }), 'leave.no_working_days');
  });

  it('keeps requests of different people apart', async () => {
    const tx = agency();
    await run(tx, 'chenjing', 'leave.submit', submitArgs({ id: 'a' }));
    await run(tx, 'wangqiang', 'leave.submit', submitArgs({ id: 'b' }));
    expect(leaveOf(tx, 'a').pendingApproverId).toBe('liuyang');
    expect(leaveOf(tx, 'b').pendingApproverId).toBe('lina');
    expect((await tx.find('leaveRequests', 'pendingApproverId', 'lina')).map((l) => l.id)).toEqual(['b']);
  });
});

describe('leave.submit refuses', () => {
  it('an end before the start, and the afternoon-until-noon of one day (leave.invalid_span)', async () => {
    const tx = agency();
    await expectRejected(tx, 'chenjing', 'leave.submit', submitArgs({ startDate: '2026-03-10', endDate: '2026-03-09' }), 'leave.invalid_span');
    await expectRejected(tx, 'chenjing', 'leave.submit', submitArgs({ endDate: '2026-03-09', startHalf: 'pm', endHalf: 'am' }), 'leave.invalid_span');
  });

  it('a span with no working day in it (leave.no_working_days)', async () => {
    const tx = agency();
    await expectRejected(tx, 'chenjing', 'leave.submit', submitArgs({ startDate: '2026-03-07', endDate: '2026-03-08' }), 'leave.no_working_days');
    await expectRejected(tx, 'chenjing', 'leave.submit', submitArgs({ startDate: '2026-03-07', endDate: '2026-03-07', endHalf: 'am' }), 'leave.no_working_days');
  });

  it.each(['', '   ', '\n\t '])('a blank reason %j (leave.reason_required)', async (reason) => {
    await expectRejected(agency(), 'chenjing', 'leave.submit', submitArgs({ reason }), 'leave.reason_required');
  });

  it(`more than ${MAX_REQUEST_CALENDAR_DAYS} calendar days (leave.too_long)`, async () => {
    const tx = agency();
    await expectRejected(tx, 'chenjing', 'leave.submit', submitArgs({ startDate: '2026-03-02', endDate: '2027-03-03' }), 'leave.too_long', { max: MAX_REQUEST_CALENDAR_DAYS });
    await expectRejected(tx, 'chenjing', 'leave.submit', submitArgs({ startDate: '2026-01-01', endDate: '2029-12-31' }), 'leave.too_long', { max: MAX_REQUEST_CALENDAR_DAYS });
  });

  it('an id that already exists, even when someone else sends it (leave.already_exists)', async () => {
    const tx = agency();
    await run(tx, 'chenjing', 'leave.submit', submitArgs());
    await expectRejected(tx, 'chenjing', 'leave.submit', submitArgs({ reason: 'again' }), 'leave.already_exists');
    await expectRejected(tx, 'wangqiang', 'leave.submit', submitArgs({ reason: 'mine now' }), 'leave.already_exists');
    expect(leaveOf(tx).requesterId).toBe('chenjing');
    expect(leaveOf(tx).reason).toBe('Family visit');
  });

  it('the director, whom nobody above can approve (leave.no_approver)', async () => {
    await expectRejected(agency(), 'zhangwei', 'leave.submit', submitArgs(), 'leave.no_approver');
  });

  it('a staff member whose whole management line is inactive (leave.no_approver)', async () => {
    await expectRejected(agency({ liuyang: { active: false }, zhangwei: { active: false } }), 'chenjing', 'leave.submit', submitArgs(), 'leave.no_approver');
  });

  it.each([
    ['an impossible date', { startDate: '2026-02-30' }, 'startDate'],
    ['an unpadded date', { endDate: '2026-3-10' }, 'endDate'],
    ['an unknown leave type', { type: 'holiday' }, 'type'],
    ['an unknown half', { startHalf: 'noon' }, 'startHalf'],
    ['a missing reason', { reason: undefined }, 'reason'],
    ['a reason over 500 characters', { reason: 'x'.repeat(501) }, 'reason'],
    ['an id with a space', { id: 'leave 1' }, 'id'],
    ['an empty id', { id: '' }, 'id'],
    ['a numeric date', { startDate: 20260309 }, 'startDate'],
  ])('bad arguments: %s (validation.invalid)', async (_name, overrides, field) => {
    await expectRejected(agency(), 'chenjing', 'leave.submit', submitArgs(overrides), 'validation.invalid', { field });
  });

  it.each([null, 'leave', [], 42])('arguments that are not an object: %j (validation.invalid)', async (args) => {
    await expectRejected(agency(), 'chenjing', 'leave.submit', args, 'validation.invalid');
  });

  it('an inactive actor, or one missing from the directory (auth.forbidden)', async () => {
    await expectRejected(agency({ chenjing: { active: false } }), 'chenjing', 'leave.submit', submitArgs(), 'auth.forbidden');
    await expectRejected(agency(), 'nobody', 'leave.submit', submitArgs(), 'auth.forbidden');
  });
});

describe('runMutator', () => {
  it.each(['leave.delete', '', 'toString', 'constructor', '__proto__', 'LEAVE.SUBMIT'])('refuses an unknown name %j (mutation.unknown)', async (name) => {
    await expectRejected(agency(), 'chenjing', name, submitArgs(), 'mutation.unknown', { name });
  });

  it('knows exactly the registered mutators', () => {
    expect([...MUTATOR_NAMES].sort()).toEqual(['approval.decide', 'leave.submit', 'leave.withdraw']);
    for (const name of MUTATOR_NAMES) expect(isMutatorName(name)).toBe(true);
    expect(isMutatorName('hasOwnProperty')).toBe(false);
  });
});
