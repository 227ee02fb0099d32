/**
 * The shared data store of one organization on one adapter: one request per
 * resource however many elements ask, stale-while-revalidate, access checks
 * before fetching, live events applied, and polling when the adapter has no
 * live updates. Providers and standalone cards get stores from the registry
 * (`registry.ts`), so every element showing the same org shares one.
 *
 * This class holds the requests (single-flight, access first) and hands
 * their answers and live events to their entries; what it keeps per resource
 * and how staleness follows is in `entry.ts`, what each answer or live event
 * changes there (responses merged with what arrived live meanwhile) in
 * `arrivals.ts`, the live connection and polling in `live-updates.ts`.
 */
import { DashboardError, toDashboardError } from '../contract/errors.js';
import type { DashboardAdapter, DashboardEvent } from '../contract/types.js';
import { parseDashboardEvent } from '../contract/validation.js';
import { accepted, begun, listItem, rejected, snapshot } from './arrivals.js';
import {
  IDLE,
  NEVER,
  isListTopic,
  newEntry,
  nextState,
  type Change,
  type Entry,
  type ListKey,
  type Listener,
} from './entry.js';
import type { Identified } from './lists.js';
import { LiveUpdates } from './live-updates.js';
import { DEFAULT_POLL_INTERVAL_MS, PollIntervals } from './poll-interval.js';
import {
  FETCHERS,
  REQUIRED_PERMISSION,
  RESOURCE_FOR_TOPIC,
  type ResourceDataMap,
  type ResourceKey,
} from './resources.js';
import type { ResourceState, StoreOptions } from './state.js';

export { DEFAULT_POLL_INTERVAL_MS } from './poll-interval.js';
/** The logical clock (see `Entry`), one for every store: a write sent through an org's earlier store compares. */
let moment = 0;
export type { ResourceState, ResourceStatus, StoreOptions } from './state.js';

export class DashboardStore {
  readonly adapter: DashboardAdapter;
  readonly orgId: string;
  readonly #dedupeMs: number;
  readonly #pollIntervals: PollIntervals;
  private readonly entries = new Map<ResourceKey, Entry<ResourceKey>>();
  readonly #controller = new AbortController();
  readonly #live: LiveUpdates;
  #disposed = false;

  constructor(adapter: DashboardAdapter, orgId: string, options: StoreOptions = {}) {
    this.adapter = adapter;
    this.orgId = orgId;
    this.#pollIntervals = new PollIntervals(options.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS);
    this.#dedupeMs = options.dedupeMs ?? 2000;
    this.#live = new LiveUpdates({
      adapter,
      orgId,
      signal: this.#controller.signal,
      pollIntervals: this.#pollIntervals,
      isDisposed: () => this.#disposed,
      tick: () => this.#tick(),
      receive: (event) => this.#applyEvent(event),
      republishShown: () => this.#republishShown(),
      resync: () => this.#resync(),
    });
  }

  get isDisposed(): boolean {
    return this.#disposed;
  }

  /** The polling interval in effect: the shortest any holder asked for, else the store's own. */
  get pollIntervalMs(): number {
    return this.#pollIntervals.effective;
  }

  /**
   * Asks for polling at most `ms` apart on behalf of `holder` (a provider);
   * the shortest wish of all holders applies, and a running interval restarts
   * at once with it.
   */
  setPollInterval(holder: object, ms: number): void {
    if (this.#pollIntervals.set(holder, ms)) this.#live.restartPolling();
  }

  /** Forgets `holder`'s wish (it let go of the store). */
  clearPollInterval(holder: object): void {
    if (this.#pollIntervals.delete(holder)) this.#live.restartPolling();
  }

  /** The current state of a resource (never fetches). */
  get<K extends ResourceKey>(key: K): ResourceState<ResourceDataMap[K]> {
    return (this.entries.get(key)?.state as ResourceState<ResourceDataMap[K]> | undefined) ?? IDLE;
  }

  /**
   * Calls `listener` on every change of a resource and keeps it fresh while
   * anyone listens: the first listener loads it, and live updates (or polling)
   * run while any resource has listeners. Returns the unsubscribe function.
   */
  subscribe(key: ResourceKey, listener: Listener): () => void {
    if (this.#disposed) return () => {};
    const entry = this.#entry(key);
    entry.listeners.add(listener);
    // Live first: a fetch begun after it misses nothing, so later listeners can share its answer.
    this.#live.start();
    void this.load(key);
    return () => {
      entry.listeners.delete(listener);
      if (!this.#hasListeners()) this.#live.stop();
    };
  }

  /** Fetches a resource unless a fetch is under way or the data is only just fetched. */
  load(key: ResourceKey, { force = false } = {}): Promise<void> {
    const entry = this.#entry(key);
    if (this.#disposed) return Promise.resolve();
    // Live updates last missed or stopped (nobody listened) then: data current as of before may lack some.
    const missedAt = Math.max(this.#live.gapAt, this.#live.offAt);
    if (entry.inflight) {
      if (entry.startedAt !== undefined && entry.startedAt < missedAt) entry.refetch = true;
      return entry.inflight;
    }
    // Access is loaded once per org: a failure stands (the server decides) until a Retry, a resync
    // or a poll refreshes it, so the cards that start after it ask no more than those before it.
    if (key === 'access' && !force && entry.lastError && !entry.state.data) return Promise.resolve();
    const { updatedAt = -Infinity, stale } = entry.state;
    // Data had while no live updates ran (a write's answer, a Retry) may lack what happened since.
    // Access has no live events: nothing about it can be missed.
    const wholeSince = key === 'access' ? missedAt : Math.max(missedAt, this.#live.runSince);
    if (!force && !stale && entry.goodAsOf > wholeSince && Date.now() - updatedAt < this.#dedupeMs)
      return Promise.resolve();
    entry.busy = true;
    entry.inflight = this.#fetch(key).finally(() => {
      entry.inflight = undefined;
      if (entry.refetch && !this.#disposed) {
        entry.refetch = false;
        void this.load(key, { force: true });
      }
    });
    return entry.inflight;
  }

  /** The store's clock: a write notes it when it is sent, and hands it to `confirm`. */
  get clock(): number {
    return moment;
  }

  /**
   * Takes what a write confirmed (the plan after a purchase or a new low-credit alert) as a live
   * snapshot is taken: shown at once, newer than any fetch begun before it, so a response that
   * left the server before the write cannot put the old value back. Data current as of after the
   * write was sent (`sentAt`, the `clock` then: a live snapshot, a fetch begun since) may be newer
   * than the answer, or older. Where the two differ a fetch begun after the answer settles it.
   */
  confirm<K extends Exclude<ResourceKey, ListKey>>(key: K, data: ResourceDataMap[K], sentAt: number): void {
    if (this.#disposed) return;
    const entry = this.#entry(key);
    const overtaken = Math.max(entry.goodAsOf, entry.startedAt ?? NEVER) > sentAt;
    if (overtaken && JSON.stringify(entry.state.data) === JSON.stringify(data)) return;
    this.#publish(key, snapshot(entry, data, this.#tick()));
    // A fetch still out began before the answer, which now drops its response: fetch again after it.
    if (overtaken) void (entry.inflight ? (entry.refetch = true) : this.refresh(key));
  }

  /** Fetches again now (a Retry button, a resync). */
  refresh(key: ResourceKey): Promise<void> {
    return this.load(key, { force: true });
  }

  /** Aborts every request, closes the live connection and stops all timers. */
  dispose(): void {
    if (this.#disposed) return;
    this.#disposed = true;
    this.#live.stop();
    this.#controller.abort();
    for (const entry of this.entries.values()) {
      entry.listeners.clear();
      entry.pending = undefined;
    }
  }

  readonly #tick = (): number => (moment += 1);

  #entry<K extends ResourceKey>(key: K): Entry<K> {
    let entry = this.entries.get(key);
    if (!entry) {
      entry = newEntry();
      this.entries.set(key, entry);
    }
    return entry as unknown as Entry<K>;
  }

  /** Sets new data (when given) and tells the resource's listeners. */
  #publish<K extends ResourceKey>(key: K, change: Change<ResourceDataMap[K]> = {}): void {
    const entry = this.#entry(key);
    entry.state = nextState(entry, change, this.#live);
    for (const listener of [...entry.listeners]) listener();
  }

  #hasListeners(): boolean {
    for (const entry of this.entries.values()) if (entry.listeners.size > 0) return true;
    return false;
  }

  /** Whether the viewer may see a resource; unknown access lets the server decide. */
  async #permits(key: ResourceKey): Promise<boolean> {
    const permission = REQUIRED_PERMISSION[key];
    if (!permission) return true;
    // Access being fetched again (a resync) decides, not the access it replaces.
    const inflight = this.entries.get('access')?.inflight;
    if (inflight) await inflight;
    else if (!this.get('access').data) await this.load('access');
    const access = this.get('access').data;
    return access ? access.permissions.includes(permission) : true;
  }

  /** Known to be refused: access loaded and without the resource's permission. */
  #refused(key: ResourceKey): boolean {
    const permission = REQUIRED_PERMISSION[key];
    const access = this.get('access').data;
    return Boolean(permission && access && !access.permissions.includes(permission));
  }

  async #fetch<K extends ResourceKey>(key: K): Promise<void> {
    const entry = this.#entry(key);
    // Counted from now, not from when the request leaves after access: what
    // arrives while access loads may be missing from the response too.
    const startedAt = this.#tick();
    begun(entry, key, startedAt);
    this.#publish(key);
    try {
      if (!(await this.#permits(key))) {
        throw new DashboardError('forbidden', `Missing permission ${REQUIRED_PERMISSION[key]}.`);
      }
      if (this.#disposed) return;
      const fetched = await FETCHERS[key](this.adapter, this.orgId, this.#controller.signal);
      if (this.#disposed) return;
      this.#publish(key, accepted(entry, key, fetched, startedAt));
    } catch (reason) {
      if (this.#disposed) return;
      this.#publish(key, rejected(entry, toDashboardError(reason), startedAt));
    }
  }

  #applyEvent(raw: DashboardEvent): void {
    if (this.#disposed) return;
    let event: DashboardEvent;
    try {
      event = parseDashboardEvent(raw);
    } catch {
      return; // An invalid live event is dropped; the next snapshot corrects the data.
    }
    const key = RESOURCE_FOR_TOPIC[event.topic];
    const entry = this.#entry(key);
    if (entry.state.error?.code === 'forbidden' || this.#refused(key)) return;
    const change = isListTopic(key)
      ? listItem(entry as Entry<ListKey>, key, event.data as Identified)
      : snapshot(entry as Entry<never>, event.data as never, this.#tick());
    if (change) this.#publish(key, change);
  }

  /** Staleness follows the connection: every resource with data says so again. */
  #republishShown(): void {
    for (const [key, entry] of this.entries) if (entry.state.data !== undefined) this.#publish(key);
  }

  /** Fresh snapshots of everything shown, so nothing missed while disconnected stays missed. */
  #resync(): void {
    // Access first: every other request waits for what it says now (`#permits`).
    if (this.entries.has('access')) void this.refresh('access');
    for (const [key, entry] of this.entries)
      if (key !== 'access' && entry.listeners.size > 0) void this.refresh(key);
  }
}
