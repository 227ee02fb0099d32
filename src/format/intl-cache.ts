/**
 * The one cache of `Intl` objects in the library. Building a formatter costs
 * far more than using one (a time-zone `DateTimeFormat` about 0.3 ms), and
 * every card formats on each render, so every formatter, relative-time
 * formatter and plural rule set is built once per locale and options.
 *
 * Bounded: a page fed many locales or time zones drops the oldest and only
 * rebuilds them, it never grows without end.
 */

type IntlObject = Intl.NumberFormat | Intl.DateTimeFormat | Intl.RelativeTimeFormat | Intl.PluralRules;

/** Far above what a page uses (a few locales × a few option sets), far below what would matter in memory. */
export const INTL_CACHE_LIMIT = 256;

const cache = new Map<string, IntlObject>();

/**
 * The object built by `create`, shared by every caller with the same `key`.
 * The key must name the kind of object and everything it was built from
 * (locale, time zone, options), e.g. `d|de|Europe/Berlin|{"dateStyle":"medium"}`.
 */
export function cachedIntl<T extends IntlObject>(key: string, create: () => T): T {
  let object = cache.get(key) as T | undefined;
  if (!object) {
    object = create();
    // Map iterates in insertion order: the first key is the oldest.
    if (cache.size >= INTL_CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
    cache.set(key, object);
  }
  return object;
}

/** How many objects the cache holds now (for tests of its bound). */
export function intlCacheSize(): number {
  return cache.size;
}
