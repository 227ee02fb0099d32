/**
 * The platform's own timeout: `AbortSignal.timeout(ms)` aborts with a `TimeoutError` DOMException,
 * and `fetch` rejects with it. A host's `fetch` wrapper (or a fetch library) that puts its own
 * deadline on requests that way, and a host's own adapter that does, time out: DESIGN's `timeout`,
 * retried like the adapter's own deadline, never a failure of the server.
 */
import { expect } from '@open-wc/testing';
import sinon from 'sinon';
import { createRestAdapter } from '../../src/adapters/rest.js';
import { toDashboardError } from '../../src/contract/errors.js';
import { json, plan, rejectionOf, scriptedFetch } from './rest-fixtures.js';
import { fakeTimeoutsEachTest } from '../helpers/clock.js';

/** What `fetch` rejects with when the signal of `AbortSignal.timeout()` fires. */
async function platformTimeout(): Promise<unknown> {
  const controller = new AbortController();
  controller.abort(new DOMException('signal timed out', 'TimeoutError'));
  return fetch('/__never', { signal: controller.signal }).catch((error: unknown) => error);
}

describe('a TimeoutError is a timeout (fake timers)', () => {
  let clock: sinon.SinonFakeTimers;
  fakeTimeoutsEachTest((fake) => (clock = fake));

  it('from a custom fetch with its own deadline: timeout, retried, then the answer', async () => {
    const timedOut = await platformTimeout();
    expect((timedOut as Error).name).to.equal('TimeoutError');
    const { fetch, calls } = scriptedFetch((_, i) => (i < 2 ? Promise.reject(timedOut) : json(plan)));
    const pending = createRestAdapter({ baseUrl: '/api', fetch, timeoutMs: 0 }).getPlan('acme');
    await clock.runAllAsync();
    expect(await pending).to.deep.equal(plan);
    expect(calls).to.have.length(3);
  });

  it('from a custom fetch with its own deadline, every try: rejects with timeout', async () => {
    const timedOut = await platformTimeout();
    const { fetch, calls } = scriptedFetch(() => Promise.reject(timedOut));
    const pending = rejectionOf(createRestAdapter({ baseUrl: '/api', fetch, timeoutMs: 0 }).getPlan('acme'));
    await clock.runAllAsync();
    expect((await pending).code).to.equal('timeout');
    expect(calls).to.have.length(4);
  });

  it('from a host’s own adapter: timeout, keeping the original as its cause', async () => {
    const timedOut = await platformTimeout();
    const error = toDashboardError(timedOut);
    expect(error.code).to.equal('timeout');
    expect(error.cause).to.equal(timedOut);
    expect(toDashboardError(new DOMException('gone', 'AbortError')).code).to.equal('aborted');
  });
});
