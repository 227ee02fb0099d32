/**
 * Plural messages: one text per CLDR plural category, chosen with
 * `Intl.PluralRules` for the active locale. English needs `one` and `other`;
 * Arabic uses all six (`zero`, `one`, `two`, `few`, `many`, `other`).
 */
import { formatNumber, type FormatContext } from '../format/format.js';
import { fill } from '../strings/template.js';

export type PluralCategory = 'zero' | 'one' | 'two' | 'few' | 'many' | 'other';

/**
 * A text that depends on a count. A plain string is used for every count; an
 * object gives one text per plural category, `other` required (the fallback
 * for any category it leaves out). `{count}` is filled with the formatted count.
 */
export type PluralMessage = string | ({ other: string } & Partial<Record<PluralCategory, string>>);

const rules = new Map<string, Intl.PluralRules>();

function pluralRules(locale: string): Intl.PluralRules {
  let cached = rules.get(locale);
  if (!cached) {
    cached = new Intl.PluralRules(locale);
    rules.set(locale, cached);
  }
  return cached;
}

/** The text of `message` for `count` in `locale`. */
export function selectPlural(message: PluralMessage, count: number, locale: string): string {
  if (typeof message === 'string') return message;
  const category = pluralRules(locale).select(count) as PluralCategory;
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
