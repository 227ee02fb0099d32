/**
 * The main proof that the store is right about staleness, order, duplicates
 * and memory: fast-check runs random interleavings of responses (resolved or
 * rejected in any order), live events (in and out of time order, duplicated
 * ids, snapshot and list topics), connection drops, returns and give-ups,
 * Retry, polls and org switches, and after every command compares the store
 * (and, in a second property, what real cards show) with `ReferenceModel`.
 * Deterministic: no wall-clock waits, `Date` and `setInterval` are faked.
 */
import { expect, fixture, html } from '@open-wc/testing';
import fc from 'fast-check';
import sinon from 'sinon';
import { DashboardError } from '../../src/contract/errors.js';
import type { DashboardEvent } from '../../src/contract/types.js';
import { ActivityFeed } from '../../src/elements/activity-feed/activity-feed.js';
import { WorkspaceStatsCard } from '../../src/elements/workspace-stats-card/workspace-stats-card.js';
import { acquireStore, releaseStore } from '../../src/store/registry.js';
import { DEFAULT_POLL_INTERVAL_MS, DashboardStore } from '../../src/store/store.js';
import { createControlledAdapter, flush, type ControlledAdapter } from './controlled-adapter.js';
import {
  MODEL_KEYS,
  ReferenceModel,
  activityOf,
  announcementOf,
  organizationOf,
  workspacesOf,
  type ActivityRef,
  type AnnouncementRef,
  type ModelKey,
} from './reference-model.js';
import { pollingPageEachTest } from '../helpers/clock.js';

if (!customElements.get('activity-feed')) customElements.define('activity-feed', ActivityFeed);
if (!customElements.get('workspace-stats-card'))
  customElements.define('workspace-stats-card', WorkspaceStatsCard);

const ORGS = ['o1', 'o2', 'o3'];
const FAILURES = ['network', 'server', 'timeout'] as const;

/** A response in the abstract: the picked request's resource decides which part is used. */
type Outcome =
  | { kind: 'ok'; version: number; activities: ActivityRef[]; announcements: AnnouncementRef[] }
  | { kind: 'fail'; code: (typeof FAILURES)[number] }
  | { kind: 'garbage' };

type LiveRef =
  | { topic: 'organization' | 'workspaces'; version: number }
  | { topic: 'activity'; ref: ActivityRef }
  | { topic: 'announcements'; ref: AnnouncementRef };

/** The system under test: the store of the current org, the adapter, and the cards when shown. */
interface Real {
  control: ControlledAdapter;
  store: DashboardStore;
  /** Requests of the current store (an old org's may still be answered: they must change nothing). */
  current: Set<number>;
  orgIndex: number;
  clock: sinon.SinonFakeTimers;
  cards?: { feed: ActivityFeed; stats: WorkspaceStatsCard };
  viaRegistry: boolean;
}

const activityRef = fc.record({ index: fc.nat(69), variant: fc.nat(2) });
const announcementRef = fc.record({ index: fc.nat(9), variant: fc.nat(2) });
const outcome: fc.Arbitrary<Outcome> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant('ok' as const),
      version: fc.nat(20),
      activities: fc.array(activityRef, { maxLength: 55 }),
      announcements: fc.array(announcementRef, { maxLength: 8 }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('fail' as const), code: fc.constantFrom(...FAILURES) }),
  },
  { weight: 1, arbitrary: fc.constant({ kind: 'garbage' as const }) },
);
const liveRef: fc.Arbitrary<LiveRef> = fc.oneof(
  fc.record({ topic: fc.constantFrom('organization' as const, 'workspaces' as const), version: fc.nat(20) }),
  { weight: 2, arbitrary: fc.record({ topic: fc.constant('activity' as const), ref: activityRef }) },
  fc.record({ topic: fc.constant('announcements' as const), ref: announcementRef }),
);

const orgOf = (real: Real) => ORGS[real.orgIndex % ORGS.length];

/** Without the keys whose value is undefined: "absent" and "undefined" mean the same here. */
const defined = (value: object) =>
  Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined));

/** Runs after every command: lets the store react, notes the requests that left, compares. */
async function observe(model: ReferenceModel, real: Real): Promise<void> {
  await flush();
  for (const request of real.control.requests) {
    if (request.orgId !== orgOf(real) || request.signal?.aborted) continue;
    real.current.add(request.serial);
    model.began(request.serial);
  }
  for (const key of MODEL_KEYS) {
    const out = real.control.pending(key).filter((r) => real.current.has(r.serial));
    expect(out.length, `${key}: one request at a time`).to.be.at.most(1);
    const state = real.store.get(key);
    const want = model.expected(key, out.length > 0);
    const got = {
      status: state.status,
      data: state.data,
      errorCode: state.error?.code,
      stale: state.stale,
      updatedAt: state.updatedAt,
    };
    expect(defined(got), `${key} (${model.org})`).to.deep.equal(defined(want));
    expect(state.refreshing, `${key} refreshing`).to.equal(out.length > 0);
    expect(state.invalid, `${key} invalid`).to.equal(undefined);
    expect(
      model.resyncMissing(key, out.length > 0),
      `${key}: behind after an outage, and no resync`,
    ).to.equal(false);
  }
  if (real.cards) await checkCards(model, real);
}

async function checkCards(model: ReferenceModel, real: Real): Promise<void> {
  const cards = real.cards!;
  await cards.feed.updateComplete;
  await cards.stats.updateComplete;
  const out = (key: ModelKey) => real.control.pending(key).some((r) => real.current.has(r.serial));
  const feedWant = model.expected('activity', out('activity'));
  const statsWant = model.expected('workspaces', out('workspaces'));
  const stateOf = (want: ReturnType<ReferenceModel['expected']>, empty: boolean) =>
    want.data === undefined
      ? want.status === 'error'
        ? 'error'
        : 'loading'
      : want.stale
        ? 'stale'
        : empty
          ? 'empty'
          : 'ready';
  const activities = feedWant.data as { id: string }[] | undefined;
  expect(cards.feed.state, 'feed state').to.equal(stateOf(feedWant, activities?.length === 0));
  const shown = [
    ...cards.feed.shadowRoot!.querySelectorAll('ol[part="list"]:not([aria-hidden]) > li[data-id]'),
  ].map((li) => li.getAttribute('data-id'));
  expect(shown, 'feed entries').to.deep.equal(activities?.map((a) => a.id) ?? []);
  const total = (statsWant.data as { total: number } | undefined)?.total;
  const statsState = stateOf(statsWant, total === 0);
  expect(cards.stats.state, 'stats state').to.equal(statsState);
  if (statsState === 'ready' || statsState === 'stale') {
    const text = cards.stats.shadowRoot!.querySelector('[part~="total"]')?.textContent?.trim();
    expect(text, 'stats total').to.equal(String(total));
  }
}

class Resolve implements fc.AsyncCommand<ReferenceModel, Real> {
  constructor(
    readonly pick: number,
    readonly outcome: Outcome,
  ) {}
  check = () => true;
  async run(model: ReferenceModel, real: Real): Promise<void> {
    model.next();
    const requests = real.control.requests;
    if (requests.length) {
      const request = requests[this.pick % requests.length];
      const org = request.orgId;
      const key = request.resource as ModelKey;
      const counts = real.current.has(request.serial);
      const { outcome } = this;
      if (outcome.kind === 'fail') {
        request.reject(new DashboardError(outcome.code, `Injected ${outcome.code}.`));
        if (counts) model.failed(key, request.serial, outcome.code);
      } else if (outcome.kind === 'garbage') {
        request.resolve('nope');
        if (counts) model.failed(key, request.serial, 'invalid-data');
      } else {
        const data = {
          organization: organizationOf(org, outcome.version),
          workspaces: workspacesOf(outcome.version),
          activity: outcome.activities.map((ref) => activityOf(org, ref)),
          announcements: outcome.announcements.map((ref) => announcementOf(org, ref)),
        }[key];
        request.resolve(key === 'activity' ? { items: data, nextCursor: null } : data);
        if (counts) model.responded(key, request.serial, data, Date.now());
      }
    }
    await observe(model, real);
  }
  toString = () => `resolve(#${this.pick}, ${JSON.stringify(this.outcome)})`;
}

function liveData(org: string, live: LiveRef) {
  switch (live.topic) {
    case 'organization':
      return organizationOf(org, live.version);
    case 'workspaces':
      return workspacesOf(live.version);
    case 'activity':
      return activityOf(org, live.ref);
    default:
      return announcementOf(org, live.ref);
  }
}

class Live implements fc.AsyncCommand<ReferenceModel, Real> {
  constructor(readonly live: LiveRef) {}
  check = () => true;
  async run(model: ReferenceModel, real: Real): Promise<void> {
    model.next();
    const org = orgOf(real);
    const { live } = this;
    const data = liveData(org, live);
    real.control.emit(org, { topic: live.topic, data } as DashboardEvent);
    model.live(live.topic, data, Date.now());
    await observe(model, real);
  }
  toString = () => `live(${JSON.stringify(this.live)})`;
}

class Connection implements fc.AsyncCommand<ReferenceModel, Real> {
  constructor(readonly state: 'reconnecting' | 'open' | 'polling' | 'closed') {}
  check = () => true;
  async run(model: ReferenceModel, real: Real): Promise<void> {
    model.next();
    real.control.connection(orgOf(real), this.state);
    model.connection(this.state);
    await observe(model, real);
  }
  toString = () => `connection(${this.state})`;
}

class Retry implements fc.AsyncCommand<ReferenceModel, Real> {
  constructor(readonly key: ModelKey) {}
  check = () => true;
  async run(model: ReferenceModel, real: Real): Promise<void> {
    model.next();
    void real.store.refresh(this.key);
    await observe(model, real);
  }
  toString = () => `retry(${this.key})`;
}

/** A polling interval passes (with a live connection nothing may happen). */
class Poll implements fc.AsyncCommand<ReferenceModel, Real> {
  check = () => true;
  async run(model: ReferenceModel, real: Real): Promise<void> {
    model.next();
    real.clock.tick(DEFAULT_POLL_INTERVAL_MS);
    await observe(model, real);
  }
  toString = () => 'poll';
}

class SwitchOrg implements fc.AsyncCommand<ReferenceModel, Real> {
  check = () => true;
  async run(model: ReferenceModel, real: Real): Promise<void> {
    model.next();
    const previous = real.store;
    real.orgIndex += 1;
    real.current = new Set();
    model.reset(orgOf(real));
    real.store = openStore(real);
    if (real.cards) {
      real.cards.feed.orgId = orgOf(real);
      real.cards.stats.orgId = orgOf(real);
    }
    if (real.viaRegistry) releaseStore(previous);
    else previous.dispose();
    await observe(model, real);
    if (!real.viaRegistry) expect(previous.isDisposed).to.equal(true);
  }
  toString = () => 'switch-org';
}

/** Time passes between commands, so `updatedAt` tells which command set the data. */
class Wait implements fc.AsyncCommand<ReferenceModel, Real> {
  check = () => true;
  async run(model: ReferenceModel, real: Real): Promise<void> {
    model.next();
    real.clock.setSystemTime(Date.now() + 1000);
    await observe(model, real);
  }
  toString = () => 'wait';
}

function openStore(real: Real): DashboardStore {
  const org = orgOf(real);
  const store = real.viaRegistry
    ? acquireStore(real.control.adapter, org)
    : new DashboardStore(real.control.adapter, org);
  for (const key of MODEL_KEYS) store.subscribe(key, () => {});
  return store;
}

const commands = (opts: { maxCommands: number }) =>
  fc.commands(
    [
      fc.tuple(fc.nat(), outcome).map(([pick, o]) => new Resolve(pick, o)),
      fc.tuple(fc.nat(), outcome).map(([pick, o]) => new Resolve(pick, o)),
      liveRef.map((l) => new Live(l)),
      liveRef.map((l) => new Live(l)),
      fc
        .constantFrom(
          'reconnecting' as const,
          'open' as const,
          'open' as const,
          'polling' as const,
          'closed' as const,
        )
        .map((s) => new Connection(s)),
      fc.constantFrom(...MODEL_KEYS).map((k) => new Retry(k)),
      fc.constant(new Poll()),
      fc.constant(new Wait()),
      fc.constant(new SwitchOrg()),
    ],
    { maxCommands: opts.maxCommands },
  );

describe('DashboardStore against a reference model', function () {
  // Hundreds of command sequences, cards waiting for animation frames: room that cannot run out on a loaded machine.
  this.timeout(300_000);
  const clockNow = pollingPageEachTest();
  /** One run's system under test: a fresh controlled adapter and the first org's store, opened. */
  const startReal = ({ viaRegistry }: { viaRegistry: boolean }): Real => {
    const real: Real = {
      control: createControlledAdapter(),
      current: new Set(),
      orgIndex: 0,
      clock: clockNow(),
      viaRegistry,
      store: undefined as unknown as DashboardStore,
    };
    real.store = openStore(real);
    return real;
  };

  it('holds what the model says after every response, event, reconnect, Retry, poll and org switch', async () => {
    await fc.assert(
      fc.asyncProperty(commands({ maxCommands: 40 }), async (cmds) => {
        const model = new ReferenceModel(ORGS[0]);
        const real = startReal({ viaRegistry: false });
        try {
          await observe(model, real);
          await fc.asyncModelRun(() => ({ model, real }), cmds);
        } finally {
          real.store.dispose();
        }
      }),
      { numRuns: 150, includeErrorInReport: true },
    );
  });

  it('shows on <activity-feed> and <workspace-stats-card> what the model says', async () => {
    await fc.assert(
      fc.asyncProperty(commands({ maxCommands: 15 }), async (cmds) => {
        const model = new ReferenceModel(ORGS[0]);
        const real = startReal({ viaRegistry: true });
        const { control } = real;
        const box = await fixture<HTMLElement>(
          html`<div>
            <activity-feed
              org-id=${ORGS[0]}
              .adapter=${control.adapter}
              limit="50"
              locale="en"
            ></activity-feed>
            <workspace-stats-card
              org-id=${ORGS[0]}
              .adapter=${control.adapter}
              locale="en"
            ></workspace-stats-card>
          </div>`,
        );
        real.cards = {
          feed: box.querySelector('activity-feed')!,
          stats: box.querySelector('workspace-stats-card')!,
        };
        try {
          await observe(model, real);
          await fc.asyncModelRun(() => ({ model, real }), cmds);
        } finally {
          box.remove();
          releaseStore(real.store);
          await flush();
        }
      }),
      { numRuns: 25, includeErrorInReport: true },
    );
  });
});
