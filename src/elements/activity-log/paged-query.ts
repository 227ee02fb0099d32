/**
 * The entries `<activity-log>` lists: pages of the adapter's `listActivities`
 * for the filters (the first page when they or the org change, the next one
 * as the reader nears the end), live entries from the shared store at their
 * place in time or held back, and in controlled mode the host's own `data`,
 * filtered with the same rules as the memory adapter. A newer filter or
 * another org aborts the older query's requests. Pages that add no entry are
 * read past (read-on.ts): "empty" only once the last page is read.
 */
import type { ReactiveControllerHost } from 'lit';
import { matchesActivityFilter } from '../../adapters/activity-query.js';
import type { CardState } from '../../base/controllers/card-states.js';
import { READ_PERMISSION } from '../../contract/access.js';
import { DashboardError, toDashboardError } from '../../contract/errors.js';
import type { Activity } from '../../contract/types.js';
import { invalidItemsOf } from '../../contract/validation.js';
import type { DashboardStore } from '../../store/store.js';
import type { ActivityLogFilter } from './activity-log.events.js';
import type { ActivityErrorReport } from './error-report.js';
import { fetchActivityPage } from './export.js';
import { EntryList, type PagedList, type SeenValues } from './entry-list.js';
import { parseOrError } from './invalid-entries.js';
import { needsRows, readOn, stateOfPages } from './read-on.js';

/** Entries per page while scrolling. */
export const ACTIVITY_LOG_PAGE_SIZE = 50;

type Phase = 'idle' | 'loading' | 'ready' | 'error';

export interface PagedQueryOptions {
  /** The host's controlled `data`; undefined when entries come from the store. */
  data(): unknown;
  /** The store the log is bound to. */
  store(): DashboardStore | undefined;
  /** The filters as the adapter receives them. */
  filter(): ActivityLogFilter;
  /** Whether the reader is at the top of the list, where live entries go in at once. */
  atTop(): boolean;
  /** A query after the first has its results (the viewer changed something): say so. */
  resultsChanged(): void;
  report: ActivityErrorReport;
}

export class PagedActivityQuery {
  /** Resource types and actions the data showed, for the filter menus. */
  readonly seen: SeenValues = { types: new Set(), actions: new Set() };
  private current = new EntryList(this.seen);
  private phase: Phase = 'idle';
  /** Filters and store the entries on screen belong to; a change starts a new query. */
  private queryKey?: string;
  private queryController?: AbortController;
  /** The filters of the query on screen, for its later pages. */
  private queryFilter: ActivityLogFilter = {};
  private controlled?: { input: unknown; result: Activity[] | DashboardError };
  private controlledError?: DashboardError;
  private lastLoadedAt?: number;
  /** How many days the server keeps entries, as the latest page received said (DESIGN.md, "Retention"). */
  retentionDays?: number;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: PagedQueryOptions,
  ) {}

  get list(): PagedList {
    return this.current;
  }

  /** When entries last arrived (a page or a live entry). */
  get updatedAt(): number | undefined {
    return this.lastLoadedAt ?? this.options.store()?.get('activity').updatedAt;
  }

  /** What the list shows, as a card state. */
  get state(): CardState {
    const { entries } = this.current;
    if (this.options.data() !== undefined) {
      if (this.controlledError) return 'error';
      return entries.length > 0 ? 'ready' : 'empty';
    }
    const store = this.options.store();
    if (!store) return 'loading';
    if (this.lacksAccess) return 'no-access';
    switch (this.phase) {
      case 'error':
        return 'error';
      case 'ready':
        return stateOfPages(this.current, store.get('activity').stale);
      default:
        return 'loading';
    }
  }

  /** Why the list is in `error` or `stale`. */
  errorFor(state: CardState): DashboardError | undefined {
    if (state === 'error') return this.controlledError ?? this.current.listError ?? this.current.moreError;
    if (state === 'stale') return this.current.moreError ?? this.options.store()?.get('activity').error;
    return undefined;
  }

  /** Call in the host's `willUpdate`: shows the host's `data`, or queries the store when the filters or the store changed. */
  sync(): void {
    const data = this.options.data();
    if (data !== undefined) {
      this.syncControlled(data);
      return;
    }
    if (this.controlled) {
      // From controlled to fetching: nothing of the host's data stays on screen.
      this.controlled = undefined;
      this.controlledError = undefined;
      this.release();
    }
    this.syncQuery();
  }

  /**
   * The log let go of its store (another org, adapter or controlled data, or it left the page; a
   * move within the page is neither, and keeps the pages read): its requests stop and nothing of
   * its org stays on screen.
   */
  release(): void {
    this.queryController?.abort();
    this.queryController = undefined;
    this.queryKey = undefined;
    this.retentionDays = undefined;
    this.reset();
    this.phase = 'idle';
  }

  /** The virtualizer rendered rows up to `last`: the next page is fetched when the end comes near (once paused, on Load more). */
  readonly rangeChanged = (event: { last?: number }): void => {
    const list = this.current;
    list.renderedLast = event.last ?? 0;
    if (needsRows(list) && !list.pausedAfterEmptyPages) void this.loadMore();
  };

  /** Moves the held-back live entries into the list. */
  showPending(): void {
    this.current.showPending();
    this.host.requestUpdate();
  }

  /** Takes the store's live entries the list has not shown (see `EntryList#takeLive`). */
  takeLive(): void {
    const latest = this.phase === 'ready' ? this.options.store()?.get('activity').data : undefined;
    if (latest && this.current.takeLive(latest, this.queryFilter, this.options.atTop())) {
      this.lastLoadedAt = Date.now();
    }
  }

  /** Again what failed: the first page (a new query), a later page, or the store's live list; or Load more. */
  retry(): void {
    const store = this.options.store();
    if (!store) return;
    if (store.get('access').status === 'error') void store.refresh('access');
    if (this.phase === 'error') {
      this.queryKey = undefined;
      this.host.requestUpdate();
      return;
    }
    if (this.current.moreError || this.current.pausedAfterEmptyPages) void this.loadMore();
    if (store.get('activity').stale) void store.refresh('activity');
  }

  private syncControlled(input: unknown): void {
    let controlled = this.controlled;
    if (!controlled || controlled.input !== input) {
      controlled = this.controlled = { input, result: parseOrError(input) };
      this.queryKey = undefined;
      this.retentionDays = undefined;
    }
    const filter = this.options.filter();
    const key = JSON.stringify(filter);
    if (this.queryKey === key) return;
    const announce = this.queryKey !== undefined;
    this.queryKey = key;
    const { result } = controlled;
    this.reset();
    if (result instanceof DashboardError) {
      this.controlledError = result;
      return;
    }
    this.controlledError = undefined;
    this.current.show(
      result.filter((activity) => matchesActivityFilter(activity, filter)),
      result,
    );
    // The host's own data: noted, never reported (it knows what it passed).
    this.current.noteLeftOut(invalidItemsOf(result));
    this.phase = 'ready';
    if (announce) this.options.resultsChanged();
  }

  /** Whether the viewer's access is known (or failed to load, leaving it to the server). */
  private get accessSettled(): boolean {
    const access = this.options.store()?.get('access');
    return Boolean(access && (access.data || access.status === 'error'));
  }

  private get lacksAccess(): boolean {
    if (this.current.listError?.code === 'forbidden') return true;
    const permissions = this.options.store()?.get('access').data?.permissions;
    return permissions ? !permissions.includes(READ_PERMISSION.activity) : false;
  }

  /** Starts a query when the filters or the store changed (and the viewer may read activity). */
  private syncQuery(): void {
    const store = this.options.store();
    if (!store || !this.accessSettled || this.lacksAccess) return;
    const filter = this.options.filter();
    const key = JSON.stringify([store.orgId, filter]);
    if (key === this.queryKey) return;
    const announce = this.queryKey !== undefined;
    this.queryKey = key;
    void this.runQuery(store, filter, announce);
  }

  private reset(): void {
    this.current = new EntryList(this.seen);
  }

  /** The first page for the current filters; an older query's requests are aborted. */
  private async runQuery(store: DashboardStore, filter: ActivityLogFilter, announce: boolean): Promise<void> {
    this.queryController?.abort();
    const controller = new AbortController();
    this.queryController = controller;
    this.reset();
    this.phase = 'loading';
    this.queryFilter = filter;
    const list = this.current;
    try {
      const page = await this.fetchPage(store, null, controller.signal);
      if (controller.signal.aborted) return;
      const added = list.append(page.items);
      list.nextCursor = page.nextCursor;
      this.phase = 'ready';
      this.lastLoadedAt = Date.now();
      this.takeLive();
      // Nothing to show yet but more pages: read on (loading meanwhile), and say what they found.
      if (added === 0 && list.nextCursor !== null) await this.loadMore(1);
      if (controller.signal.aborted) return;
      if (announce && !list.moreError) this.options.resultsChanged();
    } catch (reason) {
      if (controller.signal.aborted) return;
      list.listError = toDashboardError(reason);
      this.phase = 'error';
      this.options.report.failure(list.listError, store.orgId);
    }
    this.host.requestUpdate();
  }

  /** The next page (and those after it that add no entry, see `readOn`), when the end comes near or on Load more. */
  private async loadMore(pagesWithoutEntries = 0): Promise<void> {
    const store = this.options.store();
    const controller = this.queryController;
    const list = this.current;
    const cursor = list.nextCursor;
    if (!store || !controller || !cursor || this.phase !== 'ready' || list.loadingMore) return;
    const { signal } = controller;
    list.loadingMore = true;
    list.moreError = undefined;
    list.pausedAfterEmptyPages = false;
    this.host.requestUpdate();
    try {
      await readOn(list, cursor, (next) => this.fetchPage(store, next, signal), signal, pagesWithoutEntries);
      if (signal.aborted) return;
      this.lastLoadedAt = Date.now();
    } catch (reason) {
      if (controller.signal.aborted) return;
      list.moreError = toDashboardError(reason);
      this.options.report.failure(list.moreError, store.orgId);
    } finally {
      if (!controller.signal.aborted) list.loadingMore = false;
      this.host.requestUpdate();
    }
  }

  /** One page of the query on screen; its left-out entries are noted and reported, each once. */
  private async fetchPage(store: DashboardStore, cursor: string | null, signal: AbortSignal) {
    const { page, invalid } = await fetchActivityPage(
      store.adapter,
      store.orgId,
      this.queryFilter,
      cursor,
      ACTIVITY_LOG_PAGE_SIZE,
      signal,
    );
    if (signal.aborted) return page;
    // Kept across queries, so the date inputs' bound stays put while a new filter loads.
    this.retentionDays = page.retentionDays;
    if (invalid.length > 0) {
      this.current.noteLeftOut(invalid);
      this.options.report.leftOut(store, invalid);
    }
    return page;
  }
}
