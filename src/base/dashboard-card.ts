import { html, nothing, type PropertyValues, type TemplateResult, type PropertyDeclarations } from 'lit';
import type { DashboardError } from '../contract/errors.js';
import type { Permission, ViewerAccess } from '../contract/types.js';
import type { ResourceDataMap, ResourceKey } from '../store/resources.js';
import { cardStrings } from '../strings/card.js';
import type { DashboardStrings, TextKey } from '../strings/strings.js';
import { renderAction, type ActionEventName } from './actions.js';
import { renderCardFrame, renderErrorMessage, renderNoAccess, renderStaleNote } from './card-frame.js';
import { CardStatesController, type CardState } from './controllers/card-states.js';
import { FocusKeeper } from './controllers/focus-keeper.js';
import { LiveAnnouncer } from './controllers/live-announcer.js';
import { waitForCatalog } from './controllers/localize.js';
import { ResourceController } from './controllers/resource.js';
import { DashboardElement } from './dashboard-element.js';
import { renderInvalidNote } from './invalid-items.js';
import { numberAttribute } from './number-attribute.js';
import { runInSlice } from './task-slices.js';

export type { CardState } from './controllers/card-states.js';
export { ANNOUNCE_INTERVAL_MS } from './controllers/live-announcer.js';

/**
 * A data card: shows one resource of its org, from the org's shared store
 * (inside a provider or standalone) or from the `data` the host gives it
 * (controlled mode), through the six states of DESIGN.md, in the frame every
 * card shares. What it does is composed of controllers: the resource and its
 * store, the texts, the live region, the custom states and focus kept in the
 * card when a render removes what had it (a Retry, a row pushed out).
 *
 * A card declares its resource, how host data is validated, its texts and
 * which is its title, and renders its ready content and a skeleton of the same size.
 *
 * @cssstate loading - While the data is on its way (the skeleton shows).
 * @cssstate ready - Data shown.
 * @cssstate empty - Nothing to show (the cards that can be empty).
 * @cssstate error - Loading failed (with Retry).
 * @cssstate no-access - The viewer may not see this card's data.
 * @cssstate stale - Data from before a failed refresh, with when it was last updated.
 * @cssstate access-hidden - Hidden: no access and `access-denied="hide"`.
 */
export abstract class DashboardCard<K extends ResourceKey> extends DashboardElement {
  static override properties: PropertyDeclarations = {
    data: { attribute: false },
    headingLevel: { type: Number, attribute: 'heading-level', converter: numberAttribute },
  };

  /** Controlled mode: render this and fetch nothing (property only). */
  data?: ResourceDataMap[K];

  /** The level of the card's heading, 1 to 6, to fit the host page's outline. */
  headingLevel = 2;

  /** The resource this card shows. */
  protected abstract readonly resource: K;
  /** Validates controlled `data` (throws `DashboardError` `invalid-data`). */
  protected abstract readonly parse: (value: unknown) => ResourceDataMap[K];
  /** The card's English texts (the texts every card shares come with them), and which is its title. */
  protected abstract readonly texts: { readonly strings: Partial<DashboardStrings>; readonly title: TextKey };

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
  /** The card's own controls at the end of the header, before the host's `header-actions` slot. */
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

  protected readonly localize = this.createLocalize(() => [cardStrings, this.texts.strings]);
  private readonly source = new ResourceController<K>(this, {
    resource: () => this.resource,
    target: () => this.storeTarget,
    controlled: () => this.data,
    // The provider's access holds for a controlled card showing the provider's org.
    accessStore: () => {
      const store = this.inherited.store;
      return store?.orgId === this.effectiveOrgId ? store : undefined;
    },
    parse: (value) => this.parse(value),
    isEmpty: (data) => this.isEmpty(data),
    // In a provider (a dashboard), the store is there before the card's first render: binding at
    // connect lets that render wait for the data instead of showing a skeleton first. A card on its
    // own keeps its order (skeleton, then data and any od-error), which hosts may have relied on.
    bindOnConnect: () => this.inherited.store !== undefined,
  });
  private readonly announcer = new LiveAnnouncer(this, {
    request: () => this.source.binding.requestUpdate(),
  });
  private readonly states = new CardStatesController(this);

  constructor() {
    super();
    // Added before the cards' own controllers (their fields come after this): where one of them
    // moves focus on purpose after an update (the alert form), it has the last word.
    new FocusKeeper(this, { busy: () => this.state === 'loading' });
  }

  /** What the card shows now: `loading`, `ready`, `empty`, `error`, `no-access` or `stale`. */
  get state(): CardState {
    return this.source.view.state;
  }

  /** Why the card is in `error` or `stale`, as a typed error. */
  get error(): DashboardError | undefined {
    return this.source.view.error;
  }

  /** The data on screen (ready, empty or stale), for cards that render it outside `renderReady`. */
  protected get viewData(): ResourceDataMap[K] | undefined {
    return this.source.view.data;
  }

  /**
   * Whether this update hydrates a server render made with no store: what depends on the adapter
   * (which the server had not) must render as it did there, and follows in the next update.
   */
  protected get hydrating(): boolean {
    return this.source.hydrating;
  }

  /** The viewer's access, when known (for actions that need more than read access). */
  protected get access(): ViewerAccess | undefined {
    return this.source.access;
  }

  /**
   * Whether the viewer has a permission. Unknown access (controlled mode
   * outside a provider, or access that failed to load) counts as yes: the
   * server still decides.
   */
  protected hasPermission(permission: Permission): boolean {
    const access = this.access;
    return access ? access.permissions.includes(permission) : true;
  }

  /** The organization shown: the card's or the provider's `org-id`. */
  protected get currentOrgId(): string {
    return this.source.store?.orgId ?? this.effectiveOrgId ?? '';
  }

  /** Every text, resolved (see `LocalizeController`). */
  protected get resolvedStrings(): DashboardStrings {
    return this.localize.strings;
  }

  /** Says `text` in the card's polite status region now (the result of the viewer's own action). */
  protected announce(text: string): void {
    this.announcer.say(text);
  }

  /** The next change of `store`'s data is the viewer's own action, said by its result: not summarized. */
  protected acknowledgeOwnChange(store: object): void {
    this.announcer.acknowledge(store);
  }

  /** A quick action: a link when the host configured its URL, else a button (see `renderAction`). */
  protected renderAction(
    event: ActionEventName,
    content: unknown,
    options: { part?: string; label?: string; opensDialog?: () => void } = {},
  ): TemplateResult {
    return renderAction(this, {
      event,
      links: this.effectiveLinks,
      orgId: this.currentOrgId,
      content,
      ...options,
    });
  }

  /**
   * After the catalog, in a slice of the page's tasks (`runInSlice`), so a dashboard's cards do not
   * all render in one long task; a first render whose data is being fetched waits for a later task,
   * so a quick answer renders once instead of a skeleton first.
   */
  protected override scheduleUpdate(): void | Promise<unknown> {
    // The catalog is asked for again when the slice's turn comes: the locale may have changed while
    // the render waited for a later task, and its texts would be English.
    const render = (): void | Promise<unknown> =>
      waitForCatalog(this.localize, () =>
        runInSlice(() => (this.localize.loading ? render() : super.scheduleUpdate()), {
          defer: !this.hasUpdated && this.source.awaitingData,
        }),
      );
    return render();
  }

  protected override getUpdateComplete(): Promise<boolean> {
    return this.source.binding.settle(() => super.getUpdateComplete());
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    this.source.sync();
    const { state, data } = this.source.view;
    this.states.set(state, this.isHidden);
    // Only store data is live: the host's own `data` is never announced.
    const live = this.data === undefined ? this.source.store : undefined;
    this.announcer.track(live, data, (previous, current) =>
      this.liveSummary(previous, current, this.resolvedStrings),
    );
  }

  private get isHidden(): boolean {
    return this.source.view.state === 'no-access' && this.effectiveAccessDenied === 'hide';
  }

  override render() {
    if (this.isHidden) return nothing;
    const strings = this.resolvedStrings;
    const { state, data, invalid, updatedAt } = this.source.view;
    return renderCardFrame({
      lang: this.localize.lang,
      dir: this.localize.dir,
      busy: state === 'loading',
      headingLevel: this.headingLevel,
      title: strings[this.texts.title],
      header: html`${this.renderHeaderActions(strings)}<slot name="header-actions"></slot>`,
      body: this.renderBody(strings),
      footer: html`${data === undefined ? nothing : (renderInvalidNote(invalid ?? [], strings, this.formatContext) ?? nothing)}
      ${state === 'stale' ? renderStaleNote(updatedAt, strings, this.formatContext, this.source.retry) : nothing}`,
      status: this.announcer.render(),
    });
  }

  private renderBody(strings: DashboardStrings) {
    const { state, data, error } = this.source.view;
    switch (state) {
      case 'loading':
        return html`<span class="visually-hidden">${strings.loading}</span>${this.renderSkeleton(strings)}`;
      case 'no-access':
        return renderNoAccess(strings);
      case 'error':
        return renderErrorMessage(error, strings, this.source.store ? this.source.retry : undefined);
      case 'empty':
        return html`<slot name="empty">${this.renderEmpty(strings)}</slot>`;
      default:
        return data === undefined ? nothing : this.renderReady(data, strings);
    }
  }
}
