import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../../../shared/calendar/dates';
import type { LedgerEntry, LedgerKind } from '../../../../shared/domain/ledger';
import { ledgerEntrySchema } from '../../../../shared/domain/ledger';
import { balancesByType, computeBalance, netUsageOf, type Reservation } from '../../../../shared/leave/ledger';

const CREATED = '2026-01-01T00:00:00.000Z';

function entry(id: string, kind: LedgerKind, days: number, effectiveOn: string, extra: Partial<LedgerEntry> = {}): LedgerEntry {
  return ledgerEntrySchema.parse({
    id,
    userId: 'u1',
    typeId: 'annual',
    kind,
    days,
    effectiveOn,
    expiresOn: null,
    requestId: null,
    year: null,
    reason: '',
    actorId: null,
    createdAt: CREATED,
    ...extra,
  });
}

const allocation = (id: string, days: number, effectiveOn: string, expiresOn: string | null) => entry(id, 'allocation', days, effectiveOn, { expiresOn, year: Number(effectiveOn.slice(0, 4)) });
const usage = (id: string, requestId: string, days: number, effectiveOn: string, createdAt = CREATED) => entry(id, 'usage', -days, effectiveOn, { requestId, createdAt });
const restoration = (id: string, requestId: string, days: number, effectiveOn: string, createdAt = CREATED) => entry(id, 'restoration', days, effectiveOn, { requestId, createdAt });
const adjustment = (id: string, days: number, effectiveOn: string, expiresOn: string | null = null) => entry(id, 'adjustment', days, effectiveOn, { expiresOn, reason: 'HR correction' });

describe('computeBalance', () => {
  describe('a 2026 allocation carried over to 31 March 2027, then the 2027 allocation', () => {
    const entries = [
      allocation('alloc-2026', 10, '2026-01-01', '2027-03-31'),
      allocation('alloc-2027', 10, '2027-01-01', '2028-03-31'),
      usage('use-1', 'req-1', 6, '2026-05-04'),
      usage('use-2', 'req-2', 3, '2027-02-15'),
    ];

    it('draws the February 2027 leave from the carried-over days first', () => {
      // 2026 lot: 10 - 6 (May 2026) - 3 (Feb 2027) = 1 left; the 2027 lot is untouched: 1 + 10 = 11.
      expect(computeBalance(entries, { asOf: '2027-02-20' })).toEqual({
        asOf: '2027-02-20',
        allocated: 20,
        used: 9,
        reserved: 0,
        available: 11,
        overdraft: 0,
        lots: [
          { entryId: 'alloc-2026', effectiveOn: '2026-01-01', expiresOn: '2027-03-31', granted: 10, used: 9, remaining: 1 },
          { entryId: 'alloc-2027', effectiveOn: '2027-01-01', expiresOn: '2028-03-31', granted: 10, used: 0, remaining: 10 },
        ],
        expiring: [
          { on: '2027-03-31', days: 1 },
          { on: '2028-03-31', days: 10 },
        ],
      });
    });

    it('the carried-over day left on 31 March is still available that day and gone the day after', () => {
      expect(computeBalance(entries, { asOf: '2027-03-31' }).available).toBe(11);
      const after = computeBalance(entries, { asOf: '2027-04-01' });
      expect(after.available).toBe(10);
      expect(after.expiring).toEqual([{ on: '2028-03-31', days: 10 }]);
    });

    it('the 2027 allocation is not available before it takes effect', () => {
      // Late 2026: only the 2026 lot (10 - 6 - 3 = 1) is usable; the February 2027 leave is already booked.
      expect(computeBalance(entries, { asOf: '2026-12-31' }).available).toBe(1);
    });

    it('leave after the carry-over ends draws on the 2027 allocation only', () => {
      const later = [...entries, usage('use-3', 'req-3', 2, '2027-04-06')];
      const lots = computeBalance(later, { asOf: '2027-04-10' }).lots;
      expect(lots.map((l) => [l.entryId, l.used, l.remaining])).toEqual([
        ['alloc-2026', 9, 1],
        ['alloc-2027', 2, 8],
      ]);
    });
  });

  describe('restorations', () => {
    it('give days back to the request they belong to', () => {
      // 5 - (3 taken - 1 given back) = 3.
      const entries = [allocation('a', 5, '2026-01-01', null), usage('u', 'req-1', 3, '2026-03-09'), restoration('r', 'req-1', 1, '2026-03-11')];
      const balance = computeBalance(entries, { asOf: '2026-04-01' });
      expect(balance.used).toBe(2);
      expect(balance.available).toBe(3);
    });

    it('cannot give back more than the request took', () => {
      const entries = [allocation('a', 5, '2026-01-01', null), usage('u', 'req-1', 3, '2026-03-09'), restoration('r', 'req-1', 5, '2026-03-11')];
      const balance = computeBalance(entries, { asOf: '2026-04-01' });
      expect(balance.used).toBe(0);
      expect(balance.available).toBe(5);
    });

    it('a cancelled request that was re-dated draws on the lots of its new date', () => {
      // Booked for May (after the carry-over ends), cancelled, re-booked for 10 April: the
      // carried-over days cover it.
      const entries = [
        allocation('carry', 2, '2026-01-01', '2026-04-30'),
        allocation('main', 10, '2026-01-01', null),
        usage('u1', 'req-1', 2, '2026-05-04', '2026-02-01T09:00:00.000Z'),
        restoration('r1', 'req-1', 2, '2026-05-04', '2026-03-01T09:00:00.000Z'),
        usage('u2', 'req-1', 2, '2026-04-10', '2026-03-01T09:00:01.000Z'),
      ];
      const balance = computeBalance(entries, { asOf: '2026-04-01' });
      expect(balance.used).toBe(2);
      expect(balance.lots.map((l) => [l.entryId, l.remaining])).toEqual([
        ['carry', 0],
        ['main', 10],
      ]);
      expect(balance.expiring).toEqual([]);
    });
  });

  describe('adjustments', () => {
    it('a negative adjustment takes days from the lots usable on its date', () => {
      const entries = [allocation('a', 10, '2026-01-01', '2027-03-31'), adjustment('adj', -2.5, '2026-06-01')];
      const balance = computeBalance(entries, { asOf: '2026-07-01' });
      expect(balance.used).toBe(2.5);
      expect(balance.available).toBe(7.5);
      expect(balance.expiring).toEqual([{ on: '2027-03-31', days: 7.5 }]);
    });

    it('a positive adjustment is a lot of its own', () => {
      const entries = [allocation('a', 10, '2026-01-01', '2026-12-31'), adjustment('adj', 1.5, '2026-02-01')];
      const balance = computeBalance(entries, { asOf: '2026-07-01' });
      expect(balance.allocated).toBe(11.5);
      expect(balance.available).toBe(11.5);
      expect(balance.lots.map((l) => l.entryId)).toEqual(['a', 'adj']);
      // On 1 January 2027 the allocation has expired; the adjustment has no expiry.
      expect(computeBalance(entries, { asOf: '2027-01-01' }).available).toBe(1.5);
    });
  });

  describe('overdraft', () => {
    it('with no lot at all, the whole use is overdrawn', () => {
      const balance = computeBalance([usage('u', 'req-1', 2, '2026-03-09')], { asOf: '2026-03-01' });
      expect(balance).toMatchObject({ allocated: 0, used: 2, overdraft: 2, available: -2, lots: [], expiring: [] });
    });

    it('beyond the lots, the rest is overdrawn', () => {
      const balance = computeBalance([allocation('a', 2, '2026-01-01', null), usage('u', 'req-1', 3.5, '2026-03-09')], { asOf: '2026-04-01' });
      expect(balance).toMatchObject({ used: 3.5, overdraft: 1.5, available: -1.5 });
      expect(balance.lots[0]).toMatchObject({ used: 2, remaining: 0 });
    });

    it('leave taken before an allocation takes effect is not covered by it', () => {
      // The July lot cannot pay for March: 2 overdrawn, then 10 - 2 = 8 available once it is usable.
      const entries = [allocation('a', 10, '2026-07-01', null), usage('u', 'req-1', 2, '2026-03-09')];
      expect(computeBalance(entries, { asOf: '2026-08-01' })).toMatchObject({ overdraft: 2, available: 8 });
      expect(computeBalance(entries, { asOf: '2026-08-01' }).lots[0]).toMatchObject({ used: 0, remaining: 10 });
    });

    it('leave taken after a lot expired is not covered by it', () => {
      const entries = [allocation('a', 10, '2026-01-01', '2026-12-31'), usage('u', 'req-1', 1, '2027-01-04')];
      expect(computeBalance(entries, { asOf: '2026-12-01' })).toMatchObject({ overdraft: 1, available: 9 });
    });
  });

  describe('reservations', () => {
    it('hold days like approved leave, in date order', () => {
      // Pending 2 days on 20 March take the 2 carried-over days; the approved leave of 25 March
      // then comes from the main lot: 12 - 2 - 2 = 8.
      const entries = [allocation('carry', 2, '2026-01-01', '2026-03-31'), allocation('main', 10, '2026-01-01', null), usage('u', 'req-1', 2, '2026-03-25')];
      const reservations: Reservation[] = [{ requestId: 'req-2', days: 2, effectiveOn: '2026-03-20' }];
      const balance = computeBalance(entries, { asOf: '2026-03-01', reservations });
      expect(balance).toMatchObject({ allocated: 12, used: 2, reserved: 2, available: 8, overdraft: 0, expiring: [] });
      expect(balance.lots.map((l) => [l.entryId, l.used])).toEqual([
        ['carry', 2],
        ['main', 2],
      ]);
    });

    it('come after approved leave of the same day, so only pending days are overdrawn', () => {
      const entries = [allocation('a', 3, '2026-01-01', null), usage('u', 'z-approved', 2, '2026-03-09')];
      const reservations: Reservation[] = [{ requestId: 'a-pending', days: 2, effectiveOn: '2026-03-09' }];
      expect(computeBalance(entries, { asOf: '2026-03-01', reservations })).toMatchObject({ used: 2, reserved: 2, overdraft: 1, available: -1 });
    });

    it('reject negative days', () => {
      expect(() => computeBalance([], { asOf: '2026-03-01', reservations: [{ requestId: 'r', days: -1, effectiveOn: '2026-03-09' }] })).toThrow(RangeError);
    });
  });

  it('adds half days exactly', () => {
    // Twenty-one half-day uses of 0.5: 10.5 taken; 0.1 + 0.2 style drift would show here.
    const uses = Array.from({ length: 21 }, (_, i) => usage(`u${i}`, `req-${i}`, 0.5, addDays('2026-02-01', i)));
    const balance = computeBalance([allocation('a', 15, '2026-01-01', null), ...uses], { asOf: '2026-06-01' });
    expect(balance.used).toBe(10.5);
    expect(balance.available).toBe(4.5);
  });

  it('rejects days that are not in half-day steps', () => {
    const bad = { ...allocation('a', 10, '2026-01-01', null), days: 0.3 };
    expect(() => computeBalance([bad], { asOf: '2026-06-01' })).toThrow(RangeError);
  });
});

describe('balancesByType', () => {
  const entries = [
    allocation('annual-2026', 10, '2026-01-01', '2027-03-31'),
    usage('u1', 'req-1', 3, '2026-03-09'),
    { ...allocation('comp-1', 2, '2026-02-01', null), typeId: 'compensatory' },
  ];
  const reservations: Reservation[] = [
    { requestId: 'req-2', days: 1, effectiveOn: '2026-04-01', typeId: 'annual' },
    { requestId: 'req-3', days: 0.5, effectiveOn: '2026-04-02', typeId: 'compensatory' },
  ];

  it('gives one balance per type found, with its own reservations', () => {
    const balances = balancesByType(entries, { asOf: '2026-03-15', reservations });
    expect([...balances.keys()]).toEqual(['annual', 'compensatory']);
    expect(balances.get('annual')).toMatchObject({ allocated: 10, used: 3, reserved: 1, available: 6 });
    expect(balances.get('compensatory')).toMatchObject({ allocated: 2, used: 0, reserved: 0.5, available: 1.5 });
  });

  it('gives exactly the requested types, in order, empty where there is nothing', () => {
    const balances = balancesByType(entries, { asOf: '2026-03-15', reservations, typeIds: ['sick', 'annual'] });
    expect([...balances.keys()]).toEqual(['sick', 'annual']);
    expect(balances.get('sick')).toEqual({ asOf: '2026-03-15', allocated: 0, used: 0, reserved: 0, available: 0, overdraft: 0, lots: [], expiring: [] });
  });

  it('refuses a reservation without a type, whose days would otherwise be lost', () => {
    expect(() => balancesByType(entries, { asOf: '2026-03-15', reservations: [{ requestId: 'req-9', days: 1, effectiveOn: '2026-04-01' }] })).toThrow(RangeError);
  });
});

describe('netUsageOf', () => {
  const entries = [
    usage('u1', 'req-1', 3, '2026-03-09'),
    restoration('r1', 'req-1', 1, '2026-03-11'),
    usage('u2', 'req-2', 2, '2026-03-16'),
    restoration('r2', 'req-2', 2.5, '2026-03-16'),
    allocation('a', 10, '2026-01-01', null),
  ];

  it.each([
    ['a partly restored request', 'req-1', 2],
    ['a request restored beyond its use', 'req-2', 0],
    ['an unknown request', 'req-3', 0],
  ])('%s', (_name, requestId, days) => {
    expect(netUsageOf(entries, requestId)).toBe(days);
  });
});

// ---------------------------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------------------------

const SEEDED = { seed: 42, numRuns: 300 } as const;

/** A day of 2026 (asOf in property (a) is its last day). */
const day2026 = fc.integer({ min: 0, max: 364 }).map((n) => addDays('2026-01-01', n));
const halves = (min: number, max: number) => fc.integer({ min, max }).map((n) => n / 2);

/** A request: uses, then restorations that never give back more than was taken. */
const requestArb = fc.record({
  uses: fc.array(fc.record({ days: halves(1, 20), on: day2026 }), { minLength: 1, maxLength: 3 }),
  restorations: fc.array(fc.record({ days: halves(1, 20), on: day2026 }), { maxLength: 3 }),
});

describe('properties', () => {
  it('(a) with lots that never expire and precede every use: available = allocations − net usage − reservations', () => {
    fc.assert(
      fc.property(
        fc.array(halves(0, 60), { maxLength: 4 }),
        fc.array(requestArb, { maxLength: 6 }),
        fc.array(fc.record({ days: halves(-10, 10).filter((d) => d !== 0), on: day2026 }), { maxLength: 4 }),
        fc.array(fc.record({ days: halves(1, 10), on: day2026 }), { maxLength: 3 }),
        (allocations, requests, adjustments, pending) => {
          const entries: LedgerEntry[] = [];
          let granted = 0;
          let taken = 0;
          allocations.forEach((days, i) => {
            entries.push(allocation(`alloc-${i}`, days, '2025-12-31', null));
            granted += days;
          });
          adjustments.forEach(({ days, on }, i) => {
            // Positive adjustments are lots, so they too must precede every use.
            entries.push(adjustment(`adj-${i}`, days, days > 0 ? '2025-12-31' : on));
            if (days > 0) granted += days;
            else taken -= days;
          });
          requests.forEach(({ uses, restorations }, r) => {
            let net = 0;
            uses.forEach(({ days, on }, i) => {
              entries.push(usage(`use-${r}-${i}`, `req-${r}`, days, on));
              net += days;
            });
            restorations.forEach(({ days, on }, i) => {
              const given = Math.min(days, net);
              if (given === 0) return;
              entries.push(restoration(`res-${r}-${i}`, `req-${r}`, given, on));
              net -= given;
            });
            taken += net;
          });
          const reservations = pending.map(({ days, on }, i) => ({ requestId: `pending-${i}`, days, effectiveOn: on }));
          const reserved = pending.reduce((sum, p) => sum + p.days, 0);

          const balance = computeBalance(entries, { asOf: '2026-12-31', reservations });
          expect(balance.available).toBe(granted - taken - reserved);
          expect(balance.allocated).toBe(granted);
          expect(balance.used).toBe(taken);
          expect(balance.reserved).toBe(reserved);
        },
      ),
      SEEDED,
    );
  });

  /** Any mix of entries: lots that start late and expire, uses before or after them, shared requests. */
  const anyDay = fc.integer({ min: -200, max: 600 }).map((n) => addDays('2026-01-01', n));
  const anyEntry = fc.record({
    kind: fc.constantFrom<LedgerKind>('allocation', 'usage', 'restoration', 'adjustment'),
    days: halves(0, 30),
    negative: fc.boolean(),
    on: anyDay,
    lasts: fc.option(fc.integer({ min: 0, max: 400 })),
    request: fc.integer({ min: 0, max: 4 }),
    createdSecond: fc.integer({ min: 0, max: 3 }),
  });
  const anyLedger = fc.array(anyEntry, { maxLength: 25 }).map((specs) =>
    specs.map(({ kind, days, negative, on, lasts, request, createdSecond }, i) => {
      const signed = kind === 'usage' ? -days : kind === 'restoration' || kind === 'allocation' ? days : negative ? -days : days;
      return entry(`e${i}`, kind, signed, on, {
        expiresOn: lasts === null || kind === 'usage' || kind === 'restoration' ? null : addDays(on, lasts),
        requestId: kind === 'usage' || kind === 'restoration' ? `req-${request}` : null,
        createdAt: `2026-01-01T00:00:0${createdSecond}.000Z`,
      });
    }),
  );
  const anyReservations = fc.array(fc.record({ days: halves(1, 10), on: anyDay }), { maxLength: 4 }).map((specs) =>
    specs.map(({ days, on }, i): Reservation => ({ requestId: `pending-${i}`, days, effectiveOn: on })),
  );

  it('(b) the balance does not depend on the order of the entries', () => {
    fc.assert(
      fc.property(
        anyLedger.chain((entries) => fc.tuple(fc.constant(entries), fc.shuffledSubarray(entries, { minLength: entries.length, maxLength: entries.length }))),
        anyReservations.chain((reservations) => fc.tuple(fc.constant(reservations), fc.shuffledSubarray(reservations, { minLength: reservations.length, maxLength: reservations.length }))),
        anyDay,
        ([entries, shuffled], [reservations, shuffledReservations], asOf) => {
          const balance = computeBalance(entries, { asOf, reservations });
          expect(computeBalance(shuffled, { asOf, reservations: shuffledReservations })).toEqual(balance);
        },
      ),
      SEEDED,
    );
  });

  it('(c) every lot keeps between 0 and its grant, and granted = used + remaining', () => {
    fc.assert(
      fc.property(anyLedger, anyReservations, anyDay, (entries, reservations, asOf) => {
        for (const lot of computeBalance(entries, { asOf, reservations }).lots) {
          expect(lot.remaining).toBeGreaterThanOrEqual(0);
          expect(lot.remaining).toBeLessThanOrEqual(lot.granted);
          expect(lot.used + lot.remaining).toBe(lot.granted);
        }
      }),
      SEEDED,
    );
  });
});
