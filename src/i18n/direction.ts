/** Text direction and language lookups that see through shadow roots (cards often live in one). */
import { resolveLocale, wellFormedLocale } from '../format/format.js';

/** Languages written right to left, for engines without `Intl.Locale#getTextInfo`. */
const RTL_LANGUAGES = new Set([
  'ar',
  'arc',
  'ckb',
  'dv',
  'fa',
  'he',
  'iw',
  'ks',
  'ps',
  'sd',
  'ug',
  'ur',
  'yi',
]);
const RTL_SCRIPTS = new Set(['Adlm', 'Arab', 'Hebr', 'Nkoo', 'Rohg', 'Syrc', 'Thaa']);

export type Direction = 'ltr' | 'rtl';

interface LocaleWithTextInfo extends Intl.Locale {
  getTextInfo?: () => { direction?: string };
  textInfo?: { direction?: string };
}

/** Each locale's direction once found: every card asks on every render, and `Intl.Locale` is no lookup. */
const directions = new Map<string, Direction>();

/** The direction a locale is written in: `ar`, `he`, `fa`... are right to left. */
export function localeDirection(locale: string): Direction {
  let direction = directions.get(locale);
  if (direction === undefined) {
    // A page uses a handful of locales; one that cycles through many only refills the map.
    if (directions.size >= 64) directions.clear();
    direction = findDirection(locale);
    directions.set(locale, direction);
  }
  return direction;
}

function findDirection(locale: string): Direction {
  try {
    const info = new Intl.Locale(locale) as LocaleWithTextInfo;
    const direction = info.getTextInfo?.().direction ?? info.textInfo?.direction;
    if (direction === 'rtl' || direction === 'ltr') return direction;
    if (info.script) return RTL_SCRIPTS.has(info.script) ? 'rtl' : 'ltr';
    return RTL_LANGUAGES.has(info.language) ? 'rtl' : 'ltr';
  } catch {
    return 'ltr';
  }
}

/** `element.closest(selector)`, continuing from a shadow root to its host. */
export function composedClosest(element: Element, selector: string): Element | null {
  // Rendered on a server (@lit-labs/ssr's DOM shim), elements have no `closest`: nothing to find.
  if (typeof element.closest !== 'function') return null;
  let node: Element | null = element;
  while (node) {
    const found: Element | null = node.closest(selector);
    if (found) return found;
    const root = node.getRootNode();
    node = root instanceof ShadowRoot ? root.host : null;
  }
  return null;
}

/**
 * The direction of an element's content: `dir`, the nearest `dir="ltr"` or
 * `dir="rtl"` of the element or its ancestors (the host's explicit choice),
 * else the direction of `locale`, the language its texts are in: `locale="ar"`
 * alone reads right to left, English texts of a locale without a catalog
 * (`fa`) left to right.
 */
export function directionFor(dir: string | null | undefined, locale: string): Direction {
  const chosen = dir?.toLowerCase();
  return chosen === 'rtl' || chosen === 'ltr' ? chosen : localeDirection(locale);
}

/**
 * The locale for an element: its own, the provider's, the nearest `lang`
 * (`pageLang`: also outside the shadow root it sits in), then the browser's.
 */
export function localeFor(
  pageLang: () => string | null | undefined,
  ...explicit: (string | undefined)[]
): string {
  // A well-formed locale of its own or the provider's is the answer: the page is not searched for a `lang`.
  const given = wellFormedLocale(...explicit);
  if (given) return given;
  // Rendered on a server (@lit-labs/ssr) there is no document to find a `lang` in.
  if (typeof document === 'undefined') return resolveLocale();
  return resolveLocale(pageLang(), document.documentElement.lang, navigator.language);
}
