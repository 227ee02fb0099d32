/**
 * Which announcements a viewer dismissed, per organization and user: a JSON
 * list of ids under `od-announcements-dismissed:<org>[:<user-id>]`, kept
 * through `remembered.ts` (best-effort storage, memory for the session where
 * storage fails, followed across panels and tabs).
 */
import {
  forgetRememberedInMemory,
  onRememberedChange,
  readRemembered,
  rememberedKey,
  writeRemembered,
} from './remembered.js';

const PREFIX = 'od-announcements-dismissed';

/**
 * Older dismissals of announcements no longer served are forgotten beyond this many, so the stored
 * list never grows without bound; those of announcements still served are all kept.
 */
const MAX_REMEMBERED = 500;

/** The storage key of an org's (and user's) dismissals. */
export function dismissalKey(orgId: string, userId?: string): string {
  return rememberedKey(PREFIX, orgId, userId);
}

/** Ids from stored JSON; anything unreadable counts as nothing dismissed. */
function parse(raw: string | null): string[] {
  if (!raw) return [];
  try {
    const value: unknown = JSON.parse(raw);
    return Array.isArray(value) ? value.filter((id): id is string => typeof id === 'string') : [];
  } catch {
    return [];
  }
}

/** The dismissed ids for a key, oldest dismissal first. */
export function readDismissed(key: string): readonly string[] {
  return parse(readRemembered(key));
}

/** Replaces the dismissed ids for a key (none: the key is removed); `served`: the ids the org still serves. */
export function writeDismissed(key: string, ids: readonly string[], served: ReadonlySet<string>): string[] {
  let excess = ids.length - MAX_REMEMBERED;
  const kept = ids.filter((id) => served.has(id) || excess-- <= 0);
  writeRemembered(key, kept.length ? JSON.stringify(kept) : null);
  return kept;
}

/** Calls `listener` whenever the list for `key` changes (on this page or in another tab). */
export const onDismissalsChange = onRememberedChange;

/** Forgets what this page remembered in memory, dismissals and read marks (for tests: a fresh page). */
export const forgetDismissalsInMemory = forgetRememberedInMemory;
