import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { currencyExponent } from '../../src/format/currency.js';
import type { Money } from '../../src/contract/types.js';
import { moneyInputText, parseMoneyInput, type MoneyInputRefusal } from '../../src/format/money-input.js';

const LOCALES = ['en', 'de', 'fr', 'ja', 'ar', 'ar-u-nu-arab', 'hi', 'hi-u-nu-deva'];
const CURRENCIES = ['USD', 'JPY', 'KWD', 'CLF', 'EUR'];

/** `amountMinor` as an exact decimal string of major units ("1234.50" for 123450 USD), for Intl's string input. */
function decimal(amountMinor: bigint, exponent: number): string {
  const digits = amountMinor.toString().padStart(exponent + 1, '0');
  return exponent === 0 ? digits : `${digits.slice(0, -exponent)}.${digits.slice(-exponent)}`;
}

/** How a viewer's locale writes the amount: as a plain number or with the currency, grouped or not. */
function formatted(
  amountMinor: bigint,
  currency: string,
  locale: string,
  style: { currency: boolean; grouping: boolean; allDecimals: boolean },
): string {
  const exponent = currencyExponent(currency);
  const format = new Intl.NumberFormat(locale, {
    ...(style.currency ? { style: 'currency', currency } : {}),
    useGrouping: style.grouping,
    minimumFractionDigits: style.allDecimals ? exponent : 0,
    maximumFractionDigits: exponent,
  });
  // A string is formatted as the exact decimal it writes (Intl.NumberFormat v3), a number would round.
  return format.format(decimal(amountMinor, exponent) as unknown as number);
}

const amounts = fc.oneof(
  fc.bigInt({ min: 1n, max: 10_000_000n }),
  fc.bigInt({ min: 1n, max: BigInt(Number.MAX_SAFE_INTEGER) }),
);
const styles = fc.record({ currency: fc.boolean(), grouping: fc.boolean(), allDecimals: fc.boolean() });

const refusal = (text: string, currency: string, locale: string): MoneyInputRefusal | undefined => {
  const result = parseMoneyInput(text, currency, locale);
  return result.ok ? undefined : result.reason;
};

describe('parseMoneyInput', () => {
  it('reads back every amount Intl.NumberFormat writes, in every locale and currency (fast-check)', () => {
    fc.assert(
      fc.property(
        amounts,
        fc.constantFrom(...LOCALES),
        fc.constantFrom(...CURRENCIES),
        styles,
        (amountMinor, locale, currency, style) => {
          const text = formatted(amountMinor, currency, locale, style);
          expect(parseMoneyInput(text, currency, locale), text).to.deep.equal({
            ok: true,
            amount: { amountMinor: Number(amountMinor), currency },
          });
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('reads Arabic-Indic and Devanagari digits, and ASCII digits in those locales', () => {
    expect(
      formatted(123450n, 'USD', 'ar-u-nu-arab', { currency: false, grouping: true, allDecimals: true }),
    ).to.equal('١٬٢٣٤٫٥٠');
    expect(parseMoneyInput('١٬٢٣٤٫٥٠', 'USD', 'ar-u-nu-arab')).to.deep.equal({
      ok: true,
      amount: { amountMinor: 123450, currency: 'USD' },
    });
    expect(parseMoneyInput('१,२३,४५६', 'JPY', 'hi-u-nu-deva')).to.deep.equal({
      ok: true,
      amount: { amountMinor: 123456, currency: 'JPY' },
    });
    expect(parseMoneyInput('1234', 'JPY', 'ar-u-nu-arab')).to.deep.equal({
      ok: true,
      amount: { amountMinor: 1234, currency: 'JPY' },
    });
  });

  it('accepts a typed space where the locale groups with a narrow no-break space', () => {
    expect(parseMoneyInput('1 234,5', 'EUR', 'fr')).to.deep.equal({
      ok: true,
      amount: { amountMinor: 123450, currency: 'EUR' },
    });
  });

  it('says why it refuses', () => {
    const cases: [string, string, string, MoneyInputRefusal][] = [
      ['', 'USD', 'en', 'empty'],
      ['   ', 'USD', 'en', 'empty'],
      ['abc', 'USD', 'en', 'not-a-number'],
      ['12.3.4', 'USD', 'en', 'not-a-number'],
      ['1e5', 'USD', 'en', 'not-a-number'],
      ['+5', 'USD', 'en', 'not-a-number'],
      ['.', 'USD', 'en', 'not-a-number'],
      // A group separator where grouping does not put one: German 12.50 may mean 12,50, never 1250.
      ['12.50', 'EUR', 'de', 'not-a-number'],
      ['1,23', 'USD', 'en', 'not-a-number'],
      ['1,2345', 'USD', 'en', 'not-a-number'],
      ['€5', 'USD', 'en', 'not-a-number'],
      ['1.5', 'JPY', 'en', 'too-many-decimals'],
      ['1,5', 'JPY', 'de', 'too-many-decimals'],
      ['1.2345', 'KWD', 'en', 'too-many-decimals'],
      ['0.001', 'USD', 'en', 'too-many-decimals'],
      ['0', 'USD', 'en', 'not-positive'],
      ['0.00', 'USD', 'en', 'not-positive'],
      ['-5', 'USD', 'en', 'not-positive'],
      ['5-', 'EUR', 'de', 'not-positive'],
      ['−5', 'USD', 'en', 'not-positive'],
      ['90071992547409.92', 'USD', 'en', 'too-large'],
      ['9007199254740992', 'JPY', 'ja', 'too-large'],
    ];
    for (const [text, currency, locale, reason] of cases)
      expect(refusal(text, currency, locale), `${text} ${currency} ${locale}`).to.equal(reason);
  });

  it('accepts zeros beyond the minor unit, and zero itself only when asked to', () => {
    expect(parseMoneyInput('12.500', 'USD', 'en')).to.deep.equal({
      ok: true,
      amount: { amountMinor: 1250, currency: 'USD' },
    });
    expect(parseMoneyInput('1.234', 'KWD', 'en')).to.deep.equal({
      ok: true,
      amount: { amountMinor: 1234, currency: 'KWD' },
    });
    expect(parseMoneyInput('0', 'USD', 'en', { allowZero: true })).to.deep.equal({
      ok: true,
      amount: { amountMinor: 0, currency: 'USD' },
    });
    expect(refusal('-0', 'USD', 'en')).to.equal('not-positive');
  });

  it('refuses any formatted amount with a character no locale writes in a number (fast-check)', () => {
    fc.assert(
      fc.property(
        amounts,
        fc.constantFrom(...LOCALES),
        fc.constantFrom(...CURRENCIES),
        styles,
        fc.constantFrom('q', 'x', '#', '/', '*', 'e', '+', '%', '='),
        fc.nat(),
        (amountMinor, locale, currency, style, garbage, at) => {
          const text = [...formatted(amountMinor, currency, locale, style)];
          text.splice(at % (text.length + 1), 0, garbage);
          expect(refusal(text.join(''), currency, locale), text.join('')).to.equal('not-a-number');
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe('moneyInputText', function () {
  // Reading the ISO list over HTTP, then thousands of Intl round trips: a hang guard only.
  this.timeout(60_000);

  /** Locales whose separators and digits differ: ar-EG writes Arabic-Indic digits, de-CH groups with ’. */
  const INPUT_LOCALES = ['en', 'de', 'fr', 'ja', 'ar', 'ar-EG', 'hi-IN', 'de-CH', 'fr-CH', 'es', 'pt-BR'];
  let isoCodes: string[];

  before(async () => {
    // Every active code of ISO 4217 (currency-codes, served by web-test-runner.config.mjs), so each exponent 0, 2, 3 and 4 is met.
    const list = (await (await fetch('/__oracle/iso4217')).json()) as { code: string }[];
    isoCodes = list.map(({ code }) => code);
    expect(isoCodes.length, 'the ISO list is served').to.be.greaterThan(150);
  });

  it('writes every ISO 4217 currency in every locale so that parseMoneyInput reads it back exactly (fast-check)', () => {
    const safeAmounts = fc.oneof(
      fc.integer({ min: 1, max: 1_000 }),
      fc.integer({ min: 1, max: 100_000_000 }),
      fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }),
    );
    fc.assert(
      fc.property(
        safeAmounts,
        fc.constantFrom(...isoCodes),
        fc.constantFrom(...INPUT_LOCALES),
        (amountMinor, currency, locale) => {
          const money: Money = { amountMinor, currency };
          const text = moneyInputText(money, locale);
          expect(
            parseMoneyInput(text, currency, locale),
            `${amountMinor} ${currency} in ${locale}: "${text}"`,
          ).to.deep.equal({
            ok: true,
            amount: money,
          });
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('writes the locale’s digits and decimal separator, every decimal of the currency', () => {
    expect(moneyInputText({ amountMinor: 123450, currency: 'USD' }, 'ar-EG')).to.equal('١٢٣٤٫٥٠');
    expect(moneyInputText({ amountMinor: 5, currency: 'KWD' }, 'de')).to.equal('0,005');
    expect(moneyInputText({ amountMinor: 1234567, currency: 'JPY' }, 'de-CH')).to.equal('1234567');
  });
});

describe('parseMoneyInput: Swiss group apostrophes', () => {
  // Swiss locales group with an apostrophe, which engines write as ' (U+0027) or ’ (U+2019) depending
  // on their CLDR version; a keyboard types ', a word processor or a phone's smart punctuation ’.
  // Either is the same group separator, as any typed space is where the locale groups with a space.
  for (const locale of ['de-CH', 'it-CH', 'de-LI']) {
    it(`reads 1'234'567.50 in ${locale} with either apostrophe`, () => {
      for (const apostrophe of ["'", '\u2019']) {
        const text = `1${apostrophe}234${apostrophe}567.50`;
        expect(parseMoneyInput(text, 'CHF', locale), `${text} (${locale})`).to.deep.equal({
          ok: true,
          amount: { amountMinor: 123456750, currency: 'CHF' },
        });
      }
      // Still a group separator only where grouping puts one.
      expect(refusal(`12${"'"}50`, 'CHF', locale)).to.equal('not-a-number');
    });
  }
});
