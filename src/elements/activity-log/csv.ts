/** CSV for spreadsheets: RFC 4180 quoting, and no cell a spreadsheet would run as a formula. */
import type { Activity } from '../../contract/types.js';
import { isoInstant } from '../../format/format.js';

/** What spreadsheets read as the start of a formula (OWASP "CSV injection"). */
const FORMULA_START = /^[=+\-@]/;
/** OWASP's list also counts a leading tab or carriage return. */
const CONTROL_START = /^[\t\r]/;
/**
 * What a spreadsheet may skip before it looks for a formula: white space of
 * any kind (ideographic, no-break...), control and invisible format
 * characters (zero-width space, byte order mark).
 */
const IGNORED_LEAD = /^[\p{White_Space}\p{Cc}\p{Cf}]+/u;

/**
 * Whether a value could run as a formula: after the leading characters a
 * spreadsheet may skip, and with full-width and small forms (`＝`, `﹢`, `－`,
 * `＠`) folded to ASCII the way NFKC folds them.
 */
function looksLikeFormula(text: string): boolean {
  return CONTROL_START.test(text) || FORMULA_START.test(text.normalize('NFKC').replace(IGNORED_LEAD, ''));
}
const NEEDS_QUOTES = /[",\r\n]/;

/** The byte order mark that makes Excel read the file as UTF-8. */
export const UTF8_BOM = '\uFEFF';

/**
 * One cell: a value that starts like a formula (see `looksLikeFormula`) gets
 * a leading `'` (so it shows as text), and a value with a comma, quote or line break is quoted with its
 * quotes doubled.
 */
export function csvCell(value: string | undefined): string {
  let text = value ?? '';
  if (looksLikeFormula(text)) text = `'${text}`;
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
