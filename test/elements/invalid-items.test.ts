/**
 * DESIGN.md, "Lists", on the cards: one invalid item never hides the valid ones. The card shows
 * the valid items, says in a short note how many were left out, and reports each left-out item
 * once through `od-error` (`invalid-data`, the path naming the item); the host's own `data` fires
 * nothing. Long texts (the contract has no length limits) wrap inside the card.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define/activity-feed.js';
import '../../src/define/announcements-panel.js';
import '../../src/define/billing-card.js';
import { createMemoryAdapter } from '../../src/adapters/memory.js';
import type { DashboardDataset } from '../../src/adapters/dataset.js';
import type { DashboardErrorEvent } from '../../src/base/events.js';
import type { DashboardCard } from '../../src/base/dashboard-card.js';
import type { ResourceKey } from '../../src/store/resources.js';
import { acquireStore, releaseStore } from '../../src/store/registry.js';
import { dataset, until } from '../helpers/data.js';

type Card = DashboardCard<ResourceKey>;

const root = (el: Element) => el.shadowRoot!;
const note = (el: Element) => root(el).querySelector('[part~="invalid-items"]');
const noteText = (el: Element) => note(el)?.textContent?.replace(/\s+/g, ' ').trim();
const shownIds = (el: Element) =>
  [...root(el).querySelectorAll<HTMLElement>('li[data-id]')].map((li) => li.dataset.id);

const announcement = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  kind: 'feature',
  title: `Title ${id}`,
  body: `Body of ${id}.`,
  publishedAt: '2026-06-15T10:00:00Z',
  ...extra,
});
const activity = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  resourceType: 'Workspaces',
  action: 'Create',
  occurredAt: '2026-06-15T10:00:00Z',
  ...extra,
});
const month = (m: string, amountMinor = 1000) => ({
  month: m,
  total: { amountMinor, currency: 'USD' },
});

/** Collects the `od-error` events a card fires. */
function errorsOf(el: Element): DashboardErrorEvent[] {
  const seen: DashboardErrorEvent[] = [];
  el.addEventListener('od-error', (event) => seen.push(event as DashboardErrorEvent));
  return seen;
}

describe('lists keep their valid items (cards)', () => {
  describe('controlled data', () => {
    it('<announcements-panel> shows the valid items and the note, fires nothing', async () => {
      const panel = await fixture<Card>(html`<announcements-panel></announcements-panel>`);
      const errors = errorsOf(panel);
      panel.data = [
        announcement('n1'),
        announcement('n2', { kind: 'party' }),
        announcement('n3', { publishedAt: '2026-06-15T10:00:00+01' }),
        announcement('n1', { title: 'a second copy' }),
        announcement('n4'),
      ] as never;
      await panel.updateComplete;
      expect(panel.state).to.equal('ready');
      expect(shownIds(panel)).to.have.members(['n1', 'n4']);
      expect(noteText(panel)).to.equal('2 items couldn’t be shown.');
      expect(errors).to.deep.equal([]);
      await expect(panel).to.be.accessible();
    });

    it('<activity-feed> shows the valid entries and the note; all invalid is empty with the note', async () => {
      const feed = await fixture<Card>(html`<activity-feed></activity-feed>`);
      const errors = errorsOf(feed);
      feed.data = [activity('a1'), activity('a2', { action: '' }), activity('a1')] as never;
      await feed.updateComplete;
      expect(shownIds(feed)).to.deep.equal(['a1']);
      expect(noteText(feed)).to.equal('1 item couldn’t be shown.');
      await expect(feed).to.be.accessible();
      feed.data = [activity('a2', { occurredAt: 'yesterday' })] as never;
      await feed.updateComplete;
      expect(feed.state).to.equal('empty');
      expect(noteText(feed)).to.equal('1 item couldn’t be shown.');
      await expect(feed).to.be.accessible();
      feed.data = [activity('a3')] as never;
      await feed.updateComplete;
      expect(note(feed)).to.equal(null);
      expect(errors).to.deep.equal([]);
    });

    it('<billing-card> keeps the valid months of history', async () => {
      const card = await fixture<Card>(html`<billing-card></billing-card>`);
      const billing = dataset('o1').o1.billing;
      card.data = {
        ...billing,
        history: [month('2026-04'), month('2026-5'), month('2026-05', 0.5)],
      } as never;
      await card.updateComplete;
      expect(card.state).to.equal('ready');
      expect(noteText(card)).to.equal('2 items couldn’t be shown.');
      await expect(card).to.be.accessible();
    });

    it('the note is a replaceable plural text', async () => {
      const panel = await fixture<Card>(html`<announcements-panel></announcements-panel>`);
      panel.strings = { invalidItems: { one: 'one hidden', other: '{count} hidden' } };
      panel.data = [announcement('n1', { kind: 'x' })] as never;
      await panel.updateComplete;
      expect(noteText(panel)).to.equal('one hidden');
    });
  });

  describe('data from the store', () => {
    let data: DashboardDataset;
    let adapter: ReturnType<typeof createMemoryAdapter>;

    beforeEach(() => {
      data = dataset('o1');
      adapter = createMemoryAdapter(data);
    });

    /** Fetches `resource` again through the card's (shared) store and waits for the card. */
    async function refresh(card: Card, resource: ResourceKey) {
      const store = acquireStore(adapter, 'o1');
      try {
        await store.refresh(resource);
      } finally {
        releaseStore(store);
      }
      await card.updateComplete;
    }

    it('<announcements-panel>: each left-out item reported once, by id across refreshes', async () => {
      (data.o1 as { announcements: unknown[] }).announcements = [
        announcement('n1'),
        announcement('n2', { kind: 'party' }),
        announcement('n3'),
      ];
      const panel = await fixture<Card>(
        html`<announcements-panel org-id="o1" .adapter=${adapter}></announcements-panel>`,
      );
      const errors = errorsOf(panel);
      await until(() => panel.state === 'ready' && errors.length > 0, 'the panel with its note');
      expect(shownIds(panel)).to.have.members(['n1', 'n3']);
      expect(noteText(panel)).to.equal('1 item couldn’t be shown.');
      expect(errors).to.have.length(1);
      const [{ detail }] = errors;
      expect(detail.error.code).to.equal('invalid-data');
      expect(detail.error.path).to.equal('[1].kind');
      expect(detail.resource).to.equal('announcements');
      expect(detail.orgId).to.equal('o1');
      await expect(panel).to.be.accessible();

      // Renders and an identical refresh report nothing again.
      panel.requestUpdate();
      await refresh(panel, 'announcements');
      expect(errors).to.have.length(1);

      // The broken item moved in the list (a new one above it): still the same item.
      const list = (data.o1 as { announcements: unknown[] }).announcements;
      list.unshift(announcement('n0'));
      await refresh(panel, 'announcements');
      expect(shownIds(panel)).to.include('n0');
      expect(errors).to.have.length(1);

      // A second broken item is reported, once.
      list.push(announcement('n5', { title: '' }));
      await refresh(panel, 'announcements');
      expect(noteText(panel)).to.equal('2 items couldn’t be shown.');
      expect(errors.map((e) => e.detail.error.path)).to.deep.equal(['[1].kind', '[4].title']);
    });

    it('<activity-feed>: the path names the item of the page', async () => {
      (data.o1 as { activities: unknown[] }).activities = [
        activity('a1', { occurredAt: '2026-06-15T11:00:00Z' }),
        activity('a2', { resourceType: 7 }),
      ];
      const feed = await fixture<Card>(html`<activity-feed org-id="o1" .adapter=${adapter}></activity-feed>`);
      const errors = errorsOf(feed);
      await until(() => feed.state === 'ready' && errors.length > 0, 'the feed with its note');
      expect(shownIds(feed)).to.deep.equal(['a1']);
      expect(errors.map((e) => e.detail.error.path)).to.deep.equal(['items[1].resourceType']);
      await expect(feed).to.be.accessible();
    });

    it('<billing-card>: the path names the month of history', async () => {
      data.o1.billing.history = [month('2026-04'), month('April') as never, month('2026-05')];
      const card = await fixture<Card>(html`<billing-card org-id="o1" .adapter=${adapter}></billing-card>`);
      const errors = errorsOf(card);
      await until(() => card.state === 'ready' && errors.length > 0, 'the billing card with its note');
      expect(noteText(card)).to.equal('1 item couldn’t be shown.');
      expect(errors.map((e) => e.detail.error.path)).to.deep.equal(['history[1].month']);
      await refresh(card, 'billing');
      expect(errors).to.have.length(1);
      await expect(card).to.be.accessible();
    });
  });

  describe('long texts (no length limits of our own)', () => {
    const word = 'W'.repeat(10_001);

    /** Whether anything inside the card's box reaches past its right edge. */
    function overflows(el: Element): string[] {
      const box = root(el).querySelector('[part~="card"]')!.getBoundingClientRect();
      return [...root(el).querySelectorAll('*')]
        .filter((node) => {
          const rect = node.getBoundingClientRect();
          return rect.width > 0 && rect.right > box.right + 1;
        })
        .map((node) => node.outerHTML.slice(0, 80));
    }

    it('<announcements-panel> wraps a 10,001-character word and a long url inside the card', async () => {
      const panel = await fixture<Card>(
        html`<announcements-panel style="width: 320px"></announcements-panel>`,
      );
      panel.data = [
        announcement(word.slice(0, 600), { title: word, body: word, url: `https://example.com/${word}` }),
      ] as never;
      await panel.updateComplete;
      expect(shownIds(panel)).to.have.length(1);
      expect(overflows(panel)).to.deep.equal([]);
    });

    it('the shared parts wrap too: a long slotted heading, a long note text', async () => {
      const panel = await fixture<Card>(
        html`<announcements-panel style="width: 320px"
          ><span slot="heading">${word}</span></announcements-panel
        >`,
      );
      panel.strings = { invalidItems: word };
      panel.data = [announcement('n1'), announcement('n2', { kind: 'x' })] as never;
      await panel.updateComplete;
      const box = root(panel).querySelector('[part~="card"]')!.getBoundingClientRect();
      expect(panel.querySelector('span')!.getBoundingClientRect().right).to.be.at.most(box.right + 1);
      expect(overflows(panel)).to.deep.equal([]);
    });

    it('<activity-feed> wraps long names inside the card', async () => {
      const feed = await fixture<Card>(html`<activity-feed style="width: 320px"></activity-feed>`);
      feed.data = [
        activity('a1', { resourceName: word, actor: { name: word }, resourceType: word }),
      ] as never;
      await feed.updateComplete;
      expect(overflows(feed)).to.deep.equal([]);
    });
  });
});
