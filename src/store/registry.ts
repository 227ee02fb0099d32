/**
 * One store per (adapter, org), shared by every provider and standalone card
 * that shows it, and disposed when the last one lets go.
 */
import type { DashboardAdapter } from '../contract/types.js';
import { DashboardStore, type StoreOptions } from './store.js';

interface Held {
  store: DashboardStore;
  holders: number;
}

const stores = new WeakMap<DashboardAdapter, Map<string, Held>>();

/** The shared store for an org on an adapter; the first caller's options apply. Pair with `releaseStore`. */
export function acquireStore(
  adapter: DashboardAdapter,
  orgId: string,
  options?: StoreOptions,
): DashboardStore {
  let byOrg = stores.get(adapter);
  if (!byOrg) {
    byOrg = new Map();
    stores.set(adapter, byOrg);
  }
  let held = byOrg.get(orgId);
  if (!held || held.store.isDisposed) {
    held = { store: new DashboardStore(adapter, orgId, options), holders: 0 };
    byOrg.set(orgId, held);
  }
  held.holders += 1;
  return held.store;
}

/**
 * The store some element holds for an org on an adapter, without holding it: where a write's
 * confirmed result goes when the element that made it shows another org by then. Undefined when
 * no element shows that org (its next load fetches the new data anyway).
 */
export function heldStore(adapter: DashboardAdapter, orgId: string): DashboardStore | undefined {
  const store = stores.get(adapter)?.get(orgId)?.store;
  return store && !store.isDisposed ? store : undefined;
}

/**
 * Lets go of a store. The last release disposes it (aborting requests and the
 * live connection) after a microtask, so an element merely moved within the
 * page, which disconnects and reconnects in one task, keeps its data.
 */
export function releaseStore(store: DashboardStore): void {
  const byOrg = stores.get(store.adapter);
  const held = byOrg?.get(store.orgId);
  if (!byOrg || !held || held.store !== store) return;
  held.holders -= 1;
  if (held.holders > 0) return;
  queueMicrotask(() => {
    if (held.holders > 0 || byOrg.get(store.orgId) !== held) return;
    byOrg.delete(store.orgId);
    store.dispose();
  });
}
