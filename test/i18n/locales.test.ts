import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define.js';
import type { BillingCard } from '../../src/elements/billing-card/billing-card.js';
import { orgInfoCardStrings } from '../../src/strings/org-info-card.js';
import {
  catalogLocale,
  contentLanguage,
  loadedCatalog,
  loadLocale,
  registerLocale,
} from '../../src/i18n/catalogs.js';
import { fillPlural, selectPlural } from '../../src/i18n/plural.js';
import type { BillingSummary } from '../../src/contract/types.js';
import { createMemoryAdapter } from '../../src/adapters/memory.js';
import { dataset, until } from '../helpers/data.js';
import { englishTexts as english } from '../helpers/english-texts.js';

const billing: BillingSummary = {
  currentMonthTotal: { amountMinor: 123456, currency: 'EUR' },
  lastMonthTotal: { amountMinor: 100000, currency: 'EUR' },
  nextInvoiceDate: '2026-12-01',
};

/** Catalog modules the page has fetched so far (`/src/locales/<x>.ts`). */
const fetchedLocales = () =>
  performance
    .getEntriesByType('resource')
    .map((entry) => /\/src\/locales\/([\w-]+)\.ts/.exec(entry.name)?.[1])
    .filter((name): name is string => Boolean(name));

const title = (card: HTMLElement) => card.shadowRoot!.querySelector('[part~="title"]')!.textContent!.trim();
const part = (card: HTMLElement, name: string) =>
  card.shadowRoot!.querySelector(`[part~="${name}"]`)!.textContent!.trim();

describe('locales', () => {
  // First: nothing else in this file has asked for any locale yet.
  it('fetches a catalog only when an element shows its locale, and renders it translated at once', async () => {
    expect(fetchedLocales()).to.deep.equal([]);
    const card = document.createElement('billing-card') as BillingCard;
    card.locale = 'fr-CA';
    card.data = billing;
    const seen: string[] = [];
    const observer = new MutationObserver(() => seen.push(card.shadowRoot?.textContent ?? ''));
    document.body.append(card);
    observer.observe(card.shadowRoot!, { subtree: true, childList: true, characterData: true });
    await card.updateComplete;
    observer.disconnect();
    expect(title(card)).to.equal('Facturation');
    // No English first paint.
    expect(seen.join(' ')).not.to.contain('Billing');
    expect(fetchedLocales()).to.deep.equal(['fr']);
    card.remove();
  });

  it('uses the language’s catalog for a regional locale, English for a language it does not ship', async () => {
    expect(catalogLocale('de-AT')).to.equal('de');
    expect(catalogLocale('ar-KW')).to.equal('ar');
    expect(catalogLocale('ja-JP-u-ca-japanese')).to.equal('ja');
    expect(catalogLocale('sw-KE')).to.equal('en');
    // Portuguese outside Brazil reads the Brazilian catalog rather than English.
    expect(catalogLocale('pt-PT')).to.equal('pt-BR');
    expect(catalogLocale('pt')).to.equal('pt-BR');
    // Chinese by script, as CLDR falls back: Simplified for China, Singapore and plain `zh`; a
    // Traditional locale (Taiwan, Hong Kong) never reads Simplified texts, English then.
    for (const simplified of ['zh', 'zh-CN', 'zh-SG', 'zh-Hans', 'zh-Hans-HK'])
      expect(catalogLocale(simplified), simplified).to.equal('zh-Hans');
    for (const traditional of ['zh-TW', 'zh-HK', 'zh-Hant', 'zh-Hant-CN'])
      expect(catalogLocale(traditional), traditional).to.equal('en');
    expect(contentLanguage('pt-PT')).to.equal('pt-BR');
    expect(contentLanguage('pt-BR')).to.equal('pt-BR');
    expect(catalogLocale('not a locale!')).to.equal('en');
    const austrian = await fixture<BillingCard>(
      html`<billing-card locale="de-AT" .data=${billing}></billing-card>`,
    );
    expect(title(austrian)).to.equal('Abrechnung');
    // Formatting follows the full locale, not the catalog's.
    expect(part(austrian, 'current-month')).to.equal(
      new Intl.NumberFormat('de-AT', { style: 'currency', currency: 'EUR' }).format(1234.56),
    );
    const swahili = await fixture<BillingCard>(
      html`<billing-card locale="sw-KE" .data=${billing}></billing-card>`,
    );
    expect(title(swahili)).to.equal('Billing');
    expect(part(swahili, 'current-month')).to.equal(
      new Intl.NumberFormat('sw-KE', { style: 'currency', currency: 'EUR' }).format(1234.56),
    );
    expect(swahili.shadowRoot!.querySelector('[part~="card"]')!.getAttribute('lang')).to.equal('en');
    expect(fetchedLocales()).not.to.include('sw');
  });

  it('falls back to English key by key when a catalog lacks a text', async () => {
    registerLocale('es', async () => ({ default: { billingTitle: 'Facturación' } }));
    const card = await fixture<BillingCard>(
      html`<billing-card locale="es-MX" .data=${billing}></billing-card>`,
    );
    expect(title(card)).to.equal('Facturación');
    expect(part(card, 'current-month')).to.contain('1,234.56');
    expect(card.shadowRoot!.querySelector('.caption')!.textContent).to.equal('This month');
  });

  it('uses a catalog registered after its locale was first shown: a card shown before, once it updates', async () => {
    const card = await fixture<BillingCard>(
      html`<billing-card locale="sv-SE" .data=${billing}></billing-card>`,
    );
    expect(catalogLocale('sv-SE')).to.equal('en');
    registerLocale('sv', async () => ({ default: { billingTitle: 'Fakturering' } }));
    expect(catalogLocale('sv-SE')).to.equal('sv');
    await loadLocale('sv-SE');
    card.requestUpdate();
    await card.updateComplete;
    expect(title(card)).to.equal('Fakturering');
  });

  it('keeps a failing catalog from breaking the card: it stays in English', async () => {
    registerLocale('xx', () => Promise.reject(new Error('offline')));
    const card = await fixture<BillingCard>(html`<billing-card locale="xx" .data=${billing}></billing-card>`);
    expect(title(card)).to.equal('Billing');
    // Its texts are English, and say so to screen readers and hyphenation.
    expect(card.shadowRoot!.querySelector('[part~="card"]')!.getAttribute('lang')).to.equal('en');
  });

  it('lets `strings` on the provider and on the card win over the catalog', async () => {
    const adapter = createMemoryAdapter(dataset('o1'));
    const provider = await fixture(html`
      <org-dashboard-provider
        org-id="o1"
        locale="de-DE"
        .adapter=${adapter}
        .strings=${{ billingTitle: 'Kosten', billingLastMonth: 'Vormonat' }}
      >
        <billing-card></billing-card>
        <billing-card .strings=${{ billingTitle: 'Meine Kosten' }}></billing-card>
      </org-dashboard-provider>
    `);
    const [shared, own] = [...provider.querySelectorAll<BillingCard>('billing-card')];
    await until(() => shared.state === 'ready' && own.state === 'ready', 'both cards');
    await shared.updateComplete;
    expect(title(shared)).to.equal('Kosten');
    expect(title(own)).to.equal('Meine Kosten');
    for (const card of [shared, own]) {
      expect(card.shadowRoot!.querySelector('.details dt')!.textContent).to.equal('Vormonat');
      expect(card.shadowRoot!.querySelector('.caption')!.textContent).to.equal('Dieser Monat');
    }
  });

  it('ships German, French, Japanese and Arabic with every text of the six cards and the activity log', async () => {
    for (const locale of ['de', 'fr', 'ja', 'ar']) {
      await loadLocale(locale);
      const catalog = loadedCatalog(locale)!;
      const missing = Object.keys(english).filter((key) => !(key in catalog));
      expect(missing, `${locale} lacks`).to.deep.equal([]);
      for (const [key, value] of Object.entries(catalog)) {
        // Every placeholder of the English text is kept, so nothing is lost in translation.
        const placeholders = (text: unknown) =>
          [...JSON.stringify(text).matchAll(/\{(\w+)\}/g)].map((m) => m[1]).filter((p) => p !== 'count');
        const wanted = new Set(placeholders(english[key]));
        expect(new Set(placeholders(value)), `${locale}.${key}`).to.deep.equal(wanted);
      }
    }
  });
});

describe('plurals', () => {
  const members = async (locale: string, count: number) => {
    await loadLocale(locale);
    const message = loadedCatalog(locale)?.orgInfoMembers ?? orgInfoCardStrings.orgInfoMembers;
    return fillPlural(message, count, { locale });
  };

  it('English and German: one and other', async () => {
    expect(await members('en', 1)).to.equal('1 member');
    expect(await members('en', 5)).to.equal('5 members');
    expect(await members('en', 0)).to.equal('0 members');
    expect(await members('de', 1)).to.equal('1 Mitglied');
    expect(await members('de', 1234)).to.equal('1.234 Mitglieder');
  });

  it('French: the singular for 0 and 1, "de" for millions', async () => {
    expect(await members('fr', 0)).to.equal('0 membre');
    expect(await members('fr', 1)).to.equal('1 membre');
    expect(await members('fr', 2)).to.equal('2 membres');
    expect(await members('fr', 1_000_000)).to.equal('1\u202f000\u202f000 de membres');
  });

  it('Japanese: one form, with a counter', async () => {
    expect(await members('ja', 1)).to.equal('1 名');
    expect(await members('ja', 1234)).to.equal('1,234 名');
  });

  it('Arabic: all six forms, in the locale’s digits', async () => {
    expect(await members('ar', 0)).to.equal('لا أعضاء');
    expect(await members('ar', 1)).to.equal('عضو واحد');
    expect(await members('ar', 2)).to.equal('عضوان');
    expect(await members('ar', 3)).to.equal('3 أعضاء');
    expect(await members('ar', 11)).to.equal('11 عضوًا');
    expect(await members('ar', 100)).to.equal('100 عضو');
    expect(await members('ar-EG', 3)).to.equal('٣ أعضاء');
    expect(await members('ar-EG', 102)).to.equal('١٠٢ عضو');
  });

  it('takes a plain string for every count, and falls back to `other` for a missing form', () => {
    expect(selectPlural('Show dismissed ({count})', 1, 'en')).to.equal('Show dismissed ({count})');
    expect(selectPlural({ other: 'x' }, 2, 'ar')).to.equal('x');
    expect(
      fillPlural(
        { one: '{count} item in {where}', other: '{count} items' },
        1,
        { locale: 'en' },
        { where: 'A' },
      ),
    ).to.equal('1 item in A');
  });
});
