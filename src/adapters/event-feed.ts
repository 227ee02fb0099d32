/**
 * A backend's live feed, shared by the memory adapter and the mock REST API:
 * one log of events whose ids are one increasing sequence for every org (as
 * DESIGN.md's multi-org stream needs: a client resumes several orgs from one
 * `Last-Event-ID`), the newest events of each org kept for replay, and one
 * set of listeners, each for any number of orgs. A listener of one org is a
 * per-org stream; a listener of several is a multi-org stream.
 *
 * The feed does not filter by permission or copy events: each listener
 * decides what it may send (the viewer's read permissions) and copies what
 * it hands out.
 */
import type { DashboardEvent } from '../contract/types.js';

/** One logged event: its id, the org it belongs to and the event as published. */
export interface FeedRecord {
  readonly id: number;
  readonly orgId: string;
  readonly event: DashboardEvent;
}

/** What listens to the feed: the orgs it carries, and what to do with each of their new events. */
export interface FeedListener {
  readonly orgIds: ReadonlySet<string>;
  deliver(record: FeedRecord): void;
}

/** The default number of events kept per org for replay. */
export const DEFAULT_FEED_BUFFER = 100;

export class EventFeed<L extends FeedListener = FeedListener> {
  #lastId = 0;
  readonly #buffers = new Map<string, FeedRecord[]>();
  readonly #listeners = new Set<L>();

  constructor(
    /** How many of each org's newest events are kept for `since` (0 keeps none). */
    private readonly bufferSize = DEFAULT_FEED_BUFFER,
  ) {}

  /** The id of the newest event, 0 before the first: where a new listener starts. */
  get lastId(): number {
    return this.#lastId;
  }

  /** Logs the event under the next id and hands it to every listener that carries its org. */
  publish(orgId: string, event: DashboardEvent): FeedRecord {
    const record: FeedRecord = { id: ++this.#lastId, orgId, event };
    const buffer = this.#buffers.get(orgId) ?? [];
    buffer.push(record);
    if (buffer.length > this.bufferSize) buffer.splice(0, buffer.length - this.bufferSize);
    this.#buffers.set(orgId, buffer);
    for (const listener of this.listeners(orgId)) listener.deliver(record);
    return record;
  }

  /** The kept events of these orgs with an id above `afterId`, in id order (a resumed stream's replay). */
  since(orgIds: Iterable<string>, afterId: number): FeedRecord[] {
    const found: FeedRecord[] = [];
    for (const orgId of new Set(orgIds)) {
      for (const record of this.#buffers.get(orgId) ?? []) if (record.id > afterId) found.push(record);
    }
    return found.sort((a, b) => a.id - b.id);
  }

  add(listener: L): void {
    this.#listeners.add(listener);
  }

  /** Whether the listener was there. */
  delete(listener: L): boolean {
    return this.#listeners.delete(listener);
  }

  /** The listeners that carry `orgId` (each once, however many orgs it carries), or all; a copy. */
  listeners(orgId?: string): L[] {
    return [...this.#listeners].filter((listener) => orgId === undefined || listener.orgIds.has(orgId));
  }
}

/** A resume point as sent in `Last-Event-ID`: a whole number, else none. */
export function parseEventId(value: string | null | undefined): number | undefined {
  const trimmed = value?.trim();
  return trimmed && /^\d+$/.test(trimmed) ? Number(trimmed) : undefined;
}
