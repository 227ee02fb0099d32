import { ContextConsumer, createContext } from '@lit/context';
import { isServer, LitElement, type PropertyDeclarations } from 'lit';
import type { DashboardLinks } from '../contract/links.js';
import type { DashboardAdapter } from '../contract/types.js';
import { resolveLocale, resolveTimeZone, type FormatContext } from '../format/format.js';
import { localeFor } from '../i18n/direction.js';
import type { DashboardStrings } from '../strings/strings.js';
import { LocalizeController } from './controllers/localize.js';
import { PageAttributes } from './controllers/page-attributes.js';
import type { DashboardStore } from '../store/store.js';
import { notePresetProperties, type StoreTarget } from './controllers/store-binding.js';
import { listenForLateProviders } from './late-providers.js';
import { warnObjectAttributes } from './object-attributes.js';
import { serverRendered } from './server-rendered.js';

/** What a card does without access: a short notice (default) or nothing. */
export type AccessDeniedMode = 'notice' | 'hide';

/**
 * What `<org-dashboard-provider>` gives every element inside it: its own settings, which an element
 * takes unless it sets its own (typed from the element's, so that each is declared once).
 */
export type DashboardContext = Partial<
  Pick<DashboardElement, 'orgId' | 'adapter' | 'locale' | 'timeZone' | 'links' | 'strings' | 'accessDenied'>
> & {
  /** The shared store of `orgId` on `adapter`, for elements of the host's own. */
  store?: DashboardStore;
};

const NO_CONTEXT: DashboardContext = Object.freeze({});

// A string key rather than a Symbol, so that two copies of the library on one
// page (say the CDN bundle and an npm build) still find each other's provider.
export const dashboardContext = createContext<DashboardContext>('org-dashboard-elements/dashboard');

/**
 * The public API the provider and every card share (DESIGN.md, "Element API"),
 * and the rule that joins them: an element takes each setting from the
 * enclosing provider unless it sets its own.
 */
export class DashboardElement extends LitElement {
  static override properties: PropertyDeclarations = {
    orgId: { attribute: 'org-id' },
    adapter: { attribute: false },
    locale: {},
    timeZone: { attribute: 'time-zone' },
    links: { attribute: false },
    strings: { attribute: false },
    accessDenied: { attribute: 'access-denied' },
    provided: { state: true, attribute: false },
  };

  /** The organization to show. */
  orgId?: string;

  /** The data adapter (property only). */
  adapter?: DashboardAdapter;

  /** BCP 47 locale for formatting; default: the nearest `lang`, then the browser's. */
  locale?: string;

  /** IANA time zone for dates and times; default: the viewer's. */
  timeZone?: string;

  /** Quick-action URL templates by key; `{orgId}` is filled in; laid over the provider's key by key (property only). */
  links?: DashboardLinks;

  /** Replacement texts by key, any subset (property only). */
  strings?: Partial<DashboardStrings>;

  /** Without access: show a short `notice` (default) or `hide` the card. */
  accessDenied?: AccessDeniedMode;

  /** What an enclosing provider gives; empty outside one. */
  private provided: DashboardContext = NO_CONTEXT;

  /**
   * Whether the coming update hydrates what a server rendered. That update must render exactly
   * what the server did: Lit's hydration takes the server's texts and attribute values for the
   * ones it is given without writing them (and throws on another template), so a value that differs
   * would stay as the server wrote it. It renders with what a server has: no provider (context does
   * not reach a server render), no page to find a `lang` in, the time zone UTC. The update after it
   * renders with everything, and writes what differs.
   */
  #hydrating = false;

  /** The `lang` and `dir` the element takes from the page, kept until one changes. */
  readonly #page = new PageAttributes(this);

  constructor() {
    super();
    new ContextConsumer(this, {
      context: dashboardContext,
      subscribe: true,
      callback: (value) => (this.provided = value),
    });
    this.addController({
      hostConnected: () => {
        this.#hydrating = serverRendered(this);
      },
      hostUpdated: () => {
        if (!this.#hydrating) return;
        this.#hydrating = false;
        this.#updateLocale = undefined;
        this.requestUpdate();
      },
    });
  }

  /** What an enclosing provider gives; empty outside one, and in the update that hydrates a server render. */
  protected get inherited(): DashboardContext {
    return this.#hydrating ? NO_CONTEXT : this.provided;
  }

  /**
   * Lit asks this of each reactive property while it builds the element: an own value is one the
   * host set before the tag was defined, which Lit keeps aside until the first update. Noted, so
   * the store is not bound at connect from settings that are not in place yet (`StoreBindingController`).
   * It answers as `Object.prototype.hasOwnProperty` does.
   *
   * @internal
   */
  override hasOwnProperty(key: PropertyKey): boolean {
    const own = Object.prototype.hasOwnProperty.call(this, key);
    if (own && !this.hasUpdated && (this.constructor as typeof DashboardElement).elementProperties.has(key))
      notePresetProperties(this);
    return own;
  }

  override connectedCallback(): void {
    // Before the context request goes out (in super's connectedCallback), so that a request no
    // provider answers yet is kept for the provider whose class is registered later.
    listenForLateProviders();
    // What a provider gave belongs to where the element was: the request in super's
    // connectedCallback asks again, and a provider around its new place answers at once. Out of
    // any provider (moved out of one) it has none, and lets go of that provider's org and store.
    this.provided = NO_CONTEXT;
    super.connectedCallback();
    // After the first update, so that a framework setting the property just after inserting the
    // element (as some do) is not told off.
    this.updateComplete.then(
      () => warnObjectAttributes(this),
      () => undefined,
    );
  }

  protected get effectiveOrgId(): string | undefined {
    return this.orgId || this.inherited.orgId;
  }

  protected get effectiveAdapter(): DashboardAdapter | undefined {
    return this.adapter ?? this.inherited.adapter;
  }

  /** The org's store this element reads: through its adapter, once it has both adapter and org. */
  protected get storeTarget(): StoreTarget | undefined {
    const adapter = this.effectiveAdapter;
    const orgId = this.effectiveOrgId;
    return adapter && orgId ? { adapter, orgId } : undefined;
  }

  /**
   * The provider's URL templates with this element's own laid over them key by key, as `strings`
   * are: a card that sets one keeps the others. The same object while neither side changes.
   */
  protected get effectiveLinks(): DashboardLinks | undefined {
    const own = this.links;
    const inherited = this.inherited.links;
    if (!own || !inherited) return own ?? inherited;
    const layered = this.#layeredLinks;
    if (layered?.own === own && layered.inherited === inherited) return layered.links;
    const links = { ...inherited, ...own };
    this.#layeredLinks = { own, inherited, links };
    return links;
  }

  #layeredLinks?: { own: DashboardLinks; inherited: DashboardLinks; links: DashboardLinks };

  protected get effectiveAccessDenied(): AccessDeniedMode {
    return (this.accessDenied ?? this.inherited.accessDenied) === 'hide' ? 'hide' : 'notice';
  }

  /** Locale and time zone, validated: a bad value falls back instead of throwing from `Intl`. */
  protected get formatContext(): FormatContext {
    return {
      locale: this.#locale(),
      // A server does not know the viewer's zone: it renders UTC, a time that stays true wherever it
      // is read, and the update that hydrates it does too.
      timeZone:
        resolveTimeZone(this.timeZone ?? this.inherited.timeZone) ??
        (isServer || this.#hydrating ? 'UTC' : undefined),
    };
  }

  /**
   * The locale found in the update under way. A render asks for it many times (texts, `lang`,
   * `dir`, each formatted value), and each answer checks and resolves the candidates: an update
   * finds it once. The page's `lang` among them is kept across updates (`PageAttributes`).
   */
  #updateLocale?: string;
  #updating = false;

  protected override performUpdate(): void {
    this.#updating = true;
    try {
      super.performUpdate();
    } finally {
      this.#updating = false;
      this.#updateLocale = undefined;
    }
  }

  #locale(): string {
    if (!this.#updating) return this.#findLocale();
    this.#updateLocale ??= this.#findLocale();
    return this.#updateLocale;
  }

  #findLocale(): string {
    // A server has no page to find a `lang` in: its own locale, else English (see `localeFor`).
    return this.#hydrating
      ? resolveLocale(this.locale)
      : localeFor(() => this.#page.get('lang'), this.locale, this.inherited.locale);
  }

  /**
   * The element's texts: `defaults` (its English texts), then its locale's
   * catalog, then the provider's `strings`, then its own.
   */
  protected createLocalize(defaults: () => readonly Partial<DashboardStrings>[]): LocalizeController {
    return new LocalizeController(this, {
      // The locale alone: resolving the time zone too would make the first update of a page pay
      // the first use of `Intl` where it schedules (see task-slices.ts).
      locale: () => this.#locale(),
      defaults,
      overrides: () => [this.inherited.strings, this.strings],
      pageDir: () => this.#page.get('dir'),
    });
  }
}
