/** A list's invalid items are left out, and the store says which (DESIGN.md, "Lists"), until a response has none. */
import { expect } from '@open-wc/testing';
import type { Announcement } from '../../src/contract/types.js';
import { DashboardStore } from '../../src/store/store.js';
import { createControlledAdapter, flush } from './controlled-adapter.js';

const ORG = 'o1';
const announcement = (id: string, day: number): Announcement => ({
  id,
  kind: 'feature',
  title: `News ${id}`,
  body: 'Body',
  publishedAt: new Date(Date.UTC(2026, 10, day)).toISOString(),
});
const activity = (id: string, minute: number) => ({
  id,
  resourceType: 'Workspaces',
  action: 'Create',
  occurredAt: new Date(Date.UTC(2026, 10, 20, 10, minute)).toISOString(),
});

describe('DashboardStore: invalid list items', () => {
  let store: DashboardStore | undefined;
  afterEach(() => store?.dispose());

  it('keeps the valid announcements and names the invalid one, until a response has none', async () => {
    const control = createControlledAdapter();
    store = new DashboardStore(control.adapter, ORG);
    store.subscribe('announcements', () => {});
    await flush();
    control
      .pending('announcements')[0]
      .resolve([announcement('n1', 3), { ...announcement('n2', 2), kind: 'gossip' }]);
    await flush();
    const state = store.get('announcements');
    expect(state.status).to.equal('ready');
    expect(state.data?.map((a) => a.id)).to.deep.equal(['n1']);
    expect(state.invalid?.map((e) => [e.code, e.path])).to.deep.equal([['invalid-data', '[1].kind']]);
    // Live entries leave the note alone: it is about the last response.
    control.emit(ORG, { topic: 'announcements', data: announcement('n3', 4) });
    expect(store.get('announcements').invalid).to.have.length(1);

    void store.refresh('announcements');
    await flush();
    control.pending('announcements')[0].resolve([announcement('n1', 3)]);
    await flush();
    expect(store.get('announcements').invalid).to.equal(undefined);
  });

  it('names an activity page’s invalid item', async () => {
    const control = createControlledAdapter();
    store = new DashboardStore(control.adapter, ORG);
    store.subscribe('activity', () => {});
    await flush();
    control.pending('activity')[0].resolve({
      items: [activity('a2', 2), { ...activity('a1', 1), occurredAt: 'yesterday' }],
      nextCursor: null,
    });
    await flush();
    const state = store.get('activity');
    expect(state.data?.map((a) => a.id)).to.deep.equal(['a2']);
    expect(state.invalid).to.have.length(1);
    expect(state.invalid?.[0].code).to.equal('invalid-data');
    expect(state.invalid?.[0].path).to.match(/\[1\]\.occurredAt$/);
  });
});
