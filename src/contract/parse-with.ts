/**
 * Runs a schema (schema.ts) over what an adapter returned: a value that does
 * not match becomes a `DashboardError` with code `invalid-data` and the path
 * of the first bad field, and the items a list left out (DESIGN.md, "Lists")
 * stay findable from the parsed list or page, one error each.
 */
import { DashboardError } from './errors.js';
import { collectLeftOut, Invalid, type Keys, type LeftOut, type Schema } from './schema.js';

/**
 * The items a list left out as invalid (DESIGN.md, "Lists"), by the parsed list or page they were
 * left out of: one `invalid-data` error per item, its `path` naming the item (`[1].kind`).
 */
const invalidItems = new WeakMap<object, readonly DashboardError[]>();

/** What identifies each left-out item across responses, so a card reports it once (see `invalidItemKey`). */
const itemKeys = new WeakMap<DashboardError, string>();

/** The items `parsed` (a list or page returned by a parse function here) left out; empty when none. */
export function invalidItemsOf(parsed: object): readonly DashboardError[] {
  return invalidItems.get(parsed) ?? [];
}

/**
 * `parsed`'s left-out items, carried over to `copy` (a sorted or filtered copy
 * of it), so whoever gets the copy can still find them. Returns `copy`.
 */
export function withInvalidItemsOf<T extends object>(parsed: object, copy: T): T {
  const errors = invalidItems.get(parsed);
  if (errors && copy !== parsed) invalidItems.set(copy, errors);
  return copy;
}

/**
 * What identifies a left-out item's problem across responses: the item's own
 * `id` (when it had one) with the problem, else its path with the problem. A
 * list that gains an entry at the top moves every index, not the items.
 */
export function invalidItemKey(error: DashboardError): string {
  return itemKeys.get(error) ?? `${error.path ?? ''}: ${error.message}`;
}

/** Objects that already passed validation, so a second look costs nothing. */
const validated = new WeakSet<object>();

function formatPath(keys: Keys): string {
  let path = '';
  for (const key of keys) path += typeof key === 'number' ? `[${key}]` : path ? `.${key}` : key;
  return path;
}

/** One `invalid-data` error per left-out item, paths taken from `base` on (the parsed value's own). */
function leftOutErrors(what: string, items: readonly LeftOut[], base: number): DashboardError[] {
  return items.map(({ invalid, itemId }) => {
    const keys = invalid.path.slice(base);
    const path = formatPath(keys);
    const error = new DashboardError(
      'invalid-data',
      `Left out an invalid item of ${what} at ${path}: ${invalid.message}`,
      { path },
    );
    // The path inside the item: its keys after the list's index.
    const listIndex = keys.findIndex((key) => typeof key === 'number');
    const within = formatPath(keys.slice(listIndex + 1));
    itemKeys.set(
      error,
      itemId === undefined
        ? `${path}: ${invalid.message}`
        : `${formatPath(keys.slice(0, listIndex))}#${JSON.stringify(itemId)} ${within}: ${invalid.message}`,
    );
    return error;
  });
}

/**
 * Validates `value` with `schema`. Left-out list items are recorded for
 * `invalidItemsOf` on what `holder` names (the output itself by default), with
 * paths from there on.
 */
export function parseWith<T>(
  schema: Schema<T>,
  what: string,
  value: unknown,
  holder: (output: T) => { owner: unknown; depth: number } = (output) => ({ owner: output, depth: 0 }),
): T {
  if (typeof value === 'object' && value !== null && validated.has(value)) return value as T;
  let parsed: { output: T; leftOut: LeftOut[] };
  try {
    parsed = collectLeftOut(() => schema(value, undefined));
  } catch (error) {
    if (!(error instanceof Invalid)) throw error;
    const path = formatPath(error.path);
    throw new DashboardError(
      'invalid-data',
      `Invalid ${what}${path ? ` at ${path}` : ''}: ${error.message}`,
      {
        path,
      },
    );
  }
  const { output, leftOut } = parsed;
  if (typeof output === 'object' && output !== null) validated.add(output);
  const { owner, depth } = holder(output);
  if (leftOut.length > 0 && typeof owner === 'object' && owner !== null)
    invalidItems.set(owner, leftOutErrors(what, leftOut, depth));
  return output;
}
