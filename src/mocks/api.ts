/**
 * The mock REST API's public shape: its options, its controls and what an
 * injected failure or an error body looks like. `createHandlers`
 * (`handlers.ts`) builds it.
 */
import type { HttpHandler } from 'msw';
import type { AdapterRequest } from '../contract/access.js';
import type { DashboardEvent } from '../contract/types.js';
import type { DashboardDataset, InjectedPurchase } from '../adapters/dataset.js';
import type { OpenStreamInfo } from './event-streams.js';

export type { OpenStreamInfo } from './event-streams.js';

/**
 * The REST endpoints, named after the adapter methods that call them; `subscribe` is the event
 * stream, per-org (`/organizations/{orgId}/events`) and multi-org (`/events?orgId=`) alike.
 */
export type RestEndpoint = AdapterRequest | 'subscribe';

/**
 * What an injected failure answers: an HTTP status (with a JSON error body),
 * `'network'` (the request fails as if the connection dropped: `fetch`
 * rejects with a `TypeError`), `'timeout'` (no answer at all, until the client
 * gives up), or `'malformed'` (200 with a body that does not match the
 * contract; on the event stream, one frame whose data is not JSON).
 */
export type InjectedFailure = number | 'network' | 'timeout' | 'malformed';

/** The JSON body of every error response: `code` as in DESIGN.md's error codes, plus `invalid-request` for a 400. */
export interface ApiErrorBody {
  code: string;
  message: string;
}

export interface MockApiOptions {
  /** Prefix of every path, relative (`/api`, the default) or absolute (`https://api.example.com/v1`). */
  baseUrl?: string;
  /** The data to serve, changed in place by `emit`. Default: `createDataset()`. */
  data?: DashboardDataset;
  /** Delay of every response in ms, or `'real'` for MSW's realistic random delay. Default 0. */
  delayMs?: number | 'real';
  /** Serve the event streams (default true). With false both answer 404, as a backend without live updates. */
  live?: boolean;
  /**
   * Serve the multi-org stream `GET /events?orgId=...` (default true). With false it answers 404,
   * as a backend that has only per-org streams: the REST adapter then falls back to those.
   */
  multiOrgStream?: boolean;
  /** How many past events per org are kept for `Last-Event-ID` replay (default 100). */
  eventBufferSize?: number;
  /** Sent as the stream's `retry:` field (the reconnection delay an `EventSource` uses), when given. */
  retryMs?: number;
  /**
   * Every open stream sends a `: heartbeat` comment this often, in ms, so
   * clients that watch for silence (the REST adapter's `streamSilenceMs`,
   * default 45 s) never take a quiet but healthy stream for a dead one.
   * Default 15000, a third of that limit; 0 sends none.
   */
  heartbeatMs?: number;
  /** Called for every request; returning false answers 401 (e.g. to require an `Authorization` header). */
  authorize?: (request: Request) => boolean;
}

export interface FailNextOptions {
  /** `Retry-After` header value (seconds or an HTTP date). Default `'1'` for 429, none otherwise. */
  retryAfter?: string;
  /**
   * Fail after the request was handled (the purchase charged, the threshold set), as when the
   * connection drops on the way back: a retry with the same idempotency key gets the first answer.
   * Default false: the request fails before anything happens.
   */
  afterHandling?: boolean;
}

/** What `createHandlers` returns: the handlers and controls over the mock backend. */
export interface MockApi {
  /** Pass to `setupWorker(...handlers)` / `setupServer(...handlers)` / `worker.use(...handlers)`. */
  readonly handlers: HttpHandler[];
  /** The served data (the same object as `options.data`). */
  readonly data: DashboardDataset;
  /** The normalized base URL, without a trailing slash. */
  readonly baseUrl: string;
  /**
   * Applies a live event to the data (snapshot topics replace, `activity` and
   * `announcements` add one entry at its place in time, deduplicated by id; a copy
   * read back from JSON, as clients get it), keeps it
   * for `Last-Event-ID` replay and sends it to the open streams that carry the
   * org. Returns the event id (one sequence for all orgs). Throws for an unknown org.
   */
  emit(orgId: string, event: DashboardEvent): string;
  /**
   * The next `times` requests (default 1) to `target` fail with `failure`.
   * `target` is an endpoint name, `'*'` for any, or a RegExp tested against
   * the URL's pathname. A 402 met by a purchase (before handling) is the payment backend's decline:
   * made where it would be charged (401, 404, 403, 400, 422 come first; a known key gets its first
   * answer) and kept with the key, so every repeat of the key gets the same 402 and body (another
   * amount is 409). Other failures before handling leave the key free, as real servers do.
   */
  failNext(
    target: RestEndpoint | '*' | RegExp,
    failure: InjectedFailure,
    times?: number,
    options?: FailNextOptions,
  ): void;
  /** Changes the delay of later responses. */
  setDelay(ms: number | 'real'): void;
  /**
   * Ends the open event streams that carry the org (its per-org stream and every multi-org stream
   * that includes it), or all: clients see the end of the stream and reconnect.
   */
  disconnect(orgId?: string): void;
  /** How many event streams are open that carry the org (multi-org streams with it count), or in all. */
  streamCount(orgId?: string): number;
  /** The open event streams: each one's orgs (sorted) and whether it is the multi-org stream. */
  openStreams(): OpenStreamInfo[];
  /**
   * The next `times` new purchases (default 1; a repeated key is answered as before) answer
   * `pending`, their credits added with a `plan` event after `settleAfterMs` or on
   * `settlePending()`, or `redirect` to `url` (no credits: the checkout is outside the mock).
   */
  nextPurchase(outcome: InjectedPurchase, times?: number): void;
  /** Adds the credits of every pending purchase (of one org, or all) now, each with a `plan` event. */
  settlePending(orgId?: string): void;
}
