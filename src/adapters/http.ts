/**
 * The HTTP layer of the REST adapter: one request with the bearer token, a
 * per-attempt timeout (the token call has one too), one token refresh after a
 * 401 (shared by concurrent requests), retries with capped exponential backoff and full jitter
 * (for a write only when repeating it cannot do it twice, see `isRepeatable`), and an
 * abort signal that ends all of it at once. Internal: only `rest.ts` and
 * `sse.ts` use it. The token's sharing and refresh are token-source.ts's.
 */
import { DashboardError, codeForStatus, isRetryable, toDashboardError } from '../contract/errors.js';
import { abortable, abortError, sleep } from './abort.js';
import { asNetworkFailure, buildHeaders, checkBuildable } from './request.js';
import { createTokenSource, type BearerToken, type TokenGetter } from './token-source.js';

export type { BearerToken, TokenGetter, TokenRequest } from './token-source.js';

/** How long to wait between attempts. */
export interface BackoffPolicy {
  /** The first window; the nth retry waits up to `baseMs * 2^n`. */
  baseMs: number;
  /** No window grows past this. */
  maxMs: number;
  /** A number in [0, 1): `Math.random` unless a test injects one. */
  random: () => number;
}

/** The HTTP client's settings, every default already resolved (see `rest.ts`). */
export interface HttpConfig {
  baseUrl: string;
  getToken?: TokenGetter;
  credentials?: RequestCredentials;
  headers?: HeadersInit;
  fetch: typeof fetch;
  /** Per attempt, until the whole body is read (JSON) or the headers arrive (streams); 0 disables it. */
  timeoutMs: number;
  /** Retries after the first attempt. */
  retries: number;
  backoff: BackoffPolicy;
}

/** A request that answers JSON: a GET, or a write with a JSON body. */
export interface JsonRequest {
  method: 'GET' | 'PUT' | 'POST';
  /** Under `baseUrl`, e.g. `/organizations/acme/plan`. */
  path: string;
  /** Sent as `application/json`, the same bytes on every try. */
  body?: unknown;
  /** Headers of this request, e.g. `Idempotency-Key`. */
  headers?: Record<string, string>;
}

export interface HttpClient {
  /** GET a JSON document, retrying what may recover; rejects with a `DashboardError`. */
  getJson(path: string, signal?: AbortSignal): Promise<unknown>;
  /**
   * Sends `request` and reads its JSON answer, retrying what may recover as `getJson` does, but
   * only when repeating the request cannot do twice what it asks (`isRepeatable`).
   */
  sendJson(request: JsonRequest, signal?: AbortSignal): Promise<unknown>;
  /** One attempt at opening an event stream (with one token refresh after a 401); no retries. */
  openStream(path: string, headers: Record<string, string>, signal: AbortSignal): Promise<Response>;
  readonly backoff: BackoffPolicy;
}

/**
 * An HTTP date (RFC 9110 5.6.7), in ms since the epoch. All three forms are in GMT: IMF-fixdate and
 * the obsolete RFC 850 form say so, which `Date.parse` reads; asctime (`Sun Nov  6 08:49:37 1994`)
 * names no zone, so `Date.parse` would read it in the viewer's: it is given its GMT. Any other text
 * would be read in the viewer's zone, or not as a date at all: none.
 */
function httpDate(text: string): number {
  if (/^\w{3} \w{3} +\d{1,2} [\d:]{8} \d{4}$/.test(text)) return Date.parse(`${text} GMT`);
  return text.endsWith('GMT') ? Date.parse(text) : NaN;
}

/**
 * `Retry-After` in milliseconds: delay-seconds or an HTTP date (RFC 9110).
 * Undefined when absent or unreadable, so a bad header never blocks a retry.
 */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (value === null) return undefined;
  // `Headers.get` joins repeated headers with ", " (an HTTP date has a comma of its own): the server
  // asked for each, so the longest holds. Capped where timers are (a wait of 400 digits is Infinity).
  const waits = value
    .split(/,(?=\s*(?:\d+(?:\.\d+)?\s*(?:,|$)|[A-Z][a-z]{2},))/)
    .map((one) => {
      const text = one.trim();
      if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
      const date = httpDate(text);
      return Number.isNaN(date) ? NaN : Math.max(0, date - now);
    })
    .filter((wait) => !Number.isNaN(wait));
  return waits.length ? Math.min(Math.max(...waits), 2 ** 31 - 1) : undefined;
}

/**
 * Exponential backoff with full jitter: a uniform pick in
 * `[0, min(maxMs, baseMs * 2^attempt))`, so clients that failed together do
 * not come back together. A server's `Retry-After` is a floor.
 */
export function backoffDelay(attempt: number, policy: BackoffPolicy, retryAfterMs?: number): number {
  // The exponent is bounded so a long outage cannot turn the window into Infinity or NaN.
  const window = Math.max(0, Math.min(policy.maxMs, policy.baseMs * 2 ** Math.min(attempt, 30)));
  const pick = Math.min(Math.max(policy.random(), 0), 1);
  return Math.max(pick * window, retryAfterMs ?? 0);
}

/**
 * Joins without doubling or dropping the slash: `/api/` + `/x` and `/api` + `/x` are both `/api/x`.
 * A query on the base (a function key, an API version) stays, before the path's own parameters:
 * `/api?code=k` + `/x?limit=5` is `/api/x?code=k&limit=5`. A fragment is never sent: it is dropped.
 */
export function joinUrl(baseUrl: string, path: string): string {
  const [, base, query] = /^([^?#]*)\??([^#]*)/.exec(baseUrl)!;
  const [route, own] = path.split('?');
  const search = [query, own].filter(Boolean).join('&');
  return base.replace(/\/+$/, '') + route + (search && `?${search}`);
}

function errorForResponse(response: Response, label: string): DashboardError {
  const status = response.status;
  const code = codeForStatus(status) ?? 'server';
  // Servers send Retry-After with 429 and sometimes with 503; both are retried, so both honour it.
  const retryAfterMs =
    status === 429 || status >= 500 ? parseRetryAfter(response.headers.get('retry-after')) : undefined;
  return new DashboardError(code, `${label} failed with HTTP ${status}.`, { status, retryAfterMs });
}

/**
 * Whether a request may be sent again after a failure that leaves unknown whether the server acted
 * on it (a dropped connection, a timeout, a 5xx), within the same bounds as a read (DESIGN.md,
 * "Errors"). GET reads and PUT sets a state, which the same body sets to the same again (both are
 * idempotent by RFC 9110 §9.2.2); any other write only because it carries an `Idempotency-Key`,
 * with which the server answers a repeat with its first result instead of acting twice. The key is
 * in `headers`, so every try sends the same one.
 */
export function isRepeatable(method: string, headers: Record<string, string> = {}): boolean {
  return (
    method === 'GET' ||
    method === 'PUT' ||
    Object.keys(headers).some((name) => name.toLowerCase() === 'idempotency-key')
  );
}

/** Frees the connection of a response whose body nobody will read. */
function discard(response: Response): void {
  response.body?.cancel().catch(() => {});
}

/**
 * Runs one attempt under a deadline. The attempt gets its own signal, aborted
 * on timeout or when `parent` aborts; `parent` aborting rejects at once with
 * `aborted`, the deadline with `timeout`.
 */
async function withDeadline<T>(
  parent: AbortSignal | undefined,
  timeoutMs: number,
  label: string,
  run: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
  if (parent?.aborted) throw abortError();
  const controller = new AbortController();
  const onAbort = () => controller.abort();
  parent?.addEventListener('abort', onAbort, { once: true });
  let timer: ReturnType<typeof setTimeout> | undefined;
  const expired = new Promise<never>((_, reject) => {
    if (!(timeoutMs > 0) || !Number.isFinite(timeoutMs)) return;
    timer = setTimeout(() => {
      reject(new DashboardError('timeout', `${label} timed out after ${timeoutMs} ms.`));
      controller.abort();
    }, timeoutMs);
  });
  try {
    return await abortable(Promise.race([run(controller.signal), expired]), parent);
  } catch (error) {
    throw toDashboardError(error);
  } finally {
    clearTimeout(timer);
    parent?.removeEventListener('abort', onAbort);
  }
}

async function readJson(response: Response, label: string): Promise<unknown> {
  const text = await response.text().catch((error: unknown) => {
    throw asNetworkFailure(error);
  });
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new DashboardError('invalid-data', `${label} did not return JSON.`, {
      path: '',
      status: response.status,
      cause: error,
    });
  }
}

function checkEventStream(response: Response, label: string): Response {
  const type = response.headers.get('content-type');
  // A missing type is tolerated (hand-made responses); a different one is a misrouted URL, e.g. an HTML fallback page.
  if ((type !== null && !/^\s*text\/event-stream\b/i.test(type)) || !response.body) {
    discard(response);
    throw new DashboardError('invalid-data', `${label} did not return an event stream.`, {
      path: '',
      status: response.status,
    });
  }
  return response;
}

export function createHttpClient(config: HttpConfig): HttpClient {
  const tokens = config.getToken ? createTokenSource(config.getToken, config.timeoutMs) : undefined;

  function headersFor(accept: string, token: BearerToken, extra: Record<string, string>, label: string) {
    return buildHeaders(config.headers, accept, token, extra, label);
  }

  /** One exchange: a 401 comes back as `undefined` so the caller can refresh; other failures throw. */
  function exchange<T>(
    url: string,
    method: string,
    headers: Headers,
    body: string | undefined,
    signal: AbortSignal | undefined,
    label: string,
    read: (response: Response) => Promise<T> | T,
  ): Promise<T | undefined> {
    const fetchImpl = config.fetch;
    return withDeadline(signal, config.timeoutMs, label, async (attemptSignal) => {
      const init: RequestInit = { method, headers, signal: attemptSignal };
      if (body !== undefined) init.body = body;
      if (config.credentials) init.credentials = config.credentials;
      checkBuildable(url, init, label);
      const response = await fetchImpl(url, init).catch((error: unknown) => {
        throw asNetworkFailure(error);
      });
      if (response.status === 401 && tokens) {
        discard(response);
        return undefined;
      }
      if (!response.ok) {
        discard(response);
        throw errorForResponse(response, label);
      }
      return read(response);
    });
  }

  /**
   * One attempt; after a 401 the token is refreshed and the request sent once more, with the same
   * headers (an `Idempotency-Key` included) and body.
   */
  async function send<T>(
    { method, path, headers: extra = {}, body }: JsonRequest & { body?: string },
    accept: string,
    signal: AbortSignal | undefined,
    read: (response: Response, label: string) => Promise<T> | T,
  ): Promise<T> {
    const url = joinUrl(config.baseUrl, path);
    const label = `${method} ${path}`;
    const readWith = (response: Response) => read(response, label);
    const sent = body === undefined ? extra : { ...extra, 'Content-Type': 'application/json' };
    const attempt = (token: BearerToken) =>
      exchange(url, method, headersFor(accept, token, sent, label), body, signal, label, readWith);
    let ticket = tokens ? await tokens.get(signal) : undefined;
    let result = await attempt(ticket?.token);
    if (result === undefined && tokens && ticket) {
      ticket = await tokens.refresh(ticket, signal);
      result = await attempt(ticket.token);
    }
    if (result === undefined) {
      throw new DashboardError('unauthorized', `${label} failed with HTTP 401.`, { status: 401 });
    }
    return result;
  }

  async function sendJson(request: JsonRequest, signal?: AbortSignal): Promise<unknown> {
    // Serialized once: every try of a write carries the same bytes as its key says.
    const body = request.body === undefined ? undefined : JSON.stringify(request.body);
    const retries = isRepeatable(request.method, request.headers) ? config.retries : 0;
    for (let attempt = 0; ; attempt += 1) {
      try {
        return await send({ ...request, body }, 'application/json', signal, readJson);
      } catch (error) {
        const failure = toDashboardError(error);
        if (signal?.aborted) throw abortError();
        if (attempt >= retries || !isRetryable(failure)) throw failure;
        // A server that asks for a longer pause than the cap gets its answer now: the caller
        // (a card with a Retry button) decides, instead of a spinner for minutes.
        if ((failure.retryAfterMs ?? 0) > config.backoff.maxMs) throw failure;
        await sleep(backoffDelay(attempt, config.backoff, failure.retryAfterMs), signal);
      }
    }
  }

  return {
    getJson: (path, signal) => sendJson({ method: 'GET', path }, signal),
    sendJson,
    openStream: (path, headers, signal) =>
      send({ method: 'GET', path, headers }, 'text/event-stream', signal, checkEventStream),
    backoff: config.backoff,
  };
}
