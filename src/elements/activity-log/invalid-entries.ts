/**
 * Entries the log left out as invalid (DESIGN.md, "Lists"): the valid ones
 * stay, a short note says how many were left out (the cards' `invalidItems`
 * text and `invalid-items` part), and each fetched one is reported once
 * through `od-error`, as cards do (`InvalidItemsReport`).
 */
import { DashboardError, isDashboardError } from '../../contract/errors.js';
import { invalidItemKey, parseActivities, withInvalidItemsOf } from '../../contract/validation.js';
import type { Activity } from '../../contract/types.js';
import { newestActivityFirst } from '../../store/resources.js';

/**
 * Controlled `data`: validated, newest first, one entry per id. Invalid items
 * are left out, found through `invalidItemsOf(list)`; only a value that is
 * not a list at all throws `invalid-data`.
 */
export function parseActivityList(value: unknown): Activity[] {
  const parsed = parseActivities(value);
  return withInvalidItemsOf(parsed, [...parsed].sort(newestActivityFirst));
}

/** Controlled `data`, validated once per value the host sets: the list, or why it is no list. */
export function parseOrError(input: unknown): Activity[] | DashboardError {
  try {
    return parseActivityList(input);
  } catch (error) {
    return isDashboardError(error) ? error : new DashboardError('invalid-data', String(error));
  }
}

/** The left-out items of the list on screen, each counted once however many pages repeat it. */
export class LeftOutEntries {
  private readonly byKey = new Map<string, DashboardError>();

  /** Adds a page's left-out items; returns whether the count changed. */
  add(invalid: readonly DashboardError[]): boolean {
    const before = this.byKey.size;
    for (const error of invalid) {
      const key = invalidItemKey(error);
      if (!this.byKey.has(key)) this.byKey.set(key, error);
    }
    return this.byKey.size !== before;
  }

  get items(): readonly DashboardError[] {
    return [...this.byKey.values()];
  }

  clear(): void {
    this.byKey.clear();
  }
}
