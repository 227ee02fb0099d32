/**
 * The billing card's month-end projection (DESIGN.md, "Foresight and acting in place"), as a pure
 * function: checked against the Temporal polyfill (a period's dates start at midnight in the
 * viewer's time zone, as `PlainDate#toZonedDateTime` puts it) across zones with half-hour and
 * 45-minute offsets, daylight-saving changes at midnight and otherwise, a skipped day, periods at
 * the start, middle and end of a month and leap days; and by its properties.
 */
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { Temporal } from 'temporal-polyfill';
import type { BillingSummary, Money } from '../../src/contract/types.js';
import { projectPeriod, type PeriodProjection } from '../../src/elements/billing-card/projection.js';
import { DAY_MS, startOfDay } from '../../src/format/calendar-day.js';

/** Half-hour and 45-minute offsets, DST in both hemispheres, changes at midnight, ±14 h, a skipped day. */
const ZONES = [
  'UTC',
  'Europe/London',
  'Europe/Berlin',
  'Atlantic/Azores',
  'America/New_York',
  'America/Los_Angeles',
  'America/St_Johns',
  'America/Havana',
  'America/Santiago',
  'America/Asuncion',
  'America/Sao_Paulo',
  'Africa/Cairo',
  'Asia/Beirut',
  'Asia/Tehran',
  'Asia/Kolkata',
  'Asia/Kathmandu',
  'Asia/Tokyo',
  'Australia/Adelaide',
  'Australia/Eucla',
  'Australia/Lord_Howe',
  'Pacific/Auckland',
  'Pacific/Chatham',
  'Pacific/Apia',
  'Pacific/Kiritimati',
  'Pacific/Pago_Pago',
];

const usd = (amountMinor: number): Money => ({ amountMinor, currency: 'USD' });

function billing(current: Money, extra: Partial<BillingSummary> = {}): BillingSummary {
  return {
    currentMonthTotal: current,
    lastMonthTotal: usd(100_000),
    nextInvoiceDate: '2027-01-01',
    ...extra,
  };
}

/** The oracle's midnight: where Temporal starts a calendar day in a zone. */
const midnight = (date: string, zone: string) =>
  Temporal.PlainDate.from(date).toZonedDateTime(zone).epochMilliseconds;

/**
 * The rule of DESIGN.md, written apart from the module: Temporal for the midnights, and the scaled
 * total as floor(amount × length ÷ elapsed + ½) in exact integers.
 */
function oracle(summary: BillingSummary, now: number, zone: string): PeriodProjection | undefined {
  const { period, forecastTotal, currentMonthTotal: current } = summary;
  if (!period) return undefined;
  const start = midnight(period.start, zone);
  const end = midnight(period.end, zone);
  if (end < start) return undefined;
  if (now >= end) return { kind: 'ended', total: current };
  if (forecastTotal?.currency === current.currency) return { kind: 'forecast', total: forecastTotal };
  const length = end - start;
  const elapsed = Math.min(Math.max(now - start, DAY_MS), length);
  if (current.amountMinor <= 0 || elapsed === length) return { kind: 'pace', total: current };
  const twice = 2n * BigInt(current.amountMinor) * BigInt(length) + BigInt(elapsed);
  const exact = twice / (2n * BigInt(elapsed));
  const total = { amountMinor: Number(exact), currency: current.currency };
  // Past 2^53 the exact total is kept to be shown (test/elements/foresight-huge-amounts.test.ts).
  return Number.isSafeInteger(total.amountMinor)
    ? { kind: 'pace', total }
    : { kind: 'pace', total, exactMinor: exact };
}

const dateOf = (plain: Temporal.PlainDate) => plain.toString();

/** Calendar days from 1970 to 2100. */
const dayArbitrary = fc
  .integer({ min: 0, max: Date.UTC(2100, 11, 31) / DAY_MS })
  .map((day) => Temporal.PlainDate.from(new Date(day * DAY_MS).toISOString().slice(0, 10)));

/** Billing periods as platforms cut them: a calendar month, mid-month to mid-month, month end to month end, and leap days. */
const periodArbitrary = fc.oneof(
  dayArbitrary.map((d) => d.with({ day: 1 })).map((s) => ({ start: s, end: s.add({ months: 1 }) })),
  dayArbitrary.map((d) => d.with({ day: 15 })).map((s) => ({ start: s, end: s.add({ months: 1 }) })),
  dayArbitrary
    .map((d) => d.with({ day: d.daysInMonth }))
    .map((s) => ({ start: s, end: s.add({ months: 1 }).with({ day: s.add({ months: 1 }).daysInMonth }) })),
  fc
    .integer({ min: 1972, max: 2096 })
    .map((year) => Temporal.PlainDate.from({ year: year - (year % 4), month: 2, day: 29 }))
    .chain((leap) =>
      fc.constantFrom(
        { start: leap, end: leap.add({ days: 1 }) },
        { start: leap.with({ day: 1 }), end: leap.add({ days: 1 }) },
        { start: leap, end: leap.add({ months: 1 }) },
      ),
    ),
  dayArbitrary.chain((s) =>
    fc.integer({ min: 1, max: 400 }).map((days) => ({ start: s, end: s.add({ days }) })),
  ),
);

/** The days of a zone's offset changes (and the days after them) from 2020 to 2030, as period starts. */
function transitionStarts(zone: string): Temporal.PlainDate[] {
  const days: Temporal.PlainDate[] = [];
  let at: Temporal.ZonedDateTime | null = Temporal.ZonedDateTime.from({
    year: 2020,
    month: 1,
    day: 1,
    timeZone: zone,
  });
  for (;;) {
    at = at.getTimeZoneTransition('next');
    if (!at || at.year > 2030) break;
    days.push(at.toPlainDate(), at.toPlainDate().add({ days: 1 }));
  }
  return days;
}
const TRANSITIONS = new Map(ZONES.map((zone) => [zone, transitionStarts(zone)]));

interface Case {
  zone: string;
  period: { start: Temporal.PlainDate; end: Temporal.PlainDate };
  /** Where now falls, from two days before the start to two days after the end, as a fraction. */
  at: number;
  /** Or exactly at an edge: the start, one day in, or the end (less 1 ms, or exactly). */
  edge?: 'start' | 'day' | 'before-day' | 'before-end' | 'end';
  amount: number;
  forecast?: Money;
}

const caseArbitrary: fc.Arbitrary<Case> = fc.constantFrom(...ZONES).chain((zone) =>
  fc.record({
    zone: fc.constant(zone),
    period: fc.oneof(
      { arbitrary: periodArbitrary, weight: 3 },
      {
        arbitrary: TRANSITIONS.get(zone)!.length
          ? fc.constantFrom(...TRANSITIONS.get(zone)!).map((s) => ({ start: s, end: s.add({ months: 1 }) }))
          : periodArbitrary,
        weight: 1,
      },
    ),
    at: fc.double({ min: -0.1, max: 1.1, noNaN: true }),
    edge: fc.option(fc.constantFrom('start', 'day', 'before-day', 'before-end', 'end'), { nil: undefined }),
    amount: fc.oneof(
      fc.integer({ min: -1_000_000, max: 100_000_000_000 }),
      fc.constantFrom(0, 1, 2, 3, Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER),
    ),
    forecast: fc.option(
      fc.record({
        amountMinor: fc.integer({ min: 0, max: 1_000_000_000 }),
        currency: fc.constantFrom('USD', 'EUR'),
      }),
      { nil: undefined },
    ),
  }),
);

/** The case's inputs: the summary, and now in epoch ms. */
function inputs(c: Case): [BillingSummary, number] {
  const start = midnight(dateOf(c.period.start), c.zone);
  const end = midnight(dateOf(c.period.end), c.zone);
  const edges = {
    start,
    day: start + DAY_MS,
    'before-day': start + DAY_MS - 1,
    'before-end': end - 1,
    end,
  };
  const now = c.edge ? edges[c.edge] : Math.floor(start + c.at * (end - start) + (c.at - 0.5) * 4 * DAY_MS);
  const summary = billing(usd(c.amount), {
    period: { start: dateOf(c.period.start), end: dateOf(c.period.end) },
    ...(c.forecast ? { forecastTotal: c.forecast } : {}),
  });
  return [summary, now];
}

describe('billing projection (projectPeriod)', () => {
  it('matches the Temporal oracle in every zone, month shape, leap day and offset change', () => {
    fc.assert(
      fc.property(caseArbitrary, (c) => {
        const [summary, now] = inputs(c);
        expect(projectPeriod(summary, now, c.zone), JSON.stringify({ ...c, now })).to.deep.equal(
          oracle(summary, now, c.zone),
        );
      }),
      { numRuns: 1500 },
    );
  });

  it('starts each day where Temporal does, skipped midnights included', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ZONES), fc.boolean(), dayArbitrary, (zone, onChange, day) => {
        const changes = TRANSITIONS.get(zone)!;
        const date = onChange && changes.length ? changes[day.day % changes.length] : day;
        expect(startOfDay(dateOf(date), zone), `${date} in ${zone}`).to.equal(midnight(dateOf(date), zone));
      }),
      { numRuns: 1000 },
    );
  });

  describe('properties', () => {
    it('is at least the current total inside the period, and the forecast when one is in the same currency', () => {
      fc.assert(
        fc.property(caseArbitrary, (c) => {
          const [summary, now] = inputs(c);
          const projection = projectPeriod(summary, now, c.zone)!;
          if (projection.kind === 'ended') return;
          if (c.forecast?.currency === 'USD') {
            expect(projection).to.deep.equal({ kind: 'forecast', total: c.forecast });
          } else {
            expect(projection.kind).to.equal('pace');
            expect(projection.total.currency).to.equal('USD');
            expect(projection.total.amountMinor).to.be.at.least(c.amount);
          }
        }),
        { numRuns: 500 },
      );
    });

    it('never divides by zero and stays a finite integer, for huge amounts and long or empty periods', () => {
      const amounts = fc.constantFrom(0, 1, Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER);
      const periods = fc.constantFrom(
        { start: '1970-01-01', end: '2100-01-01' },
        { start: '2026-12-01', end: '2026-12-02' },
        // Samoa skipped 2011-12-30: this period is empty there.
        { start: '2011-12-30', end: '2011-12-31' },
        { start: '2026-03-08', end: '2026-03-09' },
      );
      fc.assert(
        fc.property(
          amounts,
          periods,
          fc.constantFrom(...ZONES),
          fc.integer(),
          (amount, period, zone, shift) => {
            const now = midnight(period.start, zone) + (shift % (3 * DAY_MS));
            const projection = projectPeriod(billing(usd(amount), { period }), now, zone);
            expect(projection).not.to.equal(undefined);
            expect(Number.isFinite(projection!.total.amountMinor)).to.equal(true);
            expect(Number.isInteger(projection!.total.amountMinor)).to.equal(true);
          },
        ),
        { numRuns: 400 },
      );
      const empty = billing(usd(500), { period: { start: '2011-12-30', end: '2011-12-31' } });
      const apia = midnight('2011-12-30', 'Pacific/Apia');
      expect(projectPeriod(empty, apia - DAY_MS, 'Pacific/Apia')).to.deep.equal({
        kind: 'pace',
        total: usd(500),
      });
    });
  });

  describe('decisions', () => {
    const december = { start: '2026-12-01', end: '2027-01-01' };
    const at = (iso: string) => Date.parse(iso);

    it('counts elapsed time continuously, and at least one day (before the start too)', () => {
      const spent = billing(usd(100_000), { period: december });
      const pace = (iso: string) => projectPeriod(spent, at(iso), 'UTC')!.total.amountMinor;
      // On the 2nd, a day has passed: 31 times the first day's spending.
      expect(pace('2026-12-02T00:00:00Z')).to.equal(3_100_000);
      expect(pace('2026-12-01T06:00:00Z')).to.equal(3_100_000);
      expect(pace('2026-11-30T23:00:00Z')).to.equal(3_100_000);
      // Half a day later: 31 / 1.5 times.
      expect(pace('2026-12-02T12:00:00Z')).to.equal(2_066_667);
      expect(pace('2026-12-31T23:59:59.999Z')).to.equal(100_000);
    });

    it('is the current total once the period has ended, and then projects nothing', () => {
      const spent = billing(usd(100_000), { period: december, forecastTotal: usd(1) });
      expect(projectPeriod(spent, at('2027-01-01T00:00:00Z'), 'UTC')).to.deep.equal({
        kind: 'ended',
        total: usd(100_000),
      });
      // Ended in Kiritimati (UTC+14) while it still runs in UTC.
      expect(projectPeriod(spent, at('2026-12-31T10:00:00Z'), 'Pacific/Kiritimati')!.kind).to.equal('ended');
      expect(projectPeriod(spent, at('2026-12-31T10:00:00Z'), 'UTC')!.kind).to.equal('forecast');
    });

    it('rounds to the nearest minor unit, halves up', () => {
      const period = { start: '2026-12-01', end: '2026-12-04' };
      const third = (amount: number) =>
        projectPeriod(billing(usd(amount), { period }), at('2026-12-03T00:00:00Z'), 'UTC')!.total.amountMinor;
      expect(third(1)).to.equal(2); // 1.5
      expect(third(3)).to.equal(5); // 4.5
      expect(third(5)).to.equal(8); // 7.5
      const sixth = projectPeriod(billing(usd(1), { period }), at('2026-12-02T16:00:00Z'), 'UTC')!;
      expect(sixth.total.amountMinor).to.equal(2); // 3 / (5/3) = 1.8
    });

    it('takes the real length: an hour shorter across the spring change, an hour longer across the autumn one', () => {
      const zone = 'America/New_York';
      const march = billing(usd(3_000_000), { period: { start: '2026-03-01', end: '2026-04-01' } });
      const november = billing(usd(3_000_000), { period: { start: '2026-11-01', end: '2026-12-01' } });
      const tenDays = (start: string) => midnight(start, zone) + 10 * DAY_MS;
      // (31 days − 1 h) ÷ 10 days and (30 days + 1 h) ÷ 10 days.
      expect(projectPeriod(march, tenDays('2026-03-01'), zone)!.total.amountMinor).to.equal(9_287_500);
      expect(projectPeriod(november, tenDays('2026-11-01'), zone)!.total.amountMinor).to.equal(9_012_500);
    });

    it('projects itself when the forecast is in another currency, and scales no credit', () => {
      const other = billing(usd(100_000), {
        period: december,
        forecastTotal: { amountMinor: 5, currency: 'EUR' },
      });
      expect(projectPeriod(other, at('2026-12-02T00:00:00Z'), 'UTC')).to.deep.equal({
        kind: 'pace',
        total: usd(3_100_000),
      });
      const credit = billing(usd(-2_000), { period: december });
      expect(projectPeriod(credit, at('2026-12-02T00:00:00Z'), 'UTC')!.total).to.deep.equal(usd(-2_000));
    });

    it('has nothing to say without a period, or with one it cannot read', () => {
      const now = at('2026-12-02T00:00:00Z');
      expect(projectPeriod(billing(usd(1)), now, 'UTC')).to.equal(undefined);
      expect(
        projectPeriod(billing(usd(1), { period: { start: '2026-12-05', end: '2026-12-01' } }), now, 'UTC'),
      ).to.equal(undefined);
      expect(
        projectPeriod(billing(usd(1), { period: { start: '2026-02-30', end: '2026-03-30' } }), now, 'UTC'),
      ).to.equal(undefined);
      expect(projectPeriod(billing(usd(1), { period: december }), Number.NaN, 'UTC')).to.equal(undefined);
    });
  });
});
