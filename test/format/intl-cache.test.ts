import { expect } from '@open-wc/testing';
import sinon from 'sinon';
import { formatNumber } from '../../src/format/format.js';
import { formatRelativeTime } from '../../src/format/relative-time.js';
import { fillPlural } from '../../src/i18n/plural.js';

// Every `Intl` object the library builds goes through one bounded cache: a
// repeated locale reuses its object, and a page that cycles through more
// locales than the bound rebuilds the oldest instead of keeping them all.
// Observed from outside: how often each `Intl` constructor runs.

/** Well-formed, distinct locales: private-use subtags change the cache key, not the output. */
const manyLocales = (prefix: string, count: number) =>
  Array.from({ length: count }, (_, i) => `en-x-${prefix}${i.toString(36)}`);

/** More than any reasonable bound (the cache holds 256), few enough to run fast. */
const BEYOND_ANY_BOUND = 600;

function countConstructions<K extends 'NumberFormat' | 'RelativeTimeFormat' | 'PluralRules'>(name: K) {
  return sinon.spy(Intl, name);
}

const cases = [
  {
    name: 'RelativeTimeFormat' as const,
    use: (locale: string) => formatRelativeTime(0, 3_600_000, { locale }),
  },
  {
    name: 'PluralRules' as const,
    use: (locale: string) => fillPlural({ one: '{count} item', other: '{count} items' }, 2, { locale }),
  },
  { name: 'NumberFormat' as const, use: (locale: string) => formatNumber(1234, { locale }) },
];

describe('the Intl object cache', () => {
  afterEach(() => sinon.restore());

  for (const { name, use } of cases) {
    it(`builds one ${name} per locale however often it is used`, () => {
      const spy = countConstructions(name);
      const [locale] = manyLocales(`${name.slice(0, 3)}a`, 1);
      for (let i = 0; i < 20; i++) use(locale);
      expect(spy.callCount).to.be.at.most(1);
    });

    it(`stays bounded: a ${name} of a locale used long ago is rebuilt, not kept forever`, () => {
      const [first, ...others] = manyLocales(`${name.slice(0, 3)}b`, BEYOND_ANY_BOUND + 1);
      use(first);
      for (const locale of others) use(locale);
      const spy = countConstructions(name);
      use(first);
      expect(spy.callCount, `${name} for ${first} after ${others.length} other locales`).to.equal(1);
    });
  }
});
