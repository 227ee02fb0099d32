/**
 * The one cache of `Intl` objects in the library. Building a formatter costs
 * far more than using one (a time-zone `DateTimeFormat` about 0.3 ms), and
 * every card formats on each render, so every formatter, relative-time
 * formatter and plural rule set is built once per locale and options.
 *
 * Bounded: when a page has cycled through more locales, time zones or
 * options than the limit, the cache starts afresh and rebuilds what is used
 * again (a few bytes smaller than evicting one by one, and just as bounded).
 */

type IntlObject =
  Intl.NumberFormat | Intl.DateTimeFormat | Intl.RelativeTimeFormat | Intl.PluralRules | Intl.ListFormat;

/** Far above what a page uses (a few locales × a few option sets), far below what would matter in memory. */
const INTL_CACHE_LIMIT = 256;

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
    if (cache.size >= INTL_CACHE_LIMIT) cache.clear();
    cache.set(key, object);
  }
  return object;
}
