/**
 * What the store keeps per resource, and how its public state follows from
 * it. Moments are counted on a logical clock (`tick()`, one for every store),
 * advanced by every request that leaves, live event and connection change:
 * "before" and "after" then never depend on how fast anything ran.
 */
import type { DashboardError } from '../contract/errors.js';
import { ArrivalBuffer, type Identified } from './lists.js';
import {
  ACTIVITY_WINDOW,
  newestActivityFirst,
  newestAnnouncementFirst,
  type ResourceDataMap,
  type ResourceKey,
} from './resources.js';
import type { ResourceState } from './state.js';

export type Listener = () => void;
export type ListKey = 'activity' | 'announcements';

/** A moment before every other: nothing happened yet. */
export const NEVER = -1;

export const IDLE: ResourceState<never> = { status: 'idle', stale: false, refreshing: false };

export interface Entry<K extends ResourceKey> {
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

export function newEntry<K extends ResourceKey>(): Entry<K> {
  return {
    state: IDLE,
    listeners: new Set(),
    busy: false,
    refetch: false,
    goodAsOf: NEVER,
    failedAt: NEVER,
    liveAt: NEVER,
  };
}

export function isListTopic(key: ResourceKey): key is ListKey {
  return key === 'activity' || key === 'announcements';
}

export const LIST_ORDER = {
  activity: newestActivityFirst,
  announcements: newestAnnouncementFirst,
} as unknown as Record<ListKey, (a: Identified, b: Identified) => number>;
/** Feeds show the latest window of activity; announcements are all kept. */
export const LIST_CAP: Record<ListKey, number> = { activity: ACTIVITY_WINDOW, announcements: Infinity };
/** Entries held back for a request that is out: a window's worth, so a hanging request cannot pile them up. */
export const PENDING_CAP = ACTIVITY_WINDOW;

/** New data for a resource (`null` drops what it had); absent fields keep their values. */
export interface Change<T> {
  data?: T | null;
  updatedAt?: number;
  invalid?: readonly DashboardError[];
}

/** The live connection's part in staleness. */
export interface LiveHealth {
  /** The connection is down (reconnecting). */
  readonly down: boolean;
  /** The last moment live updates were missing. */
  readonly gapAt: number;
}

/**
 * The entry's state after `change`, everything else derived from its
 * moments: stale iff data is shown and the connection is down, or live
 * updates or a request failed since the data was last whole and current.
 */
export function nextState<K extends ResourceKey>(
  entry: Entry<K>,
  change: Change<ResourceDataMap[K]>,
  live: LiveHealth,
): ResourceState<ResourceDataMap[K]> {
  const previous = entry.state;
  const data = change.data === null ? undefined : (change.data ?? previous.data);
  const failedSince = entry.failedAt > entry.goodAsOf;
  const hasData = data !== undefined;
  const invalid = 'invalid' in change ? change.invalid : previous.invalid;
  return {
    status: hasData ? 'ready' : entry.busy ? 'loading' : entry.lastError ? 'error' : 'idle',
    data,
    error: hasData ? (failedSince ? entry.lastError : undefined) : entry.lastError,
    updatedAt: hasData ? (change.updatedAt ?? previous.updatedAt) : undefined,
    stale: hasData && (live.down || live.gapAt > entry.goodAsOf || failedSince),
    refreshing: entry.busy,
    ...(hasData && invalid?.length ? { invalid } : {}),
  };
}
