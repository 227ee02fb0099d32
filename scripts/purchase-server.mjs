// A credit purchase API that keeps money, for the REST adapter's write tests
// (test/adapters/rest-writes*.test.ts, test/stress/purchase-faults.test.ts). Started by the test run
// (purchaseServerPlugin in web-test-runner.config.mjs) on a port of its own, so the browser's real
// fetch meets real sockets, real resets and real CORS. The page learns the origin from the test
// run's server at /__purchase-server.
//
// Why a port of its own rather than a middleware of the test run's server (as the live-stream stress
// server is): every answer here closes its connection, so no request ever goes out on a reused
// connection, and browsers resend a request on their own (a POST too) when a reused connection
// drops before any answer. A dropped connection must reach the adapter, whose retry is under test.
//
// Idempotency as a real server does it, per org (a session, set up by the test): the first request
// with an Idempotency-Key is acted on and its answer stored (a 402 refusal too); a later one with the
// same key and the same body gets that answer again (`Idempotent-Replayed: true`) without acting; the
// same key with another body is a 409. Requests with one key are handled one at a time. The server
// keeps the balance, the ledger of charges, the low-credit threshold and a log of every request.
//
// Faults, queued by the test and taken one per request in the order requests arrive:
//   before acting: 'drop-before' (the connection is destroyed), '503', { kind: '429', retryAfter },
//     { kind: 'answer', status, body } (sent as is, nothing done);
//   while acting: 'refuse' (a new key's payment is declined: 402, stored like any answer),
//     'hang-before' (the answer starts, then stalls with the key's lock held until the client hangs
//     up; only then does the server act, as a slow backend finishing a request nobody waits for);
//   after acting: 'drop-after' (the charge happened, the client sees a dropped connection),
//     'error-after' (502 from a gateway), 'hang-after' (the answer starts and stalls until the client
//     hangs up).
// A stalled answer carries `X-Fault: hang`, so a test can end the client's wait without waiting for
// a real clock. A session may require a bearer token (`token`): any other gets a 401.
//
// Control (plain-text JSON bodies, so no preflight): POST /control/setup?session=<org>
// { balance, threshold?, token?, faults? }, POST /control/faults?session=<org> [fault, ...],
// GET /control/report?session=<org>[&end] (state and request log as JSON; `end` forgets the session).
// The API: POST /api/organizations/<org>/credits/purchases, PUT .../plan/low-credit-threshold,
// GET .../plan. Unknown orgs get 404, so a runaway client creates nothing.
import { createServer } from 'node:http';

const sessions = new Map();
const MAX_BODY = 64 * 1024;
/** A stalled answer is ended after this long even if the client never hangs up. */
const HANG_LIMIT_MS = 120_000;

const reply = (status, body, headers = {}) => ({ status, body, headers });

/** JSON with keys in a fixed order at every depth: a request's fingerprint. */
function canonical(value) {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const keys = Object.keys(value).sort();
    return `{${keys.map((key) => `${JSON.stringify(key)}:${canonical(value[key])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

const isMoney = (value, currency, least) =>
  value !== null &&
  typeof value === 'object' &&
  Number.isSafeInteger(value.amountMinor) &&
  value.amountMinor >= least &&
  value.currency === currency;

function readBody(request) {
  return new Promise((resolve, reject) => {
    let text = '';
    request.setEncoding('utf8');
    request.on('data', (chunk) => {
      text += chunk;
      if (text.length > MAX_BODY) request.destroy(new Error('body too large'));
    });
    request.on('end', () => resolve(text));
    request.on('error', reject);
  });
}

function corsHeaders(request) {
  return {
    'access-control-allow-origin': request.headers.origin ?? '*',
    'access-control-expose-headers': 'Retry-After, Idempotent-Replayed, X-Fault',
    vary: 'Origin',
    'cache-control': 'no-store',
    // Never a reused connection (see the top of the file).
    connection: 'close',
  };
}

function send(response, { status, body, headers }) {
  if (response.destroyed || response.writableEnded) return;
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  response.writeHead(status, { 'content-type': 'application/json', ...headers });
  response.end(text);
}

/**
 * Starts an answer and stalls it until the client hangs up (at once when it already has: a client
 * may give up on a request that is still waiting for its key's lock).
 */
function hang(response) {
  if (response.destroyed || response.socket?.destroyed !== false) return Promise.resolve();
  response.writeHead(200, { 'content-type': 'application/json', 'x-fault': 'hang' });
  response.write('{"status":');
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(limit);
      resolve();
    };
    const limit = setTimeout(() => {
      response.destroy();
      done();
    }, HANG_LIMIT_MS);
    response.on('close', done);
  });
}

/** Runs `run` after every earlier holder of `key`'s lock is done. */
async function withLock(session, key, run) {
  const before = session.locks.get(key) ?? Promise.resolve();
  let release;
  const chain = before.then(() => new Promise((resolve) => (release = resolve)));
  session.locks.set(key, chain);
  await before;
  try {
    return await run();
  } finally {
    release();
    if (session.locks.get(key) === chain) session.locks.delete(key);
  }
}

function plan(session) {
  return {
    name: 'Enterprise',
    availableCredits: session.balance,
    ...(session.threshold ? { lowCreditThreshold: session.threshold } : {}),
  };
}

function parse(text) {
  try {
    return { value: JSON.parse(text) };
  } catch {
    return undefined;
  }
}

async function purchase(session, entry, fault, pause) {
  const key = entry.idempotencyKey;
  if (!key || key.length > 255) {
    entry.outcome = 'invalid';
    return reply(400, {
      code: 'invalid-request',
      message: 'An Idempotency-Key of 1 to 255 characters is required.',
    });
  }
  const parsed = parse(entry.body);
  if (!parsed) {
    entry.outcome = 'invalid';
    return reply(400, { code: 'invalid-request', message: 'The body is not JSON.' });
  }
  const fingerprint = canonical(parsed.value);
  return withLock(session, key, async () => {
    await pause();
    const stored = session.results.get(key);
    if (stored) {
      if (stored.fingerprint !== fingerprint) {
        entry.outcome = 'conflict';
        return reply(409, { code: 'conflict', message: 'This Idempotency-Key came with another request.' });
      }
      entry.outcome = 'replayed';
      return { ...stored.answer, headers: { 'idempotent-replayed': 'true' } };
    }
    const amount = parsed.value?.amount;
    if (!isMoney(amount, session.balance.currency, 1)) {
      entry.outcome = 'invalid';
      return reply(422, {
        code: 'invalid-request',
        message: 'The amount must be positive, in the credits’ currency.',
      });
    }
    let answer;
    if (fault === 'refuse') {
      entry.outcome = 'refused';
      answer = reply(402, { code: 'payment-required', message: 'The payment was declined.' });
    } else {
      session.balance = { ...session.balance, amountMinor: session.balance.amountMinor + amount.amountMinor };
      session.ledger.push({ key, amount, balanceAfter: session.balance });
      entry.outcome = 'charged';
      answer = reply(201, { status: 'completed', availableCredits: session.balance });
    }
    session.results.set(key, { fingerprint, answer });
    return answer;
  });
}

async function setThreshold(session, entry, pause) {
  await pause();
  const threshold = parse(entry.body)?.value?.threshold;
  if (threshold !== null && !isMoney(threshold, session.balance.currency, 0)) {
    entry.outcome = 'invalid';
    return reply(422, {
      code: 'invalid-request',
      message: 'The threshold must be money in the credits’ currency, or null.',
    });
  }
  session.threshold = threshold;
  entry.outcome = 'set';
  return reply(200, plan(session));
}

async function handleApi(request, response, session, action, body) {
  const entry = {
    method: request.method,
    path: new URL(request.url, 'http://localhost').pathname,
    idempotencyKey: request.headers['idempotency-key'] ?? null,
    contentType: request.headers['content-type'] ?? null,
    accept: request.headers.accept ?? null,
    authorization: request.headers.authorization ?? null,
    body,
    fault: null,
    outcome: null,
  };
  session.requests.push(entry);
  // Authentication comes first, at the gateway: a refused token takes no fault from the queue.
  if (session.token && entry.authorization !== `Bearer ${session.token}`) {
    entry.outcome = 'unauthorized';
    return send(response, reply(401, { code: 'unauthorized' }, { 'www-authenticate': 'Bearer' }));
  }
  const raw = session.faults.shift() ?? null;
  const fault = typeof raw === 'string' ? { kind: raw } : raw;
  const kind = fault?.kind ?? null;
  entry.fault = kind;
  if (kind === 'drop-before') {
    entry.outcome = 'dropped';
    return request.socket.destroy();
  }
  if (kind === '503') {
    entry.outcome = 'unavailable';
    return send(response, reply(503, { code: 'server' }));
  }
  if (kind === '429') {
    entry.outcome = 'rate-limited';
    return send(
      response,
      reply(429, { code: 'rate-limited' }, { 'retry-after': String(fault.retryAfter ?? 0) }),
    );
  }
  if (kind === 'answer') {
    entry.outcome = 'answered';
    return send(response, reply(fault.status ?? 200, fault.body ?? ''));
  }

  const pause = kind === 'hang-before' ? () => hang(response) : async () => {};
  const answer = await action(entry, kind, pause);
  if (kind === 'drop-after') return request.socket.destroy();
  if (kind === 'error-after') return send(response, reply(502, { code: 'server' }));
  if (kind === 'hang-after') return hang(response);
  return send(response, answer);
}

function control(url, body, response) {
  const id = url.searchParams.get('session') ?? '';
  const json = (value, status = 200) => send(response, reply(status, value));
  if (url.pathname === '/control/setup') {
    const { balance, threshold = null, token = null, faults = [] } = JSON.parse(body);
    sessions.set(id, {
      balance,
      threshold,
      token,
      faults: [...faults],
      ledger: [],
      results: new Map(),
      locks: new Map(),
      requests: [],
    });
    return json({ session: id });
  }
  const session = sessions.get(id);
  if (!session) return json({ code: 'not-found' }, 404);
  if (url.pathname === '/control/faults') {
    session.faults.push(...JSON.parse(body));
    return json({ queued: session.faults.length });
  }
  if (url.pathname === '/control/report') {
    const { balance, threshold, ledger, requests, faults } = session;
    if (url.searchParams.has('end')) sessions.delete(id);
    return json({
      balance,
      threshold,
      ledger,
      requests,
      faultsLeft: faults.length,
      keys: session.results.size,
    });
  }
  return json({ code: 'not-found' }, 404);
}

const API = /^\/api\/organizations\/([^/]+)(\/credits\/purchases|\/plan\/low-credit-threshold|\/plan)$/;

async function handle(request, response) {
  for (const [name, value] of Object.entries(corsHeaders(request))) response.setHeader(name, value);
  if (request.method === 'OPTIONS') {
    response.writeHead(204, {
      'access-control-allow-methods': 'GET, POST, PUT',
      'access-control-allow-headers': 'Authorization, Content-Type, Idempotency-Key',
      'access-control-max-age': '600',
    });
    return response.end();
  }
  const url = new URL(request.url ?? '/', 'http://localhost');
  const body = await readBody(request);
  if (url.pathname.startsWith('/control/')) return control(url, body, response);
  const match = API.exec(url.pathname);
  const session = match ? sessions.get(decodeURIComponent(match[1])) : undefined;
  const route = match && `${request.method} ${match[2]}`;
  const actions = {
    'POST /credits/purchases': (entry, kind, pause) => purchase(session, entry, kind, pause),
    'PUT /plan/low-credit-threshold': (entry, _kind, pause) => setThreshold(session, entry, pause),
    'GET /plan': async (entry, _kind, pause) => {
      await pause();
      entry.outcome = 'read';
      return reply(200, plan(session));
    },
  };
  if (!session || !Object.hasOwn(actions, route)) return send(response, reply(404, { code: 'not-found' }));
  return handleApi(request, response, session, actions[route], body);
}

/** The server on 127.0.0.1 at a free port; `listen` resolves to its origin. */
export function createPurchaseServer() {
  const server = createServer((request, response) => {
    handle(request, response).catch((error) => {
      if (!response.headersSent) send(response, reply(500, { code: 'server', message: String(error) }));
      else response.destroy();
    });
  });
  return {
    listen: () =>
      new Promise((resolve) =>
        server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${server.address().port}`)),
      ),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Starts the purchase server with the test run's server and tells pages its origin at /__purchase-server. */
export function purchaseServerPlugin() {
  const server = createPurchaseServer();
  let origin = '';
  return {
    name: 'od-purchase-server',
    async serverStart() {
      origin = await server.listen();
    },
    serverStop: () => server.close(),
    serve(context) {
      if (context.path === '/__purchase-server') return { body: JSON.stringify({ origin }), type: 'json' };
      return undefined;
    },
  };
}
