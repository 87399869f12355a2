import { describe, expect, it } from 'vitest';
import { appendAudit, auditHash, canonicalJson, verifyAudit, type AuditEntry } from '../../../server/audit/log';
import type { Database } from '../../../server/store/database';
import { useMemoryDatabase } from './memoryDatabase';

const database = useMemoryDatabase();

describe('canonicalJson', () => {
  it('is independent of key order, at every depth', () => {
    const a = { kind: 'x', detail: { b: 1, a: [1, { y: 'why', x: null }], c: { e: true, d: 'd' } } };
    const b = { detail: { c: { d: 'd', e: true }, a: [1, { x: null, y: 'why' }], b: 1 }, kind: 'x' };
    expect(canonicalJson(a)).toBe(canonicalJson(b));
    expect(canonicalJson(a)).toBe('{"detail":{"a":[1,{"x":null,"y":"why"}],"b":1,"c":{"d":"d","e":true}},"kind":"x"}');
  });

  it('keeps array order and distinguishes values', () => {
    expect(canonicalJson([1, 2])).not.toBe(canonicalJson([2, 1]));
    expect(canonicalJson({ a: '1' })).not.toBe(canonicalJson({ a: 1 }));
    expect(canonicalJson({ a: null })).not.toBe(canonicalJson({}));
  });

  it('leaves out undefined fields, as JSON does when the detail is stored', () => {
    expect(canonicalJson({ a: 1, b: undefined })).toBe(canonicalJson({ a: 1 }));
  });

  it('escapes strings as JSON does', () => {
    const tricky = { 'k"ey': 'line\nbreak "quoted" \\ 中文' };
    expect(JSON.parse(canonicalJson(tricky))).toEqual(tricky);
  });
});

describe('auditHash', () => {
  const row = { seq: 7, at: '2026-03-02T01:00:00.000Z', actorId: 'chenjing', kind: 'mutation.applied', detail: { name: 'leave.submit', mutationId: 3 } };
  const prev = 'a'.repeat(64);

  it('is a stable SHA-256 of the previous hash and the row, whatever the key order of the detail', () => {
    const h = auditHash(prev, row);
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(auditHash(prev, { ...row, detail: { mutationId: 3, name: 'leave.submit' } })).toBe(h);
  });

  it.each([
    ['seq', { seq: 8 }],
    ['at', { at: '2026-03-02T01:00:00.001Z' }],
    ['actorId', { actorId: 'lina' }],
    ['actorId (to none)', { actorId: null }],
    ['kind', { kind: 'mutation.rejected' }],
    ['detail', { detail: { name: 'leave.submit', mutationId: 4 } }],
    ['a nested detail value', { detail: { name: 'leave.submit', mutationId: 3, extra: { a: 1 } } }],
  ])('changes when %s changes', (_name, change) => {
    expect(auditHash(prev, { ...row, ...change })).not.toBe(auditHash(prev, row));
  });

  it('changes when the previous hash changes, so rows are chained', () => {
    expect(auditHash('b'.repeat(64), row)).not.toBe(auditHash(prev, row));
  });
});

const entry = (i: number): AuditEntry => ({ actorId: i % 3 === 0 ? null : `user${i}`, kind: 'mutation.applied', detail: { mutationId: i, name: 'leave.submit', args: { id: `leave-${i}`, tags: ['a', i] } } });

async function withRows(n: number): Promise<Database> {
  const db = database();
  for (let i = 1; i <= n; i++) {
    const seq = await db.transaction((tx) => appendAudit(tx, entry(i), `2026-03-02T01:00:0${i % 10}.000Z`));
    expect(seq).toBe(i);
  }
  return db;
}

/** What a DBA with full rights could do: the append-only trigger switched off around `sql`. */
async function asDba(db: Database, sql: string, params: unknown[] = []): Promise<void> {
  await db.exec('ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update');
  await db.query(sql, params);
  await db.exec('ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update');
}

describe('verifyAudit', () => {
  it('reports ok for an empty log and for an intact chain, across pages', async () => {
    expect(await verifyAudit(database())).toEqual({ ok: true, rows: 0 });
    const db = await withRows(7);
    expect(await verifyAudit(db)).toEqual({ ok: true, rows: 7 });
    expect(await verifyAudit(db, 2)).toEqual({ ok: true, rows: 7 });
    expect(await verifyAudit(db, 7)).toEqual({ ok: true, rows: 7 });
  });

  it('detects an edited row', async () => {
    const db = await withRows(5);
    await asDba(db, `UPDATE audit_log SET detail = jsonb_set(detail, '{name}', '"approval.decide"') WHERE seq = 3`);
    expect(await verifyAudit(db)).toMatchObject({ ok: false, brokenAt: 3, rows: 2, why: 'row content does not match its hash' });
    expect(await verifyAudit(db, 2)).toMatchObject({ ok: false, brokenAt: 3 });
  });

  it.each([
    ['actor', 'UPDATE audit_log SET actor_id = $1 WHERE seq = 2', ['someone']],
    ['time', 'UPDATE audit_log SET at = $1 WHERE seq = 2', ['2020-01-01T00:00:00.000Z']],
    ['kind', 'UPDATE audit_log SET kind = $1 WHERE seq = 2', ['logout']],
  ])('detects an edited %s', async (_name, sql, params) => {
    const db = await withRows(4);
    await asDba(db, sql, params);
    expect(await verifyAudit(db)).toMatchObject({ ok: false, brokenAt: 2 });
  });

  it('detects an edited row whose own hash was recomputed, at the next row', async () => {
    const db = await withRows(4);
    const { rows } = await db.query<{ prev_hash: string; at: string; actor_id: string | null; kind: string }>('SELECT prev_hash, at, actor_id, kind FROM audit_log WHERE seq = 2');
    const r = rows[0];
    if (!r) throw new Error('no row 2');
    const forged = { mutationId: 2, name: 'forged' };
    const hash = auditHash(r.prev_hash, { seq: 2, at: r.at, actorId: r.actor_id, kind: r.kind, detail: forged });
    await asDba(db, 'UPDATE audit_log SET detail = $1, hash = $2 WHERE seq = 2', [JSON.stringify(forged), hash]);
    expect(await verifyAudit(db)).toMatchObject({ ok: false, brokenAt: 3, why: 'previous hash does not match' });
  });

  it('detects a deleted row in the middle', async () => {
    const db = await withRows(5);
    await asDba(db, 'DELETE FROM audit_log WHERE seq = 3');
    expect(await verifyAudit(db)).toMatchObject({ ok: false, brokenAt: 3, rows: 2, why: 'missing row' });
  });

  it('detects rows cut off the end', async () => {
    const db = await withRows(5);
    await asDba(db, 'DELETE FROM audit_log WHERE seq >= 4');
    expect(await verifyAudit(db)).toMatchObject({ ok: false, brokenAt: 4, rows: 3, why: 'rows were removed from the end' });
  });

  it('refuses TRUNCATE, and detects a log a DBA emptied anyway', async () => {
    const db = await withRows(3);
    await expect(db.exec('TRUNCATE audit_log')).rejects.toThrow(/append-only/);
    await db.exec('ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_truncate');
    await db.exec('TRUNCATE audit_log');
    await db.exec('ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_truncate');
    expect(await verifyAudit(db)).toMatchObject({ ok: false, brokenAt: 1, rows: 0 });
  });

  it('continues the chain after verification, and stays verifiable', async () => {
    const db = await withRows(2);
    await db.transaction((tx) => appendAudit(tx, { actorId: 'lina', kind: 'login.succeeded', detail: { address: '10.0.0.8' } }));
    expect(await verifyAudit(db)).toEqual({ ok: true, rows: 3 });
  });

  it('rolls an audit row back with the transaction it belongs to', async () => {
    const db = await withRows(2);
    await expect(
      db.transaction(async (tx) => {
        await appendAudit(tx, entry(3));
        throw new Error('the mutation failed');
      }),
    ).rejects.toThrow('the mutation failed');
    expect(await verifyAudit(db)).toEqual({ ok: true, rows: 2 });
    expect(await db.transaction((tx) => appendAudit(tx, entry(3)))).toBe(3);
  });
});

describe('the audit_log table', () => {
  it('refuses UPDATE', async () => {
    const db = await withRows(2);
    await expect(db.query("UPDATE audit_log SET kind = 'logout' WHERE seq = 1")).rejects.toThrow(/append-only/);
    expect(await verifyAudit(db)).toEqual({ ok: true, rows: 2 });
  });

  it('refuses DELETE', async () => {
    const db = await withRows(2);
    await expect(db.query('DELETE FROM audit_log WHERE seq = 2')).rejects.toThrow(/append-only/);
    await expect(db.query('DELETE FROM audit_log')).rejects.toThrow(/append-only/);
    expect(await verifyAudit(db)).toEqual({ ok: true, rows: 2 });
  });
});

// The detail of a rejected mutation is the client's `args` as received (push.ts), so it can hold
// anything a socket.io payload can: binary attachments arrive as Buffers, and strings may hold
// any character. Recording it must neither fail nor make an intact log look tampered with.
describe('audit rows holding arbitrary client input', () => {
  it('verifies an intact row whose detail holds binary data', async () => {
    const db = database();
    const args = { id: 'leave-1', attachment: Buffer.from('receipt') };
    await db.transaction((tx) => appendAudit(tx, { actorId: 'chenjing', kind: 'mutation.rejected', detail: { name: 'leave.submit', args } }));
    await db.transaction((tx) => appendAudit(tx, { actorId: 'chenjing', kind: 'logout', detail: {} }));
    expect(await verifyAudit(db)).toEqual({ ok: true, rows: 2 });
  });

  it('records a detail holding a NUL character', async () => {
    const db = database();
    await db.transaction((tx) => appendAudit(tx, { actorId: 'chenjing', kind: 'mutation.rejected', detail: { name: 'leave.submit\u0000', args: { reason: 'a\u0000b' } } }));
    expect(await verifyAudit(db)).toEqual({ ok: true, rows: 1 });
  });
});
