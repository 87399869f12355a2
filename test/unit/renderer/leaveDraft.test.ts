// The leave form's preview (days, balance, every reason for a refusal) and the dialogs' dry
// runs agree with the mutators they stand in front of: for each draft, the first problem the
// form shows is the reason leave.submit gives, and an accepted draft is counted the same.
import { describe, expect, it } from 'vitest';
import type { LeaveRequest } from '../../../shared/domain/leave';
import { MutationRejected, runMutator } from '../../../shared/mutators';
import { assessDraft, type LeaveDraft } from '../../../renderer/features/leave/draft';
import { dryRun } from '../../../renderer/features/leave/dryRun';
import { actionsFor, previewCancellation, previewReportBack } from '../../../renderer/features/leave/requestActions';
import { planRoute } from '../../../renderer/features/leave/route';
import type { MemoryDocTx } from '../../support/memoryDocTx';
import { makeLeave } from '../../support/leaveFixture';
import { demoTx } from '../shared/fixtures/demoAgency';

/** Monday 2 March 2026, 10:00 in the agency. */
const NOW = '2026-03-02T02:00:00.000Z';
const TODAY = '2026-03-02';

async function agency(): Promise<MemoryDocTx> {
  const tx = demoTx();
  for (const typeId of ['annual', 'home_visit']) await runMutator('ledger.allocateYear', { typeId, year: 2026 }, { tx, actorId: 'zhouting', now: '2026-01-02T01:00:00.000Z' });
  return tx;
}

const SHA = 'a'.repeat(64);

function submitArgs(draft: LeaveDraft, id = 'new-leave') {
  return {
    id,
    type: draft.typeId ?? '',
    startDate: draft.startDate ?? '',
    startHalf: draft.startHalf ?? 'am',
    endDate: draft.endDate ?? '',
    endHalf: draft.endHalf ?? 'pm',
    reason: 'test',
    attachments: Array.from({ length: draft.attachments }, () => ({ sha256: SHA, name: 'note.pdf', mediaType: 'application/pdf', size: 10 })),
  };
}

async function submitOutcome(tx: MemoryDocTx, userId: string, draft: LeaveDraft): Promise<{ code: string } | { days: number }> {
  tx.blobs.add(SHA);
  try {
    await runMutator('leave.submit', submitArgs(draft), { tx, actorId: userId, now: NOW });
  } catch (err) {
    if (err instanceof MutationRejected) return { code: err.code };
    throw err;
  }
  return { days: tx.peek('leaveRequests', 'new-leave')?.days ?? -1 };
}

const draft = (patch: Partial<LeaveDraft>): LeaveDraft => ({ typeId: 'annual', startDate: '2026-03-09', startHalf: 'am', endDate: '2026-03-10', endHalf: 'pm', attachments: 0, ...patch });

describe('assessDraft agrees with leave.submit', () => {
  const cases: Array<[string, Partial<LeaveDraft>, string | null]> = [
    ['two days of annual leave', {}, null],
    ['annual leave beyond the balance (wangqiang has 5 days)', { endDate: '2026-03-18' }, 'leave.insufficient_balance'],
    ['annual leave over the Spring Festival counts only working days', { startDate: '2026-02-13', endDate: '2026-02-25' }, null],
    ['three days of sick leave without a certificate', { typeId: 'sick', endDate: '2026-03-11' }, 'leave.attachment_required'],
    ['three days of sick leave with a certificate', { typeId: 'sick', endDate: '2026-03-11', attachments: 1 }, null],
    ['two days of sick leave need no certificate', { typeId: 'sick' }, null],
    ['marriage leave over its maximum', { typeId: 'marriage', endDate: '2026-03-12', attachments: 1 }, 'leave.over_max'],
    ['a weekend of personal leave', { typeId: 'personal', startDate: '2026-03-07', endDate: '2026-03-08' }, 'leave.no_working_days'],
    ['maternity leave in calendar days needs a certificate', { typeId: 'maternity', startDate: '2026-03-02', endDate: '2026-06-07' }, 'leave.attachment_required'],
    ['an inverted span', { startDate: '2026-03-10', endDate: '2026-03-09' }, 'leave.invalid_span'],
    ['more than a year', { typeId: 'personal', startDate: '2026-01-05', endDate: '2027-01-08' }, 'leave.too_long'],
    ['a type that does not exist', { typeId: 'sabbatical' }, 'leave.unknown_type'],
  ];

  it.each(cases)('%s', async (_name, patch, expected) => {
    const tx = await agency();
    const d = draft(patch);
    const assessment = await assessDraft(tx, 'wangqiang', d, TODAY);
    const outcome = await submitOutcome(tx, 'wangqiang', d);
    if (expected === null) {
      expect(assessment.problems).toEqual([]);
      expect(outcome).toEqual({ days: assessment.days.kind === 'days' ? assessment.days.days : NaN });
    } else {
      expect(assessment.problems[0]?.code).toBe(expected);
      expect(outcome).toEqual({ code: expected });
    }
  });

  it('shows every problem at once, not only the first', async () => {
    const tx = await agency();
    const assessment = await assessDraft(tx, 'wangqiang', draft({ typeId: 'marriage', endDate: '2026-03-12' }), TODAY);
    expect(assessment.problems.map((p) => p.code)).toEqual(['leave.over_max', 'leave.attachment_required']);
    expect(assessment.attachmentRequired).toBe(true);
  });

  it('finds the overlap with the user’s own pending leave', async () => {
    const tx = await agency();
    await runMutator('leave.submit', submitArgs(draft({ startDate: '2026-03-10', endDate: '2026-03-11' }), 'earlier'), { tx, actorId: 'wangqiang', now: NOW });
    const d = draft({ typeId: 'personal', startDate: '2026-03-11', endDate: '2026-03-11' });
    const assessment = await assessDraft(tx, 'wangqiang', d, TODAY);
    expect(assessment.problems).toEqual([{ code: 'leave.overlap', params: { start: '2026-03-10', end: '2026-03-11' } }]);
    expect(await submitOutcome(tx, 'wangqiang', d)).toEqual({ code: 'leave.overlap' });
  });

  it('shows the balance before and after, taking pending requests off', async () => {
    const tx = await agency();
    expect((await assessDraft(tx, 'wangqiang', draft({ startDate: null, endDate: null }), TODAY)).balance).toEqual({ available: 5, remaining: null, allowNegative: false });
    await runMutator('leave.submit', submitArgs(draft({ startDate: '2026-04-01', endDate: '2026-04-01' }), 'earlier'), { tx, actorId: 'wangqiang', now: NOW });
    const assessment = await assessDraft(tx, 'wangqiang', draft({ startHalf: 'pm' }), TODAY);
    expect(assessment.days).toEqual({ kind: 'days', days: 1.5 });
    expect(assessment.balance).toEqual({ available: 4, remaining: 2.5, allowNegative: false });
  });

  it('counts a whole-day type from morning to evening whatever halves the form held', async () => {
    const tx = await agency();
    const assessment = await assessDraft(tx, 'wangqiang', draft({ typeId: 'bereavement', startHalf: 'pm', endHalf: 'am' }), TODAY);
    expect(assessment.span).toMatchObject({ startHalf: 'am', endHalf: 'pm' });
    expect(assessment.days).toEqual({ kind: 'days', days: 2 });
    expect(assessment.balance).toBeNull();
  });

  it('says nothing until a type is chosen', async () => {
    const tx = await agency();
    expect(await assessDraft(tx, 'wangqiang', draft({ typeId: null }), TODAY)).toMatchObject({ type: null, problems: [], days: { kind: 'incomplete' } });
  });
});

describe('planRoute', () => {
  it('routes as leave.submit will, rule and steps', async () => {
    const tx = await agency();
    const short = await planRoute(tx, 'wangqiang', 'annual', 2, TODAY);
    expect(short?.rule?.id).toBe('leave-short');
    expect(short?.steps.map((s) => [s.kind, s.approverIds])).toEqual([['manager', ['lina']]]);

    const family = await planRoute(tx, 'wangqiang', 'marriage', 3, TODAY);
    tx.blobs.add(SHA);
    await runMutator('leave.submit', submitArgs(draft({ typeId: 'marriage', endDate: '2026-03-11', attachments: 1 })), { tx, actorId: 'wangqiang', now: NOW });
    const submitted = tx.peek('leaveRequests', 'new-leave');
    expect(family?.rule?.id).toBe(submitted?.ruleId);
    expect(family?.steps.map((s) => [s.kind, s.role, s.approverIds])).toEqual(submitted?.steps.map((s) => [s.kind, s.role, s.approverIds]));
  });

  it('names the acting approver of someone who delegated, with the delegation for its dates', async () => {
    const tx = await agency();
    await runMutator('delegation.set', { id: 'd1', kind: 'manual', toUserId: 'zhaomin', startDate: '2026-03-05', endDate: '2026-03-20', note: '' }, { tx, actorId: 'lina', now: NOW });
    const route = await planRoute(tx, 'wangqiang', 'annual', 2, TODAY);
    expect(route?.steps[0]?.delegates).toEqual([{ forId: 'lina', toId: 'zhaomin', delegationId: 'd1' }]);
    expect(route?.delegations.get('d1')?.startDate).toBe('2026-03-05');
  });

  it('has nothing to plan for someone not in the directory', async () => {
    expect(await planRoute(await agency(), 'nobody', 'annual', 1, TODAY)).toBeNull();
  });
});

describe('dry runs of the requester’s actions', () => {
  /** wangqiang's annual leave 9–13 March (5 days), approved by lina. */
  async function approvedLeave(): Promise<{ tx: MemoryDocTx; request: LeaveRequest }> {
    const tx = await agency();
    await runMutator('leave.submit', submitArgs(draft({ endDate: '2026-03-13' }), 'leave-a'), { tx, actorId: 'wangqiang', now: NOW });
    await runMutator('approval.decide', { requestId: 'leave-a', decision: 'approve', comment: '' }, { tx, actorId: 'lina', now: NOW });
    const request = tx.peek('leaveRequests', 'leave-a');
    if (!request) throw new Error('not submitted');
    return { tx, request };
  }

  it('report-back: the days taken and given back, exactly as the mutator records them, and nothing written', async () => {
    const { tx, request } = await approvedLeave();
    const later = '2026-03-12T02:00:00.000Z';
    const writes = tx.writes.length;
    const preview = await previewReportBack(tx, request, { returnDate: '2026-03-11', returnHalf: 'pm' }, 'wangqiang', later);
    expect(preview).toEqual({ ok: true, actualDays: 2.5, returnedDays: 2.5 });
    expect(tx.writes.length).toBe(writes);
    await runMutator('leave.reportBack', { id: 'leave-a', returnDate: '2026-03-11', returnHalf: 'pm', comment: '' }, { tx, actorId: 'wangqiang', now: later });
    expect(tx.peek('leaveRequests', 'leave-a')?.reportBack?.actualDays).toBe(2.5);
  });

  it('report-back: a return date in the future or after the leave is refused with the mutator’s reason', async () => {
    const { tx, request } = await approvedLeave();
    const later = '2026-03-12T02:00:00.000Z';
    expect(await previewReportBack(tx, request, { returnDate: '2026-03-13', returnHalf: 'am' }, 'wangqiang', later)).toMatchObject({ ok: false, code: 'leave.report_back_future' });
    const muchLater = '2026-03-20T02:00:00.000Z';
    expect(await previewReportBack(tx, request, { returnDate: '2026-03-17', returnHalf: 'am' }, 'wangqiang', muchLater)).toMatchObject({ ok: false, code: 'leave.report_back_late' });
  });

  it('cancellation: who will decide, or why it cannot be asked', async () => {
    const { tx, request } = await approvedLeave();
    const preview = await previewCancellation(tx, request, 'wangqiang', NOW);
    expect(preview.ok && preview.steps.map((s) => s.approverIds)).toEqual([['lina']]);
    expect(await previewCancellation(tx, request, 'wangqiang', '2026-03-09T02:00:00.000Z')).toMatchObject({ ok: false, code: 'leave.cancel_started' });
  });

  it('a dry run leaves the documents untouched even when the mutator writes', async () => {
    const { tx } = await approvedLeave();
    const before = JSON.stringify(tx.all('leaveRequests'));
    const run = await dryRun(tx, 'leave.cancel', { id: 'leave-a', reason: 'plans changed' }, 'wangqiang', NOW);
    expect(run.ok).toBe(true);
    if (run.ok) expect(run.tx.peek('leaveRequests', 'leave-a')?.cancellation?.status).toBe('pending');
    expect(JSON.stringify(tx.all('leaveRequests'))).toBe(before);
    // And the overlay answers index look-ups with its own writes.
    if (run.ok) expect((await run.tx.find('leaveRequests', 'pendingApproverIds', 'lina')).map((r) => r.id)).toEqual(['leave-a']);
  });
});

describe('actionsFor', () => {
  const base = makeLeave('wangqiang', ['lina'], { startDate: '2026-03-09', endDate: '2026-03-10' });
  const approved: LeaveRequest = { ...base, status: 'approved', pendingApproverIds: [] };

  it('offers withdrawal while pending, cancellation before approved leave starts, report-back once it has', () => {
    expect(actionsFor(base, '2026-03-02')).toEqual({ withdraw: true, cancel: false, reportBack: false });
    expect(actionsFor(approved, '2026-03-08')).toEqual({ withdraw: false, cancel: true, reportBack: false });
    expect(actionsFor(approved, '2026-03-09')).toEqual({ withdraw: false, cancel: false, reportBack: true });
    expect(actionsFor(approved, '2026-04-01')).toEqual({ withdraw: false, cancel: false, reportBack: true });
  });

  it('offers nothing while a cancellation is pending, after report-back, or once final', () => {
    const cancelling: LeaveRequest = { ...approved, cancellation: { reason: 'x', requestedAt: '2026-03-02T02:00:00.000Z', status: 'pending', steps: base.steps } };
    expect(actionsFor(cancelling, '2026-03-02')).toEqual({ withdraw: false, cancel: false, reportBack: false });
    const back: LeaveRequest = { ...approved, reportBack: { returnDate: '2026-03-10', returnHalf: 'am', actualDays: 1, at: '2026-03-10T02:00:00.000Z', comment: null } };
    expect(actionsFor(back, '2026-03-11')).toEqual({ withdraw: false, cancel: false, reportBack: false });
    for (const status of ['rejected', 'withdrawn', 'cancelled'] as const) expect(actionsFor({ ...base, status }, '2026-03-02')).toEqual({ withdraw: false, cancel: false, reportBack: false });
  });
});
