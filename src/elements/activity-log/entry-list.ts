/**
 * The entries of one query of `<activity-log>`, as the list shows them: the
 * pages in order, one entry per id, live entries placed in time or held back,
 * and the entries left out as invalid. A new query starts a new list.
 */
import { matchesActivityFilter } from '../../adapters/activity-query.js';
import type { DashboardError } from '../../contract/errors.js';
import type { Activity } from '../../contract/types.js';
import type { ActivityLogFilter } from './activity-log.events.js';
import { LeftOutEntries } from './invalid-entries.js';
import { insertInOrder, placeLive } from './live-entries.js';

/** What the list shows. */
export interface PagedList {
  readonly entries: Activity[];
  /** Live entries held back while the reader is scrolled down. */
  readonly pending: readonly Activity[];
  /** Where the next page starts; null once every page is loaded. */
  readonly nextCursor: string | null;
  /** The first page failed (state `error`). */
  readonly listError?: DashboardError;
  /** A later page failed: the entries shown are all there is for now (state `stale`). */
  readonly moreError?: DashboardError;
  readonly loadingMore: boolean;
  /**
   * Pages kept coming with a cursor but no entry to add (read-on.ts): the log
   * stopped asking and waits for the reader's Load more.
   */
  readonly pausedAfterEmptyPages: boolean;
  /** Entries left out as invalid (a note says how many). */
  readonly leftOut: readonly DashboardError[];
  /** The live entries this list took (shown or held back): how many, and the newest; a new object each time. */
  readonly arrived: LiveArrivals;
}

export interface LiveArrivals {
  count: number;
  newest?: Activity;
}

/** Resource types and actions the data showed, for the filter menus; kept across queries. */
export interface SeenValues {
  readonly types: Set<string>;
  readonly actions: Set<string>;
}

export class EntryList implements PagedList {
  entries: Activity[] = [];
  pending: Activity[] = [];
  nextCursor: string | null = null;
  listError?: DashboardError;
  moreError?: DashboardError;
  loadingMore = false;
  pausedAfterEmptyPages = false;
  leftOut: readonly DashboardError[] = [];
  arrived: LiveArrivals = { count: 0 };
  /** The index of the last row the list rendered; unknown (all in view) until it says. */
  renderedLast = Number.POSITIVE_INFINITY;
  private readonly ids = new Set<string>();
  /**
   * What the shared store held when this list was first known: its history,
   * not news (the server's search may match differently from the rules used
   * for live entries, so it is not shown from the store).
   */
  private history?: Set<string>;
  private readonly leftOutEntries = new LeftOutEntries();

  constructor(private readonly seen: SeenValues) {}

  /**
   * Adds a page at the end; returns how many entries it added. Cursors may be
   * offsets, which shift when entries arrive at the top, so a page can repeat
   * entries already shown: one per id. A page that adds none keeps the array
   * (nothing to render), so the virtualizer asks for no more: see read-on.ts.
   */
  append(items: readonly Activity[]): number {
    const fresh = items.filter((activity) => !this.ids.has(activity.id));
    this.note(fresh);
    if (fresh.length > 0) this.entries = [...this.entries, ...fresh];
    return fresh.length;
  }

  /** Shows `items` (the host's own data, already filtered); `all` is every entry it gave, for the menus. */
  show(items: Activity[], all: readonly Activity[]): void {
    this.entries = items;
    this.noteSeen(all);
  }

  /** Counts a page's left-out entries, each once however many pages repeat it. */
  noteLeftOut(invalid: readonly DashboardError[]): void {
    if (this.leftOutEntries.add(invalid)) this.leftOut = this.leftOutEntries.items;
  }

  /**
   * Live entries from the shared store's `latest` that this list has not
   * shown and that match its filters, each at its place in time (see
   * `placeLive`): at the top of the list or below the rows in view they go in
   * at once; above the rows in view they wait behind the "New entries"
   * button, so nothing the reader is looking at moves. Returns whether any
   * was taken.
   */
  takeLive(latest: readonly Activity[], filter: ActivityLogFilter, atTop: boolean): boolean {
    this.history ??= this.historyOf(latest);
    const history = this.history;
    const fresh = latest.filter(
      (activity) =>
        !this.ids.has(activity.id) && !history.has(activity.id) && matchesActivityFilter(activity, filter),
    );
    if (fresh.length === 0) return false;
    const { insert, hold } = placeLive(this.entries, fresh, {
      atTop: atTop && this.pending.length === 0,
      renderedLast: this.renderedLast,
      complete: this.nextCursor === null,
    });
    if (insert.length === 0 && hold.length === 0) return false;
    const taken = [...insert, ...hold];
    this.note(taken);
    this.arrived = { count: this.arrived.count + taken.length, newest: insertInOrder([], taken)[0] };
    if (insert.length > 0) this.entries = insertInOrder(this.entries, insert);
    if (hold.length > 0) this.pending = insertInOrder(this.pending, hold);
    return true;
  }

  /** Moves the held-back live entries into the list. */
  showPending(): void {
    this.entries = insertInOrder(this.entries, this.pending);
    this.pending = [];
  }

  private note(items: readonly Activity[]): void {
    for (const { id } of items) this.ids.add(id);
    this.noteSeen(items);
  }

  private noteSeen(items: readonly Activity[]): void {
    for (const { resourceType, action } of items) {
      this.seen.types.add(resourceType);
      this.seen.actions.add(action);
    }
  }

  /** The store's entries older than the newest shown: history the pages bring (or chose not to). */
  private historyOf(latest: readonly Activity[]): Set<string> {
    const newest = this.entries[0];
    const since = newest ? Date.parse(newest.occurredAt) : Number.POSITIVE_INFINITY;
    return new Set(latest.filter((a) => Date.parse(a.occurredAt) < since).map((a) => a.id));
  }
}
