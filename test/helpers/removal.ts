/**
 * For the tests that a removed element is not kept in memory: elements for org o1 in a container
 * of their own (a fixture would be held by the fixture registry), their removal, and whether an
 * object is collected once nothing refers to it. Chromium runs the tests with
 * `--js-flags=--expose-gc` (web-test-runner.config.mjs), which gives the page `gc()`; Firefox has no
 * way to force a collection, so those tests are skipped there.
 */
import type { OrgDataset } from '../../src/adapters/dataset.js';
import type { DashboardAdapter } from '../../src/contract/types.js';
import { skipInFirefox } from './browsers.js';
import { dataset, maintenanceNotice } from './data.js';

const gc = (globalThis as { gc?: () => void }).gc;

/** For a suite's `before` hook (`function () {}`): skips it in Firefox; in Chromium, `gc()` must be there. */
export function needsGc(context: Mocha.Context): void {
  skipInFirefox(context, 'Firefox cannot force a garbage collection');
  if (!gc) throw new Error('gc() is missing: Chromium must run with --js-flags=--expose-gc');
}

/**
 * Whether `ref`'s target is collected: forced collections, each after an animation frame and in a
 * task of its own (a `WeakRef` keeps its target alive until the task that read it ends). The frames
 * let what the page had asked for run and let go, however fast the tasks come on this machine; a
 * callback that waits longer (a timer, a fetch) is what these tests look for. Bounded by frames,
 * not by time: 30 of them (half a second at 60 Hz). Ten were too few on a machine busy with other
 * jobs: the org dashboard, the provider and the log, removed right after a live event, were
 * collected only after more frames there (2 of 3 runs failed beside two CPU hogs, with no timer or
 * task of the page pending; 3 of 3 passed with 30), as the clean-clone CI once saw. A leak keeps
 * its target however many frames pass.
 */
export async function collected(ref: WeakRef<object>): Promise<boolean> {
  for (let i = 0; i < 30 && ref.deref() !== undefined; i += 1) {
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
    gc!();
  }
  return ref.deref() === undefined;
}

export type Stateful = HTMLElement & { state?: string; updateComplete?: Promise<unknown> };

/** Org o1 as every such test starts it. */
export function orgO1(): OrgDataset {
  const org = dataset('o1').o1;
  // The plan card's (+) then leads to the purchase dialog: its module is fetched when the pointer comes.
  org.plan.creditPacks = [{ amountMinor: 10_000, currency: 'USD' }];
  // A maintenance window: the panel's times, their tooltips and its read mark.
  org.announcements = [maintenanceNotice()];
  return org;
}

/** `tag` for org o1 on `adapter`, in English and UTC, in a container of its own on the page. */
export function mount(tag: string, adapter: DashboardAdapter): { el: Stateful; container: HTMLElement } {
  const container = document.createElement('div');
  const el: Stateful = document.createElement(tag);
  el.setAttribute('org-id', 'o1');
  el.setAttribute('locale', 'en-US');
  el.setAttribute('time-zone', 'UTC');
  Object.assign(el, { adapter });
  container.append(el);
  document.body.append(container);
  return { el, container };
}

/** Takes `el` off the page with its container, emptied too (a container kept by the test would keep it). */
export function removed(el: HTMLElement, container: HTMLElement): WeakRef<HTMLElement> {
  const ref = new WeakRef(el);
  container.remove();
  container.replaceChildren();
  return ref;
}
