/**
 * What each arrival does to a resource's entry: a fetch's response or its
 * failure, a live snapshot, a live list item. Which of two is newer is
 * decided by the moments of the logical clock (`entry.ts`), never by the
 * order they happen to come in: a response that left the server before a
 * live snapshot cannot put the old value back, and list items that came live
 * while its fetch was out are merged into it. Each function updates the
 * entry's moments and returns the change for the store to publish; `begun`
 * notes what a fetch's response will be compared with.
 */
import type { DashboardError } from '../contract/errors.js';
import { invalidItemsOf } from '../contract/validation.js';
import {
  LIST_CAP,
  LIST_ORDER,
  NEVER,
  PENDING_CAP,
  isListTopic,
  type Change,
  type Entry,
  type ListKey,
} from './entry.js';
import { ArrivalBuffer, mergeById, type Identified } from './lists.js';
import type { Fetched, ResourceDataMap, ResourceKey } from './resources.js';

type ChangeOf<K extends ResourceKey> = Change<ResourceDataMap[K]>;

/** The fetch under way is over, answered or not. */
function settle(entry: Entry<ResourceKey>): void {
  entry.busy = false;
  entry.startedAt = undefined;
  entry.pending = undefined;
}

/** A fetch begins at `startedAt` (before it waits for access: what arrives meanwhile counts too). */
export function begun(entry: Entry<ResourceKey>, key: ResourceKey, startedAt: number): void {
  entry.startedAt = startedAt;
  // Only what arrives from now on can be missing from the response.
  entry.pending = isListTopic(key) ? new ArrivalBuffer(LIST_ORDER[key], PENDING_CAP) : undefined;
}

/** A fetch begun at `startedAt` answered. */
export function accepted<K extends ResourceKey>(
  entry: Entry<K>,
  key: K,
  fetched: Fetched<K>,
  startedAt: number,
): ChangeOf<K> {
  const arrived = entry.pending?.items() ?? [];
  settle(entry);
  entry.lastError = undefined;
  if (isListTopic(key)) {
    // The response is the whole list as of when the fetch began; what came live since then is added.
    entry.goodAsOf = startedAt;
    const data = mergeById(fetched.data as Identified[], arrived, LIST_ORDER[key], LIST_CAP[key]);
    return { data: data as never, updatedAt: Date.now(), invalid: fetched.invalid };
  }
  // A snapshot that came live after this fetch began is newer than its response.
  if (entry.liveAt > startedAt) return {};
  entry.goodAsOf = startedAt;
  return { data: fetched.data, updatedAt: Date.now(), invalid: fetched.invalid };
}

/** A fetch begun at `startedAt` failed. */
export function rejected<K extends ResourceKey>(
  entry: Entry<K>,
  error: DashboardError,
  startedAt: number,
): ChangeOf<K> {
  settle(entry);
  entry.lastError = error;
  entry.failedAt = startedAt;
  if (error.code !== 'forbidden' && error.code !== 'not-found') return {};
  entry.goodAsOf = NEVER;
  return { data: null, invalid: undefined };
}

/**
 * The whole of a resource as of `at`, newer than any fetch begun before: a live snapshot, or what a
 * write confirmed.
 */
export function snapshot<K extends Exclude<ResourceKey, ListKey>>(
  entry: Entry<K>,
  data: ResourceDataMap[K],
  at: number,
): ChangeOf<K> {
  entry.liveAt = at;
  entry.goodAsOf = at;
  entry.lastError = undefined;
  return { data, updatedAt: Date.now(), invalid: invalidItemsOf(data) };
}

/** A list item that came live; nothing to publish while the list has no data. */
export function listItem<K extends ListKey>(
  entry: Entry<K>,
  key: K,
  item: Identified,
): ChangeOf<K> | undefined {
  // Without data and no fetch under way, the next response will hold it anyway.
  entry.pending?.add(item);
  const current = entry.state.data as Identified[] | undefined;
  if (current === undefined) return undefined;
  return { data: mergeById(current, [item], LIST_ORDER[key], LIST_CAP[key]) as never };
}
