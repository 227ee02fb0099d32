/**
 * Without a `dir` from the host, a card reads in the direction of the language its texts are in.
 * Arabic and Hebrew cards read right to left from their locale alone; a right-to-left locale the
 * library has no catalog for (Persian, Urdu, Pashto) shows English texts, marked `lang="en"`, and
 * they read left to right as English does: in a right-to-left box "30% more than last month" would
 * be drawn "more than last month 30%" and a sentence's full stop would sit at its left end.
 * A `dir` on the card or an ancestor still wins.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define/billing-card.js';
import type { BillingSummary } from '../../src/contract/types.js';
import type { BillingCard } from '../../src/elements/billing-card/billing-card.js';
import { registerLocale } from '../../src/i18n/catalogs.js';

const billing: BillingSummary = {
  currentMonthTotal: { amountMinor: 130000, currency: 'USD' },
  lastMonthTotal: { amountMinor: 100000, currency: 'USD' },
  nextInvoiceDate: '2026-12-01',
};

const box = (card: HTMLElement) => card.shadowRoot!.querySelector('[part~="card"]')!;

/** Where the character at `offset` of the trend's text is drawn: its left edge. */
function leftOf(card: HTMLElement, offset: number): number {
  const span = card.shadowRoot!.querySelector('[part~="trend"] span')!;
  const node = [...span.childNodes].find(
    (child): child is Text => child instanceof Text && !!child.data.trim(),
  )!;
  const range = document.createRange();
  range.setStart(node, offset);
  range.setEnd(node, offset + 1);
  return range.getBoundingClientRect().left;
}

async function billingCard(locale: string): Promise<BillingCard> {
  return fixture<BillingCard>(html`<billing-card locale=${locale} .data=${billing}></billing-card>`);
}

describe('the direction of a card’s texts', () => {
  for (const locale of ['fa', 'fa-IR', 'ur', 'ps-AF']) {
    it(`${locale}, with English texts: left to right, as English reads`, async () => {
      const card = await billingCard(locale);
      expect(box(card).getAttribute('lang')).to.equal('en');
      expect(box(card).getAttribute('dir')).to.equal('ltr');
      const text = card.shadowRoot!.querySelector('[part~="trend"] span')!.textContent!.trim();
      expect(text).to.match(/ more than last month$/);
      // The percent, written first, is drawn first: left of "more".
      expect(leftOf(card, 0)).to.be.below(leftOf(card, text.indexOf('more')));
    });
  }

  it('Arabic whose catalog failed to load: English, left to right', async () => {
    registerLocale('ar', () => Promise.reject(new Error('offline')));
    const card = await billingCard('ar');
    expect(box(card).getAttribute('lang')).to.equal('en');
    expect(box(card).getAttribute('dir')).to.equal('ltr');
  });

  it('Persian with a catalog of its own: right to left', async () => {
    registerLocale('fa', async () => ({ default: { billingTitle: 'صورت‌حساب' } }));
    const card = await billingCard('fa-IR');
    expect(box(card).getAttribute('lang')).to.equal('fa-IR');
    expect(box(card).getAttribute('dir')).to.equal('rtl');
  });

  it('the host’s dir wins over the texts’ language', async () => {
    const wrapper = await fixture<HTMLElement>(
      html`<div dir="rtl"><billing-card locale="ur" .data=${billing}></billing-card></div>`,
    );
    const card = wrapper.querySelector<BillingCard>('billing-card')!;
    await card.updateComplete;
    expect(box(card).getAttribute('dir')).to.equal('rtl');
  });
});
