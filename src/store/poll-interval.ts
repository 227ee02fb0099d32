/**
 * How often a store polls when there is no live connection. Several
 * providers may share one store (same adapter and org); each asks for an
 * interval and the shortest one asked for applies, so no provider gets data
 * older than it asked for. When a provider lets go, its wish goes with it.
 */

export const DEFAULT_POLL_INTERVAL_MS = 60_000;

/**
 * Never poll more often than this: a `poll-interval` of 0 (or a typo read as
 * 0) would otherwise fire requests back to back, as a stream's `retry: 0`
 * once did for reconnects.
 */
export const MIN_POLL_INTERVAL_MS = 1000;

/** A usable interval: a finite number of ms, at least `MIN_POLL_INTERVAL_MS`; anything else is `fallback`. */
export function normalizePollInterval(value: unknown, fallback = DEFAULT_POLL_INTERVAL_MS): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) return fallback;
  return Math.max(MIN_POLL_INTERVAL_MS, value);
}

export class PollIntervals {
  readonly #wishes = new Map<object, number>();
  readonly #base: number;

  /** `base` applies while no holder has asked for an interval of its own. */
  constructor(base: unknown) {
    this.#base = normalizePollInterval(base);
  }

  get effective(): number {
    return this.#wishes.size ? Math.min(...this.#wishes.values()) : this.#base;
  }

  /** Records `holder`'s wish; returns whether the interval in effect changed. */
  set(holder: object, value: unknown): boolean {
    const before = this.effective;
    this.#wishes.set(holder, normalizePollInterval(value));
    return this.effective !== before;
  }

  /** Forgets `holder`'s wish; returns whether the interval in effect changed. */
  delete(holder: object): boolean {
    const before = this.effective;
    this.#wishes.delete(holder);
    return this.effective !== before;
  }
}
