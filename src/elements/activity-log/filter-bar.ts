/**
 * The log's filter bar: resource type and action menus, a date range and a
 * search field. The filters themselves are the log's reflected properties;
 * the bar keeps only what the viewer is typing, sent once typing pauses.
 */
import { html, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { actionName, resourceTypeName } from '../../base/activity-text.js';
import { whenStillOffPage } from '../../base/left-page.js';
import type { FormatContext } from '../../format/format.js';
import type { DashboardStrings } from '../../strings/strings.js';
import type { ActivityLogFilter } from './activity-log.events.js';
import { DayInputs } from './day-inputs.js';
import { renderRetentionNote, retentionAt, type Retention } from './retention.js';

/** Typing pauses this long before a search is sent. */
export const ACTIVITY_LOG_SEARCH_DEBOUNCE_MS = 300;

/** Offered in the menus besides what the data shows (DESIGN.md's examples). */
export const DEFAULT_RESOURCE_TYPES: readonly string[] = ['Organization', 'Plans', 'Invoices', 'Workspaces'];
export const DEFAULT_ACTIONS: readonly string[] = ['Fetch', 'Fetch All', 'Create', 'Update', 'Delete'];

const FILTER_KEYS = ['resourceType', 'action', 'from', 'to', 'query'] as const;
type FilterKey = (typeof FILTER_KEYS)[number];

/** The element the bar belongs to: its filter properties and the menus' options. */
export type FilterHost = ReactiveControllerHost &
  HTMLElement & { [key in FilterKey]?: string } & {
    readonly renderRoot: HTMLElement | DocumentFragment;
    resourceTypes?: string[];
    actions?: string[];
  };

/** The filters set, trimmed; empty ones left out. */
export function filterOf(values: { [key in FilterKey]?: string }): ActivityLogFilter {
  const filter: ActivityLogFilter = {};
  for (const key of FILTER_KEYS) {
    const value = values[key]?.trim();
    if (value) filter[key] = value;
  }
  return filter;
}

/** Options of a filter menu: the host's list, or the defaults plus what the data showed; the current value always. */
export function menuOptions(
  given: readonly string[] | undefined,
  defaults: readonly string[],
  seen: ReadonlySet<string>,
  current?: string,
): string[] {
  const options = new Set(given ?? defaults);
  if (!given) for (const value of [...seen].sort()) options.add(value);
  if (current) options.add(current);
  return [...options];
}

export class FilterBar implements ReactiveController {
  /** What the search field holds: ahead of `query` while the viewer types. */
  private searchDraft = '';
  private searchTimer?: ReturnType<typeof setTimeout>;
  /** The next `query` change comes from the viewer's typing: the field keeps what they typed. */
  private queryFromUser = false;
  private retention?: Retention;
  /** The date inputs: days typed count once typing pauses; days out of bounds are refused. */
  private readonly days: DayInputs;

  /** `changed` runs after each change the viewer makes (not the host's). */
  constructor(
    private readonly host: FilterHost,
    private readonly changed: () => void,
  ) {
    host.addController(this);
    this.days = new DayInputs(host, {
      set: (key, value) => this.set(key, value),
      retention: () => this.retention,
      field: (key) => host.renderRoot.querySelector<HTMLInputElement>(`[part~="${key}-filter"]`),
      pauseMs: ACTIVITY_LOG_SEARCH_DEBOUNCE_MS,
    });
  }

  hostDisconnected(): void {
    // A move keeps the search and days being typed. Removed, nothing of them runs on an element no one sees.
    whenStillOffPage(this.host, () => {
      clearTimeout(this.searchTimer);
      this.days.reset();
    });
  }

  /** Call in `willUpdate` when `query` changed: a value the host set replaces what the field holds. */
  queryChanged(): void {
    if (!this.queryFromUser) {
      clearTimeout(this.searchTimer);
      this.searchDraft = this.host.query ?? '';
    }
    this.queryFromUser = false;
  }

  /** Empties every filter and puts focus on the first menu. */
  readonly clear = (): void => {
    clearTimeout(this.searchTimer);
    const hadFilter = Object.keys(filterOf(this.host)).length > 0;
    for (const key of FILTER_KEYS) this.host[key] = undefined;
    this.searchDraft = '';
    this.days.reset();
    this.host.requestUpdate();
    if (hadFilter) this.changed();
    void this.host.updateComplete.then(() =>
      this.host.renderRoot.querySelector<HTMLElement>('select')?.focus(),
    );
  };

  /**
   * `query.seen`: what the data showed, for the menus; `query.retentionDays`: how long the server
   * keeps entries (the date inputs start at the first day kept as of `now`).
   */
  render(
    strings: DashboardStrings,
    query: { seen: { types: ReadonlySet<string>; actions: ReadonlySet<string> }; retentionDays?: number },
    now: number,
    format: FormatContext,
  ) {
    const { host } = this;
    const { seen } = query;
    const retention = (this.retention = retentionAt(query.retentionDays, now, format.timeZone));
    const first = retention?.firstDay;
    const from = this.days.shown('from');
    const to = this.days.shown('to');
    const types = menuOptions(host.resourceTypes, DEFAULT_RESOURCE_TYPES, seen.types, host.resourceType);
    const actions = menuOptions(host.actions, DEFAULT_ACTIONS, seen.actions, host.action);
    return html`
      <form part="filters" role="search" aria-label=${strings.activityLogFilters} @submit=${this.onSubmit}>
        <label part="filter">
          ${strings.activityLogResourceType}
          ${this.renderMenu('resourceType', 'resource-type-filter', types, strings)}
        </label>
        <label part="filter">
          ${strings.activityLogAction} ${this.renderMenu('action', 'action-filter', actions, strings)}
        </label>
        <label part="filter">
          ${strings.activityLogFrom} ${this.days.render('from', { min: first, max: host.to })}
        </label>
        <label part="filter">
          ${strings.activityLogTo} ${this.days.render('to', { min: latest(first, host.from) })}
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
      ${renderRetentionNote(retention, from || to, strings, format)}
    `;
  }

  private renderMenu(
    key: 'resourceType' | 'action',
    part: string,
    options: string[],
    strings: DashboardStrings,
  ): TemplateResult {
    const current = this.host[key] ?? '';
    // Each option says its name in the viewer's language; its value stays the API's, which filters.
    const label = key === 'resourceType' ? resourceTypeName : actionName;
    return html`<select
      part=${part}
      @change=${(e: Event) => this.set(key, (e.target as HTMLSelectElement).value)}
    >
      <option value="" ?selected=${current === ''}>${strings.activityLogAll}</option>
      ${options.map(
        (value) =>
          html`<option .value=${value} ?selected=${value === current}>${label(value, strings)}</option>`,
      )}
    </select>`;
  }

  private set(key: FilterKey, value: string): void {
    const next = value.trim() || undefined;
    if ((this.host[key]?.trim() || undefined) === next) return;
    this.host[key] = next;
    this.changed();
  }

  private readonly onSearchInput = (event: Event): void => {
    this.searchDraft = (event.target as HTMLInputElement).value;
    this.host.requestUpdate();
    clearTimeout(this.searchTimer);
    this.searchTimer = setTimeout(this.applySearch, ACTIVITY_LOG_SEARCH_DEBOUNCE_MS);
  };

  private readonly applySearch = (): void => {
    clearTimeout(this.searchTimer);
    this.searchTimer = undefined;
    const next = this.searchDraft.trim() || undefined;
    if ((this.host.query?.trim() || undefined) === next) return;
    this.queryFromUser = true;
    this.host.query = next;
    this.changed();
  };

  /** Applies the days and the search being typed now, without waiting for typing to pause. */
  readonly commit = (): void => {
    this.days.commit();
    this.applySearch();
  };

  private readonly onSubmit = (event: Event): void => {
    event.preventDefault();
    this.commit();
  };
}

/** The later of two `YYYY-MM-DD` days, either possibly missing. */
function latest(a: string | undefined, b: string | undefined): string | undefined {
  return a && b ? (a > b ? a : b) : a || b;
}
