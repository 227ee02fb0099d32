/**
 * The REST adapter's live hub loads with the first subscription (an import(), rest.ts
 * `loadLiveHub`): subscriptions made meanwhile join once it is here, one that ended meanwhile opens
 * nothing, and a fetch that fails is a stream that cannot open ('closed', so the store polls),
 * thrown nowhere, and tried again by the next subscription. Its own page: the module starts unloaded.
 */
import { expect } from '@open-wc/testing';
import { createRestAdapter, liveHubChunk } from '../../src/adapters/rest.js';
import type { DashboardEvent, LiveConnectionState } from '../../src/contract/types.js';
import { organization, scriptedFetch, until } from './rest-fixtures.js';

const realLoad = liveHubChunk.load;
const encoder = new TextEncoder();

/** A `fetch` whose every call is an event stream that sends one org update, then stays open. */
function oneEventServer() {
  return scriptedFetch(() => {
    const update = { type: 'organization.updated', data: { ...organization, name: 'Renamed' } };
    const body = new ReadableStream<Uint8Array>({
      start: (controller) =>
        controller.enqueue(
          encoder.encode(`id: 1\nevent: organization.updated\ndata: ${JSON.stringify(update.data)}\n\n`),
        ),
    });
    return new Response(body, { headers: { 'content-type': 'text/event-stream; charset=utf-8' } });
  });
}

function listen(fetch: typeof globalThis.fetch, baseUrl: string) {
  const events: DashboardEvent[] = [];
  const states: LiveConnectionState[] = [];
  const adapter = createRestAdapter({ baseUrl, fetch, liveSharing: 'page' });
  const unsubscribe = adapter.subscribe(organization.id, (event) => events.push(event), {
    onConnectionChange: (state) => states.push(state),
  });
  return { events, states, unsubscribe };
}

describe('createRestAdapter: the live hub loads on first use', () => {
  const thrown: unknown[] = [];
  const onError = (event: ErrorEvent | PromiseRejectionEvent) =>
    thrown.push('reason' in event ? event.reason : event.error);
  before(() => {
    window.addEventListener('error', onError);
    window.addEventListener('unhandledrejection', onError);
  });
  after(() => {
    window.removeEventListener('error', onError);
    window.removeEventListener('unhandledrejection', onError);
    liveHubChunk.load = realLoad;
  });

  it('a fetch of the module that fails reports closed, throws nothing, and opens no stream', async () => {
    liveHubChunk.load = () => Promise.reject(new TypeError('Failed to fetch dynamically imported module'));
    const server = oneEventServer();
    const live = listen(server.fetch, '/api/failed');
    await until(() => live.states.length > 0, 'a connection state');
    expect(live.states).to.deep.equal(['closed']);
    expect(server.calls.length).to.equal(0);
    live.unsubscribe();
    expect(live.states).to.deep.equal(['closed']);
    expect(thrown.length).to.equal(0);
  });

  it('a subscription that ended before the module arrived opens nothing', async () => {
    let arrive!: () => void;
    const arrived = new Promise<void>((resolve) => (arrive = resolve));
    liveHubChunk.load = async () => {
      await arrived;
      return realLoad();
    };
    const server = oneEventServer();
    const live = listen(server.fetch, '/api/ended');
    live.unsubscribe();
    arrive();
    // Another subscription on another baseUrl, made after: once it hears its event, the first had its chance.
    const other = oneEventServer();
    const later = listen(other.fetch, '/api/later');
    await until(() => later.events.length === 1, 'the later subscription’s event');
    later.unsubscribe();
    expect(server.calls.length).to.equal(0);
    expect(live.events.length).to.equal(0);
  });

  it('subscriptions made while the module loads join once it is here, and hear their events', async () => {
    const server = oneEventServer();
    const live = listen(server.fetch, '/api/joined');
    await until(() => live.events.length === 1, 'the event');
    expect(live.states).to.include('open');
    expect(server.calls.length).to.equal(1);
    expect(new URL(server.calls[0].url, location.href).pathname).to.equal(
      `/api/joined/organizations/${organization.id}/events`,
    );
    live.unsubscribe();
    expect(thrown.length).to.equal(0);
  });
});
