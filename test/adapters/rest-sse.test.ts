import { expect } from '@open-wc/testing';
import { http, HttpResponse, sse } from 'msw';
import { setupWorker } from 'msw/browser';
import sinon from 'sinon';
import { createRestAdapter, type RestAdapterOptions } from '../../src/adapters/rest.js';
import type { DashboardEvent, LiveConnectionState } from '../../src/contract/types.js';
import { activity, json, organization, plan, scriptedFetch, until, type FetchCall } from './rest-fixtures.js';
import { fakeTimeoutsEachTest, realTask, untilReal } from '../helpers/clock.js';

const encoder = new TextEncoder();

/** One live connection the test controls. */
interface Connection {
  call: FetchCall;
  send(text: string): void;
  sendBytes(bytes: Uint8Array): void;
  /** The server ends the response. */
  end(): void;
  /** The connection breaks mid-stream. */
  fail(): void;
  /** The client cancelled the body. */
  cancelled: boolean;
}

/**
 * A `fetch` that answers every call with a controllable event stream, unless
 * `respond` answers (or throws) first.
 */
function streamServer(respond?: (call: FetchCall, index: number) => Response | undefined) {
  const connections: Connection[] = [];
  const { fetch, calls } = scriptedFetch((call, index) => {
    const answer = respond?.(call, index);
    if (answer) return answer;
    let controller!: ReadableStreamDefaultController<Uint8Array>;
    const connection: Connection = {
      call,
      cancelled: false,
      send: (text) => controller.enqueue(encoder.encode(text)),
      sendBytes: (bytes) => controller.enqueue(bytes),
      end: () => controller.close(),
      fail: () => controller.error(new TypeError('network error')),
    };
    const body = new ReadableStream<Uint8Array>({
      start: (c) => void (controller = c),
      cancel: () => void (connection.cancelled = true),
    });
    connections.push(connection);
    return new Response(body, { headers: { 'content-type': 'text/event-stream; charset=utf-8' } });
  });
  return { fetch, calls, connections };
}

function message(topic: string, data: unknown, id?: string): string {
  return `${id === undefined ? '' : `id: ${id}\n`}event: ${topic}\ndata: ${JSON.stringify(data)}\n\n`;
}

/** Subscribes to org `acme` and records what arrives. */
function listen(options: Partial<RestAdapterOptions> & { fetch: typeof fetch }, signal?: AbortSignal) {
  const events: DashboardEvent[] = [];
  const states: LiveConnectionState[] = [];
  const adapter = createRestAdapter({ baseUrl: '/api', ...options });
  const unsubscribe = adapter.subscribe('acme', (event) => events.push(event), {
    signal,
    onConnectionChange: (state) => states.push(state),
  });
  return { events, states, unsubscribe };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('createRestAdapter: subscribe', () => {
  const cleanups: (() => void)[] = [];
  afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));

  function live(options: Partial<RestAdapterOptions> & { fetch: typeof fetch }, signal?: AbortSignal) {
    const subscription = listen(options, signal);
    cleanups.push(subscription.unsubscribe);
    return subscription;
  }

  it('opens GET /events with the token, custom headers and Accept: text/event-stream', async () => {
    const server = streamServer();
    const { states } = live({
      fetch: server.fetch,
      getToken: () => 'tok',
      headers: { 'X-Tenant': 'blue' },
      credentials: 'include',
    });
    await until(() => states.length === 1, 'no open');
    const { url, headers, init } = server.calls[0];
    expect(url).to.equal('/api/organizations/acme/events');
    expect(headers.get('accept')).to.equal('text/event-stream');
    expect(headers.get('authorization')).to.equal('Bearer tok');
    expect(headers.get('x-tenant')).to.equal('blue');
    expect(headers.has('last-event-id')).to.equal(false);
    expect(init.credentials).to.equal('include');
    expect(states).to.deep.equal(['open']);
  });

  it('delivers events, also when a message is split across chunks', async () => {
    const server = streamServer();
    const { events } = live({ fetch: server.fetch });
    await until(() => server.connections.length === 1);
    const [connection] = server.connections;
    const second = message('activity', activity, '2');
    connection.send(message('plan', plan, '1') + second.slice(0, 20));
    connection.send(second.slice(20));
    await until(() => events.length === 2, 'events not delivered');
    expect(events).to.deep.equal([
      { topic: 'plan', data: plan },
      { topic: 'activity', data: activity },
    ]);
  });

  it('decodes a character whose bytes are split across chunks', async () => {
    const server = streamServer();
    const { events } = live({ fetch: server.fetch });
    await until(() => server.connections.length === 1);
    const [connection] = server.connections;
    const bytes = encoder.encode(message('plan', { ...plan, name: 'Équipe 東京' }, '1'));
    const cut = bytes.indexOf(0x9d) + 1; // inside 東 (e6 9d b1)
    connection.sendBytes(bytes.slice(0, cut));
    connection.sendBytes(bytes.slice(cut));
    await until(() => events.length === 1, 'event not delivered');
    expect(events[0]).to.deep.equal({ topic: 'plan', data: { ...plan, name: 'Équipe 東京' } });
  });

  it('skips messages without a topic or with data that is not JSON, without dropping the connection', async () => {
    const server = streamServer();
    const { events, states } = live({ fetch: server.fetch });
    await until(() => server.connections.length === 1);
    const [connection] = server.connections;
    const wrongShape = { ...plan, availableCredits: { amountMinor: 1.5, currency: 'USD' } };
    connection.send(`data: ${JSON.stringify(plan)}\n\n`); // no topic
    connection.send('event: plan\ndata: {not json\n\n');
    connection.send(': keep-alive\n\n');
    // Shapes and topics are not the adapter's to judge: the store validates every adapter's events
    // (test/store/store.test.ts, "drops live events that fail validation").
    connection.send(message('weather', { sunny: true }));
    connection.send(message('plan', wrongShape));
    connection.send(message('organization', organization));
    await until(() => events.length === 3, 'the events did not arrive');
    await tick();
    expect(events).to.deep.equal([
      { topic: 'weather', data: { sunny: true } },
      { topic: 'plan', data: wrongShape },
      { topic: 'organization', data: organization },
    ]);
    expect(states).to.deep.equal(['open']);
    expect(server.calls).to.have.length(1);
  });

  it('reconnects after a drop, resuming with Last-Event-ID: open, reconnecting, open', async function () {
    // Two reconnects, each a second after the drop (the floor; the pick is 0): waits with room to spare.
    this.timeout(30_000);
    const slow = (predicate: () => boolean, what: string) => until(predicate, what, 20_000);
    const server = streamServer();
    const { events, states } = live({ fetch: server.fetch, random: () => 0 });
    await until(() => server.connections.length === 1);
    server.connections[0].send(message('plan', plan, 'e7'));
    server.connections[0].send(message('activity', activity)); // no id: the last one stays e7
    await until(() => events.length === 2);
    server.connections[0].end();
    await slow(() => server.connections.length === 2, 'no reconnect after the server ended');
    expect(server.calls[1].headers.get('last-event-id')).to.equal('e7');
    await until(() => states.length === 3);
    expect(states).to.deep.equal(['open', 'reconnecting', 'open']);

    server.connections[1].send(message('plan', plan, 'e9'));
    await until(() => events.length === 3);
    server.connections[1].fail();
    await slow(() => server.connections.length === 3, 'no reconnect after a network error');
    expect(server.calls[2].headers.get('last-event-id')).to.equal('e9');
    await until(() => states.length === 5);
    expect(states).to.deep.equal(['open', 'reconnecting', 'open', 'reconnecting', 'open']);
  });

  it('refreshes the token after a 401 on the stream and connects', async () => {
    const server = streamServer((call) =>
      call.headers.get('authorization') === 'Bearer fresh' ? undefined : json({}, 401),
    );
    const getToken = sinon.stub();
    getToken.onFirstCall().resolves('stale');
    getToken.resolves('fresh');
    const { states } = live({ fetch: server.fetch, getToken });
    await until(() => states.length === 1);
    expect(states).to.deep.equal(['open']);
    expect(getToken.callCount).to.equal(2);
    expect(getToken.secondCall.args[0]).to.deep.equal({ refresh: true });
  });

  it('closes and stops after a second 401', async () => {
    const server = streamServer(() => json({}, 401));
    const getToken = sinon.stub().resolves('stale');
    const { states } = live({ fetch: server.fetch, getToken, retryBaseMs: 1 });
    await until(() => states.length === 1);
    await tick();
    expect(states).to.deep.equal(['closed']);
    expect(server.calls).to.have.length(2);
    expect(getToken.callCount).to.equal(2);
  });

  for (const status of [403, 404]) {
    it(`closes and stops on HTTP ${status}`, async () => {
      const server = streamServer(() => json({}, status));
      const { states } = live({ fetch: server.fetch, retryBaseMs: 1 });
      await until(() => states.length === 1);
      await tick();
      expect(states).to.deep.equal(['closed']);
      expect(server.calls).to.have.length(1);
    });
  }

  it('closes when the response is not an event stream (e.g. an HTML fallback page)', async () => {
    const server = streamServer(
      () => new Response('<!doctype html>', { headers: { 'content-type': 'text/html' } }),
    );
    const { states } = live({ fetch: server.fetch, retryBaseMs: 1 });
    await until(() => states.length === 1);
    expect(states).to.deep.equal(['closed']);
  });

  it('unsubscribes: cancels the stream, reports closed once, delivers nothing more', async () => {
    const server = streamServer();
    const { events, states, unsubscribe } = live({ fetch: server.fetch });
    await until(() => states.length === 1);
    unsubscribe();
    unsubscribe();
    expect(states).to.deep.equal(['open', 'closed']);
    await until(() => server.connections[0].cancelled, 'the body was not cancelled');
    expect(server.calls[0].signal.aborted || server.connections[0].cancelled).to.equal(true);
    await tick();
    expect(events).to.deep.equal([]);
    expect(server.calls).to.have.length(1);
  });

  it('drops the rest of a chunk once the listener unsubscribes', async () => {
    const server = streamServer();
    const events: DashboardEvent[] = [];
    const adapter = createRestAdapter({ baseUrl: '/api', fetch: server.fetch });
    const unsubscribe = adapter.subscribe('acme', (event) => {
      events.push(event);
      unsubscribe();
    });
    await until(() => server.connections.length === 1);
    server.connections[0].send(message('plan', plan) + message('organization', organization));
    await until(() => events.length === 1);
    await tick();
    expect(events).to.have.length(1);
  });

  it('closes when its signal aborts', async () => {
    const server = streamServer();
    const controller = new AbortController();
    const { states } = live({ fetch: server.fetch }, controller.signal);
    await until(() => states.length === 1);
    controller.abort();
    expect(states).to.deep.equal(['open', 'closed']);
    await until(() => server.connections[0].cancelled);
  });

  it('does nothing with a signal that is already aborted', async () => {
    const server = streamServer();
    const { states } = live({ fetch: server.fetch }, AbortSignal.abort());
    await tick();
    expect(server.calls).to.have.length(0);
    expect(states).to.deep.equal([]);
  });

  it('keeps delivering when the listener throws, reporting the error', async () => {
    const report = sinon.stub(globalThis, 'reportError');
    try {
      const server = streamServer();
      const seen: DashboardEvent[] = [];
      const adapter = createRestAdapter({ baseUrl: '/api', fetch: server.fetch });
      cleanups.push(
        adapter.subscribe('acme', (event) => {
          seen.push(event);
          throw new Error('listener bug');
        }),
      );
      await until(() => server.connections.length === 1);
      server.connections[0].send(message('plan', plan) + message('organization', organization));
      await until(() => seen.length === 2);
      expect(report.callCount).to.equal(2);
      expect(server.calls).to.have.length(1);
    } finally {
      report.restore();
    }
  });
});

describe('createRestAdapter: subscribe backoff (fake timers)', () => {
  let clock: sinon.SinonFakeTimers;
  fakeTimeoutsEachTest((fake) => (clock = fake));

  const gaps = (calls: FetchCall[]) => calls.slice(1).map((call, i) => call.at - calls[i].at);

  it('backs off exponentially with jitter above the 1 s floor, capped, reporting reconnecting once', async () => {
    const server = streamServer(() => {
      throw new TypeError('Failed to fetch');
    });
    const { states, unsubscribe } = listen({
      fetch: server.fetch,
      retryBaseMs: 1000,
      retryMaxMs: 5000,
      random: () => 0.5,
    });
    // 1 s plus half of the windows 1000, 2000, then cap - floor = 4000.
    await clock.tickAsync(1500 + 2000 + 3000 + 3000 + 3000 + 3000);
    expect(gaps(server.calls)).to.deep.equal([1500, 2000, 3000, 3000, 3000, 3000]);
    expect(states).to.deep.equal(['reconnecting']);
    unsubscribe();
    expect(states).to.deep.equal(['reconnecting', 'closed']);
    expect(clock.countTimers(), 'timers left after unsubscribe').to.equal(0);
    await clock.tickAsync(60_000);
    expect(server.calls).to.have.length(7);
  });

  it('keeps every reconnect delay within [1 s, min(cap, 1 s + base * 2^n)]', async () => {
    const server = streamServer(() => {
      throw new TypeError('Failed to fetch');
    });
    const { unsubscribe } = listen({ fetch: server.fetch, retryBaseMs: 1000, retryMaxMs: 4000 });
    await clock.tickAsync(60_000);
    unsubscribe();
    const limits = [2000, 3000, 4000];
    gaps(server.calls).forEach((gap, n) =>
      expect(gap, `reconnect ${n}`).to.be.within(1000, (limits[n] ?? 4000) + 1),
    );
    expect(server.calls.length).to.be.greaterThan(10);
  });

  it("uses the server's retry: field as the base delay, and restarts the backoff after a good connection", async () => {
    const server = streamServer((_, i) => {
      if (i === 0) {
        // The body arrives a few real tasks late, as a slow network or a busy browser delivers it:
        // the clock must not move before it is read.
        const body = new ReadableStream<Uint8Array>({
          start: async (controller) => {
            for (let task = 0; task < 50; task += 1) await realTask();
            controller.enqueue(encoder.encode('retry: 2000\n\n'));
            controller.close();
          },
        });
        return new Response(body, { headers: { 'content-type': 'text/event-stream' } });
      }
      throw new TypeError('Failed to fetch');
    });
    const { states, unsubscribe } = listen({
      fetch: server.fetch,
      retryBaseMs: 100,
      retryMaxMs: 10_000,
      random: () => 0.5,
    });
    await untilReal(() => states.includes('reconnecting'), 'the first stream read to its end');
    // 1 s plus half of the windows 2000, 4000, 8000.
    await clock.tickAsync(2000 + 3000 + 5000);
    unsubscribe();
    expect(gaps(server.calls)).to.deep.equal([2000, 3000, 5000]);
  });

  it('honours Retry-After on a 503 from the stream', async () => {
    const server = streamServer((_, i) => (i === 0 ? json({}, 503, { 'Retry-After': '3' }) : undefined));
    const { states, unsubscribe } = listen({ fetch: server.fetch, random: () => 0 });
    await clock.tickAsync(2999);
    expect(server.calls).to.have.length(1);
    await clock.tickAsync(1);
    expect(server.calls).to.have.length(2);
    expect(states).to.deep.equal(['reconnecting', 'open']);
    unsubscribe();
    expect(clock.countTimers()).to.equal(0);
  });

  it('honours a Retry-After longer than retryMaxMs on the stream: it waits as asked, not the cap', async () => {
    const server = streamServer((_, i) => (i === 0 ? json({}, 429, { 'Retry-After': '120' }) : undefined));
    const { states, unsubscribe } = listen({ fetch: server.fetch, random: () => 0, retryMaxMs: 10_000 });
    await clock.tickAsync(119_999);
    expect(server.calls, 'no request before the server said').to.have.length(1);
    await clock.tickAsync(1);
    expect(server.calls).to.have.length(2);
    expect(states).to.deep.equal(['reconnecting', 'open']);
    unsubscribe();
  });

  it('leaves no timer when unsubscribed while connecting', async () => {
    const server = scriptedFetch(() => new Promise<Response>(() => {}));
    const { states, unsubscribe } = listen({ fetch: server.fetch });
    await clock.tickAsync(10);
    expect(clock.countTimers(), 'the connect timeout').to.equal(1);
    unsubscribe();
    expect(states).to.deep.equal(['closed']);
    await clock.tickAsync(0);
    expect(clock.countTimers()).to.equal(0);
    expect(server.calls[0].signal.aborted).to.equal(true);
  });
});

describe('createRestAdapter: subscribe through MSW sse()', () => {
  const worker = setupWorker();
  before(() => worker.start({ quiet: true, onUnhandledRequest: 'bypass' }));
  afterEach(() => worker.resetHandlers());
  after(() => worker.stop());

  it('receives events from a mocked event stream with the real fetch', async () => {
    let lastEventId: string | null = null;
    worker.use(
      sse<{ plan: unknown; activity: unknown }>(
        '/api/organizations/:orgId/events',
        ({ client, request, params }) => {
          lastEventId = request.headers.get('last-event-id');
          expect(params.orgId).to.equal('acme');
          client.send({ id: '1', event: 'plan', data: plan });
          client.send({ id: '2', event: 'activity', data: activity });
        },
      ),
      http.get('/api/*', () => HttpResponse.json({}, { status: 404 })),
    );
    const { events, states, unsubscribe } = listen({ fetch: window.fetch });
    try {
      await until(() => events.length === 2, 'no events from MSW');
      expect(events).to.deep.equal([
        { topic: 'plan', data: plan },
        { topic: 'activity', data: activity },
      ]);
      expect(states).to.deep.equal(['open']);
      expect(lastEventId).to.equal(null);
    } finally {
      unsubscribe();
    }
  });
});
