/**
 * The mock API's live `text/event-stream` endpoint: open streams per org,
 * frames `id:` (increasing across all orgs), `event:` (the topic) and `data:`
 * (the JSON payload) for the topics the viewer may read, heartbeats, and the
 * org's recent events kept for `Last-Event-ID` replay.
 */
import { HttpResponse } from 'msw';
import type { DashboardEvent, DashboardTopic } from '../contract/types.js';

export interface EventRecord {
  id: number;
  event: DashboardEvent;
}

interface OpenStream {
  orgId: string;
  send(text: string): void;
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

function frame(record: EventRecord): string {
  // JSON.stringify never emits a raw newline, so one `data:` line suffices.
  return `id: ${record.id}\nevent: ${record.event.topic}\ndata: ${JSON.stringify(record.event.data)}\n\n`;
}

export class EventStreams {
  private lastEventId = 0;
  private readonly buffers = new Map<string, EventRecord[]>();
  private readonly streams = new Set<OpenStream>();

  constructor(
    /** Whether the org's viewer may read a topic, asked when each frame is sent. */
    private readonly mayRead: (orgId: string, topic: DashboardTopic) => boolean,
    private readonly options: EventStreamOptions,
  ) {}

  /** The next event id, given to `event`. */
  record(event: DashboardEvent): EventRecord {
    return { id: ++this.lastEventId, event };
  }

  /** Keeps `record` for replay and sends it to the org's open streams. */
  publish(orgId: string, record: EventRecord): void {
    const buffer = this.buffers.get(orgId) ?? [];
    buffer.push(record);
    const { bufferSize } = this.options;
    if (buffer.length > bufferSize) buffer.splice(0, buffer.length - bufferSize);
    this.buffers.set(orgId, buffer);
    this.each(orgId, (stream) => this.send(stream, record));
  }

  /** Ends the open streams (of one org, or all). */
  disconnect(orgId?: string): void {
    this.each(orgId, (stream) => stream.close());
  }

  /** How many streams are open (of one org, or all). */
  count(orgId?: string): number {
    let count = 0;
    this.each(orgId, () => count++);
    return count;
  }

  /** The streamed response; with a `Last-Event-ID` header it first replays the org's events after it. */
  open(orgId: string, request: Request, malformed: boolean): Response {
    const { streams, options } = this;
    const encoder = new TextEncoder();
    const header = request.headers.get('last-event-id');
    const resumeAfter = header && /^\d+$/.test(header.trim()) ? Number(header) : undefined;
    let stream!: OpenStream;
    let heartbeat: ReturnType<typeof setInterval> | undefined;
    const forget = () => {
      clearInterval(heartbeat);
      streams.delete(stream);
    };
    const body = new ReadableStream<Uint8Array>({
      start: (controller) => {
        stream = {
          orgId,
          send(text) {
            try {
              controller.enqueue(encoder.encode(text));
            } catch {
              // The reader went away without cancelling: forget the stream.
              forget();
            }
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
        streams.add(stream);
        if (options.heartbeatMs > 0)
          heartbeat = setInterval(() => stream.send(': heartbeat\n\n'), options.heartbeatMs);
        // A comment first, so readers see bytes (and proxies flush) at once.
        stream.send(options.retryMs === undefined ? ': connected\n\n' : `retry: ${options.retryMs}\n\n`);
        if (malformed) stream.send('event: activity\ndata: {"id": not json\n\n');
        if (resumeAfter === undefined) return;
        for (const record of this.buffers.get(orgId) ?? []) {
          if (record.id > resumeAfter) this.send(stream, record);
        }
      },
      cancel() {
        forget();
      },
    });
    request.signal.addEventListener('abort', () => stream.close(), { once: true });
    return new HttpResponse(body, {
      headers: { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' },
    });
  }

  private send(stream: OpenStream, record: EventRecord): void {
    if (this.mayRead(stream.orgId, record.event.topic)) stream.send(frame(record));
  }

  private each(orgId: string | undefined, run: (stream: OpenStream) => void): void {
    for (const stream of [...this.streams]) {
      if (orgId === undefined || stream.orgId === orgId) run(stream);
    }
  }
}
