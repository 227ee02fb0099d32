/**
 * The mock API's multi-org stream `GET /events?orgId=a&orgId=b` (protocol of
 * DESIGN.md, "Live connections at scale"), read with `fetch` as raw blocks:
 * wrapped frames, ids shared with the per-org stream, the id-only resume
 * point, replay across orgs, permissions, drops, refusals, heartbeats.
 * multi-stream-model.test.ts holds it to a reference with generated runs.
 */
import { expect } from '@open-wc/testing';
import { setupWorker } from 'msw/browser';
import sinon from 'sinon';
import type { DashboardEvent } from '../../src/contract/types.js';
import {
  ACME_ORG_ID,
  GLOBEX_ORG_ID,
  INITECH_ORG_ID,
  createActivity,
  createDataset,
  createHandlers,
  type MockApi,
  type MockApiOptions,
} from '../../src/msw.js';
import { eventsOf, openSse, type SseBlock } from './sse-reader.js';

const NOW = '2025-06-15T12:00:00.000Z';
const worker = setupWorker();
let api: MockApi;

function use(options: MockApiOptions = {}): MockApi {
  api = createHandlers({ data: createDataset({ now: NOW }), ...options });
  worker.resetHandlers(...api.handlers);
  return api;
}

const multi = (...orgIds: string[]) =>
  `/api/events?${orgIds.map((id) => `orgId=${encodeURIComponent(id)}`).join('&')}`;
const perOrg = (orgId: string) => `/api/organizations/${encodeURIComponent(orgId)}/events`;

function activity(orgId: string, sequence: number): DashboardEvent {
  return {
    topic: 'activity',
    data: createActivity(ACME_ORG_ID, { at: NOW, sequence: sequence + orgId.length * 1000 }),
  };
}

const unwrap = (block: SseBlock) => JSON.parse(block.data!) as { orgId: string; data: unknown };

describe('mocks: the multi-org event stream GET /events', () => {
  before(async () => {
    await worker.start({ quiet: true, onUnhandledRequest: 'bypass' });
  });
  after(() => worker.stop());
  beforeEach(() => use());

  it('says connected, gives the newest id as a resume point, then sends wrapped frames with ids shared with the per-org stream', async () => {
    const before = Number(api.emit(GLOBEX_ORG_ID, activity(GLOBEX_ORG_ID, 1)));
    const stream = await openSse(multi(ACME_ORG_ID, GLOBEX_ORG_ID));
    const single = await openSse(perOrg(ACME_ORG_ID));
    try {
      expect(stream.response.status).to.equal(200);
      expect(stream.response.headers.get('content-type')).to.equal('text/event-stream');
      expect(stream.response.headers.get('cache-control')).to.equal('no-store');
      await stream.until((b) => b.length >= 2);
      expect(stream.blocks[0]).to.deep.equal({ comments: ['connected'] });
      expect(stream.blocks[1]).to.deep.equal({ id: String(before), comments: [] });
      expect(api.openStreams()).to.have.deep.members([
        { orgIds: [ACME_ORG_ID, GLOBEX_ORG_ID].sort(), multi: true },
        { orgIds: [ACME_ORG_ID], multi: false },
      ]);
      const a = api.emit(ACME_ORG_ID, activity(ACME_ORG_ID, 2));
      const g = api.emit(GLOBEX_ORG_ID, {
        topic: 'workspaces',
        data: { total: 1, active: 1, suspended: 0, others: 0 },
      });
      const b = api.emit(ACME_ORG_ID, activity(ACME_ORG_ID, 3));
      expect([Number(a), Number(g), Number(b)]).to.deep.equal([before + 1, before + 2, before + 3]);
      await stream.until((blocks) => eventsOf(blocks).length === 3);
      const frames = eventsOf(stream.blocks);
      expect(frames.map((f) => [f.id, f.event])).to.deep.equal([
        [a, 'activity'],
        [g, 'workspaces'],
        [b, 'activity'],
      ]);
      expect(unwrap(frames[0])).to.deep.equal({ orgId: ACME_ORG_ID, data: activity(ACME_ORG_ID, 2).data });
      expect(unwrap(frames[1])).to.deep.equal({
        orgId: GLOBEX_ORG_ID,
        data: { total: 1, active: 1, suspended: 0, others: 0 },
      });
      // The per-org stream: the same ids, its bare payloads, only its org.
      await single.until((blocks) => eventsOf(blocks).length === 2);
      const own = eventsOf(single.blocks);
      expect(own.map((f) => f.id)).to.deep.equal([a, b]);
      expect(JSON.parse(own[1].data!)).to.deep.equal(activity(ACME_ORG_ID, 3).data);
    } finally {
      await stream.abort();
      await single.abort();
    }
  });

  it('answers 400 without an orgId, and 404 when the server has no multi-org stream or no live updates', async () => {
    const none = await fetch('/api/events', { headers: { accept: 'text/event-stream' } });
    expect(none.status).to.equal(400);
    expect(await none.json()).to.include({ code: 'invalid-request' });
    use({ multiOrgStream: false });
    const off = await fetch(multi(ACME_ORG_ID, GLOBEX_ORG_ID));
    expect(off.status).to.equal(404);
    expect(await off.json()).to.include({ code: 'not-found' });
    // The per-org stream stays, for the client's fallback.
    const single = await openSse(perOrg(ACME_ORG_ID));
    expect(single.response.status).to.equal(200);
    await single.abort();
    use({ live: false });
    expect((await fetch(multi(ACME_ORG_ID))).status).to.equal(404);
  });

  it('takes repeated and URL-encoded org ids, each org once', async () => {
    const odd = 'team a&b=c/é';
    const data = createDataset({ now: NOW });
    data[odd] = structuredClone(data[ACME_ORG_ID]);
    use({ data });
    const stream = await openSse(
      `/api/events?orgId=${encodeURIComponent(odd)}&orgId=${ACME_ORG_ID}&orgId=${encodeURIComponent(odd)}`,
    );
    try {
      expect(api.openStreams()).to.deep.equal([{ orgIds: [ACME_ORG_ID, odd].sort(), multi: true }]);
      expect(api.streamCount(odd)).to.equal(1);
      const id = api.emit(odd, activity(odd, 1));
      await stream.until((blocks) => eventsOf(blocks).length === 1);
      const last = api.emit(ACME_ORG_ID, activity(ACME_ORG_ID, 2));
      await stream.until((blocks) => eventsOf(blocks).length === 2);
      const frames = eventsOf(stream.blocks);
      expect(frames.map((f) => f.id)).to.deep.equal([id, last]);
      expect(unwrap(frames[0]).orgId).to.equal(odd);
    } finally {
      await stream.abort();
    }
  });

  it('sends only the topics each viewer may read, nothing for unknown orgs, and never fails for them', async () => {
    const stream = await openSse(multi(INITECH_ORG_ID, 'org_nope', ACME_ORG_ID));
    try {
      expect(stream.response.status).to.equal(200);
      api.emit(INITECH_ORG_ID, { topic: 'billing', data: api.data[INITECH_ORG_ID].billing }); // member: no billing:read
      const plan = api.emit(INITECH_ORG_ID, { topic: 'plan', data: api.data[INITECH_ORG_ID].plan });
      const billing = api.emit(ACME_ORG_ID, { topic: 'billing', data: api.data[ACME_ORG_ID].billing });
      await stream.until((blocks) => eventsOf(blocks).length === 2);
      expect(eventsOf(stream.blocks).map((f) => [f.id, f.event, unwrap(f).orgId])).to.deep.equal([
        [plan, 'plan', INITECH_ORG_ID],
        [billing, 'billing', ACME_ORG_ID],
      ]);
    } finally {
      await stream.abort();
    }
  });

  it('replays the kept events of the requested orgs after Last-Event-ID, merged in id order, then live ones', async () => {
    use({ eventBufferSize: 2 });
    const ids = [
      ACME_ORG_ID,
      GLOBEX_ORG_ID,
      ACME_ORG_ID,
      INITECH_ORG_ID,
      ACME_ORG_ID,
      GLOBEX_ORG_ID,
      ACME_ORG_ID,
    ].map((orgId, i) => Number(api.emit(orgId, activity(orgId, i))));
    const stream = await openSse(multi(ACME_ORG_ID, GLOBEX_ORG_ID), { 'last-event-id': String(ids[0]) });
    try {
      // Acme keeps its newest two (ids[4], ids[6]); Globex both of its (ids[1], ids[5]); Initech is not asked for.
      await stream.until((blocks) => eventsOf(blocks).length === 4);
      expect(eventsOf(stream.blocks).map((f) => Number(f.id))).to.deep.equal([
        ids[1],
        ids[4],
        ids[5],
        ids[6],
      ]);
      expect(
        stream.blocks.some((b) => b.data === undefined && b.id !== undefined),
        'no id-only block',
      ).to.equal(false);
      const live = api.emit(GLOBEX_ORG_ID, activity(GLOBEX_ORG_ID, 9));
      await stream.until((blocks) => eventsOf(blocks).length === 5);
      expect(eventsOf(stream.blocks).at(-1)!.id).to.equal(live);
    } finally {
      await stream.abort();
    }
  });

  it('disconnect(orgId) ends every stream that carries the org and no other; streamCount counts them', async () => {
    const both = await openSse(multi(ACME_ORG_ID, GLOBEX_ORG_ID));
    const others = await openSse(multi(GLOBEX_ORG_ID, INITECH_ORG_ID));
    const acme = await openSse(perOrg(ACME_ORG_ID));
    try {
      expect([api.streamCount(ACME_ORG_ID), api.streamCount(GLOBEX_ORG_ID), api.streamCount()]).to.deep.equal(
        [2, 2, 3],
      );
      api.disconnect(ACME_ORG_ID);
      await both.toEnd();
      await acme.toEnd();
      expect(api.openStreams()).to.deep.equal([{ orgIds: [GLOBEX_ORG_ID, INITECH_ORG_ID], multi: true }]);
      const id = api.emit(INITECH_ORG_ID, { topic: 'plan', data: api.data[INITECH_ORG_ID].plan });
      await others.until((blocks) => eventsOf(blocks).length === 1);
      expect(eventsOf(others.blocks)[0].id).to.equal(id);
      api.disconnect();
      await others.toEnd();
      expect(api.streamCount()).to.equal(0);
    } finally {
      await Promise.all([both, others, acme].map((s) => s.abort()));
    }
  });

  it('forgets a stream whose client went away', async () => {
    const stream = await openSse(multi(ACME_ORG_ID, GLOBEX_ORG_ID));
    expect(api.streamCount()).to.equal(1);
    await stream.abort();
    let n = 0;
    // Emitting also prunes streams whose reader is gone.
    while (api.streamCount() > 0) {
      api.emit(GLOBEX_ORG_ID, activity(GLOBEX_ORG_ID, n++));
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  });

  it('sends retry: when set and heartbeats, and stops them when the stream ends', async () => {
    use({ retryMs: 1500, heartbeatMs: 15_000 });
    const clock = sinon.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    try {
      const stream = await openSse(multi(ACME_ORG_ID, GLOBEX_ORG_ID));
      await stream.until((b) => b.length >= 3);
      expect(stream.blocks.slice(0, 3)).to.deep.equal([
        { comments: ['connected'] },
        { retry: '1500', comments: [] },
        { id: '0', comments: [] },
      ]);
      expect(clock.countTimers()).to.equal(1);
      clock.tick(15_000);
      await stream.until((b) => b.some((block) => block.comments.includes('heartbeat')));
      api.disconnect(GLOBEX_ORG_ID);
      expect(clock.countTimers(), 'no timer after the stream closed').to.equal(0);
      await stream.toEnd();
    } finally {
      clock.restore();
    }
  });

  it('takes injected failures of the stream endpoint, and asks for authorization', async () => {
    api.failNext('subscribe', 503);
    expect((await fetch(multi(ACME_ORG_ID, GLOBEX_ORG_ID))).status).to.equal(503);
    api.failNext(/^\/api\/events$/, 'malformed');
    const stream = await openSse(multi(ACME_ORG_ID, GLOBEX_ORG_ID));
    try {
      await stream.until((blocks) => eventsOf(blocks).length === 1);
      expect(() => JSON.parse(eventsOf(stream.blocks)[0].data!)).to.throw();
      const id = api.emit(ACME_ORG_ID, activity(ACME_ORG_ID, 1));
      await stream.until((blocks) => eventsOf(blocks).length === 2);
      expect(eventsOf(stream.blocks)[1].id).to.equal(id);
    } finally {
      await stream.abort();
    }
    use({ authorize: (request) => request.headers.get('authorization') === 'Bearer t' });
    expect((await fetch(multi(ACME_ORG_ID, GLOBEX_ORG_ID))).status).to.equal(401);
    const allowed = await openSse(multi(ACME_ORG_ID, GLOBEX_ORG_ID), { authorization: 'Bearer t' });
    expect(allowed.response.status).to.equal(200);
    await allowed.abort();
  });
});
