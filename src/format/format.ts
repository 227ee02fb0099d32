/**
 * Formatting through `Intl`, for any locale and time zone a host passes.
 * Formatters come from the one bounded cache (intl-cache.ts).
 */
import type { Money } from '../contract/types.js';
import { decimalAmount } from './currency.js';
import { cachedIntl } from './intl-cache.js';

const FALLBACK_LOCALE = 'en';

/**
 * Remembers what a string resolved to. Every card asks on every render, and
 * asking `Intl` costs far more than a lookup (a DateTimeFormat for a time
 * zone, about 0.3 ms). Hosts use a handful of values; a page that cycles
 * through many only refills the memo.
 */
export function memo<T>(compute: (input: string) => T): (input: string) => T {
  const results = new Map<string, T>();
  return (input) => {
    if (results.has(input)) return results.get(input) as T;
    if (results.size >= 64) results.clear();
    const result = compute(input);
    results.set(input, result);
    return result;
  };
}

/**
 * The canonical form of a BCP 47 tag (`en-us` is `en-US`), or undefined for
 * what is not one. The library's only canonicalizer: locale resolution and
 * the catalogs' lookup must agree on what a tag is.
 */
export const canonicalLocale = memo((candidate): string | undefined => {
  try {
    return Intl.getCanonicalLocales(candidate)[0];
  } catch {
    return undefined; // Not a BCP 47 tag.
  }
});

/** The first of the candidates that is a well-formed locale, canonical; undefined if none is. */
export function wellFormedLocale(...candidates: (string | null | undefined)[]): string | undefined {
  for (const candidate of candidates) {
    const canonical = candidate ? canonicalLocale(candidate) : undefined;
    if (canonical) return canonical;
  }
  return undefined;
}

/** A locale `Intl` accepts: the first of the candidates that is well-formed, else English. */
export function resolveLocale(...candidates: (string | null | undefined)[]): string {
  return wellFormedLocale(...candidates) ?? FALLBACK_LOCALE;
}

/** An IANA time zone `Intl` knows, or undefined (the viewer's own). */
export function resolveTimeZone(timeZone: string | undefined): string | undefined {
  return timeZone ? knownTimeZone(timeZone) : undefined;
}

const knownTimeZone = memo((timeZone): string | undefined => {
  try {
    return new Intl.DateTimeFormat(FALLBACK_LOCALE, { timeZone }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
});

export interface FormatContext {
  locale: string;
  timeZone?: string;
}

export function formatNumber(value: number, { locale }: FormatContext): string {
  if (typeof value === 'number' && !Number.isFinite(value)) return '–';
  return cachedIntl(`n|${locale}`, () => new Intl.NumberFormat(locale)).format(value);
}

/** Money whose minor units are a BigInt: a sum or product computed exactly, past Number's safe integers. */
export interface ExactMoney {
  amountMinor: bigint;
  currency: string;
}

function currencyFormatter(currency: string, locale: string): Intl.NumberFormat | undefined {
  try {
    return cachedIntl(
      `c|${locale}|${currency}`,
      () => new Intl.NumberFormat(locale, { style: 'currency', currency }),
    );
  } catch {
    return undefined;
  }
}

/**
 * Money in its currency's ISO 4217 minor unit: USD cents, JPY has none, KWD
 * and IQD have three digits, CLF four. The value is scaled by the ISO
 * exponent (see currency.ts), never by `Intl`'s display digits, which differ
 * for several currencies (HUF, IDR, COP show none but count in hundredths);
 * the display then rounds to the locale's usual digits. A well-formed code
 * ISO does not list is read with exponent 2 and, as `Intl` does for codes it
 * has no symbol for, shown with its code ("XYZ 5.00"). An `ExactMoney` (a total the card summed or
 * scaled, which may pass 2^53) is shown to its last minor unit.
 */
export function formatMoney(money: Money | ExactMoney, { locale }: FormatContext): string {
  if (typeof money.amountMinor === 'number' && !Number.isFinite(money.amountMinor)) return '–';
  // `Intl` formats a decimal string exactly (typed as taking numbers only).
  const major = decimalAmount(money) as number;
  const formatter = currencyFormatter(money.currency, locale);
  return formatter ? formatter.format(major) : `${formatNumber(major, { locale })} ${money.currency}`;
}

/**
 * Each options object's part of the formatter's cache key, written once: callers pass the same
 * constant objects on every render (and never change one after), and `JSON.stringify` on each date
 * formatted showed in profiles.
 */
const optionKeys = new WeakMap<Intl.DateTimeFormatOptions, string>();

function optionsKey(options: Intl.DateTimeFormatOptions): string {
  let key = optionKeys.get(options);
  if (key === undefined) {
    key = JSON.stringify(options);
    optionKeys.set(options, key);
  }
  return key;
}

const DATE_TIME: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' };
const CALENDAR_DATE: Intl.DateTimeFormatOptions = { dateStyle: 'medium' };

function dateTimeFormatter(
  locale: string,
  timeZone: string | undefined,
  options: Intl.DateTimeFormatOptions,
) {
  const key = `d|${locale}|${timeZone ?? ''}|${optionsKey(options)}`;
  return cachedIntl(key, () => new Intl.DateTimeFormat(locale, { ...options, timeZone }));
}

function toDate(value: string | number | Date): Date | undefined {
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/** Date and time of an instant in the viewer's locale and time zone. */
export function formatDateTime(
  value: string | number | Date,
  { locale, timeZone }: FormatContext,
  options: Intl.DateTimeFormatOptions = DATE_TIME,
): string {
  const date = toDate(value);
  return date ? dateTimeFormatter(locale, timeZone, options).format(date) : '–';
}

/** A calendar date (YYYY-MM-DD) as that same day everywhere: formatted in UTC, never shifted by time zone. */
export function formatCalendarDate(
  value: string,
  { locale }: FormatContext,
  options: Intl.DateTimeFormatOptions = CALENDAR_DATE,
): string {
  const date = toDate(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value);
  return date ? dateTimeFormatter(locale, 'UTC', options).format(date) : '–';
}

const MONTH: Intl.DateTimeFormatOptions = { month: 'short', year: 'numeric' };
const GREGORIAN_MONTH: Intl.DateTimeFormatOptions = { ...MONTH, calendar: 'gregory' };

/**
 * Calendars whose months are the Gregorian months (only the era or the year's number differs), so
 * they name a Gregorian month as it is. Others (Persian, Hebrew, Islamic, ...) would name the month
 * of their own calendar in which its first day falls: "Esfand 1402" for March 2024, which runs from
 * Esfand 11 to Farvardin 12.
 */
const GREGORIAN_MONTHS = new Set(['gregory', 'buddhist', 'japanese', 'roc', 'iso8601']);

/**
 * A calendar month (`YYYY-MM`, a Gregorian month such as a billing month) as the locale names it
 * ("Mar 2024"): in the locale's own calendar when its months are the Gregorian ones, else in the
 * Gregorian calendar (in the locale's language and digits), so it never names another month.
 */
export function formatCalendarMonth(month: string, context: FormatContext): string {
  if (!/^\d{4}-\d{2}$/.test(month)) return '–';
  return formatCalendarDate(`${month}-01`, context, monthOptions(context.locale));
}

/** The options that name a Gregorian month in a locale, found once per locale (a chart names 12). */
const monthOptions = memo((locale) =>
  GREGORIAN_MONTHS.has(dateTimeFormatter(locale, 'UTC', MONTH).resolvedOptions().calendar)
    ? MONTH
    : GREGORIAN_MONTH,
);

/** Machine-readable instant for `<time datetime>`. */
export function isoInstant(value: string): string {
  const date = toDate(value);
  return date ? date.toISOString() : '';
}

/**
 * A ratio as a percentage (0.125 is "12.5%"), at most `maximumFractionDigits`
 * fraction digits (default 1). Not finite: a dash, never "NaN%".
 */
export function formatPercent(ratio: number, { locale }: FormatContext, maximumFractionDigits = 1): string {
  if (!Number.isFinite(ratio)) return '–';
  return cachedIntl(
    `p|${locale}|${maximumFractionDigits}`,
    () => new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits }),
  ).format(ratio);
}
