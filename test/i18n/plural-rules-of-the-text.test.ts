/**
 * A count's plural form is chosen by the rules of the language the text is written in. Where a
 * card's texts are English (a locale with no catalog: `zh-TW`, `ru`, `id`, `cy`...; a key a
 * registered catalog leaves out), English's rules pick the English form: "1 member", "21 members",
 * never "1 members" (Chinese has one form) or "21 member" (Russian's `one`). The count is still
 * written in the locale's digits, and a translation's forms follow the locale's rules. Oracles:
 * `Intl.PluralRules` and `Intl.NumberFormat`.
 */
import { expect, fixture, html } from '@open-wc/testing';
import fc from 'fast-check';
import '../../src/define/org-info-card.js';
import type { Organization } from '../../src/contract/types.js';
import type { OrgInfoCard } from '../../src/elements/org-info-card/org-info-card.js';
import { availableLocales, loadedCatalog, loadLocale, registerLocale } from '../../src/i18n/catalogs.js';
import { orgInfoCardStrings } from '../../src/strings/org-info-card.js';
import type { PluralCategory, PluralMessage } from '../../src/strings/plural-message.js';

const org = (teamSize: number): Organization => ({
  id: 'o1',
  name: 'Acme',
  owner: { name: 'Ada' },
  createdAt: '2023-03-14T09:26:53Z',
  teamSize,
});

/** The form `rules` pick for `count`, filled with the count as `locale` writes it. */
function expected(message: PluralMessage, count: number, rules: string, locale: string): string {
  const forms = message as Partial<Record<PluralCategory, string>> & { other: string };
  const form = forms[new Intl.PluralRules(rules).select(count) as PluralCategory] ?? forms.other;
  return form.replace('{count}', new Intl.NumberFormat(locale).format(count));
}

async function teamSize(locale: string, count: number, strings?: object): Promise<[string, string]> {
  const card = await fixture<OrgInfoCard>(
    html`<org-info-card locale=${locale} .strings=${strings} .data=${org(count)}></org-info-card>`,
  );
  const box = card.shadowRoot!.querySelector('[part~="card"]')!;
  const text = card.shadowRoot!.querySelector('[part~="team-size"]')!.textContent!.trim();
  return [text, box.getAttribute('lang')!];
}

/** Locales the library has no catalog for, whose plural rules are not English's. */
const UNTRANSLATED = ['zh-TW', 'zh-HK', 'ru', 'uk', 'sr-Latn', 'id', 'th', 'vi', 'cy', 'lv', 'ga'];
/** The shipped translations (read before a test registers one of its own). */
const shipped = availableLocales().filter((locale) => locale !== 'en');
const counts = fc.oneof(fc.integer({ min: 0, max: 120 }), fc.nat(2_000_000));

describe('plural forms follow the language of the text', () => {
  it('English texts take English forms, in the locale’s digits, whatever the locale', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...UNTRANSLATED), counts, async (locale, count) => {
        const [text, lang] = await teamSize(locale, count);
        expect(lang).to.equal('en');
        expect(text).to.equal(expected(orgInfoCardStrings.orgInfoMembers, count, 'en', locale));
      }),
      { numRuns: 60 },
    );
    expect((await teamSize('zh-TW', 1))[0]).to.equal('1 member');
    expect((await teamSize('ru', 21))[0]).to.equal('21 members');
  });

  it('a key a registered catalog leaves out is English, with English forms', async () => {
    registerLocale('lt', async () => ({ default: { orgInfoTitle: 'Organizacija' } }));
    for (const count of [1, 2, 10, 21, 101]) {
      const [text, lang] = await teamSize('lt', count);
      expect(lang).to.equal('lt');
      expect(text, `${count}`).to.equal(expected(orgInfoCardStrings.orgInfoMembers, count, 'en', 'lt'));
    }
  });

  it('a translation’s forms, from a catalog or `strings`, follow the locale’s rules', async () => {
    const russian = {
      one: '{count} участник',
      few: '{count} участника',
      many: '{count} участников',
      other: '{count} участника',
    };
    for (const count of [1, 2, 5, 21, 22, 25, 111]) {
      expect((await teamSize('ru', count, { orgInfoMembers: russian }))[0], `ru ${count}`).to.equal(
        expected(russian, count, 'ru', 'ru'),
      );
    }
    await Promise.all(shipped.map((locale) => loadLocale(locale)));
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...shipped), counts, async (locale, count) => {
        const message = loadedCatalog(locale)!.orgInfoMembers!;
        expect((await teamSize(locale, count))[0]).to.equal(expected(message, count, locale, locale));
      }),
      { numRuns: 60 },
    );
  });
});
