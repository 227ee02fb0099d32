/**
 * The list topics (`activity`, `announcements`): one entry per id whatever the
 * source, newest first, and a bounded memory of entries that arrive live
 * while a request is out.
 */

export interface Identified {
  readonly id: string;
}

/** One entry per id, the first copy winning (a response's own order), as controlled `data` does. */
export function uniqueById<T extends Identified>(items: readonly T[]): T[] {
  const byId = new Map<string, T>();
  for (const item of items) if (!byId.has(item.id)) byId.set(item.id, item);
  return byId.size === items.length ? [...items] : [...byId.values()];
}

/**
 * Union by id, the incoming copy winning (it is the newer one), sorted by `order`, the first `cap` kept.
 * `current` is in `order`, one per id (a list this function made, or a parsed response): one new
 * entry (a live event) is put in its place without sorting the list again.
 */
export function mergeById<T extends Identified>(
  current: readonly T[],
  incoming: readonly T[],
  order: (a: T, b: T) => number,
  cap = Infinity,
): T[] {
  if (incoming.length === 1) {
    const [item] = incoming;
    let at = -1;
    for (let i = 0; i < current.length; i += 1) {
      if (current[i].id === item.id) return mergeAll(current, incoming, order, cap);
      if (at < 0 && order(item, current[i]) < 0) at = i;
    }
    if (at < 0) at = current.length;
    // One new list, not three: every live entry comes through here.
    const merged = current.slice(0, cap);
    merged.splice(at, 0, item);
    if (merged.length > cap) merged.length = cap;
    return merged;
  }
  return mergeAll(current, incoming, order, cap);
}

function mergeAll<T extends Identified>(
  current: readonly T[],
  incoming: readonly T[],
  order: (a: T, b: T) => number,
  cap: number,
): T[] {
  const byId = new Map<string, T>();
  for (const item of current) byId.set(item.id, item);
  for (const item of incoming) byId.set(item.id, item);
  return [...byId.values()].sort(order).slice(0, cap);
}

/**
 * Entries that arrived live while a request was out, to be merged into its
 * response (which may have left the server before they happened). One copy
 * per id, the latest arrival winning; at most `cap` of them, the newest by
 * `order`, so a request that hangs while events keep coming cannot make it
 * grow without bound. For a list the store caps at the same size this loses
 * nothing: what it drops would fall outside the window anyway.
 */
export class ArrivalBuffer<T extends Identified> {
  readonly #byId = new Map<string, T>();

  constructor(
    private readonly order: (a: T, b: T) => number,
    private readonly cap: number,
  ) {}

  add(item: T): void {
    this.#byId.set(item.id, item);
    if (this.#byId.size <= this.cap) return;
    let oldest: T | undefined;
    for (const candidate of this.#byId.values())
      if (!oldest || this.order(candidate, oldest) > 0) oldest = candidate;
    if (oldest) this.#byId.delete(oldest.id);
  }

  get size(): number {
    return this.#byId.size;
  }

  items(): T[] {
    return [...this.#byId.values()];
  }
}
