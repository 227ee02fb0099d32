/**
 * The shape of a text that depends on a count. It lives with the texts (the
 * defaults and every catalog use it); choosing the category for a locale is
 * `selectPlural` in `i18n/plural.ts`.
 */

export type PluralCategory = 'zero' | 'one' | 'two' | 'few' | 'many' | 'other';

/**
 * A text that depends on a count. A plain string is used for every count; an
 * object gives one text per plural category, `other` required (the fallback
 * for any category it leaves out). `{count}` is filled with the formatted count.
 */
export type PluralMessage = string | ({ other: string } & Partial<Record<PluralCategory, string>>);
