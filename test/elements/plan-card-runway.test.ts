/**
 * The credit runway's arithmetic (src/elements/plan-card/runway.ts), proven apart from the card:
 * the runway against a reference model written the obvious way (exact sums in BigInt), and the
 * run-out date against the Temporal polyfill in zones with daylight-saving changes.
 */
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { Temporal } from 'temporal-polyfill';
import type { CreditUsage, Money } from '../../src/contract/types.js';
import {
  RUNWAY_HORIZON_YEARS,
  runOutDate,
  runwayDays,
  runwayWords,
} from '../../src/elements/plan-card/runway.js';
import { ZONES, zoneAndInstantNearChange, zoned } from '../format/time-zones.js';

const usd = (amountMinor: number): Money => ({ amountMinor, currency: 'USD' });
/** Usage entries of these amounts in cents, one per day from 2026-11-01, oldest first. */
const daily = (...amounts: number[]): CreditUsage[] =>
  amounts.map((amountMinor, i) => ({
    date: `2026-11-${String(i + 1).padStart(2, '0')}`,
    credits: usd(amountMinor),
  }));

/**
 * The reference: walk back from the newest entry, keep the first seven in the credits' currency,
 * sum them exactly, and divide the credits by their mean.
 */
function modelRunway(credits: Money, usage: CreditUsage[] | undefined): number | null {
  const recent: bigint[] = [];
  for (let i = (usage ?? []).length - 1; i >= 0 && recent.length < 7; i--) {
    if (usage![i].credits.currency === credits.currency) recent.push(BigInt(usage![i].credits.amountMinor));
  }
  const total = recent.reduce((a, b) => a + b, 0n);
  if (recent.length === 0 || total <= 0n) return null;
  if (credits.amountMinor <= 0) return 0;
  const mean = Number(total) / recent.length;
  return credits.amountMinor / mean;
}

const MAX = Number.MAX_SAFE_INTEGER;
/** Amounts as the contract allows them: zero, small, huge, and now and then negative (a refund). */
const amount = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: 0, max: 1_000_000 }) },
  { weight: 1, arbitrary: fc.constant(0) },
  { weight: 1, arbitrary: fc.integer({ min: MAX - 1_000, max: MAX }) },
  { weight: 1, arbitrary: fc.integer({ min: -MAX, max: MAX }) },
);
const currency = fc.constantFrom('USD', 'USD', 'USD', 'EUR', 'JPY');
const usageList = fc.array(
  fc.record({ date: fc.constant('2026-11-01'), credits: fc.record({ amountMinor: amount, currency }) }),
  { maxLength: 40 },
);
const credits = fc.record({ amountMinor: amount, currency: fc.constant('USD') });

describe('plan card runway', () => {
  describe('runwayDays', () => {
    it('agrees with the reference model, and is null or a finite number of days at or above zero', () => {
      fc.assert(
        fc.property(credits, fc.option(usageList, { nil: undefined }), (availableCredits, usage) => {
          const got = runwayDays({ availableCredits, usage });
          const want = modelRunway(availableCredits, usage);
          if (want === null || got === null) {
            expect(got).to.equal(want);
            return;
          }
          expect(Number.isFinite(got) && got >= 0, String(got)).to.equal(true);
          expect(Math.abs(got - want)).to.be.at.most(Math.abs(want) * 1e-12);
        }),
        { numRuns: 2000 },
      );
    });

    it('is the same whether other currencies were already left out (by the validator) or not', () => {
      fc.assert(
        fc.property(credits, usageList, (availableCredits, usage) => {
          const own = usage.filter((entry) => entry.credits.currency === 'USD');
          expect(runwayDays({ availableCredits, usage })).to.equal(
            runwayDays({ availableCredits, usage: own }),
          );
        }),
      );
    });

    it('reads only the newest seven entries', () => {
      fc.assert(
        fc.property(
          credits,
          fc.array(amount, { minLength: 8, maxLength: 30 }),
          amount,
          (available, amounts, other) => {
            const usage = daily(...amounts);
            const older = daily(other, ...amounts.slice(1));
            expect(runwayDays({ availableCredits: available, usage: older })).to.equal(
              runwayDays({ availableCredits: available, usage }),
            );
          },
        ),
      );
    });

    it('no usage, nothing used, or refunds outweighing use: no runway, never a division by zero', () => {
      for (const usage of [undefined, [], daily(0), daily(0, 0, 0, 0, 0, 0, 0), daily(500, -900)]) {
        expect(runwayDays({ availableCredits: usd(10_000), usage }), JSON.stringify(usage)).to.equal(null);
      }
      // Only an amount in another currency: nothing to divide by.
      const euros = [{ date: '2026-11-01', credits: { amountMinor: 100, currency: 'EUR' } }];
      expect(runwayDays({ availableCredits: usd(10_000), usage: euros })).to.equal(null);
    });

    it('one entry, fewer than seven, seven, and more than seven', () => {
      expect(runwayDays({ availableCredits: usd(10_000), usage: daily(1_000) })).to.equal(10);
      expect(runwayDays({ availableCredits: usd(10_000), usage: daily(1_000, 3_000) })).to.equal(5);
      expect(runwayDays({ availableCredits: usd(7_000), usage: daily(1, 2, 3, 4, 5, 6, 7) })).to.equal(1_750);
      // 30 days: the first 23 (huge) do not count.
      const month = daily(...Array<number>(23).fill(1e9), ...Array<number>(7).fill(200));
      expect(runwayDays({ availableCredits: usd(2_400), usage: month })).to.equal(12);
      // Other currencies are skipped, and the seven are taken among the rest.
      const mixed = [...daily(700), { date: '2026-11-02', credits: { amountMinor: 5, currency: 'EUR' } }];
      expect(runwayDays({ availableCredits: usd(7_000), usage: mixed })).to.equal(10);
    });

    it('credits at or below zero have run out: 0 days', () => {
      expect(runwayDays({ availableCredits: usd(0), usage: daily(100) })).to.equal(0);
      expect(runwayDays({ availableCredits: usd(-500), usage: daily(100) })).to.equal(0);
    });

    it('large amounts stay finite', () => {
      expect(runwayDays({ availableCredits: usd(MAX), usage: daily(1) })).to.equal(MAX);
      expect(
        runwayDays({ availableCredits: usd(1), usage: daily(MAX, MAX, MAX, MAX, MAX, MAX, MAX) }),
      ).to.equal(1 / MAX);
    });
  });

  describe('runwayWords', () => {
    it('counts whole days down, then years, and stops at a hundred years', () => {
      const cases: [number, ReturnType<typeof runwayWords>][] = [
        [0, { unit: 'out' }],
        [1e-9, { unit: 'under-a-day' }],
        [0.999, { unit: 'under-a-day' }],
        [1, { unit: 'days', count: 1 }],
        [12.9, { unit: 'days', count: 12 }],
        [365, { unit: 'days', count: 365 }],
        [366, { unit: 'years', count: 1 }],
        [3 * 365.2425 + 1, { unit: 'years', count: 3 }],
        [100 * 365.2425 - 1, { unit: 'years', count: 99 }],
        [100 * 365.2425, { unit: 'beyond-years', count: RUNWAY_HORIZON_YEARS }],
        [MAX, { unit: 'beyond-years', count: RUNWAY_HORIZON_YEARS }],
      ];
      for (const [days, words] of cases) expect(runwayWords(days), String(days)).to.deep.equal(words);
    });
  });

  describe('runOutDate', () => {
    /** Temporal's answer: today in the zone, plus the runway's whole days. */
    const temporalRunOut = (days: number, now: number, zone: string) =>
      zoned(now, zone)
        .toPlainDate()
        .add({ days: Math.floor(days) })
        .toString();
    const runway = fc.oneof(
      fc.double({ min: 0, max: 60, noNaN: true }),
      fc.double({ min: 0, max: 100 * 365, noNaN: true }),
      fc.integer({ min: 0, max: 400 }),
    );

    it('is today in the viewer’s zone plus the whole days, as Temporal counts them, across daylight-saving changes', () => {
      fc.assert(
        fc.property(zoneAndInstantNearChange, runway, ({ zone, ms }, days) => {
          expect(runOutDate(days, ms, zone), `${zone} ${new Date(ms).toISOString()} +${days}`).to.equal(
            temporalRunOut(days, ms, zone),
          );
        }),
        { numRuns: 3000 },
      );
    });

    it('moves to the next day at midnight in the viewer’s zone, not in UTC', () => {
      for (const zone of ZONES) {
        const midnight = Temporal.PlainDate.from('2026-03-29').toZonedDateTime(zone).epochMilliseconds;
        expect(runOutDate(2, midnight - 1, zone), zone).to.equal(temporalRunOut(2, midnight - 1, zone));
        expect(runOutDate(2, midnight, zone), zone).to.equal('2026-03-31');
      }
    });

    it('uses the browser’s zone when none is given', () => {
      const now = Date.UTC(2026, 11, 2, 9, 30);
      expect(runOutDate(3.5, now)).to.equal(temporalRunOut(3.5, now, Temporal.Now.timeZoneId()));
    });

    it('names no date beyond a hundred years, nor for what is no runway', () => {
      const now = Date.UTC(2026, 11, 2);
      expect(runOutDate(100 * 365.2425 - 1, now, 'UTC')).to.match(/^2126-/);
      for (const days of [100 * 365.2425, MAX, Number.POSITIVE_INFINITY, Number.NaN, -1]) {
        expect(runOutDate(days, now, 'UTC'), String(days)).to.equal(undefined);
      }
    });
  });
});
