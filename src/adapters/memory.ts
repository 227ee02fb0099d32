/**
 * `createMemoryAdapter(data)`: the adapter contract served from memory, for
 * demos, stories and tests. It behaves like a real backend (copies of the
 * data, 404 for unknown orgs, 403 for missing permissions, abortable requests,
 * live events, activity kept only as long as the dataset's `activityRetention`
 * says) and can be told to be slow, to fail, or to drop its live connection.
 */
import { missingPermission, type AdapterRequest } from '../contract/access.js';
import { DashboardError, type DashboardErrorCode } from '../contract/errors.js';
import { orgIdError } from '../contract/links.js';
import type {
  ActivityFilter,
  DashboardAdapter,
  DashboardEvent,
  LiveConnectionState,
  RequestOptions,
  SubscribeOptions,
} from '../contract/types.js';
import { queryActivities } from './activity-query.js';
import { applyEvent, type DashboardDataset, type OrgDataset } from './dataset.js';

/** A request method of the adapter (everything but `subscribe`), for `failNext`. */
export type MemoryAdapterMethod = AdapterRequest;

export interface MemoryAdapterOptions {
  /** Delay of every response in milliseconds (default 0). */
  delayMs?: number;
  /** Without live updates the elements poll; set false to test that path. Default true. */
  live?: boolean;
}

export interface MemoryAdapter extends DashboardAdapter {
  /** The live data; change it with `emit` or `update`. */
  readonly data: DashboardDataset;
  /** Makes every later response take this long. */
  setDelay(ms: number): void;
  /**
   * Holds every response (those under way and later ones) until `release()`: a backend that has
   * not answered yet, for as long as a test or story needs, however slow the machine. Aborting a
   * held request still rejects it at once.
   */
  hold(): void;
  /** Lets every held response go. */
  release(): void;
  /** The next `times` calls of `method` (or of every method, with `'*'`) reject with this error. */
  failNext(
    method: MemoryAdapterMethod | '*',
    error: DashboardError | DashboardErrorCode,
    times?: number,
  ): void;
  /** Changes an org's data without telling live subscribers (as a backend that only polling sees). */
  update(orgId: string, change: (dataset: OrgDataset) => void): void;
  /** Applies a live event to the data and sends it to subscribers of that org. */
  emit(orgId: string, event: DashboardEvent): void;
  /** Simulates a dropped live connection: subscribers see `reconnecting` and no events. */
  disconnect(orgId?: string): void;
  /** Restores dropped live connections: subscribers see `open` (and resync). */
  reconnect(orgId?: string): void;
  /** How many live subscriptions are open. */
  readonly subscriberCount: number;
}

interface Subscriber {
  orgId: string;
  onEvent: (event: DashboardEvent) => void;
  onConnectionChange?: (state: LiveConnectionState) => void;
  connected: boolean;
}

function abortError(): DashboardError {
  return new DashboardError('aborted', 'The request was aborted.');
}

function wait(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(abortError());
    if (ms <= 0) return queueMicrotask(resolve);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortError());
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** `released`, unless `signal` aborts first. */
function untilReleased(released: Promise<void>, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(abortError());
    const onAbort = () => reject(abortError());
    signal?.addEventListener('abort', onAbort, { once: true });
    void released.then(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    });
  });
}

export function createMemoryAdapter(
  data: DashboardDataset,
  options: MemoryAdapterOptions = {},
): MemoryAdapter {
  let delayMs = options.delayMs ?? 0;
  let gate: { released: Promise<void>; release: () => void } | undefined;
  const failures: { method: MemoryAdapterMethod | '*'; error: DashboardError; times: number }[] = [];
  const subscribers = new Set<Subscriber>();

  function takeFailure(method: MemoryAdapterMethod): DashboardError | undefined {
    const index = failures.findIndex((f) => f.method === method || f.method === '*');
    if (index < 0) return undefined;
    const failure = failures[index];
    failure.times -= 1;
    if (failure.times <= 0) failures.splice(index, 1);
    return failure.error;
  }

  function dataset(orgId: string): OrgDataset {
    const found = Object.hasOwn(data, orgId) ? data[orgId] : undefined;
    if (!found) throw new DashboardError('not-found', `No organization ${orgId}.`, { status: 404 });
    return found;
  }

  async function respond<T>(
    method: MemoryAdapterMethod,
    orgId: string,
    options: RequestOptions | undefined,
    read: (dataset: OrgDataset) => T,
  ): Promise<T> {
    const refused = orgIdError(orgId);
    if (refused) throw refused;
    await wait(delayMs, options?.signal);
    while (gate) await untilReleased(gate.released, options?.signal);
    const failure = takeFailure(method);
    if (failure) throw failure;
    const org = dataset(orgId);
    const missing = missingPermission(method, org.access.permissions);
    if (missing) throw new DashboardError('forbidden', `Missing permission ${missing}.`, { status: 403 });
    // A copy, as a network response would be: callers cannot change the store.
    return structuredClone(read(org));
  }

  function each(orgId: string | undefined, run: (subscriber: Subscriber) => void): void {
    for (const subscriber of [...subscribers]) {
      if (orgId === undefined || subscriber.orgId === orgId) run(subscriber);
    }
  }

  const adapter: MemoryAdapter = {
    data,
    getOrganization: (orgId, o) => respond('getOrganization', orgId, o, (d) => d.organization),
    getAccess: (orgId, o) => respond('getAccess', orgId, o, (d) => d.access),
    getWorkspaceStats: (orgId, o) => respond('getWorkspaceStats', orgId, o, (d) => d.workspaces),
    getBilling: (orgId, o) => respond('getBilling', orgId, o, (d) => d.billing),
    getPlan: (orgId, o) => respond('getPlan', orgId, o, (d) => d.plan),
    listActivities: (orgId, filter: ActivityFilter = {}) =>
      respond('listActivities', orgId, filter, (d) =>
        queryActivities(d.activities, filter, d.activityRetention),
      ),
    listAnnouncements: (orgId, o) => respond('listAnnouncements', orgId, o, (d) => d.announcements),
    setDelay(ms) {
      delayMs = ms;
    },
    hold() {
      if (gate) return;
      let release = () => {};
      const released = new Promise<void>((resolve) => (release = resolve));
      gate = { released, release };
    },
    release() {
      const held = gate;
      gate = undefined;
      held?.release();
    },
    failNext(method, error, times = 1) {
      const typed =
        typeof error === 'string' ? new DashboardError(error, `Injected ${error} failure.`) : error;
      failures.push({ method, error: typed, times });
    },
    update(orgId, change) {
      change(dataset(orgId));
    },
    emit(orgId, event) {
      applyEvent(dataset(orgId), event);
      each(orgId, (s) => {
        if (s.connected) s.onEvent(structuredClone(event));
      });
    },
    disconnect(orgId) {
      each(orgId, (s) => {
        s.connected = false;
        s.onConnectionChange?.('reconnecting');
      });
    },
    reconnect(orgId) {
      each(orgId, (s) => {
        if (s.connected) return;
        s.connected = true;
        s.onConnectionChange?.('open');
      });
    },
    get subscriberCount() {
      return subscribers.size;
    },
  };

  if (options.live !== false) {
    adapter.subscribe = (orgId, onEvent, subscribeOptions: SubscribeOptions = {}) => {
      const subscriber: Subscriber = {
        orgId,
        onEvent,
        onConnectionChange: subscribeOptions.onConnectionChange,
        connected: true,
      };
      const close = () => {
        if (!subscribers.delete(subscriber)) return;
        subscriber.onConnectionChange?.('closed');
      };
      if (subscribeOptions.signal?.aborted) return () => {};
      if (orgIdError(orgId)) {
        // As the REST adapter: no connection for an id that is not one path segment.
        queueMicrotask(() => subscriber.onConnectionChange?.('closed'));
        return () => {};
      }
      subscribers.add(subscriber);
      subscribeOptions.signal?.addEventListener('abort', close, { once: true });
      queueMicrotask(() => {
        if (subscribers.has(subscriber)) subscriber.onConnectionChange?.('open');
      });
      return close;
    };
  }
  return adapter;
}
