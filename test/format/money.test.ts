/**
 * Money against ISO 4217 itself: the `currency-codes` package's list (served by the test runner at
 * `/__oracle/iso4217`), every active code, many locales, generated amounts. The expected text is
 * `Intl`'s own formatting of `amountMinor / 10 ** (ISO exponent)`: display may round to the
 * locale's digits, the value is never scaled by them.
 */
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { codesWithExponentNot2, currencyExponent, majorAmount } from '../../src/format/currency.js';
import { formatMoney } from '../../src/format/format.js';

interface IsoEntry {
  code: string;
  /** A number in `currency-codes` 2.2; ISO's own list says "N.A." for metals and funds, read as 0. */
  digits: number | string | null;
  currency: string;
}

/**
 * The exponent ISO 4217 gives: a number of digits, or "N.A." (no minor unit: gold, SDR...).
 * `currency-codes` turns "N.A." into 0 itself; a future version could pass the text through, and
 * with no minor unit the amount counts whole units, so anything that is not a number reads as 0.
 */
const isoExponent = (entry: IsoEntry): number =>
  typeof entry.digits === 'number' && Number.isInteger(entry.digits) ? entry.digits : 0;

const LOCALES = [
  'en-US',
  'ar',
  'hi-IN',
  'de-CH',
  'ja',
  'fr',
  'en-IN',
  'pt-BR',
  'zh-CN',
  'ru',
  'he',
  'th-TH',
  'sw',
];

/** Amounts as backends send them: small, around zero, negative, and up to the largest safe integer. */
const amountMinor = fc.oneof(
  fc.integer({ min: -1_000, max: 1_000 }),
  fc.integer({ min: -100_000_000, max: 100_000_000 }),
  fc.integer({ min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }),
);

const intlMoney = (locale: string, currency: string, major: number | string) =>
  new Intl.NumberFormat(locale, { style: 'currency', currency }).format(major as number);

/**
 * `amount / 10^exponent` exactly, as a decimal string worked out with BigInt: `Intl` formats a
 * string as written, where the float quotient is a unit off for about one amount in ten of 16 digits.
 */
function exactMajor(amount: number, exponent: number): string {
  const scale = 10n ** BigInt(exponent);
  const value = BigInt(amount);
  const size = value < 0n ? -value : value;
  const fraction = exponent > 0 ? `.${(size % scale).toString().padStart(exponent, '0')}` : '';
  return `${value < 0n ? '-' : ''}${size / scale}${fraction}`;
}

describe('money against ISO 4217 (currency-codes)', function () {
  this.timeout(60_000);
  let iso: IsoEntry[];

  before(async () => {
    const response = await fetch('/__oracle/iso4217');
    iso = (await response.json()) as IsoEntry[];
    expect(iso.length, 'the ISO list is served').to.be.greaterThan(150);
  });

  it('has the ISO exponent of every active code', () => {
    const wrong = iso
      .filter((entry) => currencyExponent(entry.code) !== isoExponent(entry))
      .map((entry) => `${entry.code}: ${currencyExponent(entry.code)}, ISO ${isoExponent(entry)}`);
    expect(wrong).to.deep.equal([]);
  });

  it('lists no code that ISO does not have (a withdrawn code must leave the table)', () => {
    const known = new Set(iso.map((entry) => entry.code));
    expect(codesWithExponentNot2().filter((code) => !known.has(code))).to.deep.equal([]);
  });

  it('shows every code in every locale as Intl shows amountMinor / 10^exponent', () => {
    fc.assert(
      fc.property(amountMinor, (amount) => {
        for (const entry of iso) {
          const expected = (locale: string) =>
            intlMoney(locale, entry.code, exactMajor(amount, isoExponent(entry)));
          for (const locale of LOCALES) {
            const shown = formatMoney({ amountMinor: amount, currency: entry.code }, { locale });
            if (shown !== expected(locale))
              throw new Error(
                `${amount} ${entry.code} in ${locale}: "${shown}", expected "${expected(locale)}"`,
              );
          }
        }
      }),
      { numRuns: 25 },
    );
  });

  it('reads a well-formed code ISO does not list with exponent 2, shown by its code', () => {
    const known = new Set(iso.map((entry) => entry.code));
    const unknownCode = fc.stringMatching(/^[A-Z]{3}$/).filter((code) => !known.has(code));
    fc.assert(
      fc.property(unknownCode, amountMinor, fc.constantFrom(...LOCALES), (currency, amount, locale) => {
        expect(currencyExponent(currency)).to.equal(2);
        expect(formatMoney({ amountMinor: amount, currency }, { locale })).to.equal(
          intlMoney(locale, currency, exactMajor(amount, 2)),
        );
      }),
    );
    expect(formatMoney({ amountMinor: 500, currency: 'QQQ' }, { locale: 'en-US' })).to.match(/^QQQ\s5\.00$/);
  });

  it('gives the amount in major units by the same exponent', () => {
    fc.assert(
      fc.property(fc.constantFrom(...iso), amountMinor, (entry, amount) => {
        expect(majorAmount({ amountMinor: amount, currency: entry.code })).to.equal(
          amount / 10 ** isoExponent(entry),
        );
      }),
    );
  });

  it('shows amounts of 16 digits to the last minor unit', () => {
    const largest = Number.MAX_SAFE_INTEGER;
    expect(formatMoney({ amountMinor: largest, currency: 'USD' }, { locale: 'en-US' })).to.equal(
      '$90,071,992,547,409.91',
    );
    expect(formatMoney({ amountMinor: -largest, currency: 'KWD' }, { locale: 'en-US' })).to.equal(
      intlMoney('en-US', 'KWD', '-9007199254740.991'),
    );
  });

  it('reads the currencies whose display digits differ from ISO at their ISO exponent', () => {
    // Display digits 0, ISO exponent 2 or 3: the old divisor showed these 100 or 1000 times too much.
    expect(formatMoney({ amountMinor: 123_456, currency: 'HUF' }, { locale: 'en-US' })).to.equal(
      intlMoney('en-US', 'HUF', 1234.56),
    );
    expect(formatMoney({ amountMinor: 123_456, currency: 'IQD' }, { locale: 'en-US' })).to.equal(
      intlMoney('en-US', 'IQD', 123.456),
    );
    expect(formatMoney({ amountMinor: 123_456, currency: 'CLF' }, { locale: 'en-US' })).to.equal(
      intlMoney('en-US', 'CLF', 12.3456),
    );
  });
});
