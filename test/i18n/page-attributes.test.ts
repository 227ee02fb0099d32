/**
 * A card takes `dir` and `lang` from the page (PageAttributes): found once, kept across updates, and
 * followed at once when the page changes them, through the shadow roots the card sits in, or when
 * the card moves.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define.js';
import type { BillingSummary } from '../../src/contract/types.js';
import type { BillingCard } from '../../src/elements/billing-card/billing-card.js';

const billing: BillingSummary = {
  currentMonthTotal: { amountMinor: 130000, currency: 'USD' },
  lastMonthTotal: { amountMinor: 100000, currency: 'USD' },
  nextInvoiceDate: '2026-12-01',
};

const frame = (card: HTMLElement) => card.shadowRoot!.querySelector('[part~="card"]')!;

/** After the page's change: its mutation records are delivered before the next task, then the card updates. */
async function settled(card: BillingCard): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve));
  await card.updateComplete;
}

describe('page attributes', () => {
  it('follows a change of an ancestor’s dir and lang at once, with no update of its own', async () => {
    const page = await fixture<HTMLDivElement>(
      html`<div dir="ltr" lang="en-US"><billing-card .data=${billing}></billing-card></div>`,
    );
    const card = page.querySelector<BillingCard>('billing-card')!;
    expect(frame(card).getAttribute('dir')).to.equal('ltr');
    page.setAttribute('dir', 'rtl');
    page.setAttribute('lang', 'en-GB');
    await settled(card);
    expect(frame(card).getAttribute('dir')).to.equal('rtl');
    expect(frame(card).getAttribute('lang')).to.equal('en-GB');
    page.removeAttribute('dir');
    await settled(card);
    // No dir anywhere: the locale's direction.
    expect(frame(card).getAttribute('dir')).to.equal('ltr');
  });

  it('sees changes in every tree it sits in, inside a shadow root and outside it', async () => {
    const page = await fixture<HTMLDivElement>(html`<div><span></span></div>`);
    const root = page.querySelector('span')!.attachShadow({ mode: 'open' });
    const inside = document.createElement('div');
    root.append(inside);
    const card = document.createElement('billing-card') as BillingCard;
    card.data = billing;
    inside.append(card);
    await card.updateComplete;
    page.setAttribute('dir', 'rtl');
    await settled(card);
    expect(frame(card).getAttribute('dir')).to.equal('rtl');
    inside.setAttribute('dir', 'ltr');
    await settled(card);
    expect(frame(card).getAttribute('dir')).to.equal('ltr');
  });

  it('finds them again when it moves', async () => {
    const page = await fixture<HTMLDivElement>(
      html`<div>
        <div dir="rtl"><billing-card .data=${billing}></billing-card></div>
        <div dir="ltr"></div>
      </div>`,
    );
    const card = page.querySelector<BillingCard>('billing-card')!;
    expect(frame(card).getAttribute('dir')).to.equal('rtl');
    page.lastElementChild!.append(card);
    card.requestUpdate();
    await card.updateComplete;
    expect(frame(card).getAttribute('dir')).to.equal('ltr');
  });

  it('does not walk up the page again on updates that change nothing on it', async () => {
    const page = await fixture<HTMLDivElement>(
      html`<div dir="rtl"><billing-card .data=${billing}></billing-card></div>`,
    );
    const card = page.querySelector<BillingCard>('billing-card')!;
    const closest = Element.prototype.closest;
    let walks = 0;
    Element.prototype.closest = function (this: Element, selector: string) {
      walks += 1;
      return closest.call(this, selector);
    } as typeof closest;
    try {
      for (let update = 0; update < 10; update += 1) {
        card.requestUpdate();
        await card.updateComplete;
      }
    } finally {
      Element.prototype.closest = closest;
    }
    expect(walks).to.equal(0);
    expect(frame(card).getAttribute('dir')).to.equal('rtl');
  });
});
