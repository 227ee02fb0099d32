import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { DashboardError, isDashboardError } from '../../contract/errors.js';
import type { ViewerAccess } from '../../contract/types.js';
import { invalidItemsOf } from '../../contract/validation.js';
import type { ResourceDataMap, ResourceKey } from '../../store/resources.js';
import type { DashboardStore, ResourceState } from '../../store/store.js';
import { DashboardErrorEvent } from '../events.js';
import { InvalidItemsReport, invalidOfStoreData } from '../invalid-items.js';
import { serverRendered } from '../server-rendered.js';
import type { CardState } from './card-states.js';
import { StoreBindingController, type StoreTarget } from './store-binding.js';

/** What a card shows right now. */
export interface CardView<T> {
  state: CardState;
  data?: T;
  error?: DashboardError;
  updatedAt?: number;
  /** Items the data's list left out as invalid (DESIGN.md, "Lists"). */
  invalid?: readonly DashboardError[];
}

export interface ResourceOptions<K extends ResourceKey> {
  /** Which resource (read when needed: a subclass field is not set yet while the base class builds). */
  resource(): K;
  /** The org's store through the adapter, when the element has both. */
  target(): StoreTarget | undefined;
  /** The host's own `data` (controlled mode: nothing is fetched); undefined to fetch. */
  controlled(): unknown;
  /** Validates the host's `data` (throws `DashboardError` `invalid-data`). */
  parse(value: unknown): ResourceDataMap[K];
  /**
   * In controlled mode, the store whose viewer access the card's actions follow (the provider's,
   * which loads it): read, never subscribed to, so nothing is fetched for the card.
   */
  accessStore?(): DashboardStore | undefined;
  /** Whether to bind to the store when the element connects (see `StoreBindingOptions`). */
  bindOnConnect?(): boolean;
  /** Whether ready data has nothing to show. */
  isEmpty(data: ResourceDataMap[K]): boolean;
}

/**
 * One resource of the org, as a card shows it: from the shared store
 * (loading, ready, empty, error, no-access, stale) or from the `data` the
 * host set (validated once per object). Fetch failures and left-out list
 * items are reported as `od-error` after the render that shows them; the
 * host's own data never is (it knows what it passed).
 */
export class ResourceController<K extends ResourceKey> implements ReactiveController {
  readonly binding: StoreBindingController;
  #current: CardView<ResourceDataMap[K]> = { state: 'loading' };
  /** The viewer's access the last render saw (what actions show depends on it). */
  #renderedAccess?: ViewerAccess;
  #validated?: { input: unknown; result: ResourceDataMap[K] | DashboardError };
  /** The provider's store whose access request a controlled card waits for (see `access`). */
  #accessAwaited?: DashboardStore;
  #reportedError?: DashboardError;
  readonly #invalidReport = new InvalidItemsReport();
  /**
   * The first update hydrates a server render of a card with no `data`: the server, which has no
   * store, rendered it loading, and Lit's hydration must see that same template; the store's data
   * is shown in the next update.
   */
  #hydrating = false;

  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #options: ResourceOptions<K>;

  constructor(host: ReactiveControllerHost & HTMLElement, options: ResourceOptions<K>) {
    this.#host = host;
    this.#options = options;
    this.binding = new StoreBindingController(host, {
      target: () => (options.controlled() === undefined ? options.target() : undefined),
      subscribe: (store, changed) => {
        const update = () => {
          if (this.#changeShows()) changed();
        };
        return [store.subscribe('access', update), store.subscribe(options.resource(), update)];
      },
      bindOnConnect: () => options.bindOnConnect?.() ?? false,
      // Let go for good (another org, adapter or controlled data, or the card left the page): what
      // the next store shows is news. A move within the page keeps the store, and reports nothing again.
      released: () => {
        this.#reportedError = undefined;
        this.#invalidReport.clear();
      },
    });
    host.addController(this);
  }

  /** Whether the coming update hydrates a server render of a card with no `data` (see `#hydrating`). */
  get hydrating(): boolean {
    return this.#hydrating;
  }

  get view(): CardView<ResourceDataMap[K]> {
    return this.#current;
  }

  get store(): DashboardStore | undefined {
    return this.binding.store;
  }

  /** The viewer's access, when known. */
  get access(): ViewerAccess | undefined {
    // Unknown, as on the server, while hydrating its render.
    if (this.#hydrating) return undefined;
    return (this.store ?? this.#controlledAccessStore())?.get('access').data;
  }

  /**
   * A controlled card in a provider: the provider's store, whose access its actions follow. While
   * the provider's request for it is under way, the card renders again once it settles.
   */
  #controlledAccessStore(): DashboardStore | undefined {
    if (this.#options.controlled() === undefined) return undefined;
    const store = this.#options.accessStore?.();
    if (store && store !== this.#accessAwaited && store.get('access').status === 'loading') {
      this.#accessAwaited = store;
      // `load` joins the request under way: no second one.
      void store.load('access').then(() => this.#host.requestUpdate());
    }
    return store;
  }

  /**
   * Whether the first render would only show the skeleton while the store is fetching the data: it
   * can wait for a later task (see `runInSlice`), by when data answered from memory or a cache is in.
   */
  get awaitingData(): boolean {
    if (this.#hydrating || this.#options.controlled() !== undefined) return false;
    // Not bound yet, but binding in a microtask (a card in a provider): its data is on its way, or
    // in its org's store already, and a render now would only show the skeleton.
    if (this.store === undefined) return this.binding.bindQueued;
    return this.#compute().state === 'loading';
  }

  /** Binds to the wanted store and works out what to show; the host calls it first in `willUpdate`. */
  sync(): void {
    this.binding.sync();
    // `data` is read here, not at connect: a property set before the element was upgraded is in
    // place only from the first update on.
    this.#hydrating &&= this.#options.controlled() === undefined;
    this.#current = this.#hydrating ? { state: 'loading' } : this.#compute();
    this.#renderedAccess = this.access;
  }

  hostConnected(): void {
    this.#hydrating = serverRendered(this.#host);
  }

  hostUpdated(): void {
    if (this.#hydrating) {
      this.#hydrating = false;
      this.#host.requestUpdate();
    }
    this.#reportError();
    this.#reportInvalidItems();
  }

  /** Loads again what failed (and access, when that failed too). */
  readonly retry = (): void => {
    const store = this.store;
    if (!store) return;
    if (store.get('access').status === 'error') void store.refresh('access');
    void store.refresh(this.#options.resource());
  };

  /**
   * Whether a store change alters what the card shows. Most do; the ones
   * that leave a loading card loading (access arriving, a request starting)
   * cost no render, so the data's first render is not held to the next frame.
   */
  #changeShows(): boolean {
    const next = this.#compute();
    const shown = this.#current;
    return (
      next.state !== shown.state ||
      next.data !== shown.data ||
      next.error !== shown.error ||
      next.updatedAt !== shown.updatedAt ||
      next.invalid !== shown.invalid ||
      (next.state !== 'loading' && this.access !== this.#renderedAccess)
    );
  }

  #compute(): CardView<ResourceDataMap[K]> {
    const input = this.#options.controlled();
    if (input !== undefined) return this.#controlledView(input);
    const store = this.store;
    if (!store) return { state: 'loading' };
    const access = store.get('access');
    if (access.status === 'idle' || (access.status === 'loading' && !access.data))
      return { state: 'loading' };
    return this.#storeView(store.get(this.#options.resource()));
  }

  #controlledView(input: unknown): CardView<ResourceDataMap[K]> {
    // Validate once per object the host sets, not on every render.
    if (this.#validated?.input !== input) this.#validated = { input, result: this.#validate(input) };
    const result = this.#validated?.result as ResourceDataMap[K] | DashboardError;
    if (result instanceof DashboardError) return { state: 'error', error: result };
    const state = this.#options.isEmpty(result) ? 'empty' : 'ready';
    return { state, data: result, invalid: invalidItemsOf(result) };
  }

  #validate(input: unknown): ResourceDataMap[K] | DashboardError {
    try {
      return this.#options.parse(input);
    } catch (error) {
      return isDashboardError(error) ? error : new DashboardError('invalid-data', String(error));
    }
  }

  #storeView(resource: ResourceState<ResourceDataMap[K]>): CardView<ResourceDataMap[K]> {
    const { data, error, updatedAt } = resource;
    if (error?.code === 'forbidden') return { state: 'no-access', error };
    if (data !== undefined) {
      // `invalid`: what the store kept of the response's left-out items (read as optional: older stores lack it).
      const recorded = (resource as { invalid?: readonly DashboardError[] }).invalid;
      const invalid = invalidOfStoreData(recorded, invalidItemsOf(data as object));
      if (resource.stale) return { state: 'stale', data, error, updatedAt, invalid };
      return { state: this.#options.isEmpty(data) ? 'empty' : 'ready', data, updatedAt, invalid };
    }
    if (resource.status === 'error' && error) return { state: 'error', error };
    return { state: 'loading' };
  }

  /** `od-error` for failures of fetching (an async change), never for data the host set. */
  #reportError(): void {
    const { error } = this.#current;
    const store = this.store;
    if (!error || !store || error === this.#reportedError || error.code === 'forbidden') return;
    this.#reportedError = error;
    this.#dispatch(error, store);
  }

  /** `od-error` for each item a fetched list left out, once per item (see `InvalidItemsReport`). */
  #reportInvalidItems(): void {
    const store = this.store;
    const { invalid } = this.#current;
    if (!store || !invalid?.length) return;
    for (const error of this.#invalidReport.take(store, invalid)) this.#dispatch(error, store);
  }

  #dispatch(error: DashboardError, store: DashboardStore): void {
    this.#host.dispatchEvent(
      new DashboardErrorEvent({ error, resource: this.#options.resource(), orgId: store.orgId }),
    );
  }
}
