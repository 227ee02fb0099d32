/**
 * The memory adapter's live events through its one feed: `subscribeMany`
 * (several orgs on one subscription, as the multi-org stream), alongside the
 * per-org `subscribe`, and held to a reference with fast-check.
 */
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { createMemoryAdapter, type MemoryAdapter } from '../../src/adapters/memory.js';
import type { DashboardEvent, LiveConnectionState, WorkspaceStats } from '../../src/contract/types.js';
import { dataset, settle } from '../helpers/data.js';

const stats = (total: number): WorkspaceStats => ({ total, active: total, suspended: 0, others: 0 });
const workspaces = (total: number): DashboardEvent => ({ topic: 'workspaces', data: stats(total) });

interface Got {
  orgId: string;
  id: string;
  total: number;
}

function many(adapter: MemoryAdapter, orgIds: string[], lastEventId?: string) {
  const got: Got[] = [];
  const states: LiveConnectionState[] = [];
  const unsubscribe = adapter.subscribeMany!(
    orgIds,
    (orgId, event, id) => got.push({ orgId, id, total: (event.data as WorkspaceStats).total }),
    { onConnectionChange: (s) => states.push(s), lastEventId },
  );
  return { got, states, unsubscribe };
}

describe('createMemoryAdapter: subscribeMany, one feed for many orgs', () => {
  it('sends the events of its orgs with their org and ids (one sequence with the per-org subscriptions), after open', async () => {
    const adapter = createMemoryAdapter(dataset('o1', 'o2', 'o3'));
    const perOrg: DashboardEvent[] = [];
    adapter.subscribe!('o1', (e) => perOrg.push(e));
    const sub = many(adapter, ['o1', 'o2', 'o2']);
    expect(adapter.subscriberCount).to.equal(2);
    adapter.emit('o1', workspaces(1)); // before open: comes after it, from the log
    expect(sub.got).to.deep.equal([]);
    await settle(1);
    expect(sub.states).to.deep.equal(['open']);
    adapter.emit('o3', workspaces(3));
    adapter.emit('o2', workspaces(2));
    expect(sub.got).to.deep.equal([
      { orgId: 'o1', id: '1', total: 1 },
      { orgId: 'o2', id: '3', total: 2 },
    ]);
    expect(perOrg.map((e) => (e.data as WorkspaceStats).total)).to.deep.equal([1]);
    sub.unsubscribe();
    expect(sub.states).to.deep.equal(['open', 'closed']);
    expect(adapter.subscriberCount).to.equal(1);
  });

  it("sends only the topics each org's viewer may read, nothing for unknown or malformed org ids", async () => {
    const data = dataset('o1', 'o2');
    data.o2.access.permissions = ['organization:read', 'plan:read'];
    const adapter = createMemoryAdapter(data);
    const got: [string, string][] = [];
    adapter.subscribeMany!(['o1', 'o2', 'nope', '..'], (orgId, event) => got.push([orgId, event.topic]));
    await settle(1);
    adapter.emit('o2', workspaces(1));
    adapter.emit('o2', { topic: 'plan', data: data.o2.plan });
    adapter.emit('o1', workspaces(2));
    expect(got).to.deep.equal([
      ['o2', 'plan'],
      ['o1', 'workspaces'],
    ]);
    const states: LiveConnectionState[] = [];
    adapter.subscribeMany!(['', '.'], () => {}, { onConnectionChange: (s) => states.push(s) });
    await settle(1);
    expect(states, 'no org to carry').to.deep.equal(['closed']);
  });

  it("per-org subscribe sends only the topics the org's viewer may read, as the REST API's per-org stream", async () => {
    const data = dataset('o1');
    data.o1.access.permissions = ['organization:read', 'plan:read'];
    const adapter = createMemoryAdapter(data);
    const got: string[] = [];
    adapter.subscribe!('o1', (event) => got.push(event.topic));
    await settle(1);
    adapter.emit('o1', workspaces(1));
    adapter.emit('o1', { topic: 'billing', data: data.o1.billing });
    adapter.emit('o1', { topic: 'plan', data: data.o1.plan });
    // Access changes on the backend count from the next event on.
    data.o1.access.permissions.push('workspaces:read');
    adapter.emit('o1', workspaces(2));
    expect(got).to.deep.equal(['plan', 'workspaces']);
  });

  it('sends each event once, in id order, when listeners emit while it opens or replays', async () => {
    const adapter = createMemoryAdapter(dataset('o1'));
    const ids: string[] = [];
    let emitOnOpen = false;
    let emitOnReplay = true;
    adapter.subscribeMany!(
      ['o1'],
      (_orgId, _event, id) => {
        ids.push(id);
        // A listener that acts on a replayed event with an event of its own (once).
        if (emitOnReplay && id === '2') {
          emitOnReplay = false;
          adapter.emit('o1', workspaces(9));
        }
      },
      {
        onConnectionChange: (state) => {
          if (state === 'open' && emitOnOpen) {
            emitOnOpen = false;
            adapter.emit('o1', workspaces(8));
          }
        },
      },
    );
    await settle(1);
    adapter.disconnect();
    adapter.emit('o1', workspaces(1));
    adapter.emit('o1', workspaces(2));
    adapter.emit('o1', workspaces(3));
    adapter.reconnect();
    expect(ids, 'replayed, and the event emitted during the replay after them').to.deep.equal([
      '1',
      '2',
      '3',
      '4',
    ]);
    adapter.disconnect();
    adapter.emit('o1', workspaces(5));
    emitOnOpen = true;
    adapter.reconnect();
    expect(ids, 'what it missed before what came as it opened; nothing twice').to.deep.equal([
      '1',
      '2',
      '3',
      '4',
      '5',
      '6',
    ]);
  });

  it('drops with any of its orgs, and on reconnect sends what it missed after open', async () => {
    const adapter = createMemoryAdapter(dataset('o1', 'o2', 'o3'));
    const sub = many(adapter, ['o1', 'o2']);
    const other = many(adapter, ['o3']);
    await settle(1);
    adapter.emit('o1', workspaces(1));
    adapter.disconnect('o2');
    adapter.emit('o1', workspaces(2));
    adapter.emit('o3', workspaces(3));
    expect(sub.got.map((g) => g.total)).to.deep.equal([1]);
    expect(
      other.got.map((g) => g.total),
      'a subscription without o2 stays',
    ).to.deep.equal([3]);
    adapter.reconnect('o1');
    expect(sub.states).to.deep.equal(['open', 'reconnecting', 'open']);
    expect(sub.got.map((g) => g.total)).to.deep.equal([1, 2]);
    sub.unsubscribe();
    other.unsubscribe();
    expect(adapter.subscriberCount).to.equal(0);
  });

  it('resumes after lastEventId with the kept events of its orgs, in id order, within the buffer', async () => {
    const adapter = createMemoryAdapter(dataset('o1', 'o2'), { eventBufferSize: 2 });
    for (const [orgId, total] of [
      ['o1', 1],
      ['o2', 2],
      ['o1', 3],
      ['o1', 4],
      ['o2', 5],
      ['o1', 6],
    ] as const)
      adapter.emit(orgId, workspaces(total));
    const sub = many(adapter, ['o1', 'o2'], '1');
    await settle(1);
    // o1 keeps ids 4 and 6, o2 ids 2 and 5.
    expect(sub.got.map((g) => g.id)).to.deep.equal(['2', '4', '5', '6']);
  });

  it('stops at once when aborted, or never starts when the signal was aborted before', async () => {
    const adapter = createMemoryAdapter(dataset('o1', 'o2'));
    const controller = new AbortController();
    const states: LiveConnectionState[] = [];
    adapter.subscribeMany!(['o1', 'o2'], () => {}, {
      signal: controller.signal,
      onConnectionChange: (s) => states.push(s),
    });
    controller.abort();
    await settle(1);
    expect(states).to.deep.equal(['closed']);
    adapter.subscribeMany!(['o1'], () => {}, { signal: controller.signal });
    expect(adapter.subscriberCount).to.equal(0);
    expect(createMemoryAdapter(dataset('o1'), { live: false }).subscribeMany).to.equal(undefined);
  });

  it('every readable event of its orgs exactly once, in id order, through drops, reconnects and resubscribes (property)', async () => {
    const orgs = ['o1', 'o2', 'o3', 'o4'];
    type Step =
      | { kind: 'emit'; orgId: string; topic: 'workspaces' | 'billing' }
      | { kind: 'disconnect' | 'reconnect'; orgId?: string }
      | { kind: 'resubscribe' | 'tick' };
    const step: fc.Arbitrary<Step> = fc.oneof(
      {
        weight: 5,
        arbitrary: fc.record({
          kind: fc.constant('emit' as const),
          orgId: fc.constantFrom(...orgs),
          topic: fc.constantFrom('workspaces' as const, 'billing' as const),
        }),
      },
      {
        weight: 2,
        arbitrary: fc.record({
          kind: fc.constantFrom('disconnect' as const, 'reconnect' as const),
          orgId: fc.option(fc.constantFrom(...orgs), { nil: undefined }),
        }),
      },
      { weight: 2, arbitrary: fc.record({ kind: fc.constantFrom('resubscribe' as const, 'tick' as const) }) },
    );
    await fc.assert(
      fc.asyncProperty(
        fc.subarray([...orgs, 'nope'], { minLength: 1 }),
        fc.array(step, { maxLength: 40 }),
        async (wanted, steps) => {
          const data = dataset(...orgs);
          // o4's viewer may not read billing.
          data.o4.access.permissions = data.o4.access.permissions.filter((p) => p !== 'billing:read');
          const adapter = createMemoryAdapter(data, { eventBufferSize: 1000 });
          const expected: string[] = [];
          const got: string[] = [];
          // The client's resume point: it knows nothing happened before it came.
          let lastId = '0';
          let emitted = 0;
          const subscribe = () =>
            adapter.subscribeMany!(
              wanted,
              (orgId, event, id) => {
                got.push(`${id}:${orgId}:${event.topic}`);
                lastId = id;
              },
              { lastEventId: lastId },
            );
          let unsubscribe = subscribe();
          for (const s of steps) {
            if (s.kind === 'emit') {
              const event: DashboardEvent =
                s.topic === 'workspaces'
                  ? workspaces(emitted)
                  : { topic: 'billing', data: data[s.orgId].billing };
              adapter.emit(s.orgId, event);
              emitted += 1;
              const readable = s.orgId !== 'o4' || s.topic !== 'billing';
              if (wanted.includes(s.orgId) && readable) expected.push(`${emitted}:${s.orgId}:${s.topic}`);
            } else if (s.kind === 'resubscribe') {
              unsubscribe();
              unsubscribe = subscribe();
            } else if (s.kind === 'tick') await settle(1);
            else if (s.kind === 'disconnect' || s.kind === 'reconnect') adapter[s.kind](s.orgId);
          }
          adapter.reconnect();
          await settle(1);
          unsubscribe();
          expect(got).to.deep.equal(expected);
        },
      ),
      { numRuns: 500 },
    );
  });
});
