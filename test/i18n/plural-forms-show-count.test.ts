/**
 * Every plural message of every shipped catalog, against the locale's own plural rules
 * (`Intl.PluralRules`, the browser's CLDR data) for counts 0 to 200: the form a count selects
 * exists (or is `zero`, which CLDR lets fall back to `other`), and where English shows the count,
 * the translation shows it too. A form may leave the count out only when its category stands for
 * one number alone, which it then spells out (Arabic's `zero`, `one` and `two`: "عضو واحد", "عضوان";
 * Hebrew's `two`); French, Brazilian Portuguese and Hindi `one` also covers 0, so it must show it.
 * Decimal counts are checked for the messages that can get one: `planShortRunway` takes the
 * `low-runway-days` setting, any number of days (Hebrew's `one` covers 0.5 too). Every other count
 * is a whole number: items, entries, whole days or years, a currency's decimals.
 */
import { expect } from '@open-wc/testing';
import { availableLocales, loadedCatalog, loadLocale } from '../../src/i18n/catalogs.js';
import type { PluralCategory, PluralMessage } from '../../src/strings/plural-message.js';
import { englishTexts as english } from '../helpers/english-texts.js';

const WHOLE = Array.from({ length: 201 }, (_, i) => i);
const DECIMALS = [0.1, 0.25, 0.5, 1.5, 2.5, 3.75, 10.5, 21.5, 100.5, 101.25];
/** The messages whose count can have decimals (see above). */
const TAKES_DECIMALS = new Set(['planShortRunway']);

const shipped = availableLocales().filter((locale) => locale !== 'en');
const shows = (form: string) => form.includes('{count}');

describe('plural forms against Intl.PluralRules', () => {
  for (const locale of shipped) {
    it(`${locale}: every selected form exists, and shows the count where English does`, async () => {
      await loadLocale(locale);
      const catalog = loadedCatalog(locale) as Record<string, PluralMessage>;
      const rules = new Intl.PluralRules(locale);
      const englishRules = new Intl.PluralRules('en');
      const faults = new Set<string>();
      for (const [key, message] of Object.entries(catalog)) {
        const source = english[key];
        if (typeof source !== 'object') continue;
        const counts = TAKES_DECIMALS.has(key) ? [...WHOLE, ...DECIMALS] : WHOLE;
        const forms = typeof message === 'string' ? { other: message } : message;
        // The counts each category of this locale stands for, among those checked.
        const byCategory = new Map<PluralCategory, number[]>();
        for (const count of counts) {
          const category = rules.select(count) as PluralCategory;
          byCategory.set(category, [...(byCategory.get(category) ?? []), count]);
        }
        for (const [category, covered] of byCategory) {
          const own = forms[category];
          if (own === undefined && category !== 'zero' && typeof message !== 'string') {
            faults.add(`${key}: no "${category}" form (count ${covered[0]})`);
          }
          const form = own ?? forms.other;
          const englishShows = covered.filter((count) => {
            const englishForm = source[englishRules.select(count) as PluralCategory] ?? source.other;
            return shows(englishForm);
          });
          // One number alone may be spelled out ("عضوان"); a form for several must show which.
          if (englishShows.length && !shows(form) && covered.length > 1) {
            faults.add(
              `${key}.${category} lacks {count}, shown for ${covered.slice(0, 3).join(', ')}: "${form}"`,
            );
          }
        }
      }
      expect([...faults]).to.deep.equal([]);
    });
  }
});
