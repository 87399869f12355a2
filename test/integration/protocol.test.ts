// The sync protocol and the sign-in API, spoken directly over socket.io and HTTP: idempotent
// ordered pushes, gap refusal, schema versions, bad input, sessions and throttling.
import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS } from '../support/backends';
import { DEMO_PASSWORD, connectClient, login, startTestServer, waitFor, type TestServer } from '../support/harness';
import { openSocket } from '../support/wire';
import { randomId } from '../../renderer/db';
import { setAccountDisabled } from '../../server/admin/accounts';
import { addDays } from '../../shared/calendar/dates';
import { SCHEMA_VERSION, type PullResponse, type PushResponse } from '../../shared/protocol/sync';

let submits = 0;
/** One day of sick leave, each on a weekday of its own (one person's requests may not overlap). */
const submit = (id: number, docId = randomId()) => {
  const n = submits++;
  const date = addDays('2026-04-13', 7 * Math.floor(n / 5) + (n % 5));
  return {
    id,
    name: 'leave.submit',
    args: { id: docId, type: 'sick', startDate: date, startHalf: 'am', endDate: date, endHalf: 'pm', reason: '发烧' },
    clientTime: new Date().toISOString(),
  };
};

describe.each(BACKENDS)('sync protocol and sessions (%s)', (backend) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(backend);
  });
  afterAll(async () => {
    await server.close();
  });

  const push = (s: Socket, body: unknown) => s.timeout(5000).emitWithAck('sync:push', body) as Promise<PushResponse>;
  const pull = (s: Socket, body: unknown) => s.timeout(5000).emitWithAck('sync:pull', body) as Promise<PullResponse>;
  const count = async (sql: string, params: unknown[] = []) => Number((await server.db.query<{ n: unknown }>(sql, params)).rows[0]?.n);

  it('applies the same push sent twice exactly once, and refuses a gap', async () => {
    const { token } = await login(server.url, 'wangqiang');
    const s = await openSocket(server.url, token);
    const clientId = randomId();
    const docId = randomId();
    const batch = { schemaVersion: SCHEMA_VERSION, clientId, mutations: [submit(1, docId)] };
    expect(await push(s, batch)).toEqual({ ok: true, results: [{ id: 1, status: 'applied' }], lastMutationId: 1 });
    expect(await push(s, batch)).toMatchObject({ ok: true, results: [{ id: 1, status: 'applied', duplicate: true }] });
    expect(await count("SELECT count(*) AS n FROM documents WHERE collection = 'leaveRequests' AND id = $1", [docId])).toBe(1);
    expect(await count("SELECT count(*) AS n FROM audit_log WHERE kind = 'mutation.applied' AND detail->>'clientId' = $1", [clientId])).toBe(1);

    const gap = await push(s, { schemaVersion: SCHEMA_VERSION, clientId, mutations: [submit(3)] });
    expect(gap).toEqual({ ok: false, error: 'sync.gap', lastMutationId: 1 });
    expect(await count("SELECT count(*) AS n FROM audit_log WHERE detail->>'clientId' = $1", [clientId])).toBe(1);

    const page = await pull(s, { schemaVersion: SCHEMA_VERSION, clientId, cursor: 0, scope: 0 });
    expect(page).toMatchObject({ ok: true, reset: true, lastMutationId: 1, more: false });
    s.close();
  });

  it('rejects a mutation that can never succeed, records why, and still advances the queue', async () => {
    const { token } = await login(server.url, 'wangqiang');
    const s = await openSocket(server.url, token);
    const clientId = randomId();
    const bad = { ...submit(1), args: { ...submit(1).args, startDate: '2026-04-11', endDate: '2026-04-12' } }; // a weekend
    const res = await push(s, { schemaVersion: SCHEMA_VERSION, clientId, mutations: [bad, submit(2), { ...submit(3), name: 'leave.explode' }] });
    expect(res).toEqual({
      ok: true,
      lastMutationId: 3,
      results: [
        { id: 1, status: 'rejected', reason: { code: 'leave.no_working_days', params: {} } },
        { id: 2, status: 'applied' },
        { id: 3, status: 'rejected', reason: { code: 'mutation.unknown', params: { name: 'leave.explode' } } },
      ],
    });
    expect(await count("SELECT count(*) AS n FROM audit_log WHERE kind = 'mutation.rejected' AND detail->>'clientId' = $1", [clientId])).toBe(2);
    // The acknowledgement was lost: sent again, nothing is applied twice and the reasons come back.
    const again = await push(s, { schemaVersion: SCHEMA_VERSION, clientId, mutations: [bad, submit(2), { ...submit(3), name: 'leave.explode' }] });
    expect(again).toMatchObject({
      ok: true,
      results: [
        { id: 1, status: 'rejected', duplicate: true, reason: { code: 'leave.no_working_days' } },
        { id: 2, status: 'applied', duplicate: true },
        { id: 3, status: 'rejected', duplicate: true, reason: { code: 'mutation.unknown', params: { name: 'leave.explode' } } },
      ],
    });
    expect(await count("SELECT count(*) AS n FROM audit_log WHERE detail->>'clientId' = $1", [clientId])).toBe(3);
    s.close();
  });

  it('takes the actor from the session, never from the arguments', async () => {
    const { token } = await login(server.url, 'wangqiang');
    const s = await openSocket(server.url, token);
    const docId = randomId();
    await push(s, { schemaVersion: SCHEMA_VERSION, clientId: randomId(), mutations: [submit(1, docId)] });
    // The requester tries to approve their own request by sending an approval.
    const res = await push(s, {
      schemaVersion: SCHEMA_VERSION,
      clientId: randomId(),
      mutations: [{ id: 1, name: 'approval.decide', args: { requestId: docId, decision: 'approve', comment: '', actorId: 'lina' }, clientTime: new Date().toISOString() }],
    });
    expect(res).toMatchObject({ ok: true, results: [{ status: 'rejected', reason: { code: 'approval.not_your_turn' } }] });
    s.close();
  });

  it('answers bad input with a clear error and changes nothing', async () => {
    const { token } = await login(server.url, 'wangqiang');
    const s = await openSocket(server.url, token);
    const before = await count('SELECT count(*) AS n FROM documents');
    for (const body of [null, 'x', { schemaVersion: SCHEMA_VERSION }, { schemaVersion: SCHEMA_VERSION, clientId: 'short', mutations: [submit(1)] }, { schemaVersion: SCHEMA_VERSION, clientId: randomId(), mutations: [{ ...submit(1), id: -1 }] }]) {
      expect(await push(s, body)).toEqual({ ok: false, error: 'validation.invalid' });
    }
    expect(await pull(s, { cursor: 'zero' })).toEqual({ ok: false, error: 'validation.invalid' });
    expect(await count('SELECT count(*) AS n FROM documents')).toBe(before);

    const res = await fetch(`${server.url}/api/login`, { method: 'POST', body: '{"username":' });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: 'validation.invalid' });
    const huge = await fetch(`${server.url}/api/login`, { method: 'POST', body: JSON.stringify({ username: 'a', password: 'x'.repeat(100_000) }) });
    expect(huge.status).toBe(413);
    s.close();
  });

  it('tells an old client to upgrade, and the client keeps its outbox', async () => {
    const { token } = await login(server.url, 'wangqiang');
    const s = await openSocket(server.url, token);
    expect(await push(s, { schemaVersion: SCHEMA_VERSION - 1, clientId: randomId(), mutations: [submit(1)] })).toEqual({ ok: false, error: 'sync.upgrade_required' });
    expect(await pull(s, { schemaVersion: SCHEMA_VERSION + 1, clientId: randomId(), cursor: 0, scope: 0 })).toEqual({ ok: false, error: 'sync.upgrade_required' });
    s.close();

    const client = await connectClient(server.url, 'zhaomin');
    await client.settle();
    client.engine.stop();
    await client.store.mutate('leave.submit', { id: randomId(), type: 'annual', startDate: '2026-05-06', startHalf: 'am', endDate: '2026-05-06', endHalf: 'pm', reason: '事' });
    const old = new (client.engine.constructor as typeof import('../../renderer/sync').SyncEngine)({
      store: client.store,
      serverUrl: server.url,
      token: (await login(server.url, 'zhaomin')).token,
      schemaVersion: SCHEMA_VERSION - 1,
    });
    old.start();
    await waitFor(() => old.getStatus().problem === 'upgrade_required', 10_000, 'upgrade required');
    expect(await client.store.pendingCount()).toBe(1);
    old.stop();
    client.close();
  });

  it('gives the same answer for an unknown user and a wrong password, and throttles guessing', async () => {
    const attempt = (username: string, password: string) =>
      fetch(`${server.url}/api/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
    const unknown = await attempt('nobody', 'whatever');
    const wrong = await attempt('chenjing', 'whatever');
    expect(unknown.status).toBe(401);
    expect(wrong.status).toBe(401);
    expect(await unknown.json()).toEqual(await wrong.json());
    for (let i = 0; i < 4; i++) await attempt('chenjing', `wrong-${i}`);
    const locked = await attempt('chenjing', DEMO_PASSWORD);
    expect(locked.status).toBe(429);
    const body = (await locked.json()) as { error: string; retryAfterSeconds: number };
    expect(body.error).toBe('auth.too_many_attempts');
    expect(body.retryAfterSeconds).toBeGreaterThan(0);
    expect(await count("SELECT count(*) AS n FROM audit_log WHERE kind = 'login.failed'")).toBeGreaterThanOrEqual(6);
    await server.db.query('DELETE FROM login_attempts');
  });

  it('refuses sockets without a live session; logout and disabling an account end sessions', async () => {
    await expect(openSocket(server.url, 'not-a-real-token-at-all-xxxxxxxx')).rejects.toThrow('auth.session_expired');

    const first = await login(server.url, 'sunlei');
    const s = await openSocket(server.url, first.token);
    const revoked = new Promise<void>((resolve) => s.once('session:revoked', () => resolve()));
    const out = await fetch(`${server.url}/api/logout`, { method: 'POST', headers: { authorization: `Bearer ${first.token}` } });
    expect(out.status).toBe(204);
    await revoked;
    await expect(openSocket(server.url, first.token)).rejects.toThrow('auth.session_expired');

    const second = await login(server.url, 'sunlei');
    const s2 = await openSocket(server.url, second.token);
    await setAccountDisabled(server.db, null, 'sunlei', true);
    expect(await push(s2, { schemaVersion: SCHEMA_VERSION, clientId: randomId(), mutations: [submit(1)] })).toEqual({ ok: false, error: 'auth.session_expired' });
    const disabled = await fetch(`${server.url}/api/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'sunlei', password: DEMO_PASSWORD }) });
    expect(disabled.status).toBe(403);
    await setAccountDisabled(server.db, null, 'sunlei', false);
    s.close();
    s2.close();
  });
});
