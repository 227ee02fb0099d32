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
 *
 * The two writes keep the same ledger as the memory adapter, by the same
 * rules (`PurchaseDesk` and `setThreshold` in `adapters/dataset.ts`), so a
 * sequence of calls leaves both with the same balance and purchases.
 */
import { delay, http, HttpHandler } from 'msw';
import { missingPermission, READ_PERMISSION } from '../contract/access.js';
import { DashboardError } from '../contract/errors.js';
import { queryActivities } from '../adapters/activity-query.js';
import { applyEvent, PurchaseDesk, setThreshold, type OrgDataset } from '../adapters/dataset.js';
import type { Decline } from '../adapters/declines.js';
import { loggedCopy } from '../adapters/event-feed.js';
import { DEFAULT_STREAM_SILENCE_MS } from '../adapters/rest.js';
import type { MockApi, MockApiOptions, RestEndpoint } from './api.js';
import { EventStreams } from './event-streams.js';
import { declineOf, FailureQueue, failureResponse } from './failures.js';
import { createDataset } from './fixtures.js';
import { errorResponse, json, jsonBody, parseActivityFilter } from './responses.js';

export type {
  ApiErrorBody,
  FailNextOptions,
  InjectedFailure,
  MockApi,
  MockApiOptions,
  OpenStreamInfo,
  RestEndpoint,
} from './api.js';

const DEFAULT_BUFFER_SIZE = 100;
/** A third of the REST adapter's silence limit: two heartbeats may be lost before it gives up. */
const DEFAULT_HEARTBEAT_MS = DEFAULT_STREAM_SILENCE_MS / 3;

/** What an injected failure asks of the handling: malformed data, or a purchase declined. */
interface Injected {
  malformed: boolean;
  decline?: Decline;
}

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
 * - `POST .../credits/purchases` needs an `Idempotency-Key` header (400
 *   without one) and a body `{ amount: Money }`: a new key completes at once
 *   (or as `nextPurchase` says) and sends the new plan as a `plan` event; the
 *   same key and amount answer the first answer again, charging nothing (a
 *   402 from `failNext` is a decline, kept with its key as a purchase is); the
 *   same key with another amount is 409; an amount that is not positive whole
 *   minor units is 400, one in another currency than the credits' 422, and the
 *   key stays free. `PUT .../plan/low-credit-threshold` with `{ threshold: Money | null }`
 *   sets or clears it and answers the plan. Both need `plan:manage` (403).
 * - `GET .../events` streams `text/event-stream` frames `id:` (increasing
 *   across all orgs), `event:` (the topic) and `data:` (the JSON payload),
 *   only for topics the viewer may read. With a `Last-Event-ID` header it
 *   first replays the org's buffered events after that id; without one it
 *   first sends an id-only block with the newest id (a resume point).
 * - `GET /events?orgId=a&orgId=b` (DESIGN.md's multi-org stream) is the same
 *   for several orgs on one stream, `data:` being `{ "orgId", "data" }`, ids
 *   from the same sequence; replay merges the orgs' events in id order.
 *   Unknown orgs and unreadable topics get no frames; no `orgId` is 400;
 *   `multiOrgStream: false` (or `live: false`) answers 404. `failNext('subscribe')`
 *   fails either stream; a RegExp on the path picks one.
 *
 * @example
 * const api = createHandlers({ data: createDataset() });
 * const worker = setupWorker(...api.handlers);
 * await worker.start({ onUnhandledRequest: 'bypass' });
 * api.emit(ACME_ORG_ID, { topic: 'activity', data: createActivity(ACME_ORG_ID) });
 * // The plan card's dialog states:
 * api.nextPurchase({ status: 'pending' }); // credits on `settlePending()`, or { settleAfterMs }
 * api.nextPurchase({ status: 'redirect', url: 'https://pay.example/checkout/1' });
 * api.failNext('purchaseCredits', 402); // declined, and so is every repeat of its key
 * api.failNext('purchaseCredits', 503); // or 400, 409, 429, 'network', 'timeout': the key stays free
 * api.failNext('purchaseCredits', 'network', 1, { afterHandling: true }); // charged, answer lost
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
   * Every endpoint: wait, fail when told to, then `handle` (told whether to send malformed data, and
   * a purchase whether to decline it). A failure injected `afterHandling` comes after `handle` did
   * its work, in place of its answer.
   */
  async function serve(
    endpoint: RestEndpoint,
    request: Request,
    handle: (injected: Injected) => Response | Promise<Response>,
  ): Promise<Response> {
    if (delayMs === 'real' || delayMs > 0) await delay(delayMs);
    const found = failures.take(endpoint, new URL(request.url).pathname);
    const decline = declineOf(endpoint, found);
    const failed = found && !found.afterHandling && !decline && (await failureResponse(endpoint, found));
    if (failed) return failed;
    const response = await handle({ malformed: found?.failure === 'malformed', decline });
    return (found?.afterHandling && (await failureResponse(endpoint, found))) || response;
  }

  /** An org's endpoint: `serve`, then check the caller, find the org and check the permission. */
  function serveOrg(
    endpoint: RestEndpoint,
    request: Request,
    orgId: string,
    handle: (org: OrgDataset, injected: Injected) => Response | Promise<Response>,
  ): Promise<Response> {
    return serve(endpoint, request, (injected) =>
      answer(endpoint, request, orgId, (org) => handle(org, injected)),
    );
  }

  const unauthorized = (request: Request) =>
    options.authorize && !options.authorize(request) ? errorResponse(401, 'Sign in to continue.') : undefined;

  async function answer(
    endpoint: RestEndpoint,
    request: Request,
    orgId: string,
    handle: (org: OrgDataset) => Response | Promise<Response>,
  ): Promise<Response> {
    const refused = unauthorized(request);
    if (refused) return refused;
    const org = findOrg(orgId);
    if (!org) return errorResponse(404, `No organization ${orgId}.`);
    // The stream needs no permission of its own: it carries only the topics the viewer may read.
    const missing =
      endpoint === 'subscribe' ? undefined : missingPermission(endpoint, org.access.permissions);
    if (missing) return errorResponse(403, `Missing permission ${missing}.`);
    try {
      return await handle(org);
    } catch (error) {
      // A write's refusal (400, 409, 422) or decline (402), with the status the rules gave it.
      if (error instanceof DashboardError && error.status) return errorResponse(error.status, error.message);
      throw error;
    }
  }

  function path(suffix: string): string {
    return `${baseUrl}/organizations/:orgId${suffix}`;
  }

  function jsonEndpoint(
    endpoint: RestEndpoint,
    suffix: string,
    read: (org: OrgDataset, url: URL) => unknown,
  ): HttpHandler {
    return http.get(path(suffix), ({ request, params }) =>
      serveOrg(endpoint, request, String(params.orgId), (org) => {
        const body = read(org, new URL(request.url));
        return body instanceof Response ? body : json(body);
      }),
    );
  }

  const eventsHandler = http.get(path('/events'), async ({ request, params }) => {
    if (options.live === false) return errorResponse(404, 'Live updates are not available.');
    const orgId = String(params.orgId);
    return serveOrg('subscribe', request, orgId, (_org, { malformed }) =>
      streams.open([orgId], request, { malformed }),
    );
  });

  // `{baseUrl}/events` never matches `{baseUrl}/organizations/:orgId/events` (nor the reverse):
  // MSW matches whole paths, and the query is not part of the path.
  const multiEventsHandler = http.get(`${baseUrl}/events`, async ({ request }) => {
    if (options.live === false || options.multiOrgStream === false)
      return errorResponse(404, 'No multi-org event stream here.');
    return serve('subscribe', request, ({ malformed }) => {
      const refused = unauthorized(request);
      if (refused) return refused;
      // Repeats are one org; unknown or unreadable orgs only get no frames (see EventStreams).
      const orgIds = [...new Set(new URL(request.url).searchParams.getAll('orgId'))];
      if (orgIds.length === 0) return errorResponse(400, 'At least one orgId query parameter is required.');
      return streams.open(orgIds, request, { multi: true, malformed });
    });
  });

  /** Sends the org's plan as a live event, as the backend does after a write changed it. */
  const announcePlan = (orgId: string) => api.emit(orgId, { topic: 'plan', data: findOrg(orgId)!.plan });
  const desk = new PurchaseDesk(data, announcePlan);

  const purchaseHandler = http.post(path('/credits/purchases'), ({ request, params }) => {
    const orgId = String(params.orgId);
    return serveOrg('purchaseCredits', request, orgId, async (org, { decline }) => {
      const idempotencyKey = request.headers.get('idempotency-key');
      if (idempotencyKey === null) return errorResponse(400, 'The Idempotency-Key header is required.');
      const body = await jsonBody(request);
      if (!body) return errorResponse(400, 'Expected a JSON object { amount }.');
      return json(desk.purchase(orgId, org, { amount: body.amount, idempotencyKey }, decline));
    });
  });

  const thresholdHandler = http.put(path('/plan/low-credit-threshold'), ({ request, params }) => {
    const orgId = String(params.orgId);
    return serveOrg('setLowCreditThreshold', request, orgId, async (org) => {
      const body = await jsonBody(request);
      if (!body || !('threshold' in body)) return errorResponse(400, 'Expected a JSON object { threshold }.');
      setThreshold(org, body.threshold);
      announcePlan(orgId);
      return json(org.plan);
    });
  });

  const handlers: HttpHandler[] = [
    multiEventsHandler,
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
    purchaseHandler,
    thresholdHandler,
    jsonEndpoint('getOrganization', '', (org) => org.organization),
  ];

  const api: MockApi = {
    handlers,
    data,
    baseUrl,
    emit(orgId, event) {
      const org = findOrg(orgId);
      if (!org) throw new RangeError(`No organization ${orgId} in the mock data.`);
      // One copy for the data and the streams, as the memory adapter keeps it: read back from JSON,
      // as a client gets it (a `Date` becomes its ISO string, which paging and date filters read to
      // the millisecond), and later changes by the caller cannot rewrite history.
      const logged = loggedCopy(event);
      applyEvent(org, logged);
      return String(streams.publish(orgId, logged).id);
    },
    failNext(target, failure, times = 1, failOptions = {}) {
      failures.add({ target, failure, times, ...failOptions });
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
    openStreams() {
      return streams.list();
    },
    nextPurchase(outcome, times) {
      desk.queue(outcome, times);
    },
    settlePending(orgId) {
      desk.settle({ orgId, timed: true });
    },
  };
  return api;
}
