/**
 * The announcements panel and other tabs, while no panel of the page follows them: a panel that
 * comes back (a route left and returned to, in a single-page app) shows what storage holds now,
 * not what this page wrote before it left. The page stops listening to `storage` events while no
 * panel is on it, so anything it kept in memory then goes stale. And a panel put back on the page
 * (a kept-alive route) follows other tabs again, also when it updated while it was off the page.
 */
import { expect, fixture, html } from '@open-wc/testing';
import sinon from 'sinon';
import '../../src/define/org-dashboard-provider.js';
import '../../src/define/announcements-panel.js';
import { createMemoryAdapter } from '../../src/adapters/memory.js';
import type { DashboardDataset } from '../../src/adapters/dataset.js';
import type { Announcement } from '../../src/contract/types.js';
import type { AnnouncementsPanel } from '../../src/elements/announcements-panel/announcements-panel.js';
import { dismissalKey, forgetDismissalsInMemory } from '../../src/elements/announcements-panel/dismissals.js';
import { readMarkKey } from '../../src/elements/announcements-panel/read-mark.js';
import type { OrgDashboardProvider } from '../../src/elements/org-dashboard-provider/org-dashboard-provider.js';
import { reach as inState } from '../helpers/card-fixtures.js';
import { dataset } from '../helpers/data.js';

const NOW = Date.parse('2026-06-15T12:00:00Z');
const HOUR = 3600_000;
const iso = (ms: number) => new Date(ms).toISOString();

const announcement = (id: string, publishedAt: number): Announcement => ({
  id,
  kind: 'update',
  title: `Title ${id}`,
  body: `Body of ${id}.`,
  publishedAt: iso(publishedAt),
});

function data(list: Announcement[]): DashboardDataset {
  const all = dataset('o1');
  all.o1.announcements = structuredClone(list);
  return all;
}

const ids = (panel: AnnouncementsPanel) =>
  [...panel.shadowRoot!.querySelectorAll<HTMLLIElement>('li[data-id]')].map((li) => li.dataset.id);
const unread = (panel: AnnouncementsPanel) =>
  [...panel.shadowRoot!.querySelectorAll<HTMLLIElement>('li[part~="unread"]')].map((li) => li.dataset.id);
const button = (panel: AnnouncementsPanel, selector: string) =>
  panel.shadowRoot!.querySelector<HTMLButtonElement>(selector)!;

async function panelIn(list: Announcement[]): Promise<AnnouncementsPanel> {
  const adapter = createMemoryAdapter(data(list));
  const provider = await fixture<OrgDashboardProvider>(html`
    <org-dashboard-provider org-id="o1" .adapter=${adapter} locale="en-US" time-zone="UTC">
      <announcements-panel user-id="u"></announcements-panel>
    </org-dashboard-provider>
  `);
  const panel = provider.querySelector('announcements-panel')!;
  await inState(panel);
  return panel;
}

/** Another tab writes `value` under `key`: storage changes, and the page gets its `storage` event. */
function otherTabWrites(key: string, value: string): void {
  localStorage.setItem(key, value);
  window.dispatchEvent(new StorageEvent('storage', { key, newValue: value, storageArea: localStorage }));
}

describe('<announcements-panel>: what other tabs changed while no panel was on the page', () => {
  beforeEach(() => {
    localStorage.clear();
    forgetDismissalsInMemory();
    sinon.useFakeTimers({ now: NOW, toFake: ['Date'] });
  });
  afterEach(() => {
    sinon.restore();
    localStorage.clear();
    forgetDismissalsInMemory();
  });

  it('shows the dismissals another tab made since, not the ones this page wrote before', async () => {
    const list = [announcement('a', NOW - HOUR), announcement('b', NOW - 2 * HOUR)];
    const first = await panelIn(list);
    button(first, 'li[data-id="a"] [part~="dismiss"]').click();
    await first.updateComplete;
    expect(ids(first)).to.deep.equal(['b']);
    first.closest('org-dashboard-provider')!.remove();

    // Meanwhile, in another tab: "a" restored, "b" dismissed.
    otherTabWrites(dismissalKey('o1', 'u'), JSON.stringify(['b']));

    const again = await panelIn(list);
    expect(ids(again)).to.deep.equal(['a']);
  });

  it('shows the read mark another tab set since, not the one this page set before', async () => {
    const first = await panelIn([announcement('a', NOW - 2 * HOUR)]);
    button(first, '[part~="mark-read"]').click();
    await first.updateComplete;
    first.closest('org-dashboard-provider')!.remove();

    // Another tab, which had loaded "b", marked it read too.
    otherTabWrites(readMarkKey('o1', 'u'), iso(NOW - HOUR));

    const again = await panelIn([announcement('a', NOW - 2 * HOUR), announcement('b', NOW - HOUR)]);
    expect(unread(again)).to.deep.equal([]);
  });

  it('follows other tabs again once put back, after updating while off the page', async () => {
    const list = [announcement('a', NOW - HOUR), announcement('b', NOW - 2 * HOUR)];
    const wrapper = await fixture<HTMLDivElement>(
      html`<div>
        <announcements-panel org-id="o1" user-id="u" locale="en-US" .data=${list}></announcements-panel>
      </div>`,
    );
    const panel = wrapper.querySelector('announcements-panel')!;
    await panel.updateComplete;
    // A kept-alive route: off the page, the host gives it new data, then puts it back.
    panel.remove();
    panel.data = [announcement('c', NOW), ...list];
    await panel.updateComplete;
    wrapper.append(panel);
    await panel.updateComplete;
    expect(ids(panel)).to.deep.equal(['c', 'a', 'b']);
    expect(unread(panel)).to.deep.equal(['c', 'a', 'b']);

    otherTabWrites(dismissalKey('o1', 'u'), JSON.stringify(['a']));
    otherTabWrites(readMarkKey('o1', 'u'), iso(NOW));
    await panel.updateComplete;
    expect(ids(panel)).to.deep.equal(['c', 'b']);
    expect(unread(panel)).to.deep.equal([]);
  });
});
