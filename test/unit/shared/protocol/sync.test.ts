import { COLLECTION_NAMES } from '../../../../shared/mutators/types';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import type { LeaveRequest } from '../../../../shared/domain/leave';
import { changeSchema, MAX_PUSH_BATCH, pullRequestSchema, pullResponseSchema, pushRequestSchema, pushResponseSchema, SCHEMA_VERSION } from '../../../../shared/protocol/sync';
import { demoDepartments, demoUser } from '../fixtures/demoAgency';
import { makeLeave } from '../../../support/leaveFixture';

const mutation = (id: number) => ({ id, name: 'leave.withdraw', args: { id: 'leave-1' }, clientTime: '2026-03-02T09:00:00+08:00' });
const push = (overrides: Record<string, unknown> = {}) => ({ schemaVersion: SCHEMA_VERSION, clientId: 'client-0001', mutations: [mutation(1)], ...overrides });

const leave: LeaveRequest = makeLeave('chenjing', ['liuyang']);

const pulled = (changes: unknown[]) => ({ ok: true, reset: false, changes, cursor: 12, scope: 0, more: false, lastMutationId: 3 });

describe('pushRequestSchema', () => {
  it('accepts a well-formed batch, up to the limit', () => {
    expect(pushRequestSchema.safeParse(push()).success).toBe(true);
    const full = Array.from({ length: MAX_PUSH_BATCH }, (_, i) => mutation(i + 1));
    expect(pushRequestSchema.safeParse(push({ mutations: full })).success).toBe(true);
  });

  it('refuses an empty batch', () => {
    expect(pushRequestSchema.safeParse(push({ mutations: [] })).success).toBe(false);
  });

  it(`refuses more than ${MAX_PUSH_BATCH} mutations`, () => {
    const tooMany = Array.from({ length: MAX_PUSH_BATCH + 1 }, (_, i) => mutation(i + 1));
    expect(pushRequestSchema.safeParse(push({ mutations: tooMany })).success).toBe(false);
  });

  it.each([
    ['a fractional id', 1.5],
    ['a zero id', 0],
    ['a negative id', -1],
    ['a string id', '1'],
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
  ])('refuses a mutation with %s', (_name, id) => {
    expect(pushRequestSchema.safeParse(push({ mutations: [mutation(id as number)] })).success).toBe(false);
  });

  it.each([
    ['too short', 'abc'],
    ['too long', 'x'.repeat(65)],
    ['with a slash', 'client/0001'],
    ['with a space', 'client 0001'],
    ['empty', ''],
    ['not a string', 12345678],
  ])('refuses a client id %s', (_name, clientId) => {
    expect(pushRequestSchema.safeParse(push({ clientId })).success).toBe(false);
  });

  it('refuses a missing schema version, an empty mutation name and a clientTime that is not an instant', () => {
    expect(pushRequestSchema.safeParse(push({ schemaVersion: undefined })).success).toBe(false);
    expect(pushRequestSchema.safeParse(push({ mutations: [{ ...mutation(1), name: '' }] })).success).toBe(false);
    expect(pushRequestSchema.safeParse(push({ mutations: [{ ...mutation(1), clientTime: 'yesterday' }] })).success).toBe(false);
  });
});

describe('pushResponseSchema', () => {
  it('accepts results with a known reason code and refuses an unknown one', () => {
    const ok = { ok: true, lastMutationId: 2, results: [{ id: 1, status: 'applied' }, { id: 2, status: 'rejected', reason: { code: 'leave.not_yours' } }] };
    const parsed = pushResponseSchema.safeParse(ok);
    expect(parsed.success).toBe(true);
    const second = parsed.success && parsed.data.ok ? parsed.data.results[1] : undefined;
    expect(second?.reason?.params).toEqual({});
    const bad = { ...ok, results: [{ id: 1, status: 'rejected', reason: { code: 'leave.whatever' } }] };
    expect(pushResponseSchema.safeParse(bad).success).toBe(false);
  });

  it('accepts a gap error with the last id the server has', () => {
    expect(pushResponseSchema.safeParse({ ok: false, error: 'sync.gap', lastMutationId: 4 }).success).toBe(true);
    expect(pushResponseSchema.safeParse({ ok: false, error: 'sync.whatever' }).success).toBe(false);
  });
});

describe('pullRequestSchema', () => {
  it('refuses a negative or fractional cursor', () => {
    const req = { schemaVersion: SCHEMA_VERSION, clientId: 'client-0001', cursor: 0, scope: 0 };
    expect(pullRequestSchema.safeParse(req).success).toBe(true);
    expect(pullRequestSchema.safeParse({ ...req, cursor: -1 }).success).toBe(false);
    expect(pullRequestSchema.safeParse({ ...req, cursor: 1.5 }).success).toBe(false);
  });
});

describe('pullResponseSchema and changeSchema', () => {
  it('accepts a page with documents of every collection and a tombstone', () => {
    const page = pulled([
      { c: 'users', id: 'chenjing', doc: demoUser('chenjing') },
      { c: 'departments', id: 'business', doc: demoDepartments[2] },
      { c: 'leaveRequests', id: 'leave-1', doc: leave },
      { c: 'leaveRequests', id: 'leave-0', deleted: true },
    ]);
    const parsed = pullResponseSchema.safeParse(page);
    expect(parsed.error?.issues ?? []).toEqual([]);
    expect(parsed.success && parsed.data.ok ? parsed.data.changes[3] : null).toEqual({ c: 'leaveRequests', id: 'leave-0', deleted: true });
  });

  it('has a document schema for every collection the server may send (a missing one stops every pull)', () => {
    const known = changeSchema.options.flatMap((option) => {
      const c: unknown = option.shape.c;
      return c instanceof z.ZodLiteral ? [String(c.value)] : [];
    });
    expect(known.sort()).toEqual([...COLLECTION_NAMES].sort());
  });

  it('accepts an upgrade-required error', () => {
    expect(pullResponseSchema.safeParse({ ok: false, error: 'sync.upgrade_required' }).success).toBe(true);
  });

  it('refuses a tombstone of an unknown collection or with deleted: false', () => {
    expect(changeSchema.safeParse({ c: 'secrets', id: 'x', deleted: true }).success).toBe(false);
    expect(changeSchema.safeParse({ c: 'leaveRequests', id: 'leave-1', deleted: false }).success).toBe(false);
  });

  it.each(['status', 'steps', 'requesterId', 'days', 'history', 'pendingApproverIds', 'revision'] as const)('refuses a leave request missing %s', (field) => {
    const doc: Record<string, unknown> = { ...leave };
    delete doc[field];
    expect(changeSchema.safeParse({ c: 'leaveRequests', id: 'leave-1', doc }).success).toBe(false);
  });

  it('refuses a leave request with no steps, an impossible date or a negative length', () => {
    for (const bad of [{ steps: [] }, { endDate: '2026-02-30' }, { days: -1 }, { days: 0.3 }, { status: 'archived' }]) {
      expect(changeSchema.safeParse({ c: 'leaveRequests', id: 'leave-1', doc: { ...leave, ...bad } }).success, JSON.stringify(bad)).toBe(false);
    }
  });

  it('refuses a document filed under the wrong collection', () => {
    expect(changeSchema.safeParse({ c: 'users', id: 'leave-1', doc: leave }).success).toBe(false);
  });
});
