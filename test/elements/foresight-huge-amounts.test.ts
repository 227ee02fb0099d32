/**
 * Amounts the cards compute from the data, at the contract's limit (`amountMinor` up to
 * Number.MAX_SAFE_INTEGER): the usage chart's total of the days shown and the billing card's
 * projection are shown to the last minor unit, as every amount given is (test/format/money.test.ts,
 * "16 digits"). A sum or product past 2^53 held in a float is off by some minor units.
 */
import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import sinon from 'sinon';
import '../../src/define/billing-card.js';
import '../../src/define/plan-card.js';
import type { BillingSummary, Money, PlanSummary } from '../../src/contract/types.js';
import type { BillingCard } from '../../src/elements/billing-card/billing-card.js';
import type { PlanCard } from '../../src/elements/plan-card/plan-card.js';
import { until } from '../helpers/data.js';

const MAX = Number.MAX_SAFE_INTEGER; // 9007199254740991
const money = (amountMinor: number, currency = 'USD'): Money => ({ amountMinor, currency });

/** What Intl writes for an exact decimal string of major units (Intl.NumberFormat v3 reads strings exactly). */
const exact = (decimal: string, currency = 'USD', locale = 'en-US') =>
  new Intl.NumberFormat(locale, { style: 'currency', currency }).format(decimal as unknown as number);

describe('amounts computed at the contract’s limit', () => {
  let clock: sinon.SinonFakeTimers | undefined;
  afterEach(() => {
    fixtureCleanup();
    clock?.restore();
    clock = undefined;
  });

  /** The usage chart's summary for three days, each at the contract's largest amount. */
  async function usageSummaryAtMax(currency = 'USD'): Promise<string | null> {
    const data: PlanSummary = {
      name: 'Premium',
      availableCredits: money(MAX, currency),
      usage: ['2026-12-01', '2026-12-02', '2026-12-03'].map((date) => ({
        date,
        credits: money(MAX, currency),
      })),
    };
    const card = await fixture<PlanCard>(
      html`<plan-card locale="en-US" time-zone="UTC" .data=${data}></plan-card>`,
    );
    await until(() => card.state === 'ready', 'plan card ready');
    return card.shadowRoot!.querySelector('[part~="usage"] [part~="chart"]')!.getAttribute('aria-label');
  }

  it('the usage chart’s total of the days shown is exact', async () => {
    // 3 × 9007199254740991 cents = 27021597764222973 cents.
    expect(await usageSummaryAtMax()).to.contain(`${exact('270215977642229.73')} used over the last 3 days`);
  });

  it('the usage total in three-digit dinars and in yen is exact too', async () => {
    for (const [currency, total] of [
      ['KWD', '27021597764222.973'],
      ['JPY', '27021597764222973'],
    ])
      expect(await usageSummaryAtMax(currency), currency).to.contain(`${exact(total, currency)} used`);
  });

  it('the projection of a huge total is exact to the cent', async () => {
    clock = sinon.useFakeTimers({
      now: Date.parse('2026-12-02T00:00:00Z'),
      toFake: ['Date', 'setInterval', 'clearInterval'],
    });
    const data: BillingSummary = {
      currentMonthTotal: money(MAX),
      lastMonthTotal: money(MAX),
      nextInvoiceDate: '2027-01-01',
      period: { start: '2026-12-01', end: '2027-01-01' },
    };
    const card = await fixture<BillingCard>(
      html`<billing-card locale="en-US" time-zone="UTC" .data=${data}></billing-card>`,
    );
    await until(() => card.state === 'ready', 'billing card ready');
    const projection = card.shadowRoot!.querySelector('[part~="projection"]')!.textContent!.trim();
    // One day of 31 elapsed: 31 × 9007199254740991 cents = 279223176896970721 cents.
    expect(projection).to.equal(`On track for ${exact('2792231768969707.21')} by Jan 1`);
  });
});
