/**
 * Reading on past pages of `<activity-log>` that add no entry. A page can
 * bring nothing the list lacks: a server that filters after a bounded scan
 * sends empty pages that still have a cursor, and offset cursors repeat
 * entries already shown once entries arrive at the top. Such a page leaves
 * the list as it was, so the virtualizer's range does not change and it never
 * asks for the next page: the next one is read at once instead, for as long as
 * the view still needs rows. A bound on such pages in a row keeps a server
 * that sends empty pages for ever from drawing the log into a request loop.
 */
import type { CardState } from '../../base/controllers/card-states.js';
import type { ActivityPage } from '../../contract/types.js';
import type { EntryList, PagedList } from './entry-list.js';

/**
 * Pages in a row that add no entry, read without the reader asking; then the
 * log waits for its Load more button (per query, scroll or click, so at most
 * this many requests follow one another on their own).
 */
const MAX_PAGES_WITHOUT_ENTRIES = 10;
/** The next page is fetched when the rendered rows come this close to the end of what is loaded. */
const PREFETCH_ROWS = 10;

/** Whether the rows in view reach (near) the end of what is loaded, or nothing is shown at all. */
export function needsRows(list: EntryList): boolean {
  return list.entries.length === 0 || list.renderedLast >= list.entries.length - 1 - PREFETCH_ROWS;
}

/**
 * The state of a query's list once its first page is in. Showing nothing, it
 * is `empty` only when the last page is read: while the server has more
 * pages it is `loading` as they are read, `error` when one failed (Retry
 * reads on from it), and `ready` with Load more once the reading paused.
 * `stale` when a later page failed, or the live entries (`liveStale`) are behind.
 */
export function stateOfPages(list: PagedList, liveStale: boolean): CardState {
  if (list.entries.length === 0 && list.pending.length === 0) {
    if (list.nextCursor === null) return 'empty';
    if (list.loadingMore) return 'loading';
    if (list.moreError) return 'error';
  }
  return list.moreError || liveStale ? 'stale' : 'ready';
}

/**
 * Reads pages into `list` from `cursor` on, the next as soon as one adds no
 * entry. Returns after a page that adds entries (the virtualizer takes over
 * from there), the last page, a page after which the view has the rows it
 * needs (the reader scrolled up meanwhile), or once `signal` is aborted. When
 * `MAX_PAGES_WITHOUT_ENTRIES` pages in a row added nothing (counting
 * `pagesWithoutEntries` read before) it sets `list.pausedAfterEmptyPages` and
 * returns. Throws what `fetchPage` throws.
 */
export async function readOn(
  list: EntryList,
  cursor: string,
  fetchPage: (cursor: string) => Promise<ActivityPage>,
  signal: AbortSignal,
  pagesWithoutEntries = 0,
): Promise<void> {
  let emptyInARow = pagesWithoutEntries;
  let next: string | null = cursor;
  while (next !== null) {
    const page = await fetchPage(next);
    if (signal.aborted) return;
    next = list.nextCursor = page.nextCursor;
    if (list.append(page.items) > 0) return;
    emptyInARow += 1;
    if (next !== null && emptyInARow >= MAX_PAGES_WITHOUT_ENTRIES) {
      list.pausedAfterEmptyPages = true;
      return;
    }
    if (!needsRows(list)) return;
  }
}
