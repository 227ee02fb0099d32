/**
 * Translations, loaded on demand. English is built into each card (its
 * defaults in `src/strings/<tag>.ts`); every other language is a module of
 * its own (`src/locales/<lang>.ts`), fetched with a dynamic `import()` the
 * first time an element shows that locale, so a host bundles and downloads
 * only the languages it uses.
 *
 * A locale without a catalog of its own uses its language's (`de-AT` uses
 * `de`, `pt-PT` the Brazilian `pt-BR`), else English. Within a catalog every missing
 * key falls back to English.
 */
import { canonicalLocale, memo } from '../format/format.js';
import type { Catalog } from '../strings/strings.js';

/** Loads a catalog module; its default export is the catalog. */
export type CatalogLoader = () => Promise<{ default: Catalog }>;

const EMPTY: Catalog = Object.freeze({});

// Literal specifiers, so bundlers (Rollup, Vite, esbuild) see each locale as a chunk of its own.
const loaders = new Map<string, CatalogLoader>([
  ['de', () => import('../locales/de.js')],
  ['fr', () => import('../locales/fr.js')],
  ['ja', () => import('../locales/ja.js')],
  ['ar', () => import('../locales/ar.js')],
  ['es', () => import('../locales/es.js')],
  ['pt-BR', () => import('../locales/pt-BR.js')],
  ['it', () => import('../locales/it.js')],
  ['nl', () => import('../locales/nl.js')],
  ['pl', () => import('../locales/pl.js')],
  ['he', () => import('../locales/he.js')],
  ['zh-Hans', () => import('../locales/zh-Hans.js')],
  ['ko', () => import('../locales/ko.js')],
  ['hi', () => import('../locales/hi.js')],
]);

/**
 * The catalog a language uses when only one of its regional variants ships:
 * Portuguese in Portugal or Angola reads the Brazilian texts rather than
 * English. A partner adds a variant of its own with `registerLocale('pt-PT', …)`.
 */
const LANGUAGE_DEFAULTS: Record<string, string> = { pt: 'pt-BR' };

const loaded = new Map<string, Catalog>([['en', EMPTY]]);
const pending = new Map<string, Promise<void>>();
/**
 * Locales whose last load failed (the loader threw or rejected: a network blip, a chunk the
 * server lost). Their texts are English meanwhile (`loaded` holds an empty catalog), and the next
 * request for them loads them again: a failure is not kept for the page's life.
 */
const failed = new Set<string>();
/** What a loader that threw or rejected leaves, told apart from a module with no catalog. */
const FAILED: Catalog = Object.freeze({});

/** The shipped and registered locales, English included. */
export function availableLocales(): string[] {
  // A partner may register English wording of its own (`registerLocale('en', …)`): still one `en`.
  return ['en', ...[...loaders.keys()].filter((tag) => tag !== 'en')];
}

/**
 * Adds (or replaces) the catalog of a locale, for languages the library does
 * not ship or a partner's own wording: `registerLocale('es', () => import('./es.js'))`.
 * Elements already showing that locale pick it up on their next update.
 */
export function registerLocale(locale: string, load: CatalogLoader): void {
  const tag = canonicalLocale(locale);
  if (!tag) return;
  loaders.set(tag, load);
  loaded.delete(tag);
  failed.delete(tag);
  catalogOf = memo(findCatalog);
  pending.delete(tag);
}

const hasCatalog = (tag: string) => loaders.has(tag) || loaded.has(tag);

/**
 * The catalog a locale uses: its own tag, then shorter ones (`de-AT-u-ca-…`,
 * `de-AT`, `de`), then its language in the script it is written in (`zh-CN`
 * and `zh-SG` read `zh-Hans`), then the variant its language defaults to
 * (`pt-BR` for `pt-PT`), else English (`en`). Only a catalog in the locale's
 * own script: `zh-TW` (Traditional) and `hi-Latn` read English, as CLDR never
 * falls back from one script to another.
 */
export function catalogLocale(locale: string): string {
  return catalogOf(locale);
}

function findCatalog(locale: string): string {
  const canonical = canonicalLocale(locale) ?? 'en';
  // The script a tag is written in, stated or likely (`zh-TW`: Hant, `zh-SG`: Hans); a canonical tag never throws.
  const script = (tag: string) => new Intl.Locale(tag).maximize().script;
  let tag = canonical;
  for (let cut = tag.lastIndexOf('-'); !hasCatalog(tag); cut = tag.lastIndexOf('-')) {
    if (cut < 0) {
      const inScript = `${tag}-${script(canonical)}`;
      tag = hasCatalog(inScript) ? inScript : (LANGUAGE_DEFAULTS[tag] ?? 'en');
      break;
    }
    tag = tag.slice(0, cut);
  }
  // Never across scripts: Hindi in Latin letters (`hi-Latn`) reads English, not the Devanagari texts.
  const written = script(tag);
  return hasCatalog(tag) && (!written || written === script(canonical)) ? tag : 'en';
}

/**
 * `catalogLocale`, found once per locale: a card update asks several times (its texts, their
 * language). Found afresh after `registerLocale`, which may change the answers.
 */
let catalogOf = memo(findCatalog);

/** The catalog of a locale if it is loaded (English always is), else undefined. */
export function loadedCatalog(locale: string): Catalog | undefined {
  return loaded.get(catalogLocale(locale));
}

/**
 * Whether a locale's texts are translated now: its language has a catalog, loaded and not empty
 * (one that failed to load is). Else they are English: on a server that did not `loadLocale`, too.
 */
export function hasTranslations(locale: string): boolean {
  const catalog = loadedCatalog(locale);
  return catalog !== undefined && catalog !== EMPTY;
}

/**
 * Loads the catalog of a locale (once, however many elements ask). Never
 * rejects: a catalog that fails to load leaves that language in English until
 * the next request for it (this, or `retryCatalog` on an element's later
 * render), which loads it again; requests made while a load runs share it.
 * Hosts may call it early to have the texts ready before the first render.
 */
export function loadLocale(locale: string): Promise<void> {
  const tag = catalogLocale(locale);
  if (loaded.has(tag) && !failed.has(tag)) return Promise.resolve();
  let promise = pending.get(tag);
  if (!promise) {
    const load = loaders.get(tag);
    // A host's loader may throw before it returns a promise, or resolve to no module: English then
    // too. Only a throw or a rejection is a failure worth another try; no module stays English.
    promise = new Promise<{ default?: Catalog } | undefined>((resolve) => resolve(load?.()))
      .then(
        (module) => module?.default ?? EMPTY,
        () => FAILED,
      )
      .then((catalog) => {
        // A loader replaced meanwhile (`registerLocale`) drops this result, and its own load stays pending.
        if (pending.get(tag) !== promise) return;
        pending.delete(tag);
        if (catalog === FAILED) {
          failed.add(tag);
          // English meanwhile; a catalog that loaded before (then replaced by a failing loader) is gone.
          loaded.set(tag, EMPTY);
        } else {
          failed.delete(tag);
          loaded.set(tag, catalog);
        }
      });
    pending.set(tag, promise);
  }
  return promise;
}

/**
 * For an element's render after the one that showed a failed catalog in English: loads it once
 * more (shared with every other request while it runs) and resolves true if the texts are there
 * now, so the element renders again; undefined (no load) when its catalog did not fail.
 */
export function retryCatalog(locale: string): Promise<boolean> | undefined {
  if (!failed.has(catalogLocale(locale))) return undefined;
  return loadLocale(locale).then(() => hasTranslations(locale));
}

/**
 * The language an element's texts are in, for its `lang` attribute: the
 * locale when a catalog of its language is used (`de-AT` with `de`), else the
 * catalog's (`pt-BR` for `pt-PT`, `en` for a language without a catalog).
 */
export function contentLanguage(locale: string): string {
  const catalog = catalogLocale(locale);
  return locale === catalog || locale.startsWith(`${catalog}-`) ? locale : catalog;
}
