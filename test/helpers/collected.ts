/**
 * Whether an object is collected once nothing refers to it, for the tests that a removed element is
 * not kept in memory. Chromium runs the tests with `--js-flags=--expose-gc`
 * (web-test-runner.config.mjs), which gives the page `gc()`; Firefox has no way to force a
 * collection, so those tests are skipped there.
 */
import { skipInFirefox } from './browsers.js';

const gc = (globalThis as { gc?: () => void }).gc;

/** For a suite's `before` hook (`function () {}`): skips it in Firefox; in Chromium, `gc()` must be there. */
export function needsGc(context: Mocha.Context): void {
  skipInFirefox(context, 'Firefox cannot force a garbage collection');
  if (!gc) throw new Error('gc() is missing: Chromium must run with --js-flags=--expose-gc');
}

/**
 * Whether `ref`'s target is collected: a few forced collections, each in a task of its own (a
 * `WeakRef` keeps its target alive until the task that read it ends). Bounded by attempts, not time.
 */
export async function collected(ref: WeakRef<object>): Promise<boolean> {
  for (let i = 0; i < 10 && ref.deref() !== undefined; i += 1) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    gc!();
  }
  return ref.deref() === undefined;
}
