/** CSV for spreadsheets: RFC 4180 quoting, and no cell a spreadsheet would run as a formula. */
import type { Activity } from '../../contract/types.js';
import { isoInstant } from '../../format/format.js';

/** What spreadsheets read as the start of a formula (OWASP "CSV injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** The byte order mark that makes Excel read the file as UTF-8. */
export const UTF8_BOM = '\uFEFF';

/**
 * One cell: a value that starts like a formula gets a leading `'` (so it shows
 * as text), and a value with a comma, quote or line break is quoted with its
 * quotes doubled.
 */
export function csvCell(value: string | undefined): string {
  let text = value ?? '';
  if (FORMULA_START.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvRow(values: readonly (string | undefined)[]): string {
  return `${values.map(csvCell).join(',')}\r\n`;
}

/** An activity's row: time (ISO 8601, UTC), resource type, action, resource name, actor. */
export function activityCsvRow(activity: Activity): string {
  return csvRow([
    isoInstant(activity.occurredAt) || activity.occurredAt,
    activity.resourceType,
    activity.action,
    activity.resourceName,
    activity.actor?.name,
  ]);
}

/** The heading row from a comma-separated list of (translatable) column names. */
export function csvHeader(names: string): string {
  return csvRow(names.split(',').map((name) => name.trim()));
}
