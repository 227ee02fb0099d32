import { virtualize } from '@lit-labs/virtualizer/virtualize.js';
import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { cardStyles } from '../../base/card.styles.js';
import type { CardState } from '../../base/dashboard-card.js';
import { DashboardElement } from '../../base/dashboard-element.js';
import { DashboardErrorEvent } from '../../base/events.js';
import { contentLanguage, loadedCatalog, loadLocale } from '../../i18n/catalogs.js';
import { directionFor } from '../../i18n/direction.js';
import { fillPlural } from '../../i18n/plural.js';
import { matchesActivityFilter } from '../../adapters/activity-query.js';
import { READ_PERMISSION } from '../../contract/access.js';
import { DashboardError, isDashboardError, toDashboardError } from '../../contract/errors.js';
import type { Activity } from '../../contract/types.js';
import { invalidItemsOf } from '../../contract/validation.js';
import { InvalidItemsReport, renderInvalidNote } from '../../base/invalid-items.js';
import { formatDateTime } from '../../format/format.js';
import { ClockController } from '../../format/relative-time.js';
import { acquireStore, releaseStore } from '../../store/registry.js';
import type { DashboardStore } from '../../store/store.js';
import type { DashboardStrings } from '../../strings/strings.js';
import { fill } from '../../strings/template.js';
import { activityLogTexts } from './activity-log.text.js';
import { activityLogStyles } from './activity-log.styles.js';
import {
  ActivityLogFilterChangeEvent,
  ExportCsvEvent,
  type ActivityLogFilter,
} from './activity-log.events.js';
import { collectActivityCsv, csvOf, fetchActivityPage, type CsvFile } from './export.js';
import { dayRangeFilter, effectiveTimeZone } from './date-range.js';
import { insertInOrder, placeLive } from './live-entries.js';
import { LeftOutEntries, parseActivityList } from './invalid-entries.js';
import { errorText, menuOptions, renderEntry, renderSkeleton } from './entry-view.js';

/** Entries per page while scrolling. */
export const ACTIVITY_LOG_PAGE_SIZE = 50;
export { ACTIVITY_LOG_EXPORT_PAGE_SIZE } from './export.js';
/** Typing pauses this long before a search is sent. */
export const ACTIVITY_LOG_SEARCH_DEBOUNCE_MS = 300;
/** The next page is fetched when the rendered rows come this close to the end of what is loaded. */
const PREFETCH_ROWS = 10;
/** How long the export's object URL lives after the download starts (some browsers read it late). */
const REVOKE_DELAY_MS = 1000;

/** Offered in the menus besides what the data shows (DESIGN.md's examples). */
export const DEFAULT_RESOURCE_TYPES: readonly string[] = ['Organization', 'Plans', 'Invoices', 'Workspaces'];
export const DEFAULT_ACTIONS: readonly string[] = ['Fetch', 'Fetch All', 'Create', 'Update', 'Delete'];

const FILTER_KEYS = ['resourceType', 'action', 'from', 'to', 'query'] as const;

type Phase = 'idle' | 'loading' | 'ready' | 'error';

export { parseActivityList } from './invalid-entries.js';

/**
 * @summary The full activity log of the organization: filters for resource
 * type, action and date range, free-text search, smooth scrolling through any
 * number of entries, live entries, and export of the filtered entries to CSV.
 *
 * Needs the `activity:read` permission. Entries load a page at a time as the
 * list scrolls (cursor paging through the adapter's `listActivities`, which
 * also filters and searches on the server); only the rows in view are in the
 * DOM, so a list of any length scrolls smoothly. Searches are sent after
 * typing pauses (300 ms), and a newer filter cancels the requests of an older
 * one.
 *
 * Live entries that match the filters arrive at the top. While the reader is
 * at the top they show up at once; once the reader has scrolled down they are
 * held back behind a "New entries" button, so nothing they are reading moves.
 *
 * The filters are reflected to attributes (`resource-type`, `action`, `from`,
 * `to`, `query`) so a host can keep them in its URL; setting them re-queries.
 * The viewer's changes fire `od-activity-log-filter-change`.
 *
 * In controlled mode `data` is an array of `Activity`: validated, newest
 * first, one per id, and filtered here with the same rules as the memory
 * adapter.
 *
 * @slot heading - Replaces the heading text.
 * @slot header-actions - Extra controls at the end of the header.
 * @slot error - Replaces the error message (the Retry button stays).
 * @slot empty - Replaces the empty-state message (the Clear filters button stays).
 *
 * @csspart card - The card's box.
 * @csspart header - The header row: heading, export and header actions.
 * @csspart title - The heading.
 * @csspart body - The content area.
 * @csspart filters - The filter bar (a `search` landmark).
 * @csspart filter - Each labelled filter control.
 * @csspart resource-type-filter - The resource type menu.
 * @csspart action-filter - The action menu.
 * @csspart from-filter - The first day of the date range.
 * @csspart to-filter - The last day of the date range.
 * @csspart search - The search field.
 * @csspart list - The scrolling list of entries.
 * @csspart entry - One activity.
 * @csspart resource-type - The entry's resource type ("Workspaces").
 * @csspart activity-action - What was done ("Create").
 * @csspart resource-name - The resource's name, when given.
 * @csspart actor - Who did it, when given.
 * @csspart time - The relative time (`<time>`).
 * @csspart exact-time - The exact date and time.
 * @csspart new-entries - The button that shows live entries held back while scrolled down.
 * @csspart loading-more - The "Loading more…" note below the list.
 * @csspart empty - The empty-state message.
 * @csspart clear-filters - The Clear filters button.
 * @csspart export - The Export CSV button.
 * @csspart export-progress - How many entries the running export has written.
 * @csspart export-cancel - The button that cancels a running export.
 * @csspart export-error - Why the last export failed, beside the Export button.
 * @csspart message - The error or no-access message.
 * @csspart retry - The Retry buttons.
 * @csspart footer - The "last updated" note of the stale state, and the note on left-out entries.
 * @csspart invalid-items - The note saying how many entries were left out as invalid (also a `footer`).
 *
 * @see The global design tokens (src/themes/tokens.ts; README, "Styling") this element's styles read are in its `cssProperties` in custom-elements.json, added from tokens.ts.
 * @cssprop [--od-activity-log-height=480px] - Height of the scrolling list.
 *
 * @fires od-activity-log-filter-change - The viewer changed the filters; `detail: { orgId, filter }`.
 * @fires od-export-csv - The viewer asked for a CSV export; cancelable, `detail: { orgId, filter }`.
 * @fires od-error - Entries failed to load; `detail: { error, resource: 'activity', orgId }`.
 */
export class ActivityLog extends DashboardElement {
  static override styles = [cardStyles, activityLogStyles];

  /** Controlled mode: these activities, filtered here; nothing is fetched (property only). */
  @property({ attribute: false }) data?: Activity[];

  /** The level of the heading, 1 to 6, to fit the host page's outline. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;

  /** Only entries of this resource type ("Workspaces"). */
  @property({ attribute: 'resource-type', reflect: true }) resourceType?: string;

  /** Only entries with this action ("Create"). */
  @property({ reflect: true }) action?: string;

  /** Only entries on or after this day (`YYYY-MM-DD`). */
  @property({ reflect: true }) from?: string;

  /** Only entries on or before this day (`YYYY-MM-DD`). */
  @property({ reflect: true }) to?: string;

  /** Free-text search, matched by the server (the memory adapter: type, action, name and actor). */
  @property({ reflect: true }) query?: string;

  /** The resource types the menu offers; default: DESIGN.md's plus those seen (property only). */
  @property({ attribute: false }) resourceTypes?: string[];

  /** The actions the menu offers; default: Fetch, Fetch All, Create, Update, Delete plus those seen (property only). */
  @property({ attribute: false }) actions?: string[];

  @state() private entries: Activity[] = [];
  /** Live entries held back while the reader is scrolled down. */
  @state() private pending: Activity[] = [];
  @state() private nextCursor: string | null = null;
  @state() private phase: Phase = 'idle';
  @state() private listError?: DashboardError;
  /** A later page failed: the entries shown are all there is for now (state `stale`). */
  @state() private moreError?: DashboardError;
  @state() private loadingMore = false;
  @state() private searchDraft = '';
  @state() private announcement = '';
  /** Entries written by the running export; undefined when none runs. */
  @state() private exportCount?: number;
  /** Entries of the list on screen left out as invalid (a note says how many). */
  @state() private leftOut: readonly DashboardError[] = [];
  /** Why the last export failed, shown beside the Export button until the next one starts. */
  @state() private exportError?: DashboardError;
  @state() private updatedAt?: number;

  private readonly internals = this.attachInternals();
  private readonly leftOutEntries = new LeftOutEntries();
  private readonly invalidReport = new InvalidItemsReport();
  private readonly clock = new ClockController(this);
  private store?: DashboardStore;
  private unsubscribers: (() => void)[] = [];
  /** Filters and store the entries on screen belong to; a change starts a new query. */
  private queryKey?: string;
  private queryController?: AbortController;
  /** The filters of the query on screen, for its later pages. */
  private queryFilter: ActivityLogFilter = {};
  private exportController?: AbortController;
  private searchTimer?: ReturnType<typeof setTimeout>;
  /** The next `query` change comes from the viewer's typing: the field keeps what they typed. */
  private queryFromUser = false;
  private ids = new Set<string>();
  /**
   * What the shared store held when this query's list was first known: its
   * history, not news (the server's search may match differently from the
   * rules used for live entries, so it is not shown from the store).
   */
  private history?: Set<string>;
  /** The index of the last row the list rendered; unknown (all in view) until it says. */
  private renderedLast = Number.POSITIVE_INFINITY;
  private seenTypes = new Set<string>();
  private seenActions = new Set<string>();
  private controlled?: { input: unknown; result: Activity[] | DashboardError };
  private controlledError?: DashboardError;
  private viewState: CardState = 'loading';

  /** What the log shows now: `loading`, `ready`, `empty`, `error`, `no-access` or `stale`. */
  get state(): CardState {
    return this.viewState;
  }

  /** Why the log is in `error` or `stale`, as a typed error. */
  get error(): DashboardError | undefined {
    if (this.viewState === 'error') return this.controlledError ?? this.listError;
    if (this.viewState === 'stale') return this.moreError ?? this.store?.get('activity').error;
    return undefined;
  }

  /** The filters in effect, as the viewer chose them: `from` and `to` are calendar days. */
  get filter(): ActivityLogFilter {
    const filter: ActivityLogFilter = {};
    for (const key of FILTER_KEYS) {
      const value = this[key]?.trim();
      if (value) filter[key] = value;
    }
    return filter;
  }

  /**
   * The filters as the adapter receives them: `from` and `to` become the
   * instants that cover those days in the viewer's time zone (DESIGN.md,
   * "Dates as filters").
   */
  private get adapterFilter(): ActivityLogFilter {
    const { from, to, ...rest } = this.filter;
    return { ...rest, ...dayRangeFilter(from, to, effectiveTimeZone(this.formatContext.timeZone)) };
  }

  /** Whether an export is running. */
  get exporting(): boolean {
    return this.exportController !== undefined;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unbind();
    this.cancelExport();
    clearTimeout(this.searchTimer);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('query')) {
      if (!this.queryFromUser) {
        clearTimeout(this.searchTimer);
        this.searchDraft = this.query ?? '';
      }
      this.queryFromUser = false;
    }
    if (this.data !== undefined) {
      this.unbind();
      this.syncControlled();
    } else {
      if (this.controlled) {
        // From controlled to fetching: nothing of the host's data stays on screen.
        this.controlled = undefined;
        this.controlledError = undefined;
        this.queryKey = undefined;
        this.resetList();
        this.phase = 'idle';
      }
      this.syncBinding();
      this.syncQuery();
    }
    this.viewState = this.computeState();
    this.syncStates();
  }

  // ---------------------------------------------------------------------------
  // Data: controlled mode
  // ---------------------------------------------------------------------------

  private syncControlled(): void {
    const input = this.data;
    if (this.controlled?.input !== input) {
      let result: Activity[] | DashboardError;
      try {
        result = parseActivityList(input);
      } catch (error) {
        result = isDashboardError(error) ? error : new DashboardError('invalid-data', String(error));
      }
      this.controlled = { input, result };
      this.queryKey = undefined;
    }
    const filter = this.adapterFilter;
    const key = JSON.stringify(filter);
    if (this.queryKey === key) return;
    const announce = this.queryKey !== undefined;
    this.queryKey = key;
    const { result } = this.controlled as { result: Activity[] | DashboardError };
    this.resetList();
    if (result instanceof DashboardError) {
      this.controlledError = result;
      return;
    }
    this.controlledError = undefined;
    this.entries = result.filter((activity) => matchesActivityFilter(activity, filter));
    this.noteSeen(result);
    // The host's own data: noted, never reported (it knows what it passed).
    this.noteLeftOut(invalidItemsOf(result), undefined);
    this.phase = 'ready';
    if (announce) this.announceResults();
  }

  // ---------------------------------------------------------------------------
  // Data: a store (inside a provider or standalone)
  // ---------------------------------------------------------------------------

  private syncBinding(): void {
    const adapter = this.effectiveAdapter;
    const orgId = this.effectiveOrgId;
    const wanted = this.isConnected && adapter && orgId ? { adapter, orgId } : undefined;
    const store = this.store;
    if (store && (!wanted || store.adapter !== wanted.adapter || store.orgId !== wanted.orgId)) this.unbind();
    if (wanted && !this.store) {
      const bound = acquireStore(wanted.adapter, wanted.orgId);
      this.store = bound;
      const update = () => this.requestUpdate();
      this.unsubscribers = [bound.subscribe('access', update), bound.subscribe('activity', this.onLive)];
    }
  }

  private unbind(): void {
    for (const unsubscribe of this.unsubscribers) unsubscribe();
    this.unsubscribers = [];
    this.queryController?.abort();
    this.queryController = undefined;
    if (this.store) {
      // The export reads this org through this adapter: its file would carry the next one's name.
      this.cancelExport();
      this.exportError = undefined;
      this.invalidReport.clear();
      releaseStore(this.store);
      this.store = undefined;
      this.queryKey = undefined;
      this.resetList();
      this.phase = 'idle';
    }
  }

  /** Whether the viewer's access is known (or failed to load, leaving it to the server). */
  private get accessSettled(): boolean {
    const access = this.store?.get('access');
    return Boolean(access && (access.data || access.status === 'error'));
  }

  private get lacksAccess(): boolean {
    if (this.listError?.code === 'forbidden') return true;
    const permissions = this.store?.get('access').data?.permissions;
    return permissions ? !permissions.includes(READ_PERMISSION.activity) : false;
  }

  /** Starts a query when the filters or the store changed (and the viewer may read activity). */
  private syncQuery(): void {
    const store = this.store;
    if (!store || !this.accessSettled || this.lacksAccess) return;
    const key = JSON.stringify([store.orgId, this.adapterFilter]);
    if (key === this.queryKey) return;
    const announce = this.queryKey !== undefined;
    this.queryKey = key;
    void this.runQuery(store, announce);
  }

  private resetList(): void {
    this.entries = [];
    this.pending = [];
    this.ids = new Set();
    this.leftOutEntries.clear();
    this.leftOut = [];
    this.history = undefined;
    this.renderedLast = Number.POSITIVE_INFINITY;
    this.nextCursor = null;
    this.listError = undefined;
    this.moreError = undefined;
    this.loadingMore = false;
  }

  /** The first page for the current filters; an older query's requests are aborted. */
  private async runQuery(store: DashboardStore, announce: boolean): Promise<void> {
    this.queryController?.abort();
    const controller = new AbortController();
    this.queryController = controller;
    this.resetList();
    this.phase = 'loading';
    this.queryFilter = this.adapterFilter;
    try {
      const page = await this.fetchPage(
        store,
        this.queryFilter,
        null,
        ACTIVITY_LOG_PAGE_SIZE,
        controller.signal,
      );
      if (controller.signal.aborted) return;
      this.appendEntries(page.items);
      this.nextCursor = page.nextCursor;
      this.phase = 'ready';
      this.updatedAt = Date.now();
      this.takeLive();
      if (announce) this.announceResults();
    } catch (reason) {
      if (controller.signal.aborted) return;
      this.listError = toDashboardError(reason);
      this.phase = 'error';
      this.report(this.listError);
    }
  }

  private async fetchPage(
    store: DashboardStore,
    query: ActivityLogFilter,
    cursor: string | null,
    limit: number,
    signal: AbortSignal,
  ) {
    const { page, invalid } = await fetchActivityPage(
      store.adapter,
      store.orgId,
      query,
      cursor,
      limit,
      signal,
    );
    if (!signal.aborted) this.noteLeftOut(invalid, store);
    return page;
  }

  /**
   * Notes entries a list left out; those of a fetched page (`store` given)
   * are also reported through `od-error`, each once.
   */
  private noteLeftOut(invalid: readonly DashboardError[], store: DashboardStore | undefined): void {
    if (invalid.length === 0) return;
    if (this.leftOutEntries.add(invalid)) this.leftOut = this.leftOutEntries.items;
    if (store)
      for (const error of this.invalidReport.take(store, invalid)) this.reportFor(error, store.orgId);
  }

  /** The next page, when the end of what is loaded comes near. */
  private async loadMore(): Promise<void> {
    const store = this.store;
    const controller = this.queryController;
    const cursor = this.nextCursor;
    if (!store || !controller || !cursor || this.phase !== 'ready' || this.loadingMore) return;
    this.loadingMore = true;
    this.moreError = undefined;
    try {
      const page = await this.fetchPage(
        store,
        this.queryFilter,
        cursor,
        ACTIVITY_LOG_PAGE_SIZE,
        controller.signal,
      );
      if (controller.signal.aborted) return;
      this.appendEntries(page.items);
      this.nextCursor = page.nextCursor;
      this.updatedAt = Date.now();
    } catch (reason) {
      if (controller.signal.aborted) return;
      this.moreError = toDashboardError(reason);
      this.report(this.moreError);
    } finally {
      if (!controller.signal.aborted) this.loadingMore = false;
    }
  }

  /**
   * Adds a page at the end. Cursors may be offsets, which shift when entries
   * arrive at the top, so a page can repeat entries already shown: one per id.
   */
  private appendEntries(items: readonly Activity[]): void {
    const fresh = items.filter((activity) => !this.ids.has(activity.id));
    for (const activity of fresh) this.ids.add(activity.id);
    this.noteSeen(fresh);
    if (fresh.length > 0) this.entries = [...this.entries, ...fresh];
  }

  private noteSeen(items: readonly Activity[]): void {
    for (const { resourceType, action } of items) {
      this.seenTypes.add(resourceType);
      this.seenActions.add(action);
    }
  }

  private readonly onLive = (): void => {
    this.takeLive();
    this.requestUpdate();
  };

  /**
   * Live entries from the shared store that this list has not shown and that
   * match its filters, each at its place in time (see `placeLive`): at the
   * top of the list or below the rows in view they go in at once; above the
   * rows in view they wait behind the "New entries" button, so nothing the
   * reader is looking at moves.
   */
  private takeLive(): void {
    if (!this.store || this.phase !== 'ready') return;
    const latest = this.store.get('activity').data;
    if (!latest) return;
    if (!this.history) this.history = this.historyOf(latest);
    const history = this.history;
    const filter = this.queryFilter;
    const fresh = latest.filter(
      (activity) =>
        !this.ids.has(activity.id) && !history.has(activity.id) && matchesActivityFilter(activity, filter),
    );
    if (fresh.length === 0) return;
    const atTop = (this.scroller?.scrollTop ?? 0) <= 1 && this.pending.length === 0;
    const { insert, hold } = placeLive(this.entries, fresh, {
      atTop,
      renderedLast: this.renderedLast,
      complete: this.nextCursor === null,
    });
    const taken = [...insert, ...hold];
    if (taken.length === 0) return;
    for (const activity of taken) this.ids.add(activity.id);
    this.noteSeen(taken);
    this.updatedAt = Date.now();
    if (insert.length > 0) this.entries = insertInOrder(this.entries, insert);
    if (hold.length > 0) this.pending = insertInOrder(this.pending, hold);
  }

  /** The store's entries older than the newest shown: history the pages bring (or chose not to). */
  private historyOf(latest: readonly Activity[]): Set<string> {
    const newest = this.entries[0];
    const since = newest ? Date.parse(newest.occurredAt) : Number.POSITIVE_INFINITY;
    return new Set(latest.filter((a) => Date.parse(a.occurredAt) < since).map((a) => a.id));
  }

  /** Shows the held-back live entries and scrolls to them. */
  private showPending(): void {
    this.entries = insertInOrder(this.entries, this.pending);
    this.pending = [];
    const scroller = this.scroller;
    if (scroller) scroller.scrollTop = 0;
    // The button goes away: keep focus in the log, on the list it revealed.
    void this.updateComplete.then(() => {
      const list = this.scroller;
      if (list) {
        list.scrollTop = 0;
        list.focus();
      }
    });
  }

  private report(error: DashboardError): void {
    if (this.store) this.reportFor(error, this.store.orgId);
  }

  private reportFor(error: DashboardError, orgId: string): void {
    if (error.code === 'forbidden' || error.code === 'aborted') return;
    this.dispatchEvent(new DashboardErrorEvent({ error, resource: 'activity', orgId }));
  }

  private retry(): void {
    const store = this.store;
    if (!store) return;
    if (store.get('access').status === 'error') void store.refresh('access');
    if (this.phase === 'error') {
      this.queryKey = undefined;
      this.requestUpdate();
      return;
    }
    if (this.moreError) void this.loadMore();
    if (store.get('activity').stale) void store.refresh('activity');
  }

  // ---------------------------------------------------------------------------
  // State
  // ---------------------------------------------------------------------------

  private computeState(): CardState {
    if (this.data !== undefined) {
      if (this.controlledError) return 'error';
      return this.entries.length > 0 ? 'ready' : 'empty';
    }
    if (!this.store) return 'loading';
    if (this.lacksAccess) return 'no-access';
    switch (this.phase) {
      case 'error':
        return 'error';
      case 'ready':
        if (this.entries.length === 0 && this.pending.length === 0) return 'empty';
        return this.moreError || this.store.get('activity').stale ? 'stale' : 'ready';
      default:
        return 'loading';
    }
  }

  /** Custom states let hosts style `activity-log:state(loading)`. */
  private syncStates(): void {
    const states = this.internals.states;
    for (const name of ['loading', 'ready', 'empty', 'error', 'no-access', 'stale']) {
      if (name === this.viewState) states.add(name);
      else states.delete(name);
    }
    if (this.isHidden) states.add('access-hidden');
    else states.delete('access-hidden');
  }

  private get isHidden(): boolean {
    return this.viewState === 'no-access' && this.effectiveAccessDenied === 'hide';
  }

  private announceResults(): void {
    const strings = this.resolvedStrings;
    const count = this.entries.length;
    const text =
      count === 0
        ? strings.activityLogNoMatches
        : fill(this.nextCursor ? strings.activityLogResultsMore : strings.activityLogResults, {
            count: this.formatCount(count),
          });
    this.announce(text);
  }

  private announce(text: string): void {
    // The same text twice in a row is still news: clear first so it is spoken again.
    this.announcement = '';
    void this.updateComplete.then(() => (this.announcement = text));
  }

  private formatCount(count: number): string {
    return new Intl.NumberFormat(this.formatContext.locale).format(count);
  }

  // ---------------------------------------------------------------------------
  // The viewer's filters
  // ---------------------------------------------------------------------------

  private setFilter(key: (typeof FILTER_KEYS)[number], value: string): void {
    const next = value.trim() || undefined;
    if ((this[key]?.trim() || undefined) === next) return;
    this[key] = next;
    this.fireFilterChange();
  }

  private fireFilterChange(): void {
    const orgId = this.store?.orgId ?? this.effectiveOrgId ?? '';
    this.dispatchEvent(new ActivityLogFilterChangeEvent({ orgId, filter: this.filter }));
  }

  private onSearchInput(event: Event): void {
    this.searchDraft = (event.target as HTMLInputElement).value;
    clearTimeout(this.searchTimer);
    this.searchTimer = setTimeout(() => this.applySearch(), ACTIVITY_LOG_SEARCH_DEBOUNCE_MS);
  }

  private applySearch(): void {
    clearTimeout(this.searchTimer);
    this.searchTimer = undefined;
    const next = this.searchDraft.trim() || undefined;
    if ((this.query?.trim() || undefined) === next) return;
    this.queryFromUser = true;
    this.query = next;
    this.fireFilterChange();
  }

  private onSubmit(event: Event): void {
    event.preventDefault();
    this.applySearch();
  }

  private clearFilters(): void {
    clearTimeout(this.searchTimer);
    const hadFilter = Object.keys(this.filter).length > 0;
    for (const key of FILTER_KEYS) this[key] = undefined;
    this.searchDraft = '';
    if (hadFilter) this.fireFilterChange();
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('select')?.focus());
  }

  // ---------------------------------------------------------------------------
  // CSV export
  // ---------------------------------------------------------------------------

  private onExportClick(): void {
    const orgId = this.store?.orgId ?? this.effectiveOrgId ?? '';
    if (this.dispatchEvent(new ExportCsvEvent({ orgId, filter: this.filter }))) void this.exportCsv();
  }

  /**
   * Downloads the entries that match the filters as CSV (UTF-8 with a byte
   * order mark, for Excel): fetched page by page with the current filters,
   * progress shown, cancellable with `cancelExport()`. Columns: time (ISO
   * 8601), resource type, action, resource name, actor. Values a spreadsheet
   * would run as formulas are written as text.
   */
  async exportCsv(): Promise<void> {
    if (this.exportController) return;
    const controller = new AbortController();
    this.exportController = controller;
    this.exportCount = 0;
    this.exportError = undefined;
    const strings = this.resolvedStrings;
    // Fixed now: the file is named after the org its rows come from.
    const store = this.data === undefined ? this.store : undefined;
    const orgId = store?.orgId ?? this.effectiveOrgId;
    const fileName = this.fileName();
    try {
      const file: CsvFile = store
        ? await collectActivityCsv(
            { adapter: store.adapter, orgId: store.orgId, filter: this.adapterFilter },
            strings.activityLogCsvHeader,
            controller.signal,
            (count) => (this.exportCount = count),
          )
        : csvOf(this.entries, strings.activityLogCsvHeader);
      if (controller.signal.aborted || this.store !== store) {
        throw new DashboardError('aborted', 'The export was cancelled.');
      }
      this.download(new Blob(file.chunks, { type: 'text/csv;charset=utf-8' }), fileName);
      this.announce(fillPlural(strings.activityLogExportDone, file.count, this.formatContext));
      if (store)
        for (const error of this.invalidReport.take(store, file.invalid)) this.reportFor(error, store.orgId);
    } catch (reason) {
      const error = toDashboardError(reason);
      if (controller.signal.aborted || error.code === 'aborted') {
        this.announce(strings.activityLogExportCancelled);
      } else {
        this.exportError = error;
        if (orgId) this.reportFor(error, orgId);
      }
    } finally {
      if (this.exportController === controller) this.exportController = undefined;
      this.exportCount = undefined;
    }
  }

  /** Stops a running export; nothing is downloaded. */
  cancelExport(): void {
    this.exportController?.abort();
  }

  private download(blob: Blob, fileName: string): void {
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = fileName;
    link.hidden = true;
    this.renderRoot.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), REVOKE_DELAY_MS);
  }

  private fileName(): string {
    const org = (this.store?.orgId ?? this.effectiveOrgId ?? 'activity').replace(/[^\w.-]+/g, '_');
    return `${org}-activity-${new Date().toISOString().slice(0, 10)}.csv`;
  }

  // ---------------------------------------------------------------------------
  // Rendering
  // ---------------------------------------------------------------------------

  private get resolvedStrings(): DashboardStrings {
    return activityLogTexts(this.formatContext.locale, this.inherited.strings, this.strings);
  }

  /**
   * Waits for the locale's catalog before rendering (as cards do), so a
   * German log never shows English first; one shared `import()` per language.
   */
  protected override scheduleUpdate(): void | Promise<unknown> {
    const { locale } = this.formatContext;
    if (loadedCatalog(locale)) return super.scheduleUpdate();
    return loadLocale(locale).then(() => super.scheduleUpdate());
  }

  private get scroller(): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>('[part~="list"]');
  }

  private get headingLevelValue(): string {
    const level = Math.round(Number(this.headingLevel));
    return String(level >= 1 && level <= 6 ? level : 2);
  }

  override render() {
    if (this.isHidden) return nothing;
    const strings = this.resolvedStrings;
    const state = this.viewState;
    const busy = state === 'loading' || this.loadingMore;
    const { locale } = this.formatContext;
    return html`
      <section
        part="card"
        lang=${contentLanguage(locale)}
        dir=${directionFor(this, locale)}
        aria-labelledby="title"
        aria-busy=${busy ? 'true' : 'false'}
      >
        <div part="header">
          <div part="title" id="title" role="heading" aria-level=${this.headingLevelValue}>
            <slot name="heading">${strings.activityLogTitle}</slot>
          </div>
          <div class="header-actions">
            ${state === 'no-access' ? nothing : this.renderExport(strings)}
            <slot name="header-actions"></slot>
          </div>
        </div>
        <div part="body">
          ${
            state === 'no-access'
              ? html`<p part="message no-access">${strings.noAccess}</p>`
              : html`${this.renderFilters(strings)}${this.renderList(strings)}`
          }
        </div>
        ${
          state === 'ready' || state === 'stale' || state === 'empty'
            ? (renderInvalidNote(this.leftOut, strings, this.formatContext) ?? nothing)
            : nothing
        }
        ${state === 'stale' ? this.renderStaleNote(strings) : nothing}
        <div role="status" class="visually-hidden">${this.announcement}</div>
      </section>
    `;
  }

  private renderExport(strings: DashboardStrings) {
    if (this.exportCount !== undefined) {
      return html`<span part="export-progress"
          >${fill(strings.activityLogExporting, { count: this.formatCount(this.exportCount) })}</span
        >
        <button part="export-cancel" type="button" @click=${this.cancelExport}>
          ${strings.activityLogExportCancel}
        </button>`;
    }
    const canExport = this.viewState === 'ready' || this.viewState === 'stale';
    const failed = this.exportError;
    return html`${
        failed
          ? html`<span part="export-error" role="alert"
              >${failed.code === 'invalid-data' ? strings.activityLogExportInvalid : strings.activityLogExportFailed}</span
            >`
          : nothing
      }<button part="export" type="button" ?disabled=${!canExport} @click=${this.onExportClick}>
        ${strings.activityLogExport}
      </button>`;
  }

  private renderFilters(strings: DashboardStrings) {
    const types = menuOptions(this.resourceTypes, DEFAULT_RESOURCE_TYPES, this.seenTypes, this.resourceType);
    const actions = menuOptions(this.actions, DEFAULT_ACTIONS, this.seenActions, this.action);
    return html`
      <form part="filters" role="search" aria-label=${strings.activityLogFilters} @submit=${this.onSubmit}>
        <label part="filter">
          ${strings.activityLogResourceType}
          ${this.renderSelect('resourceType', 'resource-type-filter', types, strings)}
        </label>
        <label part="filter">
          ${strings.activityLogAction} ${this.renderSelect('action', 'action-filter', actions, strings)}
        </label>
        <label part="filter">
          ${strings.activityLogFrom}
          <input
            part="from-filter"
            type="date"
            .value=${live(this.from ?? '')}
            max=${ifDefined(this.to || undefined)}
            @change=${(e: Event) => this.setFilter('from', (e.target as HTMLInputElement).value)}
          />
        </label>
        <label part="filter">
          ${strings.activityLogTo}
          <input
            part="to-filter"
            type="date"
            .value=${live(this.to ?? '')}
            min=${ifDefined(this.from || undefined)}
            @change=${(e: Event) => this.setFilter('to', (e.target as HTMLInputElement).value)}
          />
        </label>
        <label part="filter" class="search">
          ${strings.activityLogSearch}
          <input
            part="search"
            type="search"
            autocomplete="off"
            placeholder=${strings.activityLogSearchPlaceholder}
            .value=${live(this.searchDraft)}
            @input=${this.onSearchInput}
          />
        </label>
      </form>
    `;
  }

  private renderSelect(
    key: 'resourceType' | 'action',
    part: string,
    options: string[],
    strings: DashboardStrings,
  ) {
    const current = this[key] ?? '';
    return html`<select
      part=${part}
      @change=${(e: Event) => this.setFilter(key, (e.target as HTMLSelectElement).value)}
    >
      <option value="" ?selected=${current === ''}>${strings.activityLogAll}</option>
      ${options.map((value) => html`<option .value=${value} ?selected=${value === current}>${value}</option>`)}
    </select>`;
  }

  private renderList(strings: DashboardStrings) {
    switch (this.viewState) {
      case 'loading':
        return html`<span class="visually-hidden">${strings.loading}</span>${renderSkeleton()}`;
      case 'error':
        return html`<div class="list-placeholder">
            <div part="message error" role="alert">
              <slot name="error">${errorText((this.controlledError ?? this.listError)?.code, strings)}</slot>
              ${
                this.store
                  ? html`<button part="retry" type="button" @click=${this.retry}>${strings.retry}</button>`
                  : nothing
              }
            </div>
          </div>
          <p class="list-footer"></p>`;
      case 'empty':
        return html`<div class="list-placeholder">${this.renderEmpty(strings)}</div>
          <p class="list-footer"></p>`;
      default:
        return this.renderEntries(strings);
    }
  }

  private renderEmpty(strings: DashboardStrings) {
    const filtered = Object.keys(this.filter).length > 0;
    return html`<div class="empty-box">
      <slot name="empty"
        ><p part="empty" class="empty">
          ${filtered ? strings.activityLogNoMatches : strings.activityLogEmpty}
        </p></slot
      >
      ${
        filtered
          ? html`<button part="clear-filters" type="button" @click=${this.clearFilters}>
              ${strings.activityLogClearFilters}
            </button>`
          : nothing
      }
    </div>`;
  }

  private renderEntries(strings: DashboardStrings) {
    const format = this.formatContext;
    const now = this.clock.now;
    // The DOM holds only the rows in view, so each says where it is in the whole list.
    const setSize = this.nextCursor ? -1 : this.entries.length;
    const footer = this.loadingMore
      ? strings.activityLogLoadingMore
      : this.moreError
        ? errorText(this.moreError.code, strings)
        : '';
    return html`
      <div class="list-wrap">
        ${
          this.pending.length > 0
            ? html`<div class="new-entries">
                <button part="new-entries" type="button" @click=${this.showPending}>
                  ${fill(strings.activityLogNewEntries, { count: this.formatCount(this.pending.length) })}
                </button>
              </div>`
            : nothing
        }
        <div
          part="list"
          role="list"
          aria-label=${strings.activityLogList}
          tabindex="0"
          @rangeChanged=${this.onRangeChanged}
        >
          ${virtualize({
            items: this.entries,
            // The virtualizer may ask once for a range of the previous, longer list: skip the gaps.
            keyFunction: (activity: Activity | undefined, index: number) => activity?.id ?? index,
            renderItem: (activity: Activity | undefined, index: number) =>
              activity ? renderEntry(activity, index, setSize, strings, format, now) : html``,
            scroller: true,
          })}
        </div>
      </div>
      <p part="loading-more" class="list-footer">${footer}</p>
    `;
  }

  private readonly onRangeChanged = (event: Event & { last?: number }): void => {
    const last = event.last ?? 0;
    this.renderedLast = last;
    if (last >= this.entries.length - 1 - PREFETCH_ROWS) void this.loadMore();
  };

  private renderStaleNote(strings: DashboardStrings) {
    const updatedAt = this.updatedAt ?? this.store?.get('activity').updatedAt;
    const time =
      updatedAt === undefined ? '' : formatDateTime(updatedAt, this.formatContext, { timeStyle: 'short' });
    return html`
      <p part="footer stale">
        <span>${strings.staleNotice} ${fill(strings.lastUpdated, { time })}</span>
        <button part="retry" type="button" @click=${this.retry}>${strings.retry}</button>
      </p>
    `;
  }
}
