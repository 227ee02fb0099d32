import type { ReactiveController, ReactiveControllerHost } from 'lit';
import {
  catalogLocale,
  hasTranslations,
  loadedCatalog,
  loadLocale,
  retryCatalog,
} from '../../i18n/catalogs.js';
import { directionFor, type Direction } from '../../i18n/direction.js';
import { englishPlurals } from '../../i18n/plural.js';
import type { DashboardStrings } from '../../strings/strings.js';
import { serverRendered } from '../server-rendered.js';

export interface LocalizeOptions {
  /** The element's resolved locale (its `formatContext.locale`). */
  locale(): string;
  /**
   * The English texts, weakest first: those every card shares, then the element's own (a part
   * loaded later, such as a dialog, may bring more: a new object, merged from then on).
   */
  defaults(): readonly Partial<DashboardStrings>[];
  /** Replacement texts, weakest first: the provider's `strings`, then the element's own. */
  overrides(): readonly (Partial<DashboardStrings> | undefined)[];
  /** The nearest `dir` of the element or its ancestors (`PageAttributes`), null when none. */
  pageDir(): string | null;
}

/**
 * An element's texts in its language: English defaults, then the locale's
 * catalog key by key, then the replacements the host gave. Also says which
 * language and direction those texts are in, for the card's `lang` and `dir`.
 */
export class LocalizeController implements ReactiveController {
  /** Every answer is read from the host when asked, so it is never out of date (the texts' merge is kept while its parts are the same objects). */
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #options: LocalizeOptions;
  /**
   * While the update that hydrates a server render runs: the language and direction the server
   * wrote (its `lang` and `dir`), so that update renders the same texts (see `DashboardElement`'s
   * hydration: Lit keeps what the server wrote for the values that update gives). A server that had
   * not loaded the locale's catalog wrote English; it had no page to take a `dir` from. The update
   * after it renders the locale's texts and the page's direction.
   */
  #server?: { lang: string; dir: Direction };

  constructor(host: ReactiveControllerHost & HTMLElement, options: LocalizeOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  hostConnected(): void {
    const written = serverRendered(this.#host) ? this.#host.shadowRoot?.querySelector('[lang]') : null;
    const lang = written?.getAttribute('lang');
    this.#server = lang ? { lang, dir: written?.getAttribute('dir') === 'rtl' ? 'rtl' : 'ltr' } : undefined;
  }

  hostUpdated(): void {
    // The host renders again after the update that hydrates (`DashboardElement`).
    this.#server = undefined;
  }

  /**
   * The last merge and what it was made of: merged again only when the catalog or a replacement
   * object changes, so a render reads one object (and lists can tell unchanged texts by identity).
   */
  #merged?: { parts: readonly unknown[]; strings: DashboardStrings };

  get strings(): DashboardStrings {
    const defaults = this.#options.defaults();
    const catalog = loadedCatalog(this.#server?.lang ?? this.#options.locale());
    const overrides = this.#options.overrides();
    const parts = [...defaults, catalog, ...overrides];
    const last = this.#merged;
    if (last && last.parts.length === parts.length && last.parts.every((part, i) => part === parts[i]))
      return last.strings;
    const merged: Record<string, unknown> = {};
    // The keys whose English text takes no count: what a catalog or `strings` gave before does not decide it.
    const plain = new Set<string>();
    for (const [i, part] of parts.entries()) {
      if (typeof part !== 'object' || part === null) continue;
      for (const [key, text] of Object.entries(part)) {
        if (i < defaults.length) {
          if (typeof text === 'object') englishPlurals.add(text);
          else plain.add(key);
        }
        if (key !== '__proto__' && usable(text, plain.has(key))) merged[key] = text;
      }
    }
    this.#merged = { parts, strings: merged as DashboardStrings };
    return merged as DashboardStrings;
  }

  /** The language the texts are in: the locale when a catalog of its language is used, else English. */
  get lang(): string {
    if (this.#server) return this.#server.lang;
    const locale = this.#options.locale();
    const catalog = catalogLocale(locale);
    // Its catalog not loaded (a server render without `loadLocale`) or failed to load: English.
    if (catalog !== 'en' && !hasTranslations(locale)) return 'en';
    return locale === catalog || locale.startsWith(`${catalog}-`) ? locale : catalog;
  }

  /** The page's `dir`, else the direction of the texts' language: English texts of `fa` (no catalog) read left to right. */
  get dir(): Direction {
    if (this.#server) return this.#server.dir;
    return directionFor(this.#options.pageDir(), this.lang);
  }

  /** While the locale's catalog loads: what to wait for before rendering; else undefined. */
  get loading(): Promise<unknown> | undefined {
    const locale = this.#options.locale();
    return loadedCatalog(locale) ? undefined : loadLocale(locale);
  }

  /**
   * A render after the one that showed a failed catalog in English asks for it once more, without
   * waiting (English meanwhile), and renders again if it came: a network blip is not for good.
   */
  retryCatalog(): void {
    void retryCatalog(this.#options.locale())?.then((loaded) => loaded && this.#host.requestUpdate());
  }
}

/**
 * Whether `text` can replace the text of its key: a string, or where the key takes plural forms (its
 * English text does, or it is not known yet), an object of strings with `other`. Anything else a host
 * passes (undefined, a number, forms without `other`) leaves the weaker text, so that a render never
 * fails on it; `strings` is a plain object from the host's code or a translation file.
 */
function usable(text: unknown, plain: boolean): boolean {
  if (typeof text === 'string') return true;
  if (typeof text !== 'object' || text === null || plain) return false;
  const forms = text as Record<string, unknown>;
  return typeof forms.other === 'string' && Object.values(forms).every((form) => typeof form === 'string');
}

/**
 * For the host's `scheduleUpdate` (Lit gives controllers no hook there):
 * the first update in a new language waits for its catalog, so a German card
 * never shows English first; every element shares one `import()` per
 * language and later updates render at once. The locale may change again
 * while it waits (`de`, then `fr` before German arrived: the second change
 * joins the update that waits), so it then waits for that one's catalog too.
 */
export function waitForCatalog(
  localize: LocalizeController,
  schedule: () => void | Promise<unknown>,
): void | Promise<unknown> {
  const loading = localize.loading;
  if (!loading) localize.retryCatalog();
  return loading ? afterCatalogs(localize, loading, schedule) : schedule();
}

async function afterCatalogs(
  localize: LocalizeController,
  first: Promise<unknown>,
  schedule: () => void | Promise<unknown>,
): Promise<unknown> {
  // Each load is waited for once: one that ended without its catalog (`loadLocale` never rejects,
  // but a loader the host replaced meanwhile drops its result) is not waited for again.
  const waited = new Set<Promise<unknown>>();
  let loading: Promise<unknown> | undefined = first;
  while (loading && !waited.has(loading)) {
    waited.add(loading);
    await loading;
    loading = localize.loading;
  }
  return schedule();
}
