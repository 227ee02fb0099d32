/**
 * `createRestAdapter(options)`: the data adapter for DESIGN.md's REST API.
 * Every failure is a `DashboardError` with a code. What is read is parsed as
 * JSON but not validated here: the store validates what every adapter
 * returns, in one place. The answers of the two writes never pass through a
 * store's fetch, so they are validated here, before anyone acts on them.
 */
import { DashboardError } from '../contract/errors.js';
import { orgIdError } from '../contract/links.js';
import type { DashboardAdapter, RequestOptions } from '../contract/types.js';
import { parsePlanSummary } from '../contract/validation.js';
import { createHttpClient, type HttpClient, type JsonRequest } from './http.js';
import { activitiesPath, orgPath } from './rest-paths.js';

export interface RestAdapterOptions {
  /**
   * Where the API lives: absolute (`https://api.example.com/v1`) or relative
   * to the page (`/api`), with or without a trailing slash. A query on it
   * (`/api?code=key`) is sent with every request, before the request's own.
   */
  baseUrl: string;
  /**
   * The bearer token, sent as `Authorization: Bearer <token>`; nothing is sent
   * when it gives `null`, `undefined` or `''`. Called before each request
   * (requests made at the same time share one call, so the host decides how
   * long a token is kept) and once more, with `{ refresh: true }`, after a
   * 401; requests refused together share that one refresh. A second 401
   * rejects with `unauthorized`, as does a `getToken` that throws something
   * other than a `DashboardError` or gives something other than text. The
   * adapter never logs the token.
   */
  getToken?: (request: {
    refresh: boolean;
  }) => string | null | undefined | Promise<string | null | undefined>;
  /** Passed to `fetch`, e.g. `'include'` for cookie sessions on another origin. Default: `fetch`'s own (`'same-origin'`). */
  credentials?: RequestCredentials;
  /** Sent with every request. `Accept` and, with a token, `Authorization` are set by the adapter. */
  headers?: HeadersInit;
  /** A `fetch` to use instead of the global one (looked up at call time, not at creation). */
  fetch?: typeof fetch;
  /**
   * Per attempt: until a JSON body is fully read, or a stream's headers arrive. Default 15000; 0
   * disables. This and the other waits are capped at 2^31 - 1 ms (about 24.8 days), as timers are.
   */
  timeoutMs?: number;
  /**
   * Retries after the first attempt for 429, 5xx, network failures and
   * timeouts (never for other errors). Default 3, so at most 4 attempts.
   */
  retries?: number;
  /**
   * Backoff before retry n (from 0): a uniform random pick ("full jitter") in
   * `[0, min(retryMaxMs, retryBaseMs * 2^n))`, at least the server's
   * `Retry-After`. Default 500.
   *
   * The live stream reconnects no sooner than 1 s after a connection ended,
   * whatever the server's `retry:` field says: it waits 1 s plus a pick in
   * `[0, min(retryMaxMs - 1 s, base * 2^n))`, where the base is the server's
   * `retry:` (else `retryBaseMs`) raised to 1 s, and never longer than
   * `retryMaxMs` (itself at least 1 s).
   */
  retryBaseMs?: number;
  /**
   * The longest backoff. A request whose `Retry-After` asks for more rejects
   * at once with `rate-limited` (or `server`) carrying `retryAfterMs`, rather
   * than keep a card loading; the live stream waits as long as it asks (its
   * cards show their data as stale meanwhile).
   * Default 10000.
   */
  retryMaxMs?: number;
  /**
   * How long the live stream may stay silent, in ms: a connection that sends
   * no bytes at all for this long (comment lines count; servers send them as
   * heartbeats) is taken for dead, as a half-open connection after a network
   * change would be. The adapter then reports `reconnecting` (cards mark their
   * data stale), closes it and connects again. Send a heartbeat comment well
   * within this limit, e.g. `: heartbeat` every 15 s (the MSW handlers do).
   * Default 45000; 0 turns the watch off.
   */
  streamSilenceMs?: number;
  /**
   * Who shares the live stream of this `baseUrl`: `'tabs'` (default), every
   * tab of the browser through a leader tab, or `'page'`, only this page's
   * adapters. Use `'page'` when the server is this page's own, e.g. MSW mocks
   * in a demo: another tab's mock would answer for it. A custom `fetch` is
   * always `'page'`.
   */
  liveSharing?: 'tabs' | 'page';
  /** A source of numbers in [0, 1) for the jitter; for tests. Default `Math.random`. */
  random?: () => number;
}

const DEFAULT_TIMEOUT_MS = 15_000;
const DEFAULT_RETRIES = 3;
const DEFAULT_RETRY_BASE_MS = 500;
const DEFAULT_RETRY_MAX_MS = 10_000;
/** The default of `streamSilenceMs`: three missed heartbeats of a server that sends one every 15 s. */
export const DEFAULT_STREAM_SILENCE_MS = 45_000;

/**
 * A setting in ms (or a count), at most 2^31 - 1: browsers read a timer's delay as a signed 32-bit
 * number, so `Number.MAX_SAFE_INTEGER` or 2^31 (a host's "never") would fire at once.
 */
function nonNegative(value: number | undefined, fallback: number): number {
  return value !== undefined && Number.isFinite(value) && value >= 0
    ? Math.min(value, 2 ** 31 - 1)
    : fallback;
}

function createClient(options: RestAdapterOptions): HttpClient {
  if (typeof options?.baseUrl !== 'string') {
    throw new TypeError('createRestAdapter: `baseUrl` must be a string, e.g. "/api".');
  }
  const custom = options.fetch;
  return createHttpClient({
    baseUrl: options.baseUrl,
    getToken: options.getToken,
    credentials: options.credentials,
    headers: options.headers,
    // Looked up per call so a fetch patched later (MSW, polyfills) is used, and called unbound
    // because `window.fetch` throws "Illegal invocation" on any other `this`.
    fetch: custom ?? ((input, init) => globalThis.fetch(input, init)),
    timeoutMs: nonNegative(options.timeoutMs, DEFAULT_TIMEOUT_MS),
    retries: Math.floor(nonNegative(options.retries, DEFAULT_RETRIES)),
    backoff: {
      baseMs: nonNegative(options.retryBaseMs, DEFAULT_RETRY_BASE_MS),
      maxMs: nonNegative(options.retryMaxMs, DEFAULT_RETRY_MAX_MS),
      random: options.random ?? Math.random,
    },
  });
}

/**
 * The data adapter for the REST API of DESIGN.md. Requests time out, retry
 * with backoff and jitter, refresh the bearer token once after a 401 and stop
 * at once when their `signal` aborts; `subscribe` keeps a live
 * `text/event-stream` open, resuming with `Last-Event-ID` after a drop and
 * replacing a connection that went silent. All subscriptions to a `baseUrl`
 * share one stream per browser (live-hub.ts): several orgs on the multi-org
 * stream, several tabs through a leader tab.
 *
 * The writes retry as reads do (network failures, timeouts, 429, 5xx) because
 * repeating them cannot act twice: a purchase sends its attempt's
 * `idempotencyKey` on every try (a 401's retry with a fresh token included), and
 * the threshold is a PUT, which sets the same state however often it arrives.
 * 400, 422, 402 and 409 are answers, never retried. An aborted write rejects
 * with `aborted` at once, though the server may still complete it: a Retry
 * with the same key then gets its result.
 *
 * @example
 * const adapter = createRestAdapter({ baseUrl: '/api', getToken: () => auth.token() });
 */
export function createRestAdapter(options: RestAdapterOptions): Required<DashboardAdapter> {
  const http = createClient(options);
  const silenceMs = nonNegative(options.streamSilenceMs, DEFAULT_STREAM_SILENCE_MS);
  // The return types are the contract's; the store checks the values at run time.
  const get = async <T>(path: () => string, request?: RequestOptions): Promise<T> =>
    (await http.getJson(path(), request?.signal)) as T;
  const write = async <T>(build: () => JsonRequest, parse: (answer: unknown) => T, o?: RequestOptions) =>
    parse(await http.sendJson(build(), o?.signal));

  return {
    getOrganization: (orgId, o) => get(() => orgPath(orgId), o),
    getAccess: (orgId, o) => get(() => orgPath(orgId, '/access'), o),
    getWorkspaceStats: (orgId, o) => get(() => orgPath(orgId, '/workspaces/stats'), o),
    getBilling: (orgId, o) => get(() => orgPath(orgId, '/billing/summary'), o),
    getPlan: (orgId, o) => get(() => orgPath(orgId, '/plan'), o),
    listActivities: (orgId, filter) => get(() => activitiesPath(orgId, filter), filter),
    listAnnouncements: (orgId, o) => get(() => orgPath(orgId, '/announcements'), o),
    // The writes' request building and answer checks load on the first write (an import()).
    purchaseCredits: async (orgId, request, o) => {
      const { purchaseRequest, parseCreditPurchase } = await loadWrites();
      return write(() => purchaseRequest(orgId, request), parseCreditPurchase, o);
    },
    setLowCreditThreshold: async (orgId, threshold, o) => {
      const { thresholdRequest } = await loadWrites();
      return write(() => thresholdRequest(orgId, threshold), parsePlanSummary, o);
    },
    subscribe(orgId, onEvent, o = {}) {
      if (orgIdError(orgId)) return refusedSubscription(o);
      if (o.signal?.aborted) return () => {};
      const join = ({ liveHubFor }: LiveHubModule) =>
        liveHubFor(http, { silenceMs }, options.baseUrl, options.fetch, options.liveSharing !== 'page').add(
          orgId,
          onEvent,
          o,
        );
      if (liveHubModule) return join(liveHubModule);
      let unsubscribe: (() => void) | undefined;
      let ended = false;
      loadLiveHub().then(
        (module) => {
          if (ended || o.signal?.aborted) return;
          unsubscribe = join(module);
        },
        // The stream's code could not be fetched (offline, a deploy that removed the chunk): as a
        // stream that cannot open, 'closed', so the store polls.
        () => {
          if (ended || o.signal?.aborted) return;
          ended = true;
          reportClosed(o);
        },
      );
      return () => {
        ended = true;
        unsubscribe?.();
      };
    },
  };
}

/**
 * The writes' module (rest-writes.ts): loaded by the first write, as no first render needs it. A
 * seam for tests, which make the fetch fail.
 */
export const restWritesChunk = {
  load: () => import('./rest-writes.js'),
};

/** A fetch of the writes' code that fails (offline, a deploy that removed the chunk) sent nothing: `network`. */
function loadWrites(): ReturnType<typeof restWritesChunk.load> {
  return restWritesChunk.load().catch((cause: unknown) => {
    throw new DashboardError('network', 'The code that sends this change could not be loaded.', { cause });
  });
}

/**
 * The live hub, its streams and the leader tab's link load with the first subscription (an
 * `import()`), which comes after the first answers: no first render waits for them. A seam for
 * tests, which make the fetch fail.
 */
export const liveHubChunk = {
  load: (): Promise<LiveHubModule> => import('./live-hubs.js'),
};

type LiveHubModule = typeof import('./live-hubs.js');
let liveHubModule: LiveHubModule | undefined;
let liveHubLoading: Promise<LiveHubModule> | undefined;

/**
 * The live hub's module, fetched once: subscriptions made meanwhile wait for the same fetch, and
 * once it is here they join at once. A failed fetch is tried again by the next subscription.
 */
export function loadLiveHub(): Promise<LiveHubModule> {
  liveHubLoading ??= liveHubChunk.load().then(
    (module) => (liveHubModule = module),
    (error: unknown) => {
      liveHubLoading = undefined;
      throw error;
    },
  );
  return liveHubLoading;
}

/** Tells a subscriber its stream is `closed` (a failure of its own is reported, not thrown). */
function reportClosed(options: { onConnectionChange?: (state: 'closed') => void }): void {
  try {
    options.onConnectionChange?.('closed');
  } catch (error) {
    if (typeof globalThis.reportError === 'function') globalThis.reportError(error);
  }
}

/**
 * A subscription that never connects (its org id was refused): it reports
 * `closed` once, soon, so the store polls and the polls show the error.
 */
function refusedSubscription(options: {
  signal?: AbortSignal;
  onConnectionChange?: (state: 'closed') => void;
}) {
  let open = !options.signal?.aborted;
  queueMicrotask(() => {
    if (!open) return;
    open = false;
    reportClosed(options);
  });
  return () => {
    if (!open) return;
    open = false;
    reportClosed(options);
  };
}
