/**
 * Every shipped catalog is complete (issue #17): every key of the English
 * texts, every placeholder kept, every plural category its language uses
 * (from the browser's own CLDR data, `Intl.PluralRules`), and nothing left in
 * English where the language would not keep it. Runs over `availableLocales()`,
 * so a catalog added there is checked without touching this file.
 */
import { expect } from '@open-wc/testing';
import { availableLocales, loadedCatalog, loadLocale } from '../../src/i18n/catalogs.js';
import type { PluralMessage } from '../../src/strings/plural-message.js';
import { englishTexts as english } from '../helpers/english-texts.js';

/**
 * Texts a language really keeps as English writes them: loanwords and
 * abbreviations its speakers use as they are. Anything else equal to English
 * is a text nobody translated.
 */
const SAME_AS_ENGLISH: Record<string, string[]> = {
  de: [
    'workspacesTitle',
    'orgInfoName',
    'activityResourceWorkspaces',
    'announcementsKindUpdate',
    'announcementsSeverityInfo',
  ],
  fr: [
    'billingHistoryTotal',
    'activityLogAction',
    'announcementsKindMaintenance',
    'announcementsSeverityInfo',
  ],
  // Filled in as each catalog is written: only what that language really keeps as English.
  es: ['billingHistoryTotal', 'planName'],
  'pt-BR': ['billingHistoryTotal'],
  it: [],
  nl: ['announcementsKindRelease', 'announcementsKindUpdate', 'announcementsSeverityInfo'],
  pl: ['planName'],
  'zh-Hans': [],
  ko: [],
  hi: [],
  he: [],
};

/** Scripts whose languages write no Latin words of their own: a text with none of its script is English left in. */
const SCRIPT: Record<string, RegExp> = {
  ja: /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]/u,
  'zh-Hans': /\p{Script=Han}/u,
  ko: /\p{Script=Hangul}/u,
  ar: /\p{Script=Arabic}/u,
  he: /\p{Script=Hebrew}/u,
  hi: /\p{Script=Devanagari}/u,
};

const forms = (message: PluralMessage): string[] =>
  typeof message === 'string' ? [message] : Object.values(message).filter((form): form is string => !!form);
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]);
/** What a text says once its placeholders, numbers and punctuation are gone. */
const words = (text: string) =>
  text
    .replace(/\{\w+\}/g, ' ')
    .replace(/[^\p{L}]+/gu, ' ')
    .trim();

const shipped = availableLocales().filter((locale) => locale !== 'en');

describe('every shipped catalog', () => {
  it('ships the fourteen languages README lists, English built in', () => {
    expect([...availableLocales()].sort()).to.deep.equal(
      ['ar', 'de', 'en', 'es', 'fr', 'he', 'hi', 'it', 'ja', 'ko', 'nl', 'pl', 'pt-BR', 'zh-Hans'].sort(),
    );
  });

  for (const locale of shipped) {
    describe(locale, () => {
      before(() => loadLocale(locale));
      const catalog = () => loadedCatalog(locale) as Record<string, PluralMessage>;
      // Each check lists every fault it finds, so one run shows a translator all of them.

      it('has every key of the English texts, and none English does not have', () => {
        expect(
          Object.keys(english).filter((key) => !(key in catalog())),
          'missing',
        ).to.deep.equal([]);
        expect(
          Object.keys(catalog()).filter((key) => !(key in english)),
          'unknown',
        ).to.deep.equal([]);
      });

      it('keeps every placeholder of each text, and adds none', () => {
        const faults: string[] = [];
        for (const [key, message] of Object.entries(catalog())) {
          const source = english[key];
          if (source === undefined) continue;
          const wanted = new Set(forms(source).flatMap(placeholders));
          for (const name of forms(message).flatMap(placeholders)) {
            if (!wanted.has(name)) faults.push(`${key} adds {${name}}`);
          }
          // A plural form may leave a value out ("1 day": no daily high; "عضو واحد" spells its count
          // out), but the general form, `other`, says everything the English one says.
          const general = typeof message === 'string' ? message : message.other;
          const needed =
            typeof message === 'string'
              ? forms(source)
              : [typeof source === 'string' ? source : source.other];
          for (const name of new Set(needed.flatMap(placeholders))) {
            if (!placeholders(general).includes(name)) faults.push(`${key}: "${general}" lacks {${name}}`);
          }
        }
        expect(faults).to.deep.equal([]);
      });

      it('has every plural form its language uses, and only those', () => {
        const categories = new Intl.PluralRules(locale).resolvedOptions().pluralCategories as string[];
        // `zero` (Arabic) may fall back to `other`, as CLDR's own data allows; every other form must be there.
        const needed = categories.filter((category) => category !== 'zero');
        const faults: string[] = [];
        for (const [key, message] of Object.entries(english)) {
          const translated = catalog()[key];
          if (typeof message === 'string' || translated === undefined) continue;
          // A language with one form for every count (Japanese, Chinese, Korean) may give a plain text.
          const given = typeof translated === 'string' ? ['other'] : Object.keys(translated);
          const lacking = needed.filter((category) => !given.includes(category));
          const foreign = given.filter((category) => !categories.includes(category));
          if (lacking.length) faults.push(`${key} lacks ${lacking.join(', ')}`);
          if (foreign.length) faults.push(`${key} has ${foreign.join(', ')}, which ${locale} does not use`);
        }
        expect(faults).to.deep.equal([]);
      });

      it('translates every text the language would not keep in English', () => {
        const kept = new Set(SAME_AS_ENGLISH[locale] ?? []);
        const script = SCRIPT[locale];
        const faults: string[] = [];
        for (const [key, message] of Object.entries(catalog())) {
          const source = english[key];
          if (kept.has(key) || source === undefined) continue;
          for (const form of forms(message)) {
            if (!words(form)) continue;
            if (forms(source).includes(form)) faults.push(`${key} is still English: "${form}"`);
            else if (script && !script.test(words(form)))
              faults.push(`${key} has no ${locale} text: "${form}"`);
          }
        }
        expect(faults).to.deep.equal([]);
      });
    });
  }
});
