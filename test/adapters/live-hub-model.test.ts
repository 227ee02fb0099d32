/**
 * Generated sequences against the reference server (live-server.ts): tabs
 * subscribe and unsubscribe, events happen, every stream drops, the leader
 * tab leaves. However they interleave, each subscription hears every event of
 * its org from the moment the stream carries it until it unsubscribes,
 * exactly once and in order, and the server never has two streams open.
 */
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { createHttpClient } from '../../src/adapters/http.js';
import { LiveHub } from '../../src/adapters/live-hub.js';
import { until } from './rest-fixtures.js';
import { LiveServer } from './live-server.js';

const ORGS = ['a', 'b', 'c', 'd'];
const TABS = 3;

type Step =
  | { kind: 'subscribe'; tab: number; org: string }
  | { kind: 'unsubscribe'; pick: number }
  | { kind: 'emit'; org: string }
  | { kind: 'drop' }
  | { kind: 'leader-leaves' }
  /** Time passes (streams reopen, tabs take over): what must hold cannot depend on how much. */
  | { kind: 'pause'; ms: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({
    kind: fc.constant('subscribe' as const),
    tab: fc.nat(TABS - 1),
    org: fc.constantFrom(...ORGS),
  }),
  fc.record({ kind: fc.constant('unsubscribe' as const), pick: fc.nat(20) }),
  fc.record({ kind: fc.constant('emit' as const), org: fc.constantFrom(...ORGS) }),
  fc.constant({ kind: 'drop' as const }),
  fc.constant({ kind: 'leader-leaves' as const }),
  fc.record({ kind: fc.constant('pause' as const), ms: fc.integer({ min: 1, max: 600 }) }),
);

interface Subscription {
  tab: number;
  org: string;
  /** Event ids this subscription must hear, unless a resync after them covers them. */
  owed: number[];
  heard: number[];
  /** After `reconnecting`, `open` makes the store fetch again: events up to then are in what it fetches. */
  resyncedThrough: number;
  down: boolean;
  pinned: boolean;
  unsubscribe(): void;
}

class Tabs {
  readonly server = new LiveServer();
  readonly hubs: Array<LiveHub | undefined> = [];
  readonly subscriptions: Subscription[] = [];
  unexpectedClose = false;
  readonly #name = `od-live:model-${Math.random()}`;
  readonly #http = createHttpClient({
    baseUrl: '/api',
    fetch: this.server.fetch,
    timeoutMs: 0,
    retries: 0,
    backoff: { baseMs: 0, maxMs: 0, random: () => 0 },
  });

  hub(tab: number): LiveHub {
    let hub = this.hubs[tab];
    if (!hub) {
      const made: LiveHub = new LiveHub(this.#http, { silenceMs: 0 }, this.#name, Promise.resolve(), () => {
        if (this.hubs[tab] === made) this.hubs[tab] = undefined;
      });
      hub = this.hubs[tab] = made;
    }
    return hub;
  }

  subscribe(tab: number, org: string, pinned = false): void {
    const subscription: Subscription = {
      tab,
      org,
      owed: [],
      heard: [],
      resyncedThrough: 0,
      down: false,
      pinned,
      unsubscribe: () => {},
    };
    subscription.unsubscribe = this.hub(tab).add(
      org,
      (event) => subscription.heard.push(Number((event.data as { id: string }).id)),
      {
        onConnectionChange: (state) => {
          if (state === 'reconnecting') subscription.down = true;
          if (state === 'open' && subscription.down) {
            subscription.down = false;
            subscription.resyncedThrough = this.server.log.length;
          }
          // This model never refuses a stream, so nothing is ever closed but by unsubscribing.
          if (state === 'closed' && this.subscriptions.includes(subscription)) this.unexpectedClose = true;
        },
      },
    );
    this.subscriptions.push(subscription);
  }

  unsubscribe(subscription: Subscription): void {
    this.subscriptions.splice(this.subscriptions.indexOf(subscription), 1);
    subscription.unsubscribe();
  }

  wanted(): string[] {
    return [...new Set(this.subscriptions.map((one) => one.org))].sort();
  }

  /** One stream, carrying every org some tab wants, with one leader. */
  async settled(): Promise<void> {
    await until(() => {
      const open = this.server.openOrgs();
      const leaders = this.hubs.filter((hub) => hub?.leading).length;
      return leaders === 1 && open.length === 1 && this.wanted().every((org) => open[0].includes(org));
    }, 'one stream for every wanted org');
  }

  async delivered(): Promise<void> {
    await until(
      () => this.subscriptions.every((one) => owed(one).every((id) => one.heard.includes(id))),
      'owed events',
    );
  }
}

const owed = (one: Subscription) => one.owed.filter((id) => id > one.resyncedThrough);

async function run(steps: Step[]): Promise<void> {
  const tabs = new Tabs();
  // Two orgs always wanted (the multi-org stream) by tab 0, which never leaves.
  tabs.subscribe(0, 'a', true);
  tabs.subscribe(0, 'b', true);
  await tabs.settled();
  const gone: Subscription[] = [];
  try {
    for (const next of steps) {
      if (next.kind === 'subscribe') {
        tabs.subscribe(next.tab, next.org);
        await tabs.settled();
      } else if (next.kind === 'unsubscribe') {
        const free = tabs.subscriptions.filter((one) => !one.pinned);
        if (!free.length) continue;
        const chosen = free[next.pick % free.length];
        tabs.unsubscribe(chosen);
        gone.push(chosen);
      } else if (next.kind === 'emit') {
        // The payload names the event id so a subscriber can tell events apart.
        const id = tabs.server.emit(next.org, 'activity', { id: String(tabs.server.log.length + 1) });
        for (const one of tabs.subscriptions) if (one.org === next.org) one.owed.push(id);
      } else if (next.kind === 'pause') {
        await new Promise((resolve) => setTimeout(resolve, next.ms));
      } else if (next.kind === 'drop') {
        // Events may happen before the stream is back: it must replay them.
        tabs.server.dropAll();
      } else {
        const leader = tabs.hubs.findIndex((hub) => hub?.leading);
        for (const one of tabs.subscriptions.filter((sub) => sub.tab === leader)) {
          tabs.unsubscribe(one);
          gone.push(one);
        }
        // Tab 0 comes back at once as a follower: two orgs stay wanted.
        // Its new subscriptions, like any new one, are owed what happens once a stream carries them.
        if (leader === 0) {
          tabs.subscribe(0, 'a', true);
          tabs.subscribe(0, 'b', true);
          await tabs.settled();
        }
      }
    }
    await tabs.settled();
    await tabs.delivered();
    for (const one of [...tabs.subscriptions, ...gone]) {
      // Exactly once, in order, and only its own org's events.
      expect(one.heard, `${one.org} in tab ${one.tab}`).to.deep.equal(
        [...new Set(one.heard)].sort((x, y) => x - y),
      );
      for (const id of one.heard) expect(tabs.server.log[id - 1].orgId).to.equal(one.org);
      if (!gone.includes(one)) for (const id of owed(one)) expect(one.heard).to.include(id);
    }
    expect(tabs.server.maxOpen).to.equal(1);
    expect(tabs.unexpectedClose, 'closed without unsubscribing').to.equal(false);
  } finally {
    for (const one of [...tabs.subscriptions]) tabs.unsubscribe(one);
  }
}

/**
 * Cases that generated runs found, tried first in every run.
 * - A tab wanted an org the stream still carried (another tab had just let it go) and its event
 *   came before the leader heard the want: the leader dropped it as unwanted.
 * - A tab that joined after the last event led next with no point to resume from: its fresh
 *   stream lost the event in between.
 */
const FOUND: Array<[Step[]]> = [
  [
    [
      { kind: 'subscribe', tab: 0, org: 'c' },
      { kind: 'unsubscribe', pick: 0 },
      { kind: 'subscribe', tab: 1, org: 'c' },
      { kind: 'emit', org: 'c' },
      { kind: 'pause', ms: 1 },
    ],
  ],
  [
    [
      { kind: 'emit', org: 'a' },
      { kind: 'subscribe', tab: 1, org: 'a' },
      { kind: 'leader-leaves' },
      { kind: 'emit', org: 'a' },
      { kind: 'leader-leaves' },
    ],
  ],
];

describe('live connections at scale: generated tab sequences against the reference server', () => {
  it('every subscription hears its events once, in order, on one stream', async function () {
    // Each run waits out reconnect floors and handovers: room that cannot run out on a busy machine.
    this.timeout(900_000);
    await fc.assert(fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 14 }), run), {
      numRuns: 25,
      examples: FOUND,
    });
  });
});
