// The real HTTP/1.1 server of `npm run test:live-scale` (scripts/test-live-scale.mjs): serves a page,
// the REST API of DESIGN.md for a set of orgs under /api, the per-org stream
// /api/organizations/{id}/events and the multi-org stream /api/events?orgId=.. of
// /tmp/s7/protocol.md (openapi.yaml, GET /events): one id sequence for both, `: connected` then an
// id-only resume point, Last-Event-ID replay. `multi404` makes /api/events answer 404 (fallback).
// `refuseStreams` answers stream requests 503 (a gap with no stream open, for the handover check).
// It records what the checks judge: the streams open now, every request with its arrival time, the
// Last-Event-ID headers it got, and each stream's start and end (for a failure's account).
import { createServer } from 'node:http';

const HEARTBEAT_MS = 15_000;

/** Starts the server on a free port of 127.0.0.1; `files` maps a path to `{ type, body }`. */
export function startLiveScaleServer({ orgIds, files }) {
  const orgs = new Map(
    orgIds.map((id) => [
      id,
      {
        organization: {
          id,
          name: `Org ${id}`,
          owner: { name: 'Ada Lovelace' },
          createdAt: '2023-03-14T09:26:53Z',
          teamSize: 42,
        },
        access: { permissions: ['organization:read', 'plan:read'] },
        plan: { name: `Plan ${id} v0`, availableCredits: { amountMinor: 50000, currency: 'USD' } },
      },
    ]),
  );
  const state = {
    multi404: false,
    refuseStreams: false,
    /** Stream requests answered 503 while `refuseStreams` was set. */
    refused: 0,
    openNow: 0,
    /** `{ at, path, lastEventId }` of every request, in arrival order. */
    requests: [],
    /** Every Last-Event-ID header a stream request carried, with its arrival time. */
    lastEventIds: [],
    /** `{ at, open, path, now }` of every stream's start and end, for a failure's account. */
    streamLog: [],
  };
  /** Events sent so far, for replay: `{ id, orgId, topic, data }`. */
  const buffer = [];
  /** Open streams: `{ orgs: Set, multi: boolean, response }`. */
  const streams = new Set();
  let lastId = 0;

  const frame = (stream, event) =>
    `id: ${event.id}\nevent: ${event.topic}\ndata: ${JSON.stringify(
      stream.multi ? { orgId: event.orgId, data: event.data } : event.data,
    )}\n\n`;

  function openStream(request, response, orgSet, multi) {
    const header = request.headers['last-event-id'];
    if (header !== undefined) state.lastEventIds.push({ at: Date.now(), id: header });
    if (state.refuseStreams) {
      state.refused += 1;
      return json(response, 503, { code: 'unavailable', message: 'streams refused for a while' });
    }
    response.writeHead(200, {
      'content-type': 'text/event-stream',
      'cache-control': 'no-store',
      connection: 'keep-alive',
    });
    const stream = { orgs: orgSet, multi, response };
    streams.add(stream);
    state.openNow += 1;
    state.streamLog.push({ at: Date.now(), open: true, path: request.url, now: state.openNow });
    response.write(': connected\n\nretry: 1000\n\n');
    const from = header === undefined ? undefined : Number(header);
    if (from === undefined || !Number.isFinite(from)) response.write(`id: ${lastId}\n\n`);
    else
      for (const event of buffer)
        if (event.id > from && orgSet.has(event.orgId)) response.write(frame(stream, event));
    const heartbeat = setInterval(() => response.write(': heartbeat\n\n'), HEARTBEAT_MS);
    response.on('close', () => {
      clearInterval(heartbeat);
      streams.delete(stream);
      state.openNow -= 1;
      state.streamLog.push({ at: Date.now(), open: false, path: request.url, now: state.openNow });
    });
  }

  const json = (response, status, body) =>
    response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));

  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const path = url.pathname;
    state.requests.push({ at: Date.now(), path: `${path}${url.search}` });
    if (path === '/api/events') {
      if (state.multi404) return json(response, 404, { code: 'not-found', message: 'no multi-org stream' });
      const wanted = new Set(url.searchParams.getAll('orgId'));
      if (wanted.size === 0)
        return json(response, 400, { code: 'invalid-request', message: 'orgId missing' });
      return openStream(request, response, wanted, true);
    }
    const match = /^\/api\/organizations\/([^/]+)(\/access|\/plan|\/events)?$/.exec(path);
    if (match) {
      const id = decodeURIComponent(match[1]);
      const org = orgs.get(id);
      if (!org) return json(response, 404, { code: 'not-found', message: 'no such org' });
      if (match[2] === '/events') return openStream(request, response, new Set([id]), false);
      if (match[2] === '/access') return json(response, 200, org.access);
      if (match[2] === '/plan') return json(response, 200, org.plan);
      return json(response, 200, org.organization);
    }
    if (path === '/host/ping') return json(response, 200, { pong: true });
    const file = files[path === '/' ? '/index.html' : path];
    if (!file) return response.writeHead(path === '/favicon.ico' ? 204 : 404).end();
    response.writeHead(200, { 'content-type': file.type, 'cache-control': 'no-store' }).end(file.body);
  });
  // Keep-alive connections of closed tabs must not hold the server open at the end.
  server.keepAliveTimeout = 5_000;

  return new Promise((ready) =>
    server.listen(0, '127.0.0.1', () =>
      ready({
        url: `http://127.0.0.1:${server.address().port}`,
        state,
        /** Sends one event (and keeps it for replay); the org's stored value follows it. */
        emit(orgId, topic, data) {
          if (topic === 'plan') orgs.get(orgId).plan = data;
          const event = { id: (lastId += 1), orgId, topic, data };
          buffer.push(event);
          for (const stream of streams)
            if (stream.orgs.has(orgId)) stream.response.write(frame(stream, event));
          return event.id;
        },
        /** Starts a new account of stream starts and ends. */
        restartLog() {
          state.streamLog = [];
        },
        close() {
          server.closeAllConnections();
          return new Promise((closed) => server.close(closed));
        },
      }),
    ),
  );
}
