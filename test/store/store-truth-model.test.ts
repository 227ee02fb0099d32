/**
 * "Nothing is missed", proven against the server's own truth rather than a model of the store:
 * fast-check runs a server whose data changes (snapshots, activities in and out of time order,
 * announcements that change and move, duplicated deliveries, writes and their late answers)
 * while holders acquire and release the shared store through the registry in any order, listen
 * to any resources, the connection drops, comes back, is polled or gives up, the page hides and
 * shows, and the clock moves. Events reach the store only while its subscription streams. Then
 * the system settles as it would for a viewer: the connection comes back, every answer arrives,
 * a failed resource is retried, a poll interval passes; and every resource someone listens to
 * must show exactly the server's data, not stale. Clock and timers are faked.
 */
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import sinon from 'sinon';
import { DashboardError } from '../../src/contract/errors.js';
import type { Activity, Announcement, DashboardEvent, PlanSummary } from '../../src/contract/types.js';
import { acquireStore, heldStore, releaseStore } from '../../src/store/registry.js';
import type { ResourceKey } from '../../src/store/resources.js';
import { DEFAULT_POLL_INTERVAL_MS, type DashboardStore } from '../../src/store/store.js';
import { createControlledAdapter, flush, type ControlledAdapter } from './controlled-adapter.js';
import { WINDOW, newestFirst, workspacesOf } from './reference-model.js';
import { pollingPageEachTest } from '../helpers/clock.js';

const ORG = 'o1';
const KEYS = ['workspaces', 'plan', 'activity', 'announcements'] as const;
type Key = (typeof KEYS)[number];
type Link = 'streaming' | 'down' | 'polled';
const BASE = Date.UTC(2026, 10, 20, 10, 0);

const planOf = (credits: number): PlanSummary => ({
  name: 'Standard',
  availableCredits: { amountMinor: credits, currency: 'USD' },
});
const activityAt = (serial: number, minute: number): Activity => ({
  id: `a${serial}`,
  resourceType: 'Workspaces',
  action: 'Create',
  occurredAt: new Date(BASE + minute * 60_000).toISOString(),
});
const announcementOf = (index: number, variant: number): Announcement => ({
  id: `n${index}`,
  kind: 'feature',
  title: `Title ${variant}`,
  body: 'Body',
  publishedAt: new Date(Date.UTC(2026, 10, 1 + ((index * 3 + variant) % 12))).toISOString(),
});

/** The server: what it holds now, and what a viewer must end up seeing. */
class Server {
  workspaces = 0;
  credits = 1000;
  activities: Activity[] = [];
  announcements = new Map<string, Announcement>();
  serial = 0;

  response(key: Key): unknown {
    if (key === 'workspaces') return workspacesOf(this.workspaces);
    if (key === 'plan') return planOf(this.credits);
    if (key === 'activity') return { items: this.shown('activity'), nextCursor: null };
    return [...this.announcements.values()];
  }

  shown(key: Key): unknown {
    if (key === 'activity') return [...this.activities].sort(newestFirst).slice(0, WINDOW);
    if (key === 'announcements') return [...this.announcements.values()].sort(newestFirst);
    return this.response(key);
  }
}

interface Holder {
  store: DashboardStore;
  keys: Key[];
  unsubscribe: (() => void)[];
}

interface Sim {
  control: ControlledAdapter;
  clock: sinon.SinonFakeTimers;
  server: Server;
  holders: (Holder | undefined)[];
  links: Map<object, Link>;
  /** Writes the server carried out whose answers are still on their way. */
  answers: { sentAt: number; plan: PlanSummary }[];
  hidden: boolean;
}

const openSubscriptions = (sim: Sim) => sim.control.subscriptions.filter((s) => !s.closed);
const linkOf = (sim: Sim, s: object): Link => sim.links.get(s) ?? 'streaming';

/** What the server tells streaming subscribers (a subscription streams until told otherwise). */
function deliver(sim: Sim, event: DashboardEvent, times = 1): void {
  for (const s of openSubscriptions(sim))
    if (linkOf(sim, s) === 'streaming') for (let i = 0; i < times; i += 1) s.onEvent(structuredClone(event));
}

const step = (name: string, run: (sim: Sim) => void | Promise<void>): fc.AsyncCommand<object, Sim> => ({
  check: () => true,
  run: async (_model, sim) => {
    await run(sim);
    await flush();
    for (const key of KEYS)
      expect(
        sim.control.pending(key).filter((r) => !r.signal?.aborted),
        `${key}: one request out`,
      ).to.have.length.at.most(1);
  },
  toString: () => name,
});

const change = fc.oneof(
  fc.constant({ kind: 'workspaces' as const }),
  fc.record({ kind: fc.constant('usage' as const), used: fc.integer({ min: 1, max: 30 }) }),
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('activity' as const),
      minute: fc.nat(40),
      times: fc.integer({ min: 1, max: 2 }),
    }),
  },
  fc.record({ kind: fc.constant('replay' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('announcement' as const), index: fc.nat(5), variant: fc.nat(3) }),
);

type Change = typeof change extends fc.Arbitrary<infer C> ? C : never;

const serverChange = (c: Change) => step(`change(${JSON.stringify(c)})`, (sim) => applyChange(sim, c));

function applyChange(sim: Sim, c: Change): void {
  const { server } = sim;
  if (c.kind === 'workspaces') {
    server.workspaces += 1;
    deliver(sim, { topic: 'workspaces', data: workspacesOf(server.workspaces) });
  } else if (c.kind === 'usage') {
    server.credits -= c.used;
    deliver(sim, { topic: 'plan', data: planOf(server.credits) });
  } else if (c.kind === 'activity') {
    const item = activityAt((server.serial += 1), c.minute);
    server.activities.push(item);
    deliver(sim, { topic: 'activity', data: item }, c.times);
  } else if (c.kind === 'replay') {
    // A stream resumed from an earlier point delivers an entry again: it is known by its id.
    const item = server.activities[c.pick % Math.max(1, server.activities.length)];
    if (item) deliver(sim, { topic: 'activity', data: item });
  } else {
    const item = announcementOf(c.index, c.variant);
    server.announcements.set(item.id, item);
    deliver(sim, { topic: 'announcements', data: item });
  }
}

/** A provider or card takes the store (a provider may listen to nothing). */
const hold = fc.tuple(fc.nat(2), fc.subarray([...KEYS])).map(([slot, keys]) =>
  step(`hold(${slot}, ${keys.join('+') || 'nothing'})`, (sim) => {
    if (sim.holders[slot]) return;
    const store = acquireStore(sim.control.adapter, ORG);
    const unsubscribe = keys.map((key) => store.subscribe(key, () => {}));
    sim.holders[slot] = { store, keys, unsubscribe };
  }),
);

const commands = fc.commands(
  [
    change.map((c) => serverChange(c)),
    change.map((c) => serverChange(c)),
    fc.tuple(fc.nat(), fc.constantFrom('ok', 'ok', 'ok', 'fail', 'garbage')).map(([pick, how]) =>
      step(`resolve(#${pick}, ${how})`, (sim) => {
        const requests = sim.control.requests;
        if (!requests.length) return;
        const request = requests[pick % requests.length];
        if (how === 'fail') request.reject(new DashboardError('network', 'Injected.'));
        else request.resolve(how === 'ok' ? sim.server.response(request.resource as Key) : 'nope');
      }),
    ),
    hold,
    hold,
    fc.nat(2).map((slot) =>
      step(`release(${slot})`, (sim) => {
        const holder = sim.holders[slot];
        if (!holder) return;
        sim.holders[slot] = undefined;
        for (const unsubscribe of holder.unsubscribe) unsubscribe();
        releaseStore(holder.store);
      }),
    ),
    fc.constantFrom('reconnecting', 'open', 'polling', 'closed').map((state) =>
      step(`connection(${state})`, (sim) => {
        for (const s of openSubscriptions(sim)) {
          if (state === 'closed') s.closed = true;
          else sim.links.set(s, state === 'open' ? 'streaming' : state === 'polling' ? 'polled' : 'down');
          s.onConnectionChange?.(state);
        }
      }),
    ),
    fc.constant(
      step('write', (sim) => {
        // Sent with the clock of the store held then, as the plan card does; carried out at once.
        const sentAt = heldStore(sim.control.adapter, ORG)?.clock ?? -1;
        sim.server.credits += 500;
        deliver(sim, { topic: 'plan', data: planOf(sim.server.credits) });
        sim.answers.push({ sentAt, plan: planOf(sim.server.credits) });
      }),
    ),
    fc.constant(step('answer-write', (sim) => confirmNext(sim))),
    fc
      .constantFrom(...KEYS)
      .map((key) => step(`retry(${key})`, (sim) => void heldStore(sim.control.adapter, ORG)?.refresh(key))),
    fc.constant(step('hide-or-show', (sim) => setHidden(sim, !sim.hidden))),
    fc
      .constantFrom(300, 1500, 2500, DEFAULT_POLL_INTERVAL_MS)
      .map((ms) => step(`tick(${ms})`, (sim) => void sim.clock.tick(ms))),
  ],
  { maxCommands: 30 },
);

function confirmNext(sim: Sim): void {
  const answer = sim.answers.shift();
  if (answer) heldStore(sim.control.adapter, ORG)?.confirm('plan', answer.plan, answer.sentAt);
}

function setHidden(sim: Sim, hidden: boolean): void {
  sim.hidden = hidden;
  document.dispatchEvent(new Event('visibilitychange'));
}

/** What happens for a viewer who waits: everything is answered, the stream is back, Retry pressed. */
async function settle(sim: Sim): Promise<void> {
  // Nobody listens: a card comes (back), as a viewer opening the dashboard again would.
  if (!sim.holders.some((h) => h?.keys.length)) {
    const store = acquireStore(sim.control.adapter, ORG);
    sim.holders.push({
      store,
      keys: [...KEYS],
      unsubscribe: KEYS.map((key) => store.subscribe(key, () => {})),
    });
  }
  setHidden(sim, false);
  while (sim.answers.length) confirmNext(sim);
  for (const s of openSubscriptions(sim)) {
    if (linkOf(sim, s) !== 'down') continue;
    sim.links.set(s, 'streaming');
    s.onConnectionChange?.('open');
  }
  const store = heldStore(sim.control.adapter, ORG);
  for (let round = 0; round < 3; round += 1) {
    for (let i = 0; i < 20 && sim.control.requests.length; i += 1) {
      for (const request of [...sim.control.requests])
        request.resolve(sim.server.response(request.resource as Key));
      await flush();
    }
    for (const key of KEYS) if (store?.get(key).error) void store.refresh(key);
    await flush();
    sim.clock.tick(DEFAULT_POLL_INTERVAL_MS);
    await flush();
  }
  for (const request of [...sim.control.requests])
    request.resolve(sim.server.response(request.resource as Key));
  await flush();
}

describe('DashboardStore against the server it shows', function () {
  this.timeout(300_000);
  let sim: Sim | undefined;
  const clockNow = pollingPageEachTest(() => sim?.hidden === true);

  it('ends up showing exactly the server data, not stale, for every resource still listened to', async () => {
    const initial = fc.record({
      activities: fc.array(fc.nat(40), { maxLength: 60 }),
      announcements: fc.array(fc.tuple(fc.nat(5), fc.nat(3)), { maxLength: 6 }),
    });
    await fc.assert(
      fc.asyncProperty(initial, commands, async (start, cmds) => {
        const server = new Server();
        for (const minute of start.activities)
          server.activities.push(activityAt((server.serial += 1), minute));
        for (const [index, variant] of start.announcements)
          server.announcements.set(`n${index}`, announcementOf(index, variant));
        sim = {
          control: createControlledAdapter(),
          clock: clockNow(),
          server,
          holders: [undefined, undefined, undefined],
          links: new Map(),
          answers: [],
          hidden: false,
        };
        const current = sim;
        try {
          await fc.asyncModelRun(() => ({ model: {}, real: current }), cmds);
          await settle(current);
          const store = heldStore(current.control.adapter, ORG);
          const listened = new Set(current.holders.flatMap((h) => h?.keys ?? []));
          for (const key of listened) {
            const state = store!.get(key as ResourceKey);
            expect(state.data, `${key} shows the server's data`).to.deep.equal(server.shown(key));
            expect(state.stale, `${key} is not stale`).to.equal(false);
          }
        } finally {
          for (const holder of current.holders) if (holder) releaseStore(holder.store);
          await flush();
          sim = undefined;
        }
      }),
      { numRuns: 300, includeErrorInReport: true },
    );
  });
});
