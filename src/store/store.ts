/**
 * The shared data store of one organization on one adapter: one request per
 * resource however many elements ask, stale-while-revalidate, access checks
 * before fetching, live events applied, and polling when the adapter has no
 * live updates. Providers and standalone cards get stores from the registry
 * (`registry.ts`), so every element showing the same org shares one.
 */
import { DashboardError, toDashboardError } from '../contract/errors.js';
import type { DashboardAdapter, DashboardEvent, LiveConnectionState } from '../contract/types.js';
import { parseDashboardEvent } from '../contract/validation.js';
import {
  ACTIVITY_WINDOW,
  FETCHERS,
  REQUIRED_PERMISSION,
  RESOURCE_FOR_TOPIC,
  newestActivityFirst,
  newestAnnouncementFirst,
  type ResourceDataMap,
  type ResourceKey,
} from './resources.js';

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
}

export interface StoreOptions {
  /** Polling interval when the adapter has no `subscribe` (default 60 s). */
  pollIntervalMs?: number;
  /** Data younger than this is not fetched again when another element asks (default 2 s). */
  dedupeMs?: number;
}

type Listener = () => void;

interface Entry<K extends ResourceKey> {
  state: ResourceState<ResourceDataMap[K]>;
  listeners: Set<Listener>;
  inflight?: Promise<void>;
  /** Bumped by every live event, so a response that raced one does not overwrite it. */
  liveVersion: number;
  /** List entries that arrived live before the first snapshot. */
  pending: unknown[];
}

const IDLE: ResourceState<never> = { status: 'idle', stale: false, refreshing: false };

export const DEFAULT_POLL_INTERVAL_MS = 60_000;

function isListTopic(key: ResourceKey): key is 'activity' | 'announcements' {
  return key === 'activity' || key === 'announcements';
}

/** Union by id, the newer copy winning, newest first. */
function mergeById<T extends { id: string }>(
  current: readonly T[],
  incoming: readonly T[],
  order: (a: T, b: T) => number,
  cap = Infinity,
): T[] {
  const byId = new Map<string, T>();
  for (const item of current) byId.set(item.id, item);
  for (const item of incoming) byId.set(item.id, item);
  return [...byId.values()].sort(order).slice(0, cap);
}

export class DashboardStore {
  readonly adapter: DashboardAdapter;
  readonly orgId: string;
  private readonly options: Required<StoreOptions>;
  private readonly entries = new Map<ResourceKey, Entry<ResourceKey>>();
  private readonly controller = new AbortController();
  private liveMode: 'off' | 'subscribed' | 'polling' = 'off';
  private liveDown = false;
  private unsubscribeLive?: () => void;
  private pollTimer?: ReturnType<typeof setInterval>;
  private missedPoll = false;
  private disposed = false;

  constructor(adapter: DashboardAdapter, orgId: string, options: StoreOptions = {}) {
    this.adapter = adapter;
    this.orgId = orgId;
    this.options = {
      pollIntervalMs: options.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS,
      dedupeMs: options.dedupeMs ?? 2000,
    };
  }

  get isDisposed(): boolean {
    return this.disposed;
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
    if (entry.inflight) return entry.inflight;
    const { updatedAt, stale } = entry.state;
    if (!force && !stale && updatedAt !== undefined && Date.now() - updatedAt < this.options.dedupeMs) {
      return Promise.resolve();
    }
    entry.inflight = this.fetch(key).finally(() => {
      entry.inflight = undefined;
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
    for (const entry of this.entries.values()) entry.listeners.clear();
  }

  private entry<K extends ResourceKey>(key: K): Entry<K> {
    let entry = this.entries.get(key);
    if (!entry) {
      entry = { state: IDLE, listeners: new Set(), liveVersion: 0, pending: [] };
      this.entries.set(key, entry);
    }
    return entry as unknown as Entry<K>;
  }

  private set<K extends ResourceKey>(key: K, patch: Partial<ResourceState<ResourceDataMap[K]>>): void {
    const entry = this.entry(key);
    entry.state = { ...entry.state, ...patch };
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

  private async fetch<K extends ResourceKey>(key: K): Promise<void> {
    const entry = this.entry(key);
    const hasData = entry.state.data !== undefined;
    this.set(key, { status: hasData ? 'ready' : 'loading', refreshing: true });
    const version = entry.liveVersion;
    try {
      if (!(await this.permits(key))) {
        throw new DashboardError('forbidden', `Missing permission ${REQUIRED_PERMISSION[key]}.`);
      }
      if (this.disposed) return;
      const data = await FETCHERS[key](this.adapter, this.orgId, this.controller.signal);
      if (this.disposed) return;
      this.set(key, {
        status: 'ready',
        data: this.reconcile(key, data, entry.liveVersion !== version),
        error: undefined,
        updatedAt: Date.now(),
        stale: this.liveDown,
        refreshing: false,
      });
    } catch (reason) {
      if (this.disposed) return;
      this.fail(key, toDashboardError(reason));
    }
  }

  /** A response merged with what arrived live while it was on its way. */
  private reconcile<K extends ResourceKey>(
    key: K,
    fetched: ResourceDataMap[K],
    racedLive: boolean,
  ): ResourceDataMap[K] {
    const entry = this.entry(key);
    const pending = entry.pending;
    entry.pending = [];
    if (isListTopic(key)) {
      const current = [
        ...((entry.state.data as { id: string }[] | undefined) ?? []),
        ...(pending as { id: string }[]),
      ];
      return (
        racedLive ? this.mergeList(key, fetched as { id: string }[], current) : fetched
      ) as ResourceDataMap[K];
    }
    // A snapshot that came live after this request left is newer than its response.
    return racedLive && entry.state.data !== undefined ? entry.state.data : fetched;
  }

  private mergeList(key: 'activity' | 'announcements', base: { id: string }[], incoming: { id: string }[]) {
    return key === 'activity'
      ? mergeById(
          base as ResourceDataMap['activity'],
          incoming as ResourceDataMap['activity'],
          newestActivityFirst,
          ACTIVITY_WINDOW,
        )
      : mergeById(
          base as ResourceDataMap['announcements'],
          incoming as ResourceDataMap['announcements'],
          newestAnnouncementFirst,
        );
  }

  private fail(key: ResourceKey, error: DashboardError): void {
    const keepData =
      this.get(key).data !== undefined && error.code !== 'forbidden' && error.code !== 'not-found';
    if (keepData) {
      this.set(key, { status: 'ready', error, stale: true, refreshing: false });
    } else {
      this.set(key, { status: 'error', data: undefined, error, stale: false, refreshing: false });
    }
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
    const current = entry.state;
    if (current.error?.code === 'forbidden') return;
    entry.liveVersion += 1;
    if (!isListTopic(key)) {
      this.set(key, {
        status: 'ready',
        data: event.data as never,
        updatedAt: Date.now(),
        error: undefined,
        refreshing: false,
        stale: this.liveDown,
      });
      return;
    }
    if (current.data === undefined) {
      entry.pending.push(event.data);
      return;
    }
    this.set(key, {
      data: this.mergeList(key, current.data as { id: string }[], [event.data as { id: string }]) as never,
    });
  }

  private onConnectionChange(state: LiveConnectionState): void {
    if (this.disposed) return;
    if (state === 'reconnecting') {
      this.liveDown = true;
      for (const [key, entry] of this.entries)
        if (entry.state.data !== undefined) this.set(key, { stale: true });
    } else if (state === 'open') {
      if (this.liveDown) this.resync();
      this.liveDown = false;
    } else if (this.liveMode === 'subscribed') {
      // The adapter gave up on live updates: keep the data fresh by polling instead.
      this.unsubscribeLive = undefined;
      this.liveMode = 'off';
      this.startPolling();
    }
  }

  /** Fresh snapshots of everything shown, so nothing missed while disconnected stays missed. */
  private resync(): void {
    for (const [key, entry] of this.entries) if (entry.listeners.size > 0) void this.refresh(key);
  }

  private startLive(): void {
    if (this.liveMode !== 'off' || this.disposed) return;
    if (!this.adapter.subscribe) return this.startPolling();
    try {
      this.liveMode = 'subscribed';
      this.unsubscribeLive = this.adapter.subscribe(this.orgId, (event) => this.applyEvent(event), {
        signal: this.controller.signal,
        onConnectionChange: (state) => this.onConnectionChange(state),
      });
    } catch {
      this.liveMode = 'off';
      this.startPolling();
    }
  }

  private startPolling(): void {
    if (this.liveMode !== 'off' || this.disposed) return;
    this.liveMode = 'polling';
    this.pollTimer = setInterval(() => this.poll(), this.options.pollIntervalMs);
    document.addEventListener('visibilitychange', this.onVisibilityChange);
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
    this.liveMode = 'off';
    if (this.pollTimer !== undefined) clearInterval(this.pollTimer);
    this.pollTimer = undefined;
    document.removeEventListener('visibilitychange', this.onVisibilityChange);
    unsubscribe?.();
  }
}
