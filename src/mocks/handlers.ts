/**
 * MSW 2 request handlers for the whole REST API of DESIGN.md, served from a
 * `DashboardDataset`: the JSON endpoints, the activity filters and paging,
 * 401/403/404 with JSON error bodies, and the live `text/event-stream`
 * endpoint with resumable event ids. Use them with `setupWorker` (browser,
 * Storybook) or `setupServer` (Node).
 *
 * The event stream is a plain streamed `Response` rather than MSW's `sse()`:
 * `sse()` only matches requests whose `Accept` header is exactly
 * `text/event-stream` and cannot answer with an error status, while this API
 * must send 404/403/injected failures on the stream endpoint too and serve
 * `fetch`-based readers as well as `EventSource`.
 */
import { delay, http, HttpHandler, HttpResponse } from 'msw';
import { missingPermission, READ_PERMISSION, type AdapterRequest } from '../contract/access.js';
import { codeForStatus } from '../contract/errors.js';
import type { ActivityFilter, DashboardEvent, DashboardTopic } from '../contract/types.js';
import { queryActivities } from '../adapters/activity-query.js';
import { applyEvent, type DashboardDataset, type OrgDataset } from '../adapters/dataset.js';
import { DEFAULT_STREAM_SILENCE_MS } from '../adapters/rest.js';
import { createDataset } from './fixtures.js';

/** The REST endpoints, named after the adapter methods that call them; `subscribe` is the event stream. */
export type RestEndpoint = AdapterRequest | 'subscribe';

/**
 * What an injected failure answers: an HTTP status (with a JSON error body),
 * `'network'` (the request fails as if the connection dropped: `fetch`
 * rejects with a `TypeError`), or `'malformed'` (200 with a body that does not
 * match the contract; on the event stream, one frame whose data is not JSON).
 */
export type InjectedFailure = number | 'network' | 'malformed';

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
  /** Serve the event stream (default true). With false it answers 404, as a backend without live updates. */
  live?: boolean;
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
   * `announcements` add one entry at the top, deduplicated by id), keeps it
   * for `Last-Event-ID` replay and sends it to the org's open streams.
   * Returns the event id. Throws for an unknown org.
   */
  emit(orgId: string, event: DashboardEvent): string;
  /**
   * The next `times` requests (default 1) to `target` fail with `failure`.
   * `target` is an endpoint name, `'*'` for any, or a RegExp tested against
   * the URL's pathname.
   */
  failNext(
    target: RestEndpoint | '*' | RegExp,
    failure: InjectedFailure,
    times?: number,
    options?: FailNextOptions,
  ): void;
  /** Changes the delay of later responses. */
  setDelay(ms: number | 'real'): void;
  /** Ends the open event streams (of one org, or all): clients see the end of the stream and reconnect. */
  disconnect(orgId?: string): void;
  /** How many event streams are open (of one org, or all). */
  streamCount(orgId?: string): number;
}

const DEFAULT_BUFFER_SIZE = 100;
/** A third of the REST adapter's silence limit: two heartbeats may be lost before it gives up. */
const DEFAULT_HEARTBEAT_MS = DEFAULT_STREAM_SILENCE_MS / 3;

interface Failure {
  target: RestEndpoint | '*' | RegExp;
  failure: InjectedFailure;
  times: number;
  retryAfter?: string;
}

interface EventRecord {
  id: number;
  event: DashboardEvent;
}

interface OpenStream {
  orgId: string;
  send(text: string): void;
  close(): void;
}

// ---------------------------------------------------------------------------
// Small helpers
// ---------------------------------------------------------------------------

function json(body: unknown, status = 200, headers: Record<string, string> = {}): HttpResponse<string> {
  return new HttpResponse(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });
}

function errorResponse(
  status: number,
  message: string,
  headers: Record<string, string> = {},
): HttpResponse<string> {
  const code = status === 400 ? 'invalid-request' : (codeForStatus(status) ?? 'server');
  const body: ApiErrorBody = { code, message };
  return json(body, status, headers);
}

function frame(record: EventRecord): string {
  // JSON.stringify never emits a raw newline, so one `data:` line suffices.
  return `id: ${record.id}\nevent: ${record.event.topic}\ndata: ${JSON.stringify(record.event.data)}\n\n`;
}

type ParsedFilter = { filter: ActivityFilter } | { error: string };

/** The activities query, strictly: a bad parameter is the client's bug, answered with 400. */
function parseActivityFilter(params: URLSearchParams): ParsedFilter {
  const filter: ActivityFilter = {};
  const limit = params.get('limit');
  if (limit) {
    if (!/^\d+$/.test(limit) || Number(limit) < 1) return { error: `Invalid limit "${limit}".` };
    filter.limit = Number(limit);
  }
  const cursor = params.get('cursor');
  if (cursor) {
    if (!/^\d+$/.test(cursor)) return { error: `Invalid cursor "${cursor}".` };
    filter.cursor = cursor;
  }
  for (const name of ['from', 'to'] as const) {
    const value = params.get(name);
    if (!value) continue;
    if (Number.isNaN(Date.parse(value))) return { error: `Invalid ${name} "${value}".` };
    filter[name] = value;
  }
  const resourceType = params.get('resourceType');
  if (resourceType) filter.resourceType = resourceType;
  const action = params.get('action');
  if (action) filter.action = action;
  const query = params.get('q');
  if (query?.trim()) filter.query = query;
  return { filter };
}

function normalizeBaseUrl(baseUrl: string): string {
  return baseUrl.replace(/\/+$/, '');
}

// ---------------------------------------------------------------------------
// createHandlers
// ---------------------------------------------------------------------------

/**
 * MSW handlers for every path of DESIGN.md's REST API, plus controls to
 * push live events, inject failures and drop connections.
 *
 * - Unknown org: 404. Missing permission (from the org's `access`): 403.
 * - `GET .../activities` takes `limit` (1..200, default 20), `cursor` (from
 *   the previous page's `nextCursor`), `resourceType`, `action`, `q`, `from`
 *   and `to` (ISO date or instant; a bare date `to` includes that whole day);
 *   a malformed value answers 400.
 * - `GET .../events` streams `text/event-stream` frames `id:` (increasing
 *   across all orgs), `event:` (the topic) and `data:` (the JSON payload),
 *   only for topics the viewer may read. With a `Last-Event-ID` header it
 *   first replays the org's buffered events after that id.
 *
 * @example
 * const api = createHandlers({ data: createDataset() });
 * const worker = setupWorker(...api.handlers);
 * await worker.start({ onUnhandledRequest: 'bypass' });
 * api.emit(ACME_ORG_ID, { topic: 'activity', data: createActivity(ACME_ORG_ID) });
 */
export function createHandlers(options: MockApiOptions = {}): MockApi {
  const baseUrl = normalizeBaseUrl(options.baseUrl ?? '/api');
  const data = options.data ?? createDataset();
  const bufferSize = Math.max(0, options.eventBufferSize ?? DEFAULT_BUFFER_SIZE);
  const heartbeatMs = options.heartbeatMs ?? DEFAULT_HEARTBEAT_MS;
  let delayMs: number | 'real' = options.delayMs ?? 0;
  let lastEventId = 0;
  const failures: Failure[] = [];
  const buffers = new Map<string, EventRecord[]>();
  const streams = new Set<OpenStream>();

  const findOrg = (orgId: string): OrgDataset | undefined =>
    Object.hasOwn(data, orgId) ? data[orgId] : undefined;

  function takeFailure(endpoint: RestEndpoint, pathname: string): Failure | undefined {
    const index = failures.findIndex(({ target }) =>
      target instanceof RegExp ? target.test(pathname) : target === '*' || target === endpoint,
    );
    if (index < 0) return undefined;
    const found = failures[index];
    found.times -= 1;
    if (found.times <= 0) failures.splice(index, 1);
    return found;
  }

  function failureResponse(endpoint: RestEndpoint, found: Failure): Response | undefined {
    const { failure } = found;
    if (failure === 'network') return HttpResponse.error();
    if (failure === 'malformed') {
      // The stream reports malformed data inside an otherwise normal stream.
      return endpoint === 'subscribe' ? undefined : json({ unexpected: 'shape' });
    }
    const retryAfter = found.retryAfter ?? (failure === 429 ? '1' : undefined);
    return errorResponse(
      failure,
      `Injected ${failure} failure.`,
      retryAfter === undefined ? {} : { 'retry-after': retryAfter },
    );
  }

  /**
   * What every endpoint does first: wait, fail when told to, check the
   * caller, find the org and check the permission. Returns the org, or the
   * response to answer with instead.
   */
  async function prelude(
    endpoint: RestEndpoint,
    request: Request,
    orgId: string,
  ): Promise<{ org: OrgDataset; malformed: boolean } | Response> {
    if (delayMs === 'real' || delayMs > 0) await delay(delayMs);
    const found = takeFailure(endpoint, new URL(request.url).pathname);
    const failed = found && failureResponse(endpoint, found);
    if (failed) return failed;
    if (options.authorize && !options.authorize(request)) return errorResponse(401, 'Sign in to continue.');
    const org = findOrg(orgId);
    if (!org) return errorResponse(404, `No organization ${orgId}.`);
    // The stream needs no permission of its own: it carries only the topics the viewer may read.
    const missing =
      endpoint === 'subscribe' ? undefined : missingPermission(endpoint, org.access.permissions);
    if (missing) return errorResponse(403, `Missing permission ${missing}.`);
    return { org, malformed: found?.failure === 'malformed' };
  }

  function path(suffix: string): string {
    return `${baseUrl}/organizations/:orgId${suffix}`;
  }

  function jsonEndpoint(
    endpoint: RestEndpoint,
    suffix: string,
    read: (org: OrgDataset, url: URL) => unknown,
  ): HttpHandler {
    return http.get(path(suffix), async ({ request, params }) => {
      const outcome = await prelude(endpoint, request, String(params.orgId));
      if (outcome instanceof Response) return outcome;
      const body = read(outcome.org, new URL(request.url));
      return body instanceof Response ? body : json(body);
    });
  }

  function permitted(orgId: string, topic: DashboardTopic): boolean {
    return findOrg(orgId)?.access.permissions.includes(READ_PERMISSION[topic]) ?? false;
  }

  function sendRecord(stream: OpenStream, record: EventRecord): void {
    if (permitted(stream.orgId, record.event.topic)) stream.send(frame(record));
  }

  function openStream(orgId: string, request: Request, malformed: boolean): Response {
    const encoder = new TextEncoder();
    const header = request.headers.get('last-event-id');
    const resumeAfter = header && /^\d+$/.test(header.trim()) ? Number(header) : undefined;
    let stream!: OpenStream;
    let heartbeat: ReturnType<typeof setInterval> | undefined;
    const forget = () => {
      clearInterval(heartbeat);
      streams.delete(stream);
    };
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        stream = {
          orgId,
          send(text) {
            try {
              controller.enqueue(encoder.encode(text));
            } catch {
              // The reader went away without cancelling: forget the stream.
              forget();
            }
          },
          close() {
            forget();
            try {
              controller.close();
            } catch {
              // Already closed or cancelled.
            }
          },
        };
        streams.add(stream);
        if (heartbeatMs > 0) heartbeat = setInterval(() => stream.send(': heartbeat\n\n'), heartbeatMs);
        // A comment first, so readers see bytes (and proxies flush) at once.
        stream.send(options.retryMs === undefined ? ': connected\n\n' : `retry: ${options.retryMs}\n\n`);
        if (malformed) stream.send('event: activity\ndata: {"id": not json\n\n');
        if (resumeAfter === undefined) return;
        for (const record of buffers.get(orgId) ?? []) {
          if (record.id > resumeAfter) sendRecord(stream, record);
        }
      },
      cancel() {
        forget();
      },
    });
    request.signal.addEventListener('abort', () => stream.close(), { once: true });
    return new HttpResponse(body, {
      headers: { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' },
    });
  }

  const eventsHandler = http.get(path('/events'), async ({ request, params }) => {
    if (options.live === false) return errorResponse(404, 'Live updates are not available.');
    const orgId = String(params.orgId);
    const outcome = await prelude('subscribe', request, orgId);
    if (outcome instanceof Response) return outcome;
    return openStream(orgId, request, outcome.malformed);
  });

  const handlers: HttpHandler[] = [
    jsonEndpoint('getAccess', '/access', (org) => org.access),
    jsonEndpoint('getWorkspaceStats', '/workspaces/stats', (org) => org.workspaces),
    jsonEndpoint('getBilling', '/billing/summary', (org) => org.billing),
    jsonEndpoint('getPlan', '/plan', (org) => org.plan),
    jsonEndpoint('listActivities', '/activities', (org, url) => {
      const parsed = parseActivityFilter(url.searchParams);
      if ('error' in parsed) return errorResponse(400, parsed.error);
      return queryActivities(org.activities, parsed.filter);
    }),
    jsonEndpoint('listAnnouncements', '/announcements', (org) => org.announcements),
    eventsHandler,
    jsonEndpoint('getOrganization', '', (org) => org.organization),
  ];

  function each(orgId: string | undefined, run: (stream: OpenStream) => void): void {
    for (const stream of [...streams]) {
      if (orgId === undefined || stream.orgId === orgId) run(stream);
    }
  }

  return {
    handlers,
    data,
    baseUrl,
    emit(orgId, event) {
      const org = findOrg(orgId);
      if (!org) throw new RangeError(`No organization ${orgId} in the mock data.`);
      // A copy: later changes by the caller must not rewrite history.
      const record: EventRecord = { id: ++lastEventId, event: structuredClone(event) };
      applyEvent(org, structuredClone(event));
      const buffer = buffers.get(orgId) ?? [];
      buffer.push(record);
      if (buffer.length > bufferSize) buffer.splice(0, buffer.length - bufferSize);
      buffers.set(orgId, buffer);
      each(orgId, (stream) => sendRecord(stream, record));
      return String(record.id);
    },
    failNext(target, failure, times = 1, failOptions = {}) {
      failures.push({ target, failure, times, retryAfter: failOptions.retryAfter });
    },
    setDelay(ms) {
      delayMs = ms;
    },
    disconnect(orgId) {
      each(orgId, (stream) => stream.close());
    },
    streamCount(orgId) {
      let count = 0;
      each(orgId, () => count++);
      return count;
    },
  };
}
