/**
 * Plural messages: one text per CLDR plural category, chosen with
 * `Intl.PluralRules` for the active locale. English needs `one` and `other`;
 * Arabic uses all six (`zero`, `one`, `two`, `few`, `many`, `other`).
 */
import { formatNumber, type FormatContext } from '../format/format.js';
import { cachedIntl } from '../format/intl-cache.js';
import type { PluralCategory, PluralMessage } from '../strings/plural-message.js';
import { fill } from '../strings/template.js';

function pluralRules(locale: string): Intl.PluralRules {
  return cachedIntl(`pl|${locale}`, () => new Intl.PluralRules(locale));
}

/**
 * The English texts' plural messages (each element's defaults, `LocalizeController` adds them): a
 * card in a locale without a translation of a text shows it in English, so English's rules choose
 * its form ("21 members" in `ru`, "1 member" in `zh-TW`), not the locale's.
 */
export const englishPlurals = new WeakSet<object>();

/** The text of `message` for `count` in `locale`. */
export function selectPlural(message: PluralMessage, count: number, locale: string): string {
  if (typeof message === 'string') return message;
  const category = pluralRules(englishPlurals.has(message) ? 'en' : locale).select(count) as PluralCategory;
  return message[category] ?? message.other;
}

/** `selectPlural`, then `fill` with `{count}` (formatted for the locale) and any other values. */
export function fillPlural(
  message: PluralMessage,
  count: number,
  format: FormatContext,
  values: Record<string, string | number> = {},
): string {
  return fill(selectPlural(message, count, format.locale), { count: formatNumber(count, format), ...values });
}
