/**
 * Where the browser refuses to share a live stream between tabs (Web Locks reject with
 * `SecurityError` in opaque origins and, in Chromium, where site storage is blocked;
 * `BroadcastChannel` throws where storage is denied), the page streams its own orgs, as where Web
 * Locks do not exist, and nothing reaches the host page as an error.
 */
import { expect } from '@open-wc/testing';
import sinon from 'sinon';
import { createHttpClient } from '../../src/adapters/http.js';
import { LiveHub } from '../../src/adapters/live-hub.js';
import { createRestAdapter } from '../../src/adapters/rest.js';

import { until } from './rest-fixtures.js';
import { listen, LiveServer, type Heard } from './live-server.js';

const payload = (id: number) => ({ id: `a${id}`, resourceType: 'Workspaces', action: 'Create' });

function emit(server: LiveServer, orgId: string): unknown {
  const data = payload(server.log.length + 1);
  server.emit(orgId, 'activity', data);
  return data;
}

type LockRequest = (...args: unknown[]) => Promise<unknown>;

/** A rejection the test decides when to deliver. */
function laterRefusal(): { promise: Promise<never>; refuse(): void } {
  let refuse!: () => void;
  const promise = new Promise<never>((_, reject) => {
    refuse = () => reject(new DOMException('The request was denied.', 'SecurityError'));
  });
  return { promise, refuse };
}

const refusedNow = () => Promise.reject(new DOMException('The request was denied.', 'SecurityError'));

let pages = 0;

describe('live connections where tabs cannot share (Web Locks or BroadcastChannel refused)', () => {
  const sandbox = sinon.createSandbox();
  /** What reached the host page: `reportError`, error events, unhandled rejections. */
  let errors: unknown[];
  let baseUrl: string;
  let server: LiveServer;
  let heard: Heard[];
  const onError = (event: ErrorEvent) => errors.push(event.error ?? event.message);
  const onRejection = (event: PromiseRejectionEvent) => errors.push(event.reason);

  beforeEach(() => {
    errors = [];
    heard = [];
    server = new LiveServer();
    // A baseUrl of this test alone: its lock and channel names are no other test's (or page's).
    baseUrl = `/no-locks-${++pages}-${Math.random().toString(36).slice(2)}`;
    sandbox.stub(globalThis, 'reportError').callsFake((error: unknown) => errors.push(error));
    addEventListener('error', onError);
    addEventListener('unhandledrejection', onRejection);
    // The browser's own fetch (the adapter is given none, so its hub shares across tabs), answered
    // by the reference server under this test's baseUrl.
    const ownFetch = globalThis.fetch.bind(globalThis);
    sandbox.stub(globalThis, 'fetch').callsFake((input: RequestInfo | URL, init?: RequestInit) => {
      const url = new URL(String(input instanceof Request ? input.url : input), location.href);
      if (!url.pathname.startsWith(`${baseUrl}/`)) return ownFetch(input, init);
      url.pathname = `/api${url.pathname.slice(baseUrl.length)}`;
      return server.fetch(url, init);
    });
  });

  afterEach(async () => {
    heard.forEach((one) => one.unsubscribe());
    await until(() => server.open.size === 0, 'every stream let go');
    sandbox.restore();
    removeEventListener('error', onError);
    removeEventListener('unhandledrejection', onRejection);
  });

  /** Lock requests answered by `answer`; `real` asks the browser. */
  function stubLocks(answer: (real: LockRequest, ...args: unknown[]) => Promise<unknown>) {
    const locks = navigator.locks;
    const real = locks.request.bind(locks) as LockRequest;
    return sandbox
      .stub(locks, 'request')
      .callsFake(((...args: unknown[]) => answer(real, ...args)) as typeof locks.request);
  }

  function subscribeTwoOrgs(): Heard[] {
    const adapter = createRestAdapter({ baseUrl, random: () => 0 });
    heard.push(listen(adapter.subscribe, 'org-1'), listen(adapter.subscribe, 'org-2'));
    return heard;
  }

  /** Both orgs open on one multi-org stream of this page, and each hears its own events. */
  async function streamsAlone(subscribers: Heard[]): Promise<void> {
    await until(() => subscribers.every((one) => one.states.at(-1) === 'open'), 'both orgs open');
    expect(server.requests).to.have.length(1);
    expect(server.requests[0].url.pathname).to.equal('/api/events');
    expect(server.requests[0].url.searchParams.getAll('orgId').sort()).to.deep.equal(['org-1', 'org-2']);
    const sent = subscribers.map((one) => emit(server, one.orgId));
    await until(() => subscribers.every((one) => one.events.length === 1), 'an event each');
    expect(subscribers.map((one) => one.events)).to.deep.equal(sent.map((data) => [data]));
  }

  async function heldLocks(): Promise<string[]> {
    const { held = [], pending = [] } = await navigator.locks.query();
    return [...held, ...pending].map((lock) => lock.name ?? '').filter((name) => name.includes(baseUrl));
  }

  /** Waits, however long the browser takes, until this test's lock is neither held nor asked for. */
  async function lockLetGo(): Promise<void> {
    const start = performance.now();
    while ((await heldLocks()).length > 0) {
      if (performance.now() - start > 30_000) throw new Error('Timed out waiting for: the lock let go');
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
  }

  it('a lock request refused with SecurityError: the page opens its own stream, and reports nothing', async () => {
    const request = stubLocks(refusedNow);
    const subscribers = subscribeTwoOrgs();
    await streamsAlone(subscribers);
    expect(request.called).to.equal(true);
    expect(subscribers.flatMap((one) => one.states)).to.deep.equal(['open', 'open']);
    expect(errors).to.deep.equal([]);
  });

  it('an opaque origin (a sandboxed iframe, a data: document): no lock asked for, the page streams alone', async () => {
    sandbox.stub(globalThis, 'origin').value('null');
    // Every lock request would be refused there.
    const request = stubLocks(refusedNow);
    const subscribers = subscribeTwoOrgs();
    await streamsAlone(subscribers);
    expect(request.called).to.equal(false);
    expect(errors).to.deep.equal([]);
  });

  it('a refusal that comes later: nothing streams while the lock is asked for, then the page streams alone', async () => {
    const refusal = laterRefusal();
    const request = stubLocks(() => refusal.promise);
    const subscribers = subscribeTwoOrgs();
    await until(() => request.called, 'the lock asked for');
    // Waiting for the lock, the page leaves streaming to the tab that holds it.
    expect(server.requests).to.deep.equal([]);
    refusal.refuse();
    await streamsAlone(subscribers);
    expect(errors).to.deep.equal([]);
  });

  it('a BroadcastChannel that cannot be made: the page streams alone and holds no lock', async () => {
    sandbox.stub(globalThis, 'BroadcastChannel').throws(new DOMException('Storage denied', 'SecurityError'));
    const subscribers = subscribeTwoOrgs();
    await streamsAlone(subscribers);
    expect(await heldLocks()).to.deep.equal([]);
    expect(errors).to.deep.equal([]);
  });

  it('the lock granted, then the channel failing: the page keeps streaming its orgs and lets the lock go', async () => {
    sandbox
      .stub(BroadcastChannel.prototype, 'postMessage')
      .throws(new DOMException('Cannot post', 'DataCloneError'));
    const subscribers = subscribeTwoOrgs();
    await streamsAlone(subscribers);
    expect(server.open.size).to.equal(1);
    // Another tab can lead: this one cannot pass it events. (The browser frees it in its own time.)
    await lockLetGo();
    expect(errors).to.deep.equal([]);
  });

  it('a follower whose wait for the lock is refused later streams its orgs itself: nothing lost, nothing twice', async () => {
    // The leader's lock is real; the follower's wait (the request with a signal) is refused later.
    const refusal = laterRefusal();
    const request = stubLocks((real, ...args) =>
      (args[1] as LockOptions | undefined)?.signal ? refusal.promise : real(...args),
    );
    const name = `od-live:${location.origin}${baseUrl}`;
    const http = createHttpClient({
      baseUrl,
      fetch: (input, init) => globalThis.fetch(input, init),
      timeoutMs: 0,
      retries: 0,
      backoff: { baseMs: 0, maxMs: 0, random: () => 0 },
    });
    // Two hubs of one page on one lock and channel behave as hubs of two tabs do.
    const [leader, follower] = [0, 1].map(
      () => new LiveHub(http, { silenceMs: 0 }, name, Promise.resolve(), () => {}),
    );
    heard.push(listen((...args) => leader.add(...args), 'org-1'));
    const [second, third] = ['org-2', 'org-3'].map((orgId) =>
      listen((...args) => follower.add(...args), orgId),
    );
    heard.push(second, third);
    await until(
      () => String(server.openOrgs()) === 'org-1,org-2,org-3' && third.states.at(-1) === 'open',
      "the leader streams the follower's orgs",
    );
    await until(() => request.calledWithMatch(name, sinon.match.has('signal')), 'the follower waits');
    expect(leader.leading && !follower.leading).to.equal(true);
    const before = [emit(server, 'org-2'), emit(server, 'org-3')];
    await until(() => second.events.length === 1 && third.events.length === 1, 'through the leader');

    refusal.refuse();
    const meanwhile = [emit(server, 'org-2'), emit(server, 'org-3')];
    await until(() => follower.leading, 'the follower streams itself');
    const own = () =>
      server.requests.find((one) => String(one.url.searchParams.getAll('orgId')) === 'org-2,org-3');
    await until(() => own() !== undefined && server.open.size === 2, "the follower's own stream open");
    // It resumes from the point the leader's events had reached.
    expect(own()!.lastEventId).to.not.equal(null);
    const after = [emit(server, 'org-2'), emit(server, 'org-3')];
    await until(() => second.events.length >= 3 && third.events.length >= 3, 'every event');
    expect(second.events).to.deep.equal([before[0], meanwhile[0], after[0]]);
    expect(third.events).to.deep.equal([before[1], meanwhile[1], after[1]]);
    // The leader was told the follower's orgs are no longer its to stream: the stream it makes for
    // another org of its own leaves them out.
    heard.push(listen((...args) => leader.add(...args), 'org-4'));
    await until(
      () => server.openOrgs().map(String).sort().join(' ') === 'org-1,org-4 org-2,org-3',
      "the leader's new stream without the follower's orgs",
    );
    expect(errors).to.deep.equal([]);
  });
});
