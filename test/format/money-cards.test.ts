/**
 * Money on the cards themselves, for the currencies whose display digits differ from ISO 4217
 * (HUF shows 0 digits, exponent 2; IQD shows 0, exponent 3; CLF exponent 4): the billing and plan
 * cards, with controlled `data`, show what `Intl` shows for amountMinor / 10^(ISO exponent from
 * the `currency-codes` list).
 */
import { elementUpdated, expect, fixture, html } from '@open-wc/testing';
import '../../src/define/billing-card.js';
import '../../src/define/plan-card.js';
import type { BillingSummary, Money, PlanSummary } from '../../src/contract/types.js';
import type { BillingCard } from '../../src/elements/billing-card/billing-card.js';
import type { PlanCard } from '../../src/elements/plan-card/plan-card.js';
import { until } from '../helpers/data.js';

const LOCALES = ['en-US', 'de-CH', 'hi-IN', 'ar', 'ja'];
const CURRENCIES = ['HUF', 'IQD', 'CLF'];
const AMOUNTS = [123_456_789, 5, -987_654];

const partText = (el: Element, name: string) =>
  el.shadowRoot!.querySelector(`[part~="${name}"]`)?.textContent?.trim();

describe('money on the cards (ISO 4217 exponents)', function () {
  this.timeout(60_000);
  let isoDigits: Map<string, number>;

  before(async () => {
    const list = (await (await fetch('/__oracle/iso4217')).json()) as { code: string; digits: unknown }[];
    isoDigits = new Map(list.map(({ code, digits }) => [code, typeof digits === 'number' ? digits : 0]));
  });

  const expected = (locale: string, { amountMinor, currency }: Money) =>
    new Intl.NumberFormat(locale, { style: 'currency', currency }).format(
      amountMinor / 10 ** isoDigits.get(currency)!,
    );

  for (const currency of CURRENCIES) {
    it(`billing card: ${currency} totals`, async () => {
      for (const locale of LOCALES) {
        for (const amountMinor of AMOUNTS) {
          const current: Money = { amountMinor, currency };
          const last: Money = { amountMinor: amountMinor + 1, currency };
          const data: BillingSummary = {
            currentMonthTotal: current,
            lastMonthTotal: last,
            nextInvoiceDate: '2026-12-01',
          };
          const card = await fixture<BillingCard>(
            html`<billing-card locale=${locale} .data=${data}></billing-card>`,
          );
          await until(() => card.state === 'ready', 'billing card ready');
          await elementUpdated(card);
          expect(partText(card, 'current-month'), `${locale} ${amountMinor}`).to.equal(
            expected(locale, current),
          );
          expect(partText(card, 'last-month'), `${locale} ${amountMinor + 1}`).to.equal(
            expected(locale, last),
          );
        }
      }
    });

    it(`plan card: ${currency} credits`, async () => {
      for (const locale of LOCALES) {
        for (const amountMinor of AMOUNTS) {
          const credits: Money = { amountMinor, currency };
          const data: PlanSummary = { name: 'Premium', availableCredits: credits };
          const card = await fixture<PlanCard>(html`<plan-card locale=${locale} .data=${data}></plan-card>`);
          await until(() => card.state === 'ready', 'plan card ready');
          await elementUpdated(card);
          expect(partText(card, 'credits'), `${locale} ${amountMinor}`).to.equal(expected(locale, credits));
        }
      }
    });
  }
});
