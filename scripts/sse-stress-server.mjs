// Live event streams that keep dropping their clients, for the connection stress tests
// (test/stress/sse-stress*.test.ts). Mounted on the test run's own HTTP server (Web Test Runner's dev
// server on localhost) under /__stress, so the browser's fetch meets a real socket, real chunked
// responses and real resets, not MSW.
//
// Per-org: GET /__stress/organizations/<session>/events (what the REST adapter asks for with
// baseUrl '/__stress'), with the number of drops in an `x-stress-drops` header. Per session, each
// connection:
// - now and then answers 503 a few times in a row (the client's backoff must grow, then reset);
// - otherwise records one event "that happened while the client was away", replays every event after
//   the client's Last-Event-ID, sends two new events and a half-written third frame, and drops the
//   connection: a clean end of the response or a reset socket, alternately;
// - after `drops` drops it keeps the stream open, sends a final `done` comment and stays quiet.
// Bounded: a session refuses (404) after drops * 3 connections, so a broken client cannot loop forever.
//
// Multi-org (DESIGN.md's `GET /events?orgId=a&orgId=b`): GET /__stress/events?orgId=...&orgId=...,
// its session named by an `x-stress-session` header or a `session` query parameter (400 without
// either, or without orgId). A multi-org session keeps one log whose ids are one sequence for all its
// orgs, and behaves as above per connection, for the connection's orgs: the event "while away" goes to
// one of them in turn (and one more to an org nobody asks for, which must never be sent), the replay
// is every logged event of those orgs after Last-Event-ID (without one, an id-only block with the
// newest id comes first), and the new events go to them in turn, as `data: {"orgId", "data"}`. With the
// same session header, the per-org path /__stress/organizations/<org>/events is that org's stream of the
// same log (bare payloads), as a client falling back from the multi-org stream asks for it. Kept
// streams get every later event of their orgs, also those that /__stress/emit?session=&orgId= adds
// (it answers `{ "id" }`). `x-stress-multi: off` makes the multi-org path answer 404 (no such endpoint).

/** The org no multi-org client asks for: its events must never reach one. */
export const OUTSIDER_ORG = '__outside__';

const sessions = new Map();
const multiSessions = new Map();

function activity(id) {
  return {
    id: String(id),
    resourceType: 'Workspaces',
    action: 'Create',
    occurredAt: new Date(1.7e12 + id * 1000).toISOString(),
  };
}

function frame(id) {
  return `id: ${id}\nevent: activity\ndata: ${JSON.stringify(activity(id))}\n\n`;
}

/** A frame of a multi-org session: wrapped on the multi-org stream, bare on a per-org one. */
function orgFrame(event, multi) {
  const data = multi ? { orgId: event.orgId, data: activity(event.id) } : activity(event.id);
  return `id: ${event.id}\nevent: activity\ndata: ${JSON.stringify(data)}\n\n`;
}

function dropsOf(request) {
  return Math.min(Number(request.headers['x-stress-drops']) || 1000, 5000);
}

function sessionFor(id, drops) {
  let session = sessions.get(id);
  if (!session) {
    session = {
      drops,
      dropped: 0,
      connections: 0,
      failuresLeft: 0,
      events: 0,
      outcomes: [],
      open: new Set(),
    };
    sessions.set(id, session);
  }
  return session;
}

/**
 * Counts a connection and says whether it is refused: 404 past the bound, or a run of three 503s
 * every 25th connection; records the outcome and answers it.
 */
function refused(session, response) {
  session.connections += 1;
  if (session.connections > session.drops * 3) {
    response.writeHead(404).end();
    return true;
  }
  if (session.failuresLeft === 0 && session.dropped < session.drops && session.connections % 25 === 0) {
    session.failuresLeft = 3;
  }
  if (session.failuresLeft === 0) return false;
  session.failuresLeft -= 1;
  session.outcomes.push('refused');
  response.writeHead(503, { 'content-type': 'application/json' }).end('{"code":"server"}');
  return true;
}

/** Keeps the stream open after the last drop: `done`, then only events that come later. */
function keep(session, response, text, entry = response) {
  session.outcomes.push('kept');
  session.open.add(entry);
  response.on('close', () => session.open.delete(entry));
  response.write(`${text}: done\n\n`);
}

/** Writes `text` and half of one more frame, then drops: a clean end and a reset socket in turn. */
function drop(session, response, text, partial) {
  session.dropped += 1;
  const reset = session.dropped % 2 === 0;
  session.outcomes.push(reset ? 'reset' : 'ended');
  // Half of the next frame: it must be neither delivered nor counted as seen.
  response.write(text + partial.slice(0, 20), () => {
    // A moment's pause before the reset, so the bytes usually reach the client first.
    if (reset) setTimeout(() => response.socket?.destroy(), 2);
    else response.end();
  });
}

function perOrgStream(id, request, response) {
  const session = sessionFor(id, dropsOf(request));
  if (refused(session, response)) return;
  const lastSeen = Number(request.headers['last-event-id'] ?? 0);
  response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store' });
  session.events += 1; // happened while the client was away
  let text = '';
  for (let n = lastSeen + 1; n <= session.events; n += 1) text += frame(n);
  if (session.dropped >= session.drops) return keep(session, response, text);
  session.events += 2;
  text += frame(session.events - 1) + frame(session.events);
  drop(session, response, text, frame(session.events + 1));
}

function multiSessionFor(id, drops) {
  let session = multiSessions.get(id);
  if (!session) {
    session = {
      drops,
      dropped: 0,
      connections: 0,
      failuresLeft: 0,
      turn: 0,
      log: [],
      outcomes: [],
      requests: [],
    };
    session.open = new Set(); // { response, orgIds, multi } of the kept streams
    multiSessions.set(id, session);
  }
  return session;
}

/** Logs an event of `orgId` and sends it on the session's kept streams that carry the org. */
function record(session, orgId) {
  const event = { id: session.log.length + 1, orgId };
  session.log.push(event);
  for (const kept of session.open)
    if (kept.orgIds.has(orgId)) kept.response.write(orgFrame(event, kept.multi));
  return event;
}

function multiStream(id, orgIds, multi, request, response) {
  const session = multiSessionFor(id, dropsOf(request));
  const header = request.headers['last-event-id'];
  session.requests.push({ orgIds: [...orgIds].sort(), multi, lastEventId: header ?? null });
  if (refused(session, response)) return;
  response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store' });
  const orgs = [...orgIds].sort();
  const nextOrg = () => orgs[session.turn++ % orgs.length];
  let text = ': connected\n\n';
  // Without Last-Event-ID: the newest id as a resume point, before what happens now.
  const lastSeen = header === undefined ? session.log.length : Number(header);
  if (header === undefined) text += `id: ${lastSeen}\n\n`;
  record(session, nextOrg()); // happened while the client was away
  record(session, OUTSIDER_ORG);
  for (const event of session.log)
    if (event.id > lastSeen && orgIds.has(event.orgId)) text += orgFrame(event, multi);
  if (session.dropped >= session.drops) return keep(session, response, text, { response, orgIds, multi });
  for (let i = 0; i < 2; i += 1) text += orgFrame(record(session, nextOrg()), multi);
  drop(session, response, text, orgFrame({ id: session.log.length + 1, orgId: orgs[0] }, multi));
}

function json(response, status, body) {
  response.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  response.end(JSON.stringify(body));
}

/**
 * Handles the streams, /__stress/emit and /__stress/report?session=<id> (what the server did, as
 * JSON; `&end` closes the session's kept streams and forgets it).
 */
export function handleStress(request, response) {
  const url = new URL(request.url ?? '/', 'http://localhost');
  const named = request.headers['x-stress-session'] ?? url.searchParams.get('session') ?? undefined;
  const perOrg = /^\/__stress\/organizations\/([^/]+)\/events$/.exec(url.pathname);
  if (url.pathname === '/__stress/report') {
    const id = named ?? '';
    const multi = multiSessions.get(id);
    const session = multi ?? sessions.get(id);
    json(response, 200, session ? { ...session, open: session.open.size } : null);
    if (session && url.searchParams.has('end')) {
      for (const open of session.open) (open.response ?? open).end();
      (multi ? multiSessions : sessions).delete(id);
    }
    return;
  }
  if (url.pathname === '/__stress/emit') {
    const session = multiSessions.get(named ?? '');
    const orgId = url.searchParams.get('orgId');
    if (!session || !orgId) return json(response, 404, { code: 'not-found' });
    return json(response, 200, { id: String(record(session, orgId).id) });
  }
  if (url.pathname === '/__stress/events') {
    const orgIds = new Set(url.searchParams.getAll('orgId'));
    if (request.headers['x-stress-multi'] === 'off') return json(response, 404, { code: 'not-found' });
    if (named === undefined || orgIds.size === 0) return json(response, 400, { code: 'invalid-request' });
    return multiStream(named, orgIds, true, request, response);
  }
  if (!perOrg) return json(response, 404, { code: 'not-found' });
  const orgId = decodeURIComponent(perOrg[1]);
  if (named !== undefined) return multiStream(named, new Set([orgId]), false, request, response);
  perOrgStream(orgId, request, response);
}

/** Web Test Runner / Koa middleware serving the stress endpoints. */
export function sseStressMiddleware() {
  return (context, next) => {
    if (!context.path.startsWith('/__stress/')) return next();
    context.respond = false;
    handleStress(context.req, context.res);
    return undefined;
  };
}
