/**
 * A reference model of the live endpoints of DESIGN.md as a `fetch`: one
 * event log whose ids are one sequence for every org, the per-org stream
 * `/api/organizations/{id}/events` and the multi-org stream
 * `/api/events?orgId=…` (404 when `multiOrg` is off), both replaying by
 * `Last-Event-ID`. It records every stream request and how many streams were
 * open at once, so tests can hold the client to "one stream per baseUrl".
 */
import type { DashboardEvent, LiveConnectionState } from '../../src/contract/types.js';

const encoder = new TextEncoder();

interface LoggedEvent {
  id: number;
  orgId: string;
  topic: string;
  data: unknown;
}

interface OpenStream {
  /** null: the multi-org stream of `orgs`; else the per-org stream of that org. */
  multi: boolean;
  orgs: ReadonlySet<string>;
  controller: ReadableStreamDefaultController<Uint8Array>;
}

export interface StreamRequest {
  url: URL;
  lastEventId: string | null;
}

export class LiveServer {
  multiOrg = true;
  /**
   * As a custom `fetch` whose body ignores the abort signal and lets go of its connection a task
   * after `cancel()` is called: a stream is open until that cancel settles.
   */
  slowCancel = false;
  readonly log: LoggedEvent[] = [];
  readonly requests: StreamRequest[] = [];
  readonly open = new Set<OpenStream>();
  maxOpen = 0;

  readonly fetch = async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const url = new URL(String(input instanceof Request ? input.url : input), location.href);
    const lastEventId = new Headers(init.headers).get('last-event-id');
    const perOrg = /^\/api\/organizations\/([^/]+)\/events$/.exec(url.pathname);
    if (!perOrg && url.pathname !== '/api/events') return json(404, { code: 'not-found' });
    this.requests.push({ url, lastEventId });
    if (!perOrg && !this.multiOrg) return json(404, { code: 'not-found' });
    const orgs = new Set(perOrg ? [decodeURIComponent(perOrg[1])] : url.searchParams.getAll('orgId'));
    if (orgs.size === 0) return json(400, { code: 'invalid-request' });
    let stream!: OpenStream;
    const body = new ReadableStream<Uint8Array>({
      start: (controller) => {
        stream = { multi: !perOrg, orgs, controller };
        this.open.add(stream);
        this.maxOpen = Math.max(this.maxOpen, this.open.size);
        let text = ': connected\n\n';
        if (lastEventId === null) text += `id: ${this.log.length}\n\n`;
        else for (const event of this.log) if (event.id > Number(lastEventId)) text += frame(stream, event);
        controller.enqueue(encoder.encode(text));
      },
      cancel: () => {
        if (!this.slowCancel) return void this.open.delete(stream);
        return new Promise<void>((settled) =>
          setTimeout(() => {
            this.open.delete(stream);
            settled();
          }),
        );
      },
    });
    init.signal?.addEventListener('abort', () => {
      if (this.slowCancel) return;
      this.open.delete(stream);
      try {
        stream.controller.error(new DOMException('aborted', 'AbortError'));
      } catch {
        // already closed
      }
    });
    return new Response(body, { headers: { 'content-type': 'text/event-stream' } });
  };

  /** Logs an event and sends it on every open stream that carries its org; returns its id. */
  emit(orgId: string, topic: string, data: unknown): number {
    const event = { id: this.log.length + 1, orgId, topic, data };
    this.log.push(event);
    for (const stream of this.open) {
      if (stream.orgs.has(orgId)) stream.controller.enqueue(encoder.encode(frame(stream, event)));
    }
    return event.id;
  }

  /** Every open stream breaks, as on a network change. */
  dropAll(): void {
    for (const stream of [...this.open]) {
      this.open.delete(stream);
      stream.controller.error(new TypeError('network error'));
    }
  }

  /** The orgs of the open streams, each stream sorted. */
  openOrgs(): string[][] {
    return [...this.open].map((stream) => [...stream.orgs].sort());
  }
}

function frame(stream: OpenStream, event: LoggedEvent): string {
  if (!stream.orgs.has(event.orgId)) return '';
  const data = stream.multi ? { orgId: event.orgId, data: event.data } : event.data;
  return `id: ${event.id}\nevent: ${event.topic}\ndata: ${JSON.stringify(data)}\n\n`;
}

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

/** What one subscription heard. */
export interface Heard {
  orgId: string;
  events: unknown[];
  states: LiveConnectionState[];
  unsubscribe: () => void;
}

export type Subscribe = (
  orgId: string,
  onEvent: (event: DashboardEvent) => void,
  options: { onConnectionChange: (state: LiveConnectionState) => void },
) => () => void;

/** Subscribes `orgId` through `subscribe`, keeping what it hears. */
export function listen(subscribe: Subscribe, orgId: string): Heard {
  const heard: Heard = { orgId, events: [], states: [], unsubscribe: () => {} };
  heard.unsubscribe = subscribe(orgId, (event) => heard.events.push(event.data), {
    onConnectionChange: (state) => heard.states.push(state),
  });
  return heard;
}
