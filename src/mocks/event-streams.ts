/**
 * The mock API's live `text/event-stream` endpoints over one `EventFeed`
 * (`adapters/event-feed.ts`): the per-org stream (`data:` is the payload) and
 * the multi-org stream (`data:` is `{ "orgId": ..., "data": <payload> }`),
 * with ids from one sequence shared by every org and both streams, only the
 * topics the viewer may read, heartbeats, and `Last-Event-ID` replay across
 * the stream's orgs.
 */
import { HttpResponse } from 'msw';
import type { DashboardEvent, DashboardTopic } from '../contract/types.js';
import { EventFeed, parseEventId, type FeedListener, type FeedRecord } from '../adapters/event-feed.js';

/** An open stream, as `MockApi.openStreams()` lists it. */
export interface OpenStreamInfo {
  /** The orgs it carries, sorted. */
  orgIds: string[];
  /** The multi-org stream (`GET /events`), else the per-org one. */
  multi: boolean;
}

interface OpenStream extends FeedListener {
  multi: boolean;
  close(): void;
}

export interface EventStreamOptions {
  /** How many past events per org are kept for replay. */
  bufferSize: number;
  /** A `: heartbeat` comment this often, in ms; 0 sends none. */
  heartbeatMs: number;
  /** Sent as the stream's `retry:` field, when given. */
  retryMs?: number;
}

function frame(record: FeedRecord, multi: boolean): string {
  const { data, topic } = record.event;
  // JSON.stringify never emits a raw newline, so one `data:` line suffices.
  const json = JSON.stringify(multi ? { orgId: record.orgId, data } : data);
  return `id: ${record.id}\nevent: ${topic}\ndata: ${json}\n\n`;
}

export class EventStreams {
  private readonly feed: EventFeed<OpenStream>;

  constructor(
    /** Whether the org's viewer may read a topic (false for an unknown org), asked when each frame is sent. */
    private readonly mayRead: (orgId: string, topic: DashboardTopic) => boolean,
    private readonly options: EventStreamOptions,
  ) {
    this.feed = new EventFeed(options.bufferSize);
  }

  /** Logs the event under the next id (shared by all orgs), keeps it for replay and sends it to open streams. */
  publish(orgId: string, event: DashboardEvent): FeedRecord {
    return this.feed.publish(orgId, event);
  }

  /** Ends the open streams that carry the org (its own and every multi-org stream with it), or all. */
  disconnect(orgId?: string): void {
    for (const stream of this.feed.listeners(orgId)) stream.close();
  }

  /** How many streams are open that carry the org (multi-org streams with it included), or in all. */
  count(orgId?: string): number {
    return this.feed.listeners(orgId).length;
  }

  list(): OpenStreamInfo[] {
    return this.feed.listeners().map((s) => ({ orgIds: [...s.orgIds].sort(), multi: s.multi }));
  }

  /**
   * The streamed response for `orgIds` (one, or several with `multi`): `: connected`, `retry:` when
   * set, then either the id of the newest event (an id-only block, so the client has a resume point
   * before any event) or, with a `Last-Event-ID` header, the kept events of these orgs after it; then
   * live events.
   */
  open(orgIds: readonly string[], request: Request, { multi = false, malformed = false } = {}): Response {
    const { feed, options } = this;
    const encoder = new TextEncoder();
    const resumeAfter = parseEventId(request.headers.get('last-event-id'));
    let stream!: OpenStream;
    let heartbeat: ReturnType<typeof setInterval> | undefined;
    let ended = false;
    const forget = () => {
      ended = true;
      clearInterval(heartbeat);
      feed.delete(stream);
    };
    const body = new ReadableStream<Uint8Array>({
      start: (controller) => {
        const send = (text: string) => {
          try {
            controller.enqueue(encoder.encode(text));
          } catch {
            // The reader went away without cancelling: forget the stream.
            forget();
          }
        };
        stream = {
          orgIds: new Set(orgIds),
          multi,
          deliver: (record) => {
            if (this.mayRead(record.orgId, record.event.topic)) send(frame(record, multi));
          },
          close() {
            forget();
            try {
              controller.close();
            } catch {
              // Already closed or cancelled.
            }
          },
        };
        // A comment first, so readers see bytes (and proxies flush) at once.
        let preamble = ': connected\n\n';
        if (options.retryMs !== undefined) preamble += `retry: ${options.retryMs}\n\n`;
        if (resumeAfter === undefined) preamble += `id: ${feed.lastId}\n\n`;
        send(preamble);
        if (malformed) send('event: activity\ndata: {"id": not json\n\n');
        if (resumeAfter !== undefined)
          for (const record of feed.since(orgIds, resumeAfter)) stream.deliver(record);
        if (ended) return;
        // Listening only now: `publish` is synchronous, so nothing falls between the replay and this.
        feed.add(stream);
        if (options.heartbeatMs > 0)
          heartbeat = setInterval(() => send(': heartbeat\n\n'), options.heartbeatMs);
      },
      cancel() {
        forget();
      },
    });
    request.signal.addEventListener('abort', () => stream.close(), { once: true });
    return new HttpResponse(body, {
      headers: { 'content-type': 'text/event-stream', 'cache-control': 'no-store' },
    });
  }
}
