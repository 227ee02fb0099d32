/**
 * The REST adapter's live stream against a real HTTP server (the test run's
 * own, see scripts/sse-stress-server.mjs), which drops the connection 1,000
 * times (clean ends and reset sockets, each after half a frame) and now and
 * then refuses with 503: no event lost, none duplicated, every reconnect
 * waits the 1 s floor plus a full-jitter backoff within its cap, and every
 * reconnect is followed by a resync signal ('open' after 'reconnecting').
 * The delays the adapter asks for are recorded and then run at once, so a
 * thousand reconnects of a second or more take no real seconds.
 */
import { expect } from '@open-wc/testing';
import sinon from 'sinon';
import { createRestAdapter } from '../../src/adapters/rest.js';
import type { LiveConnectionState } from '../../src/contract/types.js';

const DROPS = 1000;
const FLOOR_MS = 1000;
const BASE_MS = 1000;
const CAP_MS = 6000;

/** A seeded generator (mulberry32): the jitter is random but the run is reproducible. */
function seeded(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Report {
  connections: number;
  dropped: number;
  events: number;
  outcomes: ('refused' | 'ended' | 'reset' | 'kept')[];
}

describe('live stream under stress (real local HTTP server)', function () {
  this.timeout(120000);
  afterEach(() => sinon.restore());

  it(`${DROPS} forced disconnects: nothing lost or duplicated, backoff with jitter and cap, a resync after each`, async () => {
    const session = `stress-${Date.now()}`;
    const random = seeded(42);
    const picks: number[] = [];
    const delays: number[] = [];
    const realSetTimeout = window.setTimeout.bind(window);
    // The adapter's only timer with `timeoutMs: 0` and `streamSilenceMs: 0` is its reconnect sleep:
    // record each delay, then run it at once.
    sinon.stub(window, 'setTimeout').callsFake(((handler: TimerHandler, ms?: number, ...args: unknown[]) => {
      delays.push(ms ?? 0);
      return realSetTimeout(handler, 0, ...args);
    }) as typeof window.setTimeout);

    const adapter = createRestAdapter({
      baseUrl: '/__stress',
      headers: { 'x-stress-drops': String(DROPS) },
      timeoutMs: 0,
      streamSilenceMs: 0,
      retryBaseMs: BASE_MS,
      retryMaxMs: CAP_MS,
      random: () => {
        const pick = random();
        picks.push(pick);
        return pick;
      },
    });
    const received: string[] = [];
    const states: LiveConnectionState[] = [];
    let resyncs = 0;
    let done!: () => void;
    const finished = new Promise<void>((resolve) => (done = resolve));
    const totalEvents = 3 * DROPS + 1;
    const unsubscribe = adapter.subscribe(
      session,
      (event) => {
        if (event.topic !== 'activity') return;
        received.push(event.data.id);
        if (received.length >= totalEvents) done();
      },
      {
        onConnectionChange: (state) => {
          if (state === 'open' && states.at(-1) === 'reconnecting') resyncs += 1;
          states.push(state);
        },
      },
    );
    await finished;
    sinon.restore();
    unsubscribe();
    const report = (await (await fetch(`/__stress/report?session=${session}&end`)).json()) as Report;

    // Zero lost and zero duplicated: exactly 1..N, in order.
    expect(report.dropped).to.equal(DROPS);
    expect(report.events).to.equal(totalEvents);
    const expected = Array.from({ length: totalEvents }, (_, i) => String(i + 1));
    expect(received.length, 'events received').to.equal(expected.length);
    expect(received.join(',') === expected.join(','), 'every event exactly once, in order').to.equal(true);

    // A resync signal after every reconnect that got through.
    const reconnects = report.outcomes.length - 1;
    const opened = report.outcomes.filter((o) => o !== 'refused').length;
    expect(resyncs, 'open after reconnecting').to.equal(opened - 1);
    expect(states.at(-1)).to.equal('closed');

    // Backoff: one delay per reconnect, each the floor plus a pick of the full-jitter window
    // `min(cap - floor, base * 2^n)`: the window restarts at the base after a connection that
    // carried events (a clean end always does), and doubles after each refusal. A reset socket may
    // lose its bytes before the client reads them, which the client rightly counts as one more
    // failure: so the window is at least the server's count, and exactly it after clean ends.
    expect(delays.length, 'one delay per reconnect').to.equal(reconnects);
    expect(picks.length).to.equal(reconnects);
    const allowed = [0, 1, 2, 3, 4, 5, 6, 7, 8].map((n) => Math.min(CAP_MS - FLOOR_MS, BASE_MS * 2 ** n));
    // The windows that explain each delay (several when the pick is near 0).
    const windows = delays.map((delay, i) =>
      [...new Set(allowed)].filter((w) => Math.abs(FLOOR_MS + picks[i] * w - delay) < 1e-6),
    );
    let failuresInARow = 0;
    const outcomes = report.outcomes.slice(0, -1);
    outcomes.forEach((outcome, i) => {
      failuresInARow = outcome === 'refused' ? failuresInARow + 1 : 0;
      const least = Math.min(CAP_MS - FLOOR_MS, BASE_MS * 2 ** failuresInARow);
      expect(windows[i].length, `window ${i} is base * 2^n or the cap`).to.be.greaterThan(0);
      if (outcome === 'ended') expect(windows[i], `window ${i} after a clean end`).to.include(BASE_MS);
      else expect(Math.max(...windows[i]), `window ${i}`).to.be.at.least(least);
      expect(delays[i], `delay ${i} within the floor and the cap`).to.be.within(FLOOR_MS, CAP_MS);
    });
    expect(
      windows.some((w) => w.length === 1 && w[0] === CAP_MS - FLOOR_MS),
      'the cap was reached',
    ).to.equal(true);
    expect(new Set(delays).size, 'jitter: the delays vary').to.be.greaterThan(reconnects / 2);
    console.log(
      `stress: ${report.connections} connections, ${DROPS} drops (${report.outcomes.filter((o) => o === 'reset').length} resets), ` +
        `${report.outcomes.filter((o) => o === 'refused').length} refusals, ${received.length} events; ` +
        `delays mean ${(delays.reduce((a, b) => a + b, 0) / delays.length).toFixed(2)} ms, max ${Math.max(...delays).toFixed(2)} ms`,
    );
  });
});
