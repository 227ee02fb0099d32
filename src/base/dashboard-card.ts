import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { DashboardError, isDashboardError } from '../contract/errors.js';
import { resolveLink } from '../contract/links.js';
import type { Permission, ViewerAccess } from '../contract/types.js';
import { invalidItemsOf } from '../contract/validation.js';
import { formatDateTime } from '../format/format.js';
import { catalogLocale, loadedCatalog, loadLocale } from '../i18n/catalogs.js';
import { directionFor } from '../i18n/direction.js';
import { acquireStore, releaseStore } from '../store/registry.js';
import type { ResourceDataMap, ResourceKey } from '../store/resources.js';
import type { DashboardStore, ResourceState } from '../store/store.js';
import type { DashboardStrings } from '../strings/strings.js';
import { fill } from '../strings/template.js';
import { ERROR_TEXT } from '../strings/card.js';
import { DashboardElement } from './dashboard-element.js';
import { ACTION_LINK, DashboardActionEvent, type ActionEventName } from './actions.js';
import { DashboardErrorEvent } from './events.js';
import { FrameThrottle } from './frame-throttle.js';
import { InvalidItemsReport, invalidOfStoreData, renderInvalidNote } from './invalid-items.js';

/** The life of every data card (DESIGN.md): what it shows right now. */
export type CardState = 'loading' | 'ready' | 'empty' | 'error' | 'no-access' | 'stale';

/** Least time between two live-update announcements of one card; changes in between are coalesced. */
export const ANNOUNCE_INTERVAL_MS = 5000;

interface View<T> {
  state: CardState;
  data?: T;
  error?: DashboardError;
  updatedAt?: number;
  /** Items the data's list left out as invalid (DESIGN.md, "Lists"). */
  invalid?: readonly DashboardError[];
}

/**
 * A data card: binds to the shared store of its org (inside a provider or
 * standalone), or renders the `data` it is given (controlled mode), and walks
 * through loading, ready, empty, error, no-access and stale states.
 *
 * Subclasses name their resource, validate controlled data, and render the
 * ready content and a skeleton of the same size.
 */
export abstract class DashboardCard<K extends ResourceKey> extends DashboardElement {
  /** Controlled mode: render this and fetch nothing (property only). */
  @property({ attribute: false }) data?: ResourceDataMap[K];

  /** The level of the card's heading, 1 to 6, to fit the host page's outline. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;

  /** The resource this card shows. */
  protected abstract readonly resource: K;
  /** Validates controlled `data` (throws `DashboardError` `invalid-data`). */
  protected abstract parseData(value: unknown): ResourceDataMap[K];
  /** The card's title, from the resolved strings. */
  protected abstract cardTitle(strings: DashboardStrings): string;
  protected abstract renderReady(data: ResourceDataMap[K], strings: DashboardStrings): TemplateResult;
  /** Placeholders laid out as `renderReady` lays out data, so nothing moves when it arrives. */
  protected abstract renderSkeleton(strings: DashboardStrings): TemplateResult;
  /** Whether ready data has nothing to show (cards that can be empty override this). */
  protected isEmpty(_data: ResourceDataMap[K]): boolean {
    return false;
  }
  /** What the empty state says (cards that can be empty override this). */
  protected renderEmpty(_strings: DashboardStrings): TemplateResult | typeof nothing {
    return nothing;
  }
  /**
   * The card's own controls at the end of the header, before the host's
   * `header-actions` slot (cards with header controls override this).
   */
  protected renderHeaderActions(_strings: DashboardStrings): unknown {
    return nothing;
  }
  /**
   * What the polite status region says when live data replaces `previous`
   * with `current` ("Workspaces updated: 12 active"); undefined says nothing.
   * Never asked for the first load, nor for `data` the host sets.
   */
  protected liveSummary(
    _previous: ResourceDataMap[K],
    _current: ResourceDataMap[K],
    _strings: DashboardStrings,
  ): string | undefined {
    return undefined;
  }

  private readonly internals = this.attachInternals();
  private store?: DashboardStore;
  private throttle?: FrameThrottle;
  private unsubscribers: (() => void)[] = [];
  private view: View<ResourceDataMap[K]> = { state: 'loading' };
  /** The viewer's access the last render saw (actions depend on it). */
  private renderedAccess?: ViewerAccess;
  private controlled?: { input: unknown; result: ResourceDataMap[K] | DashboardError };
  private reportedError?: DashboardError;
  private readonly invalidReport = new InvalidItemsReport();
  /** The store data last announced (or first loaded): what the next announcement compares with. */
  private liveBaseline?: { store: DashboardStore; data: ResourceDataMap[K] };
  private liveText = '';
  private lastAnnouncedAt = -Infinity;
  private liveTimer?: ReturnType<typeof setTimeout>;
  /** Set when the pause is over: the next update announces what changed meanwhile. */
  private announceDue = false;

  /** What the card shows now: `loading`, `ready`, `empty`, `error`, `no-access` or `stale`. */
  get state(): CardState {
    return this.view.state;
  }

  /** Why the card is in `error` or `stale`, as a typed error. */
  get error(): DashboardError | undefined {
    return this.view.error;
  }

  /** The data on screen (ready, empty or stale), for subclasses that render it outside `renderReady`. */
  protected get viewData(): ResourceDataMap[K] | undefined {
    return this.view.data;
  }

  /** The viewer's access, when known (for actions that need more than read access). */
  protected get access(): ViewerAccess | undefined {
    return this.store?.get('access').data;
  }

  /**
   * Whether the viewer has a permission. Unknown access (controlled mode, or
   * access that failed to load) counts as yes: the server still decides.
   */
  protected hasPermission(permission: Permission): boolean {
    const access = this.access;
    return access ? access.permissions.includes(permission) : true;
  }

  /** The organization shown: the card's or the provider's `org-id`. */
  protected get currentOrgId(): string {
    return this.store?.orgId ?? this.effectiveOrgId ?? '';
  }

  /**
   * A quick action: a real link when the host configured a URL template for
   * it (so middle-click and "open in new tab" work), else a button. Either way
   * a cancelable `od-*` event goes first; `preventDefault()` on it stops the
   * navigation so a host router can take over. A modified click on a link
   * (Ctrl, Cmd, Shift, Alt) is left to the browser: the user asked for a new
   * tab or window, which a router must not swallow.
   */
  protected renderAction(
    event: ActionEventName,
    content: unknown,
    options: { part?: string; label?: string } = {},
  ): TemplateResult {
    const orgId = this.currentOrgId;
    const href = resolveLink(this.effectiveLinks, ACTION_LINK[event], orgId);
    const part = `action${options.part ? ` ${options.part}` : ''}`;
    const onClick = (click: MouseEvent) => {
      if (href && (click.ctrlKey || click.metaKey || click.shiftKey || click.altKey)) return;
      const proceed = this.dispatchEvent(new DashboardActionEvent(event, href ? { orgId, href } : { orgId }));
      if (!proceed) click.preventDefault();
    };
    return href
      ? html`<a part=${part} href=${href} aria-label=${options.label ?? nothing} @click=${onClick}
          >${content}</a
        >`
      : html`<button part=${part} type="button" aria-label=${options.label ?? nothing} @click=${onClick}>
          ${content}
        </button>`;
  }

  /**
   * Every text, resolved: English defaults, then the active locale's catalog
   * (key by key), then the provider's `strings`, then the card's own.
   */
  protected get resolvedStrings(): DashboardStrings {
    return {
      ...this.defaultStrings(),
      ...loadedCatalog(this.formatContext.locale),
      ...this.inherited.strings,
      ...this.strings,
    } as DashboardStrings;
  }

  /**
   * Waits for the active locale's catalog before rendering, so a German card
   * never shows English first. Only the first update in a new language waits
   * (one shared `import()`); later ones render at once.
   */
  protected override scheduleUpdate(): void | Promise<unknown> {
    const locale = this.formatContext.locale;
    if (loadedCatalog(locale)) return super.scheduleUpdate();
    return loadLocale(locale).then(() => super.scheduleUpdate());
  }

  /** This card's default texts together with the shared ones. */
  protected abstract defaultStrings(): Partial<DashboardStrings>;

  /** Also waits for a live change held back to the next animation frame. */
  protected override async getUpdateComplete(): Promise<boolean> {
    let complete = await super.getUpdateComplete();
    while (this.throttle?.hasPending) {
      await this.throttle.idle;
      complete = await super.getUpdateComplete();
    }
    return complete;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Rebind after a move in the page: no property changed, so ask for an update.
    this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unbind();
    clearTimeout(this.liveTimer);
    this.liveTimer = undefined;
    this.liveBaseline = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    this.syncBinding();
    this.view = this.computeView();
    this.renderedAccess = this.access;
    this.syncStates();
    this.trackLiveChange();
  }

  /**
   * Notices store data replacing other store data of the same org (a live
   * event, a poll, a resync) and schedules an announcement. The first load,
   * another org and controlled `data` only set the baseline.
   */
  private trackLiveChange(): void {
    const store = this.store;
    const data = this.view.data;
    if (!store || this.data !== undefined) {
      this.liveBaseline = undefined;
      return;
    }
    if (data === undefined) return;
    const baseline = this.liveBaseline;
    if (!baseline || baseline.store !== store) this.liveBaseline = { store, data };
    else if (baseline.data !== data) {
      if (this.announceDue) this.announce(baseline.data, data);
      else this.scheduleAnnouncement();
    }
    this.announceDue = false;
  }

  /** At most one announcement per `ANNOUNCE_INTERVAL_MS`; changes in between make one summary. */
  private scheduleAnnouncement(): void {
    if (this.liveTimer !== undefined) return;
    const wait = Math.max(0, this.lastAnnouncedAt + ANNOUNCE_INTERVAL_MS - Date.now());
    this.liveTimer = setTimeout(() => {
      this.liveTimer = undefined;
      this.announceDue = true;
      // Through the throttle: a live change just rendered in this frame, most likely.
      if (this.throttle) this.throttle.request();
      else this.requestUpdate();
    }, wait);
  }

  /** Runs in `willUpdate`, so it summarizes the data this very render shows. */
  private announce(previous: ResourceDataMap[K], current: ResourceDataMap[K]): void {
    this.liveBaseline = { store: this.store!, data: current };
    const text = this.liveSummary(previous, current, this.resolvedStrings);
    if (!text) return;
    this.lastAnnouncedAt = Date.now();
    this.liveText = text;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.reportError();
    this.reportInvalidItems();
  }

  private syncBinding(): void {
    const adapter = this.effectiveAdapter;
    const orgId = this.effectiveOrgId;
    const wanted =
      this.data === undefined && this.isConnected && adapter && orgId ? { adapter, orgId } : undefined;
    const store = this.store;
    if (store && (!wanted || store.adapter !== wanted.adapter || store.orgId !== wanted.orgId)) this.unbind();
    if (wanted && !this.store) this.bind(acquireStore(wanted.adapter, wanted.orgId));
  }

  private bind(store: DashboardStore): void {
    this.store = store;
    this.reportedError = undefined;
    this.invalidReport.clear();
    // Store changes (a burst of live events) render at most once per animation frame.
    this.throttle = new FrameThrottle(() => this.requestUpdate());
    const update = () => {
      if (this.storeChangeShows()) this.throttle?.request();
    };
    this.unsubscribers = [store.subscribe('access', update), store.subscribe(this.resource, update)];
  }

  /**
   * Whether a store change alters what the card shows. Most do; the ones
   * that leave a loading card loading (access arriving, a request starting)
   * cost no render, so the data's first render is not held to the next frame.
   */
  private storeChangeShows(): boolean {
    const next = this.computeView();
    const shown = this.view;
    return (
      next.state !== shown.state ||
      next.data !== shown.data ||
      next.error !== shown.error ||
      next.updatedAt !== shown.updatedAt ||
      next.invalid !== shown.invalid ||
      (next.state !== 'loading' && this.access !== this.renderedAccess)
    );
  }

  private unbind(): void {
    for (const unsubscribe of this.unsubscribers) unsubscribe();
    this.unsubscribers = [];
    if (this.store) releaseStore(this.store);
    this.store = undefined;
  }

  private computeView(): View<ResourceDataMap[K]> {
    if (this.data !== undefined) return this.controlledView(this.data);
    if (!this.store) return { state: 'loading' };
    const access = this.store.get('access');
    if (access.status === 'idle' || (access.status === 'loading' && !access.data))
      return { state: 'loading' };
    return this.storeView(this.store.get(this.resource));
  }

  private controlledView(input: unknown): View<ResourceDataMap[K]> {
    // Validate once per object the host sets, not on every render.
    if (this.controlled?.input !== input) this.controlled = { input, result: this.validate(input) };
    const { result } = this.controlled as { result: ResourceDataMap[K] | DashboardError };
    if (result instanceof DashboardError) return { state: 'error', error: result };
    return { state: this.isEmpty(result) ? 'empty' : 'ready', data: result, invalid: invalidItemsOf(result) };
  }

  private validate(input: unknown): ResourceDataMap[K] | DashboardError {
    try {
      return this.parseData(input);
    } catch (error) {
      return isDashboardError(error) ? error : new DashboardError('invalid-data', String(error));
    }
  }

  private storeView(resource: ResourceState<ResourceDataMap[K]>): View<ResourceDataMap[K]> {
    const { data, error, updatedAt } = resource;
    if (error?.code === 'forbidden') return { state: 'no-access', error };
    if (data !== undefined) {
      // `invalid`: what the store kept of the response's left-out items (read as optional: older stores lack it).
      const recorded = (resource as { invalid?: readonly DashboardError[] }).invalid;
      const invalid = invalidOfStoreData(recorded, invalidItemsOf(data as object));
      if (resource.stale) return { state: 'stale', data, error, updatedAt, invalid };
      return { state: this.isEmpty(data) ? 'empty' : 'ready', data, updatedAt, invalid };
    }
    if (resource.status === 'error' && error) return { state: 'error', error };
    return { state: 'loading' };
  }

  /** Custom states let hosts style `org-info-card:state(loading)`. */
  private syncStates(): void {
    const states = this.internals.states;
    for (const name of ['loading', 'ready', 'empty', 'error', 'no-access', 'stale']) {
      if (name === this.view.state) states.add(name);
      else states.delete(name);
    }
    const hidden = this.view.state === 'no-access' && this.effectiveAccessDenied === 'hide';
    if (hidden) states.add('access-hidden');
    else states.delete('access-hidden');
  }

  /** `od-error` for failures of fetching (an async change), never for data the host set. */
  private reportError(): void {
    const error = this.view.error;
    if (!error || !this.store || error === this.reportedError || error.code === 'forbidden') return;
    this.reportedError = error;
    this.dispatchEvent(new DashboardErrorEvent({ error, resource: this.resource, orgId: this.store.orgId }));
  }

  /**
   * `od-error` for each item a fetched list left out, once per item (see
   * `InvalidItemsReport`); never for the host's own `data`.
   */
  private reportInvalidItems(): void {
    const { store } = this;
    const invalid = this.view.invalid;
    if (!store || !invalid?.length) return;
    for (const error of this.invalidReport.take(store, invalid))
      this.dispatchEvent(new DashboardErrorEvent({ error, resource: this.resource, orgId: store.orgId }));
  }

  private retry(): void {
    const store = this.store;
    if (!store) return;
    if (store.get('access').status === 'error') void store.refresh('access');
    void store.refresh(this.resource);
  }

  override render() {
    const strings = this.resolvedStrings;
    const { state } = this.view;
    if (state === 'no-access' && this.effectiveAccessDenied === 'hide') return nothing;
    const title = this.cardTitle(strings);
    const { locale } = this.formatContext;
    return html`
      <section
        part="card"
        lang=${contentLanguage(locale)}
        dir=${directionFor(this, locale)}
        aria-labelledby="title"
        aria-busy=${state === 'loading' ? 'true' : 'false'}
      >
        <div part="header">
          <div part="title" id="title" role="heading" aria-level=${this.headingLevelValue}>
            <slot name="heading">${title}</slot>
          </div>
          ${this.renderHeaderActions(strings)}<slot name="header-actions"></slot>
        </div>
        <div part="body">${this.renderBody(strings)}</div>
        ${this.view.data === undefined ? nothing : (renderInvalidNote(this.view.invalid ?? [], strings, this.formatContext) ?? nothing)}
        ${state === 'stale' ? this.renderStaleNote(strings) : nothing}
        <div class="visually-hidden" role="status">${this.liveText}</div>
      </section>
    `;
  }

  private get headingLevelValue(): string {
    const level = Math.round(Number(this.headingLevel));
    return String(level >= 1 && level <= 6 ? level : 2);
  }

  private renderBody(strings: DashboardStrings) {
    const { state, data } = this.view;
    switch (state) {
      case 'loading':
        return html`<span class="visually-hidden">${strings.loading}</span>${this.renderSkeleton(strings)}`;
      case 'no-access':
        return html`<p part="message no-access">${strings.noAccess}</p>`;
      case 'error':
        return this.renderError(strings);
      case 'empty':
        return html`<slot name="empty">${this.renderEmpty(strings)}</slot>`;
      default:
        return data === undefined ? nothing : this.renderReady(data, strings);
    }
  }

  private renderError(strings: DashboardStrings) {
    const code = this.view.error?.code;
    const key = (code && ERROR_TEXT[code]) || 'errorGeneric';
    return html`
      <div part="message error" role="alert">
        <slot name="error">${strings[key]}</slot>
        ${this.store ? html`<button part="retry" type="button" @click=${this.retry}>${strings.retry}</button>` : nothing}
      </div>
    `;
  }

  private renderStaleNote(strings: DashboardStrings) {
    const { updatedAt } = this.view;
    const time =
      updatedAt === undefined ? '' : formatDateTime(updatedAt, this.formatContext, { timeStyle: 'short' });
    return html`
      <p part="footer stale">
        <span>${strings.staleNotice} ${fill(strings.lastUpdated, { time })}</span>
        <button part="retry" type="button" @click=${this.retry}>${strings.retry}</button>
      </p>
    `;
  }
}

/** The language the card's texts are in: the locale when a catalog of its language is used, else English. */
function contentLanguage(locale: string): string {
  const catalog = catalogLocale(locale);
  return locale === catalog || locale.startsWith(`${catalog}-`) ? locale : catalog;
}
