/**
 * A catalog whose load failed (a network blip) is not English for the rest of the page's life: the
 * next request for it (`loadLocale`, or a later render of an element showing it) loads it again,
 * at most once per request and once for every element that renders together, while a catalog
 * that loaded stays loaded. And `registerLocale('en', …)` does not list English twice.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/define/billing-card.js';
import type { BillingSummary } from '../../src/contract/types.js';
import type { BillingCard } from '../../src/elements/billing-card/billing-card.js';
import {
  availableLocales,
  hasTranslations,
  loadLocale,
  registerLocale,
  type CatalogLoader,
} from '../../src/i18n/catalogs.js';

const billing: BillingSummary = {
  currentMonthTotal: { amountMinor: 123456, currency: 'EUR' },
  lastMonthTotal: { amountMinor: 100000, currency: 'EUR' },
  nextInvoiceDate: '2026-12-01',
};

const title = (card: HTMLElement) => card.shadowRoot!.querySelector('[part~="title"]')?.textContent?.trim();
const lang = (card: HTMLElement) => card.shadowRoot!.querySelector('[part~="card"]')?.getAttribute('lang');

const SWEDISH = { default: { billingTitle: 'Fakturering' } };

/** A loader that fails its first `failures` calls (as a chunk request does offline), then loads; it counts its calls. */
function flakyLoader(failures: number): CatalogLoader & { calls: number } {
  const loader = Object.assign(
    async () => {
      loader.calls += 1;
      if (loader.calls <= failures) throw new TypeError('Failed to fetch dynamically imported module');
      return SWEDISH;
    },
    { calls: 0 },
  );
  return loader;
}

async function billingCards(count: number, locale: string): Promise<BillingCard[]> {
  const box = await fixture<HTMLDivElement>(html`<div></div>`);
  const cards = Array.from({ length: count }, () => {
    const card = document.createElement('billing-card') as BillingCard;
    card.locale = locale;
    card.data = billing;
    return card;
  });
  box.append(...cards);
  await Promise.all(cards.map((card) => card.updateComplete));
  return cards;
}

/** Lets every pending task run (a failed load's rejection included). */
const tasks = (count = 5) =>
  (async () => {
    for (let i = 0; i < count; i += 1) await new Promise((resolve) => setTimeout(resolve));
  })();

describe('a catalog that failed to load', () => {
  it('is loaded again by the next loadLocale, and then stays loaded', async () => {
    const loader = flakyLoader(1);
    registerLocale('sv', loader);
    await loadLocale('sv');
    expect(hasTranslations('sv'), 'after the failure').to.equal(false);
    expect(loader.calls).to.equal(1);
    await loadLocale('sv-SE');
    expect(hasTranslations('sv'), 'after the second request').to.equal(true);
    expect(loader.calls).to.equal(2);
    await loadLocale('sv');
    await loadLocale('sv-FI');
    expect(loader.calls, 'a loaded catalog is kept').to.equal(2);
  });

  it('requests made together share one new attempt', async () => {
    const loader = flakyLoader(1);
    registerLocale('sv', loader);
    await loadLocale('sv');
    await Promise.all([loadLocale('sv'), loadLocale('sv'), loadLocale('sv-SE')]);
    expect(loader.calls).to.equal(2);
    expect(hasTranslations('sv')).to.equal(true);
  });

  it('a card that showed English after the failure shows the catalog after its next render', async () => {
    const loader = flakyLoader(1);
    registerLocale('sv', loader);
    const [card] = await billingCards(1, 'sv');
    expect(title(card)).to.equal('Billing');
    expect(lang(card)).to.equal('en');
    await tasks();
    expect(loader.calls, 'nothing asks again before a later render').to.equal(1);
    card.requestUpdate();
    await card.updateComplete;
    await waitUntil(() => title(card) === 'Fakturering', 'the card renders the loaded catalog');
    expect(lang(card)).to.equal('sv');
    expect(loader.calls).to.equal(2);
    card.requestUpdate();
    await card.updateComplete;
    await tasks();
    expect(loader.calls, 'loaded: never asked again').to.equal(2);
  });

  it('no retry storm: at most one attempt per later render, shared by cards that render together', async () => {
    const loader = flakyLoader(Number.POSITIVE_INFINITY);
    registerLocale('sv', loader);
    const cards = await billingCards(8, 'sv');
    await tasks();
    expect(loader.calls, 'the first renders share one load').to.equal(1);
    for (let render = 1; render <= 3; render += 1) {
      for (const card of cards) card.requestUpdate();
      await Promise.all(cards.map((card) => card.updateComplete));
      await tasks();
      expect(loader.calls, `after later render ${render}`).to.be.at.most(1 + render);
      expect(title(cards[0])).to.equal('Billing');
    }
    expect(loader.calls, 'the later renders did ask again').to.be.greaterThan(1);
    await tasks(10);
    const calls = loader.calls;
    await tasks(10);
    expect(loader.calls, 'nothing asks while nothing renders').to.equal(calls);
  });
});

// Last: it replaces English's catalog for the rest of this file.
describe('availableLocales', () => {
  it('lists English once after registerLocale("en", …) and after "EN"', () => {
    registerLocale('en', async () => ({ default: { billingTitle: 'Invoices' } }));
    registerLocale('EN', async () => ({ default: { billingTitle: 'Invoices' } }));
    const locales = availableLocales();
    expect(locales.filter((locale) => locale === 'en')).to.deep.equal(['en']);
    expect(new Set(locales).size).to.equal(locales.length);
  });
});
