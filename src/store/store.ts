/**
 * The shared data store of one organization on one adapter: one request per
 * resource however many elements ask, stale-while-revalidate, access checks
 * before fetching, live events applied, and polling when the adapter has no
 * live updates. Providers and standalone cards get stores from the registry
 * (`registry.ts`), so every element showing the same org shares one.
 */
import { DashboardError, toDashboardError } from '../contract/errors.js';
import type { DashboardAdapter, DashboardEvent, LiveConnectionState } from '../contract/types.js';
import { invalidItemsOf, parseDashboardEvent } from '../contract/validation.js';
import { ArrivalBuffer, mergeById, type Identified } from './lists.js';
import { DEFAULT_POLL_INTERVAL_MS, PollIntervals } from './poll-interval.js';
import {
  ACTIVITY_WINDOW,
  FETCHERS,
  REQUIRED_PERMISSION,
  RESOURCE_FOR_TOPIC,
  newestActivityFirst,
  newestAnnouncementFirst,
  type Fetched,
  type ResourceDataMap,
  type ResourceKey,
} from './resources.js';

export { DEFAULT_POLL_INTERVAL_MS } from './poll-interval.js';

export type ResourceStatus = 'idle' | 'loading' | 'ready' | 'error';

export interface ResourceState<T> {
  /** `ready` once data arrived; a failed refresh keeps `ready` and sets `stale`. */
  readonly status: ResourceStatus;
  readonly data?: T;
  /** The last failure; with data present it means the data is stale. */
  readonly error?: DashboardError;
  /** When the data was last known good (ms since the epoch). */
  readonly updatedAt?: number;
  /** The data shown may be behind: a refresh or the live connection failed. */
  readonly stale: boolean;
  readonly refreshing: boolean;
  /**
   * The items the data's last response (or live snapshot) left out of its lists as invalid
   * (DESIGN.md, "Lists"): one `invalid-data` error each; absent when none.
   */
  readonly invalid?: readonly DashboardError[];
}

export interface StoreOptions {
  /** Polling interval when the adapter has no `subscribe` (default 60 s, at least 1 s). */
  pollIntervalMs?: number;
  /** Data younger than this is not fetched again when another element asks (default 2 s). */
  dedupeMs?: number;
}

type Listener = () => void;
type ListKey = 'activity' | 'announcements';

/**
 * Moments are counted on the store's own logical clock (`tick()`), advanced by
 * every request that leaves, live event and connection change: "before" and
 * "after" then never depend on how fast anything ran.
 */
interface Entry<K extends ResourceKey> {
  state: ResourceState<ResourceDataMap[K]>;
  listeners: Set<Listener>;
  inflight?: Promise<void>;
  /** A fetch is under way (waiting for access, or its request out). */
  busy: boolean;
  /** When the fetch under way began; undefined while none is. */
  startedAt?: number;
  /** A resync came while a fetch begun before the live outage was under way: fetch again after it. */
  refetch: boolean;
  /** When the data shown was last whole and current: a fetch's beginning, a live snapshot's arrival. */
  goodAsOf: number;
  /** When the latest failed fetch began; later than `goodAsOf` means the data is behind. */
  failedAt: number;
  /** Arrival of the latest live snapshot: a response that left before it must not overwrite it. */
  liveAt: number;
  lastError?: DashboardError;
  /** List entries that arrived live while a fetch was under way, merged into its response; bounded. */
  pending?: ArrivalBuffer<Identified>;
}

const IDLE: ResourceState<never> = { status: 'idle', stale: false, refreshing: false };
const NEVER = -1;

function isListTopic(key: ResourceKey): key is ListKey {
  return key === 'activity' || key === 'announcements';
}

const LIST_ORDER = {
  activity: newestActivityFirst,
  announcements: newestAnnouncementFirst,
} as unknown as Record<ListKey, (a: Identified, b: Identified) => number>;
/** Feeds show the latest window of activity; announcements are all kept. */
const LIST_CAP: Record<ListKey, number> = { activity: ACTIVITY_WINDOW, announcements: Infinity };
/** Entries held back for a request that is out: a window's worth, so a hanging request cannot pile them up. */
const PENDING_CAP = ACTIVITY_WINDOW;

export class DashboardStore {
  readonly adapter: DashboardAdapter;
  readonly orgId: string;
  private readonly dedupeMs: number;
  private readonly pollIntervals: PollIntervals;
  private readonly entries = new Map<ResourceKey, Entry<ResourceKey>>();
  private readonly controller = new AbortController();
  private clock = 0;
  private liveMode: 'off' | 'subscribed' | 'polling' = 'off';
  /** The live connection is down (reconnecting): nothing shown can be trusted to be current. */
  private liveDown = false;
  /** The last moment live updates were missing: data whole only as of before it is behind. */
  private liveGapAt = NEVER;
  /** Identifies the current subscription, so a late call of an old one changes nothing. */
  private liveToken?: object;
  private unsubscribeLive?: () => void;
  private pollTimer?: ReturnType<typeof setInterval>;
  private missedPoll = false;
  private disposed = false;

  constructor(adapter: DashboardAdapter, orgId: string, options: StoreOptions = {}) {
    this.adapter = adapter;
    this.orgId = orgId;
    this.pollIntervals = new PollIntervals(options.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS);
    this.dedupeMs = options.dedupeMs ?? 2000;
  }

  get isDisposed(): boolean {
    return this.disposed;
  }

  /** The polling interval in effect: the shortest any holder asked for, else the store's own. */
  get pollIntervalMs(): number {
    return this.pollIntervals.effective;
  }

  /**
   * Asks for polling at most `ms` apart on behalf of `holder` (a provider);
   * the shortest wish of all holders applies, and a running interval restarts
   * at once with it.
   */
  setPollInterval(holder: object, ms: number): void {
    if (this.pollIntervals.set(holder, ms)) this.restartPolling();
  }

  /** Forgets `holder`'s wish (it let go of the store). */
  clearPollInterval(holder: object): void {
    if (this.pollIntervals.delete(holder)) this.restartPolling();
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
    if (this.disposed) return () => {};
    const entry = this.entry(key);
    entry.listeners.add(listener);
    void this.load(key);
    this.startLive();
    return () => {
      entry.listeners.delete(listener);
      if (!this.hasListeners()) this.stopLive();
    };
  }

  /** Fetches a resource unless a fetch is under way or the data is only just fetched. */
  load(key: ResourceKey, { force = false } = {}): Promise<void> {
    const entry = this.entry(key);
    if (this.disposed) return Promise.resolve();
    if (entry.inflight) {
      // A fetch begun before the live outage ended may not hold what was missed in it.
      if (force && entry.startedAt !== undefined && entry.startedAt < this.liveGapAt) entry.refetch = true;
      return entry.inflight;
    }
    const { updatedAt, stale } = entry.state;
    if (!force && !stale && updatedAt !== undefined && Date.now() - updatedAt < this.dedupeMs) {
      return Promise.resolve();
    }
    entry.busy = true;
    entry.inflight = this.fetch(key).finally(() => {
      entry.inflight = undefined;
      if (entry.refetch && !this.disposed) {
        entry.refetch = false;
        void this.load(key, { force: true });
      }
    });
    return entry.inflight;
  }

  /** Fetches again now (a Retry button, a resync). */
  refresh(key: ResourceKey): Promise<void> {
    return this.load(key, { force: true });
  }

  /** Aborts every request, closes the live connection and stops all timers. */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.stopLive();
    this.controller.abort();
    for (const entry of this.entries.values()) {
      entry.listeners.clear();
      entry.pending = undefined;
    }
  }

  private tick(): number {
    this.clock += 1;
    return this.clock;
  }

  private entry<K extends ResourceKey>(key: K): Entry<K> {
    let entry = this.entries.get(key);
    if (!entry) {
      entry = {
        state: IDLE,
        listeners: new Set(),
        busy: false,
        refetch: false,
        goodAsOf: NEVER,
        failedAt: NEVER,
        liveAt: NEVER,
      };
      this.entries.set(key, entry);
    }
    return entry as unknown as Entry<K>;
  }

  /**
   * Sets new data (when given) and derives everything else from the entry's
   * moments: stale iff data is shown and the connection is down, or live
   * updates or a request failed since the data was last whole and current.
   */
  private publish<K extends ResourceKey>(
    key: K,
    change: {
      data?: ResourceDataMap[K] | null;
      updatedAt?: number;
      invalid?: readonly DashboardError[];
    } = {},
  ): void {
    const entry = this.entry(key);
    const previous = entry.state;
    const data = change.data === null ? undefined : (change.data ?? previous.data);
    const failedSince = entry.failedAt > entry.goodAsOf;
    const hasData = data !== undefined;
    const invalid = 'invalid' in change ? change.invalid : previous.invalid;
    entry.state = {
      status: hasData ? 'ready' : entry.busy ? 'loading' : entry.lastError ? 'error' : 'idle',
      data,
      error: hasData ? (failedSince ? entry.lastError : undefined) : entry.lastError,
      updatedAt: hasData ? (change.updatedAt ?? previous.updatedAt) : undefined,
      stale: hasData && (this.liveDown || this.liveGapAt > entry.goodAsOf || failedSince),
      refreshing: entry.busy,
      ...(hasData && invalid?.length ? { invalid } : {}),
    };
    for (const listener of [...entry.listeners]) listener();
  }

  private hasListeners(): boolean {
    for (const entry of this.entries.values()) if (entry.listeners.size > 0) return true;
    return false;
  }

  /** Whether the viewer may see a resource; unknown access lets the server decide. */
  private async permits(key: ResourceKey): Promise<boolean> {
    const permission = REQUIRED_PERMISSION[key];
    if (!permission) return true;
    if (!this.get('access').data) await this.load('access');
    const access = this.get('access').data;
    return access ? access.permissions.includes(permission) : true;
  }

  /** Known to be refused: access loaded and without the resource's permission. */
  private refused(key: ResourceKey): boolean {
    const permission = REQUIRED_PERMISSION[key];
    const access = this.get('access').data;
    return Boolean(permission && access && !access.permissions.includes(permission));
  }

  private async fetch<K extends ResourceKey>(key: K): Promise<void> {
    const entry = this.entry(key);
    // Counted from now, not from when the request leaves after access: what
    // arrives while access loads may be missing from the response too.
    const startedAt = this.tick();
    entry.startedAt = startedAt;
    // Only what arrives from now on can be missing from the response.
    entry.pending = isListTopic(key) ? new ArrivalBuffer(LIST_ORDER[key], PENDING_CAP) : undefined;
    this.publish(key);
    try {
      if (!(await this.permits(key))) {
        throw new DashboardError('forbidden', `Missing permission ${REQUIRED_PERMISSION[key]}.`);
      }
      if (this.disposed) return;
      const fetched = await FETCHERS[key](this.adapter, this.orgId, this.controller.signal);
      if (this.disposed) return;
      this.accept(key, fetched, startedAt);
    } catch (reason) {
      if (this.disposed) return;
      this.reject(key, toDashboardError(reason), startedAt);
    }
  }

  private accept<K extends ResourceKey>(key: K, fetched: Fetched<K>, startedAt: number): void {
    const entry = this.entry(key);
    const arrived = entry.pending?.items() ?? [];
    this.settle(entry);
    entry.lastError = undefined;
    if (isListTopic(key)) {
      // The response is the whole list as of when the fetch began; what came live since then is added.
      entry.goodAsOf = startedAt;
      const data = mergeById(fetched.data as Identified[], arrived, LIST_ORDER[key], LIST_CAP[key]);
      this.publish(key, { data: data as never, updatedAt: Date.now(), invalid: fetched.invalid });
    } else if (entry.liveAt > startedAt) {
      // A snapshot that came live after this fetch began is newer than its response.
      this.publish(key);
    } else {
      entry.goodAsOf = startedAt;
      this.publish(key, { data: fetched.data, updatedAt: Date.now(), invalid: fetched.invalid });
    }
  }

  private reject(key: ResourceKey, error: DashboardError, startedAt: number): void {
    const entry = this.entry(key);
    this.settle(entry);
    entry.lastError = error;
    if (error.code === 'forbidden' || error.code === 'not-found') {
      entry.goodAsOf = NEVER;
      entry.failedAt = startedAt;
      this.publish(key, { data: null, invalid: undefined });
      return;
    }
    entry.failedAt = startedAt;
    this.publish(key);
  }

  private settle(entry: Entry<ResourceKey>): void {
    entry.busy = false;
    entry.startedAt = undefined;
    entry.pending = undefined;
  }

  private applyEvent(raw: DashboardEvent): void {
    if (this.disposed) return;
    let event: DashboardEvent;
    try {
      event = parseDashboardEvent(raw);
    } catch {
      return; // An invalid live event is dropped; the next snapshot corrects the data.
    }
    const key = RESOURCE_FOR_TOPIC[event.topic];
    const entry = this.entry(key);
    if (entry.state.error?.code === 'forbidden' || this.refused(key)) return;
    const at = this.tick();
    if (!isListTopic(key)) {
      entry.liveAt = at;
      entry.goodAsOf = at;
      entry.lastError = undefined;
      this.publish(key, {
        data: event.data as never,
        updatedAt: Date.now(),
        invalid: invalidItemsOf(event.data),
      });
      return;
    }
    const item = event.data as Identified;
    // Without data and no fetch under way, the next response will hold it anyway.
    entry.pending?.add(item);
    const current = entry.state.data as Identified[] | undefined;
    if (current === undefined) return;
    this.publish(key, { data: mergeById(current, [item], LIST_ORDER[key], LIST_CAP[key]) as never });
  }

  private onConnectionChange(state: LiveConnectionState): void {
    if (this.disposed) return;
    if (state === 'reconnecting') {
      this.liveDown = true;
      this.liveGapAt = this.tick();
      this.republishShown();
    } else if (state === 'open') {
      if (!this.liveDown) return;
      this.liveDown = false;
      this.liveGapAt = this.tick();
      this.republishShown();
      this.resync();
    } else if (this.liveMode === 'subscribed') {
      // The adapter gave up on live updates: what happened until now may be
      // missing, so fetch it now, and keep it fresh by polling from here on.
      this.liveToken = undefined;
      this.unsubscribeLive = undefined;
      this.liveMode = 'off';
      this.liveDown = false;
      this.liveGapAt = this.tick();
      this.republishShown();
      this.startPolling();
      this.resync();
    }
  }

  /** Staleness follows the connection: every resource with data says so again. */
  private republishShown(): void {
    for (const [key, entry] of this.entries) if (entry.state.data !== undefined) this.publish(key);
  }

  /** Fresh snapshots of everything shown, so nothing missed while disconnected stays missed. */
  private resync(): void {
    for (const [key, entry] of this.entries) if (entry.listeners.size > 0) void this.refresh(key);
  }

  private startLive(): void {
    if (this.liveMode !== 'off' || this.disposed) return;
    if (!this.adapter.subscribe) return this.startPolling();
    const token = {};
    try {
      this.liveMode = 'subscribed';
      this.liveToken = token;
      this.unsubscribeLive = this.adapter.subscribe(
        this.orgId,
        (event) => {
          if (this.liveToken === token) this.applyEvent(event);
        },
        {
          signal: this.controller.signal,
          onConnectionChange: (state) => {
            if (this.liveToken === token) this.onConnectionChange(state);
          },
        },
      );
    } catch {
      this.liveToken = undefined;
      this.liveMode = 'off';
      this.startPolling();
    }
  }

  private startPolling(): void {
    if (this.liveMode !== 'off' || this.disposed) return;
    this.liveMode = 'polling';
    this.pollTimer = setInterval(() => this.poll(), this.pollIntervals.effective);
    document.addEventListener('visibilitychange', this.onVisibilityChange);
  }

  /** A new interval applies from now on: the timer starts over with it. */
  private restartPolling(): void {
    if (this.liveMode !== 'polling' || this.pollTimer === undefined) return;
    clearInterval(this.pollTimer);
    this.pollTimer = setInterval(() => this.poll(), this.pollIntervals.effective);
  }

  private poll(): void {
    // Paused while the page is hidden; caught up as soon as it shows again.
    if (document.visibilityState === 'hidden') {
      this.missedPoll = true;
      return;
    }
    this.missedPoll = false;
    this.resync();
  }

  private readonly onVisibilityChange = (): void => {
    if (document.visibilityState === 'visible' && this.missedPoll) this.poll();
  };

  private stopLive(): void {
    const unsubscribe = this.unsubscribeLive;
    this.unsubscribeLive = undefined;
    this.liveToken = undefined;
    this.liveMode = 'off';
    if (this.liveDown) {
      // Nobody listens now; whoever listens next gets data fetched after this outage.
      this.liveDown = false;
      this.liveGapAt = this.tick();
    }
    if (this.pollTimer !== undefined) clearInterval(this.pollTimer);
    this.pollTimer = undefined;
    document.removeEventListener('visibilitychange', this.onVisibilityChange);
    unsubscribe?.();
  }
}
