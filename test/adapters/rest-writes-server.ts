/**
 * The purchase server (scripts/purchase-server.mjs), seen from a test page: sessions, faults, the
 * server's report, and a clock for the adapter's deadlines that runs on the server's word instead of
 * real time.
 */
import type { Money } from '../../src/contract/types.js';

/** A fault the server applies to one request, in the order requests arrive (see the server's header). */
export type Fault =
  | 'drop-before'
  | 'drop-after'
  | '503'
  | 'error-after'
  | 'refuse'
  | 'hang-before'
  | 'hang-after'
  | { kind: '429'; retryAfter: string }
  | { kind: 'answer'; status: number; body: string };

/** One request as the server received it. */
export interface LoggedRequest {
  method: string;
  path: string;
  idempotencyKey: string | null;
  contentType: string | null;
  accept: string | null;
  authorization: string | null;
  body: string;
  fault: string | null;
  outcome:
    | 'charged'
    | 'replayed'
    | 'refused'
    | 'conflict'
    | 'invalid'
    | 'set'
    | 'read'
    | 'dropped'
    | 'unavailable'
    | 'rate-limited'
    | 'answered'
    | 'unauthorized'
    | null;
}

export interface Charge {
  key: string;
  amount: Money;
  balanceAfter: Money;
}

export interface Report {
  balance: Money;
  threshold: Money | null;
  ledger: Charge[];
  requests: LoggedRequest[];
  faultsLeft: number;
  keys: number;
}

let origin: Promise<string> | undefined;

/** The server's origin, as the test run tells it. */
export function serverOrigin(): Promise<string> {
  origin ??= fetch('/__purchase-server')
    .then((response) => response.json() as Promise<{ origin: string }>)
    .then((answer) => answer.origin);
  return origin;
}

/** The adapter's `baseUrl` for the server. */
export async function apiBase(): Promise<string> {
  return `${await serverOrigin()}/api`;
}

let sessions = 0;

/** A fresh org id: each test (and each generated run) has its own session on the server. */
export function newOrg(prefix: string): string {
  sessions += 1;
  return `${prefix}-${sessions}-${crypto.randomUUID()}`;
}

async function control(path: string, body?: unknown): Promise<unknown> {
  const response = await fetch(`${await serverOrigin()}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    // Plain text: a simple request, so the control calls need no preflight.
    ...(body === undefined ? {} : { body: JSON.stringify(body), headers: { 'content-type': 'text/plain' } }),
  });
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  return response.json();
}

export interface SessionSetup {
  balance: Money;
  threshold?: Money | null;
  /** The bearer token the server accepts; without it, any request is accepted. */
  token?: string;
  faults?: Fault[];
}

export async function setUp(org: string, setup: SessionSetup): Promise<void> {
  await control(`/control/setup?session=${encodeURIComponent(org)}`, setup);
}

export async function queueFaults(org: string, faults: Fault[]): Promise<void> {
  await control(`/control/faults?session=${encodeURIComponent(org)}`, faults);
}

/** What the server did for `org`; `end` forgets the session afterwards. */
export async function report(org: string, end = false): Promise<Report> {
  return (await control(`/control/report?session=${encodeURIComponent(org)}${end ? '&end' : ''}`)) as Report;
}

/**
 * The adapter's deadlines (its timers of exactly `timeoutMs`) held back from the real clock and
 * fired when the server stalls an answer (`X-Fault: hang`): a timeout happens exactly where the
 * server hangs, and never because the machine is slow. `fetch` is the browser's own, only watched.
 * Call `restore` after the test.
 */
export function deadlinesOnServerHang(timeoutMs: number) {
  const realSetTimeout = window.setTimeout;
  const realClearTimeout = window.clearTimeout;
  const held = new Map<number, () => void>();
  let next = 1e9;
  let fired = 0;
  window.setTimeout = ((handler: TimerHandler, ms?: number, ...args: unknown[]) => {
    if (ms !== timeoutMs || typeof handler !== 'function') return realSetTimeout(handler, ms, ...args);
    next += 1;
    held.set(next, () => (handler as (...a: unknown[]) => void)(...args));
    return next;
  }) as typeof window.setTimeout;
  window.clearTimeout = ((id?: number) => {
    if (id !== undefined && held.delete(id)) return;
    realClearTimeout(id);
  }) as typeof window.clearTimeout;

  const watched = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const response = await fetch(input, init);
    if (response.headers.get('x-fault') === 'hang') {
      for (const [id, expire] of [...held]) {
        held.delete(id);
        fired += 1;
        expire();
      }
    }
    return response;
  }) as typeof fetch;

  return {
    fetch: watched,
    /** How many deadlines have fired. */
    fired: () => fired,
    restore() {
      window.setTimeout = realSetTimeout;
      window.clearTimeout = realClearTimeout;
    },
  };
}
