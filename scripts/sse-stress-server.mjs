// A live event stream that keeps dropping its clients, for the connection stress test
// (test/stress/sse-stress.test.ts). Mounted on the test run's own HTTP server (Web Test Runner's dev
// server on localhost) at /__stress/events, so the browser's fetch meets a real socket, real chunked
// responses and real resets, not MSW.
//
// The stream is GET /__stress/organizations/<session>/events (what the REST adapter asks for with
// baseUrl '/__stress'), with the number of drops in an `x-stress-drops` header. Per session, each
// connection:
// - now and then answers 503 a few times in a row (the client's backoff must grow, then reset);
// - otherwise records one event "that happened while the client was away", replays every event after
//   the client's Last-Event-ID, sends two new events and a half-written third frame, and drops the
//   connection: a clean end of the response or a reset socket, alternately;
// - after `drops` drops it keeps the stream open, sends a final `done` comment and stays quiet.
// Bounded: a session refuses (404) after drops * 3 connections, so a broken client cannot loop forever.

const sessions = new Map();

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

/** Handles the stream and /__stress/report?session=<id> (what the server did, as JSON; `&end` closes it). */
export function handleStress(request, response) {
  const url = new URL(request.url ?? '/', 'http://localhost');
  const stream = /^\/__stress\/organizations\/([^/]+)\/events$/.exec(url.pathname);
  const id = stream ? decodeURIComponent(stream[1]) : (url.searchParams.get('session') ?? '');
  if (url.pathname === '/__stress/report') {
    const session = sessions.get(id);
    response.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
    response.end(JSON.stringify(session ? { ...session, open: session.open.size } : null));
    if (session && url.searchParams.has('end')) {
      for (const res of session.open) res.end();
      sessions.delete(id);
    }
    return;
  }
  if (!stream) {
    response.writeHead(404).end();
    return;
  }
  const session = sessionFor(id, Math.min(Number(request.headers['x-stress-drops']) || 1000, 5000));
  session.connections += 1;
  if (session.connections > session.drops * 3) {
    response.writeHead(404).end();
    return;
  }
  // Every 25th connection starts a run of three refusals.
  if (session.failuresLeft === 0 && session.dropped < session.drops && session.connections % 25 === 0) {
    session.failuresLeft = 3;
  }
  if (session.failuresLeft > 0) {
    session.failuresLeft -= 1;
    session.outcomes.push('refused');
    response.writeHead(503, { 'content-type': 'application/json' }).end('{"code":"server"}');
    return;
  }
  const lastSeen = Number(request.headers['last-event-id'] ?? 0);
  response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store' });
  session.events += 1; // happened while the client was away
  let text = '';
  for (let n = lastSeen + 1; n <= session.events; n += 1) text += frame(n);
  if (session.dropped >= session.drops) {
    session.outcomes.push('kept');
    session.open.add(response);
    response.on('close', () => session.open.delete(response));
    response.write(`${text}: done\n\n`);
    return;
  }
  session.events += 2;
  text += frame(session.events - 1) + frame(session.events);
  // Half of the next frame: it must be neither delivered nor counted as seen.
  const partial = frame(session.events + 1).slice(0, 20);
  session.dropped += 1;
  const reset = session.dropped % 2 === 0;
  session.outcomes.push(reset ? 'reset' : 'ended');
  response.write(text + partial, () => {
    // A moment's pause before the reset, so the bytes usually reach the client first.
    if (reset) setTimeout(() => response.socket?.destroy(), 2);
    else response.end();
  });
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
