import { expect } from '@open-wc/testing';
import sinon from 'sinon';
import fc from 'fast-check';
import { parseRetryAfter } from '../../src/adapters/http.js';
import { createRestAdapter, type RestAdapterOptions } from '../../src/adapters/rest.js';
import {
  json,
  never,
  organization,
  plan,
  rejectionOf,
  scriptedFetch,
  type FetchCall,
} from './rest-fixtures.js';
import { fakeTimeoutsEachTest } from '../helpers/clock.js';

/** Lets pending promise callbacks (fetch replies, token calls) run without moving the clock. */
function settle(): Promise<void> {
  // A real macrotask (only timers and Date are faked): every queued microtask runs first.
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });
}

const unavailable = () => json({ message: 'down' }, 503);

/** A token source whose first token is stale and whose refresh gives a fresh one; a third call is a bug. */
function staleThenFresh(): sinon.SinonStub {
  const getToken = sinon.stub();
  getToken.onFirstCall().resolves('stale');
  getToken.onSecondCall().resolves('fresh');
  getToken.resolves('unexpected');
  return getToken;
}

describe('createRestAdapter: retries and backoff', () => {
  let clock: sinon.SinonFakeTimers;
  fakeTimeoutsEachTest((fake) => (clock = fake));

  /**
   * No deadline unless a test sets one: `clock.runAllAsync()` fires every timer it finds, and
   * Firefox reads a response body in tasks of its own, so a success's deadline would fire before
   * its body is read (seen once in CI: a third attempt after a retried network failure).
   */
  function adapterWith(fetch: typeof globalThis.fetch, options: Partial<RestAdapterOptions> = {}) {
    return createRestAdapter({ baseUrl: '/api', fetch, timeoutMs: 0, ...options });
  }

  /** Gaps between consecutive calls on the fake clock. */
  const gaps = (calls: FetchCall[]) => calls.slice(1).map((call, i) => call.at - calls[i].at);

  it('retries 5xx three times by default, then rejects with the last error', async () => {
    const { fetch, calls } = scriptedFetch(unavailable);
    const pending = rejectionOf(adapterWith(fetch).getPlan('acme'));
    await clock.runAllAsync();
    const error = await pending;
    expect(error.code).to.equal('server');
    expect(error.status).to.equal(503);
    expect(calls).to.have.length(4);
  });

  it('makes exactly retries + 1 attempts', async () => {
    const { fetch, calls } = scriptedFetch(unavailable);
    const pending = rejectionOf(adapterWith(fetch, { retries: 1 }).getPlan('acme'));
    await clock.runAllAsync();
    await pending;
    expect(calls).to.have.length(2);
  });

  it('waits a full-jitter delay within [0, min(cap, base * 2^n)]', async () => {
    const { fetch, calls } = scriptedFetch(unavailable);
    const pending = rejectionOf(
      adapterWith(fetch, { retries: 6, retryBaseMs: 100, retryMaxMs: 1000 }).getPlan('acme'),
    );
    await clock.runAllAsync();
    await pending;
    const windows = [100, 200, 400, 800, 1000, 1000];
    gaps(calls).forEach((gap, n) => expect(gap, `retry ${n}`).to.be.within(0, windows[n]));
  });

  it('grows the delay exponentially up to the cap', async () => {
    const { fetch, calls } = scriptedFetch(unavailable);
    const random = () => 0.5;
    const pending = rejectionOf(
      adapterWith(fetch, { retries: 5, retryBaseMs: 100, retryMaxMs: 1000, random }).getPlan('acme'),
    );
    await clock.runAllAsync();
    await pending;
    expect(gaps(calls)).to.deep.equal([50, 100, 200, 400, 500]);
  });

  it('spreads the delay over the whole window (the jitter is full)', async () => {
    const picks = [0, 0.999];
    const { fetch, calls } = scriptedFetch(unavailable);
    const random = () => picks.shift() ?? 0;
    const pending = rejectionOf(
      adapterWith(fetch, { retries: 2, retryBaseMs: 1000, retryMaxMs: 10_000, random }).getPlan('acme'),
    );
    await clock.runAllAsync();
    await pending;
    expect(gaps(calls)).to.deep.equal([0, 1998]);
  });

  it('recovers when a retry succeeds', async () => {
    const { fetch, calls } = scriptedFetch((_, i) => (i < 2 ? unavailable() : json(plan)));
    const pending = adapterWith(fetch).getPlan('acme');
    await clock.runAllAsync();
    expect(await pending).to.deep.equal(plan);
    expect(calls).to.have.length(3);
  });

  it('retries network failures', async () => {
    const { fetch, calls } = scriptedFetch((_, i) => {
      if (i === 0) throw new TypeError('Failed to fetch');
      return json(plan);
    });
    const pending = adapterWith(fetch).getPlan('acme');
    await clock.runAllAsync();
    expect(await pending).to.deep.equal(plan);
    expect(calls).to.have.length(2);
  });

  it('retries timeouts, each attempt getting the full timeout', async () => {
    const { fetch, calls } = scriptedFetch(() => never());
    const pending = rejectionOf(
      adapterWith(fetch, { timeoutMs: 1000, retries: 1, random: () => 0 }).getPlan('acme'),
    );
    await settle();
    await clock.tickAsync(999);
    expect(calls).to.have.length(1);
    await clock.runAllAsync();
    const error = await pending;
    expect(error.code).to.equal('timeout');
    expect(calls).to.have.length(2);
    expect(calls[0].signal.aborted, 'the timed-out fetch is aborted').to.equal(true);
    // Fake timers run a zero delay set during a tick 1 ms later.
    expect(gaps(calls)[0]).to.be.within(1000, 1001);
    expect(clock.now - calls[1].at).to.equal(1000);
  });

  it('uses a 15 s timeout by default', async () => {
    const { fetch } = scriptedFetch(() => never());
    let error: { code: string } | undefined;
    createRestAdapter({ baseUrl: '/api', fetch, retries: 0 })
      .getPlan('acme')
      .catch((e: { code: string }) => (error = e));
    await settle();
    await clock.tickAsync(14_999);
    expect(error).to.equal(undefined);
    await clock.tickAsync(1);
    await settle();
    expect(error?.code).to.equal('timeout');
  });

  for (const status of [400, 401, 403, 404, 422]) {
    it(`does not retry HTTP ${status}`, async () => {
      const { fetch, calls } = scriptedFetch(() => json({}, status));
      const pending = rejectionOf(adapterWith(fetch).getPlan('acme'));
      await clock.runAllAsync();
      await pending;
      expect(calls).to.have.length(1);
    });
  }

  it('honours Retry-After in seconds as the least delay', async () => {
    const { fetch, calls } = scriptedFetch((_, i) =>
      i === 0 ? json({}, 429, { 'Retry-After': '2' }) : json(plan),
    );
    const pending = adapterWith(fetch, { retryBaseMs: 100, retryMaxMs: 5000, random: () => 0 }).getPlan(
      'acme',
    );
    await settle();
    await clock.tickAsync(1999);
    expect(calls).to.have.length(1);
    await clock.tickAsync(1);
    expect(await pending).to.deep.equal(plan);
    expect(gaps(calls)).to.deep.equal([2000]);
  });

  it('honours Retry-After as an HTTP date', async () => {
    const { fetch, calls } = scriptedFetch((_, i) =>
      i === 0 ? json({}, 503, { 'Retry-After': new Date(Date.now() + 3000).toUTCString() }) : json(plan),
    );
    const pending = adapterWith(fetch, { retryMaxMs: 5000, random: () => 0 }).getPlan('acme');
    await clock.runAllAsync();
    await pending;
    expect(gaps(calls)[0]).to.equal(3000);
  });

  it("reads each form of an HTTP date in GMT, whatever the viewer's time zone (RFC 9110 5.6.7)", () => {
    const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
    const LONG_DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
    const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
    const two = (n: number) => String(n).padStart(2, '0');
    const time = (d: Date) => `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}`;
    const forms = {
      imf: (d: Date) => d.toUTCString(),
      rfc850: (d: Date) =>
        `${LONG_DAYS[d.getUTCDay()]}, ${two(d.getUTCDate())}-${MONTHS[d.getUTCMonth()]}-${two(d.getUTCFullYear() % 100)} ${time(d)} GMT`,
      asctime: (d: Date) =>
        `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2, ' ')} ${time(d)} ${d.getUTCFullYear()}`,
    };
    // RFC 850's two-digit years are read by browsers as 1950-2049.
    const seconds = fc.integer({ min: Date.UTC(1970, 0, 1) / 1000, max: Date.UTC(2049, 11, 31) / 1000 });
    fc.assert(
      fc.property(
        seconds,
        fc.integer({ min: -86_400_000, max: 86_400_000 }),
        fc.constantFrom('imf', 'rfc850', 'asctime'),
        (at, ahead, form) => {
          const date = new Date(at * 1000);
          const now = date.getTime() - ahead;
          const header = forms[form as keyof typeof forms](date);
          expect(parseRetryAfter(header, now), header).to.equal(Math.max(0, ahead));
        },
      ),
      { numRuns: 500 },
    );
    // Text that names no zone and is not asctime would be read in the viewer's zone: not a date.
    expect(parseRetryAfter('2026-12-06 10:00:00', 0)).to.equal(undefined);
    expect(parseRetryAfter('Sun Nov  6 08:49:37 1994 tomorrow', 0)).to.equal(undefined);
  });

  it('reads two Retry-After headers joined by the browser as the later, and a huge one as a finite wait', () => {
    // `Headers.get` joins repeated headers with ", ": the server asked for both, so the longer holds.
    expect(parseRetryAfter('5, 7', 0)).to.equal(7000);
    expect(parseRetryAfter('Sun, 06 Nov 1994 08:49:37 GMT, Sun, 06 Nov 1994 08:49:47 GMT', 0)).to.be.a(
      'number',
    );
    // Hundreds of digits: a wait no timer holds, never Infinity on the error a host reads.
    expect(parseRetryAfter('9'.repeat(400), 0)).to.equal(2 ** 31 - 1);
  });

  it('keeps the jittered delay when it is longer than Retry-After', async () => {
    const { fetch, calls } = scriptedFetch((_, i) =>
      i === 0 ? json({}, 429, { 'Retry-After': '1' }) : json(plan),
    );
    const pending = adapterWith(fetch, { retryBaseMs: 4000, retryMaxMs: 5000, random: () => 0.5 }).getPlan(
      'acme',
    );
    await clock.runAllAsync();
    await pending;
    expect(gaps(calls)).to.deep.equal([2000]);
  });

  it('rejects at once with rate-limited when Retry-After exceeds the cap', async () => {
    const { fetch, calls } = scriptedFetch(() => json({}, 429, { 'Retry-After': '120' }));
    const pending = rejectionOf(adapterWith(fetch, { retryMaxMs: 10_000 }).getPlan('acme'));
    await settle();
    const error = await pending;
    expect(error.code).to.equal('rate-limited');
    expect(error.retryAfterMs).to.equal(120_000);
    expect(calls).to.have.length(1);
    expect(clock.countTimers()).to.equal(0);
  });

  it('aborts a backoff wait at once, leaving no timer and no further attempt', async () => {
    const { fetch, calls } = scriptedFetch(unavailable);
    const controller = new AbortController();
    const pending = rejectionOf(
      adapterWith(fetch, { retryBaseMs: 1000, random: () => 0.9 }).getPlan('acme', {
        signal: controller.signal,
      }),
    );
    await settle();
    expect(calls).to.have.length(1);
    expect(clock.countTimers(), 'the backoff timer').to.equal(1);
    controller.abort();
    const error = await pending;
    expect(error.code).to.equal('aborted');
    expect(clock.countTimers()).to.equal(0);
    await clock.runAllAsync();
    expect(calls).to.have.length(1);
  });

  it('aborts an in-flight fetch that ignores its signal at once', async () => {
    const { fetch, calls } = scriptedFetch(() => never());
    const controller = new AbortController();
    const pending = rejectionOf(adapterWith(fetch).getPlan('acme', { signal: controller.signal }));
    await settle();
    controller.abort();
    const error = await pending;
    expect(error.code).to.equal('aborted');
    expect(calls[0].signal.aborted).to.equal(true);
    expect(clock.countTimers(), 'the timeout is cleared').to.equal(0);
  });

  it('aborts a token wait at once, without fetching', async () => {
    const { fetch, calls } = scriptedFetch(() => json(plan));
    const controller = new AbortController();
    const pending = rejectionOf(
      adapterWith(fetch, { getToken: () => never() }).getPlan('acme', { signal: controller.signal }),
    );
    await settle();
    controller.abort();
    expect((await pending).code).to.equal('aborted');
    await settle();
    expect(calls).to.have.length(0);
  });
});

describe('createRestAdapter: bearer token', () => {
  function tokenServer(valid: string) {
    return scriptedFetch((call) =>
      call.headers.get('authorization') === `Bearer ${valid}` ? json(organization) : json({}, 401),
    );
  }

  it('gets a token for each request; requests made together share one call', async () => {
    const { fetch } = tokenServer('t1');
    const getToken = sinon.stub().resolves('t1');
    const adapter = createRestAdapter({ baseUrl: '/api', fetch, getToken });
    await Promise.all([adapter.getOrganization('acme'), adapter.getOrganization('acme')]);
    expect(getToken.callCount).to.equal(1);
    await adapter.getOrganization('acme');
    expect(getToken.callCount).to.equal(2);
    expect(getToken.firstCall.args[0]).to.deep.equal({ refresh: false });
  });

  it('refreshes the token once after a 401 and retries', async () => {
    const { fetch, calls } = tokenServer('fresh');
    const getToken = sinon.stub();
    getToken.onFirstCall().resolves('stale');
    getToken.onSecondCall().resolves('fresh');
    const adapter = createRestAdapter({ baseUrl: '/api', fetch, getToken });
    expect(await adapter.getOrganization('acme')).to.deep.equal(organization);
    expect(getToken.callCount).to.equal(2);
    expect(getToken.secondCall.args[0]).to.deep.equal({ refresh: true });
    expect(calls.map((c) => c.headers.get('authorization'))).to.deep.equal(['Bearer stale', 'Bearer fresh']);
  });

  it('rejects with unauthorized after a second 401, without a third token call', async () => {
    const { fetch, calls } = tokenServer('never-valid');
    const getToken = sinon.stub().resolves('stale');
    const error = await rejectionOf(createRestAdapter({ baseUrl: '/api', fetch, getToken }).getPlan('acme'));
    expect(error.code).to.equal('unauthorized');
    expect(error.status).to.equal(401);
    expect(getToken.callCount).to.equal(2);
    expect(calls).to.have.length(2);
  });

  it('shares one refresh among concurrent 401s', async () => {
    // All three requests are refused only once all three are in flight, so the 401s really coincide.
    let release!: () => void;
    const allSent = new Promise<void>((resolve) => (release = resolve));
    const { fetch, calls } = scriptedFetch(async (call) => {
      if (call.headers.get('authorization') === 'Bearer fresh') return json(organization);
      if (calls.length === 3) release();
      await allSent;
      return json({}, 401);
    });
    const getToken = staleThenFresh();
    const adapter = createRestAdapter({ baseUrl: '/api', fetch, getToken });
    const results = await Promise.all([
      adapter.getOrganization('acme'),
      adapter.getOrganization('acme'),
      adapter.getOrganization('acme'),
    ]);
    expect(results).to.have.length(3);
    // One call shared by the three first attempts, one refresh shared by the three 401s.
    expect(getToken.callCount).to.equal(2);
    expect(getToken.secondCall.args[0]).to.deep.equal({ refresh: true });
    expect(calls.map((c) => c.headers.get('authorization'))).to.deep.equal([
      'Bearer stale',
      'Bearer stale',
      'Bearer stale',
      'Bearer fresh',
      'Bearer fresh',
      'Bearer fresh',
    ]);
  });

  it('uses a refresh that finished after its token was sent, instead of refreshing again', async () => {
    let releaseSlow!: () => void;
    const slow = new Promise<void>((resolve) => (releaseSlow = resolve));
    const { fetch } = scriptedFetch(async (call, i) => {
      if (call.headers.get('authorization') === 'Bearer fresh') return json(organization);
      if (i === 1) await slow; // the second request's 401 arrives after the first one refreshed
      return json({}, 401);
    });
    const getToken = staleThenFresh();
    const adapter = createRestAdapter({ baseUrl: '/api', fetch, getToken });
    const first = adapter.getOrganization('acme');
    const second = adapter.getOrganization('acme');
    await first;
    releaseSlow();
    await second;
    expect(getToken.callCount).to.equal(2);
  });

  it('rejects with unauthorized when getToken throws', async () => {
    const { fetch, calls } = scriptedFetch(() => json(plan));
    const error = await rejectionOf(
      createRestAdapter({
        baseUrl: '/api',
        fetch,
        getToken: () => Promise.reject(new Error('login required')),
      }).getPlan('acme'),
    );
    expect(error.code).to.equal('unauthorized');
    expect(calls).to.have.length(0);
  });

  it('rejects with unauthorized when getToken gives something other than text, and sends nothing', async () => {
    for (const given of [{ token: 'x' }, 42, ['x']]) {
      const { fetch, calls } = scriptedFetch(() => json(plan));
      const error = await rejectionOf(
        createRestAdapter({
          baseUrl: '/api',
          fetch,
          // A host's slip (the whole session object): never sent as "Bearer [object Object]".
          getToken: () => given as unknown as string,
        }).getPlan('acme'),
      );
      expect(`${error.code} | ${calls.length}`, JSON.stringify(given)).to.equal('unauthorized | 0');
    }
  });

  it('never puts the token in an error message', async () => {
    const { fetch } = scriptedFetch(() => json({}, 401));
    const error = await rejectionOf(
      createRestAdapter({ baseUrl: '/api', fetch, getToken: () => 'top-secret-token' }).getPlan('acme'),
    );
    expect(String((error as unknown as Error).message)).not.to.contain('top-secret-token');
  });
});
