/**
 * Which announcements a viewer dismissed, per organization and user, kept in
 * `localStorage` so they stay dismissed across reloads.
 *
 * Storage is best effort: it may be disabled (SecurityError when reading
 * `localStorage` at all), full (QuotaExceededError), or hold something that is
 * not our JSON. None of that throws: what this page wrote lives on in memory
 * for the session, and every panel on the page sees it.
 */
import { encodeSegment } from '../../contract/links.js';

const PREFIX = 'od-announcements-dismissed';

/** Older dismissals are forgotten beyond this many, so the stored list never grows without bound. */
const MAX_REMEMBERED = 500;

/** What this page wrote; wins over storage, which may have refused the write. */
const memory = new Map<string, readonly string[]>();
const listeners = new Map<string, Set<() => void>>();

/**
 * The storage key. With a user id the list is that user's; without one it is
 * this browser's for the organization. Parts are URI-encoded, so `:` never
 * appears inside one and no two (org, user) pairs share a key.
 */
export function dismissalKey(orgId: string, userId?: string): string {
  const org = encodeSegment(orgId);
  return userId ? `${PREFIX}:${org}:${encodeSegment(userId)}` : `${PREFIX}:${org}`;
}

function storage(): Storage | undefined {
  try {
    return globalThis.localStorage ?? undefined;
  } catch {
    return undefined;
  }
}

/** Ids from stored JSON; anything unreadable counts as nothing dismissed. */
function parse(raw: string | null | undefined): string[] {
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
  const remembered = memory.get(key);
  if (remembered) return remembered;
  try {
    return parse(storage()?.getItem(key));
  } catch {
    return [];
  }
}

/** Replaces the dismissed ids for a key: in memory always, in storage when it lets us. */
export function writeDismissed(key: string, ids: readonly string[]): void {
  const kept = ids.slice(-MAX_REMEMBERED);
  memory.set(key, kept);
  try {
    const store = storage();
    if (kept.length) store?.setItem(key, JSON.stringify(kept));
    else store?.removeItem(key);
  } catch {
    // Full or disabled: memory keeps it for this session.
  }
  notify(key);
}

function notify(key: string): void {
  for (const listener of [...(listeners.get(key) ?? [])]) listener();
}

/** Another tab changed a list: take its value, as if this page had written it. */
function onStorage(event: StorageEvent): void {
  if (event.key === null) {
    // `clear()` in another tab.
    const keys = [...memory.keys()];
    memory.clear();
    for (const key of new Set([...keys, ...listeners.keys()])) notify(key);
    return;
  }
  if (!event.key.startsWith(`${PREFIX}:`)) return;
  memory.set(event.key, parse(event.newValue));
  notify(event.key);
}

/** Calls `listener` whenever the list for `key` changes (on this page or in another tab). */
export function onDismissalsChange(key: string, listener: () => void): () => void {
  if (listeners.size === 0) globalThis.addEventListener?.('storage', onStorage);
  let set = listeners.get(key);
  if (!set) listeners.set(key, (set = new Set()));
  set.add(listener);
  return () => {
    set.delete(listener);
    if (set.size === 0) listeners.delete(key);
    if (listeners.size === 0) globalThis.removeEventListener?.('storage', onStorage);
  };
}

/** Forgets what this page remembered in memory (for tests: a fresh page). */
export function forgetDismissalsInMemory(): void {
  memory.clear();
}
