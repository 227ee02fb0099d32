/**
 * Which event streams are open, for which orgs (DESIGN.md, "Live connections
 * at scale"): for one org its own stream (`/organizations/{id}/events`, which
 * every server has), for two or more one multi-org stream
 * (`/events?orgId=…&orgId=…`). A server that answers that with 404 gets per-org
 * streams, at most two at once; every other org is told `polling`, so its
 * store polls, until a place comes free (an org with a stream is no longer
 * wanted, or its stream gave up): the org that waited longest gets it, and
 * its store hears `open` and fetches what polling may have missed.
 *
 * Only the tab that leads (live-hub.ts) holds a `LiveStreams`, so these are
 * all the streams of a `baseUrl` in the whole browser.
 */
import type { DashboardError } from '../contract/errors.js';
import type { DashboardEvent, LiveConnectionState } from '../contract/types.js';
import { encodeSegment } from '../contract/links.js';
import type { HttpClient } from './http.js';
import { RECONNECT_FLOOR_MS } from './reconnect.js';
import { MULTI_STREAM, type ResumePoints } from './resume-points.js';
import type { SseBlock } from './sse-parser.js';
import { openEventStream, toDashboardEvent, type EventStream, type StreamSettings } from './sse.js';

/** Per-org streams open at once when the server has no multi-org stream. */
export const PER_ORG_STREAM_CAP = 2;
/** Subscriptions that come within this window share the connection they cause. */
const REGROUP_MS = 50;

/**
 * What the streams tell their owner. `via`, `id` and the orgs the stream
 * carries (`carries`) let another tab resume where this one was.
 */
export interface LiveStreamsListener {
  event(orgId: string, event: DashboardEvent, via: string, id: string | undefined, carries: string[]): void;
  /** A block that only moved the resume point (no event). */
  resumePoint(via: string, id: string, carries: string[]): void;
  /**
   * `polling`: no place for those orgs yet, `open` follows when one comes free. `closed` is final:
   * they are not streamed again while wanted.
   */
  state(orgIds: readonly string[], state: LiveConnectionState): void;
}

interface Stream {
  via: string;
  orgs: ReadonlySet<string>;
  handle: EventStream;
  startedAt: number;
  /** What it last told (`open` or `reconnecting`); undefined until it first connects. */
  state?: LiveConnectionState;
}

function isSubset(small: ReadonlySet<string>, big: ReadonlySet<string>): boolean {
  for (const item of small) if (!big.has(item)) return false;
  return true;
}

/** `{ orgId, data }` of a multi-org frame, unwrapped; anything else is skipped. */
function unwrap(event: DashboardEvent): { orgId: string; event: DashboardEvent } | undefined {
  const wrapped = event.data as { orgId?: unknown; data?: unknown } | null;
  if (typeof wrapped !== 'object' || wrapped === null || typeof wrapped.orgId !== 'string') return undefined;
  if (!('data' in wrapped)) return undefined;
  return { orgId: wrapped.orgId, event: { topic: event.topic, data: wrapped.data } as DashboardEvent };
}

export class LiveStreams {
  readonly #wanted = new Set<string>();
  /** Given up (refused, or the stream failed for good): polled by their stores while wanted. */
  readonly #closed = new Set<string>();
  /** Over the per-org cap, in the order they began to wait: polled until a place comes free. */
  readonly #waiting = new Set<string>();
  readonly #streams = new Map<string, Stream>();
  #multiAvailable = true;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #scheduled = false;
  #disposed = false;

  constructor(
    private readonly http: HttpClient,
    private readonly settings: StreamSettings,
    private readonly listener: LiveStreamsListener,
    /** Where streams resume; shared with the tab, which also learns them from a leader. */
    private readonly points: ResumePoints,
  ) {}

  /** Whether `orgId` was given up on (its subscribers must poll). */
  isClosed(orgId: string): boolean {
    return this.#closed.has(orgId);
  }

  /**
   * The orgs wanted from now on. Streams follow soon, closing ones nobody wants at once. An org
   * wanted again that a stream still carries (a multi-org stream is kept while it covers the
   * others) is told that stream's state: nothing was told of it while nobody wanted it.
   */
  want(orgIds: ReadonlySet<string>): void {
    if (this.#disposed) return;
    const joining = [...orgIds].filter((org) => !this.#wanted.has(org));
    if (joining.length) queueMicrotask(() => this.#tellCarried(joining));
    for (const org of [...this.#closed]) if (!orgIds.has(org)) this.#closed.delete(org);
    for (const org of [...this.#waiting]) if (!orgIds.has(org)) this.#waiting.delete(org);
    this.#wanted.clear();
    for (const org of orgIds) this.#wanted.add(org);
    if (this.#wanted.size === 0) {
      this.#cancelSchedule();
      this.#reconcile();
      return;
    }
    this.#schedule();
  }

  /** Ends every stream; settles once their connections are let go. */
  dispose(): Promise<void> {
    this.#disposed = true;
    this.#cancelSchedule();
    return Promise.all([...this.#streams.values()].map((stream) => this.#end(stream))).then(() => {});
  }

  #tellCarried(orgs: readonly string[]): void {
    for (const stream of this.#streams.values())
      if (stream.state) this.#tell(new Set(orgs.filter((org) => stream.orgs.has(org))), stream.state);
  }

  #cancelSchedule(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#scheduled = false;
  }

  /**
   * The first stream opens at once (in a microtask: subscriptions made together
   * share it); a change to open streams waits a moment for the others that
   * mount with it, and a stream is never replaced sooner than the reconnect
   * floor after it opened.
   */
  #schedule(): void {
    if (this.#scheduled) return;
    this.#scheduled = true;
    if (this.#streams.size === 0) {
      queueMicrotask(() => {
        if (!this.#scheduled || this.#timer !== undefined) return;
        this.#scheduled = false;
        this.#reconcile();
      });
      return;
    }
    const newest = Math.max(...[...this.#streams.values()].map((stream) => stream.startedAt));
    const wait = Math.max(REGROUP_MS, newest + RECONNECT_FLOOR_MS - Date.now());
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      this.#scheduled = false;
      this.#reconcile();
    }, wait);
  }

  #reconcile(): void {
    if (this.#disposed) return;
    const active = new Set([...this.#wanted].filter((org) => !this.#closed.has(org)));
    const multi = this.#streams.get(MULTI_STREAM);
    if (active.size === 0) {
      for (const stream of [...this.#streams.values()]) void this.#end(stream);
      return;
    }
    const multiCovers = multi !== undefined && isSubset(active, multi.orgs);
    if (this.#multiAvailable && (active.size >= 2 || multiCovers)) {
      this.#waiting.clear();
      if (!multiCovers) this.#openMulti(active);
      return;
    }
    const ending = multi ? [this.#end(multi)] : [];
    const cap = this.#multiAvailable ? 1 : PER_ORG_STREAM_CAP;
    for (const stream of [...this.#streams.values()])
      if (!active.has(stream.via)) ending.push(this.#end(stream));
    // A freed place is taken once its stream has let go.
    const closing = Promise.all(ending);
    // Who waited longest goes first; a stream is never taken from an org that has one.
    const waited = [...this.#waiting].filter((org) => active.has(org));
    for (const org of new Set([...waited, ...active])) {
      if (this.#streams.has(org)) continue;
      if (this.#streams.size < cap) {
        this.#waiting.delete(org);
        this.#openPerOrg(org, closing);
      } else if (!this.#waiting.has(org)) {
        this.#waiting.add(org);
        this.listener.state([org], 'polling');
      }
    }
  }

  #openMulti(orgs: ReadonlySet<string>): void {
    const previous = this.#streams.get(MULTI_STREAM);
    const closing: Array<Promise<void>> = [];
    // A per-org stream's ids need not mean anything on the multi-org stream: its org is
    // `reconnecting` until the multi-org stream opens, and its store fetches again then.
    for (const stream of [...this.#streams.values()]) {
      if (stream === previous) continue;
      closing.push(this.#end(stream));
      this.#tell(stream.orgs, 'reconnecting');
    }
    const query = [...orgs].map((org) => `orgId=${encodeSegment(org)}`).join('&');
    // Asked for once the old stream has let go (and with its last id), so streams never overlap.
    const resume = () => this.points.multi(orgs);
    if (previous) closing.push(this.#end(previous));
    this.#open(MULTI_STREAM, orgs, `/events?${query}`, resume, Promise.all(closing), (block, event) => {
      const inner = unwrap(event);
      // Every org it carries, wanted here or not: a tab's want may still be on its way, and its
      // subscriber is already listening (only subscribers of the org hear it, in any tab).
      if (inner && orgs.has(inner.orgId)) {
        this.listener.event(inner.orgId, inner.event, MULTI_STREAM, block.id, [...orgs]);
      }
    });
  }

  #openPerOrg(org: string, after: Promise<unknown>): void {
    const path = `/organizations/${encodeSegment(org)}/events`;
    // Carried by a multi-org stream until now (a tab that led closed), it has no point to resume
    // from here: `reconnecting` until this stream opens, and its store fetches again then.
    if (this.points.perOrg(org) === undefined && this.points.carried(org))
      this.#tell(new Set([org]), 'reconnecting');
    this.#open(
      org,
      new Set([org]),
      path,
      () => this.points.perOrg(org),
      after,
      (block, event) => this.listener.event(org, event, org, block.id, [org]),
    );
  }

  /** Opens a stream once `after` settles (the streams it replaces have let go). */
  #open(
    via: string,
    orgs: ReadonlySet<string>,
    path: string,
    resume: () => string | undefined,
    after: Promise<unknown>,
    onEvent: (block: SseBlock, event: DashboardEvent) => void,
  ): void {
    let refusal: DashboardError | undefined;
    let inner: EventStream | undefined;
    let ended = false;
    const handle: EventStream = {
      close: () => {
        ended = true;
        return inner?.close() ?? Promise.resolve();
      },
      lastEventId: () => inner?.lastEventId() ?? resume(),
    };
    const stream: Stream = { via, orgs, startedAt: Date.now(), handle };
    const current = () => this.#streams.get(via) === stream;
    this.#streams.set(via, stream);
    const listener = {
      onMessage: (block: SseBlock) => {
        if (!current()) return;
        if (block.id !== undefined) this.points.record(via, block.id, orgs);
        const event = toDashboardEvent(block);
        if (event) onEvent(block, event);
        else if (block.id !== undefined) this.listener.resumePoint(via, block.id, [...orgs]);
      },
      onState: (state: LiveConnectionState) => {
        if (!current()) return;
        // Open with this id, the stream brings what came after it: a point for orgs with none yet.
        const resumedFrom = state === 'open' ? handle.lastEventId() : undefined;
        if (resumedFrom !== undefined) this.points.opened(via, resumedFrom, orgs);
        if (state !== 'closed') {
          stream.state = state;
          return this.#tell(orgs, state);
        }
        this.#streams.delete(via);
        // No multi-org stream on this server: per-org streams from now on.
        if (via === MULTI_STREAM && refusal?.code === 'not-found') this.#multiAvailable = false;
        else this.#giveUp([...orgs]);
        this.#reconcile();
      },
      onRefused: (error: DashboardError) => {
        refusal = error;
      },
    };
    void after.then(() => {
      if (ended || this.#disposed) return;
      inner = openEventStream(this.http, path, listener, this.settings, resume());
    });
  }

  #end(stream: Stream): Promise<void> {
    if (this.#streams.get(stream.via) === stream) this.#streams.delete(stream.via);
    return stream.handle.close();
  }

  #giveUp(orgs: readonly string[]): void {
    const wanted = orgs.filter((org) => this.#wanted.has(org));
    for (const org of wanted) this.#closed.add(org);
    if (wanted.length) this.listener.state(wanted, 'closed');
  }

  #tell(orgs: ReadonlySet<string>, state: LiveConnectionState): void {
    const wanted = [...orgs].filter((org) => this.#wanted.has(org));
    if (wanted.length) this.listener.state(wanted, state);
  }
}
