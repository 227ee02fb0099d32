/**
 * Waits the host asks for that are longer than a browser timer can hold. Browsers read a timer's
 * delay as a signed 32-bit count of ms (WebIDL `long`): 2^31 ms, or `Number.MAX_SAFE_INTEGER` (a
 * common way to say "never"), wraps to 0 or a negative number, and the timer fires at once. The
 * fake clock does the same (a delay past 2^31 - 1 becomes 1 ms), so these tests see what a real
 * browser does without waiting for it.
 */
import { expect } from '@open-wc/testing';
import sinon from 'sinon';
import { createRestAdapter } from '../../src/adapters/rest.js';
import type { LiveConnectionState } from '../../src/contract/types.js';
import { json, never, plan, rejectionOf, scriptedFetch } from './rest-fixtures.js';
import { fakeTimeoutsEachTest, realTask } from '../helpers/clock.js';

const NEVER_MS = Number.MAX_SAFE_INTEGER;
const LONG_WAITS = [NEVER_MS, 2 ** 31, 2 ** 32];

describe('createRestAdapter: waits longer than a timer can hold (fake timers)', () => {
  let clock: sinon.SinonFakeTimers;
  fakeTimeoutsEachTest((fake) => (clock = fake));

  for (const timeoutMs of LONG_WAITS) {
    it(`a timeoutMs of ${timeoutMs} never ends a request or a token call early`, async () => {
      let answer!: (response: Response) => void;
      const { fetch, calls } = scriptedFetch(() => new Promise<Response>((resolve) => (answer = resolve)));
      let token!: (value: string) => void;
      const getToken = () => new Promise<string>((resolve) => (token = resolve));
      const adapter = createRestAdapter({ baseUrl: '/api', fetch, getToken, timeoutMs, retries: 0 });
      let outcome: unknown;
      adapter.getPlan('acme').then(
        (value) => (outcome = value),
        (error: { code: string }) => (outcome = error.code),
      );
      await realTask();
      await clock.tickAsync(60_000);
      expect(outcome, 'while getToken answers').to.equal(undefined);
      token('t');
      await realTask();
      expect(calls).to.have.length(1);
      await clock.tickAsync(60_000);
      expect(outcome, 'while the server answers').to.equal(undefined);
      answer(json(plan));
      while (outcome === undefined) await realTask();
      expect(outcome).to.deep.equal(plan);
    });
  }

  it('a retryMaxMs past the timers’ range still waits out a Retry-After of 30 days: no retry at once', async () => {
    const thirtyDays = String(30 * 24 * 3600);
    const { fetch, calls } = scriptedFetch(() => json({}, 429, { 'retry-after': thirtyDays }));
    const adapter = createRestAdapter({ baseUrl: '/api', fetch, timeoutMs: 0, retryMaxMs: NEVER_MS });
    const controller = new AbortController();
    const failure = rejectionOf(adapter.getPlan('acme', { signal: controller.signal }));
    await realTask();
    await clock.tickAsync(60_000);
    expect(calls, 'requests within a minute').to.have.length(1);
    controller.abort();
    expect(['rate-limited', 'aborted']).to.include((await failure).code);
  });

  it('a streamSilenceMs past the timers’ range sets no timer over and over while the stream is open', async () => {
    const { fetch } = scriptedFetch(
      () =>
        new Response(new ReadableStream({ start: (c) => c.enqueue(new TextEncoder().encode(': hi\n\n')) }), {
          headers: { 'content-type': 'text/event-stream' },
        }),
    );
    const adapter = createRestAdapter({
      baseUrl: '/api',
      fetch,
      streamSilenceMs: NEVER_MS,
      liveSharing: 'page',
    });
    const states: LiveConnectionState[] = [];
    const unsubscribe = adapter.subscribe('acme', () => {}, {
      onConnectionChange: (state) => states.push(state),
    });
    while (!states.includes('open')) await realTask();
    await realTask();
    const timersSet = sinon.spy(globalThis, 'setTimeout');
    try {
      await clock.tickAsync(10_000);
      expect(timersSet.callCount, 'timers set in 10 s of an open, quiet stream').to.be.below(5);
    } finally {
      timersSet.restore();
      unsubscribe();
    }
    expect(states).to.deep.equal(['open', 'closed']);
  });

  it('a never-answering fetch under such a timeoutMs still ends at once on abort', async () => {
    const { fetch } = scriptedFetch(() => never());
    const adapter = createRestAdapter({ baseUrl: '/api', fetch, timeoutMs: NEVER_MS });
    const controller = new AbortController();
    const failure = rejectionOf(adapter.getPlan('acme', { signal: controller.signal }));
    await realTask();
    controller.abort();
    expect((await failure).code).to.equal('aborted');
  });
});
