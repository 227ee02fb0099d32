/**
 * The live stream's reconnect timing and its silence watchdog, on a fake clock: a server's
 * `retry:` can neither make reconnects come more often than once a second nor stretch them past
 * the cap, and a connection that goes quiet (half-open) is noticed and replaced.
 */
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import sinon from 'sinon';
import { createRestAdapter, type RestAdapterOptions } from '../../src/adapters/rest.js';
import type { LiveConnectionState } from '../../src/contract/types.js';
import { scriptedFetch, type FetchCall } from './rest-fixtures.js';
import { fakeTimeoutsEachTest } from '../helpers/clock.js';

const FLOOR_MS = 1000;
const encoder = new TextEncoder();

const gaps = (calls: FetchCall[]) => calls.slice(1).map((call, i) => call.at - calls[i].at);

/**
 * Waits in real time (the fake clock does not move) until `predicate` holds. Firefox reads a
 * response body in tasks of its own, so the adapter's next step can lag behind the fake clock: the
 * tests wait for it instead of guessing how long it takes. The limit only ends a broken test.
 */
async function waitFor(predicate: () => boolean, what: string, limitMs = 20_000): Promise<void> {
  const start = performance.now();
  while (!predicate()) {
    if (performance.now() - start > limitMs) throw new Error(`Timed out waiting for: ${what}`);
    await new Promise((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = resolve;
      channel.port2.postMessage(null);
    });
  }
}

/**
 * Fires the adapter's next `count` reconnect timers, each once the adapter has set it (with
 * `timeoutMs: 0` and `streamSilenceMs: 0` they are its only timers), and waits for the connection
 * that follows the last one.
 */
async function reconnects(clock: sinon.SinonFakeTimers, calls: FetchCall[], count: number): Promise<void> {
  const target = calls.length + count;
  for (let i = 0; i < count; i += 1) {
    await waitFor(() => clock.countTimers() > 0, 'the next reconnect timer');
    await clock.nextAsync();
  }
  await waitFor(() => calls.length >= target, 'the connection after the last reconnect timer');
}

/** A stream that sends `text` and ends at once (a server that hangs up after its preamble). */
function endedStream(text: string): Response {
  return new Response(text, { headers: { 'content-type': 'text/event-stream' } });
}

interface OpenConnection {
  send(text: string): void;
  cancelled: boolean;
}

/** A stream the test writes to; it never ends by itself. */
function openStream(connections: OpenConnection[]): Response {
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  const connection: OpenConnection = {
    cancelled: false,
    send: (text) => controller.enqueue(encoder.encode(text)),
  };
  connections.push(connection);
  const body = new ReadableStream<Uint8Array>({
    start: (c) => void (controller = c),
    cancel: () => void (connection.cancelled = true),
  });
  return new Response(body, { headers: { 'content-type': 'text/event-stream' } });
}

function subscribe(fetch: typeof globalThis.fetch, options: Partial<RestAdapterOptions> = {}) {
  const states: LiveConnectionState[] = [];
  const adapter = createRestAdapter({ baseUrl: '/api', fetch, ...options });
  const unsubscribe = adapter.subscribe('acme', () => {}, {
    onConnectionChange: (state) => states.push(state),
  });
  return { states, unsubscribe };
}

/** Only the reconnect sleep sets timers: no connect deadline, no silence watch. */
const onlyReconnectTimers = { timeoutMs: 0, streamSilenceMs: 0 };

describe('createRestAdapter: reconnect floor and cap (fake timers)', () => {
  let clock: sinon.SinonFakeTimers;
  fakeTimeoutsEachTest((fake) => (clock = fake));

  it('a server that sends retry: 0 and hangs up gets at most one connection a second', async () => {
    const { fetch, calls } = scriptedFetch(() => endedStream('retry: 0\n\n'));
    const { unsubscribe } = subscribe(fetch, { ...onlyReconnectTimers, random: () => 0 });
    await reconnects(clock, calls, 10);
    unsubscribe();
    expect(calls).to.have.length(11);
    gaps(calls).forEach((gap, n) => expect(gap, `gap ${n}`).to.be.at.least(FLOOR_MS));
  });

  it('keeps the floor for any retry:, base and jitter pick, and never waits past the cap', async function () {
    this.timeout(120_000);
    await fc.assert(
      fc.asyncProperty(
        fc.option(fc.nat({ max: 600_000 }), { nil: undefined }),
        fc.nat({ max: 5000 }),
        fc.integer({ min: 0, max: 30_000 }),
        fc.array(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), { minLength: 1 }),
        fc.boolean(),
        async (retryField, retryBaseMs, retryMaxMs, picks, serverHangsUp) => {
          let next = 0;
          const random = () => picks[next++ % picks.length];
          const preamble = retryField === undefined ? ': hello\n\n' : `retry: ${retryField}\n\n`;
          const { fetch, calls } = scriptedFetch((_, i) => {
            // The first connection always says something, so its retry: field is heard.
            if (i === 0 || serverHangsUp) return endedStream(preamble);
            throw new TypeError('Failed to fetch');
          });
          const { unsubscribe } = subscribe(fetch, {
            ...onlyReconnectTimers,
            retryBaseMs,
            retryMaxMs,
            random,
          });
          await reconnects(clock, calls, 8);
          unsubscribe();
          const cap = Math.max(FLOOR_MS, retryMaxMs);
          gaps(calls).forEach((gap) => expect(gap).to.be.within(FLOOR_MS, cap));
        },
      ),
      { numRuns: 20 },
    );
  });

  it('waits the floor plus a full-jitter pick of a window that doubles, up to the cap', async () => {
    const picks = [0.5, 0.5, 0.5, 0.5, 0.5, 0.999, 0];
    let next = 0;
    const { fetch, calls } = scriptedFetch(() => {
      throw new TypeError('Failed to fetch');
    });
    const { unsubscribe } = subscribe(fetch, {
      ...onlyReconnectTimers,
      retryBaseMs: 1000,
      retryMaxMs: 10_000,
      random: () => picks[next++] ?? 0,
    });
    await reconnects(clock, calls, picks.length);
    unsubscribe();
    // Windows 1000, 2000, 4000, 8000, then cap - floor = 9000.
    const expected = [1500, 2000, 3000, 5000, 5500, 1000 + 0.999 * 9000, 1000];
    gaps(calls).forEach((gap, n) => expect(gap, `reconnect ${n}`).to.be.closeTo(expected[n], 1));
  });

  it("uses the server's retry: field as the base of the window", async () => {
    const { fetch, calls } = scriptedFetch((_, i) => {
      if (i === 0) return endedStream('retry: 3000\n\n');
      throw new TypeError('Failed to fetch');
    });
    const { unsubscribe } = subscribe(fetch, {
      ...onlyReconnectTimers,
      retryBaseMs: 100,
      retryMaxMs: 30_000,
      random: () => 0.5,
    });
    await reconnects(clock, calls, 3);
    unsubscribe();
    // After a connection that carried something the window restarts at the base: 3000, 6000, 12000.
    expect(gaps(calls)).to.deep.equal([2500, 4000, 7000]);
  });
});

describe('createRestAdapter: silent live connections (fake timers)', () => {
  let clock: sinon.SinonFakeTimers;
  /**
   * Every chunk the adapter decodes, which tells the test it read one (in Firefox the body the
   * adapter reads is fed from the test's stream in tasks of its own, so the test's stream cannot tell).
   */
  let chunksDecoded: sinon.SinonSpy;
  beforeEach(() => {
    clock = sinon.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    chunksDecoded = sinon.spy(TextDecoder.prototype, 'decode');
  });
  afterEach(() => {
    chunksDecoded.restore();
    clock.restore();
  });

  /** Sends `text` and waits until the adapter has read it. */
  async function sendAndRead(connection: OpenConnection, text: string): Promise<void> {
    const before = chunksDecoded.callCount;
    connection.send(text);
    await waitFor(() => chunksDecoded.callCount > before, 'the adapter to read what was sent');
  }

  it('treats 45 s without a byte as a dead connection: reconnecting, then a new connection', async () => {
    const connections: OpenConnection[] = [];
    const { fetch, calls } = scriptedFetch(() => openStream(connections));
    const { states, unsubscribe } = subscribe(fetch, { timeoutMs: 0, random: () => 0 });
    await waitFor(() => states.length === 1, 'open');
    await sendAndRead(connections[0], ': connected\n\n');
    await clock.tickAsync(44_999);
    expect(states).to.deep.equal(['open']);
    await clock.tickAsync(1);
    await waitFor(() => states.length === 2, 'reconnecting');
    expect(states).to.deep.equal(['open', 'reconnecting']);
    await waitFor(() => connections[0].cancelled, 'the silent connection to be closed');
    expect(calls).to.have.length(1);
    await clock.tickAsync(FLOOR_MS);
    await waitFor(() => states.length === 3, 'open again');
    expect(calls).to.have.length(2);
    expect(states).to.deep.equal(['open', 'reconnecting', 'open']);
    unsubscribe();
    expect(clock.countTimers(), 'timers left after unsubscribe').to.equal(0);
  });

  it('counts comment lines as signs of life', async () => {
    const connections: OpenConnection[] = [];
    const { fetch, calls } = scriptedFetch(() => openStream(connections));
    const { states, unsubscribe } = subscribe(fetch, { timeoutMs: 0 });
    await waitFor(() => states.length === 1, 'open');
    for (let i = 0; i < 20; i += 1) {
      await clock.tickAsync(30_000);
      await sendAndRead(connections[0], ': heartbeat\n\n');
    }
    unsubscribe();
    expect(calls).to.have.length(1);
    expect(states).to.deep.equal(['open', 'closed']);
  });

  it('ends a connection when it has been silent for the limit, whatever came before (generated schedules)', async function () {
    this.timeout(120_000);
    await fc.assert(
      fc.asyncProperty(fc.array(fc.integer({ min: 0, max: 4999 }), { maxLength: 8 }), async (gaps) => {
        const connections: OpenConnection[] = [];
        const { fetch } = scriptedFetch(() => openStream(connections));
        const { states, unsubscribe } = subscribe(fetch, {
          timeoutMs: 0,
          streamSilenceMs: 5000,
          random: () => 0,
        });
        await waitFor(() => states.length === 1, 'open');
        // Each chunk comes within the limit of the one before: the connection stays.
        for (const gap of gaps) {
          await clock.tickAsync(gap);
          await sendAndRead(connections[0], ': heartbeat\n\n');
        }
        // The model: dead exactly 5000 ms after the last byte.
        await clock.tickAsync(4999);
        expect(states, `after gaps ${gaps.join(', ')}`).to.deep.equal(['open']);
        await clock.tickAsync(1);
        await waitFor(() => states.length === 2, 'reconnecting');
        unsubscribe();
        expect(clock.countTimers(), 'timers left after unsubscribe').to.equal(0);
      }),
      { numRuns: 30 },
    );
  });

  it('reads chunk after chunk without setting a timer for each', async () => {
    const connections: OpenConnection[] = [];
    const { fetch } = scriptedFetch(() => openStream(connections));
    const { states, unsubscribe } = subscribe(fetch, { timeoutMs: 0 });
    await waitFor(() => states.length === 1, 'open');
    const timersSet = sinon.spy(window, 'setTimeout');
    try {
      for (let i = 0; i < 20; i += 1) await sendAndRead(connections[0], `: heartbeat ${i}\n\n`);
      expect(timersSet.callCount, 'timers set while reading 20 chunks').to.equal(0);
    } finally {
      timersSet.restore();
      unsubscribe();
    }
  });

  it('takes the silence limit as an option; 0 turns the watch off', async () => {
    const short = scriptedFetch(() => openStream([]));
    const quick = subscribe(short.fetch, { timeoutMs: 0, streamSilenceMs: 5000, random: () => 0 });
    const off = scriptedFetch(() => openStream([]));
    const never = subscribe(off.fetch, { timeoutMs: 0, streamSilenceMs: 0 });
    await waitFor(() => quick.states.length === 1 && never.states.length === 1, 'both open');
    await clock.tickAsync(5000);
    await waitFor(() => quick.states.length === 2, 'the short limit to end the silent connection');
    expect(quick.states).to.deep.equal(['open', 'reconnecting']);
    quick.unsubscribe();
    await clock.tickAsync(10 * 60_000);
    expect(off.calls).to.have.length(1);
    expect(never.states).to.deep.equal(['open']);
    never.unsubscribe();
  });
});
