/**
 * How long the live stream waits before it connects again (DESIGN.md, "Live
 * connections at scale"): never less than a second, never more than the cap
 * unless the server's `Retry-After` asks for more, with full jitter, whatever
 * the server's `retry:` field says.
 */
import type { BackoffPolicy } from './http.js';

/** No reconnect comes sooner than this after the last connection ended. */
export const RECONNECT_FLOOR_MS = 1000;

/**
 * The delay before reconnect `attempt` (0 after a connection that carried
 * something): the floor plus a uniform pick in `[0, min(cap - floor,
 * base * 2^attempt))`, so clients that lost their connection together do not
 * come back together, and at least the server's `Retry-After` (beyond the cap too).
 *
 * `base` is the server's `retry:` when it sent one, else the policy's base; it
 * is raised to the floor, so a `retry: 0` still gives a window that doubles and
 * picks that differ. The cap is the policy's, raised to the floor: a server's
 * `retry:` of an hour does not stretch it.
 */
export function reconnectDelay(
  attempt: number,
  policy: BackoffPolicy,
  retryFieldMs: number | undefined,
  retryAfterMs: number | undefined,
): number {
  const cap = Math.max(policy.maxMs, RECONNECT_FLOOR_MS);
  const base = Math.min(Math.max(retryFieldMs ?? policy.baseMs, RECONNECT_FLOOR_MS), cap);
  // The exponent is bounded so a long outage cannot turn the window into Infinity.
  const window = Math.min(cap - RECONNECT_FLOOR_MS, base * 2 ** Math.min(attempt, 30));
  const raw = policy.random();
  // A broken random source (NaN) must not turn the delay into NaN, which timers read as 0.
  const pick = Number.isFinite(raw) ? Math.min(Math.max(raw, 0), 1) : 0;
  const jittered = RECONNECT_FLOOR_MS + pick * window;
  // The server's `Retry-After` is honoured beyond the cap: the cards show their data as stale
  // meanwhile, where a request for data would keep a card loading (see rest.ts `retryMaxMs`).
  return Math.max(jittered, Math.min(retryAfterMs ?? 0, LONGEST_TIMER_MS));
}

/** Timers fire at once beyond this (a signed 32-bit count of ms, about 24.8 days). */
const LONGEST_TIMER_MS = 2 ** 31 - 1;
