import { expect } from '@open-wc/testing';
import { createHttpClient } from '../../src/adapters/http.js';
import { LiveHub } from '../../src/adapters/live-hub.js';
import { createRestAdapter } from '../../src/adapters/rest.js';
import type { LiveConnectionState } from '../../src/contract/types.js';
import { until } from './rest-fixtures.js';
import { listen, LiveServer, type Heard } from './live-server.js';

const orgs = (count: number) => Array.from({ length: count }, (_, index) => `org-${index + 1}`);
const payload = (id: number) => ({ id: `a${id}`, resourceType: 'Workspaces', action: 'Create' });

/** Emits one event per org and returns what each org should hear. */
function emitToEach(server: LiveServer, orgIds: readonly string[]): Map<string, unknown[]> {
  const expected = new Map<string, unknown[]>();
  for (const orgId of orgIds) {
    const data = payload(server.log.length + 1);
    server.emit(orgId, 'activity', data);
    expected.set(orgId, [data]);
  }
  return expected;
}

function adapterOn(server: LiveServer) {
  return createRestAdapter({ baseUrl: '/api', fetch: server.fetch, random: () => 0 });
}

describe('live connections at scale: one stream per baseUrl', () => {
  let cleanup: Array<() => void> = [];
  afterEach(() => {
    for (const stop of cleanup) stop();
    cleanup = [];
  });
  const track = (heard: Heard[]) => {
    cleanup.push(() => heard.forEach((one) => one.unsubscribe()));
    return heard;
  };

  it('twenty orgs on a page share one multi-org stream, and each hears only its own events', async () => {
    const server = new LiveServer();
    const adapter = adapterOn(server);
    const heard = track(orgs(20).map((orgId) => listen(adapter.subscribe, orgId)));
    await until(() => heard.every((one) => one.states.includes('open')), 'every org open');
    expect(server.requests).to.have.length(1);
    expect(server.requests[0].url.pathname).to.equal('/api/events');
    expect(server.requests[0].url.searchParams.getAll('orgId').sort()).to.deep.equal(orgs(20).sort());
    expect(server.maxOpen).to.equal(1);
    const expected = emitToEach(server, orgs(20));
    await until(() => heard.every((one) => one.events.length === 1), 'one event each');
    for (const one of heard) expect(one.events).to.deep.equal(expected.get(one.orgId));
  });

  it('an org id with a lone surrogate is asked for as U+FFFD, and the other orgs on the stream still hear theirs', async () => {
    const server = new LiveServer();
    const adapter = adapterOn(server);
    const uncaught: unknown[] = [];
    const onError = (event: ErrorEvent | PromiseRejectionEvent) =>
      uncaught.push('reason' in event ? event.reason : event.error);
    window.addEventListener('error', onError);
    window.addEventListener('unhandledrejection', onError);
    cleanup.push(() => {
      window.removeEventListener('error', onError);
      window.removeEventListener('unhandledrejection', onError);
    });
    const heard = track(['org-1', 'lone\ud800'].map((orgId) => listen(adapter.subscribe, orgId)));
    await until(() => heard.every((one) => one.states.includes('open')), 'both open');
    expect(server.requests[0].url.searchParams.getAll('orgId')).to.deep.equal(['org-1', 'lone\ufffd']);
    server.emit('org-1', 'activity', payload(1));
    await until(() => heard[0].events.length === 1, 'org-1 hears its event');
    expect(uncaught).to.deep.equal([]);
  });

  it('one org uses its own stream; a second moves both onto the multi-org stream and the first resyncs', async () => {
    const server = new LiveServer();
    const adapter = adapterOn(server);
    const [first] = track([listen(adapter.subscribe, 'org-1')]);
    await until(() => first.states.includes('open'), 'first open');
    expect(server.requests[0].url.pathname).to.equal('/api/organizations/org-1/events');
    const [second] = track([listen(adapter.subscribe, 'org-2')]);
    await until(() => second.states.includes('open'), 'second open');
    expect(server.requests[1].url.searchParams.getAll('orgId').sort()).to.deep.equal(['org-1', 'org-2']);
    // Its ids need not mean anything on the other stream: "reconnecting, open" makes its store fetch.
    expect(first.states).to.deep.equal(['open', 'reconnecting', 'open']);
    expect(server.maxOpen).to.equal(1);
  });

  it('a replaced stream is let go before its successor is asked for, also by a body that is slow to cancel', async () => {
    const server = new LiveServer();
    server.slowCancel = true;
    const adapter = adapterOn(server);
    const [first] = track([listen(adapter.subscribe, 'org-1')]);
    await until(() => first.states.includes('open'), 'first open');
    const [second] = track([listen(adapter.subscribe, 'org-2')]);
    await until(() => second.states.includes('open'), 'second open');
    expect(server.requests).to.have.length(2);
    expect(server.maxOpen).to.equal(1);
  });

  it('an org that joins later reopens the multi-org stream from its last event id: nothing lost, nothing twice', async () => {
    const server = new LiveServer();
    const adapter = adapterOn(server);
    const heard = track(['org-1', 'org-2'].map((orgId) => listen(adapter.subscribe, orgId)));
    await until(() => server.open.size === 1, 'multi-org stream open');
    server.emit('org-1', 'activity', payload(1));
    await until(() => heard[0].events.length === 1, 'first event');
    heard.push(...track([listen(adapter.subscribe, 'org-3')]));
    // Events keep coming while the stream is replaced.
    const sent: Array<[string, unknown]> = [];
    await until(() => {
      const orgId = orgs(3)[sent.length % 3];
      const data = payload(server.log.length + 1);
      server.emit(orgId, 'activity', data);
      sent.push([orgId, data]);
      return server.requests.length === 2 && server.open.size === 1 && sent.length > 3;
    }, 'the stream replaced');
    expect(server.requests[1].lastEventId).to.not.equal(null);
    expect(server.requests[1].url.searchParams.getAll('orgId').sort()).to.deep.equal(orgs(3));
    const expected = (orgId: string) => [
      ...(orgId === 'org-1' ? [payload(1)] : []),
      ...sent.filter(([to]) => to === orgId).map(([, data]) => data),
    ];
    // The two orgs the old stream carried hear everything; org-3 hears at least what came after it joined.
    await until(() => heard.slice(0, 2).every((one) => one.events.length >= expected(one.orgId).length));
    for (const one of heard.slice(0, 2)) expect(one.events).to.deep.equal(expected(one.orgId));
    expect(server.maxOpen).to.equal(1);
  });

  it('a dropped multi-org stream resumes with Last-Event-ID and delivers what happened meanwhile once', async () => {
    const server = new LiveServer();
    const adapter = adapterOn(server);
    const heard = track(orgs(3).map((orgId) => listen(adapter.subscribe, orgId)));
    await until(() => server.open.size === 1, 'open');
    const before = emitToEach(server, orgs(3));
    await until(() => heard.every((one) => one.events.length === 1), 'first round');
    server.dropAll();
    const during = emitToEach(server, orgs(3));
    await until(
      () => heard.every((one) => one.states.at(-1) === 'open' && one.events.length === 2),
      'resumed',
    );
    expect(server.requests.at(-1)!.lastEventId).to.equal('3');
    for (const one of heard) {
      expect(one.events).to.deep.equal([...before.get(one.orgId)!, ...during.get(one.orgId)!]);
    }
  });

  it('without a multi-org stream (404) two orgs get their own streams and the others are told to poll', async () => {
    const server = new LiveServer();
    server.multiOrg = false;
    const adapter = adapterOn(server);
    const heard = track(orgs(6).map((orgId) => listen(adapter.subscribe, orgId)));
    await until(() => heard.filter((one) => one.states.includes('polling')).length === 4, 'four polled');
    await until(() => server.open.size === 2, 'two streams');
    const streamed = heard.filter((one) => !one.states.includes('polling'));
    expect(streamed.map((one) => one.orgId).sort()).to.deep.equal(server.openOrgs().flat().sort());
    expect(server.maxOpen).to.equal(2);
    // Polled, not given up: still subscribed, never told `closed`.
    expect(heard.flatMap((one) => one.states)).not.to.include('closed');
    const expected = emitToEach(server, orgs(6));
    await until(() => streamed.every((one) => one.events.length === 1), 'events on the two streams');
    for (const one of streamed) expect(one.events).to.deep.equal(expected.get(one.orgId));
  });

  it('a place that comes free goes to the org polled longest: it hears `open` and its events, never three streams', async () => {
    const server = new LiveServer();
    server.multiOrg = false;
    const adapter = adapterOn(server);
    const heard = track(orgs(4).map((orgId) => listen(adapter.subscribe, orgId)));
    await until(() => heard.filter((one) => one.states.includes('polling')).length === 2, 'two polled');
    await until(
      () => server.open.size === 2 && heard.filter((one) => one.states.at(-1) === 'open').length === 2,
    );
    const [leaving, staying] = heard.filter((one) => one.states.at(-1) === 'open');
    const [first, second] = heard.filter((one) => one.states.includes('polling'));
    leaving.unsubscribe();
    await until(() => first.states.at(-1) === 'open', 'the org that waited longest streamed');
    expect(first.states).to.deep.equal(['polling', 'open']);
    expect(second.states).to.deep.equal(['polling']);
    expect(server.openOrgs().flat().sort()).to.deep.equal([first.orgId, staying.orgId].sort());
    const expected = emitToEach(server, orgs(4));
    await until(() => first.events.length === 1 && staying.events.length === 1, 'events on the new stream');
    expect(first.events).to.deep.equal(expected.get(first.orgId));
    expect(second.events).to.deep.equal([]);
    // Another org that leaves frees its place for the one still waiting.
    staying.unsubscribe();
    await until(() => second.states.at(-1) === 'open', 'the second waiting org streamed');
    expect(server.maxOpen).to.equal(2);
  });

  it('an org wanted again hears the state of its new stream, not the one it had when it left', async () => {
    const server = new LiveServer();
    server.multiOrg = false;
    const adapter = adapterOn(server);
    const [first] = track([listen(adapter.subscribe, 'org-1'), listen(adapter.subscribe, 'org-2')]);
    await until(() => server.open.size === 2, 'two streams');
    await until(() => first.states.at(-1) === 'open', 'org-1 open');
    first.unsubscribe();
    await until(() => server.open.size === 1, "org-1's stream let go");
    // What the subscriber is told, and whether a stream carried its org at that moment.
    const told: Array<[LiveConnectionState, boolean]> = [];
    const carried = () => server.openOrgs().some((orgIds) => orgIds.includes('org-1'));
    const again = adapter.subscribe!('org-1', () => {}, {
      onConnectionChange: (state) => told.push([state, carried()]),
    });
    cleanup.push(again);
    await until(() => server.open.size === 2 && told.length > 0, 'org-1 streamed again');
    // `open` only once its stream is open: told before, its store would take a stream it does not have.
    expect(told).to.deep.equal([['open', true]]);
  });

  it("an org wanted again on a multi-org stream that kept it hears that stream's state, also while it reconnects", async () => {
    const server = new LiveServer();
    const adapter = adapterOn(server);
    const [first, second] = track([listen(adapter.subscribe, 'org-1'), listen(adapter.subscribe, 'org-2')]);
    await until(() => first.states.at(-1) === 'open' && server.open.size === 1, 'multi-org stream open');
    // The stream still covers org-2, so it is kept (with org-1 in it) when org-1 leaves.
    first.unsubscribe();
    server.dropAll();
    await until(() => second.states.at(-1) === 'reconnecting', 'the stream reconnecting');
    const told: Array<[LiveConnectionState, boolean]> = [];
    const carried = () => server.openOrgs().some((orgIds) => orgIds.includes('org-1'));
    cleanup.push(
      adapter.subscribe!('org-1', () => {}, { onConnectionChange: (state) => told.push([state, carried()]) }),
    );
    await until(() => told.at(-1)?.[0] === 'open', 'org-1 open again');
    // Told `open` only with a stream carrying it (`reconnecting` first, unless it came back before).
    expect(told.filter(([state]) => state === 'open')).to.deep.equal([['open', true]]);
    expect([['open'], ['reconnecting', 'open']]).to.deep.include(told.map(([state]) => state));
  });

  it('the last unsubscribe closes the stream', async () => {
    const server = new LiveServer();
    const adapter = adapterOn(server);
    const heard = orgs(3).map((orgId) => listen(adapter.subscribe, orgId));
    await until(() => server.open.size === 1, 'open');
    heard.forEach((one) => one.unsubscribe());
    await until(() => server.open.size === 0, 'closed');
    expect(heard.map((one) => one.states.at(-1))).to.deep.equal(['closed', 'closed', 'closed']);
  });
});

describe('live connections at scale: tabs share one stream', () => {
  const settings = { silenceMs: 0 };
  function tabs(server: LiveServer, count: number) {
    const name = `od-live:test-${Math.random()}`;
    const http = createHttpClient({
      baseUrl: '/api',
      fetch: server.fetch,
      timeoutMs: 0,
      retries: 0,
      backoff: { baseMs: 0, maxMs: 0, random: () => 0 },
    });
    // Hubs of one page on one lock and channel behave as hubs of separate tabs do.
    return Array.from(
      { length: count },
      () => new LiveHub(http, settings, name, Promise.resolve(), () => {}),
    );
  }

  it("the leader streams every tab's orgs; events reach each tab once; a new leader resumes when it leaves", async () => {
    const server = new LiveServer();
    const hubs = tabs(server, 4);
    const wants = [orgs(3), orgs(4).slice(1), ['org-1', 'org-5'], orgs(5)];
    const heard = hubs.map((hub, tab) =>
      wants[tab].map((orgId) => listen((...args) => hub.add(...args), orgId)),
    );
    await until(
      () => server.open.size === 1 && server.openOrgs()[0].length === 5,
      'one stream for the five orgs',
    );
    const first = emitToEach(server, orgs(5));
    await until(() => heard.flat().every((one) => one.events.length === 1), 'every tab heard');
    for (const one of heard.flat()) expect(one.events).to.deep.equal(first.get(one.orgId));

    const leader = hubs.findIndex((hub) => hub.leading);
    expect(hubs.filter((hub) => hub.leading)).to.have.length(1);
    heard[leader].forEach((one) => one.unsubscribe());
    // While nobody holds the stream, events still happen.
    const meanwhile = emitToEach(server, orgs(5));
    await until(() => hubs.some((hub) => hub.leading) && server.open.size === 1, 'a new leader');
    const after = emitToEach(server, orgs(5));
    const rest = heard.filter((_, tab) => tab !== leader).flat();
    await until(() => rest.every((one) => one.events.length >= 3), 'nothing lost');
    for (const one of rest) {
      expect(one.events).to.deep.equal([first, meanwhile, after].map((round) => round.get(one.orgId)![0]));
    }
    expect(server.requests.at(-1)!.lastEventId).to.not.equal(null);
    expect(server.maxOpen).to.equal(1);
    rest.forEach((one) => one.unsubscribe());
    await until(() => server.open.size === 0, 'all closed');
  });

  it('a tab that wants an org again hears the state of the stream that carries it now', async () => {
    const server = new LiveServer();
    const hubs = tabs(server, 2);
    const onLeader = listen((...args) => hubs[0].add(...args), 'org-1');
    await until(() => hubs[0].leading && server.open.size === 1, 'the first tab leads');
    const follower = (orgId: string) => listen((...args) => hubs[1].add(...args), orgId);
    const [second, third] = [follower('org-2'), follower('org-3')];
    await until(() => server.openOrgs()[0]?.length === 3 && third.states.at(-1) === 'open', 'three orgs');
    // The follower lets org-3 go and wants org-4: the stream is replaced by one without org-3.
    third.unsubscribe();
    const fourth = follower('org-4');
    await until(
      () => String(server.openOrgs()) === 'org-1,org-2,org-4' && fourth.states.at(-1) === 'open',
      'org-3 no longer streamed',
    );
    const told: Array<[LiveConnectionState, boolean]> = [];
    const carried = () => server.openOrgs().some((orgIds) => orgIds.includes('org-3'));
    const again = hubs[1].add('org-3', () => {}, {
      onConnectionChange: (state) => told.push([state, carried()]),
    });
    await until(() => told.at(-1)?.[0] === 'open' && carried(), 'org-3 streamed again');
    expect(told.filter(([state]) => state === 'open')).to.deep.equal([['open', true]]);
    [onLeader, second, fourth].forEach((one) => one.unsubscribe());
    again();
    await until(() => server.open.size === 0, 'all closed');
  });
});
