/**
 * A token call whose callers all let go: its deadline timer goes with them (it would otherwise stay
 * set until `timeoutMs`, holding the page's timers and the adapter's memory), and the next request
 * asks `getToken` again under a deadline of its own. A call that another request still waits for
 * keeps its deadline.
 */
import { expect } from '@open-wc/testing';
import sinon from 'sinon';
import { createRestAdapter } from '../../src/adapters/rest.js';
import { json, never, plan, rejectionOf, scriptedFetch } from './rest-fixtures.js';
import { fakeTimeoutsEachTest, realTask } from '../helpers/clock.js';

describe('createRestAdapter: an aborted token wait (fake timers)', () => {
  let clock: sinon.SinonFakeTimers;
  fakeTimeoutsEachTest((fake) => (clock = fake));

  it('clears the token call’s deadline when its only caller aborts', async () => {
    const { fetch, calls } = scriptedFetch(() => json(plan));
    const getToken = sinon.stub().callsFake(() => never());
    const adapter = createRestAdapter({ baseUrl: '/api', fetch, getToken, timeoutMs: 60_000 });
    const controller = new AbortController();
    const pending = rejectionOf(adapter.getPlan('acme', { signal: controller.signal }));
    await realTask();
    expect(clock.countTimers(), 'the deadline while it waits').to.equal(1);
    controller.abort();
    expect((await pending).code).to.equal('aborted');
    await realTask();
    expect(clock.countTimers(), 'no timer left after the abort').to.equal(0);
    expect(calls).to.have.length(0);
  });

  it('keeps the deadline while another request still waits, and clears it when the last lets go', async () => {
    const { fetch } = scriptedFetch(() => json(plan));
    const getToken = sinon.stub().callsFake(() => never());
    const adapter = createRestAdapter({ baseUrl: '/api', fetch, getToken, timeoutMs: 1000, retries: 0 });
    const first = new AbortController();
    const second = new AbortController();
    const a = rejectionOf(adapter.getPlan('acme', { signal: first.signal }));
    const b = rejectionOf(adapter.getPlan('acme', { signal: second.signal }));
    await realTask();
    expect(getToken.callCount, 'one shared call').to.equal(1);
    first.abort();
    expect((await a).code).to.equal('aborted');
    await realTask();
    expect(clock.countTimers(), 'the other request still waits under the deadline').to.equal(1);
    second.abort();
    expect((await b).code).to.equal('aborted');
    await realTask();
    expect(clock.countTimers()).to.equal(0);
  });

  it('a request that still waits times out at the shared deadline after the other aborted', async () => {
    const { fetch } = scriptedFetch(() => json(plan));
    const getToken = sinon.stub().callsFake(() => never());
    const adapter = createRestAdapter({ baseUrl: '/api', fetch, getToken, timeoutMs: 1000, retries: 0 });
    const leaving = new AbortController();
    const gone = rejectionOf(adapter.getPlan('acme', { signal: leaving.signal }));
    const staying = rejectionOf(adapter.getPlan('acme'));
    await realTask();
    leaving.abort();
    expect((await gone).code).to.equal('aborted');
    await clock.tickAsync(1000);
    expect((await staying).code).to.equal('timeout');
    expect(clock.countTimers()).to.equal(0);
  });

  it('the next request after an abandoned call asks getToken again, under its own deadline', async () => {
    const { fetch, calls } = scriptedFetch(() => json(plan));
    const getToken = sinon.stub();
    getToken.onFirstCall().callsFake(() => never());
    getToken.resolves('fresh');
    const adapter = createRestAdapter({ baseUrl: '/api', fetch, getToken, timeoutMs: 1000, retries: 0 });
    const controller = new AbortController();
    const first = rejectionOf(adapter.getPlan('acme', { signal: controller.signal }));
    await realTask();
    controller.abort();
    expect((await first).code).to.equal('aborted');
    const second = adapter.getPlan('acme');
    await clock.tickAsync(0);
    expect(await second).to.deep.equal(plan);
    expect(getToken.callCount).to.equal(2);
    expect(calls[0].headers.get('authorization')).to.equal('Bearer fresh');
    expect(clock.countTimers()).to.equal(0);
  });

  it('a refresh whose callers all aborted is asked for again by a later 401', async () => {
    let refuseLate!: () => void;
    const late = new Promise<Response>((resolve) => (refuseLate = () => resolve(json({}, 401))));
    const { fetch } = scriptedFetch((call, index) =>
      call.headers.get('authorization') === 'Bearer good' ? json(plan) : index === 0 ? json({}, 401) : late,
    );
    const getToken = sinon.stub();
    getToken.onCall(0).resolves('old');
    getToken.onCall(1).callsFake(() => never());
    getToken.resolves('good');
    const adapter = createRestAdapter({ baseUrl: '/api', fetch, getToken, timeoutMs: 1000, retries: 0 });
    const controller = new AbortController();
    // Both get the same token; the first is refused and starts a refresh, the second's answer is late.
    const first = rejectionOf(adapter.getPlan('acme', { signal: controller.signal }));
    let second: unknown;
    // A signal of its own (never aborted) so both take the same steps and the first asks first.
    const secondSettled = adapter.getPlan('acme', { signal: new AbortController().signal }).then(
      (value) => (second = value),
      (error: { code: string }) => (second = error.code),
    );
    await realTask();
    await realTask();
    expect(getToken.callCount, 'the shared token and the first one’s refresh').to.equal(2);
    expect(clock.countTimers(), 'the refresh’s deadline and the second request’s').to.equal(2);
    controller.abort();
    expect((await first).code).to.equal('aborted');
    await realTask();
    expect(clock.countTimers(), 'the refresh’s deadline went with its caller').to.equal(1);
    // The second was refused with the token from before that refresh: it asks afresh, not the abandoned call.
    refuseLate();
    // However many tasks reading the bodies takes (Firefox's took over 20 on a busy machine). Code
    // that waited for the abandoned call would hang here, its deadline never coming: the test fails.
    await secondSettled;
    expect([second, getToken.callCount, clock.countTimers()]).to.deep.equal([plan, 3, 0]);
    expect(getToken.callCount).to.equal(3);
  });
});
