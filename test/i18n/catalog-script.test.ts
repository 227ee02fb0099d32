/**
 * Which catalog a locale reads, against `Intl.Locale`: the shipped catalog of the same language
 * written in the same script (each tag maximized: `pt-PT` and `pt-BR` are both Portuguese in
 * Latin, `zh-SG` Chinese in Simplified Han), else English, as CLDR never falls back from one script
 * to another. So Hindi in Latin letters (`hi-Latn`, CLDR's parent `en-IN`) or Arabic in Latin
 * (`ar-Latn`) is not shown Devanagari or Arabic texts, just as `zh-TW` is not shown Simplified
 * ones. Extensions (`-u-nu-`, `-u-ca-`), regions, case and aliases (`iw`) change nothing; anything
 * that is not a tag reads English.
 */
import { expect, fixture, html } from '@open-wc/testing';
import fc from 'fast-check';
import '../../src/define/billing-card.js';
import type { BillingCard } from '../../src/elements/billing-card/billing-card.js';
import { availableLocales, catalogLocale } from '../../src/i18n/catalogs.js';

const shipped = availableLocales();
const SCRIPTS = ['', 'Latn', 'Arab', 'Hebr', 'Deva', 'Cyrl', 'Jpan', 'Kore', 'Hans', 'Hant'];
const REGIONS = ['', 'US', 'BR', 'PT', 'TW', 'HK', 'CN', 'SG', 'IN', 'EG', 'IL', '419', 'AT', 'KR'];
const EXTENSIONS = ['', '-u-nu-arab', '-u-nu-deva', '-u-ca-japanese', '-u-ca-islamic', '-u-hc-h12'];
const LANGUAGES = [...new Set(shipped.map((locale) => locale.split('-')[0])), 'iw', 'sr', 'sv'];

/** The oracle: the shipped catalog of the tag's language and script, else English. */
function expected(tag: string): string {
  let locale: Intl.Locale;
  try {
    locale = new Intl.Locale(tag).maximize();
  } catch {
    return 'en';
  }
  const match = shipped.find((catalog) => {
    const that = new Intl.Locale(catalog).maximize();
    return that.language === locale.language && that.script === locale.script;
  });
  return match ?? 'en';
}

const tags = fc
  .tuple(
    fc.constantFrom(...LANGUAGES),
    fc.constantFrom(...SCRIPTS),
    fc.constantFrom(...REGIONS),
    fc.constantFrom(...EXTENSIONS),
    fc.boolean(),
  )
  .map(([language, script, region, extension, upper]) => {
    const tag = [language, script, region].filter(Boolean).join('-') + extension;
    return upper ? tag.toUpperCase() : tag;
  });

describe('the catalog of a locale', () => {
  it('is its language’s in the same script, else English', () => {
    fc.assert(
      fc.property(tags, (tag) => {
        expect(catalogLocale(tag), tag).to.equal(expected(tag));
      }),
      { numRuns: 2000 },
    );
    for (const [tag, catalog] of Object.entries({
      'hi-Latn': 'en',
      'hi-Latn-IN': 'en',
      'ar-Latn': 'en',
      'zh-TW': 'en',
      'zh-HK': 'en',
      'zh-SG': 'zh-Hans',
      'pt-PT': 'pt-BR',
      'es-419': 'es',
      'sr-Latn': 'en',
      iw: 'he',
      'ar-EG-u-nu-arab': 'ar',
      'ja-JP-u-ca-japanese': 'ja',
      'hi-Deva-IN': 'hi',
    }))
      expect(catalogLocale(tag), tag).to.equal(catalog);
  });

  it('is English for anything that is not a tag', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        expect(catalogLocale(text), JSON.stringify(text)).to.equal(expected(text));
      }),
      { numRuns: 500 },
    );
    for (const text of ['', ' ', 'en_US', 'de-', '-de', 'not a locale!', '__proto__'])
      expect(catalogLocale(text), JSON.stringify(text)).to.equal('en');
    // Rare but well-formed tags (private use, variants, old forms) read as the oracle does, never throw.
    for (const tag of ['de-x-foo', 'de-CH-1996', 'ja-a-bbb-x-a', 'sl-rozaj-biske', 'zh-min-nan', 'en-GB-oed'])
      expect(catalogLocale(tag), tag).to.equal(expected(tag));
    for (const tag of ['x-whatever', 'und', 'root', 'i-klingon', 'art-lojban'])
      expect(catalogLocale(tag), tag).to.equal(expected(tag));
  });

  it('gives a card in Hindi written in Latin letters English texts, marked so', async () => {
    const card = await fixture<BillingCard>(html`<billing-card locale="hi-Latn"></billing-card>`);
    const box = card.shadowRoot!.querySelector('[part~="card"]')!;
    expect(box.getAttribute('lang')).to.equal('en');
    expect(card.shadowRoot!.querySelector('[part~="title"]')!.textContent!.trim()).to.equal('Billing');
  });
});
