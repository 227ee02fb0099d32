/**
 * What the panel remembers of its viewer (dismissals, the read mark): one
 * string per key in `localStorage`, so it outlives a reload, and followed
 * across panels on the page and other tabs.
 *
 * Storage is best effort: it may be disabled (SecurityError when reading
 * `localStorage` at all), full (QuotaExceededError), or refuse a write. None of
 * that throws: what this page wrote lives on in memory for the session, and
 * every panel on the page sees it.
 */
import { encodeSegment } from '../../contract/links.js';

/** What this page wrote, or another tab wrote since (null: removed); wins over storage, which may have refused the write. */
const memory = new Map<string, string | null>();
const listeners = new Map<string, Set<() => void>>();

/**
 * A storage key: `<prefix>:<org>` for this browser's viewer of the organization, or
 * `<prefix>:<org>:<user>` with a user id. Parts are URI-encoded, so `:` never appears
 * inside one and no two (org, user) pairs share a key.
 */
export function rememberedKey(prefix: string, orgId: string, userId?: string): string {
  const org = encodeSegment(orgId);
  return userId ? `${prefix}:${org}:${encodeSegment(userId)}` : `${prefix}:${org}`;
}

function storage(): Storage | undefined {
  try {
    return globalThis.localStorage ?? undefined;
  } catch {
    return undefined;
  }
}

/** The value of a key: what this page (or another tab) last wrote, else what storage holds, else null. */
export function readRemembered(key: string): string | null {
  if (memory.has(key)) return memory.get(key) ?? null;
  try {
    return storage()?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

/** Sets (or, with null, removes) a key: in memory always, in storage when it lets us; tells the key's listeners. */
export function writeRemembered(key: string, value: string | null): void {
  memory.set(key, value);
  try {
    const store = storage();
    if (value === null) store?.removeItem(key);
    else store?.setItem(key, value);
  } catch {
    // Full or disabled: memory keeps it for this session.
  }
  notify(key);
}

function notify(key: string): void {
  for (const listener of [...(listeners.get(key) ?? [])]) listener();
}

/** Another tab changed storage: take its value, as if this page had written it. */
function onStorage(event: StorageEvent): void {
  if (event.key === null) {
    // `clear()` in another tab.
    const keys = [...memory.keys()];
    memory.clear();
    for (const key of new Set([...keys, ...listeners.keys()])) notify(key);
    return;
  }
  // Keys nobody here wrote or follows are read from storage when asked for.
  if (!memory.has(event.key) && !listeners.has(event.key)) return;
  memory.set(event.key, event.newValue);
  notify(event.key);
}

/** Calls `listener` whenever the value of `key` changes (on this page or in another tab). */
export function onRememberedChange(key: string, listener: () => void): () => void {
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
export function forgetRememberedInMemory(): void {
  memory.clear();
}
