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
import type { DashboardEvent, DashboardTopic, LiveConnectionState } from '../contract/types.js';

/**
 * A copy of an event as a REST client gets it: written as JSON and read back, as a stream's frame
 * is (`sse.ts`), so the memory adapter hands out what the wire would (a `Date` becomes its ISO
 * string, `undefined` fields are left out). It also costs half of `structuredClone` per live
 * event, measured in the updates benchmark. What JSON cannot write (a `BigInt`, a cycle) is
 * copied by `structuredClone`, as before, and left to validation. A copy the feed logged
 * (`loggedCopy`) is read back from the text it was read from: written once, as a server writes
 * an event once for all its streams.
 */
export function wireCopy<T>(value: T): T {
  const written = typeof value === 'object' && value !== null ? loggedTexts.get(value) : undefined;
  return written === undefined ? jsonCopy(value, false) : (JSON.parse(written) as T);
}

/** The copy of an emitted event the feed logs (`wireCopy`), its text kept for the listeners' copies. */
export const loggedCopy = <T>(value: T): T => jsonCopy(value, true);

/**
 * The JSON text each logged copy was read from. A logged copy is never handed out, but its data is
 * the memory adapter's data too (which `update` may change): every copy is read from this text.
 */
const loggedTexts = new WeakMap<object, string>();

function jsonCopy<T>(value: T, keepText: boolean): T {
  try {
    const json = JSON.stringify(value);
    if (json !== undefined) {
      const copy = JSON.parse(json) as T;
      if (keepText && typeof copy === 'object' && copy !== null) loggedTexts.set(copy, json);
      return copy;
    }
  } catch {
    // Not JSON: copied as it is below.
  }
  return structuredClone(value);
}

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

// ---------------------------------------------------------------------------
// In-process subscribers of a feed (the memory adapter's live updates).
// ---------------------------------------------------------------------------

export interface SubscribeManyOptions {
  signal?: AbortSignal;
  /** `open` once subscribed and after each `reconnect`, `reconnecting` when dropped, `closed` at the end. */
  onConnectionChange?: (state: LiveConnectionState) => void;
  /** Resume after this event id (as `Last-Event-ID`): the kept events after it come first. */
  lastEventId?: string;
}

/** What a multi-org subscriber gets: the org, a copy of the event and its id (a resume point). */
export type ManyEventListener = (orgId: string, event: DashboardEvent, id: string) => void;

interface Subscriber extends FeedListener {
  state: 'starting' | 'open' | 'dropped' | 'closed';
  onConnectionChange?: (state: LiveConnectionState) => void;
  /** Opens (at first and on `reconnect`): `open`, then (multi-org) what the subscriber missed. */
  reopen(): void;
}

/**
 * The subscribers of an in-process backend's feed, each sent only what the org's viewer may read,
 * as the REST API's streams: per-org ones (the org's events) and multi-org ones (as the multi-org
 * stream: with ids, and what they missed while dropped sent again when they come back).
 */
export class FeedSubscribers {
  readonly feed: EventFeed<Subscriber>;

  constructor(
    /** Whether the org's viewer may read the topic (false for an unknown org), asked for each event. */
    private readonly mayRead: (orgId: string, topic: DashboardTopic) => boolean,
    bufferSize = DEFAULT_FEED_BUFFER,
  ) {
    this.feed = new EventFeed(bufferSize);
  }

  /** How many subscriptions are open (per-org and multi-org). */
  get count(): number {
    return this.feed.listeners().length;
  }

  /**
   * One org's events the viewer may read (as the per-org stream sends them), each a copy; `open`
   * comes in a microtask (events may come before it).
   */
  subscribe(
    orgId: string,
    onEvent: (event: DashboardEvent) => void,
    options: SubscribeManyOptions,
  ): () => void {
    const subscriber: Subscriber = {
      orgIds: new Set([orgId]),
      state: 'open',
      onConnectionChange: options.onConnectionChange,
      deliver: (record) => {
        if (subscriber.state === 'open' && this.mayRead(record.orgId, record.event.topic))
          onEvent(wireCopy(record.event));
      },
      reopen() {
        subscriber.state = 'open';
        subscriber.onConnectionChange?.('open');
      },
    };
    return this.#start(subscriber, options.signal, () => {
      if (subscriber.state !== 'closed') subscriber.onConnectionChange?.('open');
    });
  }

  /**
   * Several orgs' events on one subscription. Nothing arrives before `open` (a microtask later):
   * then the kept events after `lastEventId` (or after the newest event when subscribing), then
   * live ones, each readable one once, in id order, also across `disconnect` and `reconnect`.
   */
  subscribeMany(
    orgIds: Iterable<string>,
    onEvent: ManyEventListener,
    options: SubscribeManyOptions,
  ): () => void {
    let lastId = parseEventId(options.lastEventId) ?? this.feed.lastId;
    // While it opens and replays, new events wait their turn: a listener that emits then (on `open`,
    // or on a replayed event) gets its event after what it missed, in id order, and once.
    let pending: FeedRecord[] | undefined;
    const hand = (record: FeedRecord) => {
      if (record.id <= lastId) return;
      lastId = record.id;
      if (this.mayRead(record.orgId, record.event.topic))
        onEvent(record.orgId, wireCopy(record.event), String(record.id));
    };
    const subscriber: Subscriber = {
      orgIds: new Set(orgIds),
      state: 'starting',
      onConnectionChange: options.onConnectionChange,
      deliver(record) {
        if (subscriber.state !== 'open') return;
        if (pending) pending.push(record);
        else hand(record);
      },
      reopen: () => {
        subscriber.state = 'open';
        const waiting: FeedRecord[] = (pending = []);
        try {
          subscriber.onConnectionChange?.('open');
          const missed = this.feed.since(subscriber.orgIds, lastId);
          for (let i = 0; i < missed.length || waiting.length > 0; i += 1) {
            if (subscriber.state !== 'open') return;
            hand(i < missed.length ? missed[i] : waiting.shift()!);
          }
        } finally {
          pending = undefined;
        }
      },
    };
    if (subscriber.orgIds.size === 0) {
      queueMicrotask(() => subscriber.onConnectionChange?.('closed'));
      return () => {};
    }
    return this.#start(subscriber, options.signal, () => {
      if (subscriber.state === 'starting') subscriber.reopen();
    });
  }

  /** Drops the subscriptions that carry the org, or all: `reconnecting`, and no events until `reconnect`. */
  disconnect(orgId?: string): void {
    for (const subscriber of this.feed.listeners(orgId)) {
      if (subscriber.state === 'dropped') continue;
      subscriber.state = 'dropped';
      subscriber.onConnectionChange?.('reconnecting');
    }
  }

  /** Restores dropped subscriptions that carry the org, or all: `open`, then (multi-org) what they missed. */
  reconnect(orgId?: string): void {
    for (const subscriber of this.feed.listeners(orgId)) {
      if (subscriber.state !== 'dropped') continue;
      subscriber.reopen();
    }
  }

  #start(subscriber: Subscriber, signal: AbortSignal | undefined, opened: () => void): () => void {
    if (signal?.aborted) return () => {};
    const close = () => {
      if (!this.feed.delete(subscriber)) return;
      subscriber.state = 'closed';
      subscriber.onConnectionChange?.('closed');
    };
    this.feed.add(subscriber);
    signal?.addEventListener('abort', close, { once: true });
    queueMicrotask(opened);
    return close;
  }
}
