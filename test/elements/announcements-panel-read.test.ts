/**
 * The announcements panel's read state (DESIGN.md, "Read state"): "New" on what was published since
 * the viewer's read mark (the last 14 days without one), the count in the header, "Mark all as read"
 * and `od-announcements-read`, remembered per org and user beside the dismissals, and followed by
 * every panel of the same org and user.
 */
import { elementUpdated, expect, fixture, fixtureSync, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import fc from 'fast-check';
import sinon from 'sinon';
import { Temporal } from 'temporal-polyfill';
import '../../src/define/org-dashboard-provider.js';
import '../../src/define/announcements-panel.js';
import { createMemoryAdapter, type MemoryAdapter } from '../../src/adapters/memory.js';
import type { DashboardDataset } from '../../src/adapters/dataset.js';
import type { Announcement } from '../../src/contract/types.js';
import type { AnnouncementsPanel } from '../../src/elements/announcements-panel/announcements-panel.js';
import type { AnnouncementsReadEvent } from '../../src/elements/announcements-panel/announcements-panel.events.js';
import { dismissalKey, forgetDismissalsInMemory } from '../../src/elements/announcements-panel/dismissals.js';
import { readMarkKey } from '../../src/elements/announcements-panel/read-mark.js';
import type { OrgDashboardProvider } from '../../src/elements/org-dashboard-provider/org-dashboard-provider.js';
import { TICK_MS } from '../../src/format/relative-time.js';
import { reach as inState } from '../helpers/card-fixtures.js';
import { dataset, until } from '../helpers/data.js';

const NOW = Date.parse('2026-06-15T12:00:00Z');
const HOUR = 3600_000;
const DAY = 24 * HOUR;
const iso = (ms: number) => new Date(ms).toISOString();

function announcement(id: string, publishedAt: number, overrides: Partial<Announcement> = {}): Announcement {
  return {
    id,
    kind: 'update',
    title: `Title ${id}`,
    body: `Body of ${id}.`,
    publishedAt: iso(publishedAt),
    ...overrides,
  };
}

/** Newest first: 2 hours, 3 days, 13 days, 20 days and 40 days old. */
const LIST = [
  announcement('h2', NOW - 2 * HOUR, { kind: 'feature' }),
  announcement('d3', NOW - 3 * DAY, { severity: 'critical' }),
  announcement('d13', NOW - 13 * DAY, { kind: 'release' }),
  announcement('d20', NOW - 20 * DAY),
  announcement('d40', NOW - 40 * DAY, { kind: 'maintenance' }),
];

function data(list: Announcement[] = LIST, ...ids: string[]): DashboardDataset {
  const all = dataset('o1', ...ids);
  for (const org of Object.values(all)) org.announcements = structuredClone(list);
  return all;
}

const root = (el: Element) => el.shadowRoot!;
const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim();
const items = (panel: AnnouncementsPanel) => [...root(panel).querySelectorAll<HTMLLIElement>('li[data-id]')];
const item = (panel: AnnouncementsPanel, id: string) => items(panel).find((li) => li.dataset.id === id)!;
/** The ids marked new: the `unread` part, and the "New" badge inside the heading, agree. */
function unread(panel: AnnouncementsPanel): string[] {
  const byPart = items(panel).filter((li) => li.part.contains('unread'));
  const byBadge = items(panel).filter((li) => li.querySelector('[part~="item-title"] [part~="new"]'));
  expect(byBadge.map((li) => li.dataset.id)).to.deep.equal(byPart.map((li) => li.dataset.id));
  return byPart.map((li) => li.dataset.id!);
}
const count = (panel: AnnouncementsPanel) => text(root(panel).querySelector('[part~="new-count"]'));
const markRead = (panel: AnnouncementsPanel) =>
  root(panel).querySelector<HTMLButtonElement>('[part~="mark-read"]');
const status = (panel: AnnouncementsPanel) =>
  text(root(panel).querySelector('[part~="header"] [role="status"]'));
const storedMark = (orgId = 'o1', userId?: string) => localStorage.getItem(readMarkKey(orgId, userId));

async function panelIn(
  adapter: MemoryAdapter,
  { orgId = 'o1', userId, locale = 'en-US' }: { orgId?: string; userId?: string; locale?: string } = {},
): Promise<AnnouncementsPanel> {
  const provider = await fixture<OrgDashboardProvider>(html`
    <org-dashboard-provider org-id=${orgId} .adapter=${adapter} locale=${locale} time-zone="UTC">
      <announcements-panel user-id=${userId ?? ''}></announcements-panel>
    </org-dashboard-provider>
  `);
  const panel = provider.querySelector('announcements-panel')!;
  await inState(panel);
  return panel;
}

/** What an earlier visit left in storage: the viewer's read mark. */
const storeMark = (ms: number, orgId = 'o1', userId?: string) =>
  localStorage.setItem(readMarkKey(orgId, userId), iso(ms));

describe('<announcements-panel> read state', () => {
  let clock: sinon.SinonFakeTimers;
  beforeEach(() => {
    localStorage.clear();
    forgetDismissalsInMemory();
    clock = sinon.useFakeTimers({ now: NOW, toFake: ['Date'] });
  });
  afterEach(() => {
    sinon.restore();
    localStorage.clear();
    forgetDismissalsInMemory();
  });

  describe('new', () => {
    it('on a first visit, marks the last 14 days’ announcements new, in words, with the count in the header', async () => {
      const panel = await panelIn(createMemoryAdapter(data()), { userId: 'u1' });
      expect(unread(panel)).to.deep.equal(['h2', 'd3', 'd13']);
      const title = item(panel, 'h2').querySelector('[part~="item-title"]')!;
      expect(title.getAttribute('role')).to.equal('heading');
      expect(text(title)).to.equal('Title h2 New');
      expect(text(title.querySelector('[part~="new"]'))).to.equal('New');
      expect(count(panel)).to.equal('3 new');
      expect(text(markRead(panel))).to.equal('Mark all as read');
      expect(markRead(panel)!.type).to.equal('button');
      await expect(panel).to.be.accessible();
    });

    it('marks what was published after the stored mark, older or newer than 14 days', async () => {
      storeMark(NOW - 30 * DAY, 'o1', 'u1');
      const old = await panelIn(createMemoryAdapter(data()), { userId: 'u1' });
      expect(unread(old)).to.deep.equal(['h2', 'd3', 'd13', 'd20']);
      expect(count(old)).to.equal('4 new');

      forgetDismissalsInMemory();
      storeMark(NOW - 3 * DAY, 'o1', 'u1');
      const recent = await panelIn(createMemoryAdapter(data()), { userId: 'u1' });
      // Published at the mark itself is read.
      expect(unread(recent)).to.deep.equal(['h2']);
      expect(count(recent)).to.equal('1 new');
    });

    it('shows no count and no "Mark all as read" when nothing is new', async () => {
      storeMark(NOW, 'o1', 'u1');
      const panel = await panelIn(createMemoryAdapter(data()), { userId: 'u1' });
      expect(unread(panel)).to.deep.equal([]);
      expect(root(panel).querySelector('[part~="new-count"]')).to.equal(null);
      expect(markRead(panel)).to.equal(null);
      await expect(panel).to.be.accessible();
    });

    it('never counts a dismissed announcement as new, also while dismissed ones are shown', async () => {
      localStorage.setItem(dismissalKey('o1', 'u1'), JSON.stringify(['d3']));
      const panel = await panelIn(createMemoryAdapter(data()), { userId: 'u1' });
      expect(unread(panel)).to.deep.equal(['h2', 'd13']);
      expect(count(panel)).to.equal('2 new');
      root(panel).querySelector<HTMLButtonElement>('[part~="show-dismissed"]')!.click();
      await elementUpdated(panel);
      expect(unread(panel)).to.deep.equal(['h2', 'd13']);
      expect(item(panel, 'd3').part.contains('dismissed')).to.equal(true);
      await expect(panel).to.be.accessible();
    });

    it('counts a live announcement as new at once', async () => {
      storeMark(NOW, 'o1', 'u1');
      const adapter = createMemoryAdapter(data());
      const panel = await panelIn(adapter, { userId: 'u1' });
      expect(count(panel)).to.equal(undefined);
      adapter.emit('o1', { topic: 'announcements', data: announcement('live', NOW + 1000) });
      await until(() => count(panel) === '1 new', 'the live count');
      expect(unread(panel)).to.deep.equal(['live']);
    });

    it('lets an announcement age out of the 14 days on the shared clock', async () => {
      clock.restore();
      clock = sinon.useFakeTimers({ now: NOW, toFake: ['Date', 'setInterval', 'clearInterval'] });
      const panel = await fixture<AnnouncementsPanel>(html`
        <announcements-panel
          org-id="o1"
          locale="en-US"
          .data=${[announcement('edge', NOW - 14 * DAY + TICK_MS / 2)]}
        ></announcements-panel>
      `);
      expect(unread(panel)).to.deep.equal(['edge']);
      clock.tick(TICK_MS);
      await elementUpdated(panel);
      expect(unread(panel)).to.deep.equal([]);
      expect(markRead(panel)).to.equal(null);
    });

    it('says the count with the locale’s plural forms (Arabic, right to left)', async () => {
      const wrapper = fixtureSync<HTMLElement>(html`
        <div dir="rtl" lang="ar">
          <announcements-panel
            org-id="o1"
            time-zone="Asia/Kuwait"
            .data=${LIST.slice(0, 2)}
          ></announcements-panel>
        </div>
      `);
      const panel = wrapper.querySelector('announcements-panel')!;
      await until(() => count(panel) !== undefined, 'the count');
      await elementUpdated(panel);
      expect(count(panel)).to.equal('إعلانان جديدان');
      expect(text(item(panel, 'h2').querySelector('[part~="new"]'))).to.equal('جديد');
      expect(text(markRead(panel))).to.equal('تعليم الكل كمقروء');
      // The buttons sit at the inline end, which is the left.
      const heading = root(panel).querySelector('[part~="title"]')!.getBoundingClientRect();
      expect(markRead(panel)!.getBoundingClientRect().right).to.be.at.most(heading.left + 1);
      await expect(panel).to.be.accessible();
    });
  });

  describe('Mark all as read', () => {
    it('by keyboard: sets the mark to the newest announcement, fires od-announcements-read, says so and keeps focus in the panel', async () => {
      const panel = await panelIn(createMemoryAdapter(data()), { userId: 'u1' });
      const events: AnnouncementsReadEvent[] = [];
      const listener = (e: Event) => events.push(e as AnnouncementsReadEvent);
      document.addEventListener('od-announcements-read', listener);
      try {
        markRead(panel)!.focus();
        await sendKeys({ press: 'Enter' });
        await until(() => events.length === 1, 'the event');
      } finally {
        document.removeEventListener('od-announcements-read', listener);
      }
      const [event] = events;
      expect(event.detail).to.deep.equal({ orgId: 'o1', readAt: iso(NOW - 2 * HOUR) });
      expect(event.bubbles && event.composed).to.equal(true);
      expect(event.cancelable).to.equal(false);
      await elementUpdated(panel);
      expect(unread(panel)).to.deep.equal([]);
      expect(root(panel).querySelector('[part~="new-count"]')).to.equal(null);
      expect(markRead(panel)).to.equal(null);
      expect(storedMark('o1', 'u1')).to.equal(iso(NOW - 2 * HOUR));
      await until(() => status(panel) === 'All announcements marked as read', 'the spoken confirmation');
      // The button is gone: focus is on the first announcement's own button, not lost to the page.
      await until(
        () => root(panel).activeElement === item(panel, 'h2').querySelector('[part~="dismiss"]'),
        'focus on the first announcement',
      );
      await expect(panel).to.be.accessible();
    });

    it('with Space too; focus goes to "Show dismissed" when there is one', async () => {
      localStorage.setItem(dismissalKey('o1'), JSON.stringify(['d20']));
      const panel = await panelIn(createMemoryAdapter(data()));
      markRead(panel)!.focus();
      await sendKeys({ press: ' ' });
      await until(() => markRead(panel) === null, 'marked read');
      await until(
        () => root(panel).activeElement === root(panel).querySelector('[part~="show-dismissed"]'),
        'focus on Show dismissed',
      );
      expect(storedMark()).to.equal(iso(NOW - 2 * HOUR));
    });

    it('says it again when the viewer marks read again after new ones arrived (the region is emptied first)', async () => {
      const adapter = createMemoryAdapter(data());
      const panel = await panelIn(adapter, { userId: 'u1' });
      const region = root(panel).querySelector('[part~="header"] [role="status"]')!;
      const said: string[] = [];
      const observer = new MutationObserver(() => said.push(text(region) ?? ''));
      observer.observe(region, { childList: true, characterData: true, subtree: true });
      try {
        markRead(panel)!.click();
        await until(() => status(panel) === 'All announcements marked as read', 'the first confirmation');
        adapter.emit('o1', { topic: 'announcements', data: announcement('live', NOW + 1000) });
        await until(() => markRead(panel) !== null, 'a new one to mark');
        said.length = 0;
        markRead(panel)!.click();
        await until(() => said.at(-1) === 'All announcements marked as read', 'the second confirmation');
        expect(said.slice(0, -1)).to.include('');
      } finally {
        observer.disconnect();
      }
    });

    it('marks by the newest publication, not the viewer’s clock: a clock behind the server leaves nothing new', async () => {
      // The server published 40 minutes "after" the viewer's clock: the clock is behind.
      const ahead = announcement('ahead', NOW + 40 * 60_000);
      const panel = await panelIn(createMemoryAdapter(data([ahead, ...LIST])), { userId: 'u1' });
      expect(unread(panel)[0]).to.equal('ahead');
      const readAt = new Promise<string>((resolve) =>
        panel.addEventListener('od-announcements-read', (e) => resolve(e.detail.readAt), { once: true }),
      );
      markRead(panel)!.click();
      expect(await readAt).to.equal(ahead.publishedAt);
      await elementUpdated(panel);
      expect(unread(panel)).to.deep.equal([]);
    });

    it('takes a later mark from another tab (which had loaded a newer announcement)', async () => {
      const panel = await panelIn(createMemoryAdapter(data()), { userId: 'u1' });
      const later = iso(NOW + HOUR);
      // (Storage holds its value when the event comes.)
      localStorage.setItem(readMarkKey('o1', 'u1'), later);
      window.dispatchEvent(new StorageEvent('storage', { key: readMarkKey('o1', 'u1'), newValue: later }));
      await elementUpdated(panel);
      expect(unread(panel)).to.deep.equal([]);
      expect(markRead(panel)).to.equal(null);
    });

    it('is remembered across re-creation (a reload), per org and per user, beside the dismissals', async () => {
      const adapter = createMemoryAdapter(data(LIST, 'o2'));
      const first = await panelIn(adapter, { userId: 'ada' });
      markRead(first)!.click();
      await elementUpdated(first);
      // The keys: the dismissals' format is unchanged, the read mark has its own prefix.
      expect(readMarkKey('o1', 'ada')).to.equal('od-announcements-read:o1:ada');
      expect(dismissalKey('o1', 'ada')).to.equal('od-announcements-dismissed:o1:ada');
      expect(readMarkKey('o/1', 'a:b')).to.equal('od-announcements-read:o%2F1:a%3Ab');
      expect(storedMark('o1', 'ada')).to.equal(iso(NOW - 2 * HOUR));
      // A reload: memory is gone, only storage remains.
      first.remove();
      forgetDismissalsInMemory();
      const again = await panelIn(adapter, { userId: 'ada' });
      expect(unread(again)).to.deep.equal([]);
      const otherUser = await panelIn(adapter, { userId: 'bob' });
      expect(unread(otherUser)).to.deep.equal(['h2', 'd3', 'd13']);
      const otherOrg = await panelIn(adapter, { orgId: 'o2', userId: 'ada' });
      expect(unread(otherOrg)).to.deep.equal(['h2', 'd3', 'd13']);
      const noUser = await panelIn(adapter);
      expect(unread(noUser)).to.deep.equal(['h2', 'd3', 'd13']);
    });

    it('reads a corrupt or foreign stored mark as none (the 14-day rule)', async () => {
      for (const stored of ['yesterday', '5', '2026-06-15', '{"at":1}', '2026-02-30T00:00:00Z']) {
        forgetDismissalsInMemory();
        localStorage.setItem(readMarkKey('o1'), stored);
        const panel = await panelIn(createMemoryAdapter(data()));
        expect(unread(panel), stored).to.deep.equal(['h2', 'd3', 'd13']);
      }
    });

    it('works for the session when storage throws on every use (quota, disabled)', async () => {
      sinon.stub(Storage.prototype, 'setItem').throws(new DOMException('full', 'QuotaExceededError'));
      sinon.stub(Storage.prototype, 'getItem').throws(new DOMException('denied', 'SecurityError'));
      const errors = sinon.spy();
      window.addEventListener('error', errors);
      try {
        const adapter = createMemoryAdapter(data());
        const panel = await panelIn(adapter, { userId: 'u1' });
        expect(unread(panel)).to.deep.equal(['h2', 'd3', 'd13']);
        const events: string[] = [];
        panel.addEventListener('od-announcements-read', (e) => events.push(e.detail.readAt));
        markRead(panel)!.click();
        await elementUpdated(panel);
        expect(events).to.deep.equal([iso(NOW - 2 * HOUR)]);
        expect(unread(panel)).to.deep.equal([]);
        // Another panel on the page (the same session) knows it too.
        const again = await panelIn(adapter, { userId: 'u1' });
        expect(unread(again)).to.deep.equal([]);
      } finally {
        window.removeEventListener('error', errors);
      }
      expect(errors.callCount).to.equal(0);
    });

    it('works when storage cannot even be reached (SecurityError on localStorage)', async () => {
      sinon.stub(window, 'localStorage').get(() => {
        throw new DOMException('denied', 'SecurityError');
      });
      const panel = await panelIn(createMemoryAdapter(data()));
      expect(count(panel)).to.equal('3 new');
      markRead(panel)!.click();
      await elementUpdated(panel);
      expect(unread(panel)).to.deep.equal([]);
    });

    it('keeps panels of the same org and user in step, on the page and with other tabs', async () => {
      const adapter = createMemoryAdapter(data());
      const wrapper = fixtureSync<HTMLElement>(html`
        <div>
          <announcements-panel org-id="o1" .adapter=${adapter} user-id="u"></announcements-panel>
          <announcements-panel org-id="o1" .adapter=${adapter} user-id="u"></announcements-panel>
          <announcements-panel org-id="o1" .adapter=${adapter} user-id="someone-else"></announcements-panel>
        </div>
      `);
      const [a, b, other] = [...wrapper.querySelectorAll('announcements-panel')];
      for (const panel of [a, b, other]) await inState(panel);
      markRead(a)!.click();
      await elementUpdated(b);
      expect(unread(b)).to.deep.equal([]);
      expect(markRead(b)).to.equal(null);
      expect(unread(other)).to.deep.equal(['h2', 'd3', 'd13']);

      // Another tab's mark (as if older: a tab that marked before these loaded).
      storeMark(NOW - 5 * DAY, 'o1', 'u');
      window.dispatchEvent(
        new StorageEvent('storage', { key: readMarkKey('o1', 'u'), newValue: iso(NOW - 5 * DAY) }),
      );
      await elementUpdated(a);
      await elementUpdated(b);
      expect(unread(a)).to.deep.equal(['h2', 'd3']);
      expect(unread(b)).to.deep.equal(['h2', 'd3']);
      // Another tab cleared storage: back to the 14-day rule.
      localStorage.clear();
      window.dispatchEvent(new StorageEvent('storage', { key: null }));
      await elementUpdated(a);
      expect(unread(a)).to.deep.equal(['h2', 'd3', 'd13']);
    });

    it('in controlled mode: the same, keyed by the org-id when set', async () => {
      const controlled = await fixture<AnnouncementsPanel>(html`
        <announcements-panel org-id="c1" user-id="u1" locale="en-US" .data=${LIST}></announcements-panel>
      `);
      expect(count(controlled)).to.equal('3 new');
      const detail = new Promise<{ orgId: string; readAt: string }>((resolve) =>
        controlled.addEventListener('od-announcements-read', (e) => resolve(e.detail), { once: true }),
      );
      markRead(controlled)!.click();
      expect(await detail).to.deep.equal({ orgId: 'c1', readAt: iso(NOW - 2 * HOUR) });
      expect(storedMark('c1', 'u1')).to.equal(iso(NOW - 2 * HOUR));

      const anonymous = await fixture<AnnouncementsPanel>(html`
        <announcements-panel locale="en-US" .data=${LIST}></announcements-panel>
      `);
      const orgId = new Promise<string>((resolve) =>
        anonymous.addEventListener('od-announcements-read', (e) => resolve(e.detail.orgId), { once: true }),
      );
      markRead(anonymous)!.click();
      expect(await orgId).to.equal('');
      expect(storedMark('')).to.equal(iso(NOW - 2 * HOUR));
    });
  });

  describe('against a reference', function () {
    this.timeout(120_000);

    /** Publication times within ±60 days of now, to the second (ties with the mark included). */
    const published = fc
      .integer({ min: (-60 * DAY) / 1000, max: (60 * DAY) / 1000 })
      .map((s) => NOW + s * 1000);

    it('the count and the "New" badges are the announcements published after the mark (else 14 days back), not dismissed', async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.uniqueArray(fc.tuple(fc.string({ minLength: 1, maxLength: 6 }), published), {
            minLength: 0,
            maxLength: 12,
            selector: ([id]) => id,
          }),
          fc.option(fc.oneof(published, fc.constantFrom(...[2 * HOUR, 14 * DAY].map((d) => NOW - d)))),
          fc.array(fc.nat(11), { maxLength: 4 }),
          async (entries, mark, dismissedAt) => {
            localStorage.clear();
            forgetDismissalsInMemory();
            const list = entries.map(([id, at]) => announcement(id, at));
            const dismissed = [...new Set(dismissedAt.filter((i) => i < list.length).map((i) => list[i].id))];
            if (mark !== null) storeMark(mark, 'p');
            if (dismissed.length) localStorage.setItem(dismissalKey('p'), JSON.stringify(dismissed));
            const panel = await fixture<AnnouncementsPanel>(html`
              <announcements-panel org-id="p" locale="en-US" .data=${list}></announcements-panel>
            `);
            // The reference: Temporal's reading of the instants, 14 days as 14 × 24 hours before now.
            const since =
              mark === null
                ? Temporal.Instant.fromEpochMilliseconds(NOW).subtract({ hours: 14 * 24 })
                : Temporal.Instant.fromEpochMilliseconds(mark);
            const expected = list
              .filter((a) => !dismissed.includes(a.id))
              .filter((a) => Temporal.Instant.compare(Temporal.Instant.from(a.publishedAt), since) > 0)
              .map((a) => a.id);
            expect([...unread(panel)].sort()).to.deep.equal([...expected].sort());
            expect(count(panel)).to.equal(expected.length ? `${expected.length} new` : undefined);
            expect(markRead(panel) !== null).to.equal(expected.length > 0);
            panel.remove();
          },
        ),
        { numRuns: 60 },
      );
    });
  });
});
