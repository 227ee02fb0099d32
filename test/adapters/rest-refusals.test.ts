/**
 * What the REST adapter refuses before anything reaches the network, and how it classifies what
 * fails: an org id that is not one path segment, a request the browser cannot build (a header
 * value it refuses), and a token call that never answers.
 */
import { expect } from '@open-wc/testing';
import sinon from 'sinon';
import { createRestAdapter } from '../../src/adapters/rest.js';
import type { DashboardAdapter, LiveConnectionState } from '../../src/contract/types.js';
import { json, never, organization, plan, rejectionOf, scriptedFetch } from './rest-fixtures.js';
import { fakeTimeoutsEachTest } from '../helpers/clock.js';

/** How every reading method of the adapter fails for `orgId` (each rejection handled at once). */
function everyRead(adapter: DashboardAdapter, orgId: string): [string, Promise<{ code: string }>][] {
  const calls: [string, Promise<unknown>][] = [
    ['getOrganization', adapter.getOrganization(orgId)],
    ['getAccess', adapter.getAccess(orgId)],
    ['getWorkspaceStats', adapter.getWorkspaceStats(orgId)],
    ['getBilling', adapter.getBilling(orgId)],
    ['getPlan', adapter.getPlan(orgId)],
    ['listActivities', adapter.listActivities(orgId, { limit: 5 })],
    ['listAnnouncements', adapter.listAnnouncements(orgId)],
  ];
  return calls.map(([name, pending]) => [name, rejectionOf(pending)]);
}

/** Lets pending promise callbacks run without moving a fake clock. */
function settle(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });
}

describe('createRestAdapter: org ids that are not one path segment', () => {
  for (const orgId of ['', '.', '..']) {
    it(`refuses ${JSON.stringify(orgId)} with invalid-request on every method, before any request`, async () => {
      const { fetch, calls } = scriptedFetch(() => json(organization));
      const getToken = sinon.stub().resolves('secret');
      const adapter = createRestAdapter({ baseUrl: '/api/v1', fetch, getToken });
      for (const [name, failure] of everyRead(adapter, orgId)) {
        const error = await failure;
        expect(error.code, name).to.equal('invalid-request');
      }
      const states: LiveConnectionState[] = [];
      adapter.subscribe(orgId, () => {}, { onConnectionChange: (state) => states.push(state) });
      await settle();
      expect(states, 'subscribe').to.deep.equal(['closed']);
      expect(calls, 'requests sent').to.have.length(0);
      expect(getToken.callCount, 'token calls').to.equal(0);
    });
  }

  it('a refused subscription ended at once: a throwing onConnectionChange is reported, not thrown at the caller', async () => {
    const adapter = createRestAdapter({
      baseUrl: '/api/v1',
      fetch: scriptedFetch(() => json(organization)).fetch,
    });
    const reported = sinon.stub(globalThis, 'reportError');
    try {
      const unsubscribe = adapter.subscribe('', () => {}, {
        onConnectionChange: () => {
          throw new Error('the host’s own bug');
        },
      });
      expect(() => unsubscribe()).not.to.throw();
      await settle();
      expect(reported.callCount).to.equal(1);
    } finally {
      reported.restore();
    }
  });

  it('still sends ids that only look like dot segments, encoded into one segment', async () => {
    const { fetch, calls } = scriptedFetch(() => json(organization));
    const adapter = createRestAdapter({ baseUrl: '/api', fetch });
    for (const orgId of ['...', '.a', '%2e%2e', '../x', '..\\x', ' ..', '．．', 'a/../b']) {
      await adapter.getOrganization(orgId);
    }
    for (const call of calls) {
      const path = new URL(call.url, location.href).pathname;
      expect(path.split('/').slice(0, 3), call.url).to.deep.equal(['', 'api', 'organizations']);
      expect(path.split('/'), call.url).to.have.length(4);
    }
  });
});

describe('createRestAdapter: requests the browser cannot build', () => {
  it('refuses a token with a newline as invalid-request: one token call, no request, no retry', async () => {
    const { fetch, calls } = scriptedFetch(() => json(plan));
    const getToken = sinon.stub().resolves('abc\ndef');
    const adapter = createRestAdapter({ baseUrl: '/api', fetch, getToken, retryBaseMs: 0 });
    const error = await rejectionOf(adapter.getPlan('acme'));
    expect(error.code).to.equal('invalid-request');
    expect(getToken.callCount).to.equal(1);
    expect(calls).to.have.length(0);
    expect(String((error as unknown as Error).message)).not.to.contain('abc');
  });

  it('refuses a custom header value the browser refuses as invalid-request, without retrying', async () => {
    const { fetch, calls } = scriptedFetch(() => json(plan));
    const adapter = createRestAdapter({
      baseUrl: '/api',
      fetch,
      retryBaseMs: 0,
      headers: [['X-Tenant', 'blue\r\nX-Evil: 1']],
    });
    expect((await rejectionOf(adapter.getPlan('acme'))).code).to.equal('invalid-request');
    expect(calls).to.have.length(0);
  });

  it('refuses a base URL the browser cannot parse as invalid-request', async () => {
    const { fetch, calls } = scriptedFetch(() => json(plan));
    const adapter = createRestAdapter({ baseUrl: 'http://[not-a-host', fetch, retryBaseMs: 0 });
    expect((await rejectionOf(adapter.getPlan('acme'))).code).to.equal('invalid-request');
    expect(calls).to.have.length(0);
  });

  it('closes a live subscription whose request cannot be built, without retrying', async () => {
    const { fetch, calls } = scriptedFetch(() => json(plan));
    const getToken = sinon.stub().resolves('abc\ndef');
    const adapter = createRestAdapter({ baseUrl: '/api', fetch, getToken });
    const states: LiveConnectionState[] = [];
    adapter.subscribe('acme', () => {}, { onConnectionChange: (state) => states.push(state) });
    const start = performance.now();
    while (!states.length && performance.now() - start < 10_000) await settle();
    expect(states).to.deep.equal(['closed']);
    expect(getToken.callCount).to.equal(1);
    expect(calls).to.have.length(0);
  });

  it('still reports a fetch that fails as network, and retries it', async () => {
    const { fetch, calls } = scriptedFetch((_, i) => {
      if (i === 0) throw new TypeError('some message no browser uses');
      return json(plan);
    });
    const adapter = createRestAdapter({ baseUrl: '/api', fetch, retryBaseMs: 0 });
    expect(await adapter.getPlan('acme')).to.deep.equal(plan);
    expect(calls).to.have.length(2);
  });
});

describe('createRestAdapter: a token call that never answers (fake timers)', () => {
  let clock: sinon.SinonFakeTimers;
  fakeTimeoutsEachTest((fake) => (clock = fake));

  it('times out under timeoutMs, asks again on the retry, and never sends a request', async () => {
    const { fetch, calls } = scriptedFetch(() => json(plan));
    const getToken = sinon.stub().callsFake(() => never());
    const adapter = createRestAdapter({ baseUrl: '/api', fetch, getToken, timeoutMs: 1000, retries: 1 });
    let outcome: { code: string } | undefined;
    rejectionOf(adapter.getPlan('acme')).then((error) => (outcome = error));
    await settle();
    await clock.tickAsync(999);
    expect(outcome).to.equal(undefined);
    await clock.tickAsync(1 + 1000 + 1000);
    await settle();
    expect(outcome?.code).to.equal('timeout');
    expect(getToken.callCount, 'a timed-out token call is not shared by the retry').to.equal(2);
    expect(calls).to.have.length(0);
    expect(clock.countTimers()).to.equal(0);
  });

  it('a later request calls getToken again instead of waiting on the hung call', async () => {
    const { fetch, calls } = scriptedFetch(() => json(plan));
    const getToken = sinon.stub();
    getToken.onFirstCall().callsFake(() => never());
    getToken.resolves('fresh');
    const adapter = createRestAdapter({ baseUrl: '/api', fetch, getToken, timeoutMs: 1000, retries: 0 });
    const first = rejectionOf(adapter.getPlan('acme'));
    await settle();
    await clock.tickAsync(1000);
    expect((await first).code).to.equal('timeout');
    const second = adapter.getPlan('acme');
    await clock.tickAsync(0);
    expect(await second).to.deep.equal(plan);
    expect(calls[0].headers.get('authorization')).to.equal('Bearer fresh');
  });

  it('puts the token call of a live connection under the deadline too', async () => {
    const { fetch } = scriptedFetch(() => json(plan));
    const getToken = sinon.stub().callsFake(() => never());
    const adapter = createRestAdapter({ baseUrl: '/api', fetch, getToken, timeoutMs: 1000 });
    const states: LiveConnectionState[] = [];
    const unsubscribe = adapter.subscribe('acme', () => {}, {
      onConnectionChange: (state) => states.push(state),
    });
    await settle();
    await clock.tickAsync(1000);
    expect(states).to.deep.equal(['reconnecting']);
    unsubscribe();
  });
});
