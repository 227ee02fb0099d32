/** Valid payloads and a scriptable `fetch` for the REST adapter tests. */
import type * as contract from '../../src/contract/types.js';

export const organization: contract.Organization = {
  id: 'acme',
  name: 'Acme Corp',
  owner: { name: 'Ada Lovelace', email: 'ada@example.com' },
  createdAt: '2023-04-05T10:20:30Z',
  teamSize: 12,
};

export const access: contract.ViewerAccess = {
  permissions: ['organization:read', 'workspaces:read', 'billing:read', 'plan:read'],
  role: 'admin',
};

export const workspaces: contract.WorkspaceStats = {
  total: 10,
  active: 6,
  suspended: 2,
  others: 2,
  othersByState: { creating: 1, failed: 1 },
};

export const billing: contract.BillingSummary = {
  currentMonthTotal: { amountMinor: 12_345, currency: 'USD' },
  lastMonthTotal: { amountMinor: 10_000, currency: 'USD' },
  nextInvoiceDate: '2024-07-01',
  history: [{ month: '2024-05', total: { amountMinor: 10_000, currency: 'USD' } }],
};

export const plan: contract.PlanSummary = {
  name: 'Enterprise',
  availableCredits: { amountMinor: 50_000, currency: 'USD' },
  lowCreditThreshold: { amountMinor: 1_000, currency: 'USD' },
};

export const activity: contract.Activity = {
  id: 'act-1',
  resourceType: 'Workspaces',
  action: 'Create',
  occurredAt: '2024-06-01T12:00:00Z',
  actor: { name: 'Ada Lovelace' },
  resourceName: 'build-farm',
};

export const activityPage: contract.ActivityPage = { items: [activity], nextCursor: 'c2' };

export const announcements: contract.Announcement[] = [
  {
    id: 'ann-1',
    kind: 'maintenance',
    title: 'Database upgrade',
    body: 'Short downtime expected.',
    publishedAt: '2024-06-01T08:00:00Z',
    severity: 'warning',
    window: { start: '2024-06-10T01:00:00Z', end: '2024-06-10T02:00:00Z' },
  },
];

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });
}

export interface FetchCall {
  url: string;
  headers: Headers;
  init: RequestInit;
  signal: AbortSignal;
  /** `Date.now()` when the call was made (the fake clock's time under sinon). */
  at: number;
}

/**
 * A `fetch` that answers each call with `reply(call, index)` and records the
 * calls. `reply` may return a promise that never settles (a hung server).
 */
export function scriptedFetch(reply: (call: FetchCall, index: number) => Response | Promise<Response>) {
  const calls: FetchCall[] = [];
  const fetch = (async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const call: FetchCall = {
      url: String(input),
      headers: new Headers(init.headers),
      init,
      signal: init.signal ?? new AbortController().signal,
      at: Date.now(),
    };
    calls.push(call);
    return reply(call, calls.length - 1);
  }) as typeof globalThis.fetch;
  return { fetch, calls };
}

/** A promise that never settles, like a server that never answers. */
export function never<T>(): Promise<T> {
  return new Promise<T>(() => {});
}

/** The rejection of `promise`, or a failure if it resolves. */
export async function rejectionOf(
  promise: Promise<unknown>,
): Promise<{ code: string } & Record<string, unknown>> {
  try {
    await promise;
  } catch (error) {
    return error as { code: string } & Record<string, unknown>;
  }
  throw new Error('expected the promise to reject');
}

/**
 * Polls `predicate` every few milliseconds until it holds; unlike
 * `waitUntil`, leaves no timer behind (which fake timers installed by a later
 * test would otherwise trip over).
 */
export function until(predicate: () => boolean, message = 'condition', timeoutMs = 30_000): Promise<void> {
  const start = performance.now();
  return new Promise((resolve, reject) => {
    const check = () => {
      if (predicate()) return resolve();
      if (performance.now() - start > timeoutMs)
        return reject(new Error(`Timed out waiting for: ${message}`));
      setTimeout(check, 2);
    };
    check();
  });
}
