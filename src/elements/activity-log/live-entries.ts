/**
 * Live entries in time order (DESIGN.md, "Live events"): an entry older than
 * what the log shows is inserted at its place, not dropped. Where it goes
 * decides how: below the rows the reader sees it goes in at once (nothing in
 * view moves), above them it waits behind the "New entries" button, and
 * older than every loaded page it is left to the pages, which bring it.
 */
import type { Activity } from '../../contract/types.js';
import { newestActivityFirst } from '../../store/resources.js';

/** Where `activity` goes in a newest-first list: after every entry that sorts before it. */
export function placeOf(list: readonly Activity[], activity: Activity): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (newestActivityFirst(list[middle], activity) <= 0) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** A newest-first list with `items` inserted at their places (the list itself is left as it was). */
export function insertInOrder(list: readonly Activity[], items: readonly Activity[]): Activity[] {
  const result = [...list];
  for (const activity of [...items].sort(newestActivityFirst)) {
    result.splice(placeOf(result, activity), 0, activity);
  }
  return result;
}

export interface LivePlacement {
  /** Goes into the list now. */
  insert: Activity[];
  /** Waits behind the "New entries" button. */
  hold: Activity[];
}

/**
 * Sorts live entries by where they would land in `entries`.
 *
 * @param atTop the reader is at the top with nothing held back: everything goes in now
 * @param renderedLast the index of the last rendered row (rows after it are not on screen)
 * @param complete every page is loaded: nothing is left to the pages
 */
export function placeLive(
  entries: readonly Activity[],
  fresh: readonly Activity[],
  { atTop, renderedLast, complete }: { atTop: boolean; renderedLast: number; complete: boolean },
): LivePlacement {
  const placement: LivePlacement = { insert: [], hold: [] };
  const oldest = entries.at(-1);
  for (const activity of fresh) {
    // Older than everything loaded while pages remain: a later page brings it, at its place.
    if (!complete && oldest && newestActivityFirst(oldest, activity) < 0) continue;
    if (atTop || placeOf(entries, activity) > renderedLast) placement.insert.push(activity);
    else placement.hold.push(activity);
  }
  return placement;
}
