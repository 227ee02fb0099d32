/**
 * `registerLocale` takes a host's loader, and `loadLocale` never rejects (README, "Languages"): a
 * loader that throws before returning its promise, or resolves to no module at all, leaves that
 * language in English like one that rejects, and the card still renders. A loader replaced while
 * it loads never wins over its replacement, whichever settles last.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define/billing-card.js';
import type { BillingSummary } from '../../src/contract/types.js';
import type { BillingCard } from '../../src/elements/billing-card/billing-card.js';
import { type CatalogLoader, loadLocale, registerLocale } from '../../src/i18n/catalogs.js';

const billing: BillingSummary = {
  currentMonthTotal: { amountMinor: 123456, currency: 'EUR' },
  lastMonthTotal: { amountMinor: 100000, currency: 'EUR' },
  nextInvoiceDate: '2026-12-01',
};

const title = (card: HTMLElement) => card.shadowRoot!.querySelector('[part~="title"]')?.textContent?.trim();
const lang = (card: HTMLElement) => card.shadowRoot!.querySelector('[part~="card"]')?.getAttribute('lang');

/** What a host's JavaScript may hand over as a loader, whatever its type says. */
const BROKEN: Record<string, () => unknown> = {
  'throws at once': () => {
    throw new Error('no such chunk');
  },
  'resolves to undefined': async () => undefined,
  'resolves to null': async () => null,
};

describe('catalog loaders a host registers', () => {
  for (const [what, loader] of Object.entries(BROKEN)) {
    it(`one that ${what}: loadLocale resolves, and the card renders in English`, async () => {
      registerLocale('sv', loader as CatalogLoader);
      let outcome = 'pending';
      try {
        await loadLocale('sv-SE');
        outcome = 'resolved';
      } catch (error) {
        outcome = `rejected: ${String(error)}`;
      }
      expect(outcome).to.equal('resolved');
      const card = document.createElement('billing-card') as BillingCard;
      card.locale = 'sv-SE';
      card.data = billing;
      registerLocale('sv', loader as CatalogLoader); // asked afresh by the card, not the load above
      const rendered = await fixture<HTMLDivElement>(html`<div>${card}</div>`).then(
        () => card.updateComplete,
      );
      expect(rendered).to.equal(true);
      expect(title(card)).to.equal('Billing');
      expect(lang(card)).to.equal('en');
    });
  }

  it('one replaced while it loads: the replacement’s texts, though the first settles last', async () => {
    let settleFirst!: (module: { default: object }) => void;
    registerLocale('sv', () => new Promise((resolve) => (settleFirst = resolve)));
    void loadLocale('sv');
    const card = document.createElement('billing-card') as BillingCard;
    card.locale = 'sv';
    card.data = billing;
    document.body.append(card);
    try {
      registerLocale('sv', async () => ({ default: { billingTitle: 'Fakturering' } }));
      settleFirst({ default: { billingTitle: 'Gammal' } });
      await card.updateComplete;
      expect(title(card)).to.equal('Fakturering');
      await loadLocale('sv');
      card.requestUpdate();
      await card.updateComplete;
      expect(title(card)).to.equal('Fakturering');
      expect(lang(card)).to.equal('sv');
    } finally {
      card.remove();
    }
  });
});
