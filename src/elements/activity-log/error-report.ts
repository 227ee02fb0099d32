/**
 * The log's `od-error`s: failed requests, and each entry of fetched data left
 * out as invalid. The list's pages and the export share one report, so an
 * item both of them met is reported once.
 */
import { DashboardErrorEvent } from '../../base/events.js';
import { InvalidItemsReport } from '../../base/invalid-items.js';
import type { DashboardError } from '../../contract/errors.js';
import type { DashboardStore } from '../../store/store.js';

export class ActivityErrorReport {
  private readonly invalidItems = new InvalidItemsReport();
  /** The store's last refresh failure reported (see `refreshFailed`). */
  private reportedRefresh?: DashboardError;

  constructor(private readonly host: HTMLElement) {}

  /**
   * A failure of fetching `orgId`'s entries. Not reported: `forbidden` (the
   * log shows no access instead) and `aborted` (the log's own doing).
   */
  failure(error: DashboardError, orgId: string): void {
    if (error.code === 'forbidden' || error.code === 'aborted') return;
    this.host.dispatchEvent(new DashboardErrorEvent({ error, resource: 'activity', orgId }));
  }

  /**
   * The store's live entries failed to refresh (the log shows stale, as a card
   * does): each failure reported once, as the cards report theirs.
   */
  refreshFailed(store: DashboardStore): void {
    const { error } = store.get('activity');
    if (!error || error === this.reportedRefresh) return;
    this.reportedRefresh = error;
    this.failure(error, store.orgId);
  }

  /** Entries that data fetched from `store` left out: each reported once for that store. */
  leftOut(store: DashboardStore, invalid: readonly DashboardError[]): void {
    for (const error of this.invalidItems.take(store, invalid)) this.failure(error, store.orgId);
  }

  /** The log let go of its store: the next one's items are reported afresh. */
  clear(): void {
    this.invalidItems.clear();
    this.reportedRefresh = undefined;
  }
}
