/**
 * What the plan card's two write controllers share (purchase-controller.ts, threshold-controller.ts):
 * the error of a write the adapter cannot make, the writes a controller waits for, and the store's
 * clock as a write is sent.
 */
import { DashboardError } from '../../contract/errors.js';
import type { DashboardAdapter } from '../../contract/types.js';
import { NEVER } from '../../store/entry.js';
import { heldStore } from '../../store/registry.js';

/**
 * The adapter has no such method (the host swapped it for one without): nothing was sent. Its own
 * class, so the dialog says that buying is not available here rather than that the amount was refused.
 */
export class WriteUnavailable extends DashboardError {
  constructor(what: string) {
    super('invalid-request', `The adapter cannot ${what}.`);
  }
}

/** The writes a controller has started and not yet delivered; it never aborts them, only waits. */
export class WritesUnderWay {
  readonly #runs = new Set<Promise<void>>();

  add(run: Promise<void>): void {
    this.#runs.add(run);
    void run.finally(() => this.#runs.delete(run));
  }

  /** Resolves once every write has been delivered, those started meanwhile included. */
  async settled(): Promise<void> {
    while (this.#runs.size > 0) await Promise.all(this.#runs);
  }
}

/** The clock of the store that shows `orgId`'s data, as a write is sent; without one, before any. */
export function clockOf(adapter: DashboardAdapter | undefined, orgId: string): number {
  return (adapter && heldStore(adapter, orgId)?.clock) ?? NEVER;
}
