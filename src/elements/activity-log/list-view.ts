/**
 * The log's list in each state: a skeleton while loading, the error with
 * Retry, the empty state with Clear filters, or the entries, of which only
 * the rows in view are in the DOM. After pages that added no entry the
 * reading pauses (read-on.ts): a note and Load more, below the entries or in
 * their place. Load more stays where it is (aria-disabled) while the page it
 * asked for loads, so keyboard focus stays on it, and goes to what takes its
 * place once the page is in.
 */
import { virtualize } from '@lit-labs/virtualizer/virtualize.js';
import { html, nothing, type TemplateResult } from 'lit';
import { renderErrorMessage } from '../../base/card-frame.js';
import type { CardState } from '../../base/controllers/card-states.js';
import type { DashboardError } from '../../contract/errors.js';
import type { Activity } from '../../contract/types.js';
import { formatNumber, type FormatContext } from '../../format/format.js';
import type { DashboardStrings } from '../../strings/strings.js';
import { fill } from '../../strings/template.js';
import { errorText, renderEntry, renderSkeleton } from './entry-view.js';
import type { PagedList } from './entry-list.js';

export interface ListView {
  state: CardState;
  list: PagedList;
  /** Why the list is in `error`. */
  error?: DashboardError;
  /** Whether any filter is set (the empty state then offers to clear them). */
  filtered: boolean;
  strings: DashboardStrings;
  format: FormatContext;
  now: number;
  /**
   * Retry after an error, or read on after pages without entries (Load more);
   * undefined where there is nothing to retry or load (controlled data).
   */
  retry?: () => void;
  clearFilters: () => void;
  showPending: () => void;
  rangeChanged: (event: { last?: number }) => void;
}

export function renderList(view: ListView): TemplateResult {
  const { strings } = view;
  switch (view.state) {
    case 'loading':
      if (askedFor(view.list)) return renderNothingYet(view);
      return html`<span class="visually-hidden">${strings.loading}</span>${renderSkeleton()}`;
    case 'error':
      return html`<div class="list-placeholder">${renderErrorMessage(view.error, strings, view.retry)}</div>
        <p class="list-footer"></p>`;
    case 'empty':
      return html`<div class="list-placeholder">${renderEmpty(view)}</div>
        <p class="list-footer"></p>`;
    default:
      return view.list.entries.length === 0 && view.list.pending.length === 0
        ? renderNothingYet(view)
        : renderEntries(view);
  }
}

/** Pages without entries paused the reading before any showed: the note and Load more, where the list goes. */
function renderNothingYet(view: ListView): TemplateResult {
  return html`<div class="list-placeholder">
      <div class="empty-box">${renderPaused(view)}</div>
    </div>
    <p class="list-footer"></p>`;
}

/**
 * Why the log stopped reading though the server has more, and the button that reads on; while the
 * page it asked for loads, that it is loading, and the button, aria-disabled.
 */
function renderPaused(view: ListView): TemplateResult {
  const { strings, retry, list } = view;
  const loading = list.loadingMore;
  return html`<span class="empty"
      >${loading ? strings.activityLogLoadingMore : strings.activityLogPausedAfterEmptyPages}</span
    >
    ${
      retry
        ? html`<button
            part="load-more"
            type="button"
            aria-disabled=${loading ? 'true' : 'false'}
            @click=${() => loadMore(view)}
          >
            ${strings.activityLogLoadMore}
          </button>`
        : nothing
    }`;
}

/** The note below the entries: loading, a failed page, or the paused reading with Load more. */
function renderFooter(view: ListView): TemplateResult | string {
  const { list, strings } = view;
  // Read on every footer, so the mark of a page asked for ends with that page.
  const wasAsked = askedFor(list);
  if (list.loadingMore) return wasAsked ? renderPaused(view) : strings.activityLogLoadingMore;
  if (list.moreError) return errorText(list.moreError.code, strings);
  return list.pausedAfterEmptyPages ? renderPaused(view) : '';
}

/** The lists whose page loading now is the one the viewer asked for with Load more. */
const asked = new WeakSet<PagedList>();

function askedFor(list: PagedList): boolean {
  // A later page (the reader scrolled on) is read without asking: "Loading more…" alone.
  if (!list.loadingMore) asked.delete(list);
  return asked.has(list);
}

function loadMore({ list, retry }: ListView): void {
  if (!retry || list.loadingMore) return;
  retry();
  // Asked for: the button stays (aria-disabled) while its page loads, so focus stays on it; once
  // the page is in, the log's FocusKeeper takes focus to what is there instead (the list).
  if (list.loadingMore) asked.add(list);
}

function renderEmpty({ filtered, strings, clearFilters }: ListView): TemplateResult {
  return html`<div class="empty-box">
    <slot name="empty"
      ><p part="empty" class="empty">
        ${filtered ? strings.activityLogNoMatches : strings.activityLogEmpty}
      </p></slot
    >
    ${
      filtered
        ? html`<button part="clear-filters" type="button" @click=${clearFilters}>
            ${strings.activityLogClearFilters}
          </button>`
        : nothing
    }
  </div>`;
}

function renderEntries(view: ListView): TemplateResult {
  const { list, strings, format, now, showPending, rangeChanged } = view;
  // The DOM holds only the rows in view, so each says where it is in the whole list.
  const setSize = list.nextCursor ? -1 : list.entries.length;
  return html`
    <div class="list-wrap">
      ${
        list.pending.length > 0
          ? html`<div class="new-entries">
              <button part="new-entries" type="button" @click=${showPending}>
                ${fill(strings.activityLogNewEntries, { count: formatNumber(list.pending.length, format) })}
              </button>
            </div>`
          : nothing
      }
      <div
        part="list"
        role="list"
        aria-label=${strings.activityLogList}
        tabindex="0"
        @rangeChanged=${rangeChanged}
      >
        ${virtualize({
          items: list.entries,
          // The virtualizer may ask once for a range of the previous, longer list: skip the gaps.
          keyFunction: (activity: Activity | undefined, index: number) => activity?.id ?? index,
          renderItem: (activity: Activity | undefined, index: number) =>
            activity ? renderEntry(activity, index, setSize, strings, format, now) : html``,
          scroller: true,
        })}
      </div>
    </div>
    <p part="loading-more" class="list-footer">${renderFooter(view)}</p>
  `;
}

/** What a new query found, for the status region: how many, or that nothing matches. */
export function resultsText(list: PagedList, strings: DashboardStrings, format: FormatContext): string {
  const count = list.entries.length;
  if (count === 0)
    return list.nextCursor ? strings.activityLogPausedAfterEmptyPages : strings.activityLogNoMatches;
  const text = list.nextCursor ? strings.activityLogResultsMore : strings.activityLogResults;
  return fill(text, { count: formatNumber(count, format) });
}

/** The log's scrolling list, when rendered. */
export function listOf(log: { renderRoot: ParentNode }): HTMLElement | null {
  return log.renderRoot.querySelector<HTMLElement>('[part~="list"]');
}

/** Scrolls the list (when rendered) to its top, where live entries arrive; returns it. */
function scrollToTop(list: HTMLElement | null): HTMLElement | null {
  if (list) list.scrollTop = 0;
  return list;
}

/** Shows the held-back live entries at the top; focus stays in the log, on the list (the button goes away). */
export async function showPendingAtTop(
  pages: { showPending(): void },
  log: { renderRoot: ParentNode; updateComplete: Promise<unknown> },
): Promise<void> {
  pages.showPending();
  scrollToTop(listOf(log));
  await log.updateComplete;
  scrollToTop(listOf(log))?.focus();
}
