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

const FLOOR_MS = 1000;
const encoder = new TextEncoder();

const gaps = (calls: FetchCall[]) => calls.slice(1).map((call, i) => call.at - calls[i].at);

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

describe('createRestAdapter: reconnect floor and cap (fake timers)', () => {
  let clock: sinon.SinonFakeTimers;
  beforeEach(() => {
    clock = sinon.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  });
  afterEach(() => clock.restore());

  it('a server that sends retry: 0 and hangs up gets at most one connection a second', async () => {
    const { fetch, calls } = scriptedFetch(() => endedStream('retry: 0\n\n'));
    const { unsubscribe } = subscribe(fetch, { random: () => 0 });
    await clock.tickAsync(10_000);
    unsubscribe();
    expect(calls.length, 'connections in 10 s').to.be.within(2, 11);
    gaps(calls).forEach((gap, n) => expect(gap, `gap ${n}`).to.be.at.least(FLOOR_MS));
  });

  it('keeps the floor for any retry:, base and jitter pick, and never waits past the cap', async function () {
    // Many connections on the fake clock: real time grows with the machine's load, so room to spare.
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
          const { unsubscribe } = subscribe(fetch, { retryBaseMs, retryMaxMs, random });
          await clock.tickAsync(30_000);
          unsubscribe();
          const cap = Math.max(FLOOR_MS, retryMaxMs);
          expect(calls.length).to.be.at.least(2);
          // Fake timers run a delay set during a tick up to 1 ms late.
          gaps(calls).forEach((gap) => expect(gap).to.be.within(FLOOR_MS, cap + 1));
        },
      ),
      { numRuns: 10 },
    );
  });

  it('waits the floor plus a full-jitter pick of a window that doubles, up to the cap', async () => {
    const picks = [0.5, 0.5, 0.5, 0.5, 0.5, 0.999, 0];
    let next = 0;
    const { fetch, calls } = scriptedFetch(() => {
      throw new TypeError('Failed to fetch');
    });
    const { unsubscribe } = subscribe(fetch, {
      retryBaseMs: 1000,
      retryMaxMs: 10_000,
      random: () => picks[next++] ?? 0,
    });
    await clock.tickAsync(60_000);
    unsubscribe();
    // Windows 1000, 2000, 4000, 8000, then cap - floor = 9000.
    const expected = [1500, 2000, 3000, 5000, 5500, 1000 + 0.999 * 9000, 1000];
    gaps(calls)
      .slice(0, expected.length)
      .forEach((gap, n) => expect(gap, `reconnect ${n}`).to.be.closeTo(expected[n], 1));
  });

  it("uses the server's retry: field as the base of the window", async () => {
    const { fetch, calls } = scriptedFetch((_, i) => {
      if (i === 0) return endedStream('retry: 3000\n\n');
      throw new TypeError('Failed to fetch');
    });
    const { unsubscribe } = subscribe(fetch, { retryBaseMs: 100, retryMaxMs: 30_000, random: () => 0.5 });
    await clock.tickAsync(2500 + 4000 + 7000);
    unsubscribe();
    // After a connection that carried something the window restarts at the base: 3000, 6000, 12000.
    expect(gaps(calls)).to.deep.equal([2500, 4000, 7000]);
  });
});

describe('createRestAdapter: silent live connections (fake timers)', () => {
  let clock: sinon.SinonFakeTimers;
  beforeEach(() => {
    clock = sinon.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  });
  afterEach(() => clock.restore());

  it('treats 45 s without a byte as a dead connection: reconnecting, then a new connection', async () => {
    const connections: OpenConnection[] = [];
    const { fetch, calls } = scriptedFetch(() => openStream(connections));
    const { states, unsubscribe } = subscribe(fetch, { random: () => 0 });
    await clock.tickAsync(0);
    connections[0].send(': connected\n\n');
    await clock.tickAsync(44_999);
    expect(states).to.deep.equal(['open']);
    expect(calls).to.have.length(1);
    await clock.tickAsync(1);
    expect(states).to.deep.equal(['open', 'reconnecting']);
    expect(connections[0].cancelled, 'the silent connection is closed').to.equal(true);
    await clock.tickAsync(FLOOR_MS);
    expect(calls).to.have.length(2);
    expect(states).to.deep.equal(['open', 'reconnecting', 'open']);
    unsubscribe();
    expect(clock.countTimers(), 'timers left after unsubscribe').to.equal(0);
  });

  it('counts comment lines as signs of life', async () => {
    const connections: OpenConnection[] = [];
    const { fetch, calls } = scriptedFetch(() => openStream(connections));
    const { states, unsubscribe } = subscribe(fetch);
    await clock.tickAsync(0);
    for (let i = 0; i < 20; i += 1) {
      await clock.tickAsync(30_000);
      connections[0].send(': heartbeat\n\n');
    }
    unsubscribe();
    expect(calls).to.have.length(1);
    expect(states).to.deep.equal(['open', 'closed']);
  });

  it('takes the silence limit as an option; 0 turns the watchdog off', async () => {
    const connections: OpenConnection[] = [];
    const short = scriptedFetch(() => openStream(connections));
    const quick = subscribe(short.fetch, { streamSilenceMs: 5000, random: () => 0 });
    const off = scriptedFetch(() => openStream([]));
    const never = subscribe(off.fetch, { streamSilenceMs: 0 });
    await clock.tickAsync(5000);
    expect(quick.states).to.deep.equal(['open', 'reconnecting']);
    await clock.tickAsync(2 * 60_000);
    expect(off.calls).to.have.length(1);
    expect(never.states).to.deep.equal(['open']);
    quick.unsubscribe();
    never.unsubscribe();
  });
});
