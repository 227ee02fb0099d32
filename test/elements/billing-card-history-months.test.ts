/**
 * The spending history names billing months, which are Gregorian months (`YYYY-MM`). A locale whose
 * calendar has other months (Persian, Hebrew, Islamic) must still name that month, in its own
 * language and digits, never the month of its own calendar in which the billing month's first day
 * falls (Persian "Esfand 1402" for March 2024, which runs from Esfand 11 to Farvardin 12). Calendars
 * whose months are the Gregorian ones (Buddhist, Japanese, ROC) keep their own years.
 */
import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import '../../src/define/billing-card.js';
import type { BillingSummary, Money } from '../../src/contract/types.js';
import type { BillingCard } from '../../src/elements/billing-card/billing-card.js';
import { clean, shadowAll } from '../helpers/card-fixtures.js';
import { until } from '../helpers/data.js';

const usd = (amountMinor: number): Money => ({ amountMinor, currency: 'USD' });

const data: BillingSummary = {
  currentMonthTotal: usd(700),
  lastMonthTotal: usd(500),
  nextInvoiceDate: '2024-04-01',
  history: [
    { month: '2024-02', total: usd(500) },
    { month: '2024-03', total: usd(700) },
  ],
};

/** How `locale` names a Gregorian month, in the given calendar (the locale's own when undefined). */
const monthName = (locale: string, month: string, calendar?: string) =>
  new Intl.DateTimeFormat(locale, { month: 'short', year: 'numeric', timeZone: 'UTC', calendar }).format(
    new Date(`${month}-01T00:00:00Z`),
  );

async function rowMonths(locale: string): Promise<string[]> {
  const card = await fixture<BillingCard>(
    html`<billing-card locale=${locale} time-zone="UTC" .data=${data}></billing-card>`,
  );
  await until(() => card.state === 'ready', 'billing card ready');
  return shadowAll(card, 'tbody th').map((th) => clean(th.textContent)!);
}

describe('<billing-card> history: months of the billing calendar', () => {
  afterEach(() => fixtureCleanup());

  for (const locale of ['fa', 'he-u-ca-hebrew', 'ar-u-ca-islamic-umalqura', 'en-u-ca-persian']) {
    it(`names the Gregorian month in ${locale}, in its language`, async () => {
      const months = await rowMonths(locale);
      // The locale's own calendar names another month for March 2024: the defect this guards against.
      expect(monthName(locale, '2024-03')).not.to.equal(monthName(locale, '2024-03', 'gregory'));
      expect(months).to.deep.equal([
        monthName(locale, '2024-02', 'gregory'),
        monthName(locale, '2024-03', 'gregory'),
      ]);
    });
  }

  for (const locale of ['th', 'ja-u-ca-japanese', 'en', 'de']) {
    it(`keeps ${locale}'s own calendar, whose months are the Gregorian ones`, async () => {
      expect(await rowMonths(locale)).to.deep.equal([
        monthName(locale, '2024-02'),
        monthName(locale, '2024-03'),
      ]);
    });
  }

  it('says the same months in the chart’s text alternative', async () => {
    const card = await fixture<BillingCard>(
      html`<billing-card locale="fa" time-zone="UTC" .data=${data}></billing-card>`,
    );
    await until(() => card.state === 'ready', 'billing card ready');
    const label = card.shadowRoot!.querySelector('[part~="chart"]')!.getAttribute('aria-label')!;
    expect(label).to.contain(monthName('fa', '2024-03', 'gregory'));
    expect(label).not.to.contain(monthName('fa', '2024-03'));
  });
});
