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
 * `fetch`-based readers as well as `EventSource`. The stream itself is in
 * `event-streams.ts`, injected failures in `failures.ts`.
 */
import { delay, http, HttpHandler } from 'msw';
import { missingPermission, READ_PERMISSION } from '../contract/access.js';
import { queryActivities } from '../adapters/activity-query.js';
import { applyEvent, type OrgDataset } from '../adapters/dataset.js';
import { DEFAULT_STREAM_SILENCE_MS } from '../adapters/rest.js';
import type { MockApi, MockApiOptions, RestEndpoint } from './api.js';
import { EventStreams } from './event-streams.js';
import { FailureQueue, failureResponse } from './failures.js';
import { createDataset } from './fixtures.js';
import { errorResponse, json, parseActivityFilter } from './responses.js';

export type {
  ApiErrorBody,
  FailNextOptions,
  InjectedFailure,
  MockApi,
  MockApiOptions,
  RestEndpoint,
} from './api.js';

const DEFAULT_BUFFER_SIZE = 100;
/** A third of the REST adapter's silence limit: two heartbeats may be lost before it gives up. */
const DEFAULT_HEARTBEAT_MS = DEFAULT_STREAM_SILENCE_MS / 3;

function normalizeBaseUrl(baseUrl: string): string {
  return baseUrl.replace(/\/+$/, '');
}

/**
 * MSW handlers for every path of DESIGN.md's REST API, plus controls to
 * push live events, inject failures and drop connections.
 *
 * - Unknown org: 404. Missing permission (from the org's `access`): 403.
 * - `GET .../activities` takes `limit` (1..200, default 20), `cursor` (from
 *   the previous page's `nextCursor`), `resourceType`, `action`, `q`, `from`
 *   and `to` (ISO date or instant; a bare date `to` includes that whole day);
 *   a malformed value answers 400. With the org's `activityRetention`, older
 *   entries are gone and every page carries `retentionDays`, as from the
 *   memory adapter.
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
  let delayMs: number | 'real' = options.delayMs ?? 0;
  const failures = new FailureQueue();

  const findOrg = (orgId: string): OrgDataset | undefined =>
    Object.hasOwn(data, orgId) ? data[orgId] : undefined;

  const streams = new EventStreams(
    (orgId, topic) => findOrg(orgId)?.access.permissions.includes(READ_PERMISSION[topic]) ?? false,
    {
      bufferSize: Math.max(0, options.eventBufferSize ?? DEFAULT_BUFFER_SIZE),
      heartbeatMs: options.heartbeatMs ?? DEFAULT_HEARTBEAT_MS,
      retryMs: options.retryMs,
    },
  );

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
    const found = failures.take(endpoint, new URL(request.url).pathname);
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

  const eventsHandler = http.get(path('/events'), async ({ request, params }) => {
    if (options.live === false) return errorResponse(404, 'Live updates are not available.');
    const orgId = String(params.orgId);
    const outcome = await prelude('subscribe', request, orgId);
    if (outcome instanceof Response) return outcome;
    return streams.open(orgId, request, outcome.malformed);
  });

  const handlers: HttpHandler[] = [
    jsonEndpoint('getAccess', '/access', (org) => org.access),
    jsonEndpoint('getWorkspaceStats', '/workspaces/stats', (org) => org.workspaces),
    jsonEndpoint('getBilling', '/billing/summary', (org) => org.billing),
    jsonEndpoint('getPlan', '/plan', (org) => org.plan),
    jsonEndpoint('listActivities', '/activities', (org, url) => {
      const parsed = parseActivityFilter(url.searchParams);
      if ('error' in parsed) return errorResponse(400, parsed.error);
      return queryActivities(org.activities, parsed.filter, org.activityRetention);
    }),
    jsonEndpoint('listAnnouncements', '/announcements', (org) => org.announcements),
    eventsHandler,
    jsonEndpoint('getOrganization', '', (org) => org.organization),
  ];

  return {
    handlers,
    data,
    baseUrl,
    emit(orgId, event) {
      const org = findOrg(orgId);
      if (!org) throw new RangeError(`No organization ${orgId} in the mock data.`);
      // A copy: later changes by the caller must not rewrite history.
      const record = streams.record(structuredClone(event));
      applyEvent(org, structuredClone(event));
      streams.publish(orgId, record);
      return String(record.id);
    },
    failNext(target, failure, times = 1, failOptions = {}) {
      failures.add({ target, failure, times, retryAfter: failOptions.retryAfter });
    },
    setDelay(ms) {
      delayMs = ms;
    },
    disconnect(orgId) {
      streams.disconnect(orgId);
    },
    streamCount(orgId) {
      return streams.count(orgId);
    },
  };
}
