import { describe, expect, it } from 'vitest';
import { clearFailures, defaultThrottle, lockedFor, recordFailure, type ThrottlePolicy } from '../../../server/auth/throttle';
import { useMemoryDatabase } from './memoryDatabase';

const database = useMemoryDatabase();

const T0 = Date.parse('2026-03-02T01:00:00.000Z');
const at = (ms: number) => new Date(T0 + ms);
const MIN = 60_000;
const policy: ThrottlePolicy = defaultThrottle;

async function fail(keys: string[], when: Date, p: ThrottlePolicy = policy) {
  await database().transaction((tx) => recordFailure(tx, keys, p, when));
}

describe('sign-in throttling', () => {
  it(`locks a key after ${policy.maxFailures} failures within the window, saying how long to wait`, async () => {
    const keys = ['user:chenjing'];
    for (let i = 0; i < policy.maxFailures - 1; i++) await fail(keys, at(i * MIN));
    expect(await lockedFor(database(), keys, at(4 * MIN))).toBe(0);
    await fail(keys, at(4 * MIN));
    const wait = await lockedFor(database(), keys, at(4 * MIN));
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBe(policy.lockMs / 1000);
    // Later, less to wait; after the lock, none.
    expect(await lockedFor(database(), keys, at(10 * MIN))).toBe(policy.lockMs / 1000 - 6 * 60);
    expect(await lockedFor(database(), keys, at(4 * MIN + policy.lockMs))).toBe(0);
  });

  it('rounds a wait of part of a second up, never down to "try now"', async () => {
    const keys = ['user:chenjing'];
    for (let i = 0; i < policy.maxFailures; i++) await fail(keys, at(0));
    expect(await lockedFor(database(), keys, at(policy.lockMs - 400))).toBe(1);
  });

  it('reports a lock on any of the keys asked about', async () => {
    for (let i = 0; i < policy.maxFailures; i++) await fail(['addr:10.0.0.7'], at(i * 1000));
    expect(await lockedFor(database(), ['user:chenjing', 'addr:10.0.0.7'], at(10_000))).toBeGreaterThan(0);
    expect(await lockedFor(database(), ['user:chenjing', 'addr:10.0.0.8'], at(10_000))).toBe(0);
  });

  it('counts each key on its own', async () => {
    for (let i = 0; i < policy.maxFailures - 1; i++) await fail(['user:a', 'user:b'], at(i * 1000));
    await fail(['user:a'], at(5000));
    expect(await lockedFor(database(), ['user:a'], at(6000))).toBeGreaterThan(0);
    expect(await lockedFor(database(), ['user:b'], at(6000))).toBe(0);
  });

  it('starts counting afresh after a success', async () => {
    const keys = ['user:chenjing', 'addr:10.0.0.7'];
    for (let i = 0; i < policy.maxFailures - 1; i++) await fail(keys, at(i * 1000));
    await database().transaction((tx) => clearFailures(tx, keys));
    for (let i = 0; i < policy.maxFailures - 1; i++) await fail(keys, at(10_000 + i * 1000));
    expect(await lockedFor(database(), keys, at(20_000))).toBe(0);
    await fail(keys, at(20_000));
    expect(await lockedFor(database(), keys, at(20_000))).toBeGreaterThan(0);
  });

  it('lifts a lock on success', async () => {
    const keys = ['user:chenjing'];
    for (let i = 0; i < policy.maxFailures; i++) await fail(keys, at(i * 1000));
    await database().transaction((tx) => clearFailures(tx, keys));
    expect(await lockedFor(database(), keys, at(10_000))).toBe(0);
  });

  it('does not accumulate failures older than the window', async () => {
    const keys = ['user:chenjing'];
    // One failure every 6 minutes for two hours: never 5 within 15 minutes of the window start.
    for (let i = 0; i < 20; i++) {
      await fail(keys, at(i * 6 * MIN));
      expect(await lockedFor(database(), keys, at(i * 6 * MIN)), `failure ${i + 1}`).toBe(0);
    }
  });

  it('still locks when the fifth failure comes just inside the window', async () => {
    const keys = ['user:chenjing'];
    for (let i = 0; i < 4; i++) await fail(keys, at(i * MIN));
    await fail(keys, at(policy.windowMs));
    expect(await lockedFor(database(), keys, at(policy.windowMs))).toBeGreaterThan(0);
  });

  it('honours a stricter policy', async () => {
    const strict: ThrottlePolicy = { maxFailures: 2, windowMs: MIN, lockMs: 30_000 };
    await fail(['user:x'], at(0), strict);
    await fail(['user:x'], at(1000), strict);
    expect(await lockedFor(database(), ['user:x'], at(1000))).toBe(30);
  });
});
