/**
 * The log's CSV export: every entry that matches the filters, fetched page by
 * page from one adapter and org, fixed when the export starts. The element
 * aborts it when the org, the adapter or the page changes, so a file never
 * mixes two orgs' rows or carries another org's name.
 */
import { DashboardError } from '../../contract/errors.js';
import type { Activity, ActivityFilter, ActivityPage, DashboardAdapter } from '../../contract/types.js';
import { invalidItemsOf, parseActivityPage } from '../../contract/validation.js';
import type { ActivityLogFilter } from './activity-log.events.js';
import { UTF8_BOM, activityCsvRow, csvHeader } from './csv.js';

/** Entries per request while exporting (the REST API's largest page). */
export const ACTIVITY_LOG_EXPORT_PAGE_SIZE = 200;

/** What an export reads from: fixed when it starts. */
export interface ExportSource {
  adapter: DashboardAdapter;
  orgId: string;
  /** As the adapter receives it (days already turned into instants). */
  filter: ActivityLogFilter;
}

export interface CsvFile {
  /** The file's parts: byte order mark, heading row, one row per entry. */
  chunks: string[];
  /** Entries written. */
  count: number;
  /** Items the server sent that could not be read and were left out. */
  invalid: readonly DashboardError[];
}

/** One page, validated: invalid items are left out and listed (DESIGN.md, "Lists"). */
export async function fetchActivityPage(
  adapter: DashboardAdapter,
  orgId: string,
  query: ActivityLogFilter,
  cursor: string | null,
  limit: number,
  signal: AbortSignal,
): Promise<{ page: ActivityPage; invalid: readonly DashboardError[] }> {
  const filter: ActivityFilter = { ...query, limit, signal };
  if (cursor) filter.cursor = cursor;
  const page = parseActivityPage(await adapter.listActivities(orgId, filter));
  return { page, invalid: invalidItemsOf(page) };
}

const cancelled = () => new DashboardError('aborted', 'The export was cancelled.');

/** `work`, or an `aborted` error as soon as `signal` is aborted, for adapters that do not stop on it. */
function unlessAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(cancelled());
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(cancelled());
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/** The CSV of a list already on hand (controlled mode). */
export function csvOf(entries: readonly Activity[], header: string): CsvFile {
  return {
    chunks: [UTF8_BOM, csvHeader(header), ...entries.map(activityCsvRow)],
    count: entries.length,
    invalid: [],
  };
}

/**
 * Every matching entry as CSV rows, one per id. A backend that hands out a
 * cursor it already gave would loop forever: that stops the export with
 * `invalid-data`. Throws `aborted` once `signal` is aborted.
 */
export async function collectActivityCsv(
  source: ExportSource,
  header: string,
  signal: AbortSignal,
  onProgress: (count: number) => void,
): Promise<CsvFile> {
  const chunks = [UTF8_BOM, csvHeader(header)];
  const written = new Set<string>();
  const cursors = new Set<string>();
  const invalid: DashboardError[] = [];
  let cursor: string | null = null;
  do {
    const { page, invalid: leftOut }: { page: ActivityPage; invalid: readonly DashboardError[] } =
      await unlessAborted(
        fetchActivityPage(
          source.adapter,
          source.orgId,
          source.filter,
          cursor,
          ACTIVITY_LOG_EXPORT_PAGE_SIZE,
          signal,
        ),
        signal,
      );
    if (signal.aborted) throw cancelled();
    invalid.push(...leftOut);
    for (const activity of page.items) {
      if (written.has(activity.id)) continue;
      written.add(activity.id);
      chunks.push(activityCsvRow(activity));
    }
    onProgress(written.size);
    cursor = page.nextCursor;
    if (cursor !== null) {
      if (cursors.has(cursor)) {
        throw new DashboardError(
          'invalid-data',
          `Invalid activity pages: the cursor "${cursor.slice(0, 100)}" came back again, so the export would never end.`,
          { path: 'nextCursor' },
        );
      }
      cursors.add(cursor);
    }
  } while (cursor);
  return { chunks, count: written.size, invalid };
}
