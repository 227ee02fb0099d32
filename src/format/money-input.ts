/**
 * An amount of money as a viewer types it, read in their locale: the plan card's custom amount of
 * credits and its low-credit threshold. The result is exact integer minor units of the currency's
 * ISO 4217 exponent (`currency.ts`), never a float scaled by a power of ten.
 *
 * What is read: the locale's own digits (Arabic-Indic for `ar` where the locale uses them) or ASCII
 * digits, the locale's decimal separator, its group separators (any space where the locale groups
 * with a space, since a narrow no-break space cannot be typed; either apostrophe where it groups
 * with one, as Swiss locales do), a leading or trailing minus, the
 * currency's symbol or code as the locale writes it (what a pasted formatted amount carries), and
 * bidirectional marks. Anything else is `not-a-number`.
 *
 * Group separators must stand where grouping puts them (the last group three digits, the ones
 * before it two or three, as in 1,234,567 and Indian 12,34,567): in German `12.50` is refused, not
 * read as 1250, since the viewer may have meant 12,50 and the amount is money.
 *
 * Digits beyond the exponent are accepted only when they are zeros (`12.500` dollars is exactly
 * 12.50); any other is `too-many-decimals` (no fraction of a yen, at most three decimals for KWD).
 */
import { cachedIntl } from './intl-cache.js';
import { currencyExponent, decimalAmount } from './currency.js';
import type { Money } from '../contract/types.js';

/** Why a typed amount was refused. `empty` is not an error to show while the field is blank. */
export type MoneyInputRefusal = 'empty' | 'not-a-number' | 'too-many-decimals' | 'not-positive' | 'too-large';

export type MoneyInputResult = { ok: true; amount: Money } | { ok: false; reason: MoneyInputRefusal };

export interface MoneyInputOptions {
  /** Accept zero (a threshold of nothing); a purchase needs a positive amount. Default false. */
  allowZero?: boolean;
}

interface LocaleNumbers {
  digits: string[];
  decimal: string;
  groups: Set<string>;
  minus: Set<string>;
  /** The currency as written in this locale (symbol, narrow symbol, code), longest first. */
  currencyTexts: string[];
}

const SPACES = [' ', '\u00a0', '\u202f', '\u2009'];
/**
 * Swiss locales group with an apostrophe, written ' or ’ by engines of different CLDR versions and
 * typed either way (a keyboard's ', smart punctuation's ’): where the locale groups with one, any is read.
 */
const APOSTROPHES = ["'", '\u2019', '\u02bc'];
/** LRM, RLM, ALM and the isolates/embeddings a formatted amount may carry around its parts. */
const BIDI_MARKS = /[\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]/g;

const partOf = (parts: Intl.NumberFormatPart[], type: string) => parts.find((p) => p.type === type)?.value;

function localeNumbers(locale: string, currency: string): LocaleNumbers {
  const format = (options: Intl.NumberFormatOptions) =>
    cachedIntl(`n|${locale}|${JSON.stringify(options)}`, () => new Intl.NumberFormat(locale, options));
  const plain = format({ useGrouping: false });
  const digits = Array.from({ length: 10 }, (_, d) => plain.format(d));
  const parts = format({ minimumFractionDigits: 1 }).formatToParts(-1234567.5);
  const group = partOf(parts, 'group') ?? ',';
  const alike = [SPACES, APOSTROPHES].find((set) => set.includes(group)) ?? [];
  const groups = new Set([group, ...alike]);
  const minus = new Set(['-', '\u2212', (partOf(parts, 'minusSign') ?? '-').replace(BIDI_MARKS, '')]);
  const currencyTexts = new Set([currency]);
  for (const currencyDisplay of ['symbol', 'narrowSymbol', 'code'] as const) {
    const symbol = partOf(
      format({ style: 'currency', currency, currencyDisplay }).formatToParts(1),
      'currency',
    );
    if (symbol) currencyTexts.add(symbol.replace(BIDI_MARKS, '').trim());
  }
  return {
    digits,
    decimal: partOf(parts, 'decimal') ?? '.',
    groups,
    minus,
    currencyTexts: [...currencyTexts].filter(Boolean).sort((a, b) => b.length - a.length),
  };
}

/** True when the integer part's groups stand where grouping puts them (see the module comment). */
function wellGrouped(groups: string[]): boolean {
  if (groups.length === 1) return true;
  const [first, ...rest] = groups;
  const last = rest.pop()!;
  return (
    first.length >= 1 &&
    first.length <= 3 &&
    last.length === 3 &&
    rest.every((g) => g.length === 2 || g.length === 3)
  );
}

/**
 * Reads `text`, typed in `locale`, as an amount of `currency` in minor units (see the module
 * comment for what is accepted), or says why it cannot.
 */
export function parseMoneyInput(
  text: string,
  currency: string,
  locale: string,
  { allowZero = false }: MoneyInputOptions = {},
): MoneyInputResult {
  const refuse = (reason: MoneyInputRefusal): MoneyInputResult => ({ ok: false, reason });
  const numbers = localeNumbers(locale, currency);
  let rest = text.replace(BIDI_MARKS, '').trim();
  if (rest === '') return refuse('empty');
  for (const symbol of numbers.currencyTexts) {
    const at = rest.indexOf(symbol);
    if (at >= 0) {
      rest = (rest.slice(0, at) + ' ' + rest.slice(at + symbol.length)).trim();
      break;
    }
  }
  let negative = false;
  const chars = [...rest];
  if (numbers.minus.has(chars[0] ?? '')) {
    negative = true;
    chars.shift();
  } else if (numbers.minus.has(chars.at(-1) ?? '')) {
    negative = true;
    chars.pop();
  }
  // One pass: the locale's digits to ASCII, separators to `.` (decimal) and `_` (group).
  let plain = '';
  for (const char of chars.join('').trim()) {
    const digit = numbers.digits.indexOf(char);
    if (digit >= 0) plain += String(digit);
    else if (char >= '0' && char <= '9') plain += char;
    else if (char === numbers.decimal) plain += '.';
    else if (numbers.groups.has(char)) plain += '_';
    else return refuse('not-a-number');
  }
  const match = /^(\d+(?:_\d+)*)?(?:\.(\d*))?$/.exec(plain);
  if (!match || !/\d/.test(plain) || !wellGrouped((match[1] ?? '').split('_'))) return refuse('not-a-number');
  const exponent = currencyExponent(currency);
  const fraction = (match[2] ?? '').replace(/0+$/, '');
  if (fraction.length > exponent) return refuse('too-many-decimals');
  const minor = BigInt((match[1] ?? '0').replaceAll('_', '') + fraction.padEnd(exponent, '0'));
  if (minor === 0n ? !allowZero || negative : negative) return refuse('not-positive');
  if (minor > BigInt(Number.MAX_SAFE_INTEGER)) return refuse('too-large');
  return { ok: true, amount: { amountMinor: Number(minor), currency } };
}

/**
 * An amount as the viewer would type it in `locale` (no currency, no grouping, every decimal of the
 * currency): what a field for an amount starts with. `parseMoneyInput` reads it back exactly.
 */
export function moneyInputText({ amountMinor, currency }: Money, locale: string): string {
  const exponent = currencyExponent(currency);
  const format = cachedIntl(
    `n|${locale}|input|${exponent}`,
    () =>
      new Intl.NumberFormat(locale, {
        useGrouping: false,
        minimumFractionDigits: exponent,
        maximumFractionDigits: exponent,
      }),
  );
  // A decimal string, so the amount is formatted exactly (no float scaled by a power of ten).
  return format.format(decimalAmount({ amountMinor, currency }) as number);
}
