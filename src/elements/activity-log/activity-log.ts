import { html, nothing, type PropertyValues, type PropertyDeclarations } from 'lit';
import { cardStyles } from '../../base/card.styles.js';
import { renderCardFrame, renderNoAccess, renderStaleNote } from '../../base/card-frame.js';
import { FocusKeeper } from '../../base/controllers/focus-keeper.js';
import { CardStatesController, type CardState } from '../../base/controllers/card-states.js';
import { LiveAnnouncer } from '../../base/controllers/live-announcer.js';
import { waitForCatalog } from '../../base/controllers/localize.js';
import { StoreBindingController } from '../../base/controllers/store-binding.js';
import { DashboardElement } from '../../base/dashboard-element.js';
import { listStyles } from '../../base/list.styles.js';
import { numberAttribute } from '../../base/number-attribute.js';
import { renderInvalidNote } from '../../base/invalid-items.js';
import type { DashboardError } from '../../contract/errors.js';
import type { Activity } from '../../contract/types.js';
import { ClockController } from '../../format/relative-time.js';
import { activityLogStrings } from '../../strings/activity-log.js';
import { cardStrings } from '../../strings/card.js';
import type { DashboardStrings } from '../../strings/strings.js';
import { activityLogStyles } from './activity-log.styles.js';
import { ActivityLogFilterChangeEvent, type ActivityLogFilter } from './activity-log.events.js';
import { CsvExport } from './csv-export.js';
import { adapterFilterOf } from './date-range.js';
import { ActivityErrorReport } from './error-report.js';
import { FilterBar, filterOf } from './filter-bar.js';
import { listOf, renderList, resultsText, showPendingAtTop } from './list-view.js';
import { LogNews } from './log-news.js';
import { PagedActivityQuery } from './paged-query.js';

export { ACTIVITY_LOG_PAGE_SIZE } from './paged-query.js';
export { ACTIVITY_LOG_EXPORT_PAGE_SIZE } from './export.js';
export { ACTIVITY_LOG_SEARCH_DEBOUNCE_MS, DEFAULT_ACTIONS, DEFAULT_RESOURCE_TYPES } from './filter-bar.js';
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
 * The API's resource types and actions (`strings/activity-names.ts`) are named
 * in the viewer's language, in the rows and in the filter menus, as
 * `<activity-feed>` names them; any other name shows as the data gives it.
 * The menus' values, the filters sent and the CSV keep the API's names, and
 * the search is the server's, over those names.
 *
 * The filters are reflected to attributes (`resource-type`, `action`, `from`,
 * `to`, `query`) so a host can keep them in its URL; setting them re-queries.
 * The viewer's changes fire `od-activity-log-filter-change`.
 * With `retentionDays` in the latest page, a note says how long entries are
 * kept and the date inputs start at the first day kept (see retention.ts).
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
 * @cssstate loading - While the first page is on its way.
 * @cssstate ready - Entries shown.
 * @cssstate empty - No entry (or none that matches the filters).
 * @cssstate error - Loading failed (with Retry).
 * @cssstate no-access - The viewer may not read the activity log.
 * @cssstate stale - Entries from before a failed refresh.
 * @cssstate access-hidden - Hidden: no access and `access-denied="hide"`.
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
 * @csspart retention - The note on how long entries are kept, below the filters.
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
 * @csspart load-more - Load more: reads on after many pages in a row brought no entry to show.
 * @csspart empty - The empty-state message.
 * @csspart clear-filters - The Clear filters button.
 * @csspart export - The Export CSV button.
 * @csspart export-progress - How many entries the running export has written.
 * @csspart export-cancel - The button that cancels a running export.
 * @csspart export-error - Why the last export failed, beside the Export button.
 * @csspart message - The error or no-access message.
 * @csspart error - The error message (also `message`).
 * @csspart no-access - The no-access notice (also `message`).
 * @csspart retry - The Retry buttons.
 * @csspart footer - The "last updated" note of the stale state, and the note on left-out entries.
 * @csspart stale - The "last updated" note of the stale state (also `footer`).
 * @csspart invalid-items - The note saying how many entries were left out as invalid (also a `footer`).
 *
 * @see The global design tokens (src/themes/tokens.ts; README, "Styling") this element's styles read are in its `cssProperties` in custom-elements.json, added from tokens.ts.
 * @cssprop [--od-activity-log-height=480px] - Height of the scrolling list, at most 85% of the viewport's (so it fits at 400% zoom).
 *
 * @fires od-activity-log-filter-change - The viewer changed the filters; `detail: { orgId, filter }`.
 * @fires od-export-csv - The viewer asked for a CSV export; cancelable, `detail: { orgId, filter }`.
 * @fires od-error - Entries failed to load; `detail: { error, resource: 'activity', orgId }`.
 */
export class ActivityLog extends DashboardElement {
  static override properties: PropertyDeclarations = {
    data: { attribute: false },
    headingLevel: { type: Number, attribute: 'heading-level', converter: numberAttribute },
    resourceType: { attribute: 'resource-type', reflect: true },
    action: { reflect: true },
    from: { reflect: true },
    to: { reflect: true },
    query: { reflect: true },
    resourceTypes: { attribute: false },
    actions: { attribute: false },
  };

  static override styles = [cardStyles, listStyles, activityLogStyles];

  /** Controlled mode: these activities, filtered here; nothing is fetched (property only). */
  data?: Activity[];

  /** The level of the heading, 1 to 6, to fit the host page's outline. */
  headingLevel = 2;

  /** Only entries of this resource type ("Workspaces"). */
  resourceType?: string;

  /** Only entries with this action ("Create"). */
  action?: string;

  /** Only entries on or after this day (`YYYY-MM-DD`). */
  from?: string;

  /** Only entries on or before this day (`YYYY-MM-DD`). */
  to?: string;

  /** Free-text search, matched by the server (the memory adapter: type, action, name and actor). */
  query?: string;

  /** The resource types the menu offers; default: DESIGN.md's plus those seen (property only). */
  resourceTypes?: string[];

  /** The actions the menu offers; default: Fetch, Fetch All, Create, Update, Delete plus those seen (property only). */
  actions?: string[];

  private readonly localize = this.createLocalize(() => [cardStrings, activityLogStrings]);
  private readonly report = new ActivityErrorReport(this);
  private readonly binding = new StoreBindingController(this, {
    target: () => (this.data === undefined ? this.storeTarget : undefined),
    subscribe: (store, changed) => [
      // At once, not a frame later: the first page is asked for as soon as access is known.
      store.subscribe('access', () => this.requestUpdate()),
      // Live entries render at most once per frame, however fast they come.
      store.subscribe('activity', () => {
        this.pages.takeLive();
        this.report.refreshFailed(store);
        changed();
      }),
    ],
    // The export reads this org through this adapter: its file would carry the next one's name.
    // Also when the log leaves the page, but not when it is only moved (see StoreBindingController).
    released: () => {
      this.csvExport.reset();
      this.report.clear();
      this.pages.release();
    },
  });
  private readonly pages = new PagedActivityQuery(this, {
    data: () => this.data,
    store: () => this.binding.store,
    filter: () => this.adapterFilter,
    atTop: () => (listOf(this)?.scrollTop ?? 0) <= 1,
    resultsChanged: () =>
      this.announcer.say(resultsText(this.pages.list, this.localize.strings, this.formatContext)),
    report: this.report,
  });
  private readonly filters = new FilterBar(this, () =>
    this.dispatchEvent(new ActivityLogFilterChangeEvent({ orgId: this.orgIdShown, filter: this.filter })),
  );
  private readonly csvExport = new CsvExport(this, {
    store: () => (this.data === undefined ? this.binding.store : undefined),
    entries: () => (this.data === undefined ? undefined : this.pages.list.entries),
    commitFilters: () => this.filters.commit(),
    orgId: () => this.binding.store?.orgId ?? this.effectiveOrgId,
    filter: () => this.adapterFilter,
    request: () => ({ orgId: this.orgIdShown, filter: this.filter }),
    strings: () => this.localize.strings,
    format: () => this.formatContext,
    announce: (text) => this.announcer.say(text),
    report: this.report,
  });
  private readonly announcer = new LiveAnnouncer(this);
  private readonly states = new CardStatesController(this);
  private readonly clock = new ClockController(this);
  private viewState: CardState = 'loading';

  constructor() {
    super();
    // Focus stays in the log when a render removes what had it (Retry, Load more): to the list.
    new FocusKeeper(this, { busy: () => this.viewState === 'loading', fallback: () => listOf(this) });
    // Live entries and a later page's failure, said without the viewer asking.
    new LogNews(this, {
      announcer: this.announcer,
      list: () => this.pages.list,
      live: () => this.data === undefined,
      strings: () => this.localize.strings,
      format: () => this.formatContext,
    });
  }

  /** What the log shows now: `loading`, `ready`, `empty`, `error`, `no-access` or `stale`. */
  get state(): CardState {
    return this.viewState;
  }

  /** Why the log is in `error` or `stale`, as a typed error. */
  get error(): DashboardError | undefined {
    return this.pages.errorFor(this.viewState);
  }

  /** The filters in effect, as the viewer chose them: `from` and `to` are calendar days. */
  get filter(): ActivityLogFilter {
    return filterOf(this);
  }

  /** Whether an export is running. */
  get exporting(): boolean {
    return this.csvExport.running;
  }

  /**
   * Downloads the entries that match the filters as CSV (UTF-8 with a byte
   * order mark, for Excel): fetched page by page with the current filters,
   * progress shown, cancellable with `cancelExport()`. Columns: time (ISO
   * 8601), resource type, action, resource name, actor. Values a spreadsheet
   * would run as formulas are written as text.
   */
  exportCsv(): Promise<void> {
    return this.csvExport.run();
  }

  /** Stops a running export; nothing is downloaded. */
  cancelExport(): void {
    this.csvExport.cancel();
  }

  /** The filters as the adapter receives them: days become instants in the viewer's time zone. */
  private get adapterFilter(): ActivityLogFilter {
    return adapterFilterOf(this.filter, this.formatContext.timeZone);
  }

  private get orgIdShown(): string {
    return this.binding.store?.orgId ?? this.effectiveOrgId ?? '';
  }

  private get isHidden(): boolean {
    return this.viewState === 'no-access' && this.effectiveAccessDenied === 'hide';
  }

  protected override scheduleUpdate(): void | Promise<unknown> {
    return waitForCatalog(this.localize, () => super.scheduleUpdate());
  }

  protected override getUpdateComplete(): Promise<boolean> {
    return this.binding.settle(() => super.getUpdateComplete());
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('query')) this.filters.queryChanged();
    this.binding.sync();
    this.pages.sync();
    this.viewState = this.pages.state;
    this.states.set(this.viewState, this.isHidden);
  }

  override render() {
    if (this.isHidden) return nothing;
    const strings = this.localize.strings;
    const state = this.viewState;
    const { list } = this.pages;
    const shown = state === 'ready' || state === 'stale';
    return renderCardFrame({
      lang: this.localize.lang,
      dir: this.localize.dir,
      busy: state === 'loading' || list.loadingMore,
      headingLevel: this.headingLevel,
      title: strings.activityLogTitle,
      header: html`<div class="header-actions">
        ${state === 'no-access' ? nothing : this.csvExport.render(strings, shown)}
        <slot name="header-actions"></slot>
      </div>`,
      body:
        state === 'no-access'
          ? renderNoAccess(strings)
          : html`${this.filters.render(strings, this.pages, this.clock.now, this.formatContext)}${this.renderList(strings)}`,
      footer: html`${shown || state === 'empty' ? (renderInvalidNote(list.leftOut, strings, this.formatContext) ?? nothing) : nothing}
      ${state === 'stale' ? renderStaleNote(this.pages.updatedAt, strings, this.formatContext, this.retry) : nothing}`,
      status: this.announcer.render(),
    });
  }

  private renderList(strings: DashboardStrings) {
    return renderList({
      state: this.viewState,
      list: this.pages.list,
      error: this.error,
      filtered: Object.keys(this.filter).length > 0,
      strings,
      format: this.formatContext,
      now: this.clock.now,
      retry: this.binding.store ? this.retry : undefined,
      clearFilters: this.filters.clear,
      showPending: () => showPendingAtTop(this.pages, this),
      rangeChanged: this.pages.rangeChanged,
    });
  }

  private readonly retry = (): void => this.pages.retry();
}
