/** What the store tells its holders about each resource, and the options it takes. */
import type { DashboardError } from '../contract/errors.js';

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
