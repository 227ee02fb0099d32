import { ContextProvider } from '@lit/context';
import { css, html, type PropertyValues, type PropertyDeclarations } from 'lit';
import { dashboardContext, DashboardElement, type DashboardContext } from '../../base/dashboard-element.js';
import { whenStillOffPage } from '../../base/left-page.js';
import { givenNumber, numberAttribute } from '../../base/number-attribute.js';
import { acquireStore, releaseStore } from '../../store/registry.js';
import type { DashboardStore } from '../../store/store.js';
import { DEFAULT_POLL_INTERVAL_MS } from '../../store/store.js';

/**
 * Whether two context values hold the same settings; `strings`, a merged copy, compared text by
 * text.
 */
function sameSettings(a: Record<string, unknown>, b: Record<string, unknown>, nested = false): boolean {
  return Object.keys({ ...a, ...b }).every(
    (key) =>
      a[key] === b[key] ||
      (!nested &&
        key === 'strings' &&
        !!a[key] &&
        !!b[key] &&
        sameSettings(a[key] as Record<string, unknown>, b[key] as Record<string, unknown>, true)),
  );
}

/**
 * @summary Gives every dashboard element inside it the organization, adapter,
 * viewer access, locale, time zone, links, strings and one shared data store.
 * It renders nothing of its own.
 *
 * Cards inside take each setting from the provider unless they set their own.
 * A provider inside another provider inherits the settings it does not set.
 * Changing `org-id` or `adapter` aborts every request of the previous org, and
 * nothing of it is shown again; removing the provider closes its live
 * connection and aborts everything.
 *
 * @slot - The dashboard elements.
 */
export class OrgDashboardProvider extends DashboardElement {
  static override properties: PropertyDeclarations = {
    pollInterval: { type: Number, attribute: 'poll-interval', converter: numberAttribute },
  };

  static override styles = css`
    :host {
      display: contents;
    }
  `;

  /**
   * Polling interval in milliseconds, used when the adapter has no live updates or its live connection gave up
   * (paused while the page is hidden; at least 1000). Changes apply at once; providers sharing one org's store
   * poll at the shortest interval any of them asks for, and one that sets none asks for none.
   */
  pollInterval = DEFAULT_POLL_INTERVAL_MS;

  readonly #provider = new ContextProvider(this, { context: dashboardContext, initialValue: {} });
  #store?: DashboardStore;

  /** The shared store of the current org, once `org-id` and `adapter` are set. */
  get dataStore(): DashboardStore | undefined {
    return this.#store;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // A move keeps the store and what it loaded; a provider that left the page lets go.
    whenStillOffPage(this, () => {
      this.#releaseStore();
      this.#provider.setValue({ ...this.#provider.value, store: undefined });
    });
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    this.#syncStore();
    if (changed.has('pollInterval')) this.#askPollInterval();
    const value = this.#contextValue();
    // An update that changes no setting (the dashboard's own `activity-limit`, a card more) leaves
    // the cards alone: every new value re-renders each of them.
    if (!sameSettings(this.#provider.value, value)) this.#provider.setValue(value);
  }

  #contextValue(): DashboardContext {
    const inherited = this.inherited;
    return {
      orgId: this.effectiveOrgId,
      adapter: this.effectiveAdapter,
      locale: this.locale ?? inherited.locale,
      timeZone: this.timeZone ?? inherited.timeZone,
      links: this.effectiveLinks,
      strings: inherited.strings || this.strings ? { ...inherited.strings, ...this.strings } : undefined,
      accessDenied: this.accessDenied ?? inherited.accessDenied,
      store: this.#store,
    };
  }

  #syncStore(): void {
    const adapter = this.effectiveAdapter;
    const orgId = this.effectiveOrgId;
    const current = this.#store;
    if (current && current.adapter === adapter && current.orgId === orgId && this.isConnected) return;
    this.#releaseStore();
    if (!adapter || !orgId || !this.isConnected) return;
    this.#store = acquireStore(adapter, orgId);
    // The store may be shared and older than this provider: its interval is a wish of its own, gone
    // with it (the store's base is the default, whoever made it).
    this.#askPollInterval();
    // Access decides what every card may show: load it once, up front.
    void this.#store.load('access');
  }

  /**
   * Asks the store for this provider's interval, or for none when the host set none: an interval
   * set on another provider of the org (the one around a dashboard) then holds, not the default.
   */
  #askPollInterval(): void {
    // A blank `poll-interval=""` or a value that is no number is none set.
    const asked = givenNumber(this.pollInterval);
    if (Number.isFinite(asked) && (this.hasAttribute('poll-interval') || asked !== DEFAULT_POLL_INTERVAL_MS))
      this.#store?.setPollInterval(this, asked);
    else this.#store?.clearPollInterval(this);
  }

  #releaseStore(): void {
    this.#store?.clearPollInterval(this);
    if (this.#store) releaseStore(this.#store);
    this.#store = undefined;
  }

  override render() {
    return html`<slot></slot>`;
  }
}
