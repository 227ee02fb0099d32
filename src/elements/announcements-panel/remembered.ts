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

/** What this page wrote and storage refused (null: removed), until another tab writes the key. */
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

/**
 * Sets (or, with null, removes) a key: in storage when it lets us, else in memory; tells the key's
 * listeners. Memory holds only what storage refused: the page stops following `storage` events
 * while no panel is on it, so a value kept there would hide what other tabs write meanwhile.
 */
export function writeRemembered(key: string, value: string | null): void {
  memory.set(key, value);
  try {
    // No storage at all throws here too: memory keeps it.
    const store = storage() as Storage;
    if (value === null) store.removeItem(key);
    else store.setItem(key, value);
    memory.delete(key);
  } catch {
    // Full or disabled: memory keeps it for this session.
  }
  notify(key);
}

function notify(key: string): void {
  for (const listener of [...(listeners.get(key) ?? [])]) listener();
}

/** Another tab changed storage, which now holds its value: that wins over what storage refused here. */
function onStorage(event: StorageEvent): void {
  if (event.key === null) {
    // `clear()` in another tab.
    const keys = [...memory.keys()];
    memory.clear();
    for (const key of new Set([...keys, ...listeners.keys()])) notify(key);
    return;
  }
  memory.delete(event.key);
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
