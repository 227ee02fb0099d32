/**
 * How the memory adapter answers a request, as a backend across a network
 * would: after the delay it was given, not while responses are held, with the
 * failure a test injected for it, 404 for an unknown org and 403 for a missing
 * permission, and always a copy of the data, never the data itself.
 */
import { missingPermission, type AdapterRequest } from '../contract/access.js';
import { codeForStatus, DashboardError, type DashboardErrorCode } from '../contract/errors.js';
import { orgIdError } from '../contract/links.js';
import type { RequestOptions } from '../contract/types.js';
import { abortable, sleep } from './abort.js';
import type { DashboardDataset, OrgDataset } from './dataset.js';
import { declineOf, type Decline } from './declines.js';

/** The HTTP status a backend sends with each injected error code, so it reads as the REST adapter's. */
const INJECTED_STATUS = new Map([400, 401, 402, 403, 404, 409, 429, 503].map((s) => [codeForStatus(s), s]));

/** As a server's delay: none answers in a microtask, as a resolved request would. */
function wait(ms: number, signal?: AbortSignal): Promise<void> {
  if (ms > 0 || signal?.aborted) return sleep(ms, signal);
  return new Promise((resolve) => queueMicrotask(resolve));
}

/** The request side of `createMemoryAdapter(data)` (see `MemoryAdapter` for what each method does). */
export function memoryResponder(data: DashboardDataset, delayMs = 0) {
  let gate: { released: Promise<void>; release: () => void } | undefined;
  const failures: {
    method: AdapterRequest | '*';
    error: DashboardError;
    times: number;
    afterHandling?: boolean;
  }[] = [];

  function takeFailure(method: AdapterRequest) {
    const index = failures.findIndex((f) => f.method === method || f.method === '*');
    if (index < 0) return undefined;
    const failure = failures[index];
    failure.times -= 1;
    if (failure.times <= 0) failures.splice(index, 1);
    return failure;
  }

  /** The org's data, or the 404 a backend answers for an unknown org. */
  function dataset(orgId: string): OrgDataset {
    const found = Object.hasOwn(data, orgId) ? data[orgId] : undefined;
    if (!found) throw new DashboardError('not-found', `No organization ${orgId}.`, { status: 404 });
    return found;
  }

  return {
    /**
     * Answers `method` for `orgId` with what `handle` returns from the org's data (and `decline`, a
     * purchase the backend declines, injected with `failNext`).
     */
    async respond<T>(
      method: AdapterRequest,
      orgId: string,
      options: RequestOptions | undefined,
      handle: (dataset: OrgDataset, decline?: Decline) => T,
    ): Promise<T> {
      const refused = orgIdError(orgId);
      if (refused) throw refused;
      await wait(delayMs, options?.signal);
      while (gate) await abortable(gate.released, options?.signal);
      const failure = takeFailure(method);
      // A decline is the backend's answer, not a failure on the way: the request is handled up to it.
      const decline =
        failure && !failure.afterHandling && method === 'purchaseCredits'
          ? declineOf(failure.error)
          : undefined;
      const serve = () => {
        const org = dataset(orgId);
        const missing = missingPermission(method, org.access.permissions);
        if (missing) throw new DashboardError('forbidden', `Missing permission ${missing}.`, { status: 403 });
        // A copy, as a network response would be: callers cannot change the store.
        return structuredClone(handle(org, decline));
      };
      if (!failure || decline) return serve();
      if (failure.afterHandling) {
        try {
          serve();
        } catch {
          // Whatever the backend answered is lost with the connection.
        }
      }
      throw failure.error;
    },
    dataset,
    setDelay(ms: number) {
      delayMs = ms;
    },
    hold() {
      if (gate) return;
      let release = () => {};
      const released = new Promise<void>((resolve) => (release = resolve));
      gate = { released, release };
    },
    /** Lets every held response go. */
    release() {
      const held = gate;
      gate = undefined;
      held?.release();
    },
    failNext(
      method: AdapterRequest | '*',
      error: DashboardError | DashboardErrorCode,
      times = 1,
      { afterHandling }: { afterHandling?: boolean } = {},
    ) {
      const status = typeof error === 'string' ? INJECTED_STATUS.get(error) : undefined;
      // A 429 says when to come back, as the mock API's does (`Retry-After: 1`).
      const retryAfterMs = status === 429 ? 1000 : undefined;
      const typed =
        typeof error === 'string'
          ? new DashboardError(error, `Injected ${error} failure.`, status ? { status, retryAfterMs } : {})
          : error;
      failures.push({ method, error: typed, times, afterHandling });
    },
  };
}
