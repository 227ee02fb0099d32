/**
 * `createMemoryAdapter(data)`: the adapter contract served from memory, for
 * demos, stories and tests. It behaves like a real backend (copies of the
 * data, 404 for unknown orgs, 403 for missing permissions, abortable requests,
 * live events, activity kept only as long as the dataset's `activityRetention`
 * says) and can be told to be slow, to fail, or to drop its live connection.
 *
 * The two writes keep a ledger as a payment backend does (`takePurchase` in
 * `dataset.ts`, the same rules as the mock REST API's):
 *
 * - `purchaseCredits` with a new idempotency key completes at once: the credits
 *   are added and subscribers get the new plan as a `plan` event. The same key
 *   with the same amount is answered with its first answer again and charges
 *   nothing; with another amount it is a `conflict` (409). An amount that is
 *   not positive whole minor units (400) or in another currency than the
 *   credits' (422) is `invalid-request`, and the key stays free. A decline
 *   (402, `failNext`) is kept with its key too: repeats are declined again.
 * - `setLowCreditThreshold(orgId, money | null)` sets or clears the threshold
 *   (in the credits' currency) and resolves to the plan, also sent as a `plan`
 *   event.
 * - Both need `plan:manage` (else `forbidden`), as the reads need theirs.
 *
 * What a plan card's test or story can make a write do:
 *
 * @example
 * adapter.nextPurchase({ status: 'pending' }); // credits on their way: they arrive on `release()`
 * adapter.nextPurchase({ status: 'pending', settleAfterMs: 5000 }); // ... or 5 s later
 * adapter.nextPurchase({ status: 'redirect', url: 'https://pay.example/checkout/1' });
 * adapter.failNext('purchaseCredits', 'payment-required'); // declined where it would be charged
 * adapter.failNext('purchaseCredits', 'server'); // or network, timeout, rate-limited,
 * // invalid-request, conflict: refused before anything is done, the key stays free
 * adapter.failNext('purchaseCredits', 'network', 1, { afterHandling: true }); // charged, answer lost:
 * // a Retry with the same key then gets the first answer
 * adapter.hold(); // the purchase stays under way until `release()`
 */
import { READ_PERMISSION, type AdapterRequest } from '../contract/access.js';
import { DashboardError, type DashboardErrorCode } from '../contract/errors.js';
import { orgIdError } from '../contract/links.js';
import type {
  ActivityFilter,
  DashboardAdapter,
  DashboardEvent,
  SubscribeOptions,
} from '../contract/types.js';
import { activityFilterError, queryActivities } from './activity-query.js';
import {
  applyEvent,
  PurchaseDesk,
  setThreshold,
  type DashboardDataset,
  type OrgDataset,
  type InjectedPurchase,
} from './dataset.js';
import {
  FeedSubscribers,
  loggedCopy,
  type ManyEventListener,
  type SubscribeManyOptions,
} from './event-feed.js';
import { memoryResponder } from './memory-responder.js';

export type { ManyEventListener, SubscribeManyOptions } from './event-feed.js';

/** A request method of the adapter (everything but `subscribe`), for `failNext`. */
export type MemoryAdapterMethod = AdapterRequest;

export interface MemoryFailNextOptions {
  /**
   * Fail after the backend acted on the request (charged the purchase, set the threshold), as
   * when the connection drops on the way back: the caller sees only the error. Default false:
   * the request fails before anything happens.
   */
  afterHandling?: boolean;
}

export interface MemoryAdapterOptions {
  /** Delay of every response in milliseconds (default 0). */
  delayMs?: number;
  /** Without live updates (`subscribe`, `subscribeMany`) the elements poll; set false to test that path. Default true. */
  live?: boolean;
  /** How many of each org's newest events are kept for `subscribeMany`'s resume (default 100). */
  eventBufferSize?: number;
  /**
   * Without `purchaseCredits` and `setLowCreditThreshold` the plan card's actions are the links
   * and events of DESIGN.md's "Quick actions"; set false to test that path. Default true.
   */
  writes?: boolean;
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
  /** Lets every held response go, and adds the credits of pending purchases that wait for it. */
  release(): void;
  /**
   * The next `times` calls of `method` (or of every method, with `'*'`) reject with this error
   * (a code gets the HTTP status a backend sends with it: `server` is 503, `payment-required` 402;
   * `rate-limited` is 429 with `retryAfterMs` 1000, as the mock API's `Retry-After: 1`).
   * With `afterHandling`, the backend acts on the request first and only the answer is lost.
   * Without it, `payment-required` on `purchaseCredits` is the backend's decline: made after the
   * checks that come first (404, 403, 400, 422; a known key gets its first answer) and kept with
   * the key, so a repeat with the same key and amount rejects with the same error, never charged.
   */
  failNext(
    method: MemoryAdapterMethod | '*',
    error: DashboardError | DashboardErrorCode,
    times?: number,
    options?: MemoryFailNextOptions,
  ): void;
  /**
   * The next `times` new purchases (a repeated key is answered as before) answer `pending`, their
   * credits added with a `plan` event after `settleAfterMs` or else on `release()`, or `redirect`.
   */
  nextPurchase(outcome: InjectedPurchase, times?: number): void;
  /** Changes an org's data without telling live subscribers (as a backend that only polling sees). */
  update(orgId: string, change: (dataset: OrgDataset) => void): void;
  /**
   * Live events of several orgs on one subscription, as the multi-org stream `GET /events` sends
   * them: only topics the org's viewer may read (nothing for unknown orgs), each with its org and
   * its id (one sequence for all orgs). `open` comes a microtask later, then the kept events after
   * `options.lastEventId` if given, then live ones. Events missed while dropped (`disconnect`) come
   * after `open` on `reconnect`, as a stream resumed with `Last-Event-ID` replays them. No orgs:
   * `closed`. Returns the unsubscribe function.
   */
  subscribeMany?(
    orgIds: Iterable<string>,
    onEvent: ManyEventListener,
    options?: SubscribeManyOptions,
  ): () => void;
  /**
   * Applies a live event to the data, logs it under the next id (one sequence for all orgs) and
   * sends it to the subscriptions that carry that org (per-org and multi-org). Each gets a copy
   * read back from JSON, as a REST client gets it: a `Date` arrives as its ISO string.
   */
  emit(orgId: string, event: DashboardEvent): void;
  /**
   * Simulates a dropped live connection: the subscriptions that carry the org (a multi-org one
   * with it drops whole), or all, see `reconnecting` and no events.
   */
  disconnect(orgId?: string): void;
  /** Restores dropped live connections: subscribers see `open` (and resync). */
  reconnect(orgId?: string): void;
  /** How many live subscriptions are open (per-org and multi-org). */
  readonly subscriberCount: number;
}

export function createMemoryAdapter(
  data: DashboardDataset,
  options: MemoryAdapterOptions = {},
): MemoryAdapter {
  // Delay, held responses, injected failures, 404 and 403: answered as a backend would.
  const backend = memoryResponder(data, options.delayMs);
  const { respond, dataset } = backend;
  const live = new FeedSubscribers(
    (orgId, topic) =>
      Object.hasOwn(data, orgId) && data[orgId].access.permissions.includes(READ_PERMISSION[topic]),
    options.eventBufferSize,
  );

  /** Sends an org's plan to its subscribers, as a backend does after a write changed it. */
  function announcePlan(orgId: string): void {
    adapter.emit(orgId, { topic: 'plan', data: structuredClone(dataset(orgId).plan) });
  }
  const desk = new PurchaseDesk(data, announcePlan);

  const adapter: MemoryAdapter = {
    data,
    getOrganization: (orgId, o) => respond('getOrganization', orgId, o, (d) => d.organization),
    getAccess: (orgId, o) => respond('getAccess', orgId, o, (d) => d.access),
    getWorkspaceStats: (orgId, o) => respond('getWorkspaceStats', orgId, o, (d) => d.workspaces),
    getBilling: (orgId, o) => respond('getBilling', orgId, o, (d) => d.billing),
    getPlan: (orgId, o) => respond('getPlan', orgId, o, (d) => d.plan),
    listActivities: (orgId, filter: ActivityFilter = {}) =>
      respond('listActivities', orgId, filter, (d) => {
        // What the REST API answers 400 for, refused the same way: a host's query works on both or neither.
        const refused = activityFilterError(filter);
        if (refused) throw new DashboardError('invalid-request', refused, { status: 400 });
        return queryActivities(d.activities, filter, d.activityRetention);
      }),
    listAnnouncements: (orgId, o) => respond('listAnnouncements', orgId, o, (d) => d.announcements),
    purchaseCredits: (orgId, request, o) =>
      respond('purchaseCredits', orgId, o, (d, decline) => desk.purchase(orgId, d, request, decline)),
    setLowCreditThreshold: (orgId, threshold, o) =>
      respond('setLowCreditThreshold', orgId, o, (d) => {
        setThreshold(d, threshold);
        announcePlan(orgId);
        return d.plan;
      }),
    setDelay: backend.setDelay,
    hold: backend.hold,
    release() {
      backend.release();
      desk.settle();
    },
    failNext: backend.failNext,
    nextPurchase(outcome, times) {
      desk.queue(outcome, times);
    },
    update(orgId, change) {
      change(dataset(orgId));
    },
    emit(orgId, event) {
      // One copy for the data and the log: the caller may change its object later (a host reusing it
      // for the next event), and neither the answers nor a resumed stream may change with it.
      const logged = loggedCopy(event);
      applyEvent(dataset(orgId), logged);
      live.feed.publish(orgId, logged);
    },
    disconnect(orgId) {
      live.disconnect(orgId);
    },
    reconnect(orgId) {
      live.reconnect(orgId);
    },
    get subscriberCount() {
      return live.count;
    },
  };

  if (options.writes === false) {
    delete adapter.purchaseCredits;
    delete adapter.setLowCreditThreshold;
  }
  if (options.live !== false) {
    adapter.subscribe = (orgId, onEvent, subscribeOptions: SubscribeOptions = {}) => {
      if (subscribeOptions.signal?.aborted) return () => {};
      if (orgIdError(orgId)) {
        // As the REST adapter: no connection for an id that is not one path segment.
        queueMicrotask(() => subscribeOptions.onConnectionChange?.('closed'));
        return () => {};
      }
      return live.subscribe(orgId, onEvent, subscribeOptions);
    };
    adapter.subscribeMany = (orgIds, onEvent, manyOptions = {}) =>
      // Ids that are not one path segment name no org: they get nothing, as unknown orgs.
      live.subscribeMany(
        [...orgIds].filter((orgId) => !orgIdError(orgId)),
        onEvent,
        manyOptions,
      );
  }
  return adapter;
}
