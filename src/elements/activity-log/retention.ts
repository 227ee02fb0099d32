/**
 * How long the server keeps the log's entries (`ActivityPage.retentionDays`,
 * DESIGN.md "Retention"): the log says so in a short note, and its date
 * inputs start at the first day still kept, a calendar day in the viewer's
 * time zone ("Dates as filters").
 *
 * Entries are kept for a duration: the oldest one left is at most
 * `retentionDays` × 24 hours old (exact time, as a server purging by age
 * counts it; a daylight-saving change in between moves no instant). The
 * first day still kept is the day that instant falls on in the viewer's zone,
 * the whole of it: its earlier hours may be gone, but a bound any later would
 * hide entries that are still there.
 *
 * A day before it that the viewer picks is refused by the input (its native
 * `min` validity; the filter keeps its value). One the host sets (a `from` in
 * its URL) is shown as it is and sent as it is, since the server has nothing
 * older anyway, and the note adds that entries before the first day are gone.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { formatCalendarDate, type FormatContext } from '../../format/format.js';
import { fillPlural } from '../../i18n/plural.js';
import type { DashboardStrings } from '../../strings/strings.js';
import { fill } from '../../strings/template.js';
import { calendarDayAt, DAY_MS } from '../../format/calendar-day.js';
import { effectiveTimeZone } from './date-range.js';

/** What the log knows of the server's retention. */
export interface Retention {
  /** Days entries are kept, as the latest page received said. */
  readonly days: number;
  /** The first calendar day (`YYYY-MM-DD`, the viewer's zone) that may still hold entries; undefined when none can be named. */
  readonly firstDay?: string;
}

/**
 * The retention of `days` (from the latest page; undefined, zero, negative or
 * not a number: none) as of `now`, with days in `timeZone`, else the browser's.
 */
export function retentionAt(days: number | undefined, now: number, timeZone?: string): Retention | undefined {
  if (days === undefined || !(days > 0) || !Number.isFinite(days)) return undefined;
  return { days, firstDay: calendarDayAt(now - days * DAY_MS, effectiveTimeZone(timeZone)) };
}

/** Whether a `YYYY-MM-DD` day is before the first day still kept (4-digit years compare as strings). */
export function beforeRetention(day: string | undefined, retention: Retention | undefined): boolean {
  const first = retention?.firstDay;
  return Boolean(first && day && /^\d{4}-\d{2}-\d{2}$/.test(day) && day < first);
}

/** The id the date inputs' `aria-describedby` names. */
export const RETENTION_NOTE_ID = 'retention-note';

/**
 * "Entries are kept for 90 days.", and when the range shown starts earlier
 * (`earliest`, the first day the date inputs show) "Entries before Sep 3,
 * 2026 are no longer kept." Nothing without a retention.
 */
export function renderRetentionNote(
  retention: Retention | undefined,
  earliest: string | undefined,
  strings: DashboardStrings,
  format: FormatContext,
): TemplateResult | typeof nothing {
  if (!retention) return nothing;
  const kept = fillPlural(strings.activityLogRetention, retention.days, format);
  const gone =
    retention.firstDay && beforeRetention(earliest, retention)
      ? fill(strings.activityLogRetentionBefore, { date: formatCalendarDate(retention.firstDay, format) })
      : '';
  return html`<p part="retention" id=${RETENTION_NOTE_ID}>${gone ? `${kept} ${gone}` : kept}</p>`;
}
