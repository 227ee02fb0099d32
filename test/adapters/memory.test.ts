import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import type sinon from 'sinon';
import { Temporal } from 'temporal-polyfill';
import { createMemoryAdapter } from '../../src/adapters/memory.js';
import { DashboardError } from '../../src/contract/errors.js';
import type { Activity, DashboardEvent, LiveConnectionState } from '../../src/contract/types.js';
import { fakeTimeoutsEachTest } from '../helpers/clock.js';
import { dataset, settle } from '../helpers/data.js';

async function rejection(promise: Promise<unknown>): Promise<DashboardError> {
  try {
    await promise;
  } catch (error) {
    return error as DashboardError;
  }
  throw new Error('expected a rejection');
}

describe('createMemoryAdapter', () => {
  it('serves copies, so callers cannot change its data', async () => {
    const adapter = createMemoryAdapter(dataset('o1'));
    const org = await adapter.getOrganization('o1');
    org.name = 'changed';
    expect((await adapter.getOrganization('o1')).name).to.equal('Org o1');
  });

  it('answers 404 for unknown orgs and 403 for missing permissions', async () => {
    const data = dataset('o1');
    data.o1.access.permissions = ['organization:read'];
    const adapter = createMemoryAdapter(data);
    expect((await rejection(adapter.getOrganization('nope'))).code).to.equal('not-found');
    expect((await rejection(adapter.getBilling('o1'))).code).to.equal('forbidden');
    expect((await rejection(adapter.getOrganization('__proto__'))).code).to.equal('not-found');
  });

  it('refuses an org id that is not one path segment with invalid-request, as the REST adapter does', async () => {
    const data = dataset('o1');
    // Even when the data has such a key: the rule is the same for every adapter.
    data['..'] = data.o1;
    const adapter = createMemoryAdapter(data);
    for (const orgId of ['', '.', '..']) {
      const failures = [
        adapter.getOrganization(orgId),
        adapter.getAccess(orgId),
        adapter.getWorkspaceStats(orgId),
        adapter.getBilling(orgId),
        adapter.getPlan(orgId),
        adapter.listActivities(orgId),
        adapter.listAnnouncements(orgId),
      ].map(rejection);
      for (const failure of failures) {
        expect((await failure).code, JSON.stringify(orgId)).to.equal('invalid-request');
      }
      const states: LiveConnectionState[] = [];
      adapter.subscribe!(orgId, () => {}, { onConnectionChange: (s) => states.push(s) });
      await settle(1);
      expect(states, JSON.stringify(orgId)).to.deep.equal(['closed']);
    }
    expect(adapter.subscriberCount).to.equal(0);
  });

  it('pages and filters activities', async () => {
    const adapter = createMemoryAdapter(dataset('o1'));
    const first = await adapter.listActivities('o1', { limit: 1 });
    expect(first.items.map((a) => a.id)).to.deep.equal(['a2']);
    const second = await adapter.listActivities('o1', { limit: 1, cursor: first.nextCursor });
    expect(second).to.deep.equal({ items: [dataset('o1').o1.activities[1]], nextCursor: null });
    expect((await adapter.listActivities('o1', { resourceType: 'Invoices' })).items).to.have.length(1);
    expect((await adapter.listActivities('o1', { query: 'workSPACES' })).items).to.have.length(1);
    expect((await adapter.listActivities('o1', { to: '2026-11-19' })).items.map((a) => a.id)).to.deep.equal([
      'a1',
    ]);
  });

  it('fails on request, a given number of times', async () => {
    const adapter = createMemoryAdapter(dataset('o1'));
    adapter.failNext('getPlan', 'rate-limited', 2);
    expect((await rejection(adapter.getPlan('o1'))).code).to.equal('rate-limited');
    expect((await rejection(adapter.getPlan('o1'))).code).to.equal('rate-limited');
    expect((await adapter.getPlan('o1')).name).to.equal('Enterprise');
  });

  it('delays responses and aborts them at once', async () => {
    const adapter = createMemoryAdapter(dataset('o1'), { delayMs: 10_000 });
    const controller = new AbortController();
    const pending = adapter.getOrganization('o1', { signal: controller.signal });
    controller.abort();
    expect((await rejection(pending)).code).to.equal('aborted');
  });

  it('puts a live activity that arrives out of time order at its place, once per id', async () => {
    const adapter = createMemoryAdapter(dataset('o1'));
    const at = (id: string, occurredAt: string) => ({
      id,
      resourceType: 'Plans',
      action: 'Update',
      occurredAt,
    });
    adapter.emit('o1', { topic: 'activity', data: at('late', '2026-11-19T22:00:00Z') });
    adapter.emit('o1', { topic: 'activity', data: at('newest', '2026-11-21T10:00:00Z') });
    adapter.emit('o1', { topic: 'activity', data: at('late', '2026-11-19T22:00:00Z') });
    const page = await adapter.listActivities('o1');
    expect(page.items.map((a) => a.id)).to.deep.equal(['newest', 'a2', 'late', 'a1']);
  });

  it('holds responses until released, and still aborts a held one at once', async () => {
    const adapter = createMemoryAdapter(dataset('o1'));
    adapter.hold();
    let answered = false;
    const held = adapter.getOrganization('o1').then((org) => {
      answered = true;
      return org;
    });
    const controller = new AbortController();
    const aborted = adapter.getPlan('o1', { signal: controller.signal });
    await settle(5);
    expect(answered, 'no answer while held').to.equal(false);
    controller.abort();
    expect((await rejection(aborted)).code).to.equal('aborted');
    adapter.release();
    expect((await held).name).to.equal('Org o1');
    expect(answered).to.equal(true);
  });

  it('sends live events to subscribers of the org, and reports the connection', async () => {
    const adapter = createMemoryAdapter(dataset('o1', 'o2'));
    const events: DashboardEvent[] = [];
    const states: LiveConnectionState[] = [];
    const unsubscribe = adapter.subscribe!('o1', (e) => events.push(e), {
      onConnectionChange: (s) => states.push(s),
    });
    await settle(1);
    adapter.emit('o2', { topic: 'workspaces', data: { total: 0, active: 0, suspended: 0, others: 0 } });
    adapter.emit('o1', { topic: 'workspaces', data: { total: 1, active: 1, suspended: 0, others: 0 } });
    adapter.disconnect();
    adapter.emit('o1', { topic: 'workspaces', data: { total: 2, active: 2, suspended: 0, others: 0 } });
    adapter.reconnect();
    unsubscribe();
    expect(events.map((e) => (e.data as { total: number }).total)).to.deep.equal([1]);
    expect(states).to.deep.equal(['open', 'reconnecting', 'open', 'closed']);
    expect(adapter.subscriberCount).to.equal(0);
    expect((await adapter.getWorkspaceStats('o1')).total).to.equal(2);
  });

  it('hands each subscriber the event as a REST client reads it: a copy read back from JSON', async () => {
    const adapter = createMemoryAdapter(dataset('o1'));
    const got: DashboardEvent[][] = [[], []];
    const unsubscribe = got.map((events) => adapter.subscribe!('o1', (e) => events.push(e)));
    await settle(1);
    const occurredAt = new Date('2026-11-21T10:00:00Z');
    const data = { id: 'x', resourceType: 'Plans', action: 'Update', occurredAt, resourceName: undefined };
    adapter.emit('o1', { topic: 'activity', data } as unknown as DashboardEvent);
    data.id = 'changed later';
    unsubscribe.forEach((stop) => stop());
    const [first, second] = got.map((events) => events[0]?.data as unknown as Record<string, unknown>);
    // As over the wire: the date is its ISO string, the undefined field is not there.
    expect(first).to.deep.equal({
      id: 'x',
      resourceType: 'Plans',
      action: 'Update',
      occurredAt: '2026-11-21T10:00:00.000Z',
    });
    expect(first).not.to.have.property('resourceName');
    // Each its own copy, and none changes with the caller's object.
    expect(second).to.deep.equal(first);
    expect(second).not.to.equal(first);
  });

  it('keeps the event it logged as emitted, whatever a subscriber does with its copy', async () => {
    const adapter = createMemoryAdapter(dataset('o1'));
    const first: DashboardEvent[] = [];
    adapter.subscribeMany!(['o1'], (_org, e) => first.push(e), { lastEventId: '0' });
    await settle(1);
    adapter.emit('o1', { topic: 'workspaces', data: { total: 3, active: 3, suspended: 0, others: 0 } });
    const [mine] = first;
    (mine.data as { total: number }).total = 99;
    // A stream resumed from before it (a reconnect's `Last-Event-ID`) replays the event as emitted.
    const replayed: DashboardEvent[] = [];
    adapter.subscribeMany!(['o1'], (_org, e) => replayed.push(e), { lastEventId: '0' });
    await settle(1);
    expect(replayed.map((e) => (e.data as { total: number }).total)).to.deep.equal([3]);
    expect(replayed[0]).not.to.equal(mine);
  });

  it('answers with an emitted event as it was emitted, whatever the caller does with its object later', async () => {
    const adapter = createMemoryAdapter(dataset('o1'));
    const stats = { total: 3, active: 3, suspended: 0, others: 0 };
    const activity = {
      id: 'a-new',
      resourceType: 'Workspaces',
      action: 'Create',
      occurredAt: '2099-01-01T00:00:00Z',
    };
    adapter.emit('o1', { topic: 'workspaces', data: stats });
    adapter.emit('o1', { topic: 'activity', data: activity });
    // A host reusing its objects for the next event must not rewrite what the backend already holds.
    stats.total = 99;
    activity.action = 'Delete';
    expect((await adapter.getWorkspaceStats('o1')).total).to.equal(3);
    const [newest] = (await adapter.listActivities('o1', { limit: 1 })).items;
    expect([newest.id, newest.action]).to.deep.equal(['a-new', 'Create']);
  });

  it('can be made without live updates', () => {
    expect(createMemoryAdapter(dataset('o1'), { live: false }).subscribe).to.equal(undefined);
  });
});

describe('createMemoryAdapter: the foresight fields and activity retention', () => {
  let clock: sinon.SinonFakeTimers;
  fakeTimeoutsEachTest((c) => (clock = c));
  const NOW = Temporal.Instant.from('2026-11-20T12:00:00Z');
  const entry = (id: string, at: Temporal.Instant): Activity => ({
    id,
    resourceType: 'Workspaces',
    action: 'Fetch',
    occurredAt: at.toString(),
  });

  beforeEach(() => clock.setSystemTime(NOW.epochMilliseconds));

  it('serves a billing period, a forecast and credit usage as given', async () => {
    const data = dataset('o1');
    data.o1.billing.period = { start: '2026-11-01', end: '2026-12-01' };
    data.o1.billing.forecastTotal = { amountMinor: 250000, currency: 'USD' };
    data.o1.plan.usage = [{ date: '2026-11-19', credits: { amountMinor: 1200, currency: 'USD' } }];
    const adapter = createMemoryAdapter(data);
    expect(await adapter.getBilling('o1')).to.deep.equal(data.o1.billing);
    expect(await adapter.getPlan('o1')).to.deep.equal(data.o1.plan);
  });

  it('without a retention keeps every entry and says nothing of it', async () => {
    const data = dataset('o1');
    data.o1.activities.push(entry('ancient', Temporal.Instant.from('1999-01-01T00:00:00Z')));
    const page = await createMemoryAdapter(data).listActivities('o1');
    expect(page.items.map((a) => a.id)).to.deep.equal(['a2', 'a1', 'ancient']);
    expect(page).not.to.have.property('retentionDays');
  });

  it('returns exactly the entries younger than the retention, on every page, each saying how long (property)', async () => {
    const ageMinutes = fc.integer({ min: 0, max: 400 * 24 * 60 });
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(ageMinutes, { maxLength: 30 }),
        fc.integer({ min: 1, max: 365 }),
        fc.integer({ min: 1, max: 7 }),
        async (ages, days, limit) => {
          const data = dataset('o1');
          // Newest first, as the dataset keeps them; some exactly at the edge.
          const sorted = [...ages, days * 24 * 60].sort((a, b) => a - b);
          data.o1.activities = sorted.map((age) => entry(`m${age}`, NOW.subtract({ minutes: age })));
          data.o1.activityRetention = { days };
          const adapter = createMemoryAdapter(data);
          const oldestKept = NOW.subtract({ hours: days * 24 });
          const expected = data.o1.activities
            .filter((a) => Temporal.Instant.compare(Temporal.Instant.from(a.occurredAt), oldestKept) >= 0)
            .map((a) => a.id);
          const seen: string[] = [];
          let cursor: string | null = null;
          do {
            const page = await adapter.listActivities('o1', { limit, cursor, from: '1990-01-01' });
            expect(page.retentionDays).to.equal(days);
            seen.push(...page.items.map((a) => a.id));
            cursor = page.nextCursor;
          } while (cursor !== null);
          expect(seen).to.deep.equal(expected);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('counts the retention from the time of each request, or from asOf when the data gives it', async () => {
    const data = dataset('o1');
    data.o1.activities = [
      entry('fresh', NOW.subtract({ hours: 1 })),
      entry('ageing', NOW.subtract({ hours: 29 * 24 + 1 })),
    ];
    data.o1.activityRetention = { days: 30 };
    const adapter = createMemoryAdapter(data);
    const ids = async () => (await adapter.listActivities('o1')).items.map((a) => a.id);
    expect(await ids()).to.deep.equal(['fresh', 'ageing']);
    clock.tick(24 * 3_600_000);
    expect(await ids()).to.deep.equal(['fresh']);
    // A backend whose "now" is fixed: the clock no longer matters.
    data.o1.activityRetention = { days: 30, asOf: NOW.toString() };
    clock.tick(365 * 24 * 3_600_000);
    expect(await ids()).to.deep.equal(['fresh', 'ageing']);
  });
});
