// Business trips (出差申请) by the shared mutators over the demo agency, with the example travel
// standards in force as 'travel-standards' and the default trip routes of server/seed/system.ts.
// The agency is in Guangdong: 广州 and 深圳 are in the province, 北京 is not.
import { afterEach, describe, expect, it } from 'vitest';
import type { ApprovalRule, PolicyStep } from '../../../../shared/domain/policy';
import type { TravelStandards } from '../../../../shared/domain/travelStandards';
import { STANDARDS_ID } from '../../../../shared/mutators/travel';
import type { MemoryDocTx } from '../../../support/memoryDocTx';
import { expectAllWritesValid, expectRejected, NOW, patch, run, travelAgency } from './helpers';

afterEach(() => {
  expectAllWritesValid();
});

const T1 = '2026-03-02T02:00:00.000Z';
const T2 = '2026-03-02T03:00:00.000Z';

type LegInput = { fromCity: string; toCity: string; date: string; mode: string; travelClass: string };
const leg = (fromCity: string, toCity: string, date: string, mode = 'train', travelClass = 'second'): LegInput => ({ fromCity, toCity, date, mode, travelClass });

/** 广州 → 北京 on Monday 9 March, back on Thursday 12 March, by second class train. */
function tripArgs(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: 'trip-1',
    purpose: '赴国家部委汇报政务服务改革工作',
    legs: [leg('广州', '北京', '2026-03-09'), leg('北京', '广州', '2026-03-12')],
    companionIds: [],
    estimates: [
      { category: 'transport', amountFen: 180_000 },
      { category: 'lodging', amountFen: 150_000 },
    ],
    advanceFen: 100_000,
    ...overrides,
  };
}

function tripOf(tx: MemoryDocTx, id = 'trip-1') {
  const doc = tx.peek('travelRequests', id);
  if (!doc) throw new Error(`no trip ${id}`);
  return doc;
}

const decision = (d: 'approve' | 'reject', comment = '', revision?: number, id = 'trip-1') => ({ id, decision: d, comment, ...(revision === undefined ? {} : { revision }) });

/** chenjing reports to sunlei (业务处, headed by liuyang, under zhangwei): every level is a different person. */
const chenjingUnderSunlei = { chenjing: { managerId: 'sunlei' } };

describe('travel.submit', () => {
  it('stores the trip with its dates, days, estimate and advance, pending on the manager', async () => {
    const tx = await travelAgency();
    await run(tx, 'wangqiang', 'travel.submit', tripArgs({ purpose: '  赴国家部委汇报工作  ' }));
    expect(tripOf(tx)).toMatchObject({
      requesterId: 'wangqiang',
      departmentId: 'general',
      purpose: '赴国家部委汇报工作',
      startDate: '2026-03-09',
      endDate: '2026-03-12',
      tripDays: 4,
      workingDays: 4,
      destinationScope: 'out_of_province',
      estimatedFen: 330_000,
      advanceFen: 100_000,
      status: 'pending',
      ruleId: 'travel-out',
      pendingApproverIds: ['lina'],
      revision: 1,
      history: [{ at: NOW, actorId: 'wangqiang', action: 'submitted', comment: null }],
    });
  });

  it('requires a purpose', async () => {
    const tx = await travelAgency();
    await expectRejected(tx, 'wangqiang', 'travel.submit', tripArgs({ purpose: '   ' }), 'travel.purpose_required');
  });

  it('refuses legs out of date order', async () => {
    const tx = await travelAgency();
    await expectRejected(tx, 'wangqiang', 'travel.submit', tripArgs({ legs: [leg('广州', '北京', '2026-03-12'), leg('北京', '广州', '2026-03-09')] }), 'travel.invalid_itinerary');
  });

  it('refuses a leg that does not leave from where the previous one arrived, naming both cities', async () => {
    const tx = await travelAgency();
    const legs = [leg('广州', '北京', '2026-03-09'), leg('北京', '杭州', '2026-03-11'), leg('上海', '广州', '2026-03-13')];
    await expectRejected(tx, 'wangqiang', 'travel.submit', tripArgs({ legs }), 'travel.legs_not_continuous', { leg: 3, from: '上海', to: '杭州' });
    expect(tx.peek('travelRequests', 'trip-1')).toBeUndefined();
  });

  it('takes the same city written with spaces, a trailing 市 or another case as continuous', async () => {
    const tx = await travelAgency();
    const legs = [leg('Guangzhou', 'Beijing ', '2026-03-09', 'plane', 'economy'), leg(' beijing', '深圳市', '2026-03-11'), leg('深圳', 'GUANGZHOU', '2026-03-12')];
    await run(tx, 'wangqiang', 'travel.submit', tripArgs({ legs }));
    expect(tripOf(tx).legs.map((l) => [l.fromCity, l.toCity])).toEqual([
      ['Guangzhou', 'Beijing'],
      ['beijing', '深圳市'],
      ['深圳', 'GUANGZHOU'],
    ]);
  });

  it('refuses a class the rank may not use, naming the mode and class', async () => {
    const tx = await travelAgency();
    // wangqiang (rank 5) is in the 'other' band: economy by plane, second class by train.
    await expectRejected(tx, 'wangqiang', 'travel.submit', tripArgs({ legs: [leg('广州', '北京', '2026-03-09', 'plane', 'business'), leg('北京', '广州', '2026-03-12', 'plane', 'economy')] }), 'travel.class_not_allowed', {
      mode: 'plane',
      class: 'business',
    });
    await expectRejected(tx, 'wangqiang', 'travel.submit', tripArgs({ legs: [leg('广州', '北京', '2026-03-09', 'train', 'first'), leg('北京', '广州', '2026-03-12')] }), 'travel.class_not_allowed', {
      mode: 'train',
      class: 'first',
    });
    // At rank 12 ('senior') lina may take the first class train.
    patch(tx, 'users', 'lina', { rank: 12 });
    await run(tx, 'lina', 'travel.submit', tripArgs({ id: 'trip-2', legs: [leg('广州', '北京', '2026-03-09', 'train', 'first'), leg('北京', '广州', '2026-03-12', 'plane', 'economy')] }));
    expect(tripOf(tx, 'trip-2').status).toBe('pending');
  });

  it('refuses a companion who is unknown, inactive or the requester, and keeps valid ones once', async () => {
    const tx = await travelAgency({ sunlei: { active: false } });
    await expectRejected(tx, 'wangqiang', 'travel.submit', tripArgs({ companionIds: ['nobody'] }), 'travel.invalid_companion');
    await expectRejected(tx, 'wangqiang', 'travel.submit', tripArgs({ companionIds: ['sunlei'] }), 'travel.invalid_companion');
    await expectRejected(tx, 'wangqiang', 'travel.submit', tripArgs({ companionIds: ['zhaomin', 'wangqiang'] }), 'travel.invalid_companion');
    await run(tx, 'wangqiang', 'travel.submit', tripArgs({ companionIds: ['zhaomin', 'zhaomin'] }));
    expect(tripOf(tx).companionIds).toEqual(['zhaomin']);
    // The companion finds the trip by the index the client and the server read.
    expect((await tx.find('travelRequests', 'companionIds', 'zhaomin')).map((t) => t.id)).toEqual(['trip-1']);
  });

  it('refuses an advance larger than the estimate, and accepts one equal to it', async () => {
    const tx = await travelAgency();
    await expectRejected(tx, 'wangqiang', 'travel.submit', tripArgs({ advanceFen: 330_001 }), 'travel.advance_too_high');
    await expectRejected(tx, 'wangqiang', 'travel.submit', tripArgs({ estimates: [], advanceFen: 1 }), 'travel.advance_too_high');
    await run(tx, 'wangqiang', 'travel.submit', tripArgs({ advanceFen: 330_000 }));
    expect(tripOf(tx).advanceFen).toBe(330_000);
  });

  it('counts calendar days and working days by the official calendar across National Day', async () => {
    const tx = await travelAgency();
    // Wednesday 30 September to Saturday 10 October 2026: 1 to 7 October are the holiday and
    // Saturday 10 October is a working day in lieu, so 30 Sep, 8, 9 and 10 Oct are worked.
    await run(tx, 'wangqiang', 'travel.submit', tripArgs({ legs: [leg('广州', '深圳', '2026-09-30'), leg('深圳', '广州', '2026-10-10')] }));
    expect(tripOf(tx)).toMatchObject({ startDate: '2026-09-30', endDate: '2026-10-10', tripDays: 11, workingDays: 4 });
  });

  it('routes a trip within the province to the manager only', async () => {
    const tx = await travelAgency(chenjingUnderSunlei);
    await run(tx, 'chenjing', 'travel.submit', tripArgs({ legs: [leg('广州', '深圳', '2026-03-09'), leg('深圳市', '广州', '2026-03-10')] }));
    const trip = tripOf(tx);
    expect({ scope: trip.destinationScope, rule: trip.ruleId, route: trip.steps.map((s) => s.approverIds) }).toEqual({ scope: 'in_province', rule: 'travel-default', route: [['sunlei']] });
  });

  it('routes a trip out of the province to the manager, then the department head', async () => {
    const tx = await travelAgency(chenjingUnderSunlei);
    await run(tx, 'chenjing', 'travel.submit', tripArgs());
    const trip = tripOf(tx);
    expect({ scope: trip.destinationScope, rule: trip.ruleId, route: trip.steps.map((s) => s.approverIds) }).toEqual({ scope: 'out_of_province', rule: 'travel-out', route: [['sunlei'], ['liuyang']] });
    expect(trip.pendingApproverIds).toEqual(['sunlei']);
  });

  it('routes a trip abroad to the manager, the department head and the head above', async () => {
    const tx = await travelAgency(chenjingUnderSunlei);
    // The example standards list no foreign region: finance adds one.
    const std = tx.peek('travelStandards', STANDARDS_ID) as TravelStandards;
    const singapore = { id: 'singapore', name: '新加坡', province: 'SG', abroad: true, cities: ['新加坡'], lodgingCapFen: { senior: 150_000, other: 120_000 }, mealFenPerDay: 30_000, localTransportFenPerDay: 10_000 };
    tx.seedDoc('travelStandards', { ...std, regions: [...std.regions, singapore] });
    await run(tx, 'chenjing', 'travel.submit', tripArgs({ legs: [leg('广州', '北京', '2026-03-09'), leg('北京', '新加坡', '2026-03-10', 'plane', 'economy'), leg('新加坡', '广州', '2026-03-13', 'plane', 'economy')] }));
    const trip = tripOf(tx);
    expect({ scope: trip.destinationScope, rule: trip.ruleId, route: trip.steps.map((s) => s.approverIds) }).toEqual({
      scope: 'abroad',
      rule: 'travel-abroad',
      route: [['sunlei'], ['liuyang'], ['zhangwei']],
    });
  });

  it('refuses an id already used', async () => {
    const tx = await travelAgency();
    await run(tx, 'wangqiang', 'travel.submit', tripArgs());
    await expectRejected(tx, 'zhaomin', 'travel.submit', tripArgs(), 'leave.already_exists');
  });
});

describe('travel.withdraw', () => {
  it('lets the requester withdraw a pending trip: nobody has to act on it any more', async () => {
    const tx = await travelAgency(chenjingUnderSunlei);
    await run(tx, 'chenjing', 'travel.submit', tripArgs());
    await run(tx, 'chenjing', 'travel.withdraw', { id: 'trip-1' }, T1);
    const trip = tripOf(tx);
    expect(trip).toMatchObject({ status: 'withdrawn', pendingApproverIds: [], revision: 2, updatedAt: T1 });
    expect(trip.steps.map((s) => s.status)).toEqual(['skipped', 'skipped']);
    expect(trip.history.at(-1)).toEqual({ at: T1, actorId: 'chenjing', action: 'withdrawn', comment: null });
    expect(await tx.find('travelRequests', 'pendingApproverIds', 'sunlei')).toEqual([]);
  });

  it('refuses someone else, an unknown trip and a trip already decided', async () => {
    const tx = await travelAgency();
    await run(tx, 'wangqiang', 'travel.submit', tripArgs());
    await expectRejected(tx, 'lina', 'travel.withdraw', { id: 'trip-1' }, 'travel.not_yours');
    await expectRejected(tx, 'wangqiang', 'travel.withdraw', { id: 'trip-9' }, 'travel.not_found');
    await run(tx, 'lina', 'travel.decide', decision('approve'));
    await expectRejected(tx, 'wangqiang', 'travel.withdraw', { id: 'trip-1' }, 'travel.not_withdrawable', { status: 'approved' });
  });
});

/** A rule before the defaults that routes every trip through `steps`. */
function routeTripsBy(tx: MemoryDocTx, ...steps: PolicyStep[]): void {
  const rule: ApprovalRule = {
    id: 'test-trip-rule',
    scope: 'travel',
    name: 'test',
    order: 1,
    active: true,
    conditions: { leaveTypes: [], minDays: null, maxDays: null, minRank: null, maxRank: null, departmentIds: [], destinationScopes: [], minAmountFen: null, maxAmountFen: null, categories: [] },
    steps,
    updatedAt: NOW,
    updatedBy: null,
  };
  tx.seedDoc('approvalRules', rule);
}

describe('travel.decide', () => {
  it('moves an out-of-province trip from the manager to the department head, then approves it', async () => {
    const tx = await travelAgency(chenjingUnderSunlei);
    await run(tx, 'chenjing', 'travel.submit', tripArgs());
    await run(tx, 'sunlei', 'travel.decide', decision('approve', '同意'), T1);
    expect(tripOf(tx)).toMatchObject({ status: 'pending', pendingApproverIds: ['liuyang'] });
    await expectRejected(tx, 'sunlei', 'travel.decide', decision('approve'), 'approval.step_changed', { by: '孙磊' });
    await run(tx, 'liuyang', 'travel.decide', decision('approve'), T2);
    const trip = tripOf(tx);
    expect(trip).toMatchObject({ status: 'approved', pendingApproverIds: [], updatedAt: T2 });
    expect(trip.steps.map((s) => s.status)).toEqual(['approved', 'approved']);
    expect(trip.history.map((h) => [h.actorId, h.action, h.comment])).toEqual([
      ['chenjing', 'submitted', null],
      ['sunlei', 'approved', '同意'],
      ['liuyang', 'approved', null],
    ]);
  });

  it('rejects with a comment (required), skipping the steps after', async () => {
    const tx = await travelAgency(chenjingUnderSunlei);
    await run(tx, 'chenjing', 'travel.submit', tripArgs());
    await expectRejected(tx, 'sunlei', 'travel.decide', decision('reject', '  '), 'approval.comment_required');
    await run(tx, 'sunlei', 'travel.decide', decision('reject', '请改为视频会议'), T1);
    const trip = tripOf(tx);
    expect(trip).toMatchObject({ status: 'rejected', pendingApproverIds: [] });
    expect(trip.steps.map((s) => s.status)).toEqual(['rejected', 'skipped']);
  });

  it('refuses someone whose turn it is not, the requester included', async () => {
    const tx = await travelAgency(chenjingUnderSunlei);
    await run(tx, 'chenjing', 'travel.submit', tripArgs());
    await expectRejected(tx, 'liuyang', 'travel.decide', decision('approve'), 'approval.not_your_turn');
    await expectRejected(tx, 'chenjing', 'travel.decide', decision('approve'), 'approval.not_your_turn');
    await expectRejected(tx, 'sunlei', 'travel.decide', decision('approve', '', 1, 'trip-9'), 'travel.not_found');
  });

  it('an any-of step is done with one approval; the other approver is told who decided', async () => {
    const tx = await travelAgency();
    routeTripsBy(tx, { kind: 'person', role: null, userIds: ['yangfan', 'zhouting'], mode: 'any' });
    await run(tx, 'wangqiang', 'travel.submit', tripArgs());
    expect(tripOf(tx).pendingApproverIds).toEqual(['yangfan', 'zhouting']);
    await run(tx, 'zhouting', 'travel.decide', decision('approve'), T1);
    expect(tripOf(tx)).toMatchObject({ status: 'approved', pendingApproverIds: [] });
    await expectRejected(tx, 'yangfan', 'travel.decide', decision('approve'), 'approval.step_changed', { by: '周婷' });
  });

  it('refuses a decision taken on an older revision, and one on a withdrawn trip', async () => {
    const tx = await travelAgency();
    await run(tx, 'wangqiang', 'travel.submit', tripArgs());
    await expectRejected(tx, 'lina', 'travel.decide', decision('approve', '', 2), 'approval.request_changed', { change: 'submitted' });
    await run(tx, 'wangqiang', 'travel.withdraw', { id: 'trip-1' }, T1);
    // The approver's screen still showed revision 1.
    await expectRejected(tx, 'lina', 'travel.decide', decision('approve', '', 1), 'approval.withdrawn');
    expect(tripOf(tx).status).toBe('withdrawn');
  });

  it('lets an acting approver decide on the approver\'s behalf, and says so', async () => {
    const tx = await travelAgency();
    await run(tx, 'lina', 'delegation.set', { id: 'd1', kind: 'manual', toUserId: 'zhaomin', startDate: '2026-03-02', endDate: '2026-03-06', note: '出差期间' });
    await run(tx, 'wangqiang', 'travel.submit', tripArgs());
    expect(tripOf(tx).pendingApproverIds).toEqual(['lina', 'zhaomin']);
    await run(tx, 'zhaomin', 'travel.decide', decision('approve', '代为审批'), T1);
    const trip = tripOf(tx);
    expect(trip.status).toBe('approved');
    expect(trip.steps[0]?.decisions).toEqual([{ approverId: 'lina', byId: 'zhaomin', decision: 'approved', at: T1, comment: '代为审批' }]);
    expect(trip.history.at(-1)).toEqual({ at: T1, actorId: 'zhaomin', action: 'approved', comment: '代为审批', onBehalfOfId: 'lina' });
  });

  it('does not let an acting approver act once the delegation has ended', async () => {
    const tx = await travelAgency();
    await run(tx, 'lina', 'delegation.set', { id: 'd1', kind: 'manual', toUserId: 'zhaomin', startDate: '2026-03-02', endDate: '2026-03-06', note: '' });
    await run(tx, 'wangqiang', 'travel.submit', tripArgs());
    await expectRejected(tx, 'zhaomin', 'travel.decide', decision('approve'), 'approval.not_your_turn', undefined, '2026-03-09T02:00:00.000Z');
  });
});
