/**
 * A scripted REST backend for the fault tests: a `fetch` that answers every
 * path of the REST API with valid data, unless a fault is set for that
 * endpoint, and counts the requests per endpoint.
 */
import type { RestEndpoint } from '../../src/mocks/handlers.js';
import {
  access,
  activityPage,
  announcements,
  billing,
  organization,
  plan,
  workspaces,
} from '../adapters/rest-fixtures.js';

/** One answer of the backend: a response, or a promise of one (which may reject or never settle). */
export type Reply = (init: RequestInit) => Response | Promise<Response>;

/** A fault: the reply for attempt `n` (from 0) of an endpoint, or undefined to answer normally. */
export type Fault = (attempt: number, init: RequestInit) => ReturnType<Reply> | undefined;

export const ORG_ID = organization.id;

const BODIES: Record<Exclude<RestEndpoint, 'subscribe'>, unknown> = {
  getOrganization: organization,
  getAccess: {
    ...access,
    permissions: [...access.permissions, 'activity:read', 'announcements:read', 'plan:manage'],
  },
  getWorkspaceStats: workspaces,
  getBilling: billing,
  getPlan: plan,
  listActivities: activityPage,
  listAnnouncements: announcements,
  purchaseCredits: { status: 'completed', availableCredits: plan.availableCredits },
  setLowCreditThreshold: plan,
};

const ROUTES: [RegExp, RestEndpoint][] = [
  [/\/access$/, 'getAccess'],
  [/\/workspaces\/stats$/, 'getWorkspaceStats'],
  [/\/billing\/summary$/, 'getBilling'],
  [/\/plan$/, 'getPlan'],
  [/\/activities$/, 'listActivities'],
  [/\/announcements$/, 'listAnnouncements'],
  [/\/events$/, 'subscribe'],
  [/^\/api\/organizations\/[^/]+$/, 'getOrganization'],
];

export function endpointOf(url: string): RestEndpoint {
  const { pathname } = new URL(url, location.href);
  const found = ROUTES.find(([pattern]) => pattern.test(pathname));
  if (!found) throw new Error(`unexpected request ${url}`);
  return found[1];
}

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });
}

/** Marks a reply the backend never answers (see `hang`), so `idle` does not wait for it. */
const HUNG = Symbol('hung');

/** Rejects like a real `fetch` when the request's signal aborts; otherwise never settles (a hung server). */
export function hang(init: RequestInit): Promise<Response> {
  const hung = new Promise<Response>((_, reject) => {
    const signal = init.signal;
    const fail = () => reject(new DOMException('The operation was aborted.', 'AbortError'));
    if (signal?.aborted) fail();
    signal?.addEventListener('abort', fail, { once: true });
  });
  return Object.assign(hung, { [HUNG]: true });
}

/** An open event stream that sends nothing and ends when the request is aborted. */
export function idleStream(init: RequestInit): Response {
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      const signal = init.signal;
      const end = () => {
        try {
          controller.close();
        } catch {
          // already closed
        }
      };
      if (signal?.aborted) end();
      signal?.addEventListener('abort', end, { once: true });
    },
  });
  return new Response(body, { headers: { 'content-type': 'text/event-stream' } });
}

export interface Backend {
  fetch: typeof fetch;
  /** Requests per endpoint so far. */
  readonly counts: Partial<Record<RestEndpoint, number>>;
  /** Authorization headers sent, per endpoint, in order. */
  readonly tokens: Partial<Record<RestEndpoint, (string | null)[]>>;
  /** Sets (or with undefined, clears) the fault of an endpoint; attempts count from the next request. */
  setFault(endpoint: RestEndpoint, fault: Fault | undefined): void;
  /**
   * Resolves once no request is being worked on: every request is hung, refused (an error status,
   * a stream's headers, a failed connection: the client handles those at once and then waits on a
   * timer), or its adapter call has settled (`callSettled`). Until then only the client can move
   * on; after it, only timers can. A test with a fake clock advances it only then, so a response
   * is never caught by its deadline however slow the machine (reading 5 MB takes Firefox several
   * tasks), and a hung one always is.
   */
  idle(): Promise<void>;
  /** Says that the adapter call behind `endpoint`'s requests has settled: their answers are handled. */
  callSettled(endpoint: RestEndpoint): void;
}

/** An adapter whose calls tell `backend` when they settle (see `Backend.idle`). */
export function trackCalls<T extends object>(adapter: T, backend: Backend): T {
  const tracked = { ...adapter } as Record<string, unknown>;
  for (const [name, method] of Object.entries(adapter)) {
    if (typeof method !== 'function' || name === 'subscribe') continue;
    tracked[name] = (...args: unknown[]) => {
      const result = (method as (...a: unknown[]) => Promise<unknown>)(...args);
      const settled = () => backend.callSettled(name as RestEndpoint);
      result.then(settled, settled);
      return result;
    };
  }
  return tracked as T;
}

export function createBackend(): Backend {
  const counts: Partial<Record<RestEndpoint, number>> = {};
  const tokens: Partial<Record<RestEndpoint, (string | null)[]>> = {};
  const faults = new Map<RestEndpoint, { fault: Fault; attempts: number }>();

  /** Requests whose answer the client is still working on, by endpoint. */
  const working = new Map<RestEndpoint, number>();
  let waiters: (() => void)[] = [];
  const isIdle = () => [...working.values()].every((n) => n === 0);
  const done = (endpoint: RestEndpoint, all = false) => {
    working.set(endpoint, all ? 0 : Math.max(0, (working.get(endpoint) ?? 0) - 1));
    if (!isIdle()) return;
    const ready = waiters;
    waiters = [];
    for (const wake of ready) wake();
  };

  function answer(endpoint: RestEndpoint, init: RequestInit): ReturnType<Reply> {
    const active = faults.get(endpoint);
    if (active) {
      const reply = active.fault(active.attempts++, init);
      if (reply !== undefined) return reply;
    }
    if (endpoint === 'subscribe') return idleStream(init);
    return json(BODIES[endpoint]);
  }

  const fetch = ((input: RequestInfo | URL, init: RequestInit = {}) => {
    const endpoint = endpointOf(String(input));
    counts[endpoint] = (counts[endpoint] ?? 0) + 1;
    (tokens[endpoint] ??= []).push(new Headers(init.headers).get('authorization'));
    const reply = answer(endpoint, init);
    if (reply instanceof Promise && HUNG in reply) return reply;
    working.set(endpoint, (working.get(endpoint) ?? 0) + 1);
    return Promise.resolve(reply).then(
      (response) => {
        // A body to read keeps the request in the works until its adapter call settles; anything
        // else (an error status, an event stream's headers) the client deals with at once.
        const toRead = response.ok && !response.headers.get('content-type')?.includes('event-stream');
        if (!toRead || endpoint === 'subscribe') done(endpoint);
        return response;
      },
      (error: unknown) => {
        done(endpoint);
        throw error;
      },
    );
  }) as typeof globalThis.fetch;

  return {
    fetch,
    counts,
    tokens,
    setFault(endpoint, fault) {
      if (fault) faults.set(endpoint, { fault, attempts: 0 });
      else faults.delete(endpoint);
    },
    idle: () => (isIdle() ? Promise.resolve() : new Promise((resolve) => waiters.push(resolve))),
    callSettled: (endpoint) => done(endpoint, true),
  };
}

/** Collects everything thrown into the page: uncaught errors and unhandled rejections. */
export function watchPage() {
  const problems: string[] = [];
  const onError = (event: ErrorEvent) => problems.push(`error: ${event.message}`);
  const onRejection = (event: PromiseRejectionEvent) =>
    problems.push(`unhandled rejection: ${String(event.reason)}`);
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onRejection);
  return {
    problems,
    stop() {
      window.removeEventListener('error', onError);
      window.removeEventListener('unhandledrejection', onRejection);
    },
  };
}
