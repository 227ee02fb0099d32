/**
 * The fields the cards look ahead with (DESIGN.md, "Foresight and acting in place"): a billing
 * `period` and `forecastTotal`, a plan's daily credit `usage`, an activity page's `retentionDays`.
 * Generated values, against Temporal (temporal-polyfill) as the oracle of calendar dates: valid
 * values come out unchanged, each kind of corruption is refused with its path or, in `usage`, left
 * out and named (DESIGN.md, "Lists").
 */
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { Temporal } from 'temporal-polyfill';
import type { CreditUsage, Money } from '../../src/contract/types.js';
import {
  invalidItemsOf,
  parseActivityPage,
  parseBillingSummary,
  parseDashboardEvent,
  parsePlanSummary,
} from '../../src/contract/validation.js';
import { orgDataset } from '../helpers/data.js';
import { thrownBy } from '../helpers/errors.js';

const org = orgDataset('o1');
const usd = (amountMinor: number): Money => ({ amountMinor, currency: 'USD' });
const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** A `YYYY-MM-DD` of Temporal's calendar, `days` after 0001-01-01 (up to 9999-12-31). */
const FIRST_DAY = Temporal.PlainDate.from('0001-01-01');
const LAST_DAY_INDEX = FIRST_DAY.until(Temporal.PlainDate.from('9999-12-31')).days;
const dayString = (days: number) => FIRST_DAY.add({ days }).toString();
const realDay = fc.integer({ min: 0, max: LAST_DAY_INDEX });

/** Strings of the date's shape with any field values, real days or not: the oracle decides. */
const dateShaped = fc
  .tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }))
  .map(([y, m, d]) => `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`);

/** Whether Temporal reads `value` as exactly that calendar date. */
function isCalendarDate(value: string): boolean {
  try {
    return Temporal.PlainDate.from(value, { overflow: 'reject' }).toString() === value;
  } catch {
    return false;
  }
}

describe('billing period', () => {
  it('keeps every period of two real dates that ends after it starts, unchanged (property)', () => {
    fc.assert(
      fc.property(realDay, fc.integer({ min: 1, max: 400 }), (start, length) => {
        fc.pre(start + length <= LAST_DAY_INDEX);
        const period = { start: dayString(start), end: dayString(start + length) };
        expect(parseBillingSummary({ ...org.billing, period }).period).to.deep.equal(period);
      }),
      { numRuns: 300 },
    );
  });

  it('refuses the summary for a period that does not end after it starts, at period.end (property)', () => {
    fc.assert(
      fc.property(realDay, fc.integer({ min: 0, max: 400 }), (end, back) => {
        fc.pre(end + back <= LAST_DAY_INDEX);
        const period = { start: dayString(end + back), end: dayString(end) };
        const error = thrownBy(() => parseBillingSummary({ ...org.billing, period }));
        expect(error.code).to.equal('invalid-data');
        expect(error.path).to.equal('period.end');
      }),
      { numRuns: 300 },
    );
  });

  it('accepts a date exactly when Temporal reads it as that calendar day, and names the bad end (property)', () => {
    fc.assert(
      fc.property(dateShaped, fc.boolean(), (date, atStart) => {
        // The other end is far enough away that only `date` itself can be wrong.
        const period = atStart ? { start: date, end: '9999-12-31' } : { start: '0000-01-01', end: date };
        fc.pre(date !== '9999-12-31' && date !== '0000-01-01');
        if (isCalendarDate(date)) {
          expect(parseBillingSummary({ ...org.billing, period }).period).to.deep.equal(period);
        } else {
          const error = thrownBy(() => parseBillingSummary({ ...org.billing, period }));
          expect(error.path).to.equal(atStart ? 'period.start' : 'period.end');
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('refuses what is not a period of two YYYY-MM-DD strings, naming the field', () => {
    const pathFor = (period: unknown) => thrownBy(() => parseBillingSummary({ ...org.billing, period })).path;
    expect(pathFor('2026-11-01/2026-12-01')).to.equal('period');
    expect(pathFor(null)).to.equal('period');
    expect(pathFor({ start: '2026-11-01' })).to.equal('period.end');
    expect(pathFor({ start: '2026-11-01T00:00:00Z', end: '2026-12-01' })).to.equal('period.start');
    expect(pathFor({ start: '2026-11-01', end: '2026-12-1' })).to.equal('period.end');
    expect(pathFor({ start: 20261101, end: '2026-12-01' })).to.equal('period.start');
    // Absent is fine: the card keeps today's comparison.
    expect(parseBillingSummary(org.billing)).not.to.have.property('period');
  });
});

describe('billing forecastTotal', () => {
  const currency = fc.constantFrom('USD', 'EUR', 'JPY', 'KWD');
  const amount = fc.integer({ min: -1e12, max: 1e12 });

  it('keeps a forecast in the current total’s currency and drops one in another, with no error (property)', () => {
    fc.assert(
      fc.property(currency, currency, amount, (current, forecast, amountMinor) => {
        const summary = parseBillingSummary({
          ...org.billing,
          currentMonthTotal: { amountMinor: 1, currency: current },
          lastMonthTotal: { amountMinor: 1, currency: current },
          forecastTotal: { amountMinor, currency: forecast },
        });
        if (forecast === current) {
          expect(summary.forecastTotal).to.deep.equal({ amountMinor, currency: forecast });
        } else {
          expect(summary).not.to.have.property('forecastTotal');
        }
        expect(invalidItemsOf(summary)).to.deep.equal([]);
      }),
      { numRuns: 200 },
    );
  });

  it('refuses the summary for a forecast that is not money, as for the other totals', () => {
    const pathFor = (forecastTotal: unknown) =>
      thrownBy(() => parseBillingSummary({ ...org.billing, forecastTotal })).path;
    expect(pathFor({ amountMinor: 1.5, currency: 'USD' })).to.equal('forecastTotal.amountMinor');
    expect(pathFor({ amountMinor: 2 ** 53, currency: 'USD' })).to.equal('forecastTotal.amountMinor');
    expect(pathFor({ amountMinor: 100, currency: 'usd' })).to.equal('forecastTotal.currency');
    expect(pathFor(100)).to.equal('forecastTotal');
  });
});

describe('plan usage', () => {
  /** What one raw entry of a generated list is: valid, or one kind of corruption. */
  type Kind = 'valid' | 'otherCurrency' | 'negative' | 'fractional' | 'notADate' | 'notAnObject';
  const kinds: Kind[] = ['valid', 'otherCurrency', 'negative', 'fractional', 'notADate', 'notAnObject'];
  const paths: Record<Exclude<Kind, 'valid'>, string> = {
    otherCurrency: '.credits.currency',
    negative: '.credits.amountMinor',
    fractional: '.credits.amountMinor',
    notADate: '.date',
    notAnObject: '',
  };
  // A few days, so that duplicates and any order come up often.
  const days = ['2026-10-30', '2026-10-31', '2026-11-01', '2026-11-02', '2026-11-03'];

  function entry(kind: Kind, date: string, amountMinor: number): unknown {
    switch (kind) {
      case 'valid':
        return { date, credits: usd(amountMinor) };
      case 'otherCurrency':
        return { date, credits: { amountMinor, currency: 'EUR' } };
      case 'negative':
        return { date, credits: usd(-1 - amountMinor) };
      case 'fractional':
        return { date, credits: usd(amountMinor + 0.5) };
      case 'notADate':
        return { date: date.replace('-1', '-4'), credits: usd(amountMinor) };
      case 'notAnObject':
        return date;
    }
  }

  const plan = (usage: unknown) => ({ ...org.plan, availableCredits: usd(50_000), usage });

  it('keeps exactly the valid entries, the first per day, oldest first, and names every other one (property)', () => {
    const spec = fc.array(
      fc.record({
        kind: fc.constantFrom(...kinds),
        date: fc.constantFrom(...days),
        amountMinor: fc.integer({ min: 0, max: 1e9 }),
      }),
      { maxLength: 14 },
    );
    fc.assert(
      fc.property(spec, (items) => {
        const parsed = parsePlanSummary(plan(items.map((i) => entry(i.kind, i.date, i.amountMinor))));
        // The oracle: walk the list as DESIGN.md says, then order the kept days.
        const kept = new Map<string, CreditUsage>();
        const leftOut: string[] = [];
        items.forEach(({ kind, date, amountMinor }, index) => {
          if (kind !== 'valid') leftOut.push(`usage[${index}]${paths[kind]}`);
          else if (kept.has(date)) leftOut.push(`usage[${index}].date`);
          else kept.set(date, { date, credits: usd(amountMinor) });
        });
        const expected = [...kept.values()].sort((a, b) =>
          Temporal.PlainDate.compare(Temporal.PlainDate.from(a.date), Temporal.PlainDate.from(b.date)),
        );
        expect(parsed.usage).to.deep.equal(expected);
        const errors = invalidItemsOf(parsed);
        expect(errors.map((e) => e.path)).to.deep.equal(leftOut);
        for (const error of errors) expect(error.code).to.equal('invalid-data');
      }),
      { numRuns: 500 },
    );
  });

  it('keeps a valid list, one entry per day and oldest first, unchanged (property)', () => {
    fc.assert(
      fc.property(
        realDay,
        fc.array(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), { maxLength: 60 }),
        (first, amounts) => {
          fc.pre(first + amounts.length <= LAST_DAY_INDEX);
          const usage = amounts.map((amountMinor, i) => ({
            date: dayString(first + i),
            credits: usd(amountMinor),
          }));
          const parsed = parsePlanSummary(plan(usage));
          expect(parsed.usage).to.deep.equal(usage);
          expect(invalidItemsOf(parsed)).to.deep.equal([]);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('checks the currency against the balance’s, whichever it is', () => {
    const parsed = parsePlanSummary({
      name: 'Standard',
      availableCredits: { amountMinor: 182_000, currency: 'JPY' },
      usage: [
        { date: '2026-11-01', credits: { amountMinor: 9000, currency: 'JPY' } },
        { date: '2026-11-02', credits: usd(9000) },
      ],
    });
    expect(parsed.usage).to.deep.equal([
      { date: '2026-11-01', credits: { amountMinor: 9000, currency: 'JPY' } },
    ]);
    expect(invalidItemsOf(parsed).map((e) => e.path)).to.deep.equal(['usage[1].credits.currency']);
  });

  it('refuses the plan only when usage is no list at all; an empty list is no usage', () => {
    expect(thrownBy(() => parsePlanSummary(plan({ '2026-11-01': usd(1) }))).path).to.equal('usage');
    expect(thrownBy(() => parsePlanSummary(plan(null))).path).to.equal('usage');
    expect(parsePlanSummary(plan([])).usage).to.deep.equal([]);
    expect(parsePlanSummary(org.plan)).not.to.have.property('usage');
  });

  it('names the left-out entries of a live plan snapshot from the snapshot', () => {
    const event = parseDashboardEvent({
      topic: 'plan',
      data: plan([
        { date: '2026-11-01', credits: usd(1) },
        { date: '2026-11-01', credits: usd(2) },
      ]),
    });
    expect(event.topic === 'plan' && event.data.usage).to.deep.equal([
      { date: '2026-11-01', credits: usd(1) },
    ]);
    expect(invalidItemsOf(event.data).map((e) => e.path)).to.deep.equal(['usage[1].date']);
  });
});

describe('activity page retentionDays', () => {
  const page = (retentionDays: unknown) => ({ items: org.activities, nextCursor: null, retentionDays });

  it('keeps a positive whole number of days (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }), (days) => {
        expect(parseActivityPage(page(days)).retentionDays).to.equal(days);
      }),
      { numRuns: 200 },
    );
    expect(parseActivityPage({ items: [], nextCursor: null })).not.to.have.property('retentionDays');
  });

  it('refuses the whole page for anything else, as for the other optional fields (property)', () => {
    const wrong = fc.oneof(
      fc.integer({ max: 0 }),
      fc.double({ noInteger: true }),
      fc.constantFrom(null, '90', true, 2 ** 53, Number.POSITIVE_INFINITY),
    );
    fc.assert(
      fc.property(wrong, (days) => {
        const error = thrownBy(() => parseActivityPage(page(days)));
        expect(error.code).to.equal('invalid-data');
        expect(error.path).to.equal('retentionDays');
      }),
      { numRuns: 200 },
    );
  });
});
