/**
 * The network side of the updates benchmark, in the page: a live event reaches both sides as the bytes a
 * server wrote on an open `text/event-stream` (`id:`, `event:`, `data:`), written before the clock starts,
 * so what is timed is what the page does from the bytes' arrival to the changed DOM. A server's own work
 * (storing the event, writing its JSON) is not the page's, and the baseline does not pay it either.
 */
import { getResponse } from 'msw';
import type { DashboardEvent } from '../../src/contract/types.js';
import type { DashboardDataset } from '../../src/adapters/dataset.js';
import { createHandlers } from '../../src/mocks/handlers.js';

const encoder = new TextEncoder();
let nextId = 1;

/** One event as a server writes it on the stream. */
export function eventBytes(event: DashboardEvent): Uint8Array {
  return encoder.encode(`id: ${nextId++}\nevent: ${event.topic}\ndata: ${JSON.stringify(event.data)}\n\n`);
}

/** A stream the page writes to, as the network would: `send` hands its reader the next chunk. */
export class Wire {
  readonly body: ReadableStream<Uint8Array>;
  #controller!: ReadableStreamDefaultController<Uint8Array>;

  constructor() {
    this.body = new ReadableStream({ start: (controller) => void (this.#controller = controller) });
  }

  send(bytes: Uint8Array): void {
    this.#controller.enqueue(bytes);
  }
}

/**
 * A `fetch` for the REST adapter (`createRestAdapter({ fetch })`): the JSON endpoints answered by the
 * mock API's handlers over `data` (msw's `getResponse`, no service worker), and the org's live stream
 * (`/organizations/{id}/events`) answered with `wire.body`. `opened` resolves once the adapter reads it.
 */
export function restOverWire(
  data: DashboardDataset,
  wire: Wire,
): { fetch: typeof fetch; opened: Promise<void> } {
  const { handlers } = createHandlers({ data, baseUrl: '/api' });
  let resolveOpened!: () => void;
  const opened = new Promise<void>((resolve) => (resolveOpened = resolve));
  const served = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(
      new URL(String(input instanceof Request ? input.url : input), location.href),
      init,
    );
    if (new URL(request.url).pathname.endsWith('/events')) {
      resolveOpened();
      return new Response(wire.body, { headers: { 'content-type': 'text/event-stream' } });
    }
    return (await getResponse(handlers, request)) ?? new Response(null, { status: 404 });
  };
  return { fetch: served, opened };
}
