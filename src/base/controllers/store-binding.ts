import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { DashboardAdapter } from '../../contract/types.js';
import { acquireStore, releaseStore } from '../../store/registry.js';
import type { DashboardStore } from '../../store/store.js';
import { FrameThrottle } from '../frame-throttle.js';
import { whenStillOffPage } from '../left-page.js';

/** Which store an element wants: the one of this org through this adapter. */
export interface StoreTarget {
  adapter: DashboardAdapter;
  orgId: string;
}

export interface StoreBindingOptions {
  /** The store wanted now; undefined for none (controlled mode, no adapter or org yet). */
  target(): StoreTarget | undefined;
  /** Subscribes to what the element shows, returning the unsubscribers; `changed` asks for a render. */
  subscribe(store: DashboardStore, changed: () => void): (() => void)[];
  /**
   * Whether to bind when the element connects, before its first render (cards in a provider: their
   * fetch starts while the render waits for its slice); otherwise at the first render's `sync`.
   */
  bindOnConnect?(): boolean;
  /** Before the element lets go of a store: forget what belonged to it. */
  released?(store: DashboardStore): void;
}

/**
 * Elements a host gave properties before their tag was defined. Lit keeps such values aside when
 * it upgrades the element and sets them only at its first update, so until then `data`, `orgId` or
 * `adapter` read as unset (see `notePresetProperties`).
 */
const presetHosts = new WeakSet<object>();

/**
 * For the element class, while Lit builds an upgraded element: `host` had its own value for a
 * reactive property. Binding at connect would read the settings without it (and fetch for a
 * controlled card, or for the provider's org instead of its own), so it waits for the first update.
 */
export function notePresetProperties(host: object): void {
  presetHosts.add(host);
}

/**
 * Holds the shared store of the element's org (DESIGN.md: one per org and
 * adapter, shared through the registry) while the element is connected and
 * wants it, and lets go of it when the org or adapter changes, the host
 * switches to controlled `data`, or the element leaves the page. Store
 * changes render at most once per animation frame, so a burst of live
 * events costs one render.
 *
 * Leaving the page is told apart from a move: a framework that reorders or
 * re-parents an element takes it out and puts it back in one task, and the
 * element keeps its store, its subscriptions and whatever depends on them
 * (`released` is not called). Only an element still out of the page a
 * microtask later lets go.
 */
export class StoreBindingController implements ReactiveController {
  #bound?: DashboardStore;
  /** Between `sync` (the update read the store) and the end of that update. */
  #reading = false;
  #unsubscribers: (() => void)[] = [];
  readonly #throttle: FrameThrottle;
  /** A render the throttle asked for has not happened yet. */
  #throttledRender = false;
  /** Connected in a provider: the binding comes in a microtask (see `hostConnected`). */
  #bindQueued = false;

  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #options: StoreBindingOptions;

  constructor(host: ReactiveControllerHost & HTMLElement, options: StoreBindingOptions) {
    this.#host = host;
    this.#options = options;
    this.#throttle = new FrameThrottle(() => {
      this.#throttledRender = true;
      host.requestUpdate();
    });
    host.addController(this);
  }

  get store(): DashboardStore | undefined {
    return this.#bound;
  }

  /**
   * Whether the element connected in a provider and binds its store in a microtask that has not
   * run yet: Lit's first update asks when to render before it does (its microtask was queued when
   * the element was made, before it connected), and the store is on its way.
   */
  get bindQueued(): boolean {
    return this.#bindQueued;
  }

  /**
   * A render of the host, at most once per animation frame. An update that is
   * pending and has not yet read the store (a first render waiting for its
   * slice) will show this change anyway: asking again would only render twice.
   */
  readonly requestUpdate = (): void => {
    if (this.#updatePending && !this.#reading) return;
    this.#throttle.request();
  };

  /** Binds, rebinds or lets go to match `target()`; the host calls it first thing in `willUpdate`. */
  sync(): void {
    this.#reading = true;
    this.#bind();
  }

  hostUpdated(): void {
    this.#reading = false;
    // The render the throttle asked for has happened: in this frame, whichever frame it asked in.
    if (this.#throttledRender) {
      this.#throttledRender = false;
      this.#throttle.ran();
    }
  }

  get #updatePending(): boolean {
    return (this.#host as { isUpdatePending?: boolean }).isUpdatePending === true;
  }

  #bind(): void {
    const wanted = this.#host.isConnected ? this.#options.target() : undefined;
    const store = this.#bound;
    if (store && (!wanted || store.adapter !== wanted.adapter || store.orgId !== wanted.orgId))
      this.#release();
    if (wanted && !this.#bound) {
      const next = acquireStore(wanted.adapter, wanted.orgId);
      this.#bound = next;
      this.#unsubscribers = this.#options.subscribe(next, this.requestUpdate);
    }
  }

  /** For the host's `getUpdateComplete`: also waits for a render held back to the next frame. */
  async settle(complete: () => Promise<boolean>): Promise<boolean> {
    let done = await complete();
    while (this.#throttle.hasPending) {
      await this.#throttle.idle;
      done = await complete();
    }
    return done;
  }

  hostConnected(): void {
    // Bound now, not at the first render, the store starts fetching while the render waits for its
    // slice, so a card whose data comes quickly renders once, with it. (The provider's context
    // arrived before this, as its consumer is the element's first controller.)
    // In a microtask, still ahead of the first render's: a host that adds the card and then sets
    // `data` (plain DOM code, Angular) makes it controlled before anything is fetched.
    // Not for an element given properties before its tag was defined: they are in place only from
    // its first update on, which binds.
    if (this.#options.bindOnConnect?.() && !this.#bindQueued && !this.#presetPending) {
      this.#bindQueued = true;
      queueMicrotask(() => {
        this.#bindQueued = false;
        if (this.#host.isConnected && this.#options.bindOnConnect?.()) this.#bind();
      });
    }
    // After a move in the page the store is still held (see `hostDisconnected`); the element may
    // now be in another provider's reach, or out of any: no property changed, so ask for an update,
    // whose `sync` keeps, rebinds or lets go.
    this.#host.requestUpdate();
  }

  hostDisconnected(): void {
    // A move keeps the store and everything that hangs on it (data, live connection, a log's pages
    // and export, what was reported). Removed, it lets go, which aborts requests and closes the
    // live connection.
    whenStillOffPage(this.#host, () => this.#release());
  }

  /** Whether the element's first update has still to set properties the host gave before its upgrade. */
  get #presetPending(): boolean {
    return presetHosts.has(this.#host) && (this.#host as { hasUpdated?: boolean }).hasUpdated !== true;
  }

  #release(): void {
    const store = this.#bound;
    if (!store) return;
    for (const unsubscribe of this.#unsubscribers) unsubscribe();
    this.#unsubscribers = [];
    this.#options.released?.(store);
    this.#bound = undefined;
    releaseStore(store);
  }
}
